"""Files that must survive a power cut: created whole with their mode, fsynced, and
their folder fsynced so the new name is on disk too.

One place for it, because a key, a resume file, a set-aside tail and the sitting
register all need the same care, and a copy that forgot one fsync would lose data
only on the day the power goes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


def write_new(path: Path, content: bytes, mode: int = 0o600) -> None:
    """Create `path` (it must not exist) with `mode` from the start, never briefly
    world-readable, write all of `content` and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        os.fchmod(fd, mode)  # the umask may have narrowed it; never widened beyond `mode`
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a file created or renamed in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class NotRegularFile(OSError):
    """A path to read that is a pipe, device or socket."""


def open_regular(path: Path) -> BinaryIO:
    """A file opened for reading, if it is a regular file (else IsADirectoryError,
    NotRegularFile, FileNotFoundError or another OSError).

    The type is checked before opening, so a device is never opened, and again on the
    open file, which is opened non-blocking: a pipe put in its place between the two
    can make no reader wait for a writer (qa-sitting8: `resume FIFO`, `--pubkey FIFO`)."""
    _regular(os.stat(path).st_mode)
    handle = os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb")
    try:
        _regular(os.fstat(handle.fileno()).st_mode)
    except OSError:
        handle.close()
        raise
    return handle


def _regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder")
    if not stat.S_ISREG(mode):
        raise NotRegularFile(errno.EINVAL, "not a regular file (a pipe, device or socket)")
