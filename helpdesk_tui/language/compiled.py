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

import contextlib
import hashlib
import importlib.util
import os
import struct
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

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
    """The tables in `path` if it holds the ones named `name`, whole; else None.

    The file is checked by reading it through (its sha256, and each offsets table's
    shape as `PackedTable.from_parts` checks it) and then read at each look-up
    (`PackedTable.over` on `FileBytes`): the file stays in the page cache, once for
    every exam on the server, and none of it in an exam's own memory (issue 15: a
    private copy of it was 5.4 MB of every English exam's 80 MB; mapping it instead
    still counted it, since the kernel maps a page cache folio whole, up to 2 MB, on a
    touch). A look-up is three or four `pread`s of a few hundred bytes, about as many
    microseconds, and `lemmas` caches its answers. The writer replaces a file by
    renaming a new one over it, so the open file never changes under a reader; whoever
    could change it in place could change the lemmas anyway (see the module), and a
    look-up is bounded whatever the file holds."""
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
            if not _checked(file, sizes, stored_sum):
                return None
            return _on_file(path, sizes)
    except (OSError, ValueError):
        return None


_CHUNK = 1 << 18
"""Bytes read at a time while checking a file (a multiple of 4: offsets stay whole)."""


def _checked(file: BinaryIO, sizes: tuple[int, ...], stored_sum: bytes) -> bool:
    """Whether the four parts after the head hash to `stored_sum` and each offsets table
    has the shape of one (a power of two of slots, `count` of them used, none past its
    records), read in chunks so that no copy of the file stays in memory."""
    digest = hashlib.sha256()
    for records, slots, count in ((sizes[0], sizes[1], sizes[2]), (sizes[3], sizes[4], sizes[5])):
        last = b""
        for chunk in _chunks(file, records):
            digest.update(chunk)
            last = chunk[-1:]
        if records and last != b"\n":
            return False
        n = slots // 4
        if slots % 4 or n < 16 or n & (n - 1) or count * 2 > n:
            return False
        used, top = 0, 0
        for chunk in _chunks(file, slots):
            digest.update(chunk)
            offsets = array("I", chunk)
            used += len(offsets) - offsets.count(0)
            top = max(top, max(offsets, default=0))
        if used != count or top > records:
            return False
    return not file.read(1) and digest.digest() == stored_sum


def _chunks(file: BinaryIO, size: int) -> Iterator[bytes]:
    """`size` bytes of `file` in chunks; ValueError if the file ends before."""
    while size > 0:
        chunk = file.read(min(_CHUNK, size))
        if not chunk:
            raise ValueError("the file ends early")
        size -= len(chunk)
        yield chunk


def _on_file(path: Path, sizes: tuple[int, ...]) -> Tables:
    """The two tables, read from the file at each look-up (`FileBytes`, `FileOffsets`)."""
    data = FileBytes(os.open(path, os.O_RDONLY | os.O_CLOEXEC))
    records, slots = _HEAD, _HEAD + sizes[0]
    irecords = slots + sizes[1]
    islots = irecords + sizes[3]
    return (
        PackedTable.over(data, records, slots, FileOffsets(data, slots, sizes[1] // 4), sizes[2]),
        PackedTable.over(
            data, irecords, islots, FileOffsets(data, islots, sizes[4] // 4), sizes[5]
        ),
    )


class FileBytes:
    """The bytes of an open file, read where asked (`os.pread`): what `PackedTable` needs
    of its records (`find` in a range, a slice), without holding them in memory."""

    __slots__ = ("_fd",)
    _STEP = 256

    def __init__(self, fd: int) -> None:
        """Takes `fd` over: it is closed with this object."""
        self._fd = fd

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)

    def pread(self, size: int, at: int) -> bytes:
        return os.pread(self._fd, size, at)

    def find(self, sub: bytes, start: int, end: int) -> int:
        """Where `sub` first is in [start, end), or -1 (as `bytes.find`)."""
        step = max(self._STEP, 2 * len(sub))
        while start < end:
            chunk = os.pread(self._fd, min(step, end - start), start)
            if not chunk:
                return -1
            found = chunk.find(sub)
            if found >= 0:
                return start + found
            if start + len(chunk) >= end:
                return -1
            start += len(chunk) - len(sub) + 1
        return -1

    def __getitem__(self, where: slice) -> bytes:
        return os.pread(self._fd, where.stop - where.start, where.start)


class FileOffsets:
    """An offsets table (4-byte native integers) in an open file, read where asked."""

    __slots__ = ("_file", "_at", "_n")

    def __init__(self, file: FileBytes, at: int, n: int) -> None:
        self._file, self._at, self._n = file, at, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, index: int) -> int:
        return int.from_bytes(self._file.pread(4, self._at + 4 * index), sys.byteorder)

    def __bytes__(self) -> bytes:
        return self._file.pread(4 * self._n, self._at)


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
