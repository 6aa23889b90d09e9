"""Verify a log: is every record the one that was written, in its place, under the right key?

One pass over the lines checks the seq numbers, the hash links, every signed
record's key, session, position and signature, and that nothing follows the
seal. It stops at the first fault and names that record. Where a broken link
could be blamed on either of its two records, it looks at the neighbours to
name the one that changed (see docs/eventlog-format.md, "Which record is named").
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, overload

from helpdesk_tui.core.events import (
    EVENT_SPECS,
    Event,
    EventFormatError,
    check_event_data,
    parsed_event_data_ok,
)
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog.agreement import contradiction
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.eventlog.errors import KeyFileError, LogError
from helpdesk_tui.eventlog.keychain import first_chain_key, following_key, signature_ok
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.reader import (
    LineSource,
    Overlong,
    SplitLines,
    StreamLines,
    TornTail,
    open_log_file,
    overlong_tail,
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
from helpdesk_tui.eventlog.walls import Walls

Status = Literal["ok", "unsealed", "bad"]

EXIT_OK = 0
EXIT_BAD = 1
EXIT_USAGE = 2
EXIT_UNSEALED = 3

NOT_AN_EXAM_LOG = "CANNOT COUNT AS AN EXAM LOG"


class FaultKind(StrEnum):
    """What is wrong with the first bad record."""

    BROKEN_LINK = "broken-hash-link"
    BAD_SIGNATURE = "bad-signature"
    WRONG_KEY = "signed-with-another-key"
    MISSING_SEQ = "missing-seq"
    DUPLICATED_SEQ = "duplicated-seq"
    REORDERED_SEQ = "reordered-seq"
    INSERTED = "inserted-record"
    FOREIGN = "from-another-session"
    MISPLACED = "signature-for-another-position"
    SEAL_COUNT = "seal-count-wrong"
    AFTER_SEAL = "records-after-seal"
    HEADER_EDITED = "header-edited"
    HEADER_MISSING = "header-missing"
    SCENARIO_DIFFERS = "scenario-hash-differs"
    MALFORMED = "malformed-record"
    TIME_BACKWARDS = "exam-time-goes-back"
    CUT_AFTER_WITNESSED = "cut-after-witnessed"
    WITNESS_HEAD_DIFFERS = "witness-head-differs"
    FORK = "fork"
    WITNESS_CHANGED = "witness-changed"


@dataclass(frozen=True, slots=True)
class Fault:
    """The first record that cannot be trusted, and why."""

    line: int
    seq: int | None
    kind: FaultKind
    message: str


@dataclass(slots=True)
class Summary:
    """What an assessor wants to see of a log, as far as it could be read."""

    session_id: str | None = None
    candidate_id: str | None = None
    scenario_id: str | None = None
    scenario_sha256: str | None = None
    scenario_checked: bool = False
    mode: str | None = None
    key_kind: str | None = None
    key_fingerprint: str | None = None
    software_version: str | None = None
    started: str | None = None
    ended: str | None = None
    duration_s: float = 0.0
    records: int = 0
    events: int = 0
    checkpoints: int = 0
    seal_reason: str | None = None
    ended_line: int = 1
    """The line of `ended` (the last record read)."""
    walls: Walls = field(default_factory=Walls)
    """What the wall clock did over the records (a note, never a fault: `walls`)."""


class LineHashes(Sequence[str]):
    """SHA-256 (hex) of every line found intact, by line, held as 32 raw bytes each: a
    5-hour log's hashes as hex strings would weigh 113 bytes a line (150 MB for the
    1.3 million records of a 500 MB log), as raw bytes in one buffer 32."""

    __slots__ = ("digests",)

    def __init__(self) -> None:
        self.digests = bytearray()

    def __len__(self) -> int:
        return len(self.digests) >> 5

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("line hash index out of range")
        return self.digests[index << 5 : (index + 1) << 5].hex()

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))


@dataclass(slots=True)
class VerifyResult:
    """The verdict: ok (intact, sealed), unsealed (intact so far, no seal) or bad."""

    status: Status
    summary: Summary
    fault: Fault | None = None
    torn: TornTail | None = None
    signed_records: int = 0
    """Records covered by the last signature (header, checkpoint or seal), from seq 0."""
    unsigned_records: int = 0
    """Complete records after the last signature: hash-chained but not signed."""
    last_checkpoint_line: int | None = None
    format: int | None = None
    chain_key: PublicKey | None = None
    """The key the next checkpoint or seal must be signed with (resume looks for it)."""
    line_hashes: LineHashes = field(default_factory=LineHashes)
    """SHA-256 of every line found intact, by line (index 0: the header): the witness
    check compares what it cosigned with these."""
    records: list[dict[str, Any]] | None = field(default=None, repr=False)
    """With `keep_records`: every line found intact, parsed (index 0: the header), so a
    reader of a verified log need not parse it again (`report` of 100,000 records: 0.5 s)."""
    events: list[tuple[int, Event]] | None = field(default=None, repr=False)
    """With `keep_events`: every event found intact, as (seq, Event), in log order (the
    header, checkpoints and seal left out; the header is `header`). Kept as each line is
    checked, so the parsed record around it (its seq, prev, type and the dict) is freed at
    once: the records of a whole log kept until the events were made were the peak of a
    200,000-record review (sec16)."""
    header: SessionHeader | None = field(default=None, repr=False)
    """The header as the verifier read it (None if it did not read)."""

    lines: int | None = None
    """For a bad log: how many complete lines it holds. The lines after the first fault are
    read (a line at a time, nothing kept) only to count them and to reach the end, so that a
    torn last line is reported too (`torn`, or `tail_bytes` for one longer than any record);
    none of them is checked."""
    tail_bytes: int | None = None
    """For a bad log: the bytes after its last newline, whatever their length (None: none)."""

    deferred_signatures: list[tuple[bytes, dict[str, Any]]] | None = field(default=None, repr=False)
    """With `defer_signatures`: the checkpoint and seal signatures not checked yet, as
    (raw public key, record), in log order. The result holds only if every one of
    them checks (`signatures_ok`); if one does not, verify again without deferring,
    which names the first fault as always."""

    seal_not_witnessed: bool = False
    """Set by `verify --witness` (`check_against_witness`): the log is intact and sealed,
    but the witness never cosigned its seal, so the records after the last one it did
    are only as good as the log's own keys (a witness file cut short, or stopped early)."""

    @property
    def lines_after_fault(self) -> int:
        """Complete lines after the faulty one, not checked (0 when not counted)."""
        if self.fault is None or self.lines is None:
            return 0
        return max(0, self.lines - self.fault.line)

    @property
    def exit_code(self) -> int:
        if self.status == "ok" and self.summary.mode == "exam" and self.format == 1:
            return EXIT_BAD
        if self.status == "ok" and self.seal_not_witnessed:
            return EXIT_UNSEALED
        return {"ok": EXIT_OK, "unsealed": EXIT_UNSEALED, "bad": EXIT_BAD}[self.status]

    @property
    def per_session_key(self) -> bool:
        return self.summary.key_kind == KEY_PER_SESSION

    @property
    def not_an_exam_reason(self) -> str | None:
        """Why this log cannot count as an exam log, as a word a report translates
        ("per-session" or "format-1"), or None."""
        if self.per_session_key:
            return KEY_PER_SESSION
        return "format-1" if self.format == 1 else None

    @property
    def not_an_exam_log(self) -> str | None:
        """Why this log cannot count as an exam log, or None: the banner verify prints (a
        report prints it in its own language: `assess.texts`, "not_exam.*")."""
        if self.per_session_key:
            return (
                f"{NOT_AN_EXAM_LOG}: it is signed with its own per-session practice key, "
                "not with an exam centre's key."
            )
        if self.format == 1:
            return (
                f"{NOT_AN_EXAM_LOG}: format 1, its checkpoints are signed with the exam-centre "
                "key itself (no forward security), so whoever held that key could have "
                "re-signed it. Its integrity was checked all the same."
            )
        return None


class _Bad(Exception):
    """Internal: carries the first fault out of the loop."""

    def __init__(self, line: int, seq: int | None, kind: FaultKind, why: str) -> None:
        where = (
            Phrase("line {line} (seq {seq})", line=line, seq=seq)
            if seq is not None
            else Phrase("line {line}", line=line)
        )
        self.fault = Fault(line, seq, kind, Phrase("{where}: {why}.", where=where, why=why))


def _header_bad(why: str, kind: FaultKind = FaultKind.HEADER_EDITED) -> _Bad:
    return _Bad(1, 0, kind, Phrase("the header {why}", why=why))


def verify_log(
    path: Path, public_key: PublicKey | None, scenario_dir: Path | None = None
) -> VerifyResult:
    """Verify the log at `path`; LogError for a path or key that cannot be used at all.

    The file is read a line at a time, never whole: memory stays bounded by the
    longest record (2 MiB) and the line hashes (32 bytes a line), whatever its size."""
    path = Path(path)
    scenario_sha = None
    if scenario_dir is not None:
        scenario_dir = Path(scenario_dir)
        if scenario_dir.name == "scenario.toml" and scenario_dir.is_file():
            scenario_dir = scenario_dir.parent
        scenario_sha = folder_sha256(scenario_dir)
    with open_log_file(path) as handle:
        if os.fstat(handle.fileno()).st_size > MAX_LOG_BYTES:
            raise too_large(path)  # before anything is read (a 2 GB sparse file)
        source = StreamLines(path, handle)
        return _Verifier(source, public_key, scenario_sha, str(path)).run()


def verify_bytes(
    data: bytes,
    public_key: PublicKey | None,
    scenario_sha256: str | None = None,
    name: str = "the log",
    *,
    keep_records: bool = False,
    defer_signatures: bool = False,
    keep_events: bool = False,
) -> VerifyResult:
    """Verify a log held in memory (the writer uses this on resume).

    With `keep_records`, the result also holds the records parsed on the way; with
    `keep_events`, the events made of them (`VerifyResult.events`).
    With `defer_signatures`, the checkpoints' and the seal's Ed25519 checks (a
    third of the time of a 100,000-record log) are left in `deferred_signatures`
    for `signatures_ok` to do later, or in another process (assess.prime); the
    header's is always checked here."""
    verifier = _Verifier(SplitLines(data), public_key, scenario_sha256, name, keep_records)
    if keep_events:
        verifier.events = []
    if defer_signatures:
        verifier.deferred = []
    return verifier.run()


def signatures_ok(deferred: list[tuple[bytes, dict[str, Any]]]) -> bool:
    """Whether every deferred signature checks (the same test as the verifier's own)."""
    keys: dict[bytes, PublicKey] = {}
    for raw, record in deferred:
        key = keys.get(raw)
        if key is None:
            try:
                key = keys[raw] = PublicKey.from_raw(raw)
            except ValueError:
                return False
        if not signature_ok(key, record):
            return False
    return True


_TYPE_NAMES = {name: name for name in EVENT_SPECS}
"""Each event type's one string: a kept event names its type with it, not with the copy
each parsed line makes (200,000 of them in a 200,000-record log)."""


SHARED_DATA = 4096
"""Different short data (`{"area": "kb"}`) a verification shares at most."""
SHARED_FIELDS = 2
SHARED_CHARS = 64
"""Data shared: at most this many fields, each a text of at most this many characters."""


def _shared_key(data: dict[str, Any]) -> tuple[Any, ...] | None:
    """The key data are shared by (`_event`): its fields in order, for one or two short
    text fields without a `text`; None for any other data."""
    size = len(data)
    if size != 1 and (size != SHARED_FIELDS or "text" in data):
        return None
    key = tuple(data.items())
    for _, value in key:
        if type(value) is not str or len(value) > SHARED_CHARS:
            return None
    return key


def _event(
    record: dict[str, Any],
    key: tuple[Any, ...] | None,
    shared: dict[tuple[Any, ...], dict[str, Any]],
) -> Event:
    """The event of a record `_check_event` passed (checked: no second check, no copy).

    Data of one or two short text fields is shared by the events that carry the same,
    field for field in the same order: 120,000 `focus_moved` `{"area": ..., "target": ...}`
    of a padded 200,000-record log held some 40 MB as a dict and two strings each (sec16
    shared one field; perf19 the target too, as a candidate moves between the same few
    tickets and panels all exam long). Not two fields with a `text`: a message's or note's
    words seldom come again with the same conversation or ticket (9,479 different of 10,860
    `message_sent`), and they filled the table before the focus moves (78 different of
    121,166) were in it. An event's data is never changed (the reader hands out the parsed
    dicts as they are since sec15)."""
    kind, data = record["type"], record["data"]
    if key is not None:  # `_shared_key(data)`
        known = shared.get(key)
        if known is not None:
            data = known
        elif len(shared) < SHARED_DATA:
            shared[key] = data
    return Event(_TYPE_NAMES.get(kind, kind), data, record["t"], record["wall"])


class _Verifier:
    """One verification pass; its state is how far the log has been found intact."""

    def __init__(
        self,
        source: LineSource,
        public_key: PublicKey | None,
        scenario_sha: str | None,
        name: str,
        keep_records: bool = False,
    ) -> None:
        self.source = source
        self.records: list[dict[str, Any]] | None = [] if keep_records else None
        self.events: list[tuple[int, Event]] | None = None
        self.given_key = public_key
        self.scenario_sha = scenario_sha
        self.name = name
        self.summary = Summary()
        self.header: SessionHeader | None = None
        self.key: PublicKey | None = None
        self.chain: PublicKey | None = None
        """The key the next checkpoint or seal must be signed with."""
        self.last_t = 0.0
        self.hashes = LineHashes()
        """SHA-256 of every line found intact so far; hashes[-1] is the chain head."""
        self.head = ""
        """hashes[-1] as hex, kept for the hot loop's comparison."""
        self.current: tuple[int, dict[str, Any]] | None = None
        self.previous: tuple[int, dict[str, Any]] | None = None
        """The line number and record being checked and the one before it (`_peek`)."""
        self.sealed_line: int | None = None
        self.last_signed_seq = 0
        self.last_checkpoint_line: int | None = None
        self.deferred: list[tuple[bytes, dict[str, Any]]] | None = None

    def run(self) -> VerifyResult:
        try:
            self._check_header()
            self._check_body()
            torn = self.source.torn
            if self.sealed_line is not None and torn is not None:
                raise self._after_seal(torn.line, None, Phrase("torn bytes"))
            if torn is not None and torn.length > MAX_LINE_BYTES:
                raise _Bad(torn.line, None, FaultKind.MALFORMED, overlong_tail(torn.length))
        except _Bad as bad:
            lines = self._read_to_the_end()
            result = self._result("bad", bad.fault)
            result.lines = lines
            tail = self.source.torn
            result.tail_bytes = tail.length if tail is not None else None
            return result
        return self._result("ok" if self.sealed_line is not None else "unsealed", None)

    def _read_to_the_end(self) -> int | None:
        """After the first fault: the number of complete lines, reading on to the end.

        sec-fuzz9's streamed verify stopped at the first fault, so a bad log's torn last
        line went unreported; an assessor wants to know what else is wrong. Nothing of the
        rest is parsed or kept: a streamed log's is read in 1 MiB chunks and only its line
        ends counted (`StreamLines.skip_to_the_end`), so memory stays bounded as for the
        check itself. None when the rest cannot be read (the file grew past the limit, or
        a read failed)."""
        try:
            return self.source.skip_to_the_end()
        except LogError:
            return None

    def _result(self, status: Status, fault: Fault | None) -> VerifyResult:
        total = len(self.hashes)
        self.summary.records = total
        signed = min(self.last_signed_seq + 1, total)
        torn = self.source.torn  # a streamed log's, once its last line was reached
        if torn is not None and torn.length > MAX_LINE_BYTES:
            torn = None  # not a record whose write was cut short, but bytes added
        return VerifyResult(
            status,
            self.summary,
            fault,
            torn,
            signed_records=signed,
            unsigned_records=total - signed,
            last_checkpoint_line=self.last_checkpoint_line,
            format=self.header.format if self.header is not None else None,
            chain_key=self.chain,
            line_hashes=self.hashes,
            records=self.records,
            events=self.events,
            header=self.header,
            deferred_signatures=self.deferred,
        )

    # --- header ----------------------------------------------------------

    def _check_header(self) -> None:
        line = self.source.next_line()
        if line is None:
            why = (
                Phrase("{name} is empty; a log starts with its header", name=self.name)
                if self.source.torn is None
                else Phrase(
                    "{name} has only a torn line; a log starts with its header", name=self.name
                )
            )
            raise _Bad(1, None, FaultKind.HEADER_MISSING, why)
        if isinstance(line, Overlong):
            why = Phrase("it should be the header, but {why}", why=line.why)
            raise _Bad(1, None, FaultKind.HEADER_MISSING, why)
        record = self._parse_header(line)
        try:
            self.header = header = SessionHeader.from_record(record)
        except ValueError as exc:
            raise _header_bad(Phrase("is not valid: {why}", why=str(exc))) from None
        self._fill_summary(header)
        self.key = self._header_key(header)
        if not self._signature_ok(record, line, self.key):
            raise _header_bad(Phrase("does not match its signature: it was changed"))
        try:
            self.chain = first_chain_key(header, self.key)
        except ValueError as exc:
            raise _header_bad(Phrase("is not valid: {why}", why=str(exc))) from None
        if self.scenario_sha is not None:
            self._check_scenario(header)
        digest = hashlib.sha256(line).digest()
        self.hashes.digests += digest
        self.head = digest.hex()
        self.current = (1, record)
        if self.records is not None:
            self.records.append(record)

    def _parse_header(self, line: bytes) -> dict[str, Any]:
        try:
            record = parse_record(line)
        except ValueError as exc:
            why = Phrase("it should be the header, but {why}", why=str(exc))
            raise _Bad(1, None, FaultKind.HEADER_MISSING, why) from None
        if record["type"] != HEADER:
            why = Phrase(
                "it is a '{type}' record; the header (log.header) is missing", type=record["type"]
            )
            raise _Bad(1, record["seq"], FaultKind.HEADER_MISSING, why)
        if record["seq"] != 0 or record["prev"] != GENESIS_PREV:
            raise _header_bad(Phrase("must have seq 0 and a prev of 64 zeros"))
        if canonical_json(record) != line:
            raise _header_bad(
                Phrase("is not in canonical form, so its bytes are not what was signed")
            )
        return record

    def _fill_summary(self, header: SessionHeader) -> None:
        s = self.summary
        s.session_id, s.candidate_id, s.mode = header.session_id, header.candidate_id, header.mode
        s.scenario_id, s.scenario_sha256 = header.scenario_id, header.scenario_sha256
        s.key_kind, s.key_fingerprint = header.key_kind, header.key_fingerprint
        s.software_version = header.software_version
        s.started = s.ended = header.created

    def _header_key(self, header: SessionHeader) -> PublicKey:
        """The key every signature must verify with: --pubkey, or the practice log's own."""
        given = self.given_key
        if header.key_kind == KEY_PER_SESSION:
            own = self._session_key(header)
            if given is not None and given.fingerprint != own.fingerprint:
                why = Phrase(
                    "says this is a practice log signed with its own per-session key "
                    "{own}, not with the exam-centre key {given} you gave: it is not an exam "
                    "log of that centre",
                    own=own.fingerprint,
                    given=given.fingerprint,
                )
                raise _header_bad(why, FaultKind.WRONG_KEY)
            return own
        if given is None:
            raise KeyFileError(
                Phrase(
                    "{name} is an exam-centre log signed with key {key}; give that centre's "
                    "public key with --pubkey FILE (exam-centre.pub from `keys init`).",
                    name=self.name,
                    key=header.key_fingerprint,
                )
            )
        if given.fingerprint != header.key_fingerprint:
            why = Phrase(
                "names signing key {named}, but the key you gave is {given}",
                named=header.key_fingerprint,
                given=given.fingerprint,
            )
            raise _header_bad(why, FaultKind.WRONG_KEY)
        return given

    def _session_key(self, header: SessionHeader) -> PublicKey:
        try:
            key = PublicKey.from_raw(b64decode_strict(header.session_public_key or ""))
        except ValueError:
            raise _header_bad(
                Phrase("has a session_public_key that is not a base64 Ed25519 key")
            ) from None
        if key.fingerprint != header.key_fingerprint:
            raise _header_bad(
                Phrase("has a session_public_key that does not match its key_fingerprint")
            )
        return key

    def _check_scenario(self, header: SessionHeader) -> None:
        self.summary.scenario_checked = True
        if header.scenario_sha256 != self.scenario_sha:
            why = Phrase(
                "binds scenario '{id}' with files hashing to {bound}..., but the --scenario "
                "folder hashes to {found}...: a different or changed scenario",
                id=header.scenario_id,
                bound=header.scenario_sha256[:16],
                found=str(self.scenario_sha)[:16],
            )
            raise _header_bad(why, FaultKind.SCENARIO_DIFFERS)

    # --- body ------------------------------------------------------------

    def _check_body(self) -> None:
        """The hot loop: parse, seq, link, then what the record's type needs. The chain
        head and the record before are kept in locals, and given to `self` only on the
        way to a fault (which looks at the neighbours)."""
        digests, sha256, summary = self.hashes.digests, hashlib.sha256, self.summary
        walls, last_wall = summary.walls, summary.ended or ""
        kept = self.records.append if self.records is not None else None
        event = self.events.append if self.events is not None else None
        shared: dict[tuple[Any, ...], dict[str, Any]] = {}
        passed: dict[tuple[str, tuple[Any, ...]], None] = {}
        """Shared data (`_shared_key`) that passed `_check_event` under a type: the check is
        a function of the type and the data alone, so data equal field for field in the same
        order pass again (perf20: 120,000 of a padded 200,000-record log's focus moves are
        78 different, and checking each was a tenth of the verification)."""
        head = self.head
        previous = self.current[1] if self.current is not None else None
        for index, line in enumerate(self.source.body(), 1):
            number = index + 1
            try:  # a line as bytes parsed here, one call fewer a record (perf25)
                record = parse_record(line)  # type: ignore[arg-type]
            except (ValueError, TypeError):  # `_parse` names it (or an Overlong) in its words
                record = self._parse(number, line)
            if self.sealed_line is not None:
                raise self._after_seal(number, record["seq"], Phrase("a record"))
            if record["seq"] != index or record["prev"] != head:
                self.head = head
                self.current, self.previous = (number, record), (number - 1, previous)
                raise self._position_fault(number, record, line)  # type: ignore[arg-type]
            if record["t"] < self.last_t:
                why = Phrase(
                    "its exam time {t:g} s is before the {before:g} s of the record before it: "
                    "exam time only moves forward, so records were moved, edited or written by "
                    "something other than the exam",
                    t=record["t"],
                    before=self.last_t,
                )
                raise _Bad(number, record["seq"], FaultKind.TIME_BACKWARDS, why)
            self.last_t = record["t"]
            if record["type"] in SIGNED_TYPES:
                self._check_signed(number, record, line)  # type: ignore[arg-type]
            elif event is None:
                self._check_event(number, record)
                summary.events += 1
            else:
                key = _shared_key(record["data"])
                if key is None or (record["type"], key) not in passed:
                    self._check_event(number, record)
                    if key is not None and len(passed) < SHARED_DATA:
                        passed[(record["type"], key)] = None
                summary.events += 1
                event((record["seq"], _event(record, key, shared)))
            digest = sha256(line).digest()  # type: ignore[arg-type]
            digests += digest
            head = digest.hex()
            previous = record
            if kept is not None:
                kept(record)
            wall = record["wall"]
            if wall < last_wall or len(wall) != len(last_wall):  # else it moved on: no note
                walls.see(number, index, last_wall, wall)
            summary.duration_s, summary.ended = record["t"], wall
            summary.ended_line, last_wall = number, wall
        self.head = head

    def _parse(self, number: int, line: bytes | Overlong) -> dict[str, Any]:
        if isinstance(line, Overlong):
            why = Phrase("it is not a valid record: {why}", why=line.why)
            raise _Bad(number, None, FaultKind.MALFORMED, why)
        try:
            return parse_record(line)
        except ValueError as exc:
            why = Phrase("it is not a valid record: {why}", why=str(exc))
            raise _Bad(number, None, FaultKind.MALFORMED, why) from None

    def _check_event(self, number: int, record: dict[str, Any]) -> None:
        if not parsed_event_data_ok(record["type"], record["data"]):
            try:
                check_event_data(record["type"], record["data"])
            except EventFormatError as exc:
                why = Phrase("it is not a valid event: {why}", why=str(exc))
                raise _Bad(number, record["seq"], FaultKind.MALFORMED, why) from None
        if record["type"] == "session_started":
            self._check_schema(number, record)
            self._check_bound(number, record)

    def _check_schema(self, number: int, record: dict[str, Any]) -> None:
        """The session starts in the event schema its header names (sec13)."""
        assert self.header is not None
        started = record["data"]["schema_version"]
        if started != self.header.event_schema:
            why = Phrase(
                "the session started in event schema {started}, but the header names "
                "schema {header}: records were written by something other than the exam",
                started=started,
                header=self.header.event_schema,
            )
            raise _Bad(number, record["seq"], FaultKind.MALFORMED, why)

    def _check_bound(self, number: int, record: dict[str, Any]) -> None:
        """The session's first event says what its signed header says (sec21)."""
        assert self.header is not None
        why = contradiction(self.header, record["data"])
        if why is not None:
            raise _Bad(number, record["seq"], FaultKind.FOREIGN, why)

    def _after_seal(self, number: int, seq: int | None, what: str) -> _Bad:
        why = Phrase("{what} after the seal on line {line}", what=what, line=self.sealed_line)
        return _Bad(number, seq, FaultKind.AFTER_SEAL, why)

    # --- signed records --------------------------------------------------

    def _check_signed(self, number: int, record: dict[str, Any], line: bytes) -> None:
        seq, data = record["seq"], record["data"]
        assert self.header is not None
        if record["type"] == HEADER:
            raise _Bad(number, seq, FaultKind.MALFORMED, Phrase("a second header inside the log"))
        self._check_signed_fields(number, record, line)
        if data["records"] != seq or data["head"] != record["prev"]:
            raise self._count_fault(number, record)
        if record["type"] == SEAL:
            if data["reason"] not in SEAL_REASONS:
                why = Phrase(
                    "the seal's reason {reason} is not one of {reasons}",
                    reason=repr(data["reason"]),
                    reasons=", ".join(SEAL_REASONS),
                )
                raise _Bad(number, seq, FaultKind.MALFORMED, why)
            self.sealed_line = number
            self.summary.seal_reason = data["reason"]
        else:
            self.summary.checkpoints += 1
            self.last_checkpoint_line = number
        try:
            self.chain = following_key(record, self.header.format, self.chain)
        except ValueError as exc:
            raise _Bad(number, seq, FaultKind.MALFORMED, str(exc)) from None
        self.last_signed_seq = seq

    def _check_signed_fields(self, number: int, record: dict[str, Any], line: bytes) -> None:
        """Fields, key, session, form and signature of a checkpoint or seal, in that order."""
        seq, data = record["seq"], record["data"]
        assert self.header is not None
        expected = signed_fields(record["type"], self.header.format)
        if data.keys() != expected:
            why = Phrase("its data must have exactly {fields}", fields=", ".join(sorted(expected)))
            raise _Bad(number, seq, FaultKind.MALFORMED, why)
        chain = self.chain
        expected_key = chain.fingerprint if chain is not None else self.header.key_fingerprint
        if data["key"] != expected_key:
            what = (
                Phrase("the log's key")
                if self.header.format < 2
                else Phrase("the session key the chain names")
            )
            why = Phrase(
                "it is signed with key {key}, not {what} {expected}",
                key=data["key"],
                what=what,
                expected=expected_key,
            )
            raise _Bad(number, seq, FaultKind.WRONG_KEY, why)
        if data["session"] != self.header.session_id:
            raise self._foreign(number, record)
        if canonical_json(record) != line:
            why = Phrase("it is not in canonical form, so its bytes are not what was signed")
            raise _Bad(number, seq, FaultKind.BAD_SIGNATURE, why)
        if chain is not None and self.deferred is not None:
            self.deferred.append((chain.raw, record))  # checked by signatures_ok
        elif chain is None or not signature_ok(chain, record):  # canonical: checked above
            why = Phrase(
                "its signature does not match its content under the log's key; it or any "
                "record after line {line} (the last good signature) may have been changed",
                line=self.last_signed_seq + 1,
            )
            raise _Bad(number, seq, FaultKind.BAD_SIGNATURE, why)

    def _signature_ok(self, record: dict[str, Any], line: bytes, key: PublicKey | None) -> bool:
        if key is None or canonical_json(record) != line:
            return False
        return signature_ok(key, record)

    def _foreign(self, number: int, record: dict[str, Any]) -> _Bad:
        assert self.header is not None
        why = Phrase(
            "it belongs to session {session}, not to this log's session {own}",
            session=str(record["data"].get("session")),
            own=self.header.session_id,
        )
        return _Bad(number, record["seq"], FaultKind.FOREIGN, why)

    def _count_fault(self, number: int, record: dict[str, Any]) -> _Bad:
        seq, data = record["seq"], record["data"]
        claimed = Phrase(
            "{n} records ending in head {head}...", n=data["records"], head=str(data["head"])[:12]
        )
        actual = Phrase("{n} records ending in head {head}...", n=seq, head=record["prev"][:12])
        if record["type"] == SEAL:
            why = Phrase(
                "the seal claims {claimed}, but it follows {actual}", claimed=claimed, actual=actual
            )
            return _Bad(number, seq, FaultKind.SEAL_COUNT, why)
        why = Phrase(
            "the checkpoint signs {claimed}, but it stands after {actual}",
            claimed=claimed,
            actual=actual,
        )
        return _Bad(number, seq, FaultKind.MISPLACED, why)

    # --- which record to blame -------------------------------------------

    def _position_fault(self, number: int, record: dict[str, Any], line: bytes) -> _Bad:
        """The seq or prev is not what follows the previous record: name the culprit."""
        seq, expected = record["seq"], number - 1
        if seq < expected:
            return self._earlier_seq(number, record, line)
        if seq > expected:
            following = self._peek(number + 1)
            if following is not None and following["seq"] == expected:
                why = Phrase(
                    "seq {seq} stands where seq {expected} should, and {expected} follows it: "
                    "records were swapped",
                    seq=seq,
                    expected=expected,
                )
                return _Bad(number, seq, FaultKind.REORDERED_SEQ, why)
            why = (
                Phrase(
                    "seq {expected} is missing before it: records were removed", expected=expected
                )
                if seq == expected + 1
                else Phrase(
                    "seqs {expected} to {last} are missing before it: records were removed",
                    expected=expected,
                    last=seq - 1,
                )
            )
            return _Bad(number, seq, FaultKind.MISSING_SEQ, why)
        return self._link_fault(number, record, line)

    def _earlier_seq(self, number: int, record: dict[str, Any], line: bytes) -> _Bad:
        """A seq already used: a copy, a record inserted before this one, or a second claimant."""
        seq = record["seq"]
        if self.hashes[seq] == hashlib.sha256(line).hexdigest():
            why = Phrase("it is a copy of line {line}", line=seq + 1)
            return _Bad(number, seq, FaultKind.DUPLICATED_SEQ, why)
        if number >= 3 and record["prev"] == self.hashes[-2]:
            return self._inserted(number - 1, number)
        why = Phrase("seq {seq} was already used by line {line}", seq=seq, line=seq + 1)
        return _Bad(number, seq, FaultKind.DUPLICATED_SEQ, why)

    def _link_fault(self, number: int, record: dict[str, Any], line: bytes) -> _Bad:
        """The seq is right but prev does not match the previous line's hash."""
        if number >= 3 and record["prev"] == self.hashes[-2]:
            return self._inserted(number - 1, number)
        following = self._peek(number + 1)
        if following is not None and following["prev"] == self.head:
            return self._inserted(number, number + 1)
        assert self.header is not None
        signed = record["type"] in SIGNED_TYPES
        if signed and record["data"].get("session") != self.header.session_id:
            return self._foreign(number, record)
        intact = (signed and self._signature_ok(record, line, self.chain)) or (
            following is not None and following["prev"] == hashlib.sha256(line).hexdigest()
        )
        if intact:
            return self._changed(number - 1, number)
        why = Phrase(
            "its prev does not match the hash of line {line}: a record before it was removed "
            "or replaced, or this one was changed",
            line=number - 1,
        )
        return _Bad(number, record["seq"], FaultKind.BROKEN_LINK, why)

    def _changed(self, number: int, witness: int) -> _Bad:
        """Line `number` is not what was written: line `witness` still holds its original hash."""
        if number == 1:
            return _header_bad(
                Phrase(
                    "is not the one this chain started from (line {line} holds another hash)",
                    line=witness,
                )
            )
        why = Phrase(
            "it was changed after it was written: its hash no longer matches the prev stored "
            "in line {line}",
            line=witness,
        )
        return _Bad(number, number - 1, FaultKind.BROKEN_LINK, why)

    def _inserted(self, number: int, witness: int) -> _Bad:
        record = self._peek(number)
        seq = None if record is None else record["seq"]
        why = Phrase(
            "it was inserted: line {witness} follows on from line {line}, skipping it",
            witness=witness,
            line=number - 1,
        )
        return _Bad(number, seq, FaultKind.INSERTED, why)

    def _peek(self, number: int) -> dict[str, Any] | None:
        """Line `number` parsed, or None if there is no such line or it does not parse:
        the line being checked, the one before it or the one after it (read ahead)."""
        for known in (self.current, self.previous):
            if known is not None and known[0] == number:
                return known[1]
        assert self.current is not None and number == self.current[0] + 1
        line = self.source.peek_line(number)
        if not isinstance(line, bytes):
            return None
        try:
            return parse_record(line)
        except ValueError:
            return None
