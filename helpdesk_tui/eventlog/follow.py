"""Follow a log while it is written: read only the new complete lines, verify as they come.

`helpdesk-exam observe` watches a running exam from a second terminal. It
polls the file's size (no inotify: it must work on any file system, also a
network share) and each `poll()` reads the bytes after the last complete line
it took. Only complete lines (ending in a newline) are taken; the bytes after
the last newline are a record still being written, or a torn write after a
crash. They are read again on the next poll, so a line that completes later
is taken whole, and a torn tail the writer moves aside on resume (truncating
the file back to its last complete line) simply disappears.

Each new line is checked as `verify` would check it, incrementally: its seq
and its link to the chain head, the event against the closed set, and every
checkpoint's and the seal's key, session, position and signature. The first
fault stops the follower. Its message is then taken from the full verifier
run over the file (`verify_log`), which looks at the neighbours to name the
record that changed; so the observer and `verify` never disagree about what
is wrong.

Lines already taken are not read again on every poll, but an edit to them
must not go unseen: the follower keeps a running SHA-256 of the bytes it
took and, every `recheck_every` polls (and whenever `recheck()` is called),
hashes the file's prefix again and compares.

An exam-centre log can only have its signatures checked with the centre's
public key; without one the follower checks the hash chain alone and says so
(`signatures_checked`). A practice log carries its own per-session key.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from helpdesk_tui.core.events import EventFormatError
from helpdesk_tui.eventlog.agreement import contradiction
from helpdesk_tui.eventlog.durable import NotRegularFile, open_regular
from helpdesk_tui.eventlog.errors import LogError, LogReadError
from helpdesk_tui.eventlog.keychain import first_chain_key, following_key, signature_ok
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.reader import (
    LoggedEvent,
    SignedMark,
    event_of,
    mark_of,
    not_regular,
    parse_record,
    too_large,
)
from helpdesk_tui.eventlog.records import (
    GENESIS_PREV,
    HEADER,
    KEY_PER_SESSION,
    MAX_LINE_BYTES,
    MAX_LOG_BYTES,
    SEAL,
    SEAL_REASONS,
    SIGNED_TYPES,
    SessionHeader,
    b64decode_strict,
    canonical_json,
    signed_fields,
)
from helpdesk_tui.eventlog.verifier import Fault, FaultKind, verify_log

READ_CHUNK = 1 << 20
"""What `read_to_overlong` reads at a time."""
POLL_PIECE = 8 << 20
"""A poll takes a log's new bytes this much at a time (more than `MAX_LINE_BYTES`, so each
piece holds a line end or an over-long line), and stops at the first fault: a 500 MB file
of short lines refused at its second took `observe` to 1 GB, read whole first (sec19)."""


def read_to_overlong(handle: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes from `handle`, read until a line is longer than any record.

    The new bytes were read whole, then cut into lines: one 400 MB line (a file under
    `MAX_LOG_BYTES` holding no line end) took `observe` to 850 MB and the room to 884 MB
    before the line was refused as longer than `MAX_LINE_BYTES` (sec19). Reading stops a
    chunk after the line being read passed that bound; the caller refuses it as before."""
    chunks: list[bytes] = []
    read = since_line_end = 0
    while read < size:
        chunk = handle.read(min(READ_CHUNK, size - read))
        if not chunk:
            break
        chunks.append(chunk)
        read += len(chunk)
        end = chunk.rfind(b"\n")
        since_line_end = len(chunk) - end - 1 if end >= 0 else since_line_end + len(chunk)
        if since_line_end > MAX_LINE_BYTES:
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def overlong_line(read: int) -> str:
    """Why a line longer than any record is refused; reading stopped in it
    (`read_to_overlong`), so whether it ends further on is not known."""
    return (
        f"{read} bytes of it were read without a line end, more than any record holds "
        f"(at most {MAX_LINE_BYTES} bytes): not a record being written but bytes added "
        "to the log"
    )


@dataclass(slots=True)
class FollowUpdate:
    """What one poll found: new events and signed marks, and whether anything changed."""

    entries: list[LoggedEvent] = field(default_factory=list)
    marks: list[SignedMark] = field(default_factory=list)
    records: int = 0
    """Complete records taken in this poll (events, checkpoints and the seal)."""
    fault: Fault | None = None
    """Set on the poll that found the first fault."""
    torn_changed: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.records or self.fault or self.torn_changed)


class _Fault(Exception):
    def __init__(self, line: int, seq: int | None, kind: FaultKind, why: str) -> None:
        where = f"line {line} (seq {seq})" if seq is not None else f"line {line}"
        self.fault = Fault(line, seq, kind, f"{where}: {why}.")


class LogFollower:
    """Reads a growing log incrementally; `poll()` returns what is new since the last poll."""

    def __init__(
        self, path: Path, public_key: PublicKey | None = None, *, recheck_every: int = 20
    ) -> None:
        """`recheck_every`: polls between re-hashes of what was already read (0: never)."""
        self.path = Path(path)
        self.given_key = public_key
        self.recheck_every = recheck_every
        self.polls = 0
        self._taken = hashlib.sha256()
        self.offset = 0
        """Bytes taken: up to and including the newline of the last complete line."""
        self.lines = 0
        self.torn = 0
        """Bytes after the last newline (a record being written, or torn)."""
        self.header: SessionHeader | None = None
        self.key: PublicKey | None = None
        self.chain: PublicKey | None = None
        """The key the next checkpoint or seal must be signed with (None: not checkable)."""
        self.head = GENESIS_PREV
        self.seq = -1
        self.last_t = 0.0
        self.last_wall = ""
        self.checkpoints = 0
        self.last_signed_seq = 0
        self.seal: SignedMark | None = None
        self.fault: Fault | None = None
        self._inode: int | None = None
        self.line_hook: Callable[[int, bytes], None] | None = None
        """Called with (line number, line) for each line taken after it checked out (witness)."""
        self.monotonic: Callable[[], float] = time.monotonic
        """The viewer's own clock (tests inject one): when the log was last seen to grow."""
        self.grew_at: float | None = None
        """`monotonic()` at the poll that last took a record (None: none taken yet)."""
        self.grew_polls = 0
        """Polls that took records: the first one read what was written before the viewer
        looked (`sitting.room.since_last_record` ages it by the walls, bounded)."""
        self.first_age: float | None = None
        """The age of the records found at the first look, set once by the viewer."""

    # ------------------------------------------------------------------ status

    @property
    def signatures_checked(self) -> bool:
        """Whether the log is checked back to its root key; else only the chain is.

        A format 2 log's checkpoints are checked with its chain keys even without
        the centre's key (`chain_checked`); only the header's signature needs it."""
        return self.key is not None

    @property
    def chain_checked(self) -> bool:
        """Whether checkpoint and seal signatures are checked (with the chain keys)."""
        return self.chain is not None

    @property
    def sealed(self) -> bool:
        return self.seal is not None

    @property
    def records(self) -> int:
        return self.seq + 1

    @property
    def unsigned_records(self) -> int:
        """Records after the last signature: hash-chained, not yet signed."""
        return max(0, self.seq - self.last_signed_seq)

    # ------------------------------------------------------------------ polling

    def poll(self) -> FollowUpdate:
        """Take the new complete lines; LogReadError if the file cannot be read at all."""
        update = FollowUpdate()
        if self.fault is not None:
            return update
        self.polls += 1
        if self.recheck_every and self.polls % self.recheck_every == 0:
            fault = self.recheck()
            if fault is not None:
                update.fault = fault
                return update
        torn_before, seq_before = self.torn, self.seq
        try:
            while (data := self._read_new()) is not None:  # a piece at a time: POLL_PIECE
                self._take_piece(data, update)
        except _Fault as bad:
            return self._stop(update, bad.fault)
        update.torn_changed = self.torn != torn_before
        if self.seq != seq_before:  # the log grew (any record: events, checkpoints, seal)
            self.grew_at = self.monotonic()
            self.grew_polls += 1
        return update

    def _take_piece(self, data: bytes, update: FollowUpdate) -> None:
        """The complete lines of `data` (read from `offset`); what follows the last is torn."""
        end = data.rfind(b"\n") + 1
        self.torn = len(data) - end
        self._take_lines(data[:end], update)
        if self.torn > MAX_LINE_BYTES:  # no record is that long: bytes added, not a write
            raise _Fault(self.lines + 1, None, FaultKind.MALFORMED, overlong_line(self.torn))
        if self.sealed and self.torn:
            raise _Fault(self.lines + 1, None, FaultKind.AFTER_SEAL, self._after_seal("torn bytes"))

    def recheck(self) -> Fault | None:
        """Hash the part of the file already taken again; a difference is a fault (kept)."""
        if self.fault is not None or self.offset == 0:
            return self.fault
        try:
            with open_regular(self.path) as handle:  # never a pipe put in its place (sec12)
                prefix = handle.read(self.offset)
        except OSError:
            prefix = b""
        if hashlib.sha256(prefix).digest() == self._taken.digest():
            return None
        why = "a record already read was changed or removed in place after it was written"
        self.fault = self._diagnosed(_Fault(self.lines, None, FaultKind.BROKEN_LINK, why).fault)
        return self.fault

    def _read_new(self) -> bytes | None:
        """The bytes after the last complete line, or None when the file has not changed."""
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            if self._inode is None:
                raise LogReadError(
                    f"{self.path} does not exist; give the log of a running session (logs/*.jsonl)."
                ) from None
            raise _Fault(
                self.lines, None, FaultKind.BROKEN_LINK, "the log file was removed"
            ) from None
        except OSError as exc:
            raise LogReadError(f"{self.path} cannot be read ({exc.strerror}).") from None
        if stat.S_ISDIR(info.st_mode):
            raise LogReadError(f"{self.path} is a folder; give a session log file (logs/*.jsonl).")
        if not stat.S_ISREG(info.st_mode):  # qa-sitting8: "no complete header line yet"
            raise not_regular(self.path)
        if info.st_size > MAX_LOG_BYTES:  # qa-sitting8: a 2 GB sparse file was read whole
            raise too_large(self.path)
        self._check_same_file(info)
        if info.st_size == self.offset + self.torn:
            return None
        # Opened without waiting and looked at again: a pipe or device swapped in after the
        # stat above made a plain open wait for a writer for ever (sec12: the room froze).
        try:
            with open_regular(self.path) as handle:
                self._check_same_file(os.fstat(handle.fileno()))
                handle.seek(self.offset)
                return read_to_overlong(handle, min(info.st_size - self.offset, POLL_PIECE))
        except FileNotFoundError:
            raise _Fault(
                self.lines, None, FaultKind.BROKEN_LINK, "the log file was removed"
            ) from None
        except NotRegularFile:
            raise not_regular(self.path) from None
        except OSError as exc:
            raise LogReadError(f"{self.path} cannot be read ({exc.strerror}).") from None

    def _check_same_file(self, info: os.stat_result) -> None:
        if self._inode is None:
            self._inode = info.st_ino
        elif info.st_ino != self._inode:
            raise _Fault(
                self.lines,
                None,
                FaultKind.BROKEN_LINK,
                "the log file was replaced by another file while it was followed",
            )
        if info.st_size < self.offset:
            raise _Fault(
                self.lines, None, FaultKind.BROKEN_LINK,
                f"the log got shorter ({info.st_size} bytes, {self.offset} were read): "
                "records were removed",
            )  # fmt: skip

    def _take_lines(self, data: bytes, update: FollowUpdate) -> None:
        start = 0
        while start < len(data):
            stop = data.index(b"\n", start)
            line = data[start:stop]
            self._take(self.lines + 1, line, update)
            if self.line_hook is not None:
                self.line_hook(self.lines + 1, line)
            self._taken.update(data[start : stop + 1])
            self.lines += 1
            self.offset += stop + 1 - start
            start = stop + 1
            update.records += 1

    def _stop(self, update: FollowUpdate, fault: Fault) -> FollowUpdate:
        """Keep the first fault, named as the full verifier names it where it can.

        A changed record only shows when the record after it arrives (its `prev`
        no longer matches), so the verifier may name a line this poll already
        took: what this poll took from that line on is not handed out. (A line
        taken by an earlier poll has been shown; the fault says which it was.)
        """
        self.fault = update.fault = self._diagnosed(fault)
        update.entries = [e for e in update.entries if e.line < self.fault.line]
        update.marks = [m for m in update.marks if m.line < self.fault.line]
        return update

    def _diagnosed(self, fault: Fault) -> Fault:
        try:  # streamed and bounded, as `verify` reads (not read whole, whatever its size)
            result = verify_log(self.path, self.given_key)
        except (OSError, LogError):
            return fault
        return result.fault if result.fault is not None else fault

    # ------------------------------------------------------------------ one line

    def _take(self, number: int, line: bytes, update: FollowUpdate) -> None:
        if number == 1:
            self._take_header(line)
            return
        try:
            record = parse_record(line)
        except ValueError as exc:
            raise _Fault(
                number, None, FaultKind.MALFORMED, f"it is not a valid record: {exc}"
            ) from None
        seq = record["seq"]
        if self.sealed:
            raise _Fault(number, seq, FaultKind.AFTER_SEAL, self._after_seal("a record"))
        if seq != self.seq + 1 or record["prev"] != self.head:
            why = (
                f"its seq or prev does not follow on from line {number - 1} "
                f"(seq {self.seq}, hash {self.head[:12]}...)"
            )
            raise _Fault(number, seq, FaultKind.BROKEN_LINK, why)
        if record["t"] < self.last_t:
            why = f"its exam time {record['t']:g} s is before the {self.last_t:g} s of the record before it"
            raise _Fault(number, seq, FaultKind.TIME_BACKWARDS, why)
        if record["type"] in SIGNED_TYPES:
            update.marks.append(self._take_signed(number, record, line))
        else:
            update.entries.append(self._take_event(number, record))
        self._advance(record, line)

    def _advance(self, record: dict[str, Any], line: bytes) -> None:
        self.seq = record["seq"]
        self.head = hashlib.sha256(line).hexdigest()
        self.last_t, self.last_wall = record["t"], record["wall"]

    def _take_header(self, line: bytes) -> None:
        try:
            record = parse_record(line)
        except ValueError as exc:
            why = f"it should be the header, but {exc}"
            raise _Fault(1, None, FaultKind.HEADER_MISSING, why) from None
        if record["type"] != HEADER:
            why = f"it is a '{record['type']}' record; the header (log.header) is missing"
            raise _Fault(1, record["seq"], FaultKind.HEADER_MISSING, why)
        if record["seq"] != 0 or record["prev"] != GENESIS_PREV or canonical_json(record) != line:
            why = "the header must have seq 0, a prev of 64 zeros and be in canonical form"
            raise _Fault(1, 0, FaultKind.HEADER_EDITED, why)
        try:
            header = SessionHeader.from_record(record)
        except ValueError as exc:
            raise _Fault(1, 0, FaultKind.HEADER_EDITED, f"the header is not valid: {exc}") from None
        self.key = self._header_key(header)
        if self.key is not None and not signature_ok(self.key, record):
            why = "the header does not match its signature: it was changed"
            raise _Fault(1, 0, FaultKind.HEADER_EDITED, why)
        try:
            self.chain = first_chain_key(header, self.key)
        except ValueError as exc:
            raise _Fault(1, 0, FaultKind.HEADER_EDITED, str(exc)) from None
        self.header = header
        self._advance(record, line)

    def _header_key(self, header: SessionHeader) -> PublicKey | None:
        """The key signatures verify with: a practice log's own, else --pubkey (or none)."""
        given = self.given_key
        if header.key_kind == KEY_PER_SESSION:
            try:
                own = PublicKey.from_raw(b64decode_strict(header.session_public_key or ""))
            except ValueError:
                raise _Fault(
                    1, 0, FaultKind.HEADER_EDITED, "its session_public_key is not an Ed25519 key"
                ) from None
            if own.fingerprint != header.key_fingerprint:
                why = "its session_public_key does not match its key_fingerprint"
                raise _Fault(1, 0, FaultKind.HEADER_EDITED, why)
            if given is not None and given.fingerprint != own.fingerprint:
                why = (
                    f"it is a practice log signed with its own key {own.fingerprint}, "
                    f"not with the exam-centre key {given.fingerprint} you gave"
                )
                raise _Fault(1, 0, FaultKind.WRONG_KEY, why)
            return own
        if given is not None and given.fingerprint != header.key_fingerprint:
            why = (
                f"the header names signing key {header.key_fingerprint}, "
                f"but the key you gave is {given.fingerprint}"
            )
            raise _Fault(1, 0, FaultKind.WRONG_KEY, why)
        return given

    def _take_event(self, number: int, record: dict[str, Any]) -> LoggedEvent:
        try:
            logged = LoggedEvent(record["seq"], number, event_of(record))
        except EventFormatError as exc:
            why = f"it is not a valid event: {exc}"
            raise _Fault(number, record["seq"], FaultKind.MALFORMED, why) from None
        if record["type"] == "session_started":  # the header's words, as `verify` asks (sec21)
            assert self.header is not None
            said = contradiction(self.header, record["data"])
            if said is not None:
                raise _Fault(number, record["seq"], FaultKind.FOREIGN, said)
        return logged

    def _take_signed(self, number: int, record: dict[str, Any], line: bytes) -> SignedMark:
        """A checkpoint or the seal: fields, key, session, position, form and signature."""
        assert self.header is not None
        seq, data, rtype = record["seq"], record["data"], record["type"]
        if rtype == HEADER:
            raise _Fault(number, seq, FaultKind.MALFORMED, "a second header inside the log")
        expected = signed_fields(rtype, self.header.format)
        if data.keys() != expected:
            why = f"its data must have exactly {', '.join(sorted(expected))}"
            raise _Fault(number, seq, FaultKind.MALFORMED, why)
        chain = self.chain
        if self.header.format >= 2:
            expected_key = chain.fingerprint if chain is not None else ""
        else:
            expected_key = self.header.key_fingerprint
        if data["key"] != expected_key:
            why = f"it is signed with key {data['key']}, not the expected key {expected_key}"
            raise _Fault(number, seq, FaultKind.WRONG_KEY, why)
        if data["session"] != self.header.session_id:
            why = f"it belongs to session {data['session']}, not to this log's session"
            raise _Fault(number, seq, FaultKind.FOREIGN, why)
        if data["records"] != seq or data["head"] != record["prev"]:
            why = f"it signs {data['records']} records, but it stands after {seq}"
            kind = FaultKind.SEAL_COUNT if rtype == SEAL else FaultKind.MISPLACED
            raise _Fault(number, seq, kind, why)
        if canonical_json(record) != line or (
            chain is not None and not signature_ok(chain, record)
        ):
            why = "its signature does not match its content under the log's key"
            raise _Fault(number, seq, FaultKind.BAD_SIGNATURE, why)
        if rtype == SEAL and data["reason"] not in SEAL_REASONS:
            raise _Fault(
                number, seq, FaultKind.MALFORMED, f"the seal's reason {data['reason']!r} is unknown"
            )
        try:
            self.chain = following_key(record, self.header.format, chain)
        except ValueError as exc:
            raise _Fault(number, seq, FaultKind.MALFORMED, str(exc)) from None
        mark = mark_of(record, number)
        if rtype == SEAL:
            self.seal = mark
        else:
            self.checkpoints += 1
        self.last_signed_seq = seq
        return mark

    def _after_seal(self, what: str) -> str:
        line = self.seal.line if self.seal is not None else self.lines
        return f"{what} after the seal on line {line}"
