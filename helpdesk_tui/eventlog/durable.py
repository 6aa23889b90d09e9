"""Files that must survive a power cut: created whole with their mode, fsynced, and
their folder fsynced so the new name is on disk too.

One place for it, because a key, a resume file, a set-aside tail and the sitting
register all need the same care, and a copy that forgot one fsync would lose data
only on the day the power goes.
"""

from __future__ import annotations

import os
from pathlib import Path


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
