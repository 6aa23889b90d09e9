"""The exam as the UI sees it: one plain class between the widgets and the session.

Widgets never touch exam state. They post messages; the screen asks this
controller what may be done now (`can`), to check a form (`refusal`) and to
do it (`submit`), which goes through `ExamSession.submit`: logged first,
applied second. The controller listens to the session and collects what
changed (`take_changes`), so the screen redraws only that. No Textual here:
all of it is tested without an app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from helpdesk_tui.core import notices
from helpdesk_tui.core.blocked import BlockedKeys
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.notices import NOTICES_SINCE_SCHEMA
from helpdesk_tui.core.reducer import ALLOWED_FROM, Refused
from helpdesk_tui.core.session import ExamSession
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.writer import SYNC_LATER_S
from helpdesk_tui.i18n import N_, _, fill, gettext_in
from helpdesk_tui.language.normalise import name_words
from helpdesk_tui.scenario.model import CannedReply, KbArticle, Macro, Scenario
from helpdesk_tui.ui.format import clock, one_line, priority_label
from helpdesk_tui.ui.queue_model import QueueModel


class KbSearcher(Protocol):
    """What the KB panel needs from `kb.search.KbIndex`."""

    def search(self, query: str, limit: int = 20) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Arrival:
    """Something that reached the candidate: a chat or call, a customer message, an
    e-mail, a second-line reply. The screen shows it as a notice and logs that."""

    seq: int
    msgid: str
    values: dict[str, str]
    ticket_id: str | None = None
    conversation_id: str | None = None

    def text(self) -> str:
        """In the UI's language."""
        return fill(_(self.msgid), **self.values)

    def logged(self, schema_version: int) -> dict[str, Any]:
        """The notice as the log keeps it: its message id and values (schema 2), or, in a
        log begun in schema 1 and resumed by this version, its English text."""
        if schema_version >= NOTICES_SINCE_SCHEMA:
            return {"msgid": self.msgid, "values": dict(self.values)}
        return {"text": self.msgid.format(**self.values)}


@dataclass
class Changes:
    """What the events since the last redraw touched."""

    tickets: set[str] = field(default_factory=set)
    conversations: set[str] = field(default_factory=set)
    customers: set[str] = field(default_factory=set)
    new_tickets: list[str] = field(default_factory=list)
    new_conversations: list[str] = field(default_factory=list)
    arrivals: list[Arrival] = field(default_factory=list)
    refiltered: bool = False
    """The candidate changed the queue's filter: it applies to the ticket in view too."""
    ended: bool = False

    def __bool__(self) -> bool:
        return (
            bool(self.tickets or self.conversations or self.customers or self.new_conversations)
            or bool(self.arrivals)
            or self.ended
        )


TICKET_ACTIONS: dict[str, str | None] = {
    "take_ticket": "ticket_opened",
    "resume_ticket": "ticket_opened",
    "transfer_ticket": "ticket_transferred",
    "pending_ticket": "ticket_pending",
    "resolve_ticket": "ticket_resolved",
    "reopen_ticket": "ticket_reopened",
    "close_ticket": "ticket_closed",
    "edit_ticket": None,
    "reply_ticket": None,
    "note_ticket": None,
}
"""Screen actions on the selected ticket, and the event whose allowed statuses gate them."""
TAKE_FROM: dict[str, frozenset[TicketStatus]] = {
    "take_ticket": frozenset({TicketStatus.NEW}),
    "resume_ticket": ALLOWED_FROM["ticket_opened"] - {TicketStatus.NEW},
}
"""`a` is one event (`ticket_opened`) under two names: "Take" a new ticket, "Take back"
a pending or transferred one (found at 100 x 30: "Take" on a ticket already taken and
pending read as a key that does nothing)."""

READING_AREAS = ("queue", "ticket", "conversation", "kb")


class StateView:
    """What the render functions read (tickets, conversations, names, labels), over
    whatever `state` a subclass has: the live session's, or one rebuilt from a log
    (`ui.review.readonly.StateReader`)."""

    scenario: Scenario | None

    @property
    def state(self) -> ExamState:
        raise NotImplementedError

    def ticket(self, ticket_id: str | None) -> Ticket | None:
        return self.state.tickets.get(ticket_id) if ticket_id else None

    def conversation(self, conversation_id: str | None) -> Conversation | None:
        return self.state.conversations.get(conversation_id) if conversation_id else None

    def customer_name(self, customer_id: str) -> str:
        customer = self.state.customers.get(customer_id)
        return customer.name if customer else customer_id

    def other_customers_named(self, text: str, customer_id: str) -> list[str]:
        """Names of customers with another open case that `text` mentions.

        A reply that names someone else is the sign of a reply in the wrong
        box (issue 14: two updates went to the wrong customers). A customer
        counts when their full name, or their first name of three letters or
        more, stands as a word in the text, unless it is also the recipient's.
        """
        state = self.state
        open_cases = {c.customer_id for c in state.conversations.values() if c.is_live}
        open_cases |= {
            t.customer_id
            for t in state.tickets.values()
            if t.customer_id and t.status not in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
        }
        open_cases.discard(customer_id)
        own = set(_name_words(self.customer_name(customer_id)))
        words = set(_name_words(text))
        lowered = " ".join(_name_words(text))
        named = []
        for other in sorted(open_cases):
            name = self.customer_name(other)
            parts = _name_words(name)
            if not parts:
                continue
            full = " ".join(parts)
            first = parts[0]
            if f" {full} " in f" {lowered} " or (
                len(first) >= 3 and first in words and first not in own
            ):
                named.append(name)
        return named

    def priority_label(self, priority: str | None) -> str:
        return priority_label(priority, self.state.sla_profile)

    def conversation_label(self, conversation_id: str) -> str:
        """How a conversation is named on screen: who and when, never its id (a
        scenario's ids, like C-tom-lockout, would hint at the diagnosis)."""
        conv = self.conversation(conversation_id)
        if conv is None:
            return _("a conversation")
        text = (
            _("call with {name} at {time}")
            if conv.channel == "call"
            else _("chat with {name} at {time}")
        )
        return text.format(
            name=self.customer_name(conv.customer_id), time=clock(conv.opened_at)[:5]
        )

    def article(self, article_id: str | None) -> KbArticle | None:
        return self._articles.get(article_id) if article_id else None

    def category_choices(self) -> list[tuple[str, str]]:
        """(name, id) of the scenario's ticket categories, for a form's choice."""
        scenario = self.scenario
        names = {c.id: c.name for c in scenario.categories} if scenario else {}
        return [(names.get(c, c), c) for c in self.state.categories]

    @cached_property
    def _articles(self) -> dict[str, KbArticle]:
        return {a.id: a for a in self.scenario.kb} if self.scenario is not None else {}


class ExamController(StateView):
    """Session + scenario + KB index, and the rules of what the candidate can do now."""

    def __init__(
        self,
        session: ExamSession,
        scenario: Scenario | None = None,
        kb_index: KbSearcher | None = None,
        *,
        agent_name: str | None = None,
    ) -> None:
        self.session = session
        self.scenario = scenario
        self.kb_index = kb_index
        self.queue = QueueModel()
        self._agent_name = agent_name
        self._changes = Changes()
        self._last_logged_query: str | None = session.state.kb_query or None
        """The last query logged (after `resume`, the log's last): one settle, one record."""
        self.focus_moves = 0
        """`focus_moved` events logged here: the state's `last_seq` less these counts the
        events that can change what the candidate can do (a focus move changes none)."""
        self.problem: str | None = None
        """The last log failure, for the UI to show (the exam goes on)."""
        self.blocked_keys = BlockedKeys()
        """A held blocked key: one record a second per key, the repeats counted."""
        session.subscribe(self._observe)

    # ------------------------------------------------------------------ time and state

    @property
    def state(self) -> ExamState:
        return self.session.state

    def now(self) -> float:
        return self.session.now()

    @property
    def ended(self) -> bool:
        return self.state.ended

    @property
    def time_left(self) -> float:
        return self.time_left_at(self.now())

    def time_left_at(self, exam_time: float) -> float:
        """The exam's time left at `exam_time` (0 for an exam without an end)."""
        if not self.state.duration_s:
            return 0.0
        return max(0.0, self.state.duration_s - exam_time)

    def tick(self) -> list[Event]:
        """Fire what fell due; sign the log's head when its policy asks (idle minutes);
        fsync the focus records written without one once they are `SYNC_LATER_S` old
        (on the log writer's thread: the event loop does not wait for the disk)."""
        state = self.state
        if state.started and not state.ended:
            time_up = bool(state.duration_s) and self.now() >= state.duration_s
            self.flush_blocked(everything=time_up)
        try:
            fired = self.session.tick()
            self._checkpoint_if_due()
            self._sync_if_due()
        except LogError as exc:
            self.problem = str(exc)
            return []
        return fired

    def end_session(self, reason: str) -> None:
        """End the session (logged); a log failure is shown, never raised."""
        if self.state.ended:
            return
        self.flush_blocked(everything=True)
        try:
            self.session.end(reason)
        except LogError as exc:
            self.problem = str(exc)

    def _checkpoint_if_due(self) -> None:
        sink = self.session.sink
        due = getattr(sink, "checkpoint_due", None)
        if due is not None and not getattr(sink, "sealed", False) and due(self.now()):
            sink.checkpoint(self.now(), self.session.wall_clock())  # type: ignore[attr-defined]

    def _sync_if_due(self) -> None:
        sync = getattr(self.session.sink, "sync_pending", None)
        if sync is not None:
            sync(SYNC_LATER_S, background=True)

    # ------------------------------------------------------------------ commands

    def submit(self, event_type: str, data: dict[str, Any]) -> Event:
        """Log and apply a candidate command; raises `Refused` or `LogError`."""
        return self.session.submit(event_type, data)

    def refusal(self, event_type: str, data: dict[str, Any]) -> str | None:
        """Why this command would be refused now (for a form's message), or None."""
        return self.session.would_refuse(event_type, data)

    def cancel_form(self, form: str, target: str | None) -> None:
        """Escape in a form: the cancel is evidence too, and nothing else happens."""
        data: dict[str, Any] = {"form": form}
        if target:
            data["target"] = target
        self._quiet_submit("form_cancelled", data)

    def move_focus(self, area: str, target: str | None, *, again: bool = False) -> None:
        """Log where the candidate's attention went, when it changed.

        `again` logs it even when unchanged: a conversation in view whose new
        messages the candidate has now seen (the reducer marks them read).
        """
        if self.state.ended or area not in READING_AREAS:
            return
        if (area, target) == self.state.focus and not again:
            return
        data: dict[str, Any] = {"area": area}
        if target:
            data["target"] = target
        if self._quiet_submit("focus_moved", data) is not None:
            self.focus_moves += 1

    def log_kb_query(self, query: str, results: list[str]) -> None:
        """Log a KB query once the candidate settles on it (see KbPanel for when)."""
        query = query.strip()
        if not query or query == self._last_logged_query:
            return
        self._last_logged_query = query
        self._quiet_submit("kb_searched", {"query": query, "results": results})

    def log_blocked(self, what: str) -> bool:
        """A refused way out (a key, a link, a launch) as evidence; True once logged, or
        counted for the key's next record (a held key: `core.blocked`)."""
        if self.state.ended or not self.state.started:
            return False
        data = self.blocked_keys.press(what, self.now())
        if data is None:
            return True
        return self._quiet_submit("lockdown_key_blocked", data) is not None

    def flush_blocked(self, *, everything: bool = False) -> None:
        """Log the counted repeats of a held key whose second is over (all of them before
        the end, or an interruption)."""
        for data in self.blocked_keys.due(self.now(), everything=everything):
            try:
                self.session.submit_by_end("lockdown_key_blocked", data)
            except LogError as exc:
                self.problem = str(exc)
            except Refused:
                pass

    def _quiet_submit(self, event_type: str, data: dict[str, Any]) -> Event | None:
        """For evidence the candidate did not ask for by name: never raises."""
        try:
            return self.submit(event_type, data)
        except LogError as exc:
            self.problem = str(exc)
        except Refused:  # a refused focus or cancel changes nothing the candidate sees
            pass
        return None

    # ------------------------------------------------------------------ what can be done

    def can(
        self, action: str, ticket_id: str | None = None, conversation_id: str | None = None
    ) -> bool:
        """Whether an action applies now: the one source for bindings, footer and help."""
        state = self.state
        if not state.started or state.ended:
            return False
        if action == "new_ticket":
            return bool(state.customers)
        if action in TICKET_ACTIONS:
            return self._can_ticket(action, self.ticket(ticket_id))
        conv = self.conversation(conversation_id)
        if action == "link_conversation":
            ticket = self.ticket(ticket_id)
            return (
                ticket is not None
                and ticket.status != TicketStatus.CLOSED
                and conv is not None
                and conv.id not in ticket.conversation_ids
            )
        if action in ("close_conversation", "canned_reply", "send_message"):
            return conv is not None and conv.is_live
        return True

    @staticmethod
    def _can_ticket(action: str, ticket: Ticket | None) -> bool:
        if ticket is None or ticket.status == TicketStatus.CLOSED:
            return False
        event_type = TICKET_ACTIONS[action]
        allowed = TAKE_FROM.get(action) or (ALLOWED_FROM.get(event_type) if event_type else None)
        return allowed is None or ticket.status in allowed

    # ------------------------------------------------------------------ scenario look-ups

    def articles(self) -> list[KbArticle]:
        return list(self.scenario.kb) if self.scenario else []

    def article_link(self, article_id: str) -> str:
        """How a KB reference reads in a reply or a solution: `[kb-id] title`."""
        article = self.article(article_id)
        return f"[{article_id}] {article.title}" if article else f"[{article_id}]"

    def search(self, query: str, limit: int = 20) -> list[Any]:
        return self.kb_index.search(query, limit) if self.kb_index is not None else []

    def canned_replies(self) -> list[CannedReply]:
        return list(self.scenario.canned) if self.scenario else []

    def macros(self) -> list[Macro]:
        return list(self.scenario.macros) if self.scenario else []

    def macros_for(self, ticket_id: str | None) -> list[Macro]:
        """The macros whose reply and status step both apply to the ticket: a status the
        ticket cannot move to would be refused after the reply was already sent."""
        ticket = self.ticket(ticket_id)
        if ticket is None or not self.can("reply_ticket", ticket_id):
            return []
        return [m for m in self.macros() if self._status_step_applies(ticket, m.status)]

    def _status_step_applies(self, ticket: Ticket, status: str) -> bool:
        if ticket.status.value == status:
            return True
        event_type = "ticket_opened" if status == "open" else "ticket_pending"
        return ticket.status in ALLOWED_FROM[event_type]

    def fill_canned(self, reply: CannedReply | Macro) -> str:
        """The canned text with `{agent}`: the candidate's name, else the service desk
        in the scenario's language (the customer reads it, not the UI)."""
        agent = self._agent_name or gettext_in(self.state.language or "en", N_("the service desk"))
        return one_line(reply.text.replace("{agent}", agent))

    def priority_for(self, impact: str | None, urgency: str | None) -> str | None:
        profile = self.state.sla_profile
        return profile.priority_for(impact, urgency) if profile else None

    # ------------------------------------------------------------------ changes

    def _observe(self, event: Event, seq: int) -> None:
        """Session listener: remember what the event touched, redraw later in one go."""
        data = event.data
        changes = self._changes
        if "ticket_id" in data:
            changes.tickets.add(data["ticket_id"])
            if event.type in ("ticket_created", "email_received", "ticket_preloaded"):
                changes.new_tickets.append(data["ticket_id"])
        conv_id = data.get("conversation_id")
        if conv_id:
            changes.conversations.add(conv_id)
            if event.type in ("chat_opened", "call_started"):
                changes.new_conversations.append(conv_id)
            conv = self.state.conversations.get(conv_id)
            if conv is not None:
                changes.tickets.update(conv.ticket_ids)
        if event.type == "focus_moved" and data.get("area") == "conversation":
            target = data.get("target")
            if target:
                changes.conversations.add(target)
        if event.type == "mood_changed":
            changes.customers.add(data["customer_id"])
        arrival = self._arrival(event, seq)
        if arrival is not None:
            changes.arrivals.append(arrival)
        if event.type == "session_ended":
            changes.ended = True

    def _arrival(self, event: Event, seq: int) -> Arrival | None:
        """What the candidate must be told of this event, if anything."""
        data = event.data
        if event.type == "email_received":
            values = {
                "ticket": data["ticket_id"],
                "name": self.customer_name(data["customer_id"]),
                "title": data["title"],
            }
            return Arrival(seq, notices.NEW_EMAIL, values, data["ticket_id"])
        if event.type == "customer_email":
            values = {"ticket": data["ticket_id"]}
            return Arrival(seq, notices.CUSTOMER_WROTE, values, data["ticket_id"])
        if event.type == "second_line_reply":
            group = self.state.groups.get(data["group"], data["group"])
            values = {"group": group, "ticket": data["ticket_id"]}
            return Arrival(seq, notices.SECOND_LINE_REPLIED, values, data["ticket_id"])
        conv = self.conversation(data.get("conversation_id"))
        if conv is None:
            return None
        name = {"name": self.customer_name(conv.customer_id)}
        ticket = conv.ticket_ids[-1] if conv.ticket_ids else None
        if event.type in ("chat_opened", "call_started"):
            msgid = notices.CALLING if conv.channel == "call" else notices.NEW_CHAT
            return Arrival(seq, msgid, name, None, conv.id)
        if event.type == "customer_message":
            msgid = notices.ASKS_FOR_NEWS if data.get("kind") == "news" else notices.NEW_MESSAGE
            return Arrival(seq, msgid, name, ticket, conv.id)
        return None

    def log_notice(self, arrival: Arrival) -> None:
        """The candidate was shown this arrival (evidence that they could know of it)."""
        data: dict[str, Any] = {
            "ref_seq": arrival.seq,
            **arrival.logged(self.state.schema_version),
        }
        if arrival.ticket_id and arrival.ticket_id in self.state.tickets:
            data["ticket_id"] = arrival.ticket_id
        if arrival.conversation_id:
            data["conversation_id"] = arrival.conversation_id
        self._quiet_submit("notice_shown", data)

    def queue_refiltered(self) -> None:
        self._changes.refiltered = True

    def take_changes(self) -> Changes:
        changes, self._changes = self._changes, Changes()
        return changes


def _name_words(text: str) -> list[str]:
    """Words of a text for name matching: letters only, folded, a hyphenated name whole
    ("Anne-Sophie" never names "Sophie")."""
    return [w for w in name_words(text) if not any(c.isdigit() for c in w)]
