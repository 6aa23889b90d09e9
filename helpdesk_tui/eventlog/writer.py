"""Write the log: append, flush, fsync, and only then return (on disk is the acknowledgement).

The exam applies an event to its state only after `append` returns, so a crash
at any moment leaves a log holding every event the candidate saw take effect.
Each append is one `write` to a file opened with O_APPEND, then `fsync`; a
checkpoint that falls due rides in the same write. When the disk refuses, the
file is cut back to its last complete record and `LogWriteError` is raised: the
writer stays usable and the same append can be retried later.

One exception, `SYNC_LATER` (where the candidate looks, `focus_moved`): its
record is written at once (in the file before the state applies it, so a
killed or crashed process keeps it) and fsynced by the next record that is
fsynced, or by `sync_pending` within `SYNC_LATER_S` (the exam's tick), or at
close. Its fsync (3-40 ms, more on a busy disk) sat between an area-switch key
and its frame. See docs/architecture.md, "Durability".

A second kind, `SYNC_SOON` (a customer's message, their typing, and the notice that
showed it: `customer_message`, `customer_typing`, `notice_shown`): written at once like the above, and fsynced
at once on the writer's own thread (`os.fsync` releases the GIL), so the exam's
event loop does not wait for the disk while a candidate types. Candidate commands
are never deferred: their fsync, on the loop, covers every byte written before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import threading
import time
import uuid
from pathlib import Path

from helpdesk_tui.core.events import Event, utc_now_iso
from helpdesk_tui.eventlog.chain import Batch, ChainEncoder, ChainState, KeySource
from helpdesk_tui.eventlog.durable import fsync_dir
from helpdesk_tui.eventlog.errors import LogError, LogStateError, LogWriteError
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import (
    CheckpointPolicy,
    SessionHeader,
    sha256_hex,
)
from helpdesk_tui.eventlog.recovery import (
    RecoveredLog,
    TailCheck,
    recover,
    remove_session_key,
    save_chain_keys,
    session_key_path,
)

_os_write = os.write
"""Indirection so tests can make the disk fail half-way through a record."""


_monotonic = time.monotonic
"""Indirection so tests can age a written record without waiting."""

SYNC_LATER: frozenset[str] = frozenset({"focus_moved"})
"""Event types whose fsync may wait (see the module docstring): evidence of where
the candidate looked, which no candidate work, customer, clock or form depends on.
Only an operating-system crash or a power cut in the few hundred milliseconds
before the next fsync can lose one, and then only at the log's tail, which
recovery already treats as a torn tail. A record that carries a checkpoint is
never deferred (its chain key replaces the old one in the resume file)."""

SYNC_SOON: frozenset[str] = frozenset({"customer_message", "customer_typing", "notice_shown"})
"""Event types written at once and fsynced on the writer's thread (`_Syncer`) right after:
what a simulated customer said (and that they are typing) and the notice that showed it. The simulation is pure
(`customers/simulation.py`): restored from the log's prefix it says the same message
at the same exam time again, and the notice of a message shown again is logged again.
A power cut before the thread's fsync can lose only a tail of such records (every
candidate command is fsynced on the loop, which flushes the file up to it), and a
resumed exam says what was lost again (`tests/runtime/test_sync_soon_power_cut.py`)."""

SYNC_LATER_S = 0.5
"""How long a written `SYNC_LATER` record may wait for its fsync when no other
record comes: `sync_pending` (the exam's tick, at most every 1 s) fsyncs it once
it is this old, so it is on disk within about 1.5 s."""


def _sync(fd: int) -> None:
    """fsync: the record and the file's new length are on the disk when this returns."""
    os.fsync(fd)


class _Syncer:
    """One thread that fsyncs the log when asked, off the exam's event loop.

    It holds its own descriptor of the file (`os.dup`: an fsync of it flushes the same
    file), so closing the writer's does not cut an fsync in flight. `done` is the
    highest write count an fsync covered; a failed fsync is kept in `failed` and the
    writer's next `sync_pending` fsyncs on the caller's thread, which raises."""

    def __init__(self, fd: int) -> None:
        self._fd = os.dup(fd)
        self._pid = os.getpid()
        self._cv = threading.Condition()
        self._wanted = 0
        self.done = 0
        self.failed: OSError | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="log-fsync", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        """False in a forked child (the thread was not copied) or once stopped."""
        return self._pid == os.getpid() and not self._stopping and self._thread.is_alive()

    @property
    def busy(self) -> bool:
        return self._wanted > self.done and self.failed is None

    def request(self, written: int) -> None:
        with self._cv:
            if written > self._wanted:
                self._wanted = written
                self._cv.notify()

    def wait(self) -> None:
        """Until every fsync asked for is made (or failed)."""
        with self._cv:
            while self._wanted > self.done and self.failed is None and self._thread.is_alive():
                self._cv.wait(0.1)

    def stop(self) -> None:
        if self._pid != os.getpid():
            return  # a forked child: neither the thread nor its wake-ups are ours
        with self._cv:
            self._stopping = True
            self._cv.notify()
        self._thread.join()
        with contextlib.suppress(OSError):
            os.close(self._fd)

    def _run(self) -> None:
        while True:
            with self._cv:
                while self._wanted <= self.done and not self._stopping:
                    self._cv.wait()
                if self._wanted <= self.done:
                    return
                target = self._wanted
            try:
                _sync(self._fd)
            except OSError as exc:
                with self._cv:
                    self.failed = exc
                    self._wanted = self.done  # the caller's next sync_pending tries again
                    self._cv.notify_all()
                continue
            with self._cv:
                self.done = max(self.done, target)
                self._cv.notify_all()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[_os_write(fd, view) :]


def new_session_id() -> str:
    """A random session id (UUID4 hex): unique across terminals without coordination."""
    return uuid.uuid4().hex


def _lock(fd: int, path: Path) -> None:
    """One writer per log: a second exam or resume on the same file is refused."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise LogStateError(
            f"{path} is being written by another process (is the exam still running?); "
            "stop that process before resuming this log."
        ) from None


class EventLogWriter:
    """The only way records get into a log.

    One writer per file (an exclusive flock), used from one thread: the exam's
    event loop appends, the state is updated after `append` returns. Only the
    fsyncs of `SYNC_SOON` records (and, asked, of waiting `SYNC_LATER` ones) run
    on the writer's own thread (`_Syncer`).
    """

    def __init__(self, path: Path, fd: int, encoder: ChainEncoder, length: int) -> None:
        self._path = path
        self._fd: int | None = fd
        self._encoder = encoder
        self._length = length
        self._dirty = False
        self._unsynced_since: float | None = None
        """When the oldest record written but not yet fsynced was written (monotonic)."""
        self._writes = 0
        """Records written so far (a `_Syncer`'s fsync covers those it was asked for)."""
        self._syncer: _Syncer | None = None

    # --- opening ---------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        header: SessionHeader,
        signer: Signer,
        policy: CheckpointPolicy | None = None,
        key_source: KeySource = Signer.generate,
    ) -> EventLogWriter:
        """Start a new log with its signed header; refuses a file that already exists.

        `signer` (the exam-centre key, or a practice log's own) signs the header
        only; `key_source` makes the chain keys (tests pass a seeded one)."""
        path = Path(path)
        policy = policy or CheckpointPolicy()
        header = dataclasses.replace(header, created=header.created or utc_now_iso())
        try:
            encoder, line = ChainEncoder.start(header, signer, policy, key_source)
        except ValueError as exc:
            raise LogError(f"{path}: the log cannot be started: {exc}.") from None
        fd = cls._open_new(path)
        writer = cls(path, fd, encoder, 0)
        try:
            session_key_path(path).unlink(missing_ok=True)  # orphaned: its log did not exist
            save_chain_keys(path, [encoder.signer])
            writer._write(Batch(line, encoder.state, 0))
            fsync_dir(path.parent)
        except OSError as exc:  # the chain key or the folder: a full disk (sec19: a traceback)
            writer._abandon_new()
            raise LogWriteError(
                f"{path}: the log cannot be started ({exc.strerror or exc}); nothing was "
                "kept. Free disk space or fix the disk, then start the session again."
            ) from None
        except BaseException:
            writer._abandon_new()
            raise
        return writer

    @staticmethod
    def _open_new(path: Path) -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | os.O_CLOEXEC
        try:
            fd = os.open(path, flags, 0o640)  # group: the witness's, where it is set up
        except FileExistsError:
            raise LogStateError(
                f"{path} already exists; a log is never overwritten. Resume that session with "
                "`helpdesk-exam resume`, or choose another file name for a new one."
            ) from None
        except OSError as exc:
            raise LogWriteError(f"{path} cannot be created ({exc.strerror}).") from None
        _lock(fd, path)
        return fd

    def _abandon_new(self) -> None:
        """A header that never reached the disk: leave no half-made log behind."""
        self._close_fd()
        key = session_key_path(self._path)
        for leftover in (self._path, key, key.with_name(key.name + ".new")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)

    @classmethod
    def reopen(
        cls, path: Path, signer: Signer | None = None, check_tail: TailCheck | None = None
    ) -> tuple[EventLogWriter, RecoveredLog]:
        """Continue an unsealed log after a crash: verify it, keep aside what it cannot vouch for.

        `signer` is the exam-centre key (its public half checks the header; an
        exam log needs it); a practice log with its own key needs none. What
        signs from now on is the chain key saved beside the log. `check_tail`
        replays the unsigned tail (see `recovery.recover`). Nothing is signed
        here: the caller appends `recovered.resume_event(...)` first.
        """
        path = Path(path)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC)
        except FileNotFoundError:
            raise LogError(
                f"{path} does not exist; give the log of the session to resume."
            ) from None
        except IsADirectoryError:
            raise LogError(
                f"{path} is a folder; give the log file of the session to resume."
            ) from None
        _lock(fd, path)
        try:
            recovered = recover(path, fd, signer, check_tail)
            chain_signer, recovered.chain_signer = recovered.chain_signer, None
            assert chain_signer is not None
        except BaseException:
            os.close(fd)
            raise
        state = ChainState(
            seq=recovered.last_seq,
            head=sha256_hex(recovered.last_line),
            last_t=recovered.last_exam_time,
            unsigned=recovered.unsigned_records,
            signed_t=recovered.last_signed_exam_time,
        )
        header = recovered.header
        policy = CheckpointPolicy(**header.checkpoint_policy)
        encoder = ChainEncoder(header, chain_signer, policy, state)
        return cls(path, fd, encoder, recovered.good_length), recovered

    # --- writing ---------------------------------------------------------

    def append(self, event: Event) -> int:
        """Write the event (and a checkpoint if due); return its seq once it is on disk.

        A `SYNC_LATER` event returns once it is written (in the file, for every
        reader and for a process that dies now); its fsync comes with the next
        fsynced record, `sync_pending`, or `close`."""
        self._check_writable()
        batch = self._encoder.event(event)  # EventFormatError (a ValueError) for a bad event
        later = event.type in SYNC_LATER or event.type in SYNC_SOON
        self._write(batch, sync=not later or batch.next_signer is not None)
        if event.type in SYNC_SOON and self._unsynced_since is not None:
            self.sync_soon()
        return batch.seq

    def sync_soon(self) -> None:
        """Have the writer's thread fsync what is written so far (returns at once).
        In a forked child, or if the thread cannot start, the next `sync_pending` does."""
        if self._fd is None or self._unsynced_since is None:
            return
        syncer = self._syncer
        if syncer is None or not syncer.alive:
            try:
                syncer = self._syncer = _Syncer(self._fd)
            except (OSError, RuntimeError):
                return
        syncer.request(self._writes)

    def wait_synced(self) -> None:
        """Until the writer's thread has made every fsync asked of it (or failed)."""
        if self._syncer is not None:
            self._syncer.wait()

    def _synced_by_thread(self) -> bool:
        """Whether the thread's fsyncs cover every record written (then nothing waits)."""
        syncer = self._syncer
        if syncer is not None and self._unsynced_since is not None and syncer.done >= self._writes:
            self._unsynced_since = None
        return self._unsynced_since is None

    def sync_pending(self, older_than: float = 0.0, *, background: bool = False) -> bool:
        """fsync the records written without one, if the oldest is `older_than` seconds
        old or more; whether an fsync was made (or, `background`, asked of the writer's
        thread). Raises `LogWriteError` if the disk refuses (the records stay in the file;
        the next fsync tries again); a failed fsync of the thread's is made again here."""
        if self._synced_by_thread():
            return False
        since = self._unsynced_since
        if since is None or self._fd is None or _monotonic() - since < older_than:
            return False
        syncer = self._syncer
        if syncer is not None and syncer.failed is not None:
            syncer.failed = None  # made again here, on the caller's thread, which raises
        elif background and syncer is not None and syncer.alive:
            if not syncer.busy:
                syncer.request(self._writes)
            return True
        elif background:
            self.sync_soon()
            if self._syncer is not None and self._syncer.alive:
                return True
        try:
            _sync(self._fd)
        except OSError as exc:
            raise LogWriteError(
                f"{self._path}: the records up to {self.seq} could not be flushed to the disk "
                f"({exc.strerror or exc}). Free disk space or fix the disk; the next record's "
                "fsync tries again."
            ) from exc
        self._unsynced_since = None
        return True

    @property
    def unsynced(self) -> bool:
        """Whether a record is written but not yet fsynced (a `SYNC_LATER` one)."""
        return not self._synced_by_thread()

    def checkpoint(self, exam_time: float, wall_time: str) -> None:
        """Sign the chain head now; nothing is written if every record is already signed."""
        self._check_writable()
        batch = self._encoder.checkpoint(exam_time, wall_time)
        if batch is not None:
            self._write(batch)

    def checkpoint_due(self, exam_time: float) -> bool:
        """For a timer: whether the policy wants a checkpoint at this exam time."""
        st = self._encoder.state
        return not st.sealed and self._encoder.policy.due(st.unsigned, exam_time - st.signed_t)

    def seal(self, reason: str, exam_time: float, wall_time: str) -> None:
        """Write the signed seal; after it the log takes no more records."""
        self._check_writable()
        self._write(self._encoder.seal(reason, exam_time, wall_time))
        remove_session_key(self._path)

    def close(self, sign: bool = True) -> None:
        """Sign any unsigned records (unless sealed, or `sign` is False), then close the file.

        A session closed without a seal (a practice run stopped half-way) thus
        verifies as intact-unsealed with nothing unsigned. A resume that failed
        closes with `sign=False`: it never signs what it could not replay.
        """
        if self._fd is None:
            return
        try:
            st = self._encoder.state
            if sign and not st.sealed and st.unsigned and not self._dirty:
                self.checkpoint(st.last_t, utc_now_iso())
        finally:
            self.wait_synced()
            with contextlib.suppress(OSError, LogWriteError):  # written; the kernel keeps it
                self.sync_pending()
            self._close_fd()

    def __enter__(self) -> EventLogWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- properties ------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def seq(self) -> int:
        """The seq of the last record on disk (0: only the header)."""
        return self._encoder.state.seq

    @property
    def sealed(self) -> bool:
        return self._encoder.state.sealed

    @property
    def header(self) -> SessionHeader:
        return self._encoder.header

    @property
    def unsigned_records(self) -> int:
        return self._encoder.state.unsigned

    # --- internals -------------------------------------------------------

    def _check_writable(self) -> None:
        if self._fd is None:
            raise LogStateError(f"{self._path} is closed; reopen it to continue the session.")
        if self.sealed:
            raise LogStateError(f"{self._path} is sealed; nothing can be added after the seal.")

    def _write(self, batch: Batch, *, sync: bool = True) -> None:
        """Write, fsync (unless `sync` is False), then commit the chain state; on failure
        leave the file as it was. The fsync covers every record written before."""
        assert self._fd is not None
        if self._dirty:
            self._repair()
        try:
            if batch.next_signer is not None:  # the next key is safe before the log names it
                save_chain_keys(self._path, [self._encoder.signer, batch.next_signer])
            _write_all(self._fd, batch.data)
            if sync:
                _sync(self._fd)
        except OSError as exc:
            self._roll_back()
            raise LogWriteError(
                f"{self._path}: record {batch.seq} could not be written ({exc.strerror or exc}); "
                "nothing of it was kept. Free disk space or fix the disk, then the same record "
                "can be written again."
            ) from exc
        self._length += len(batch.data)
        self._writes += 1
        if sync:
            self._unsynced_since = None
        elif self._unsynced_since is None:
            self._unsynced_since = _monotonic()
        self._encoder.commit(batch)  # from here on only the next key can sign
        if batch.next_signer is not None:
            self._forget_old_key(batch.next_signer)

    def _forget_old_key(self, current: Signer) -> None:
        """Replace the resume file with the current key alone: the old one is gone for good.

        If the disk refuses, the file still holds both keys; the next checkpoint
        (or a resume) replaces it. The log entry is on disk either way."""
        with contextlib.suppress(OSError):
            save_chain_keys(self._path, [current])

    def _roll_back(self) -> None:
        """Cut a half-written record off; if even that fails, do it before the next write."""
        try:
            os.ftruncate(self._fd, self._length)  # type: ignore[arg-type]
            _sync(self._fd)  # type: ignore[arg-type]
            self._dirty = False
        except OSError:
            self._dirty = True

    def _repair(self) -> None:
        try:
            os.ftruncate(self._fd, self._length)  # type: ignore[arg-type]
            _sync(self._fd)  # type: ignore[arg-type]
        except OSError as exc:
            raise LogWriteError(
                f"{self._path}: a half-written record from an earlier failure cannot be removed "
                f"({exc.strerror}); nothing more is written until it can."
            ) from exc
        self._dirty = False

    def _close_fd(self) -> None:
        syncer, self._syncer = self._syncer, None
        if syncer is not None:
            syncer.stop()
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)
