"""The packed lemma tables kept on disk, so a process reads them instead of building them.

Building a language's tables (`lemmas._pack`: simplemma's dictionary read record by
record into a `PackedTable`, plus the accent index) takes 0.5-1 s of CPU, more
than everything else a 150-minute exam's `report` does. The tables are a pure
function of simplemma's data file and of the code that builds them, so the first
process on a machine writes them to a cache file and every later one reads them
back (5-16 MB, about 10 ms, checksum included).

A cache file is used only if it was built from the same inputs: its name and
header carry a sha256 over the simplemma data file's bytes, the source of the
modules that build the tables (this one, `lemmas`, `packed`, `normalise`), the
language and the byte order. A different simplemma, or any edit to that code,
gives another key, so a stale file is never read. The payload's own sha256 is
checked on every read, so a truncated or damaged file is rebuilt, not trusted.
The file is not signed: whoever can write the cache folder can change lemmas, as
whoever can write the installed package can. Point `HELPDESK_EXAM_CACHE_DIR` at a
folder only the exam centre writes (or set it empty to build in memory every time).

Where: `$HELPDESK_EXAM_CACHE_DIR`, else `$XDG_CACHE_HOME/helpdesk-exam`, else
`~/.cache/helpdesk-exam`. Any failure to read or write it (read-only home, full
disk, no HOME) only means the tables are built in memory, as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from helpdesk_tui.language.packed import PackedTable

ENV = "HELPDESK_EXAM_CACHE_DIR"
FORMAT = b"helpdesk-exam packed lemma tables, format 1"
_MAGIC = b"HDXLEM1\n"
_SIZES = struct.Struct("<6Q")
_HEAD = len(_MAGIC) + 32 + 32 + _SIZES.size
_BUILDERS = ("compiled.py", "lemmas.py", "packed.py", "normalise.py")
"""The modules whose code decides what the tables hold: part of the key."""
_STALE_AFTER_S = 86_400
_MAX_PART = 1 << 30

Tables = tuple[PackedTable, PackedTable]


def cache_dir() -> Path | None:
    """The folder for the cache files, or None when the cache is off (`HELPDESK_EXAM_CACHE_DIR=`)."""
    value = os.environ.get(ENV)
    if value is not None:
        return Path(value) if value else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(xdg) if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None
    return base / "helpdesk-exam"


def source_file(lang: str) -> Path | None:
    """simplemma's data file for `lang`, found without importing simplemma (its import
    alone costs 0.1-0.2 s); None for a layout this module does not know."""
    if not (lang.isascii() and lang.isalpha()):
        return None
    try:
        spec = importlib.util.find_spec("simplemma")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "strategies" / "dictionaries" / "data" / f"{lang}.plzma"
    return path if path.is_file() else None


def key(lang: str, source: bytes) -> bytes:
    """The sha256 that names the tables built from `source` by this code."""
    digest = hashlib.sha256(FORMAT)
    digest.update(f"\0{lang}\0{sys.byteorder}\0".encode())
    digest.update(hashlib.sha256(source).digest())
    here = Path(__file__).parent
    for name in _BUILDERS:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return digest.digest()


def cached_tables(lang: str, build: Callable[[], Tables]) -> tuple[Tables, str]:
    """The language's tables from the cache file, else `build()` (then saved for next time).

    Returns the tables and how they were had: "read" or "built"."""
    folder = cache_dir()
    source = source_file(lang)
    if folder is None or source is None:
        return build(), "built"
    try:
        name = key(lang, source.read_bytes())
    except OSError:
        return build(), "built"
    path = folder / f"lemmas-{lang}-{name.hex()[:32]}.bin"
    tables = read(path, name)
    if tables is not None:
        return tables, "read"
    tables = build()
    write(path, name, tables)
    return tables, "built"


def read(path: Path, name: bytes) -> Tables | None:
    """The tables in `path` if it holds the ones named `name`, whole; else None."""
    try:
        with open(path, "rb") as file:
            head = file.read(_HEAD)
            if len(head) != _HEAD or not head.startswith(_MAGIC):
                return None
            stored_name = head[len(_MAGIC) : len(_MAGIC) + 32]
            stored_sum = head[len(_MAGIC) + 32 : len(_MAGIC) + 64]
            sizes = _SIZES.unpack(head[len(_MAGIC) + 64 :])
            if stored_name != name or any(n > _MAX_PART for n in sizes):
                return None
            digest = hashlib.sha256()
            parts = []
            for size in (sizes[0], sizes[1], sizes[3], sizes[4]):
                part = file.read(size)
                if len(part) != size:
                    return None
                digest.update(part)
                parts.append(part)
            if file.read(1) or digest.digest() != stored_sum:
                return None
        return (
            PackedTable.from_parts(parts[0], parts[1], sizes[2]),
            PackedTable.from_parts(parts[2], parts[3], sizes[5]),
        )
    except (OSError, ValueError):
        return None


def write(path: Path, name: bytes, tables: Tables) -> bool:
    """Save the tables under `path` (whole or not at all: written aside, then renamed)."""
    (data, slots, count), (idata, islots, icount) = (t.to_parts() for t in tables)
    parts = (data, slots, idata, islots)
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    sizes = _SIZES.pack(len(data), len(slots), count, len(idata), len(islots), icount)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp", delete=False
        ) as file:
            try:
                file.write(_MAGIC + name + digest.digest() + sizes)
                for part in parts:
                    file.write(part)
                file.close()
                os.chmod(file.name, 0o644)  # not secret; a shared folder's readers need it
                os.replace(file.name, path)
            except BaseException:
                os.unlink(file.name)
                raise
    except OSError:
        return False
    _prune(path)
    return True


def _prune(kept: Path) -> None:
    """Remove this language's files of other keys not written for a day (older versions).

    A day's grace, because two installed versions (or checkouts) may share the
    folder and each would otherwise delete the other's file on every run."""
    lang_prefix = kept.name.rsplit("-", 1)[0] + "-"
    now = time.time()
    try:
        for other in kept.parent.glob(f"{lang_prefix}*.bin"):
            if other != kept and now - other.stat().st_mtime > _STALE_AFTER_S:
                other.unlink()
    except OSError:
        return
