"""The simulated customers and second line: what the scenario makes happen, and when.

`Simulation` implements the session's `Stimuli` protocol. It is pure: no
clock, no I/O, no randomness. Everything it schedules is keyed on the exam
times of events it observed (the timetable itself is keyed on the session's
start), so the same scenario and the same candidate actions at the same exam
times always give the same messages, whoever sits the exam and however often
the UI's timer ticks. That is the fairness the certificate needs.

The schedule is a heap of `(due, order, kind, payload)`. Some items become
events (a customer message, a mood change); others only decide, when they
fall due, what to schedule next (a customer starts typing once the previous
sentence is finished; a patience timer checks whether the candidate answered
in the meantime). Such "silent" items read the state at their due time, and
the session fires everything due before logging anything later, so their
outcome too depends only on the log. `restore` rebuilds a simulation from a
log for a resumed session. Timings and heuristics are in docs/simulation.md.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from helpdesk_tui.core.events import Event, EventKind, make_event
from helpdesk_tui.core.reducer import apply, check
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.customers import dialogue
from helpdesk_tui.customers import evidence_flags as ev
from helpdesk_tui.customers import mood as moods
from helpdesk_tui.customers.in_context import (
    Place,
    calming_at,
    place_after,
    read_at,
    relays_fix,
)
from helpdesk_tui.customers.promises import promised_s
from helpdesk_tui.scenario.model import (
    Channel,
    Incident,
    MoodNudge,
    Scenario,
    SecondLine,
    TechnicalLevel,
)

CHAT_CHARS_PER_S = 5.0
"""Typing speed of a chat customer: a 60-character line takes 12 s."""
TYPING_MIN_S, TYPING_MAX_S = 1.0, 15.0
SPEECH_CHARS_PER_S = 14.0
"""Speaking speed on a call (about 150 words a minute)."""
SPEECH_MIN_S, SPEECH_MAX_S = 1.0, 45.0
READ_BASE_S, READ_CHARS_PER_S, READ_MAX_S = 1.5, 30.0, 6.0
"""A chat customer reads the candidate's message before starting to type."""
CALL_PAUSE_S = 1.0
"""On a call the customer answers after a short pause."""
GAP_S = 0.5
"""Pause between two things the same customer says."""
MAX_FOLLOW_UPS = 3
"""Follow-ups (scenario or built-in) per conversation."""
MAX_NEWS_REQUESTS = 2
BOUNCE_DELAY_S = 120.0
"""A group that gets a ticket that is not theirs sends it back after this long."""
PROGRESS_COOLDOWN_S = 120.0
"""A ticket reply calms an e-mail customer at most once in this time."""
WAITING_STATUSES = frozenset({TicketStatus.TRANSFERRED, TicketStatus.PENDING_THIRD_PARTY})

Out = tuple[str, dict[str, Any]]


def typing_s(text: str) -> float:
    return round(min(TYPING_MAX_S, max(TYPING_MIN_S, len(text) / CHAT_CHARS_PER_S)), 3)


def speaking_s(text: str) -> float:
    return round(min(SPEECH_MAX_S, max(SPEECH_MIN_S, len(text) / SPEECH_CHARS_PER_S)), 3)


def reading_s(text: str) -> float:
    return round(min(READ_MAX_S, READ_BASE_S + len(text) / READ_CHARS_PER_S), 3)


def conversation_id(incident_id: str) -> str:
    """The deterministic id of an incident's chat or call."""
    return f"C-{incident_id}"


def chase_conversation_id(incident_id: str) -> str:
    """The chat or call a customer opens to chase their untouched ticket (`[incidents.chase]`)."""
    return f"C-{incident_id}-chase"


def news_conversation_id(incident_id: str) -> str:
    """The chat a customer opens to ask for news when their own chat or call is over."""
    return f"C-{incident_id}-news"


@dataclass(frozen=True, slots=True)
class Utterance:
    """Something a customer will type or say in a conversation."""

    conversation_id: str
    text: str
    kind: str
    rule_id: str | None = None
    """The rule whose reply this is; a folded reply names each of its rules, space-separated
    ("jargon thanks": rule ids hold no spaces)."""
    reveals: tuple[str, ...] = ()
    reopen: bool = False
    """A news request may reopen a chat the candidate closed."""
    answers: int | None = None
    """The seq of the candidate's message this replies to (None: not a reply)."""
    passing: bool = False
    """A reply with nothing in it but courtesy (a greeting, an acknowledgement): dropped
    when the candidate has written again before the customer starts it (`_fire_say`)."""

    def message_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "conversation_id": self.conversation_id,
            "text": self.text,
            "kind": self.kind,
        }
        if self.rule_id:
            data["rule_id"] = self.rule_id
        if self.reveals:
            data["reveals"] = list(self.reveals)
        return data


class RestoreError(ValueError):
    """A log whose stimuli this scenario would not have produced."""


class Simulation:
    """Customers, second-line groups and the timetable of one scenario."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.language = scenario.language
        self._heap: list[tuple[float, int, str, Any]] = []
        self._order = itertools.count()
        self._moods = moods.MoodBook()
        self._free_at: dict[str, float] = {}
        self._reply_ready: dict[str, float] = {}
        self._revealed: dict[str, set[str]] = {}
        self._solved: set[str] = set()
        self._content: set[str] = set()
        """Incidents whose customer is content: their problem solved, or they said
        goodbye. They neither nag (follow-ups, impatience) nor ask for news."""
        self._waiting_seq: dict[str, int] = {}
        self._waiting_since: dict[str, float] = {}
        self._follow_ups: Counter[str] = Counter()
        self._news: Counter[str] = Counter()
        self._second_line: set[str] = set()
        self._relay_open: dict[str, str] = {}
        self._group_fix: dict[str, str] = {}
        """(2.13) Per incident, the second line's fix once it arrived (its answer, not a question
        and not a bounce): a message that relays it is answered by the fix rule."""
        self._relayed: Counter[str] = Counter()
        """Per incident, how many of its second line's questions the candidate relayed."""
        self._chase_planned: set[str] = set()
        self._empathy_credit: dict[str, int] = {}
        self._progress_credit: dict[str, int] = {}
        self._ticket_calmed_at: dict[str, float] = {}
        self._promised_until: dict[str, float] = {}
        """Per incident, until when the customer, told when they hear back, does not ask
        again: the promised time plus their patience (`promises.promised_s`)."""
        self._asked: dict[str, set[str]] = {}
        self._told: dict[str, list[str]] = {}
        """(rules 2.8) Per incident, what the candidate told its customer, in order: messages in
        any of its conversations and ticket replies (the case is the reading's scope)."""
        """Per incident, the rules whose reply the customer said."""
        self._fire: dict[str, Callable[[ExamState, float, Any], Out | None]] = {
            "arrive": self._fire_arrive,
            "emit": self._fire_emit,
            "say": self._fire_say,
            "patience": self._fire_patience,
            "follow_up": self._fire_follow_up,
            "news": self._fire_news,
            "chase": self._fire_chase,
        }
        self._observers: dict[str, Callable[[ExamState, Event], None]] = {
            "session_started": self._on_session_started,
            "chat_opened": self._on_conversation_opened,
            "call_started": self._on_conversation_opened,
            "customer_message": self._on_customer_message,
            "message_sent": self._on_message_sent,
            "ticket_reply_added": self._on_ticket_reply,
            "ticket_transferred": self._on_transferred,
            "ticket_pending": self._on_pending,
            "second_line_reply": self._on_second_line_reply,
            "email_received": self._on_ticket_made,
            "ticket_preloaded": self._on_ticket_made,
            "ticket_created": self._on_ticket_made,
            "ticket_linked": self._on_ticket_made,
        }

    # ------------------------------------------------------------------ Stimuli

    def opening(self, state: ExamState) -> list[tuple[str, dict[str, Any]]]:
        """Nothing: queue tickets are scheduled at 0 and fire one at a time.

        Firing them through the schedule gives each its id from the state at
        that moment (`state.next_ticket_id()`), exactly like a later e-mail.
        """
        return []

    def next_due(self, state: ExamState) -> float | None:
        return self._heap[0][0] if self._heap else None

    def pop_due(self, state: ExamState, until: float) -> tuple[float, str, dict[str, Any]] | None:
        while self._heap and self._heap[0][0] <= until:
            at, _, kind, payload = heapq.heappop(self._heap)
            out = self._fire[kind](state, at, payload)
            if out is not None:
                return at, out[0], out[1]
        return None

    def observe(self, state: ExamState, event: Event) -> None:
        handler = self._observers.get(event.type)
        if handler is not None:
            handler(state, event)

    # ------------------------------------------------------------------ for tests and tools

    def mood_score(self, customer_id: str) -> float:
        """The number behind a customer's mood label (not logged; for tests and tools)."""
        return self._moods.score(customer_id)

    def pending(self) -> list[tuple[float, str]]:
        """What is scheduled, as (due, kind), soonest first."""
        return [(due, kind) for due, _, kind, _ in sorted(self._heap)]

    # ------------------------------------------------------------------ scheduling

    def _push(self, due: float, kind: str, payload: Any) -> None:
        heapq.heappush(self._heap, (round(due, 3), next(self._order), kind, payload))

    def _emit(
        self, due: float, event_type: str, data: dict[str, Any], conv: str | None = None
    ) -> None:
        self._push(due, "emit", (event_type, data, conv, False))

    def _say(self, due: float, utterance: Utterance) -> None:
        self._push(due, "say", utterance)

    def _incident(self, incident_id: str | None) -> Incident | None:
        if incident_id is None:
            return None
        try:
            return self.scenario.incident(incident_id)
        except KeyError:
            return None

    # ------------------------------------------------------------------ firing

    def _fire_arrive(self, state: ExamState, at: float, incident_id: str) -> Out | None:
        incident = self.scenario.incident(incident_id)
        base: dict[str, Any] = {"customer_id": incident.customer, "incident_id": incident.id}
        if incident.channel in (Channel.CHAT, Channel.CALL):
            data = {"conversation_id": conversation_id(incident.id), **base}
            if incident.subject:
                data["subject"] = incident.subject
            kind = "chat_opened" if incident.channel == Channel.CHAT else "call_started"
            return kind, data
        ticket = {
            "ticket_id": state.next_ticket_id(),
            **base,
            "title": incident.subject or incident.title,
            "description": incident.body or "",
        }
        if incident.channel == Channel.EMAIL:
            return "email_received", ticket
        ticket["created_at"] = round(at - (incident.age_s or 0.0), 3)
        for key, value in (
            ("category", incident.ticket_category),
            ("impact", incident.ticket_impact),
            ("urgency", incident.ticket_urgency),
        ):
            if value is not None:
                ticket[key] = value
        return "ticket_preloaded", ticket

    def _fire_emit(self, state: ExamState, at: float, payload: Any) -> Out | None:
        event_type, data, conv_id, reopen = payload
        if conv_id is not None and not self._can_speak(state, conv_id, reopen):
            return None
        return event_type, data

    def _can_speak(self, state: ExamState, conv_id: str, reopen: bool) -> bool:
        conv = state.conversations.get(conv_id)
        if conv is None:
            return False
        return conv.is_live or (reopen and conv.channel == "chat")

    def _fire_say(self, state: ExamState, at: float, utt: Utterance) -> Out | None:
        """The customer starts typing or speaking once their previous sentence is done."""
        cid = utt.conversation_id
        if not self._can_speak(state, cid, utt.reopen):
            return None
        conv = state.conversations[cid]
        start = round(max(at, self._free_at.get(cid, 0.0)), 3)
        if utt.passing and start > at:
            self._say(start, utt)  # looked at again when the customer is free to start it
            return None
        if utt.passing and _moved_past(conv, utt.answers):
            return None  # the candidate wrote again: a late "Bonjour." answers nothing
        if _moved_past(conv, utt.answers) and self._fold_into_next(utt):
            return None  # said with the answer to the newer message, first (`_fold_into_next`)
        data = utt.message_data()
        if conv.channel == "call":
            duration = speaking_s(utt.text)
            data["duration_s"] = duration
            self._push(start, "emit", ("customer_message", data, cid, utt.reopen))
        else:
            duration = typing_s(utt.text)
            typing = {"conversation_id": cid, "duration_s": duration}
            self._push(start, "emit", ("customer_typing", typing, cid, utt.reopen))
            self._push(start + duration, "emit", ("customer_message", data, cid, utt.reopen))
        self._free_at[cid] = round(start + duration + GAP_S, 3)
        return None

    def _fold_into_next(self, utt: Utterance) -> bool:
        """A content reply the candidate has since followed with another message is folded
        into the customer's reply to that one, as a customer in a chat or on the phone
        answers two questions read together: one message, the older answer first ("Kyle
        Haigh, Customer Hub. Quarter of an hour."), when they have read the newer one.
        Nothing is lost (the facts, the rule), and the newer reply's courtesy ("Okay,
        thank you.") goes. False when no reply to a newer message waits (then it is said)."""
        if utt.answers is None:
            return False
        newer = [
            (entry[3].answers, at)
            for at, entry in enumerate(self._heap)
            if entry[2] == "say"
            and entry[3].conversation_id == utt.conversation_id
            and (entry[3].answers or 0) > utt.answers
        ]
        if not newer:
            return False
        at = min(newer)[1]  # the reply to the very next message
        due, order, kind, later = self._heap[at]
        folded = dataclasses.replace(
            later,
            text=_folded_text(utt.text, later.text, later.passing),
            kind=utt.kind if later.passing else later.kind,
            rule_id=" ".join(dict.fromkeys(r for r in (utt.rule_id, later.rule_id) if r)) or None,
            reveals=tuple(dict.fromkeys((*utt.reveals, *later.reveals))),
            reopen=utt.reopen or later.reopen,
            passing=False,
        )
        self._heap[at] = (due, order, kind, folded)  # the same key: the heap still holds
        return True

    def _unanswered_since(self, state: ExamState, cid: str, since: float) -> Conversation | None:
        """The conversation, if it is live and the candidate wrote nothing since `since`."""
        conv = state.conversations.get(cid)
        if conv is None or not conv.is_live:
            return None
        if conv.last_candidate_at is not None and conv.last_candidate_at >= since:
            return None
        return conv

    def _fire_patience(self, state: ExamState, at: float, payload: Any) -> Out | None:
        """Each full patience period a customer waits makes them angrier, and they say so."""
        cid, since = payload
        conv = self._unanswered_since(state, cid, since)
        if conv is None or conv.incident_id in self._content:
            return None
        customer = state.customers[conv.customer_id]
        self._push(at + customer.patience_s, "patience", payload)
        waited = at - since
        change = self._moods.nudge(
            customer.id, moods.WAITED, f"waited {waited:.0f} s without an answer"
        )
        incident = self._incident(conv.incident_id)
        if self._follow_ups[cid] < MAX_FOLLOW_UPS:
            if incident is None or incident.follow_up is None:
                self._follow_ups[cid] += 1
                label = self._moods.label(customer.id)
                text = dialogue.line(self.language, f"wait_{label}")
                self._say(at, Utterance(cid, text, "follow_up"))
        elif conv.channel == "call":
            self._emit(at, "call_ended", {"conversation_id": cid, "by": "customer"}, cid)
        return ("mood_changed", change.event_data()) if change else None

    def _fire_follow_up(self, state: ExamState, at: float, payload: Any) -> Out | None:
        """The scenario's follow-up, when the customer's last message is still unanswered."""
        cid, seq, since = payload
        conv = self._unanswered_since(state, cid, since)
        if conv is None or self._waiting_seq.get(cid) != seq or conv.incident_id in self._content:
            return None
        incident = self._incident(conv.incident_id)
        if (
            incident is None
            or incident.follow_up is None
            or self._follow_ups[cid] >= MAX_FOLLOW_UPS
        ):
            return None
        self._follow_ups[cid] += 1
        self._say(at, Utterance(cid, incident.follow_up.text, "follow_up"))
        return None

    def _fire_news(self, state: ExamState, at: float, payload: Any) -> Out | None:
        incident_id, ticket_id, base = payload
        incident = self.scenario.incident(incident_id)
        ticket = state.tickets.get(ticket_id)
        request = incident.news_request
        if request is None or ticket is None or ticket.status not in WAITING_STATUSES:
            return None
        if incident_id in self._content:
            return None
        last = ticket.last_response_at
        if last is not None and last > base:
            self._push(last + request.after_s, "news", (incident_id, ticket_id, last))
            return None
        promised = self._promised_until.get(incident_id)
        if promised is not None and promised > at:
            self._push(promised, "news", (incident_id, ticket_id, base))
            return None
        if self._news[incident_id] >= MAX_NEWS_REQUESTS:
            return None
        self._news[incident_id] += 1
        self._push(at + request.after_s, "news", (incident_id, ticket_id, at))
        return self._news_message(state, at, incident, request.text)

    def _news_message(
        self, state: ExamState, at: float, incident: Incident, text: str
    ) -> Out | None:
        """In the customer's own chat or call while it lasts, a closed chat reopened, or a new chat."""
        main = state.conversations.get(conversation_id(incident.id))
        if main is not None and (main.is_live or main.channel == "chat"):
            self._say(at, Utterance(main.id, text, "news_request", reopen=True))
            return None
        cid = news_conversation_id(incident.id)
        self._say(at, Utterance(cid, text, "news_request", reopen=True))
        if cid in state.conversations:
            return None
        opened = {
            "conversation_id": cid,
            "customer_id": incident.customer,
            "incident_id": incident.id,
            "subject": incident.subject or text,
        }
        return "chat_opened", opened

    def _fire_chase(self, state: ExamState, at: float, payload: Any) -> Out | None:
        """The customer chases a ticket that got no update for the chase's wait.

        An update they received in the meantime (a reply, a message in a linked
        conversation) restarts the wait from it; a ticket resolved or closed, or
        a customer already content, is not chased; a ticket pending on the
        customer is theirs to move, so the wait starts again.
        """
        incident_id, ticket_id, base = payload
        chase = self.scenario.incident(incident_id).chase
        ticket = state.tickets.get(ticket_id)
        if chase is None or ticket is None or not ticket.is_active or incident_id in self._content:
            return None
        last = ticket.last_response_at
        if last is not None and last > base:
            self._push(last + chase.after_s, "chase", (incident_id, ticket_id, last))
            return None
        if ticket.status == TicketStatus.PENDING_CUSTOMER:
            self._push(at + chase.after_s, "chase", (incident_id, ticket_id, at))
            return None
        return self._chase_contact(state, at, self.scenario.incident(incident_id), ticket)

    def _chase_contact(
        self, state: ExamState, at: float, incident: Incident, ticket: Ticket
    ) -> Out | None:
        """In the customer's own chat or call while it lasts, else by the chase's channel."""
        chase = incident.chase
        assert chase is not None
        main = state.conversations.get(conversation_id(incident.id))
        if main is not None and main.is_live:
            self._say(at, Utterance(main.id, chase.text, "chase"))
            return None
        if chase.channel == Channel.EMAIL.value:
            return "customer_email", {"ticket_id": ticket.id, "text": chase.text, "kind": "chase"}
        cid = chase_conversation_id(incident.id)
        self._say(at, Utterance(cid, chase.text, "chase", reopen=True))
        opened = {
            "conversation_id": cid,
            "customer_id": incident.customer,
            "incident_id": incident.id,
            # the customer's words, never the incident's title (the author's, which may
            # name the diagnosis); and the ticket it is about, linked by the reducer
            "subject": incident.subject or chase.text,
            "ticket_id": ticket.id,
        }
        return ("call_started" if chase.channel == Channel.CALL.value else "chat_opened"), opened

    # ------------------------------------------------------------------ observing

    def _on_ticket_made(self, state: ExamState, event: Event) -> None:
        """A ticket of an incident with a chase (made, or linked to the incident's
        conversation): its wait starts now, once per incident."""
        ticket = state.tickets.get(event.data.get("ticket_id", ""))
        incident = self._incident(ticket.incident_id) if ticket is not None else None
        if incident is None or incident.chase is None or incident.id in self._chase_planned:
            return
        self._chase_planned.add(incident.id)
        due = event.exam_time + incident.chase.after_s
        self._push(due, "chase", (incident.id, ticket.id, event.exam_time))

    def _on_session_started(self, state: ExamState, event: Event) -> None:
        for customer in state.customers.values():
            self._moods.start(customer.id, customer.mood)
        for incident in self.scenario.incidents:
            self._revealed[incident.id] = set()
            self._push(incident.at_s, "arrive", incident.id)

    def _on_conversation_opened(self, state: ExamState, event: Event) -> None:
        incident = self._incident(event.data.get("incident_id"))
        cid = event.data["conversation_id"]
        if incident is None or cid != conversation_id(incident.id):
            return
        for message in incident.messages:
            self._say(event.exam_time + message.after_s, Utterance(cid, message.text, "script"))

    def _on_customer_message(self, state: ExamState, event: Event) -> None:
        """Start the patience clock (once per wait) and the follow-up timer (per message)."""
        data = event.data
        rule_ids = str(data.get("rule_id") or "").split()  # a folded reply names each rule
        incident_id = state.conversations[data["conversation_id"]].incident_id
        if rule_ids and incident_id is not None:
            self._asked.setdefault(incident_id, set()).update(rule_ids)
        if not dialogue.expects_answer(data.get("kind", "script"), data["text"]):
            return
        cid = data["conversation_id"]
        conv = state.conversations[cid]
        if conv.incident_id in self._content:
            return  # content: a question in their thanks is not a wait
        done = event.exam_time + float(data.get("duration_s", 0.0))
        self._waiting_seq[cid] = state.last_seq
        since = self._waiting_since.get(cid)
        answered = since is not None and (conv.last_candidate_at or -1.0) >= since
        if since is None or answered:
            self._waiting_since[cid] = event.exam_time
            patience = state.customers[conv.customer_id].patience_s
            self._push(done + patience, "patience", (cid, event.exam_time))
        incident = self._incident(conv.incident_id)
        if incident is not None and incident.follow_up is not None:
            payload = (cid, state.last_seq, event.exam_time)
            self._push(done + incident.follow_up.after_s, "follow_up", payload)

    def _on_message_sent(self, state: ExamState, event: Event) -> None:
        """React to a candidate message: flags, mood, and the customer's reply."""
        conv = state.conversations[event.data["conversation_id"]]
        incident = self._incident(conv.incident_id)
        text, at, seq = event.data["text"], event.exam_time, state.last_seq
        reaction = _Reaction()
        message = conv.messages[-1]
        if message.interrupted:
            left = max(0.0, conv.busy_until - at)
            reaction.flag(ev.interruption_flag(left, conv.channel, conv.id, seq))
            reaction.nudge(moods.INTERRUPTED, "interrupted")
        jargon = self._jargon(state, conv.customer_id, text)
        if jargon:
            reaction.flag(ev.jargon_flag(jargon, conv.id, seq))
            reaction.nudge(moods.JARGON, f"jargon ({', '.join(jargon)})")
        relayed = self._relay(state, conv.customer_id, text, conv.id, seq, reaction)
        if incident is None:
            self._settle(at, conv.customer_id, reaction)
            return
        facts_first = incident.id in relayed
        self._note_promise(state, incident.id, conv.customer_id, text, at)
        reply = self._answer(state, conv, incident, text, jargon, reaction, facts_first)
        self._flag_conversation(state, conv, incident, text, reply, seq, reaction)
        self._settle(at, conv.customer_id, reaction)
        reply = self._answer(state, conv, incident, text, jargon, None, facts_first)  # new mood
        self._told.setdefault(incident.id, []).append(text)
        self._revealed[incident.id].update(reply.reveals)
        if self._contents(incident, text, reply):
            self._content.add(incident.id)
        reply_text = reply.text
        if message.interrupted:
            reply_text = f"{dialogue.line(self.language, 'interrupted')} {reply_text}"
        delay = CALL_PAUSE_S if conv.channel == "call" else reading_s(text)
        ready = round(max(at + delay, self._reply_ready.get(conv.id, 0.0)), 3)
        self._reply_ready[conv.id] = ready  # answers come in the order they were asked
        if not reply_text:
            return  # nothing to say (a greeting already said: `dialogue.GREETED`)
        passing = reply.intent in PASSING_INTENTS and not reply.reveals and reply.rule is None
        utterance = Utterance(
            conv.id, reply_text, reply.kind, reply.rule_id, reply.reveals,
            answers=seq, passing=passing and not message.interrupted,
        )  # fmt: skip
        self._say(ready, utterance)

    def _note_promise(
        self, state: ExamState, incident_id: str, customer_id: str, text: str, at: float
    ) -> None:
        """The candidate told the customer when they will hear back: until then, and for
        the customer's patience after it, they do not ask again."""
        promised = promised_s(text, self.language)
        if promised is not None:
            patience = state.customers[customer_id].patience_s
            self._promised_until[incident_id] = round(at + promised + patience, 3)

    def _contents(self, incident: Incident, text: str, reply: dialogue.Reply) -> bool:
        """Whether this exchange leaves the customer content: the candidate gave the
        solution (their "it works" follows), or asked whether there is anything else
        (their goodbye follows). An acknowledgement alone ("Okay, I'll wait") is not:
        the problem is still there."""
        return (
            incident.id in self._solved
            or reply.kind == "closing"
            or dialogue.intent_in("closing", text, self.language)
        )

    def _answer(
        self,
        state: ExamState,
        conv: Conversation,
        incident: Incident,
        text: str,
        jargon: list[str],
        reaction: _Reaction | None,
        facts_first: bool = False,
    ) -> dialogue.Reply:
        """The customer's reply; with a `reaction`, also the mood nudges it implies."""
        if dialogue.told(dialogue.solution_patterns(incident), text, self.language):
            self._solved.add(incident.id)
        ctx = dialogue.Context(
            customer=self.scenario.customer(conv.customer_id),
            language=self.language,
            mood=self._moods.label(conv.customer_id),
            revealed=set(self._revealed[incident.id]),
            solution_given=incident.id in self._solved,
            step_given=self._place(state, incident).proposed,
            asked=frozenset(self._asked.get(incident.id, ())),
            promise_stands=self._promised_until.get(incident.id, -1.0) > state.now,
            customer_said=self._place(state, incident).customer_said,
            spoke_before=bool(self._told.get(incident.id)),
            fix_relayed=self._relays_fix(incident, text),
        )
        reply = dialogue.respond(incident, text, ctx, jargon, facts_first)
        if reaction is not None:
            self._mood_from(conv, text, reply, reaction, ctx.place())
        return reply

    def _relays_fix(self, incident: Incident, text: str) -> bool:
        """(2.13) Does `text` pass on the second line's fix, once it arrived?"""
        fix = self._group_fix.get(incident.id)
        if fix is None or incident.second_line is None:
            return False
        asked = [q.text for q in incident.second_line.questions]
        return relays_fix(text, self.language, fix, asked)

    def _place(self, state: ExamState, incident: Incident) -> Place:
        """(rules 2.8) Where the candidate's last message stands in its case: a step or fix
        told before it to this incident's customer (any conversation, ticket replies), and what
        the customer said in the incident's conversations (`in_context.place_after`)."""
        said = sorted(
            (m.seq, m.text)
            for c in state.conversations.values()
            if c.incident_id == incident.id
            for m in c.messages
            if m.author == "customer"
        )
        told = self._told.get(incident.id, ())
        return place_after(told, tuple(t for _, t in said), self.language)

    def _mood_from(
        self,
        conv: Conversation,
        text: str,
        reply: dialogue.Reply,
        reaction: _Reaction,
        place: Place,
    ) -> None:
        """A rule's nudge wins; else empathy and progress calm, once per customer message,
        read at the message's place as the reply was (`in_context.calming_at`: a finding
        told is news)."""
        if reply.nudge is not None:
            step = moods.RULE_STEP if reply.nudge == MoodNudge.ANGRIER else -moods.RULE_STEP
            reaction.nudge(step, f"rule {reply.rule_id}")
            return
        last = _last_customer_seq(conv)
        calming = calming_at(text, self.language, place)
        if calming & moods.EMPATHY_ACTS and self._empathy_credit.get(conv.id, -1) < last:
            self._empathy_credit[conv.id] = last
            reaction.nudge(moods.EMPATHY, "empathy")
        if calming & moods.PROGRESS_ACTS and self._progress_credit.get(conv.id, -1) < last:
            self._progress_credit[conv.id] = last
            reaction.nudge(moods.PROGRESS, "progress update")

    def _flag_conversation(
        self,
        state: ExamState,
        conv: Conversation,
        incident: Incident,
        text: str,
        reply: dialogue.Reply,
        seq: int,
        reaction: _Reaction,
    ) -> None:
        lang = self.language
        if reply.reveals or (
            incident.id not in self._solved
            and "question" in read_at(text, lang, self._place(state, incident)).acts
        ):
            reaction.flag(ev.question_flag(text, reply.reveals, conv.id, seq))
        said = self._place(state, incident).customer_said
        shared = ev.paraphrased(text, said, lang)
        if shared:
            keys = {
                f.id: f.answer
                for f in incident.facts
                if f.key and f.id in self._revealed[incident.id]
            }
            reaction.flag(
                ev.paraphrase_flag(shared, ev.restated_facts(text, keys, lang), conv.id, seq)
            )

    def _jargon(self, state: ExamState, customer_id: str, text: str) -> list[str]:
        customer = state.customers.get(customer_id)
        if customer is None or customer.technical_level != TechnicalLevel.NOVICE.value:
            return []
        return dialogue.jargon_in(text, self.scenario.glossary, self.language)

    def _relay(
        self,
        state: ExamState,
        customer_id: str,
        text: str,
        conv_id: str | None,
        seq: int,
        reaction: _Reaction,
    ) -> set[str]:
        """A second line's question passed on to its customer (SOL-5); their fix follows.

        Returns the incidents whose question this text relayed.
        """
        relayed: set[str] = set()
        for incident_id, group in list(self._relay_open.items()):
            incident = self.scenario.incident(incident_id)
            second = incident.second_line
            if incident.customer != customer_id or second is None:
                continue
            questions = second.questions
            done = self._relayed[incident_id]
            if done >= len(questions):
                continue
            pattern = dialogue.first_mention(questions[done].relay_patterns, text, self.language)
            if pattern is None:
                continue
            del self._relay_open[incident_id]
            self._relayed[incident_id] += 1
            relayed.add(incident_id)
            reaction.flag(ev.relay_flag(pattern, state.groups.get(group, group), conv_id, seq))
            ticket = _incident_ticket(state, incident_id)
            if ticket is not None:
                self._emit(
                    state.now + second.delay_s,
                    "second_line_reply",
                    self._next_from_group(ticket.id, group, second, done + 1),
                )
        return relayed

    def _next_from_group(
        self, ticket_id: str, group: str, second: SecondLine, relayed: int
    ) -> dict[str, Any]:
        """The group's next question, or its final reply once every question was relayed."""
        questions = second.questions
        if relayed < len(questions):
            text, question = questions[relayed].text, True
        else:
            text, question = second.final_reply or dialogue.line(self.language, "fixed"), False
        return {"ticket_id": ticket_id, "group": group, "text": text, "question": question}

    def _settle(self, at: float, customer_id: str, reaction: _Reaction) -> None:
        """Log the flags and the mood change a candidate action caused, at its time."""
        for flag in reaction.flags:
            self._emit(at, "evidence_flagged", flag.event_data())
        if reaction.delta:
            change = self._moods.nudge(customer_id, reaction.delta, "; ".join(reaction.causes))
            if change is not None:
                self._emit(at, "mood_changed", change.event_data())

    def _on_ticket_reply(self, state: ExamState, event: Event) -> None:
        """A written reply: jargon, a relayed question, progress for a waiting customer."""
        ticket = state.tickets[event.data["ticket_id"]]
        text, at, seq = event.data["text"], event.exam_time, state.last_seq
        reaction = _Reaction()
        jargon = self._jargon(state, ticket.customer_id, text)
        if jargon:
            reaction.flag(ev.jargon_flag(jargon, None, seq))
            reaction.nudge(moods.JARGON, f"jargon ({', '.join(jargon)})")
        self._relay(state, ticket.customer_id, text, None, seq, reaction)
        incident = self._incident(ticket.incident_id)
        place = self._place(state, incident) if incident is not None else Place()
        if ticket.incident_id is not None:
            self._note_promise(state, ticket.incident_id, ticket.customer_id, text, at)
            self._told.setdefault(ticket.incident_id, []).append(text)
        calming = bool(calming_at(text, self.language, place))
        last = self._ticket_calmed_at.get(ticket.id)
        if calming and (last is None or at - last >= PROGRESS_COOLDOWN_S):
            self._ticket_calmed_at[ticket.id] = at
            reaction.nudge(moods.PROGRESS, "progress update")
        self._settle(at, ticket.customer_id, reaction)

    def _on_transferred(self, state: ExamState, event: Event) -> None:
        """The group answers after its delay; a group the ticket is not for sends it back."""
        ticket = state.tickets[event.data["ticket_id"]]
        incident = self._incident(ticket.incident_id)
        if incident is None:
            return
        group, at = event.data["group"], event.exam_time
        second = incident.second_line
        accepted = {incident.answer.transfer_group} | {
            a.transfer_group for a in incident.answer.alternatives
        }
        if group in accepted and second is not None and incident.id not in self._second_line:
            self._second_line.add(incident.id)
            reply = {
                "ticket_id": ticket.id,
                "group": group,
                "text": second.reply,
                "question": second.question,
            }
            self._emit(at + second.delay_s, "second_line_reply", reply)
        elif group not in accepted:
            bounce = {
                "ticket_id": ticket.id,
                "group": group,
                "text": dialogue.line(self.language, "bounce"),
                "question": False,
            }
            self._emit(at + BOUNCE_DELAY_S, "second_line_reply", bounce)
        self._schedule_news(incident, ticket, at)

    def _on_pending(self, state: ExamState, event: Event) -> None:
        if event.data["waiting_on"] != "third_party":
            return
        ticket = state.tickets[event.data["ticket_id"]]
        incident = self._incident(ticket.incident_id)
        if incident is not None:
            self._schedule_news(incident, ticket, event.exam_time)

    def _schedule_news(self, incident: Incident, ticket: Ticket, at: float) -> None:
        if incident.news_request is not None:
            self._push(at + incident.news_request.after_s, "news", (incident.id, ticket.id, at))

    def _on_second_line_reply(self, state: ExamState, event: Event) -> None:
        ticket = state.tickets[event.data["ticket_id"]]
        incident = self._incident(ticket.incident_id)
        second = incident.second_line if incident else None
        if not event.data.get("question"):
            if incident is not None and event.data["text"] != dialogue.line(
                self.language, "bounce"
            ):
                self._group_fix[incident.id] = event.data["text"]
            return
        if incident is None or second is None or not second.relay_patterns:
            return
        if self._relayed[incident.id] < len(second.questions):
            self._relay_open[incident.id] = event.data["group"]


class _Reaction:
    """What one candidate action caused: evidence flags and a net mood nudge."""

    def __init__(self) -> None:
        self.flags: list[ev.Flag] = []
        self.delta = 0.0
        self.causes: list[str] = []

    def flag(self, flag: ev.Flag) -> None:
        self.flags.append(flag)

    def nudge(self, delta: float, cause: str) -> None:
        self.delta += delta
        self.causes.append(cause)


PASSING_INTENTS = frozenset({"greeting", "ack"})
"""Replies of courtesy only: a conversation that moved on leaves them unsaid."""


def _folded_text(older: str, newer: str, courtesy: bool) -> str:
    """Two replies said as one: the older first; a courtesy newer one, or the same words
    again (two fallbacks: "Sorry, I don't quite follow."), not said twice."""
    if courtesy or newer in older:
        return older
    if older in newer:  # "As I said: <the older answer>": it was not said yet
        return older + newer.split(older, 1)[1]
    return f"{older} {newer}"


def _moved_past(conv: Conversation, answered: int | None) -> bool:
    """Has the candidate written in this conversation since the message `answered`?"""
    if answered is None:
        return False
    return any(m.author == "candidate" and m.seq > answered for m in conv.messages)


def _last_customer_seq(conv: Conversation) -> int:
    return next((m.seq for m in reversed(conv.messages) if m.author == "customer"), 0)


def _incident_ticket(state: ExamState, incident_id: str) -> Ticket | None:
    """The incident's ticket: the first one linked to it that is still open, else the first."""
    linked = [t for t in state.tickets.values() if t.incident_id == incident_id]
    active = [t for t in linked if t.is_active]
    return (active or linked or [None])[0]


# --------------------------------------------------------------------------- resume


def restore(
    scenario: Scenario, events: Iterable[Event | tuple[int, Event]]
) -> tuple[Simulation, ExamState]:
    """Rebuild the simulation (and the state) of a session from its log, to resume it.

    Replays the log through a fresh simulation exactly as the session did:
    before a stimulus it pops the schedule until that stimulus comes out,
    before a candidate command it fires the silent items due by then. A
    stimulus this scenario would not have produced raises RestoreError.
    """
    sim = Simulation(scenario)
    state = ExamState()
    for index, item in enumerate(events, start=1):
        seq, event = item if isinstance(item, tuple) else (index, item)
        replay_one(sim, state, seq, event)
    return sim, state


def replay_one(sim: Simulation, state: ExamState, seq: int, event: Event) -> None:
    """One more logged event through the simulation and the reducer, as `restore` does.

    Raises RestoreError (a stimulus the scenario would not make, or one it made
    that is missing) or the reducer's Refused (an event the session refuses);
    `resume` uses it to find the first record of an unsigned tail the session
    could not have written.
    """
    if state.started and event.kind == EventKind.STIMULUS:
        _catch_up(sim, state, event)
    elif state.started and event.kind == EventKind.COMMAND:
        _drain(sim, state, event.exam_time)
    apply(state, event, seq)
    sim.observe(state, event)


def _refused(state: ExamState, at: float, event_type: str, data: dict[str, Any]) -> bool:
    """Would the session have skipped this stimulus (as `ExamSession._try_record` does)?"""
    probe = make_event(event_type, data, max(at, state.now), "")
    return check(state, probe) is not None


def _catch_up(sim: Simulation, state: ExamState, event: Event) -> None:
    while True:
        due = sim.pop_due(state, event.exam_time)
        if due is None:
            raise RestoreError(f"the log's {event.type} at {event.exam_time:g} s was not scheduled")
        at, event_type, data = due
        if event_type == event.type and data == event.data:
            return
        if not _refused(state, at, event_type, data):
            raise RestoreError(
                f"the log has {event.type} at {event.exam_time:g} s where the scenario "
                f"makes {event_type} at {at:g} s"
            )


def _drain(sim: Simulation, state: ExamState, until: float) -> None:
    while (due := sim.pop_due(state, until)) is not None:
        at, event_type, data = due
        if not _refused(state, at, event_type, data):
            raise RestoreError(f"the scenario makes {event_type} at {at:g} s, missing from the log")
