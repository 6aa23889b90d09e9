"""Read a log back: header, events with their seq, checkpoints, seal, torn tail.

Tolerant on purpose: replay, reports and the live observer read logs that are
still being written or were cut by a crash, so a torn last line is reported
(never dropped silently, never an error) and signatures are left to the
verifier. A complete line that is not a record is an error: that is damage,
not a crash.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from helpdesk_tui.core.events import (
    CONTROL_CHARACTER,
    Event,
    EventFormatError,
    make_event,
    parsed_event_data_ok,
)
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog.durable import NotRegularFile, open_regular
from helpdesk_tui.eventlog.errors import LogReadError
from helpdesk_tui.eventlog.records import (
    CHECKPOINT,
    HEADER,
    MAX_LINE_BYTES,
    MAX_LOG_BYTES,
    RECORD_KEYS,
    SEAL,
    SessionHeader,
    parse_json,
)


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    """A domain event as it sits in the log: its seq and 1-based line number."""

    seq: int
    line: int
    event: Event


@dataclass(frozen=True, slots=True)
class SignedMark:
    """A checkpoint or the seal: how many records it covers and the head it signs."""

    line: int
    seq: int
    exam_time: float
    wall_time: str
    records: int
    head: str
    key: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class TornTail:
    """Bytes after the last newline: a record whose write never completed."""

    line: int
    offset: int
    data: bytes
    size: int | None = None
    """The tail's length when its bytes were not kept (a streamed tail longer than any
    record: `data` is then empty)."""

    @property
    def length(self) -> int:
        return len(self.data) if self.size is None else self.size


@dataclass(slots=True)
class LogContents:
    """Everything read from a log, in order."""

    path: Path
    header: SessionHeader
    records: list[dict[str, Any]]
    entries: list[LoggedEvent] = field(default_factory=list)
    checkpoints: list[SignedMark] = field(default_factory=list)
    seal: SignedMark | None = None
    torn: TornTail | None = None
    good_length: int = 0
    """Bytes up to and including the last newline: the complete records."""

    @property
    def events(self) -> list[Event]:
        """The domain events in order, ready to fold into state."""
        return [entry.event for entry in self.entries]

    @property
    def last_seq(self) -> int:
        return self.records[-1]["seq"]

    @property
    def sealed(self) -> bool:
        return self.seal is not None


def open_log_file(path: Path) -> BinaryIO:
    """The log opened for reading (regular files only, non-blocking), or a LogReadError
    that says what is wrong with the path."""
    path = Path(path)
    try:
        return open_regular(path)
    except FileNotFoundError:
        raise LogReadError(
            Phrase(
                "{path} does not exist; give the path of a session log (logs/*.jsonl).",
                path=str(path),
            )
        ) from None
    except IsADirectoryError:
        raise LogReadError(
            Phrase("{path} is a folder; give a session log file (logs/*.jsonl).", path=str(path))
        ) from None
    except NotRegularFile:
        raise not_regular(path) from None
    except OSError as exc:
        raise LogReadError(
            Phrase("{path} cannot be read ({why}).", path=str(path), why=exc.strerror)
        ) from None


def not_regular(path: Path) -> LogReadError:
    return LogReadError(
        f"{path} is not a regular file (a device, pipe or socket); give a session log file."
    )


def too_large(path: Path) -> LogReadError:
    return LogReadError(
        f"{path} is larger than {MAX_LOG_BYTES >> 20} MiB; no session log is that large "
        "(a 5-hour exam writes a few tens of MiB). It is not a log, or it was padded."
    )


def read_bytes(
    path: Path,
    limit: int | None = None,
    refuse: Callable[[Path], LogReadError] | None = None,
) -> bytes:
    """The whole file, or a LogReadError that says what is wrong with the path.

    The size is asked before anything is read: a 2 GB (sparse) file is refused at
    once, not after reading 512 MiB of it (qa-sitting8: 3 s and 550 MB for that).
    A file over `limit` bytes (default MAX_LOG_BYTES) is refused with `refuse(path)`
    (default `too_large`)."""
    return read_bytes_stamped(path, limit, refuse)[0]


@dataclass(frozen=True, slots=True)
class FileStamp:
    """Which file, and which version of it: device, inode, size, and the modification and
    change times to the nanosecond. Any write or rename changes one of them (the change
    time cannot be set back by the file's owner), so a file whose stamp is the same as when
    it was read still holds the bytes read, without reading them again."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileStamp:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file at `path` now (None: it is gone or cannot be looked at)."""
    try:
        return FileStamp.of(os.stat(path))
    except (OSError, ValueError):
        return None


def read_bytes_stamped(
    path: Path,
    limit: int | None = None,
    refuse: Callable[[Path], LogReadError] | None = None,
) -> tuple[bytes, FileStamp]:
    """`read_bytes`, and the file's stamp as it was once read: a reader that must know the
    file still holds those bytes later compares `file_stamp(path)` with it (`review`)."""
    path = Path(path)
    limit = MAX_LOG_BYTES if limit is None else limit
    with open_log_file(path) as handle:
        # before the read: a write during the read changes the file's stamp from this one
        stamp = FileStamp.of(os.fstat(handle.fileno()))
        size = stamp.size
        data = b"" if size > limit else _read(path, handle, limit)
    if max(size, len(data)) > limit:
        raise (refuse or too_large)(path)
    return data, stamp


def _read(path: Path, handle: BinaryIO, limit: int) -> bytes:
    try:
        return handle.read(limit + 1)
    except OSError as exc:
        raise LogReadError(
            Phrase("{path} cannot be read ({why}).", path=str(path), why=exc.strerror)
        ) from None


def split_lines(data: bytes) -> tuple[list[bytes], TornTail | None, int]:
    """Complete lines (without newlines), the torn tail if any, and the good length."""
    lines = data.split(b"\n")
    tail = lines.pop()
    if not tail:
        return lines, None, len(data)
    offset = len(data) - len(tail)
    return lines, TornTail(line=len(lines) + 1, offset=offset, data=tail), offset


@dataclass(frozen=True, slots=True)
class Overlong:
    """A complete line longer than any record, in place of its bytes (never held)."""

    length: int

    @property
    def why(self) -> str:
        """What `parse_record` says of such a line."""
        return f"it is not JSON (the line is {self.length} bytes long (at most {MAX_LINE_BYTES}))"


class LineSource:
    """The complete lines of a log in order, one at a time, with one line of look-ahead;
    after the last, `torn` holds the bytes after the last newline, if any."""

    torn: TornTail | None = None

    def next_line(self) -> bytes | Overlong | None:
        """The next complete line (without its newline), or None after the last."""
        raise NotImplementedError

    def body(self) -> Iterator[bytes | Overlong]:
        """The lines not taken yet, in order (the verifier's loop)."""
        return iter(self.next_line, None)

    def peek_line(self, number: int) -> bytes | Overlong | None:
        """Line `number` (1-based), the one after the last taken, without taking it."""
        raise NotImplementedError

    @property
    def lines_taken(self) -> int:
        """How many complete lines have been taken (all of them, after the last)."""
        raise NotImplementedError

    def skip_to_the_end(self) -> int:
        """Pass over the lines not taken yet, to the end (`torn` is then known); the number
        of complete lines in the log."""
        for _line in self.body():
            pass
        return self.lines_taken


class SplitLines(LineSource):
    """The lines of a log held in memory (resume, report, observe: the fast path).

    Each line is cut from the bytes as it is taken, not all at once: the list of a
    200,000-record log's lines (41 MB of bytes objects beside the 41 MB they were cut
    from) was the peak of the verification that `report` and `review` start with (sec16)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.end = data.rfind(b"\n") + 1
        """Where the complete lines end (the torn tail, if any, starts there)."""
        tail = data[self.end :]
        if tail:
            lines = data.count(b"\n", 0, self.end)
            self.torn = TornTail(line=lines + 1, offset=self.end, data=tail)
        self.at = 0
        self.index = 0

    def next_line(self) -> bytes | None:
        if self.at >= self.end:
            return None
        stop = self.data.index(b"\n", self.at)
        line = self.data[self.at : stop]
        self.at, self.index = stop + 1, self.index + 1
        return line

    def body(self) -> Iterator[bytes]:
        """The lines not taken yet (a second call goes on where the first stopped)."""
        data, find, end = self.data, self.data.index, self.end
        while self.at < end:
            at = self.at
            stop = find(b"\n", at)
            self.at, self.index = stop + 1, self.index + 1
            yield data[at:stop]

    def peek_line(self, number: int) -> bytes | None:
        if number == self.index + 1:  # the verifier's look-ahead: the next line
            if self.at >= self.end:
                return None
            return self.data[self.at : self.data.index(b"\n", self.at)]
        lines = self.data[: self.end].split(b"\n")  # any other: not on the fast path
        return lines[number - 1] if 0 < number < len(lines) else None

    @property
    def lines_taken(self) -> int:
        return self.index


class StreamLines(LineSource):
    """The lines of a log read from its file one at a time: memory bounded by the longest
    record (2 MiB), whatever the file's size (qa-sitting8: a 500 MB log was read whole).

    A line longer than any record is never held: it is skipped in chunks and given as
    its `Overlong` length; so is such a last line without a newline (`torn.size`)."""

    def __init__(self, path: Path, handle: BinaryIO, limit: int | None = None) -> None:
        self.path, self.handle = path, handle
        self.limit = MAX_LOG_BYTES if limit is None else limit
        self.offset = 0
        self.count = 0
        self.ahead: list[bytes | Overlong | None] = []

    def next_line(self) -> bytes | Overlong | None:
        return self.ahead.pop() if self.ahead else self._read()

    def peek_line(self, number: int) -> bytes | Overlong | None:
        assert number == self.count - len(self.ahead) + 1  # `count` includes the line ahead
        if not self.ahead:
            self.ahead.append(self._read())
        return self.ahead[0]

    @property
    def lines_taken(self) -> int:
        return self.count - len(self.ahead)

    def skip_to_the_end(self) -> int:
        """The rest of the file in 1 MiB chunks, counting its line ends: nothing is parsed
        or kept but the bytes after the last line end, and those only when a record could
        be that long (a line at a time took 22 s for a 500 MiB log at load 15, bugs11)."""
        self.ahead.clear()  # already counted
        if self.torn is not None or self.offset > self.limit:
            return self.count
        position = line_start = self.offset
        while chunk := self._chunk():
            ends = chunk.count(b"\n")
            if ends:
                self.count += ends
                line_start = position + chunk.rindex(b"\n") + 1
            position += len(chunk)
            if position > self.limit:  # it grew past the limit while being read
                raise too_large(self.path)
        length = position - line_start
        self.offset = self.limit + 1  # nothing more to read
        if length:
            data = b""
            if length <= MAX_LINE_BYTES:
                self.handle.seek(line_start)
                data = self.handle.read(length)
            size = None if len(data) == length else length
            self.torn = TornTail(self.count + 1, line_start, data, size=size)
        return self.count

    def _chunk(self) -> bytes:
        try:
            return self.handle.read(1 << 20)
        except OSError as exc:
            raise LogReadError(f"{self.path} cannot be read ({exc.strerror}).") from None

    def _read(self) -> bytes | Overlong | None:
        if self.torn is not None or self.offset > self.limit:
            return None
        start = self.offset
        line = self._readline(MAX_LINE_BYTES + 1)
        length = len(line)
        if length > MAX_LINE_BYTES and not line.endswith(b"\n"):
            del line  # longer than any record: measured, never held
            while chunk := self._readline(1 << 20):
                length += len(chunk)
                if chunk.endswith(b"\n"):
                    return self._took(start, length, Overlong(length - 1))
            return self._tail(start, TornTail(self.count + 1, start, b"", size=length))
        if line.endswith(b"\n"):
            return self._took(start, length, line[:-1])
        return self._tail(start, TornTail(self.count + 1, start, line) if line else None)

    def _took(self, start: int, length: int, line: bytes | Overlong) -> bytes | Overlong:
        self.offset = start + length
        self.count += 1
        if self.offset > self.limit:  # it grew past the limit while being read
            raise too_large(self.path)
        return line

    def _tail(self, start: int, torn: TornTail | None) -> None:
        self.offset = self.limit + 1  # nothing more to read
        if torn is not None and start + torn.length > self.limit:
            raise too_large(self.path)
        self.torn = torn
        return None

    def _readline(self, size: int) -> bytes:
        try:
            return self.handle.readline(size)
        except OSError as exc:
            raise LogReadError(f"{self.path} cannot be read ({exc.strerror}).") from None


def overlong_tail(length: int) -> str:
    """Why a last line longer than any record is not a write cut short."""
    return (
        f"its last {length} bytes have no line end and are longer than any record "
        f"(at most {MAX_LINE_BYTES} bytes), so they are not a record whose write was cut "
        "short but bytes added to the log"
    )


def parse_record(line: bytes) -> dict[str, Any]:
    """One line as a record dict; ValueError says what is wrong with it."""
    try:
        record = parse_json(line)
    except ValueError as exc:
        raise ValueError(f"it is not JSON ({_short(exc)})") from None
    if type(record) is not dict or record.keys() != RECORD_KEYS:
        raise ValueError("it is not a record (an object with seq, t, wall, type, data and prev)")
    seq, t = record["seq"], record["t"]
    if type(seq) is not int or seq < 0:
        raise ValueError("its 'seq' is not a whole number >= 0")
    if type(t) is not float or not math.isfinite(t):
        raise ValueError("its 't' (exam time) is not a number of seconds")
    if type(record["wall"]) is not str or type(record["type"]) is not str:
        raise ValueError("its 'wall' or 'type' is not a string")
    if type(record["data"]) is not dict or type(record["prev"]) is not str:
        raise ValueError("its 'data' is not an object or its 'prev' not a string")
    if _MAY_HOLD_CONTROL.search(line):
        _refuse_control_characters(record["data"], "data")
    return record


_MAY_HOLD_CONTROL = re.compile(rb"\\(?:u00[01]|u007[fF]|u00[89]|[bf])")
"""A JSON escape of a control character (the writer's ASCII form escapes every one;
line breaks, tabs and returns are written as \\n, \\t and \\r and not matched). A hit
only means the strings are read; an escaped backslash before "b" is a false alarm."""


def _refuse_control_characters(value: Any, where: str) -> None:
    """No exam writes a control character (the input guard drops typed ones, the scenario
    check refuses them in texts), and one printed by a viewer drives the reader's terminal
    (ESC ] retitles it, ESC [ 2 J clears it): a record holding one is refused."""
    if type(value) is str:
        bad = CONTROL_CHARACTER.search(value)
        if bad is not None:
            raise ValueError(
                f"its {where} holds the control character U+{ord(bad.group()):04X}; "
                "helpdesk-exam never writes one (a terminal would obey it)"
            )
    elif type(value) is dict:
        for key, item in value.items():
            _refuse_control_characters(item, f"{where}.{key}")
    elif type(value) is list:
        for index, item in enumerate(value):
            _refuse_control_characters(item, f"{where}[{index}]")


def _short(exc: Exception) -> str:
    return str(exc).split("\n")[0][:80]


def event_of(record: dict[str, Any]) -> Event:
    """The core Event a record holds; EventFormatError if it is not one of the closed set.

    A record parsed from its line (`parse_record`) holds fresh plain JSON nobody else
    changes: when its fields are what the type allows (`parsed_event_data_ok`, the
    verifier's own test) the data is taken as it is, without `make_event`'s walk over the
    values and deep copy (sec15: 30 % of the room's and observe's reading of a
    200,000-record log); anything else goes through `make_event`, which names the fault."""
    event_type, data, t, wall = record["type"], record["data"], record["t"], record["wall"]
    if (
        type(t) in (int, float)
        and 0 <= t < math.inf
        and type(wall) is str
        and type(event_type) is str
        and parsed_event_data_ok(event_type, data)
    ):
        return Event(event_type, data, float(t), wall)
    return make_event(event_type, data, t, wall)


def mark_of(record: dict[str, Any], line: int) -> SignedMark:
    """A checkpoint or seal record as a SignedMark; ValueError if its data is wrong."""
    data = record["data"]
    try:
        records, head, key = data["records"], data["head"], data["key"]
    except KeyError as exc:
        raise ValueError(f"its data has no '{exc.args[0]}'") from None
    reason = data.get("reason") if record["type"] == SEAL else None
    return SignedMark(line, record["seq"], record["t"], record["wall"], records, head, key, reason)


def read_header(path: Path) -> SessionHeader | None:
    """The header from the first line alone, or None if it cannot be read as one.

    For a quick look before the whole log is verified (resume checks the
    scenario first); never raises for a bad file: the full read says what is wrong."""
    try:
        with open_log_file(path) as handle:
            first = handle.readline(MAX_LINE_BYTES + 1)
        record = parse_record(first.rstrip(b"\n"))
        return SessionHeader.from_record(record) if record["type"] == HEADER else None
    except (OSError, ValueError, LogReadError):
        return None


def read_log(path: Path) -> LogContents:
    """Read a log without checking signatures; torn last line reported in `.torn`."""
    path = Path(path)
    return contents_from_bytes(path, read_bytes(path))


def contents_from_bytes(path: Path, data: bytes) -> LogContents:
    """Like `read_log`, for bytes already read (`path` is only used in messages)."""
    lines, torn, good_length = split_lines(data)
    if torn is not None and torn.length > MAX_LINE_BYTES:
        raise LogReadError(
            f"{path} line {torn.line} cannot be read: {overlong_tail(torn.length)}.", line=torn.line
        )
    if not lines:
        raise LogReadError(f"{path} has no complete record; a log starts with its header line.")
    records = [_parse_or_raise(path, number, line) for number, line in enumerate(lines, 1)]
    header = _header_or_raise(path, records[0])
    contents = LogContents(path, header, records, torn=torn, good_length=good_length)
    for number, record in enumerate(records[1:], 2):
        _add_record(contents, number, record)
    return contents


def _parse_or_raise(path: Path, number: int, line: bytes) -> dict[str, Any]:
    try:
        return parse_record(line)
    except ValueError as exc:
        raise LogReadError(
            f"{path} line {number} cannot be read: {exc}. Run `helpdesk-exam verify {path}` "
            "to find out whether the log was damaged or changed.",
            line=number,
        ) from None


def _header_or_raise(path: Path, record: dict[str, Any]) -> SessionHeader:
    if record["type"] != HEADER:
        raise LogReadError(
            f"{path} line 1 is a '{record['type']}' record; a log starts with its header "
            "(type 'log.header'). The header is missing."
        )
    try:
        return SessionHeader.from_record(record)
    except ValueError as exc:
        raise LogReadError(f"{path} line 1 (the header): {exc}.") from None


def _add_record(contents: LogContents, number: int, record: dict[str, Any]) -> None:
    rtype = record["type"]
    try:
        if rtype == CHECKPOINT:
            contents.checkpoints.append(mark_of(record, number))
        elif rtype == SEAL:
            contents.seal = mark_of(record, number)
        elif rtype == HEADER:
            raise ValueError("a second header")
        else:
            contents.entries.append(LoggedEvent(record["seq"], number, event_of(record)))
    except (ValueError, EventFormatError) as exc:
        raise LogReadError(
            f"{contents.path} line {number} (seq {record['seq']}) is not a valid record: {exc}."
        ) from None
