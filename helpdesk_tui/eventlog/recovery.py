"""Recovery after kill -9 or power loss: keep every complete record, move a torn tail aside.

A torn last line is a record whose write never finished, so it was never
acknowledged and no state was built on it. It is still evidence, so it is
moved to `LOG.torn` (never silently dropped) before the log is continued.
Practice logs keep their per-session private key in `LOG.session-key` until
the seal, so a crashed practice session can be resumed in the same log.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog.errors import KeyFileError, LogError, LogStateError, LogWriteError
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.reader import (
    LoggedEvent,
    TornTail,
    contents_from_bytes,
    read_bytes,
    split_lines,
)
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.verifier import FaultKind, verify_bytes


@dataclass(slots=True)
class RecoveredLog:
    """What a resumed session needs: the header, the events to replay, where the chain stands."""

    header: SessionHeader
    entries: list[LoggedEvent]
    last_seq: int
    last_line: bytes
    last_exam_time: float
    last_wall_time: str
    last_signed_exam_time: float
    unsigned_records: int
    good_length: int
    torn: TornTail | None = None
    torn_path: Path | None = None
    sealed: bool = False
    """Always False: a sealed log is refused by `EventLogWriter.reopen`."""

    @property
    def events(self) -> list[Event]:
        """The domain events in order, to fold into state."""
        return [entry.event for entry in self.entries]

    def downtime_s(self, wall_now: str) -> float:
        """Wall-clock seconds between the last record and `wall_now` (0 if unknown)."""
        try:
            last = datetime.fromisoformat(self.last_wall_time)
            now = datetime.fromisoformat(wall_now)
            return max(0.0, round((now - last).total_seconds(), 3))
        except (ValueError, TypeError):
            return 0.0

    def resume_event(self, wall_now: str, reason: str = "resumed after interruption") -> Event:
        """The `session_resumed` event to append first: resuming is itself on the record."""
        if self.torn_path is not None:
            reason = f"{reason}; {self.torn.length if self.torn else 0} torn bytes moved to {self.torn_path.name}"
        data = {"reason": reason, "downtime_s": self.downtime_s(wall_now)}
        return make_event("session_resumed", data, self.last_exam_time, wall_now)


def recover(path: Path, fd: int, signer: Signer | None) -> RecoveredLog:
    """Verify the log for resuming, move a torn tail aside and read what is to be replayed."""
    data = read_bytes(path)
    given = signer.public_key if signer is not None and not signer.is_ephemeral else None
    try:
        result = verify_bytes(data, given, name=str(path))
    except KeyFileError:
        raise LogError(
            f"{path} is an exam log; resuming it needs the exam-centre private key it was started with."
        ) from None
    if result.status == "bad":
        assert result.fault is not None
        if result.fault.kind == FaultKind.WRONG_KEY and result.fault.line == 1:
            raise LogError(
                f"{path} is signed with key {result.summary.key_fingerprint}, not with the key "
                "given; resume it with the exam-centre key it was started with."
            )
        raise LogError(
            f"{path} cannot be resumed: {result.fault.message} Run `helpdesk-exam verify {path}` "
            "and have the assessors look at it."
        )
    if result.status == "ok":
        raise LogStateError(
            f"{path} is sealed ({result.summary.seal_reason}); a sealed session cannot be continued."
        )
    if signer is not None and signer.fingerprint != result.summary.key_fingerprint:
        raise LogError(
            f"{path} is signed with key {result.summary.key_fingerprint}; the key given is "
            f"{signer.fingerprint}."
        )
    torn_path = move_torn_aside(path, fd, result.torn) if result.torn else None
    good = data[: result.torn.offset] if result.torn else data
    contents = contents_from_bytes(path, good)
    last = contents.records[-1]
    signed_t = contents.checkpoints[-1].exam_time if contents.checkpoints else 0.0
    lines, _, _ = split_lines(good)
    return RecoveredLog(
        header=contents.header,
        entries=contents.entries,
        last_seq=last["seq"],
        last_line=lines[-1],
        last_exam_time=max(r["t"] for r in contents.records),
        last_wall_time=last["wall"],
        last_signed_exam_time=signed_t,
        unsigned_records=result.unsigned_records,
        good_length=len(good),
        torn=result.torn,
        torn_path=torn_path,
    )


def torn_path_for(path: Path) -> Path:
    """`LOG.torn`, or `LOG.torn.2`, ... if an earlier crash already left one."""
    candidate = path.with_name(path.name + ".torn")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.torn.{number}")
        number += 1
    return candidate


def move_torn_aside(path: Path, fd: int, torn: TornTail) -> Path:
    """Copy the torn bytes to LOG.torn (fsynced) first, then cut them off the log."""
    target = torn_path_for(path)
    try:
        _write_new_file(target, torn.data)
        os.ftruncate(fd, torn.offset)
        os.fsync(fd)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise LogWriteError(
            f"{path}: the torn last line ({torn.length} bytes at line {torn.line}) could not be "
            f"moved to {target.name} ({exc.strerror}); the log was left as it was."
        ) from exc
    return target


def _write_new_file(path: Path, content: bytes, mode: int = 0o600) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- practice logs' per-session key --------------------------------------


def session_key_path(path: Path) -> Path:
    return path.with_name(path.name + ".session-key")


def save_session_key(path: Path, signer: Signer) -> None:
    """Keep a practice log's per-session key beside it (0600) so it can be resumed."""
    key_path = session_key_path(path)
    key_path.unlink(missing_ok=True)  # orphaned: its log does not exist (create checked)
    _write_new_file(key_path, signer.private_pem())


def load_session_key(path: Path) -> Signer:
    key_path = session_key_path(path)
    try:
        return Signer.from_pem(key_path.read_bytes(), is_ephemeral=True)
    except FileNotFoundError:
        raise LogError(
            f"{path} is a practice log signed with a per-session key, and that key "
            f"({key_path.name}) is gone; the session cannot be continued in this log."
        ) from None
    except (ValueError, OSError) as exc:
        raise LogError(f"{key_path} cannot be used as the session's key ({exc}).") from None


def remove_session_key(path: Path) -> None:
    """After the seal nobody needs the practice key; removing it means nobody can re-sign."""
    session_key_path(path).unlink(missing_ok=True)
