"""The register's file: a TinyDB document store, read whole, written whole, atomically, under a lock.

Many writers touch one sitting's register at once (every login, every exam
that ends, `collect-logs.sh`, the assessors' `reconcile`), each in its own
process. Two rules keep every update:

- **A lock around each read-modify-write** (`filelock`, an `flock` on
  `.sitting.lock` beside the register): a writer reads the register, changes
  it and writes it back while holding the lock, so no other writer can read
  the old version in between and write over the change.
- **Atomic replace**: the new content goes to a temporary file in the same
  folder, is fsynced, and `os.replace`s the register (then the folder is
  fsynced). A reader never takes the lock: it sees the old file or the new
  one, never half of one; a crash mid-write leaves the old file whole.

A transaction reads the file once into an in-memory TinyDB, lets the caller
query and change it with TinyDB's own API, and writes once at the end, only
if something changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from helpdesk_tui.eventlog.durable import fsync_dir, open_regular
from helpdesk_tui.i18n import _
from helpdesk_tui.printable import escaped_unseen

REGISTER_FILE = "sitting.json"
LOCK_FILE = ".sitting.lock"
MAX_REGISTER_BYTES = 32 << 20
"""A register of a few hundred candidates is well under a megabyte; more is not ours."""
LOCK_TIMEOUT_S = 10.0


class RegisterError(Exception):
    """A register that cannot be read or written; the message names the file and the fix."""


class RegisterBusy(RegisterError):
    """The lock was not free within the timeout (another writer hangs, or a stale NFS lock)."""


def owner_of(folder: Path) -> tuple[int, int] | None:
    """Root writes files the sitting folder's owner must go on writing (the exam user)."""
    if os.geteuid() != 0:
        return None
    info = folder.stat()
    return None if info.st_uid == 0 else (info.st_uid, info.st_gid)


def fsync_folder(folder: Path) -> None:
    """Best effort: the register can be rebuilt from the logs (`sitting rebuild`)."""
    with contextlib.suppress(OSError):
        fsync_dir(folder)


def write_atomically(path: Path, text: str, mode: int = 0o640) -> None:
    """Write `text` to `path`: temporary file, fsync, replace, fsync the folder."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            owner = owner_of(folder)
            if owner is not None:
                os.fchown(handle.fileno(), *owner)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def read_document(path: Path) -> dict[str, dict[str, Any]] | None:
    """The register's tables, or None when there is no register file (yet)."""
    try:
        with open_regular(path) as handle:  # never a pipe in its place (sec12: it waited)
            data = handle.read(MAX_REGISTER_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise RegisterError(
            _("{path} cannot be read ({why}).").format(path=path, why=exc.strerror)
        ) from None
    if len(data) > MAX_REGISTER_BYTES:
        raise RegisterError(
            _(
                "{path} is larger than {mb} MB, far more than a sitting's register; it is "
                "not one. Move it aside and run `helpdesk-exam sitting rebuild`."
            ).format(path=path, mb=MAX_REGISTER_BYTES >> 20)
        )
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RegisterError(
            _(
                "{path} is not valid JSON ({why}). The register is only a view of the logs: "
                "move the file aside and run `helpdesk-exam sitting rebuild NAME` to make it "
                "again."
            ).format(path=path, why=_where_not_json(exc))
        ) from None
    if not isinstance(document, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in document.values()
    ):
        raise RegisterError(
            _(
                "{path} is JSON but not a register (an object of tables, each an object of "
                "documents); move it aside and run `helpdesk-exam sitting rebuild NAME`."
            ).format(path=path)
        )
    return document


class RegisterFile:
    """One sitting's register file and its lock, in the sitting's folder."""

    def __init__(self, folder: Path, *, timeout: float = LOCK_TIMEOUT_S) -> None:
        self.folder = Path(folder)
        self.path = self.folder / REGISTER_FILE
        self.lock_path = self.folder / LOCK_FILE
        self.timeout = timeout

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def read(self) -> dict[str, dict[str, Any]]:
        """A snapshot without the lock (the file is only ever replaced whole)."""
        document = read_document(self.path)
        if document is None:
            raise RegisterError(
                _(
                    "there is no register {path}; make the sitting with "
                    "`helpdesk-exam sitting new NAME --scenario S`, or `sitting rebuild NAME` "
                    "to make it from the logs already there."
                ).format(path=self.path)
            )
        return document

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the sitting's lock (RegisterBusy after `timeout` seconds)."""
        self._make_lock_file()
        lock = FileLock(self.lock_path, timeout=self.timeout, preserve_lock_file=True)
        try:
            lock.acquire()
        except Timeout:
            raise RegisterBusy(
                _(
                    "{path} stayed locked for {seconds} s: another process is writing the "
                    "register (or hangs holding it: `fuser -v` names it)."
                ).format(path=self.lock_path, seconds=f"{self.timeout:g}")
            ) from None
        except OSError as exc:
            raise RegisterError(
                _("{path} cannot be locked ({why}).").format(path=self.lock_path, why=exc.strerror)
            ) from None
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def transaction(self, *, create: bool = False) -> Iterator[TinyDB]:
        """A TinyDB over the register's content, under the lock; written back if changed."""
        with self.locked():
            document = read_document(self.path)
            if document is None and not create:
                self.read()  # raises the "no register" error
            before = document or {}
            db = TinyDB(storage=MemoryStorage)
            db.storage.write(json.loads(json.dumps(before)))
            yield db
            after = db.storage.read() or {}
            if after != before or document is None:
                write_atomically(self.path, dump(after))

    def _make_lock_file(self) -> None:
        if self.lock_path.exists():
            return
        try:
            fd = os.open(self.lock_path, os.O_WRONLY | os.O_CREAT, 0o660)
        except FileNotFoundError:
            raise RegisterError(
                _(
                    "the sitting folder {folder} does not exist; make it with "
                    "`helpdesk-exam sitting new NAME --scenario S`."
                ).format(folder=self.folder)
            ) from None
        except OSError as exc:
            raise RegisterError(
                _("{folder} cannot be made ({why}).").format(
                    folder=self.lock_path, why=exc.strerror
                )
            ) from None
        try:
            owner = owner_of(self.folder)
            if owner is not None:
                os.fchown(fd, *owner)
        finally:
            os.close(fd)


def _where_not_json(exc: ValueError) -> str:
    """Where the register stops being JSON, in the UI's language (bugs18: the parser's English
    sentence sat inside a Dutch or French one)."""
    if isinstance(exc, json.JSONDecodeError):
        return _("line {line}, column {column}").format(line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return _("not UTF-8 at byte {at}").format(at=exc.start)
    return type(exc).__name__


def dump(document: dict[str, Any]) -> str:
    """Stable text: sorted keys, so two equal registers are equal files."""
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False)
    return escaped_unseen(text) + "\n"
