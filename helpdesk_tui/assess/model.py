"""What the assessment measures, as plain data: evidence items and the tables behind them.

Every figure points back at the log records (`seqs`) it was measured from, so
an assessor (and the review TUI's scrubber) can jump to the moment and see it
for themselves. Nothing here is a verdict: an item says whether the situation
was *observed* and whether the measurement speaks *for* the competency
(`favourable`), and `None` where only a person can tell.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from helpdesk_tui.assess.course import SessionCourse
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS


class EvidenceStatus(StrEnum):
    """How the items of one competency lean, for an overview; never a verdict."""

    FAVOURABLE = "favourable"
    """Observed items, all that could be measured speak for the competency."""
    MIXED = "mixed"
    """Some items speak for it, some against."""
    UNFAVOURABLE = "unfavourable"
    """Observed items, none speaks for it."""
    TO_CONFIRM = "to_confirm"
    """Observed, but only a person can judge the items (e.g. a flagged paraphrase)."""
    NOT_OBSERVED = "not_observed"
    """The log holds no situation in which the competency could be shown."""


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One measured piece of evidence for one competency.

    `kind` is a stable machine key (e.g. "sla", "reply_latency"); `summary` and
    `detail` are for people, in the report's language; `figures` holds the raw
    numbers for other tools; `subject` names what it concerns (a ticket,
    conversation, incident or customer id).
    """

    competency: str
    kind: str
    summary: str
    detail: str
    seqs: tuple[int, ...]
    observed: bool
    favourable: bool | None
    figures: dict[str, Any] = field(default_factory=dict)
    subject: str = ""


@dataclass(frozen=True, slots=True)
class SlaRow:
    """One ticket on the SLA timeline: when things happened and where each deadline stood.

    Margins are seconds: positive = met with that much to spare, negative =
    that much late (for a target still running at the end: time left, or overdue).
    """

    ticket_id: str
    title: str
    incident_id: str | None
    source: str
    priority: str | None
    arrival: float
    arrival_seq: int
    first_response_at: float | None
    first_response_seq: int | None
    first_response_deadline: float | None
    first_response_state: str
    first_response_margin: float | None
    transfers: tuple[tuple[float, str, int], ...]
    resolved_at: float | None
    resolved_seq: int | None
    resolution_deadline: float | None
    resolution_state: str
    resolution_margin: float | None
    update_state: str
    closed_at: float | None
    pauses: tuple[tuple[float, float | None], ...]
    status: str
    updates: tuple[tuple[float, float, str], ...] = ()
    """The update target's windows: (start, deadline, state: met, breached or ok)."""
    transfer_names: tuple[str, ...] = ()
    """Each transfer's group as the scenario names it ("Network team"), beside `transfers`
    (whose ids the JSON keeps)."""

    def transfers_named(self) -> list[tuple[float, str, int]]:
        """(exam time, the group's name, seq) per transfer; its id where it has no name."""
        names = self.transfer_names
        return [
            (at, names[i] if i < len(names) else group, seq)
            for i, (at, group, seq) in enumerate(self.transfers)
        ]

    @property
    def breached(self) -> bool:
        return "breached" in (self.first_response_state, self.resolution_state, self.update_state)

    @property
    def met(self) -> bool | None:
        """True: every target met; False: one breached; None: still running at the end."""
        if self.breached:
            return False
        if self.first_response_state == "met" and self.resolution_state == "met":
            return True
        return None

    @property
    def seqs(self) -> tuple[int, ...]:
        found = [self.arrival_seq, self.first_response_seq, *(s for _, _, s in self.transfers)]
        found.append(self.resolved_seq)
        return tuple(s for s in found if s is not None)


@dataclass(frozen=True, slots=True)
class ReplyWait:
    """A customer waiting for the candidate: from their message to the candidate's next one."""

    conversation_id: str
    customer_seq: int
    customer_at: float
    reply_seq: int | None
    reply_at: float | None
    waited_s: float
    others_open: int
    """Other live conversations and active tickets when the customer wrote."""
    over_limit: bool


@dataclass(frozen=True, slots=True)
class ConversationLatency:
    """Reply latencies in one chat or call; the limit is the customer's patience."""

    conversation_id: str
    channel: str
    customer_id: str
    incident_id: str | None
    limit_s: float
    waits: tuple[ReplyWait, ...]

    @property
    def answered(self) -> list[float]:
        return [w.waited_s for w in self.waits if w.reply_seq is not None]

    @property
    def median_s(self) -> float | None:
        return statistics.median(self.answered) if self.answered else None

    @property
    def max_s(self) -> float | None:
        return max((w.waited_s for w in self.waits), default=None)

    @property
    def over_limit(self) -> int:
        return sum(1 for w in self.waits if w.over_limit)

    @property
    def while_busy(self) -> int:
        """Answered waits during which other work was open."""
        return sum(1 for w in self.waits if w.reply_seq is not None and w.others_open > 0)


@dataclass(frozen=True, slots=True)
class MoodPoint:
    at: float
    mood: str
    cause: str
    seq: int | None


@dataclass(frozen=True, slots=True)
class MoodTimeline:
    """A customer's mood from the start of the exam to its end."""

    customer_id: str
    name: str
    technical_level: str
    points: tuple[MoodPoint, ...]

    @property
    def start(self) -> str:
        return self.points[0].mood

    @property
    def end(self) -> str:
        return self.points[-1].mood

    @property
    def worst(self) -> str:
        return max((p.mood for p in self.points), key=mood_rank)


MOOD_ORDER = ("calm", "irritated", "angry")


def mood_rank(mood: str) -> int:
    return MOOD_ORDER.index(mood) if mood in MOOD_ORDER else 0


@dataclass(frozen=True, slots=True)
class Inversion:
    """The candidate worked on a ticket while a higher-priority one waited untouched.

    See docs/assessment.md ("SOL-4") for the exact rule.
    """

    at: float
    seq: int
    action: str
    ticket_id: str
    priority: str
    waiting_ticket_id: str
    waiting_priority: str
    waiting_since: float
    waiting_seq: int


@dataclass(frozen=True, slots=True)
class StepHit:
    """A procedure step and where it was first seen (None: never)."""

    step_id: str
    label: str
    seq: int | None
    at: float | None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class ProcedureCheck:
    """The steps of one procedure for one incident, as found in the log."""

    subject: str
    procedure_id: str
    steps: tuple[StepHit, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """Steps never seen; an optional step is not missing (it may not have applied)."""
        return tuple(s.step_id for s in self.steps if s.seq is None and not s.optional)

    @property
    def out_of_order(self) -> tuple[str, ...]:
        """Steps found before a step the procedure puts earlier."""
        late: list[str] = []
        highest = -1
        for step in self.steps:
            if step.seq is None:
                continue
            if step.seq < highest:
                late.append(step.step_id)
            highest = max(highest, step.seq)
        return tuple(late)

    @property
    def in_order(self) -> bool:
        return not self.missing and not self.out_of_order


@dataclass(slots=True)
class Evidence:
    """Everything measured in one log, per competency and in the tables behind the items."""

    scenario_id: str
    scenario_title: str
    language: str
    candidate_id: str
    session_id: str
    mode: str
    duration_s: float
    ended_at: float
    end_reason: str | None
    events: int
    last_seq: int
    hints: int
    items: dict[str, list[EvidenceItem]]
    sla: list[SlaRow]
    latencies: list[ConversationLatency]
    moods: list[MoodTimeline]
    inversions: list[Inversion]
    procedures: list[ProcedureCheck]
    has_answer_key: bool = True
    rules: dict[str, str] = field(default_factory=dict)
    """The measurement used: rules version and hash, language layer version and hash."""
    course: SessionCourse = field(default_factory=SessionCourse)
    """How the session went: resumes, pauses, the proctor, blocked keys (`assess.course`)."""
    conversations: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Conversation id -> (customer's name, subject): for showing texts (`assess.names`);
    no rule reads it."""

    def for_competency(self, competency: str) -> list[EvidenceItem]:
        return self.items.get(competency, [])

    def status(self, competency: str) -> EvidenceStatus:
        return status_of(self.for_competency(competency))

    def statuses(self) -> dict[str, EvidenceStatus]:
        return {cid: self.status(cid) for cid in COMPETENCY_IDS}

    @property
    def sla_met_ratio(self) -> float | None:
        """Share of tickets with a final SLA outcome that met every target."""
        decided = [row.met for row in self.sla if row.met is not None]
        return sum(decided) / len(decided) if decided else None

    @property
    def median_reply_s(self) -> float | None:
        waits = [w for c in self.latencies for w in c.answered]
        return statistics.median(waits) if waits else None


def status_of(items: list[EvidenceItem]) -> EvidenceStatus:
    """The overview status of a list of items (see EvidenceStatus)."""
    observed = [i for i in items if i.observed]
    if not observed:
        return EvidenceStatus.NOT_OBSERVED
    leans = {i.favourable for i in observed}
    if True in leans and False in leans:
        return EvidenceStatus.MIXED
    if True in leans:
        return EvidenceStatus.FAVOURABLE
    if False in leans:
        return EvidenceStatus.UNFAVOURABLE
    return EvidenceStatus.TO_CONFIRM


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a report's evidence came from, and whether the log could be trusted.

    `verified` is False when the log failed verification (or was not checked)
    and the report was made anyway with `--unverified`: every page and section
    then carries the stamp and `problem` says why.
    """

    log_path: str
    log_sha256: str
    verification: str
    """ok | unsealed | bad | skipped"""
    verified: bool
    problem: str | None = None
    """Why, in English (a refusal on the command line says the same)."""
    key: str = ""
    scenario_path: str | None = None
    generated: str = ""
    software_version: str = ""
    language_layer: str = ""
    """The language layer that read the evidence: version and sha256 of its code and lexicons."""
    exam_language_layer: str = ""
    """... and the one the log's header names (the customers' reading during the exam); "" for
    logs written before the header carried it."""
    problem_parts: tuple[dict[str, Any], ...] = ()
    """`problem` as catalogue keys and their data (`assess.problems`), for a report to say
    in its own language; not written to the JSON report, whose `problem` is already worded."""


def utc_now() -> str:
    """Now, to the second, as reports and verdict sheets stamp it."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
