"""Reading a scenario's files without trusting them: regular files only, bounded in size.

A scenario folder comes from an author, a colleague or a download, and the exam
reads it as the exam user. So a KB "article" that is a symbolic link to
`/dev/zero` must not be read without end, a FIFO must not block `validate` or
the exam's start, a link must not carry the read out of the folder, and a 50 MB
article must not be taken in. Every file is looked at with `lstat` before it is
opened (a symbolic link is never followed), opened with `O_NOFOLLOW | O_NONBLOCK`
(a FIFO swapped in between cannot block), checked again on the open descriptor,
and read up to its limit plus one byte.

Each refusal is an `UnsafeFile` whose message says what the file is and what
would be right; the checkers turn it into the usual file-and-field problem.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from helpdesk_tui.core.phrase import Phrase

SCENARIO_MAX_BYTES = 2 * 1024 * 1024
"""scenario.toml: the bundled ones are about 60 KB."""
SLA_PROFILE_MAX_BYTES = 256 * 1024
ARTICLE_MAX_BYTES = 256 * 1024
"""One KB article: the bundled ones are under 3 KB."""
KB_MAX_BYTES = 8 * 1024 * 1024
"""Every article of one scenario together."""
KB_MAX_FILES = 500
FOLDER_MAX_ENTRIES = 2000
"""Entries looked at in a scenario folder (its files are hashed into the log header)."""


class UnsafeFile(Exception):
    """A file the exam must not read; the message says why and what would be right."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return Phrase("a symbolic link")
    if stat.S_ISFIFO(mode):
        return Phrase("a FIFO (named pipe)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Phrase("a device")
    if stat.S_ISSOCK(mode):
        return Phrase("a socket")
    if stat.S_ISDIR(mode):
        return Phrase("a folder")
    return Phrase("not a regular file")


def refuse_special(mode: int) -> None:
    """Raise `UnsafeFile` unless `mode` is a regular file's."""
    if stat.S_ISDIR(mode):
        raise UnsafeFile(Phrase("is a folder — must be a file"))
    if not stat.S_ISREG(mode):
        raise UnsafeFile(
            Phrase(
                "is {kind} — scenario files must be regular files inside the scenario "
                "folder (copy the file itself there, not a link)",
                kind=_kind(mode),
            )
        )


def _size_error(size: int, limit: int) -> UnsafeFile:
    return UnsafeFile(
        Phrase(
            "is {size:,} bytes — at most {limit:,} bytes are read; split it or shorten it",
            size=size,
            limit=limit,
        )
    )


def read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes; `UnsafeFile` for a link, FIFO, device or a file over `limit`.

    `FileNotFoundError` and other `OSError`s pass through for the caller's messages.
    """
    refuse_special(os.lstat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == getattr(os, "ELOOP", -1):
            raise UnsafeFile(
                Phrase("is a symbolic link — scenario files must be regular files")
            ) from None
        raise
    try:
        info = os.fstat(fd)
        refuse_special(info.st_mode)  # swapped between lstat and open
        if info.st_size > limit:
            raise _size_error(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # grew while being read
            raise _size_error(total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def inside(folder: Path, relative: str) -> Path | None:
    """`folder/relative` when it stays inside `folder` with no link on the way, else None.

    For paths an author writes (an SLA profile "relative to the scenario folder"):
    absolute paths, `..` and symbolic links anywhere on the way are refused.
    """
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or any(p in ("..", "") for p in parts):
        return None
    here = folder
    for part in parts:
        here = here / part
        try:
            if stat.S_ISLNK(os.lstat(here).st_mode):
                return None
        except OSError:
            return here  # does not exist (yet): the caller reports it as missing
    return here


def special_entries(folder: Path) -> list[tuple[Path, str]]:
    """Entries of the folder that are not regular files or folders, with why.

    The whole scenario folder is hashed into the log header, so a FIFO or a link
    anywhere in it (not only among the articles) would block or escape. The walk
    never follows links and stops after `FOLDER_MAX_ENTRIES` entries.
    """
    found: list[tuple[Path, str]] = []
    seen = 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in [*dirs, *files]:
            seen += 1
            if seen > FOLDER_MAX_ENTRIES:
                found.append(
                    (
                        Path(root),
                        Phrase(
                            "has more than {most} entries — a scenario folder holds "
                            "scenario.toml, kb/ and a few notes",
                            most=FOLDER_MAX_ENTRIES,
                        ),
                    )
                )
                return found
            path = Path(root) / name
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
                continue
            found.append(
                (
                    path,
                    Phrase(
                        "is {kind} — a scenario folder may hold only regular files",
                        kind=_kind(mode),
                    ),
                )
            )
    return found


__all__ = [
    "ARTICLE_MAX_BYTES",
    "KB_MAX_BYTES",
    "KB_MAX_FILES",
    "SCENARIO_MAX_BYTES",
    "SLA_PROFILE_MAX_BYTES",
    "UnsafeFile",
    "inside",
    "read_bounded",
    "refuse_special",
    "special_entries",
]
