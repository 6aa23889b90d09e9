"""The one pass over the log: what the evidence needs to know about *when* things happened.

The reducer's final state says what the exam came to; some evidence depends on
what was going on at the moment of an action (which call was live, whether the
customer was still speaking, which tickets were waiting, how much other work
was open). The tracker watches every event next to the reducer and keeps just
that, so the whole assessment is one fold: O(1) work per event, no re-reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event, EventKind
from helpdesk_tui.core.state import ExamState, TicketStatus
from helpdesk_tui.customers.dialogue import expects_answer

TEXT_FIELDS = {
    "message_sent": "text",
    "ticket_reply_added": "text",
    "ticket_resolved": "solution",
    "note_added": "text",
    "ticket_transferred": "reason",
}
"""Where each candidate action keeps its words."""

CUSTOMER_FACING = frozenset({"message_sent", "ticket_reply_added"})
"""Actions whose words the customer reads or hears (as the simulation sees it: notes,
transfer reasons and the resolution text are for the ticket, not the customer)."""

WAITING_STATUSES = frozenset({TicketStatus.NEW, TicketStatus.OPEN})


@dataclass(slots=True)
class Action:
    """A candidate command, with what was going on when it was given.

    Not frozen: one is made per command of a 100,000-record log, and a frozen
    dataclass takes twice as long to build. Nothing changes one after the fold.
    """

    seq: int
    at: float
    type: str
    data: dict[str, Any]
    focus: tuple[str, str | None]
    live_calls: tuple[str, ...]
    speaking_calls: tuple[str, ...]

    @property
    def ticket_id(self) -> str | None:
        return self.data.get("ticket_id")

    @property
    def conversation_id(self) -> str | None:
        return self.data.get("conversation_id")

    @property
    def text(self) -> str | None:
        name = TEXT_FIELDS.get(self.type)
        return self.data.get(name) if name else None

    @property
    def article_id(self) -> str | None:
        return self.data.get("article_id") or self.data.get("kb_article")


@dataclass(slots=True)
class OpenWait:
    """A customer who wrote or spoke and has not had an answer yet."""

    seq: int
    at: float
    others_open: int


@dataclass(frozen=True, slots=True)
class ClosedWait:
    conversation_id: str
    customer_seq: int
    customer_at: float
    others_open: int
    reply_seq: int | None
    reply_at: float | None
    ended_at: float | None
    """For a wait that no reply ended: when the conversation ended (None: still open)."""


@dataclass(frozen=True, slots=True)
class InversionHit:
    seq: int
    at: float
    action: str
    ticket_id: str
    priority: str
    waiting_ticket_id: str
    waiting_priority: str
    waiting_since: float
    waiting_seq: int


@dataclass(slots=True)
class Tracker:
    """Watches each event before and after the reducer applies it."""

    actions: list[Action] = field(default_factory=list)
    waits: list[ClosedWait] = field(default_factory=list)
    open_waits: dict[str, OpenWait] = field(default_factory=dict)
    reveals: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    customer_messages: list[tuple[str, int, float, str | None]] = field(default_factory=list)
    moods: dict[str, list[tuple[float, str, str, int]]] = field(default_factory=dict)
    created: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    arrivals: dict[str, tuple[int, float]] = field(default_factory=dict)
    conversation_started: dict[str, int] = field(default_factory=dict)
    conversation_ended: dict[str, tuple[int, float]] = field(default_factory=dict)
    second_line: dict[str, list[tuple[int, float, dict[str, Any]]]] = field(default_factory=dict)
    inversions: list[InversionHit] = field(default_factory=list)
    initial_moods: dict[str, str] = field(default_factory=dict)
    session_seq: int | None = None
    session_id: str = ""
    hints: int = 0
    _live: set[str] = field(default_factory=set)
    _live_calls: set[str] = field(default_factory=set)
    _active: set[str] = field(default_factory=set)
    _untouched: dict[str, tuple[int, float]] = field(default_factory=dict)
    _pairs: set[tuple[str, str]] = field(default_factory=set)

    # ------------------------------------------------------------------ the hooks

    def before(self, state: ExamState, seq: int, event: Event) -> None:
        """What the action meets: called with the state the candidate saw."""
        if event.kind is not EventKind.COMMAND:
            return
        at = event.exam_time
        calls: tuple[str, ...] = ()
        speaking: tuple[str, ...] = ()
        if self._live_calls:  # usually none: skip the tuples on the hot path
            calls = tuple(self._live_calls)
            speaking = tuple(c for c in calls if state.conversations[c].is_busy_at(at))
        self.actions.append(Action(seq, at, event.type, event.data, state.focus, calls, speaking))
        ticket_id = event.data.get("ticket_id")
        if ticket_id is not None and ticket_id in state.tickets and event.type != "hint_requested":
            self._check_inversions(state, seq, event, ticket_id)
        if event.type == "hint_requested":
            self.hints += 1

    def after(self, state: ExamState, seq: int, event: Event) -> None:
        """Keep what the final state forgets: seqs, reveals, waits, liveness."""
        handler = _AFTER.get(event.type)
        if handler is not None:
            handler(self, state, seq, event)
        data = event.data
        if "ticket_id" in data:
            self._refresh_ticket(state, data["ticket_id"])
        if "conversation_id" in data:
            self._refresh_conversation(state, data["conversation_id"], seq, event.exam_time)

    def finish(self) -> list[ClosedWait]:
        """The waits, with those still open at the end closed at the end (unanswered)."""
        still_open = [
            ClosedWait(conv_id, w.seq, w.at, w.others_open, None, None, None)
            for conv_id, w in self.open_waits.items()
        ]
        return sorted(self.waits + still_open, key=lambda w: w.customer_seq)

    # ------------------------------------------------------------------ liveness

    def _refresh_ticket(self, state: ExamState, ticket_id: str) -> None:
        ticket = state.tickets.get(ticket_id)
        if ticket is None:
            return
        if ticket.is_active:
            self._active.add(ticket_id)
        else:
            self._active.discard(ticket_id)
        if ticket.status not in WAITING_STATUSES:
            self._untouched.pop(ticket_id, None)

    def _refresh_conversation(self, state: ExamState, conv_id: str, seq: int, at: float) -> None:
        conv = state.conversations.get(conv_id)
        if conv is None:
            return
        if conv.is_live:
            self._live.add(conv_id)
            if conv.channel == "call":
                self._live_calls.add(conv_id)
            return
        if conv_id in self._live:
            self.conversation_ended[conv_id] = (seq, at)
            wait = self.open_waits.pop(conv_id, None)
            if wait is not None:
                self.waits.append(
                    ClosedWait(conv_id, wait.seq, wait.at, wait.others_open, None, None, at)
                )
        self._live.discard(conv_id)
        self._live_calls.discard(conv_id)

    def _others_open(self, state: ExamState, conv_id: str) -> int:
        linked = set(state.conversations[conv_id].ticket_ids)
        return len(self._live - {conv_id}) + len(self._active - linked)

    # ------------------------------------------------------------------ SOL-4

    def _check_inversions(self, state: ExamState, seq: int, event: Event, ticket_id: str) -> None:
        """Count each (worked-on, waiting) pair once; see docs/assessment.md, SOL-4."""
        self._untouched.pop(ticket_id, None)
        priority = state.tickets[ticket_id].priority
        if priority is None:
            return
        for other_id, (since_seq, since) in self._untouched.items():
            other = state.tickets[other_id]
            if other.priority is None or not other.priority < priority:
                continue
            if (ticket_id, other_id) in self._pairs:
                continue
            self._pairs.add((ticket_id, other_id))
            self.inversions.append(
                InversionHit(
                    seq, event.exam_time, event.type, ticket_id, priority,
                    other_id, other.priority, since, since_seq,
                )
            )  # fmt: skip


# ---------------------------------------------------------------------- after-hooks


def _started(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    tracker.session_seq = seq
    tracker.session_id = str(event.data.get("session_id", ""))
    tracker.initial_moods = {c.id: c.mood for c in state.customers.values()}


def _arrived(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    ticket_id = event.data["ticket_id"]
    tracker.arrivals[ticket_id] = (seq, event.exam_time)
    if state.tickets[ticket_id].status in WAITING_STATUSES:
        tracker._untouched[ticket_id] = (seq, event.exam_time)


def _created(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    ticket_id = event.data["ticket_id"]
    tracker.arrivals[ticket_id] = (seq, event.exam_time)
    tracker.created[ticket_id] = (seq, event.data)


def _conversation_opened(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    tracker.conversation_started[event.data["conversation_id"]] = seq


def _customer_message(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    conv_id = event.data["conversation_id"]
    tracker.customer_messages.append((conv_id, seq, event.exam_time, event.data.get("kind")))
    for fact in event.data.get("reveals", []):
        tracker.reveals.setdefault(conv_id, []).append((str(fact), seq))
    if not expects_answer(event.data.get("kind", "script"), event.data["text"]):
        return
    if conv_id not in tracker.open_waits:
        others = tracker._others_open(state, conv_id)
        tracker.open_waits[conv_id] = OpenWait(seq, event.exam_time, others)


def _message_sent(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    conv_id = event.data["conversation_id"]
    wait = tracker.open_waits.pop(conv_id, None)
    if wait is not None:
        tracker.waits.append(
            ClosedWait(conv_id, wait.seq, wait.at, wait.others_open, seq, event.exam_time, None)
        )


def _mood(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    d = event.data
    tracker.moods.setdefault(d["customer_id"], []).append(
        (event.exam_time, d["mood"], d["cause"], seq)
    )


def _second_line(tracker: Tracker, state: ExamState, seq: int, event: Event) -> None:
    tracker.second_line.setdefault(event.data["ticket_id"], []).append(
        (seq, event.exam_time, event.data)
    )


_AFTER = {
    "session_started": _started,
    "email_received": _arrived,
    "ticket_preloaded": _arrived,
    "ticket_created": _created,
    "chat_opened": _conversation_opened,
    "call_started": _conversation_opened,
    "customer_message": _customer_message,
    "message_sent": _message_sent,
    "mood_changed": _mood,
    "second_line_reply": _second_line,
}
