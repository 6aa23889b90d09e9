"""The witness: follows logs as they grow and countersigns each signed record it has checked.

A log on the exam server can be cut, rolled back or replaced after the fact,
and on its own nothing tells that from a crash. The witness runs as another
user (or on another machine), follows every log with `LogFollower` (the
incremental checker `observe` uses), and for each header, checkpoint and seal
that checks out writes a signed cosignature into its own append-only witness
file. Like C2SP tlog-witness it keeps, per session, the last record it
cosigned and cosigns only what extends it: the same seq with another head is a
conflict, a log shorter than what it cosigned a rollback; both are refused and
the refusal is written down. The format is in docs/eventlog-format.md.

`check_against_witness` is the assessor's side: `verify --witness`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpdesk_tui.core.events import utc_now_iso
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog.durable import NotRegularFile, open_regular
from helpdesk_tui.eventlog.errors import LogError, LogReadError
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.keys import PublicKey, Signer
from helpdesk_tui.eventlog.reader import read_bytes, split_lines
from helpdesk_tui.eventlog.records import (
    GENESIS_PREV,
    b64decode_strict,
    b64encode,
    canonical_json,
    parse_json,
)
from helpdesk_tui.eventlog.verifier import Fault, FaultKind, VerifyResult

WITNESS_DOMAIN = b"helpdesk-exam witness v1\n"
START, COSIGN, REFUSAL = "witness.start", "witness.cosign", "witness.refusal"
MAX_STATE_BYTES = 4096
"""The state file is one line of three fields (about 150 bytes); anything larger is not it."""
_COMMON = {"n", "prev", "type", "time", "witness", "sig"}
_FIELDS = {
    START: frozenset(_COMMON),
    COSIGN: frozenset(_COMMON | {"session", "log", "seq", "kind", "head", "key", "next_key"}),
    REFUSAL: frozenset(
        _COMMON | {"session", "log", "seq", "head", "reason", "cosigned_head", "detail"}
    ),
}


class WitnessError(LogError):
    """A witness file that cannot be trusted or continued; the message says why."""


def witness_message(entry: dict[str, Any]) -> bytes:
    """What the witness key signs: the whole line but its `sig`."""
    return WITNESS_DOMAIN + canonical_json({k: v for k, v in entry.items() if k != "sig"})


@dataclass(slots=True)
class Cosigned:
    """What the witness last cosigned for one session."""

    seq: int
    head: str
    log: str


@dataclass(slots=True)
class WitnessBook:
    """A witness file read back and checked: every line, and per session what was cosigned."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)
    heads: dict[str, dict[int, str]] = field(default_factory=dict)
    """session -> seq -> head, for every cosignature."""
    last: dict[str, Cosigned] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)
    """Sessions with a conflict or rollback refusal: never cosigned again."""
    forks: dict[str, tuple[str, str]] = field(default_factory=dict)
    """session -> the first refusal's detail (a conflict or rollback seen by the witness)."""

    @property
    def head(self) -> str:
        return hashlib.sha256(self.lines[-1]).hexdigest() if self.lines else GENESIS_PREV

    def add(self, entry: dict[str, Any], line: bytes) -> None:
        self.entries.append(entry)
        self.lines.append(line)
        session = entry.get("session")
        if entry["type"] == COSIGN:
            self.heads.setdefault(session, {})[entry["seq"]] = entry["head"]
            self.last[session] = Cosigned(entry["seq"], entry["head"], entry["log"])
        elif entry["type"] == REFUSAL and entry["reason"] in ("conflict", "rollback"):
            self.refused.add(session)
            detail = f"witness line {entry['n']}: {entry['detail']}"
            self.forks.setdefault(session, (entry["reason"], detail))


def read_witness_file(path: Path, key: PublicKey) -> WitnessBook:
    """Read and check a witness file: chain, numbering, fields, every signature.

    WitnessError names the first bad line: a witness file that was edited,
    truncated in the middle or signed by another key proves nothing."""
    path = Path(path)
    try:
        data = read_bytes(path)  # bounded, regular files only, as for a log
    except LogReadError as exc:
        # A path that is no file to read is the caller's mistake (exit 2), not a witness
        # file that "changed" (qa-sitting8: "FAILED (witness-changed): /dev/zero is not a
        # regular file ...; give a witness file file.").
        raise LogReadError(_as_witness(str(exc))) from None
    lines, torn, _ = split_lines(data)
    book = WitnessBook()
    for number, line in enumerate(lines, 1):
        book.add(_checked_entry(path, number, line, book, key), line)
    if torn is not None:
        raise WitnessError(
            f"{path} line {torn.line}: a torn line ({torn.length} bytes); the witness writes "
            "whole lines only, so the file was changed or the disk failed."
        )
    return book


_WITNESS_WORDS = (
    ("give a session log file (logs/*.jsonl)", "give the witness file (witness.jsonl)"),
    ("give a session log file", "give the witness file (witness.jsonl)"),
    ("give the path of a session log (logs/*.jsonl)", "give the witness file (witness.jsonl)"),
    (
        "no session log is that large (a 5-hour exam writes a few tens of MiB). It is not a "
        "log, or it was padded",
        "no witness file is that large (a line per header, checkpoint and seal). It is not "
        "a witness file, or it was padded",
    ),
)


def _as_witness(message: str) -> str:
    """The log reader's sentence about a path, said of the witness file."""
    for log_words, witness_words in _WITNESS_WORDS:
        message = message.replace(log_words, witness_words)
    return message


def _checked_entry(
    path: Path, number: int, line: bytes, book: WitnessBook, key: PublicKey
) -> dict[str, Any]:
    def bad(why: str) -> WitnessError:
        return WitnessError(
            f"{path} line {number} (witness-changed): {why}. A witness file that does not check "
            "out proves nothing about any log."
        )

    try:
        entry = parse_json(line)
    except ValueError as exc:
        raise bad(f"it is not JSON ({exc})") from None
    if type(entry) is not dict or entry.get("type") not in _FIELDS:
        raise bad("it is not a witness line")
    if entry.keys() != _FIELDS[entry["type"]]:
        raise bad(f"its fields must be exactly {', '.join(sorted(_FIELDS[entry['type']]))}")
    if entry["n"] != number - 1 or entry["prev"] != book.head:
        raise bad("it does not follow on from the line before it (lines removed, added or moved)")
    if canonical_json(entry) != line:
        raise bad("it is not in canonical form")
    if entry["witness"] != key.fingerprint:
        raise bad(f"it is signed by witness {entry['witness']}, not {key.fingerprint}")
    try:
        signature = b64decode_strict(entry["sig"])
    except ValueError:
        raise bad("its signature is not base64") from None
    if not key.verify(signature, witness_message(entry)):
        raise bad("its signature does not match: it was changed")
    if entry["type"] == COSIGN and type(entry["seq"]) is not int:
        raise bad("its seq is not a whole number")
    return entry


# --------------------------------------------------------------------------- its end


def state_path_of(path: Path) -> Path:
    """`witness.jsonl.state`, beside the witness file."""
    return path.with_name(path.name + ".state")


def read_witness_state(state_path: Path, key: PublicKey) -> tuple[int, str] | None:
    """The witness's signed state (`lines`, `head`), or None when there is no state file.

    WitnessError when it is there but no state of this witness (a pipe, too large, not
    JSON, not signed by `key`)."""
    try:
        with open_regular(state_path) as handle:
            data = handle.read(MAX_STATE_BYTES + 1)  # bugs9: a pipe here waited for ever
        if len(data) > MAX_STATE_BYTES:
            raise ValueError(
                f"it is larger than {MAX_STATE_BYTES} bytes; the witness writes one short line"
            )
        state = parse_json(data)
    except FileNotFoundError:
        return None
    except NotRegularFile:
        raise WitnessError(
            f"{state_path} is not a regular file (a device, pipe or socket), so it is "
            "not the witness's state: it is not read. Find out who put it there before "
            "witnessing again."
        ) from None
    except (OSError, ValueError) as exc:
        raise WitnessError(f"{state_path} cannot be read ({exc}).") from None
    try:
        message = WITNESS_DOMAIN + canonical_json({k: v for k, v in state.items() if k != "sig"})
        good = key.verify(b64decode_strict(state["sig"]), message)
        lines, head = state["lines"], state["head"]
    except (ValueError, KeyError, TypeError, AttributeError):
        good = False
    if not good or type(lines) is not int or lines < 0 or type(head) is not str:
        raise WitnessError(f"{state_path} is not signed by this witness key.")
    return lines, head


def check_witness_end(path: Path, book: WitnessBook, key: PublicKey) -> int | None:
    """The anchor of the witness file's end: its signed state, written after every line.

    Returns the lines the state counts (None: no state file beside it). WitnessError when
    the file is shorter than its state or its line there is another: the file was cut short,
    rolled back or replaced (sec14: `verify --witness` read a cut copy as a witness that
    stopped early). A state behind the file (a crash between a line and its state) is no
    fault: the file extends it."""
    state = read_witness_state(state_path_of(path), key)
    if state is None:
        return None
    lines, head = state
    if len(book.lines) < lines or (
        lines > 0 and hashlib.sha256(book.lines[lines - 1]).hexdigest() != head
    ):
        raise WitnessError(
            f"{path} has {len(book.lines)} lines, but the witness had written "
            f"{lines} (state {state_path_of(path).name}): the witness file was cut short, "
            "rolled back or replaced. It is not continued; keep both for the assessors."
        )
    return lines


# --------------------------------------------------------------------------- the witness


class WitnessFile:
    """The witness's own append-only file, and the atomically replaced state beside it."""

    def __init__(self, path: Path, signer: Signer, clock: Callable[[], str] = utc_now_iso) -> None:
        self.path = Path(path)
        self.state_path = state_path_of(self.path)
        self.signer = signer
        self.clock = clock
        self.book = read_witness_file(self.path, signer.public_key) if self.path.exists() else None
        self.book = self.book or WitnessBook()
        self._check_not_rolled_back()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o640)

    def _check_not_rolled_back(self) -> None:
        if read_witness_state(self.state_path, self.signer.public_key) is None:
            if self.book.lines:
                raise WitnessError(
                    f"{self.state_path} is missing but {self.path} has lines: the witness's state "
                    "was removed. Find out why before witnessing again (or start a new file)."
                )
            return
        check_witness_end(self.path, self.book, self.signer.public_key)

    def append(self, entry_type: str, **fields: Any) -> dict[str, Any]:
        """Sign, append, fsync, then replace the state file atomically."""
        entry: dict[str, Any] = {
            "n": len(self.book.lines),
            "prev": self.book.head,
            "type": entry_type,
            "time": self.clock(),
            "witness": self.signer.fingerprint,
            **fields,
        }
        entry["sig"] = b64encode(self.signer.sign(witness_message(entry)))
        line = canonical_json(entry)
        data = line + b"\n"
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]
        os.fsync(self._fd)
        self.book.add(entry, line)
        self._save_state()
        return entry

    def _save_state(self) -> None:
        state: dict[str, Any] = {"lines": len(self.book.lines), "head": self.book.head}
        state["sig"] = b64encode(self.signer.sign(WITNESS_DOMAIN + canonical_json(state)))
        tmp = self.state_path.with_name(self.state_path.name + ".new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o640)
        try:
            os.write(fd, canonical_json(state) + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.state_path)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


@dataclass(slots=True)
class _Followed:
    follower: LogFollower
    line_hashes: list[str] = field(default_factory=list)
    stopped: bool = False
    invalid_at: tuple[int, int] | None = None
    """(size, mtime) of the file when it was found invalid: looked at again once it changes
    (a resume that kept a bad tail aside goes on in the same file)."""


_SIGNED_MARKS = (b'"type":"log.checkpoint"', b'"type":"log.seal"')


def _signature(path: Path) -> tuple[int, int]:
    """Size and modification time: enough to see that a file was written again."""
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


class Witness:
    """Follows every `*.jsonl` in a folder (and its subfolders) and cosigns what checks out.

    Its own file is no log: deployment.md has the room read LOGDIR/witness.jsonl, so the
    witness may well write there (before qa-sitting10 it refused its own file as a log)."""

    def __init__(
        self,
        logdir: Path,
        file: WitnessFile,
        centre_key: PublicKey | None = None,
        say: Callable[[str], None] = lambda _text: None,
    ) -> None:
        self.logdir = Path(logdir)
        self.file = file
        self.centre_key = centre_key
        self.say = say
        self.followed: dict[Path, _Followed] = {}
        self.cosigned = 0
        self.refusals = 0
        file.append(START)

    def scan(self) -> int:
        """One round: find new logs, poll each; returns the lines cosigned or refused."""
        before = self.cosigned + self.refusals
        own = _resolved(self.file.path)
        for path in sorted(self.logdir.rglob("*.jsonl")):
            if path in self.followed or path.is_symlink():
                continue  # sec13: a link is no log the exam wrote; its target is found itself
            if path.is_file() and _resolved(path) != own:
                self.followed[path] = self._follow(path)
        for path, followed in list(self.followed.items()):
            if followed.invalid_at is not None and _signature(path) != followed.invalid_at:
                followed = self.followed[path] = self._follow(path)
            if not followed.stopped:
                self._poll(path, followed)
        return self.cosigned + self.refusals - before

    def _follow(self, path: Path) -> _Followed:
        follower = LogFollower(path, self.centre_key, recheck_every=0)
        followed = _Followed(follower)

        def take(number: int, line: bytes) -> None:
            followed.line_hashes.append(hashlib.sha256(line).hexdigest())
            signed = number == 1 or any(mark in line for mark in _SIGNED_MARKS)
            if signed and not followed.stopped and not self._witness_record(path, followed, line):
                followed.stopped = True

        follower.line_hook = take
        return followed

    def _poll(self, path: Path, followed: _Followed) -> None:
        try:
            update = followed.follower.poll()
        except LogReadError as exc:
            self.say(f"{path}: cannot be read ({exc}); trying again")
            return
        if update.fault is None:
            self._check_not_behind(path, followed)
            return
        if "shorter" in update.fault.message or "replaced" in update.fault.message:
            self._refollow(path, followed)
            return
        self._refuse(
            path, followed.follower, update.fault.seq, None, "invalid", update.fault.message
        )
        followed.stopped = True
        followed.invalid_at = _signature(path)

    def _check_not_behind(self, path: Path, followed: _Followed) -> None:
        """The same log file, read to its end, shorter than what was cosigned from it: a rollback
        (seen by a witness restarted after the cut, which never saw the file shrink)."""
        follower = followed.follower
        if follower.header is None or followed.stopped:
            return
        session = follower.header.session_id
        last = self.file.book.last.get(session)
        if last is None or last.log != path.name or follower.records > last.seq:
            return
        if session in self.file.book.refused:
            followed.stopped = True
            return
        self._refuse(
            path, follower, follower.seq, follower.head, "rollback",
            f"session {session}: {path.name} ends at seq {follower.seq}, but the witness "
            f"cosigned seq {last.seq} of it: records were cut or the log was rolled back",
            last.head,
        )  # fmt: skip
        followed.stopped = True

    def _refollow(self, path: Path, old: _Followed) -> None:
        """The file shrank or was replaced: read it again from the start; a cut below what
        was cosigned is a rollback (a resume that kept an unsigned tail aside is not)."""
        fresh = self._follow(path)
        self.followed[path] = fresh
        try:
            fresh.follower.poll()
        except LogReadError:
            fresh.stopped = True
        header = fresh.follower.header or old.follower.header
        session = header.session_id if header else None
        last = self.file.book.last.get(session) if session else None
        if last is not None and not fresh.stopped and fresh.follower.records <= last.seq:
            self._refuse(
                path, fresh.follower, fresh.follower.seq, fresh.follower.head, "rollback",
                f"session {session}: {path.name} now ends at seq {fresh.follower.seq}, but the "
                f"witness cosigned seq {last.seq}: records were cut or the log was rolled back",
                last.head,
            )  # fmt: skip
            fresh.stopped = True

    def _witness_record(self, path: Path, followed: _Followed, line: bytes) -> bool:
        follower = followed.follower
        record = parse_json(line)
        session = follower.header.session_id if follower.header else "?"
        seq, head = record["seq"], hashlib.sha256(line).hexdigest()
        book = self.file.book
        if session in book.refused:
            return False
        cosigned_heads = book.heads.get(session, {})
        if seq in cosigned_heads:
            if cosigned_heads[seq] != head:
                self._refuse(
                    path, follower, seq, head, "conflict",
                    f"session {session} seq {seq}: {path.name} has head {head[:16]}..., the "
                    f"witness cosigned {cosigned_heads[seq][:16]}... ({book.last[session].log}): "
                    "two different logs for one session (a fork, or a rewritten log)",
                    cosigned_heads[seq],
                )  # fmt: skip
                return False
            return True  # already cosigned (the witness restarted, or the same log again)
        last = book.last.get(session)
        if last is not None and seq > last.seq:
            hashes = followed.line_hashes
            if len(hashes) <= last.seq or hashes[last.seq] != last.head:
                self._refuse(
                    path, follower, seq, head, "conflict",
                    f"session {session} seq {seq} does not extend seq {last.seq} the witness "
                    "cosigned: the log's chain does not pass through that head",
                    last.head,
                )  # fmt: skip
                return False
        data = record["data"]
        self.file.append(
            COSIGN,
            session=session,
            log=path.name,
            seq=seq,
            kind="header" if seq == 0 else record["type"].removeprefix("log."),
            head=head,
            key=data.get("key_fingerprint") if seq == 0 else data.get("key"),
            next_key=data.get("next_key"),
        )
        self.cosigned += 1
        return True

    def _refuse(
        self,
        path: Path,
        follower: LogFollower,
        seq: int | None,
        head: str | None,
        reason: str,
        detail: str,
        cosigned_head: str | None = None,
    ) -> None:
        session = follower.header.session_id if follower.header else None
        self.file.append(
            REFUSAL,
            session=session,
            log=path.name,
            seq=seq,
            head=head,
            reason=reason,
            cosigned_head=cosigned_head,
            detail=detail[:500],
        )
        self.refusals += 1
        self.say(f"REFUSED {path.name}: {detail}")


# --------------------------------------------------------------------------- verify --witness


def check_against_witness(result: VerifyResult, book: WitnessBook, witness_name: str) -> list[str]:
    """Compare a verified log with the witness file: a Fault in `result` if they disagree.

    Returns notes for the report (what the witness saw). The log's own fault,
    if any, comes first and is left as it is."""
    session = result.summary.session_id
    if session is None:
        return []
    heads = book.heads.get(session, {})
    if not heads and session not in book.forks:
        never = Phrase(
            "the witness ({name}) never saw session {session}: nothing can be said about cuts "
            "or forks of this log",
            name=witness_name,
            session=session,
        )
        result.seal_not_witnessed = result.status == "ok"
        return [never]
    fault = _witness_fault(result, heads, book.forks.get(session), witness_name)
    if fault is not None and result.fault is None:
        result.status, result.fault = "bad", fault
    last = max(heads) if heads else None
    notes = []
    total = len(result.line_hashes)
    if result.status == "ok" and (last is None or last < total - 1):
        result.seal_not_witnessed = True  # sec13: a witness file cut short checks
    if last is not None:
        notes.append(
            Phrase(
                "the witness cosigned {n} signed record(s) of this session, the last at seq "
                "{last}; the log has {total} record(s)",
                n=len(heads),
                last=last,
                total=total,
            )
        )
    return notes


def end_note(book: WitnessBook, state_lines: int | None, witness_name: str) -> Phrase:
    """For a log the witness did not cosign to its seal: what the witness file's end says."""
    if state_lines is None:
        return Phrase(
            "{name} has no state file beside it ({name}.state): a witness file cut short "
            "reads like a witness stopped before the exam ended; ask the witness for both",
            name=witness_name,
        )
    return Phrase(
        "{name} is whole as far as the witness's signed state says ({lines} of its {total} "
        "line(s)): not cut short; the witness stopped, or had not yet seen the end, before "
        "the seal was written",
        name=witness_name,
        lines=state_lines,
        total=len(book.lines),
    )


def _witness_fault(
    result: VerifyResult, heads: dict[int, str], refusal: tuple[str, str] | None, name: str
) -> Fault | None:
    """The first record where the log and the witness disagree; else the witness's refusal."""
    fault = _heads_fault(result, heads, name)
    if refusal is None:
        return fault
    reason, detail = refusal
    if fault is not None:
        if reason == "conflict" and fault.kind == FaultKind.WITNESS_HEAD_DIFFERS:
            why = Phrase(
                "{why}; the witness saw two logs for this session ({detail}).",
                why=fault.message,
                detail=detail,
            )
            return Fault(fault.line, fault.seq, FaultKind.FORK, why)
        return fault
    kind = FaultKind.FORK if reason == "conflict" else FaultKind.CUT_AFTER_WITNESSED
    why = Phrase(
        "the witness refused this session ({reason}): {detail}.", reason=reason, detail=detail
    )
    return Fault(0, None, kind, why)


def _heads_fault(result: VerifyResult, heads: dict[int, str], name: str) -> Fault | None:
    hashes = result.line_hashes
    for seq in sorted(heads):
        if seq >= len(hashes):
            if result.fault is not None:
                return None  # the log's own fault explains it
            why = Phrase(
                "line {line} (seq {seq}): the witness ({name}) cosigned a record at seq {seq} "
                "(head {head}...), but the log ends at seq {last}: it was cut or rolled back "
                "after the witness saw it",
                line=seq + 1, seq=seq, name=name, head=heads[seq][:16], last=len(hashes) - 1,
            )  # fmt: skip
            return Fault(seq + 1, seq, FaultKind.CUT_AFTER_WITNESSED, why)
        if hashes[seq] != heads[seq]:
            why = Phrase(
                "line {line} (seq {seq}): the witness ({name}) cosigned head {head}... here, but "
                "the log's line hashes to {found}...: the log was rewritten and re-signed after "
                "the witness saw it",
                line=seq + 1, seq=seq, name=name, head=heads[seq][:16], found=hashes[seq][:16],
            )  # fmt: skip
            return Fault(seq + 1, seq, FaultKind.WITNESS_HEAD_DIFFERS, why)
    return None
