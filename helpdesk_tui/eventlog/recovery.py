"""Recovery after kill -9 or power loss: keep every complete record, move a torn tail aside.

A torn last line is a record whose write never finished, so it was never
acknowledged and no state was built on it. It is still evidence, so it is
moved to `LOG.torn` (never silently dropped) before the log is continued.

Nothing is signed here. Complete records after the last checkpoint are only
hash-chained: anyone who can write the file could have written them. So the
unsigned tail is checked (the verifier, the end-of-session rule, and the
runtime's replay through the reducer) before the writer may sign it, and a
tail that fails is moved to `LOG.set-aside`, unsigned, and named in the
`session_resumed` record. Every log keeps its current chain key in
`LOG.session-key` until the seal, so a crashed session resumes in the same log.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog.chain import SIGNED_AT_ONCE
from helpdesk_tui.eventlog.durable import fsync_dir, open_regular, write_new
from helpdesk_tui.eventlog.errors import KeyFileError, LogError, LogStateError, LogWriteError
from helpdesk_tui.eventlog.keys import PublicKey, Signer
from helpdesk_tui.eventlog.reader import (
    LogContents,
    LoggedEvent,
    TornTail,
    contents_from_bytes,
    parse_record,
    read_bytes,
    split_lines,
)
from helpdesk_tui.eventlog.records import (
    SIGNED_TYPES,
    SessionHeader,
    b64decode_strict,
    b64encode,
    canonical_json,
    parse_json,
)
from helpdesk_tui.eventlog.verifier import FaultKind, VerifyResult, verify_bytes

TailCheck = Callable[[list[LoggedEvent], list[LoggedEvent]], "tuple[int, str] | None"]
"""(signed entries, unsigned tail entries) -> (index into the tail, why) of the first tail
record the session could not have written, or None. The runtime replays through the
reducer and the scenario's simulation; the log itself knows nothing of scenarios."""


@dataclass(frozen=True, slots=True)
class SetAside:
    """Unsigned records `resume` would not sign: moved to their own file, never signed."""

    path: Path
    first_line: int
    first_seq: int | None
    records: int
    length: int
    reason: str

    def evidence(self) -> str:
        seq = f" (seq {self.first_seq})" if self.first_seq is not None else ""
        return (
            f"{self.records} unsigned record(s) from line {self.first_line}{seq} on "
            f"({self.length} bytes) kept aside in {self.path.name}, not signed: {self.reason}"
        )


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
    set_aside: SetAside | None = None
    chain_key: PublicKey | None = None
    """The public half of the key the next checkpoint must be signed with."""
    chain_signer: Signer | None = None
    """Its private half, from the resume file (kept only until the writer takes it)."""

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

    def evidence(self) -> str:
        """What the crash left, for the `session_resumed` record: nothing is resumed silently."""
        parts = [f"{self.unsigned_records} unsigned record(s) after the last signature replayed"]
        if self.torn_path is not None:
            parts.append(
                f"{self.torn.length if self.torn else 0} torn bytes moved to {self.torn_path.name}"
            )
        if self.set_aside is not None:
            parts.append(self.set_aside.evidence())
        return "; ".join(parts)

    def resume_event(self, wall_now: str, reason: str = "resumed after interruption") -> Event:
        """The `session_resumed` event to append first: resuming is itself on the record."""
        data = {"reason": f"{reason}; {self.evidence()}", "downtime_s": self.downtime_s(wall_now)}
        return make_event("session_resumed", data, self.last_exam_time, wall_now)


def recover(
    path: Path, fd: int, signer: Signer | None, check_tail: TailCheck | None = None
) -> RecoveredLog:
    """Verify the log for resuming; keep aside an unsigned tail it cannot vouch for; read it.

    Nothing here signs. A fault in the signed part refuses the resume; a fault
    in the unsigned tail (after the last checkpoint), an end of session there
    (the writer signs `session_ended` at once, so an unsigned one is not the
    session's), or a record `check_tail` refuses, moves that record and all
    after it to `LOG.set-aside`, and the session resumes from the record before.
    """
    data = read_bytes(path)
    result = _verify_for_resume(path, data, signer)
    if result.chain_key is None:
        raise LogError(f"{path} cannot be resumed: its key chain could not be followed.")
    chain_signer = load_chain_key(path, result.chain_key)  # before anything is moved
    cut: tuple[int, str] | None = None
    if result.status == "bad":
        assert result.fault is not None
        cut = (result.fault.line, result.fault.message)
    contents = contents_from_bytes(path, _head_lines(data, cut[0] - 1 if cut else None))
    signed_lines = result.signed_records
    tail = [e for e in contents.entries if e.line > signed_lines]
    signed = [e for e in contents.entries if e.line <= signed_lines]
    found = _first_unwritable(tail)
    if found is None and check_tail is not None:
        found = check_tail(signed, tail)
    if found is not None:
        index, why = found
        entry = tail[index]
        cut = (entry.line, f"line {entry.line} (seq {entry.seq}): {why}")
    set_aside = None
    torn_path = None
    if cut is not None:
        set_aside = set_aside_tail(path, fd, data, cut[0], cut[1])
        data = data[: _offset_of_line(data, cut[0])]
        contents = contents_from_bytes(path, data)
    elif result.torn is not None:
        torn_path = move_torn_aside(path, fd, result.torn)
        data = data[: result.torn.offset]
    recovered = _recovered(path, data, contents, result, set_aside, torn_path, signed_lines)
    recovered.chain_signer = chain_signer
    return recovered


def _verify_for_resume(path: Path, data: bytes, signer: Signer | None) -> VerifyResult:
    given = signer.public_key if signer is not None and not signer.is_ephemeral else None
    try:
        result = verify_bytes(data, given, name=str(path))
    except KeyFileError:
        raise LogError(
            f"{path} is an exam log; resuming it needs the exam-centre private key it was started with."
        ) from None
    if result.format == 1:
        raise LogError(
            f"{path} was written by an older version (log format 1, without forward "
            "security); this version does not continue it. Have the assessors look at it "
            "as it is, and start a new session."
        )
    if result.status == "bad":
        assert result.fault is not None
        if result.fault.kind == FaultKind.WRONG_KEY and result.fault.line == 1:
            raise LogError(
                f"{path} is signed with key {result.summary.key_fingerprint}, not with the key "
                "given; resume it with the exam-centre key it was started with."
            )
        if result.fault.line <= _last_signed_line(data):
            raise LogError(
                f"{path} cannot be resumed: {result.fault.message} Run `helpdesk-exam verify {path}` "
                "and have the assessors look at it."
            )
    if result.summary.seal_reason is not None:  # sealed, even with something after the seal
        after = (
            "" if result.status == "ok" else f" ({result.fault.message if result.fault else ''})"
        )
        raise LogStateError(
            f"{path} is sealed ({result.summary.seal_reason}){after}; a sealed session cannot "
            "be continued."
        )
    if signer is not None and signer.fingerprint != result.summary.key_fingerprint:
        raise LogError(
            f"{path} is signed with key {result.summary.key_fingerprint}; the key given is "
            f"{signer.fingerprint}."
        )
    return result


def _last_signed_line(data: bytes) -> int:
    """The line number of the last line in the file that reads as a checkpoint or seal.

    A fault before it is in the signed part (refuse); only a fault after it is
    in the unsigned tail (keep aside). A forged line that merely looks signed
    makes resume refuse, which signs nothing either."""
    lines, _, _ = split_lines(data)
    for index in range(len(lines) - 1, 0, -1):
        try:
            if parse_record(lines[index])["type"] in SIGNED_TYPES:
                return index + 1
        except ValueError:
            continue
    return 1


def _first_unwritable(tail: list[LoggedEvent]) -> tuple[int, str] | None:
    """A tail record the writer never leaves unsigned: the end of the session."""
    for index, entry in enumerate(tail):
        if entry.event.type in SIGNED_AT_ONCE:
            reason = entry.event.data.get("reason")
            return index, (
                f"an unsigned {entry.event.type} ({reason}); the exam signs the end of a session "
                "in the same write, so this record was not written by the session"
            )
    return None


def _head_lines(data: bytes, lines: int | None) -> bytes:
    """The first `lines` complete lines of `data` (all complete lines if None)."""
    if lines is None:
        end = data.rfind(b"\n") + 1
        return data[:end]
    return data[: _offset_of_line(data, lines + 1)]


def _offset_of_line(data: bytes, number: int) -> int:
    """Byte offset where 1-based line `number` starts."""
    offset = 0
    for _ in range(number - 1):
        found = data.find(b"\n", offset)
        if found < 0:
            return len(data)
        offset = found + 1
    return offset


def _recovered(
    path: Path,
    good: bytes,
    contents: LogContents,
    result: VerifyResult,
    set_aside: SetAside | None,
    torn_path: Path | None,
    signed_lines: int,
) -> RecoveredLog:
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
        unsigned_records=max(0, len(lines) - signed_lines),
        good_length=len(good),
        torn=result.torn if torn_path is not None else None,
        torn_path=torn_path,
        set_aside=set_aside,
        chain_key=result.chain_key,
    )


def set_aside_path_for(path: Path) -> Path:
    """`LOG.set-aside`, or `LOG.set-aside.2`, ... if an earlier resume already left one."""
    return _free_name(path, ".set-aside")


def set_aside_tail(path: Path, fd: int, data: bytes, line: int, reason: str) -> SetAside:
    """Copy line `line` and everything after it to LOG.set-aside (fsynced), then cut the log."""
    offset = _offset_of_line(data, line)
    if offset <= 0:
        raise LogError(f"{path} cannot be resumed: {reason}")
    piece = data[offset:]
    target = set_aside_path_for(path)
    _move_tail(path, fd, offset, piece, target, f"the unsigned records from line {line}")
    first = piece.split(b"\n", 1)[0]
    try:
        first_seq = parse_record(first)["seq"]
    except ValueError:
        first_seq = None
    records = piece.count(b"\n") + (0 if piece.endswith(b"\n") else 1)
    return SetAside(target, line, first_seq, records, len(piece), reason)


def torn_path_for(path: Path) -> Path:
    """`LOG.torn`, or `LOG.torn.2`, ... if an earlier crash already left one."""
    return _free_name(path, ".torn")


def _free_name(path: Path, suffix: str) -> Path:
    candidate = path.with_name(path.name + suffix)
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}{suffix}.{number}")
        number += 1
    return candidate


def move_torn_aside(path: Path, fd: int, torn: TornTail) -> Path:
    """Copy the torn bytes to LOG.torn (fsynced) first, then cut them off the log."""
    target = torn_path_for(path)
    what = f"the torn last line ({torn.length} bytes at line {torn.line})"
    _move_tail(path, fd, torn.offset, torn.data, target, what)
    return target


def _move_tail(path: Path, fd: int, offset: int, piece: bytes, target: Path, what: str) -> None:
    """Write `piece` to `target` (new file, fsynced) first, then cut the log back to `offset`."""
    try:
        write_new(target, piece)
        os.ftruncate(fd, offset)
        os.fsync(fd)
        fsync_dir(path.parent)
    except OSError as exc:
        raise LogWriteError(
            f"{path}: {what} could not be moved to {target.name} ({exc.strerror}); "
            "the log was left as it was."
        ) from exc


# --- the resume file: the current chain key ------------------------------


MAX_KEY_FILE = 4096
"""A resume file holds two keys at most (some 140 bytes); `resume` read it whole, so a link
to /dev/zero in its place took 14 GB in 12 s before anything was refused (sec19)."""


def session_key_path(path: Path) -> Path:
    return path.with_name(path.name + ".session-key")


def save_chain_keys(path: Path, signers: list[Signer]) -> None:
    """Replace the resume file atomically with these chain keys (0600, fsynced).

    Before a checkpoint it holds the current and the next key, after it the
    next alone: a crash in between leaves both, and resume takes the one the
    log names. The old file is never rewritten in place, so a crash never
    leaves it half written.
    """
    key_path = session_key_path(path)
    tmp = key_path.with_name(key_path.name + ".new")
    tmp.unlink(missing_ok=True)
    body = {"format": 2, "keys": [b64encode(s.raw_private()) for s in signers]}
    write_new(tmp, canonical_json(body) + b"\n")
    os.replace(tmp, key_path)
    fsync_dir(path.parent)


def load_chain_key(path: Path, expected: PublicKey) -> Signer:
    """The private chain key whose public half is `expected`, from the resume file."""
    key_path = session_key_path(path)
    try:
        with open_regular(key_path) as handle:  # sec19: a link to /dev/zero was read for ever
            raw = handle.read(MAX_KEY_FILE + 1)
        if len(raw) > MAX_KEY_FILE:
            raise ValueError(f"it is longer than {MAX_KEY_FILE} bytes; a resume file is shorter")
        body = parse_json(raw)
        keys = [Signer.from_raw(b64decode_strict(k)) for k in body["keys"]]
    except FileNotFoundError:
        raise LogError(
            f"{path} is signed with per-session chain keys, and the current one "
            f"({key_path.name}) is gone; the session cannot be continued in this log."
        ) from None
    except (ValueError, OSError, KeyError, TypeError) as exc:
        raise LogError(f"{key_path} cannot be used as the session's key ({exc}).") from None
    for signer in keys:
        if signer.public_key == expected:
            if len(keys) > 1:
                _drop_old_keys(path, signer)
            return signer
    raise LogError(
        f"{key_path} holds no key for the next checkpoint of {path} (the log names "
        f"{expected.fingerprint}); the session cannot be continued in this log."
    )


def _drop_old_keys(path: Path, current: Signer) -> None:
    """A crash mid-checkpoint left two keys: keep the current one alone, if the disk lets us.

    On a full disk this write failed and `resume` ended in a traceback (sec19); the file
    still holds both keys then, and the next checkpoint replaces it, as
    `EventLogWriter._forget_old_key` does when the disk refuses."""
    with contextlib.suppress(OSError):  # a half-written LOG.session-key.new: the next save
        save_chain_keys(path, [current])  # removes it first


def remove_session_key(path: Path) -> None:
    """After the seal nobody needs the chain key; removing it means nobody can re-sign."""
    session_key_path(path).unlink(missing_ok=True)
