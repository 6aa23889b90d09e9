"""The proctor's room: every log of a sitting followed at once, one summary row per candidate.

Pure (the Textual screen is `ui/room/`). Each log gets its own `LogFollower`
(the one `observe` uses: only the new complete lines are read, each verified
as it comes) and its own `ExamState`, folded by the exam's own reducer, so a
row says what `observe` would show. `Room.poll()` looks for new logs in the
folder, polls every follower, and returns the keys of the rows that changed;
a row's figures at a wall moment come from `CandidateWatch.row(now)`, so the
clocks run between records without reading anything.

Nothing here writes: not to a log, not to the register, not to a witness file.

Witness status: where a witness runs (`helpdesk-exam witness`, its file
format in docs/eventlog-format.md), its append-only file says, per session,
up to which record it has cosigned and whether it refused anything. It is
read here incrementally and defensively (a line that is not what the format
says is skipped and counted, never fatal): the row shows "cosigned up to seq
N" against the log's last signed record. `verify --witness` is what proves it.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from helpdesk_tui.core.events import EventKind, parse_wall
from helpdesk_tui.core.reducer import Refused, apply
from helpdesk_tui.core.sla import SlaState, ticket_sla
from helpdesk_tui.core.state import TERMINAL_LARGE_ENOUGH, TERMINAL_TOO_SMALL, ExamState
from helpdesk_tui.eventlog.durable import open_regular
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.follow import FollowUpdate, LogFollower
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.runtime.coaching import TicketFeedback, ticket_feedback
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.sitting.derive import ENDED_STATES, is_log_resume, on_network_share

QUIET_S = 120.0
"""Wall seconds without a record after which a running exam counts as quiet."""
LIVE_STATES = frozenset({"running", "resumed", "paused", "quiet"})
"""States in which "last activity" means something (not after the end, not before the start)."""
MAX_LOGS = 500
"""A room is a few dozen candidates; a folder with more logs than this is not one sitting."""
MAX_WITNESS_LINE = 1 << 16
WITNESS_NAMES = ("witness.jsonl",)


# --------------------------------------------------------------------------- the live clock


def is_running(state: ExamState, follower: LogFollower) -> bool:
    """Started, not ended, not paused, not sealed, not broken: the exam clock runs."""
    return (
        state.started
        and not state.ended
        and not state.paused
        and not follower.sealed
        and follower.fault is None
    )


def since_last_record(follower: LogFollower, wall: datetime) -> float | None:
    """Seconds since the followed log last grew, by the viewer's own monotonic clock
    (`follower.monotonic`), not the exam server's wall: a stepped server clock (NTP, `date
    -s`) showed a running exam at 30:00, "time left 0" (sec19). Records found at the
    viewer's first look were written before it looked, and only the walls can age them
    (never below 0); from the next record on, the viewer's clock alone counts. None: no
    record taken yet."""
    if follower.grew_at is None:
        return None
    if follower.first_age is None:
        written = parse_wall(follower.last_wall)
        first_look = follower.grew_polls == 1 and written is not None
        age = (wall - written).total_seconds() if first_look and written is not None else 0.0
        follower.first_age = max(0.0, age)
    first = follower.first_age if follower.grew_polls == 1 else 0.0
    return first + max(0.0, follower.monotonic() - follower.grew_at)


def live_exam_time(state: ExamState, follower: LogFollower, wall: datetime) -> float:
    """The exam time now: the last record's, plus the time since the log last grew while
    the exam runs (`since_last_record`). Shared by `observe` and the room, so both show
    the same clock."""
    base = max(state.now, follower.last_t)
    since = since_last_record(follower, wall)
    if not is_running(state, follower) or since is None:
        return base
    elapsed = since * (state.speed or 1.0)
    end = state.duration_s or base + elapsed
    return min(base + elapsed, max(base, end))


# --------------------------------------------------------------------------- the witness


@dataclass(slots=True)
class WitnessSession:
    cosigned_seq: int = -1
    refused: str = ""


class WitnessReader:
    """Follows a witness file (JSON lines, append-only): per session, the last cosigned seq."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.offset = 0
        self.sessions: dict[str, WitnessSession] = {}
        self.skipped = 0
        self.problem = ""

    def poll(self) -> bool:
        """Read the complete lines added since the last poll; True if any were."""
        try:
            size = self.path.stat().st_size
            if size < self.offset:  # the file was cut back or replaced: read it again
                self.offset, self.sessions, self.problem = 0, {}, "the witness file got shorter"
            if size == self.offset:
                return False
            with open_regular(self.path) as handle:  # not a pipe swapped in (sec12: it waited)
                handle.seek(self.offset)
                data = handle.read(min(size - self.offset, 1 << 24))
        except OSError as exc:
            self.problem = f"{self.path} cannot be read ({exc.strerror})"
            return False
        end = data.rfind(b"\n") + 1
        for line in data[:end].split(b"\n")[:-1]:
            self._take(line)
        self.offset += end
        return end > 0

    def _take(self, line: bytes) -> None:
        try:
            record = json.loads(line) if len(line) <= MAX_WITNESS_LINE else None
        except ValueError:
            record = None
        if not isinstance(record, dict) or not isinstance(record.get("session"), str):
            if not (isinstance(record, dict) and record.get("type") == "witness.start"):
                self.skipped += 1
            return
        session = self.sessions.setdefault(record["session"], WitnessSession())
        kind, seq = record.get("type"), record.get("seq")
        if kind == "witness.cosign" and isinstance(seq, int) and not isinstance(seq, bool):
            session.cosigned_seq = max(session.cosigned_seq, seq)
        elif kind == "witness.refusal":
            session.refused = str(record.get("reason") or "refused")[:40]
        else:
            self.skipped += 1


# --------------------------------------------------------------------------- one candidate


@dataclass(slots=True)
class RoomRow:
    """One candidate's figures at one moment: what the room's table shows."""

    key: str
    candidate: str
    mode: str
    state: str
    exam_time: float
    time_left: float | None
    open_tickets: int
    sla_breaches: int
    unanswered: int
    blocked_keys: int
    proctor_events: int
    disk_faults: int
    resumes: int
    idle_s: float | None
    """Wall seconds since the candidate's last command (None: none yet)."""
    witness: str
    """'' (no witness), 'N/M' (cosigned up to seq N of M signed), 'refused: reason', 'unseen'."""
    hints: int = 0
    started: str = ""
    """The header's wall time (UTC, ISO): when the session began."""
    sessions: int = 1
    """How many logs of the room claim this candidate id (`Room.rows`): more than one is a
    second session under the same id (a second login, a restarted terminal)."""
    tell: str = ""
    """What tells this session from the others claiming its id, as the room shows it."""


def _count(data: dict[str, Any]) -> int:
    """The attempts a blocked key's record stands for (`count`, since sec15; else 1)."""
    count = data.get("count", 1)
    return count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 1


@dataclass(slots=True)
class Counters:
    blocked_keys: int = 0
    proctor_events: int = 0
    disk_faults: int = 0
    resumes: int = 0
    last_command_wall: str = ""
    last_command_t: float | None = None
    """The exam time of the candidate's last command (idle is counted from it)."""
    hints: list[tuple[float, str, str]] = field(default_factory=list)
    """(exam time, ticket, hint text) as logged with each hint_requested."""
    closed: list[str] = field(default_factory=list)

    def count(self, event_type: str, data: dict[str, Any]) -> None:
        reason = str(data.get("reason", ""))
        if event_type == "lockdown_key_blocked":
            key = str(data.get("key", ""))
            if "proctor" in key:
                self.proctor_events += 1
            elif not key.startswith((TERMINAL_TOO_SMALL, TERMINAL_LARGE_ENOUGH)):
                self.blocked_keys += _count(data)  # the terminal's size (bugs13) is no key
        elif event_type == "disk_fault":
            self.disk_faults += 1
        elif event_type in ("session_paused", "session_resumed", "session_ended"):
            if "proctor" in reason:
                self.proctor_events += 1
            elif event_type == "session_resumed" and is_log_resume(data):
                self.resumes += 1
        elif event_type == "hint_requested":
            self.hints.append((0.0, str(data.get("ticket_id", "")), str(data.get("hint", ""))))
        elif event_type == "ticket_closed":
            self.closed.append(str(data.get("ticket_id", "")))


class CandidateWatch:
    """One log followed: its follower, its folded state and the room's counters."""

    def __init__(
        self,
        key: str,
        path: Path,
        public_key: PublicKey | None = None,
        scenario_for: Callable[[Any], Scenario | None] | None = None,
    ) -> None:
        self.key = key
        self.path = path
        self.follower = LogFollower(path, public_key)
        self.state = ExamState()
        self.counters = Counters()
        self.refused: list[tuple[int, str]] = []
        self.problem = ""
        self._scenario_for = scenario_for
        self._scenario: Scenario | None = None
        self._scenario_looked = False
        self.feedback: dict[str, TicketFeedback] = {}

    def poll(self) -> bool:
        """Take what the log gained; True if anything changed."""
        try:
            update = self.follower.poll()
        except LogError as exc:
            changed = self.problem != str(exc)
            self.problem = str(exc)
            return changed
        self.take(update)
        return update.changed

    def take(self, update: FollowUpdate) -> None:
        for entry in update.entries:
            event = entry.event
            try:
                apply(self.state, event, entry.seq)
            except Refused as exc:
                self.refused.append((entry.seq, exc.reason))
                continue
            self.counters.count(event.type, event.data)
            if event.type == "hint_requested":
                _t, ticket, hint = self.counters.hints[-1]
                self.counters.hints[-1] = (event.exam_time, ticket, hint)
            elif event.type == "ticket_closed":
                self._feedback(str(event.data.get("ticket_id", "")))
            if event.kind is EventKind.COMMAND:
                self.counters.last_command_wall = event.wall_time
                self.counters.last_command_t = event.exam_time

    @property
    def scenario(self) -> Scenario | None:
        """The scenario the log names (for the practice feedback), looked up once."""
        if not self._scenario_looked and self.follower.header is not None:
            self._scenario_looked = True
            if self._scenario_for is not None:
                self._scenario = self._scenario_for(self.follower.header)
        return self._scenario

    def _feedback(self, ticket_id: str) -> None:
        if self.follower.header is None or self.follower.header.mode != "practice":
            return
        found = ticket_feedback(self.state, self.scenario, ticket_id)
        if found is not None:
            self.feedback[ticket_id] = found

    # ------------------------------------------------------------------ figures

    @property
    def running(self) -> bool:
        return is_running(self.state, self.follower)

    def live_now(self, wall: datetime) -> float:
        return live_exam_time(self.state, self.follower, wall)

    def state_name(self, wall: datetime, writing: bool | None) -> str:
        """waiting, running, resumed, paused, quiet, interrupted, an end, or broken."""
        follower, state = self.follower, self.state
        if follower.fault is not None or self.refused or self.problem:
            return "broken"
        if follower.seal is not None:
            return ENDED_STATES.get(follower.seal.reason or "", "ended")
        if state.ended:
            return ENDED_STATES.get(state.end_reason or "", "ended")
        if not state.started:
            return "waiting"
        if writing is False:
            return "interrupted"
        if state.paused:
            return "paused"
        since = since_last_record(follower, wall)
        if since is not None and since >= QUIET_S:
            return "quiet"
        return "resumed" if self.counters.resumes else "running"

    def row(
        self, wall: datetime, writing: bool | None = None, witness: WitnessReader | None = None
    ) -> RoomRow:
        state = self.state
        now = self.live_now(wall)
        header = self.follower.header
        breaches = 0
        if state.sla_profile is not None:
            for ticket in state.tickets.values():
                sla = ticket_sla(ticket, state.sla_profile, now)
                breaches += sum(1 for t in sla.targets if t.state is SlaState.BREACHED)
        unanswered = sum(
            1
            for c in state.conversations.values()
            if c.is_live
            and c.last_customer_at is not None
            and (c.last_candidate_at is None or c.last_candidate_at < c.last_customer_at)
        )
        state_name = self.state_name(wall, writing)
        last = self.counters.last_command_t if state_name in LIVE_STATES else None
        since = since_last_record(self.follower, wall)
        return RoomRow(
            key=self.key,
            candidate=header.candidate_id if header else self.key,
            mode=header.mode if header else "",
            state=state_name,
            exam_time=now,
            time_left=max(0.0, state.duration_s - now) if state.duration_s else None,
            open_tickets=sum(1 for t in state.tickets.values() if t.is_active),
            sla_breaches=breaches,
            unanswered=unanswered,
            blocked_keys=self.counters.blocked_keys,
            proctor_events=self.counters.proctor_events,
            disk_faults=self.counters.disk_faults,
            resumes=self.counters.resumes,
            # exam time from the command to the last record, then the viewer's own clock:
            # never the server's wall (sec19: "idle 3,604 s" after a step back)
            idle_s=max(0.0, self.follower.last_t - last) + (since or 0.0)
            if last is not None
            else None,
            witness=self.witness_status(witness),
            hints=len(self.counters.hints),
            started=header.created if header else "",
        )

    def witness_status(self, witness: WitnessReader | None) -> str:
        header = self.follower.header
        if witness is None or header is None:
            return ""
        seen = witness.sessions.get(header.session_id)
        if seen is None:
            return "unseen"
        if seen.refused:
            return f"refused: {seen.refused}"
        return f"{seen.cosigned_seq}/{self.follower.last_signed_seq}"


# --------------------------------------------------------------------------- the room


def writers_now() -> set[tuple[int, int, int]] | None:
    """(major, minor, inode) of every file some process holds an flock on; None if unknown."""
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            table = handle.read(1 << 22)
    except OSError:
        return None
    held: set[tuple[int, int, int]] = set()
    for line in table.splitlines():
        parts = line.split()
        if len(parts) > 5 and parts[1] == "FLOCK":
            try:
                major, minor, inode = parts[5].split(":")
                held.add((int(major, 16), int(minor, 16), int(inode)))
            except ValueError:
                continue
    return held


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


class Room:
    """Every log under a folder (LOGDIR/*.jsonl and LOGDIR/*/*.jsonl), followed."""

    def __init__(
        self,
        folder: Path,
        public_key: PublicKey | None = None,
        *,
        witness: Path | None = None,
        scenario_for: Callable[[Any], Scenario | None] | None = None,
        expected: list[str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """`monotonic`: the room's own clock, each log's `since_last_record` (tests inject one)."""
        self.folder = Path(folder)
        self.public_key = public_key
        self.monotonic = monotonic
        self.scenario_for = scenario_for
        self.watches: dict[str, CandidateWatch] = {}
        self.expected = list(expected or [])
        """Candidates the sitting's register lists: a row each while they have no log."""
        found = witness or next(
            (self.folder / n for n in WITNESS_NAMES if (self.folder / n).is_file()), None
        )
        self.witness = WitnessReader(found) if found is not None else None
        self.not_logs = {self.folder / n for n in WITNESS_NAMES}
        """The witness's files: no candidate's (before qa-sitting10, a row "witness.jsonl BROKEN")."""
        if found is not None:
            self.not_logs.add(_resolved(found))
        self.too_many = False
        self.locks_visible = not on_network_share(self.folder)
        """Whether this machine's lock table shows the exams' writers (not over a share)."""

    def discover(self) -> list[str]:
        """Start following logs that appeared since the last look; their keys."""
        try:
            paths = sorted([*self.folder.glob("*.jsonl"), *self.folder.glob("*/*.jsonl")])
        except OSError:
            return []
        new: list[str] = []
        for path in paths:
            key = path.relative_to(self.folder).as_posix()
            if key in self.watches or not path.is_file() or path.is_symlink():
                continue  # sec13: a link is no log the exam wrote (c02's log, /proc/...)
            if path in self.not_logs or _resolved(path) in self.not_logs:
                continue
            if len(self.watches) >= MAX_LOGS:
                self.too_many = True
                break
            self.watches[key] = CandidateWatch(key, path, self.public_key, self.scenario_for)
            self.watches[key].follower.monotonic = self.monotonic
            new.append(key)
        return new

    def poll(self) -> set[str]:
        """New logs, new records, new witness lines: the keys of the rows that changed."""
        changed = set(self.discover())
        for key, watch in self.watches.items():
            if watch.poll():
                changed.add(key)
        if self.witness is not None and self.witness.poll():
            changed.update(self.watches)
        return changed

    def waiting(self) -> list[str]:
        """Expected candidates with no log yet."""
        started = {key.split("/", 1)[0] for key in self.watches if "/" in key}
        started |= {
            w.follower.header.candidate_id for w in self.watches.values() if w.follower.header
        }
        return [c for c in self.expected if c not in started]

    def rows(self, wall: datetime | None = None) -> list[RoomRow]:
        """Every row at `wall` (default: now), logs first, then who has not started."""
        wall = wall or datetime.now(UTC)
        held = writers_now() if self.locks_visible else None
        rows = [
            watch.row(wall, self._writing(watch, held), self.witness)
            for watch in self.watches.values()
        ]
        claims = Counter(row.candidate for row in rows)
        for row in rows:
            row.sessions = claims[row.candidate]
        rows += [waiting_row(c) for c in self.waiting()]
        return rows

    @staticmethod
    def _writing(watch: CandidateWatch, held: set[tuple[int, int, int]] | None) -> bool | None:
        if held is None:
            return None
        try:
            info = os.stat(watch.path)
        except OSError:
            return None
        return (os.major(info.st_dev), os.minor(info.st_dev), info.st_ino) in held


def waiting_row(candidate: str) -> RoomRow:
    return RoomRow(
        key=f"{candidate}/", candidate=candidate, mode="", state="waiting", exam_time=0.0,
        time_left=None, open_tickets=0, sla_breaches=0, unanswered=0, blocked_keys=0,
        proctor_events=0, disk_faults=0, resumes=0, idle_s=None, witness="",
    )  # fmt: skip
