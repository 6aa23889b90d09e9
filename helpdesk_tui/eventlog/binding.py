"""Hashes that bind a log to the scenario and SLA profile it was sat on.

Like Safe Exam Browser's exam key: the header carries these hashes, so
`verify --scenario DIR` proves which scenario files the candidate faced. The
folder hash is independent of the order the file system lists files in.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from helpdesk_tui.eventlog.errors import BindingError

_CHUNK = 1 << 16


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file's bytes."""
    path = Path(path)
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):  # a FIFO would block, /dev/zero never end
            if stat.S_ISDIR(os.lstat(path).st_mode):
                raise IsADirectoryError
            raise BindingError(f"{path} is not a regular file (a link, FIFO or device).")
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW), "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except IsADirectoryError:
        raise BindingError(f"{path} is a folder; give the file itself.") from None
    except OSError as exc:
        raise BindingError(f"{path} cannot be read to hash it ({exc.strerror}).") from None
    return digest.hexdigest()


def folder_files(folder: Path) -> list[str]:
    """Relative POSIX paths of the files that count: no dotfiles, no __pycache__, sorted."""
    folder = Path(folder)
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _ignored(d)]
        base = Path(root).relative_to(folder)
        found.extend((base / name).as_posix() for name in files if not _ignored(name))
    return sorted(found)


def _ignored(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__" or name.endswith(".pyc")


def folder_sha256(folder: Path) -> str:
    """SHA-256 (hex) over every file's relative path and content hash, in sorted order.

    Each file adds the line `<relative/posix/path>\\0<sha256 of content>\\n`, so a
    renamed, added, removed or changed file changes the result, and the order
    the operating system lists files in does not.
    """
    folder = Path(folder)
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise BindingError(
            f"{folder} {what}; give the scenario's folder (the one with scenario.toml)."
        )
    digest = hashlib.sha256()
    for rel in folder_files(folder):
        digest.update(f"{rel}\0{file_sha256(folder / rel)}\n".encode())
    return digest.hexdigest()
