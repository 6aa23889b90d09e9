"""One candidate's row of the register, read from the files alone.

The register holds nothing that is not in the sitting's folder: each row is
made here from the candidate's folder (`SITTING/CANDIDATE/`): the logs in it
(which one counts, how far it got, how it ended, whether it verifies), the
assessors' verdict files and the reconcile decision beside them. Every writer
(the login, `exam`/`resume`, `collect-logs.sh`, `reconcile`, `class-report`)
updates the register by calling `candidate_row` again, and `sitting rebuild`
calls it for every folder: the same function, so a rebuilt register equals
the one that was kept up to date.

The one fact not in a file is whether the exam is running right now: the
exam's log writer holds an exclusive `flock` on its log while it runs. It is
read from `/proc/locks` (passively: taking the lock, even for a moment, could
make a resume starting at that instant refuse the log).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpdesk_tui.assess.reconcile import DECISION_KIND
from helpdesk_tui.assess.verdicts import VERDICTS_KIND, VerdictError, load_verdicts
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.reader import LogContents, read_bytes, read_log
from helpdesk_tui.eventlog.records import KEY_PER_SESSION
from helpdesk_tui.eventlog.verifier import verify_bytes

MAX_SIDE_FILE_BYTES = 1 << 20
"""A verdict or decision file is a few kB; a bigger JSON beside a log is not one."""

WAITING = "waiting"
RUNNING = "running"
INTERRUPTED = "interrupted"
RESUMED = "resumed"
BROKEN = "broken"
ENDED_STATES = {
    "handed-in": "handed-in",
    "time-up": "time-up",
    "proctor-stopped": "stopped",
    "completed": "completed",
    "interrupted": "ended",
}
"""A seal's (or session_ended's) reason → the register's state."""
STATES = (WAITING, RUNNING, INTERRUPTED, RESUMED, *dict.fromkeys(ENDED_STATES.values()), BROKEN)
VERIFIED = {"ok": "OK", "unsealed": "UNSEALED", "bad": "FAILED"}


def is_log_resume(data: dict[str, Any]) -> bool:
    """A `session_resumed` that continued the session from its log (`resume`, after a
    crash or a stop): only that one carries `downtime_s`. The proctor's or instructor's
    resume of a pause is none (qa-sitting8: the register counted it, the room did not)."""
    return "downtime_s" in data


@dataclass(frozen=True, slots=True)
class LogFacts:
    """What the register needs from one log."""

    path: Path
    candidate: str
    scenario: str
    mode: str
    session_id: str
    records: int
    exam_time: float
    resumes: int
    ended: str | None
    sealed: bool

    @classmethod
    def of(cls, path: Path, contents: LogContents) -> LogFacts:
        resumes, ended, exam_time = 0, None, 0.0
        for entry in contents.entries:
            event = entry.event
            exam_time = max(exam_time, event.exam_time)
            if event.type == "session_resumed" and is_log_resume(event.data):
                resumes += 1
            elif event.type == "session_ended":
                ended = str(event.data.get("reason", ""))
        if contents.seal is not None:
            ended = contents.seal.reason or ended
        header = contents.header
        return cls(
            path=path,
            candidate=header.candidate_id,
            scenario=header.scenario_id,
            mode=header.mode,
            session_id=header.session_id,
            records=contents.last_seq + 1,
            exam_time=round(exam_time, 3),
            resumes=resumes,
            ended=ended,
            sealed=contents.sealed,
        )


def being_written(path: Path) -> bool | None:
    """Whether some process holds an flock on `path` (None: cannot tell on this system)."""
    if on_network_share(path.parent):
        return None
    try:
        info = os.stat(path)
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            table = handle.read(1 << 22)
    except OSError:
        return None
    wanted = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    return any(
        line.split()[1:2] == ["FLOCK"] and wanted in line.split() for line in table.splitlines()
    )


NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "fuse.sshfs", "afs"}
)


def on_network_share(folder: Path, mounts: str | None = None) -> bool:
    """Whether `folder` is on a network file system (the exams then run on another machine,
    whose locks this machine's lock table does not show)."""
    if mounts is None:
        try:
            with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
                mounts = handle.read(1 << 20)
        except OSError:
            return False
    try:
        where = os.path.realpath(folder)
    except OSError:
        return False
    best, fstype = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fstype = point, parts[2]
    return fstype in NETWORK_FILESYSTEMS


def logs_in(folder: Path) -> list[Path]:
    """The folder's logs: regular files named `*.jsonl`, never a symbolic link (the exam
    never writes one; sec13: a link to c02's log, or to any file on the host, was read)."""
    try:
        return sorted(p for p in folder.glob("*.jsonl") if p.is_file() and not p.is_symlink())
    except OSError:
        return []


def links_in(folder: Path) -> list[Path]:
    """Symbolic links named `*.jsonl` in the folder: never read, but said."""
    try:
        return sorted(p for p in folder.glob("*.jsonl") if p.is_symlink())
    except OSError:
        return []


def choose_log(folder: Path) -> tuple[Path | None, LogContents | None, str | None]:
    """The log that counts, as the login chooses it: the newest unsealed, else the newest.

    Returns (path, contents, problem); `problem` names a log that cannot be read.
    """
    readable: list[tuple[Path, LogContents]] = []
    problem: tuple[Path, str] | None = None
    for path in logs_in(folder):
        try:
            readable.append((path, read_log(path)))
        except (LogError, OSError) as exc:
            problem = (path, str(exc))
    unsealed = [item for item in readable if not item[1].sealed]
    pool = unsealed or readable
    if pool:
        path, contents = max(pool, key=lambda item: (_mtime(item[0]), item[0].name))
        return path, contents, None
    if problem is not None:
        return problem[0], None, problem[1]
    return None, None, None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def state_of(facts: LogFacts) -> str:
    if facts.ended is not None:
        return ENDED_STATES.get(facts.ended, "ended")
    written = being_written(facts.path)
    if written is False:
        return INTERRUPTED
    return RESUMED if facts.resumes else RUNNING


def verified(path: Path, data: bytes, key: PublicKey | None, header_kind: str) -> str:
    """OK / UNSEALED / FAILED as `verify` says; '' when it cannot be checked yet.

    Only a sealed log is verified here (it no longer changes, so once is
    enough: the caller keeps the answer while the log's hash stays the same).
    An exam log needs the centre's public key; a practice log carries its own.
    """
    if key is None and header_kind != KEY_PER_SESSION:
        return ""
    return VERIFIED[verify_bytes(data, key, name=str(path)).status]


def side_files(folder: Path) -> list[Path]:
    """JSON files beside the logs, and in a `verdicts/` folder there: verdicts and decisions."""
    found: list[Path] = []
    for place in (folder, folder / "verdicts"):
        try:
            found += sorted(p for p in place.glob("*.json") if p.is_file())
        except OSError:
            continue
    return found


def _small_json(path: Path) -> dict[str, Any] | None:
    try:
        if path.stat().st_size > MAX_SIDE_FILE_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # 100,000 brackets
        return None
    return data if isinstance(data, dict) else None


def assessment(folder: Path, sitting: Path, log_sha256: str) -> dict[str, Any]:
    """The verdict files and the decision about exactly this log (by its SHA-256)."""
    assessors: list[dict[str, Any]] = []
    outcome, decision, decision_file = "", "", ""
    for path in side_files(folder):
        data = _small_json(path)
        if data is None or data.get("log_sha256") != log_sha256:
            continue
        name = relative(path, sitting)
        if data.get("kind") == VERDICTS_KIND:
            try:
                verdicts = load_verdicts(path)
            except VerdictError:
                assessors.append({"name": "?", "file": name, "complete": False, "valid": False})
                continue
            assessors.append(
                {
                    "name": verdicts.assessor,
                    "file": name,
                    "complete": verdicts.complete,
                    "valid": True,
                }
            )
        elif data.get("kind") == DECISION_KIND and str(data.get("decided_at", "")) >= decision:
            outcome, decision = str(data.get("outcome", "")), str(data.get("decided_at", ""))
            decision_file = name
    assessors.sort(key=lambda a: (a["name"], a["file"]))
    return {
        "assessors": assessors,
        "outcome": outcome,
        "decision": decision_file if outcome else "",
    }


def files_state(folder: Path) -> tuple[Any, ...]:
    """Everything a row is made from, cheaply: each file's name, size and change time,
    and which logs are being written. Equal states give equal rows."""
    entries: list[tuple[str, int, int, bool | None]] = []
    for place in (folder, folder / "verdicts"):
        try:
            paths = sorted(place.iterdir())
        except OSError:
            continue
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            writing = being_written(path) if path.suffix == ".jsonl" else None
            entries.append((path.name, info.st_size, info.st_mtime_ns, writing))
    return tuple(entries)


def relative(path: Path, sitting: Path) -> str:
    try:
        return path.relative_to(sitting).as_posix()
    except ValueError:
        return str(path)


def candidate_row(
    sitting: Path,
    candidate: str,
    *,
    key: PublicKey | None = None,
    server: str = "",
    previous: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The candidate's row, from `sitting/candidate/` and nothing else.

    `previous` (the row as the register had it) only saves work: its
    verification is reused while the log's hash is unchanged.
    """
    folder = sitting / candidate
    row: dict[str, Any] = {
        "candidate": candidate,
        "server": server,
        "state": WAITING,
        "scenario": "",
        "mode": "",
        "log": "",
        "logs": len(logs_in(folder)),
        "log_sha256": "",
        "session": "",
        "records": 0,
        "exam_time": 0.0,
        "resumes": 0,
        "verified": "",
        "problem": "",
        "assessors": [],
        "outcome": "",
        "decision": "",
    }
    links = links_in(folder)
    if links:
        names = ", ".join(relative(link, sitting) for link in links)
        row["problem"] = f"{names}: a symbolic link, not a log the exam wrote (not read)"
    path, contents, problem = choose_log(folder)
    if path is None:
        return row
    row["log"] = relative(path, sitting)
    if contents is None:
        row.update(state=BROKEN, problem=problem or "")
        return row
    facts = LogFacts.of(path, contents)
    try:
        data = read_bytes(path)  # bounded, regular files only: it may have been swapped
    except LogError as exc:
        row.update(state=BROKEN, problem=str(exc))
        return row
    digest = hashlib.sha256(data).hexdigest()
    row.update(
        state=state_of(facts),
        scenario=facts.scenario,
        mode=facts.mode,
        log_sha256=digest,
        session=facts.session_id,
        records=facts.records,
        exam_time=facts.exam_time,
        resumes=facts.resumes,
    )
    if facts.candidate != candidate:
        named = f"the log names candidate {facts.candidate!r}, not {candidate!r}"
        row["problem"] = "; ".join(filter(None, (named, row["problem"])))
    if facts.sealed:
        kept = previous or {}
        if kept.get("log_sha256") == digest and kept.get("verified"):
            row["verified"] = kept["verified"]
        else:
            row["verified"] = verified(path, data, key, contents.header.key_kind)
    row.update(assessment(folder, sitting, digest))
    return row
