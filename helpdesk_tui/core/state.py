"""The exam state: what `reduce(events)` produces.

Plain mutable dataclasses, changed only by the reducer. Widgets read them;
they never write them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from helpdesk_tui.core.sla import SlaProfile, Target


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING_CUSTOMER = "pending_customer"
    PENDING_THIRD_PARTY = "pending_third_party"
    TRANSFERRED = "transferred"
    RESOLVED = "resolved"
    CLOSED = "closed"


ACTIVE_STATUSES = frozenset(
    {
        TicketStatus.NEW,
        TicketStatus.OPEN,
        TicketStatus.TRANSFERRED,
        TicketStatus.PENDING_CUSTOMER,
        TicketStatus.PENDING_THIRD_PARTY,
    }
)

MOODS = ("calm", "irritated", "angry")
TECHNICAL_LEVELS = ("novice", "intermediate", "expert")


@dataclass(slots=True)
class HistoryEntry:
    """One line of a ticket's history, pointing back at its event."""

    at: float
    seq: int
    type: str
    summary: str


@dataclass(slots=True)
class Ticket:
    id: str
    title: str
    description: str
    customer_id: str
    created_at: float
    source: str
    status: TicketStatus = TicketStatus.NEW
    category: str | None = None
    impact: str | None = None
    urgency: str | None = None
    priority: str | None = None
    priority_override_reason: str | None = None
    group: str | None = None
    uncategorised_transfers: list[int] = field(default_factory=list)
    """Seqs of the transfers made while the ticket had no category (DATA-3 does not credit
    them: the group got a ticket that does not say what kind of problem it is)."""
    incident_id: str | None = None
    conversation_ids: list[str] = field(default_factory=list)
    kb_articles: list[str] = field(default_factory=list)
    replies: list[tuple[float, str]] = field(default_factory=list)
    notes: list[tuple[float, str]] = field(default_factory=list)
    second_line: list[tuple[float, str, str]] = field(default_factory=list)
    customer_mails: list[tuple[float, str]] = field(default_factory=list)
    """What the customer wrote on the ticket by e-mail after it was opened (a chase for news)."""
    history: list[HistoryEntry] = field(default_factory=list)
    solution: str | None = None
    solution_article: str | None = None
    waiting_on: str | None = None
    first_response_at: float | None = None
    last_response_at: float | None = None
    responses: list[float] = field(default_factory=list)
    """Every public response's exam time, in order: where each update window began."""
    resolved_at: float | None = None
    closed_at: float | None = None
    updated_at: float = 0.0
    pauses: list[tuple[float, float | None]] = field(default_factory=list)
    sla_breached: set[Target] = field(default_factory=set)
    # Deadlines of targets already met, fixed before a change of priority, so
    # a target met in time stays met (and one met late stays breached).
    sla_met_deadlines: dict[Target, float] = field(default_factory=dict)
    unseen: int = 0
    """Arrivals (the e-mail itself, customer messages in a linked conversation,
    second-line replies) since the candidate last looked at or acted on the ticket."""
    worked_on: bool = False
    """Whether the candidate did anything to it: the queue's "mine"."""

    def is_paused_at(self, now: float) -> bool:
        return bool(self.pauses) and self.pauses[-1][1] is None and self.pauses[-1][0] <= now

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


@dataclass(slots=True)
class Message:
    author: str  # "customer" | "candidate" | "system"
    text: str
    at: float
    seq: int
    duration_s: float = 0.0
    interrupted: bool = False
    canned_id: str | None = None


@dataclass(slots=True)
class Conversation:
    id: str
    channel: str  # "chat" | "call"
    customer_id: str
    opened_at: float
    subject: str = ""
    incident_id: str | None = None
    status: str = "open"  # open | ended (call hung up) | closed (candidate closed it)
    messages: list[Message] = field(default_factory=list)
    busy_until: float = 0.0
    last_customer_at: float | None = None
    last_candidate_at: float | None = None
    last_seen_at: float = -1.0
    ticket_ids: list[str] = field(default_factory=list)
    about_ticket: str | None = None
    """The ticket the customer got in touch about (a chase), linked when it opened."""

    def unread(self) -> int:
        return sum(1 for m in self.messages if m.author == "customer" and m.at > self.last_seen_at)

    def is_busy_at(self, now: float) -> bool:
        """The customer is still typing or speaking."""
        return now < self.busy_until

    @property
    def is_live(self) -> bool:
        return self.status == "open"


@dataclass(slots=True)
class Customer:
    id: str
    name: str
    technical_level: str
    mood: str
    patience_s: float
    department: str = ""
    mood_history: list[tuple[float, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class KbLookup:
    at: float
    seq: int
    query: str | None
    article_id: str | None
    results: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Notice:
    """An arrival the UI showed the candidate (`notice_shown`): what and when."""

    at: float
    seq: int
    ref_seq: int
    text: str
    """The notice in English; a `Phrase` (sayable in the UI's language) when it was
    logged as a message id, or matched one (core/notices.py)."""
    ticket_id: str | None = None
    conversation_id: str | None = None


TERMINAL_TOO_SMALL = "terminal too small: "
"""A `lockdown_key_blocked` key: the terminal went below 80 x 24 ("terminal too small: 60 x
20"); the exam showed its notice and went on (`ui.app.ExamApp.on_resize`, `assess.course`)."""
TERMINAL_LARGE_ENOUGH = "terminal large enough: "
"""The notice went away again: "terminal large enough: 100 x 30"."""


@dataclass(frozen=True, slots=True)
class SessionMark:
    """One record of how the session itself went (not the helpdesk work): a pause, a
    resume, the end, a disk fault or a blocked key, as the reducer folded it. The
    assessors' "Session" part is read from these (`assess.course`)."""

    type: str
    """The event's type (`session_paused`, `session_resumed`, `session_ended`,
    `disk_fault`, `lockdown_key_blocked`)."""
    at: float
    seq: int
    wall: str
    detail: str
    """The reason, the blocked key or the disk's message, as logged."""
    downtime_s: float | None = None
    """A resume from the log (after a crash or a stop): the wall time it was down."""
    count: int = 1
    """A blocked key: the attempts the record stands for (`count`, since sec15: a held key
    writes at most one record a second; before, one record each)."""


@dataclass(slots=True)
class ExamState:
    """Everything the exam is at one moment."""

    started: bool = False
    scenario_id: str = ""
    scenario_title: str = ""
    language: str = "en"
    ui_language: str | None = None
    """The language the candidate's screens spoke (`session_started`, then the last
    `session_resumed` that names one); None in a log of event schema 1 or 2."""
    mode: str = "practice"
    candidate_id: str = ""
    schema_version: int = 1
    """The event schema the log was written in (`session_started.schema_version`)."""
    duration_s: float = 0.0
    sla_profile: SlaProfile | None = None
    groups: dict[str, str] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    kb_articles: frozenset[str] | None = None
    customers: dict[str, Customer] = field(default_factory=dict)
    tickets: dict[str, Ticket] = field(default_factory=dict)
    conversations: dict[str, Conversation] = field(default_factory=dict)
    kb_lookups: list[KbLookup] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    session_marks: list[SessionMark] = field(default_factory=list)
    """Pauses, resumes, the end, disk faults and blocked keys, in order (see SessionMark)."""
    focus: tuple[str, str | None] = ("queue", None)
    ticket_in_view: str | None = None
    """The ticket the candidate last looked at or worked on (a `focus_moved` to the ticket
    area, any command naming a ticket): where `resume` puts the queue's cursor."""
    kb_query: str = ""
    """The last KB query the candidate settled on (`kb_searched`): back in the box on resume."""
    kb_article_in_view: str | None = None
    """The KB article open in the panel (`kb_article_opened`), until a new query or the
    way back to the results (`focus_moved` to the KB area without an article) closes it."""
    now: float = 0.0
    last_seq: int = 0
    paused: bool = False
    speed: float = 1.0
    ended: bool = False
    end_reason: str | None = None
    ticket_counter: int = 0

    def next_ticket_id(self) -> str:
        """The id the next created ticket gets: deterministic, from the log.

        Skips ids the scenario already gave its e-mail or queue tickets.
        """
        n = 1001 + self.ticket_counter
        while f"T-{n}" in self.tickets:
            n += 1
        return f"T-{n}"

    @property
    def time_left(self) -> float:
        return max(0.0, self.duration_s - self.now)

    def open_conversations(self) -> list[Conversation]:
        return [c for c in self.conversations.values() if c.is_live]
