"""The one reducer: `state = reduce(events)`.

The same fold runs live, on resume after a crash, in the assessor's replay,
in reports and in tests, so they can never disagree. `check` refuses events
that are illegal in the current state *before* they are logged; `apply`
then changes the state. Both are deterministic: no clock, no I/O, no random.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from helpdesk_tui.core.events import (
    END_REASONS,
    UI_LANGUAGE_SINCE_SCHEMA,
    UI_LANGUAGES,
    Event,
    EventKind,
)
from helpdesk_tui.core.notices import NOTICES_SINCE_SCHEMA, check_notice, notice_phrase
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.core.sla import SlaProfile, Target, settled_at
from helpdesk_tui.core.sla_labels import MAX_LABEL
from helpdesk_tui.core.state import (
    MOODS,
    TECHNICAL_LEVELS,
    Conversation,
    Customer,
    ExamState,
    HistoryEntry,
    KbLookup,
    Message,
    Notice,
    SessionMark,
    Ticket,
    TicketStatus,
)

S = TicketStatus

PENDING = {"customer": S.PENDING_CUSTOMER, "third_party": S.PENDING_THIRD_PARTY}

# Which statuses each ticket command may start from.
ALLOWED_FROM: dict[str, frozenset[TicketStatus]] = {
    "ticket_opened": frozenset({S.NEW, S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY, S.TRANSFERRED}),
    "ticket_pending": frozenset({S.NEW, S.OPEN, S.TRANSFERRED}),
    "ticket_transferred": frozenset({S.NEW, S.OPEN, S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY}),
    "ticket_resolved": frozenset(
        {S.NEW, S.OPEN, S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY, S.TRANSFERRED}
    ),
    "ticket_reopened": frozenset({S.RESOLVED}),
    "ticket_closed": frozenset({S.RESOLVED}),
}
ACTION_WORDS: dict[str, Phrase] = {
    "ticket_opened": Phrase("ticket_opened"),
    "ticket_pending": Phrase("ticket_pending"),
    "ticket_transferred": Phrase("ticket_transferred"),
    "ticket_resolved": Phrase("ticket_resolved"),
    "ticket_reopened": Phrase("ticket_reopened"),
    "ticket_closed": Phrase("ticket_closed"),
}
"""The actions a ticket's status can forbid, as refusals name them: the event type
in English (the log's word), the action in the UI's language."""


class Refused(Exception):
    """An event that is illegal in the current state; `reason` says why."""

    def __init__(self, event: Event, reason: str) -> None:
        super().__init__(f"{event.type} refused: {reason}")
        self.event = event
        self.reason = reason


# --------------------------------------------------------------------------- check


def check(state: ExamState, event: Event) -> str | None:
    """The reason `event` is illegal now, or None when it may be logged."""
    if event.type == "session_started":
        if state.started:
            return Phrase("the session has already started")
        return _check_session_started(event.data)
    if not state.started:
        return Phrase("the session has not started yet")
    if state.ended:
        return Phrase("the session has ended")
    if event.exam_time < state.now - 1e-9:
        return Phrase(
            "exam time goes backwards ({t:.3f} < {now:.3f})", t=event.exam_time, now=state.now
        )
    if state.duration_s and event.exam_time > state.duration_s + 1e-9:
        return Phrase(
            "exam time {t:.3f} is past the end of the exam ({end:g} s)",
            t=event.exam_time,
            end=state.duration_s,
        )
    if state.paused and event.kind is EventKind.COMMAND:
        return Phrase("the session is paused")
    checker = _CHECKS.get(event.type)
    return checker(state, event) if checker else None


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)


def _all_text(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) and v for v in values)


def _check_session_started(d: dict[str, Any]) -> str | None:
    """The first event carries everything the fold needs: refuse what it could not use."""
    if not _is_number(d["duration_s"]) or d["duration_s"] <= 0:
        return "the duration must be a positive number of seconds"
    reason = _check_ui_language(d, d.get("schema_version", 1))
    if reason:
        return reason
    reason = _check_profile(d["sla_profile"])
    if reason:
        return f"SLA profile: {reason}"
    seen: set[str] = set()
    for g in d["groups"]:
        if not isinstance(g, dict) or not isinstance(g.get("id"), str) or not g["id"]:
            return "every group needs an id"
        if not isinstance(g.get("name"), str):
            return f"group '{g['id']}' needs a name"
        if g["id"] in seen:
            return f"group '{g['id']}' appears twice"
        seen.add(g["id"])
    seen = set()
    for c in d["customers"]:
        if not isinstance(c, dict) or not isinstance(c.get("id"), str) or not c["id"]:
            return "every customer needs an id"
        cid = c["id"]
        if cid in seen:
            return f"customer '{cid}' appears twice"
        seen.add(cid)
        if not isinstance(c.get("name"), str):
            return f"customer '{cid}' needs a name"
        if c.get("technical_level") not in TECHNICAL_LEVELS:
            return f"customer '{cid}': technical_level must be one of {', '.join(TECHNICAL_LEVELS)}"
        if c.get("mood") not in MOODS:
            return f"customer '{cid}': mood must be one of {', '.join(MOODS)}"
        if not _is_number(c.get("patience_s")) or c["patience_s"] < 0:
            return f"customer '{cid}': patience_s must be a number of seconds >= 0"
        if not isinstance(c.get("department", ""), str):
            return f"customer '{cid}': department must be text"
    if not _all_text(d["categories"]):
        return "categories must be a list of ids"
    if "kb_articles" in d and not _all_text(d["kb_articles"]):
        return "kb_articles must be a list of ids"
    return None


def _check_profile(raw: dict[str, Any]) -> str | None:
    for key in ("id", "name"):
        if not isinstance(raw.get(key), str):
            return f"'{key}' must be text"
    levels = raw.get("levels")
    if not _all_text(levels) or not levels:
        return "'levels' must be a non-empty list of names"
    priorities = raw.get("priorities")
    if not isinstance(priorities, dict) or not priorities:
        return "'priorities' must name at least one priority"
    fields = ("name", "first_response_s", "update_s", "resolution_s", "warning_at")
    for name, t in priorities.items():
        if not isinstance(t, dict) or set(t) != set(fields):
            return f"priority '{name}' must have exactly {', '.join(fields)}"
        if not isinstance(t["name"], str):
            return f"priority '{name}': 'name' must be text"
        for key in fields[1:4]:
            if not _is_number(t[key]) or t[key] <= 0:
                return f"priority '{name}': '{key}' must be a positive number of seconds"
        if not _is_number(t["warning_at"]) or not 0 < t["warning_at"] <= 1:
            return f"priority '{name}': 'warning_at' must be a fraction in (0, 1]"
    matrix = raw.get("matrix")
    if not isinstance(matrix, dict):
        return "'matrix' must map impact to urgency to priority"
    for impact, row in matrix.items():
        if impact not in levels or not isinstance(row, dict):
            return f"matrix row '{impact}' is not a level"
        for urgency, priority in row.items():
            if urgency not in levels:
                return f"matrix[{impact}] column '{urgency}' is not a level"
            if priority not in priorities:
                return f"matrix[{impact}][{urgency}] names an unknown priority '{priority}'"
    pausing = raw.get("pausing_states")
    statuses = {s.value for s in S}
    if not isinstance(pausing, list) or any(p not in statuses for p in pausing):
        return f"'pausing_states' must be a list of ticket statuses ({', '.join(statuses)})"
    return _check_labels(raw.get("labels", {}))


def _check_labels(labels: Any) -> str | None:
    """Optional: language -> use -> key -> label, every one a short text."""
    if not isinstance(labels, dict):
        return "'labels' must map language to use to key to label"
    for language, uses in labels.items():
        if not isinstance(uses, dict) or any(not isinstance(u, dict) for u in uses.values()):
            return f"labels['{language}'] must map a use to its labels"
        for use, table in uses.items():
            if any(not isinstance(v, str) or len(v) > MAX_LABEL for v in table.values()):
                return (
                    f"labels['{language}']['{use}'] must be texts of at most {MAX_LABEL} characters"
                )
    return None


def _ticket_or_reason(state: ExamState, ticket_id: str) -> Ticket | str:
    ticket = state.tickets.get(ticket_id)
    if ticket is None:
        return Phrase("there is no ticket {ticket}", ticket=ticket_id)
    if ticket.status == S.CLOSED:
        return Phrase("ticket {ticket} is closed", ticket=ticket_id)
    return ticket


def _check_ticket_command(state: ExamState, event: Event) -> str | None:
    found = _ticket_or_reason(state, event.data["ticket_id"])
    if isinstance(found, str):
        return found
    allowed = ALLOWED_FROM.get(event.type)
    if allowed is not None and found.status not in allowed:
        return Phrase(
            "ticket {ticket} is {status}; {action} needs one of {allowed}",
            ticket=found.id,
            status=found.status,
            action=ACTION_WORDS[event.type],
            allowed=tuple(sorted(allowed)),
        )
    return _CHECK_DETAIL.get(event.type, _no_detail)(state, event, found)


def _no_detail(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    return None


FIELD_WORDS: dict[str, Phrase] = {
    "title": Phrase("title"),
    "description": Phrase("description"),
    "category": Phrase("category"),
    "impact": Phrase("impact"),
    "urgency": Phrase("urgency"),
}
"""A ticket's fields as refusals name them (translated in the UI)."""
WAITING_HISTORY: dict[str, Phrase] = {
    "customer": Phrase("pending on customer"),
    "third_party": Phrase("pending on third_party"),
}
ANSWERED_HISTORY: dict[str, Phrase] = {
    "customer": Phrase("open again: the customer answered"),
    "third_party": Phrase("open again: the third party answered"),
}


def _check_fields(state: ExamState, fields: dict[str, object]) -> str | None:
    levels = state.sla_profile.levels if state.sla_profile else ()
    for name in ("impact", "urgency"):
        value = fields.get(name)
        if value is not None and value not in levels:
            return Phrase(
                "{field} '{value}' is not one of {levels}",
                field=FIELD_WORDS[name],
                value=value,
                levels=tuple(levels),
            )
    for name in _TICKET_FIELDS:
        if name in fields and not isinstance(fields[name], str):
            return Phrase("{field} must be text", field=FIELD_WORDS[name])
    category = fields.get("category")
    if category is not None and state.categories and category not in state.categories:
        return Phrase("unknown category '{category}'", category=category)
    for name in ("title",):
        if name in fields and not str(fields[name]).strip():
            return Phrase("a ticket needs a title")
    return None


def _check_created(state: ExamState, event: Event) -> str | None:
    data = event.data
    if data["ticket_id"] in state.tickets:
        return Phrase("ticket {ticket} already exists", ticket=data["ticket_id"])
    if data["customer_id"] not in state.customers:
        return Phrase("unknown customer '{customer}'", customer=data["customer_id"])
    conv = data.get("conversation_id")
    if conv is not None and conv not in state.conversations:
        return Phrase("there is no conversation {conversation}", conversation=conv)
    created_at = data.get("created_at")
    if created_at is not None and created_at > event.exam_time:
        return Phrase(
            "created_at {created_at} lies in the future (exam time {t:.3f})",
            created_at=created_at,
            t=event.exam_time,
        )
    return _check_fields(state, data)


_TICKET_FIELDS = {"title", "description", "category", "impact", "urgency"}


def _check_updated(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    changes = event.data["changes"]
    unknown = set(changes) - _TICKET_FIELDS
    if unknown:
        return Phrase("a ticket has no field {fields}", fields=", ".join(sorted(unknown)))
    if not changes and "priority_override" not in event.data:
        return Phrase("nothing to change")
    reason = _check_fields(state, changes)
    if reason:
        return reason
    override = event.data.get("priority_override")
    if override is not None:
        if state.sla_profile and override not in state.sla_profile.priorities:
            return Phrase("unknown priority '{priority}'", priority=override)
        if not event.data.get("override_reason", "").strip():
            return Phrase("overriding the priority needs a reason")
    return None


def _check_transferred(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    group = event.data["group"]
    if group not in state.groups:
        return Phrase(
            "unknown group '{group}'; the groups are {groups}",
            group=group,
            groups=tuple(state.groups),
        )
    if not event.data["reason"].strip():
        return Phrase("a transfer needs a reason")
    return None


def _check_pending(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    if event.data["waiting_on"] not in PENDING:
        return Phrase("waiting_on must be 'customer' or 'third_party'")
    return None


def _check_resolved(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    if not event.data["solution"].strip():
        return Phrase("resolving needs a solution")
    return _check_article(state, event.data.get("kb_article"))


def _check_article(state: ExamState, article: str | None) -> str | None:
    if article is not None and state.kb_articles is not None and article not in state.kb_articles:
        return Phrase("unknown KB article '{article}'", article=article)
    return None


def _check_linked(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    conv = event.data.get("conversation_id")
    article = event.data.get("kb_article")
    if conv is None and article is None:
        return Phrase("a link needs a conversation or a KB article")
    if conv is not None and conv not in state.conversations:
        return Phrase("there is no conversation {conversation}", conversation=conv)
    new_conv = conv is not None and conv not in ticket.conversation_ids
    new_article = article is not None and article not in ticket.kb_articles
    if not (new_conv or new_article):
        return Phrase("ticket {ticket} is already linked to that", ticket=ticket.id)
    return _check_article(state, article)


def _check_text(state: ExamState, event: Event, ticket: Ticket) -> str | None:
    return None if event.data["text"].strip() else Phrase("the text is empty")


def _check_conversation(state: ExamState, event: Event) -> str | None:
    conv = state.conversations.get(event.data["conversation_id"])
    if conv is None:
        return Phrase(
            "there is no conversation {conversation}", conversation=event.data["conversation_id"]
        )
    if event.type == "message_sent":
        if not conv.is_live:
            return Phrase("conversation {conversation} has ended", conversation=conv.id)
        if not event.data["text"].strip():
            return Phrase("the message is empty")
    if event.type == "call_ended" and conv.channel != "call":
        return Phrase(
            "conversation {conversation} is a {channel}, not a call",
            conversation=conv.id,
            channel=conv.channel,
        )
    if event.type in ("conversation_closed", "call_ended") and not conv.is_live:
        return Phrase("conversation {conversation} has already ended", conversation=conv.id)
    if event.type in ("customer_message", "customer_typing") and conv.status == "ended":
        return Phrase("call {conversation} has ended", conversation=conv.id)
    return None


def _check_new_conversation(state: ExamState, event: Event) -> str | None:
    if event.data["conversation_id"] in state.conversations:
        return Phrase(
            "conversation {conversation} already exists", conversation=event.data["conversation_id"]
        )
    if event.data["customer_id"] not in state.customers:
        return Phrase("unknown customer '{customer}'", customer=event.data["customer_id"])
    ticket_id = event.data.get("ticket_id")
    if ticket_id is not None and ticket_id not in state.tickets:
        return Phrase("there is no ticket {ticket}", ticket=ticket_id)
    return None


def _check_new_ticket_stimulus(state: ExamState, event: Event) -> str | None:
    reason = _check_created(state, event)
    if reason:
        return reason
    status = event.data.get("status")
    if status is not None and status not in {s.value for s in S}:
        return Phrase("unknown status '{status}'", status=status)
    group = event.data.get("group")
    if group is not None and group not in state.groups:
        return Phrase("unknown group '{group}'", group=group)
    return None


def _check_second_line(state: ExamState, event: Event) -> str | None:
    if event.data["ticket_id"] not in state.tickets:
        return Phrase("there is no ticket {ticket}", ticket=event.data["ticket_id"])
    if event.data["group"] not in state.groups:
        return Phrase("unknown group '{group}'", group=event.data["group"])
    return None


def _check_customer_email(state: ExamState, event: Event) -> str | None:
    if event.data["ticket_id"] not in state.tickets:
        return Phrase("there is no ticket {ticket}", ticket=event.data["ticket_id"])
    return None


def _check_mood(state: ExamState, event: Event) -> str | None:
    if event.data["customer_id"] not in state.customers:
        return Phrase("unknown customer '{customer}'", customer=event.data["customer_id"])
    if event.data["mood"] not in MOODS:
        return Phrase(
            "mood '{mood}' is not one of {moods}", mood=event.data["mood"], moods=", ".join(MOODS)
        )
    return None


def _check_kb_searched(state: ExamState, event: Event) -> str | None:
    results = event.data["results"]
    if not all(isinstance(r, str) for r in results):
        return Phrase("search results must be article ids")
    return None


def _check_ended(state: ExamState, event: Event) -> str | None:
    if event.data["reason"] not in END_REASONS:
        return Phrase(
            "unknown end reason '{reason}'; one of {reasons}",
            reason=event.data["reason"],
            reasons=", ".join(END_REASONS),
        )
    return None


def _check_opened_article(state: ExamState, event: Event) -> str | None:
    return _check_article(state, event.data["article_id"])


def _check_speed(state: ExamState, event: Event) -> str | None:
    if event.data["speed"] <= 0:
        return Phrase("the speed must be positive")
    if state.mode != "practice" and event.data["speed"] != 1:
        return Phrase("speed-up exists only in practice")
    return None


def _check_paused(state: ExamState, event: Event) -> str | None:
    return Phrase("the session is already paused") if state.paused else None


def _check_resumed(state: ExamState, event: Event) -> str | None:
    # a resume after a crash needs no prior pause event
    return _check_ui_language(event.data, state.schema_version)


def _check_ui_language(d: dict[str, Any], schema_version: int) -> str | None:
    """`ui_language` is one of the screens' languages, in a log of event schema 3 or later."""
    if "ui_language" not in d:
        return None
    if schema_version < UI_LANGUAGE_SINCE_SCHEMA:
        return f"ui_language is logged from event schema {UI_LANGUAGE_SINCE_SCHEMA} on"
    if d["ui_language"] not in UI_LANGUAGES:
        return f"ui_language must be one of {', '.join(UI_LANGUAGES)}"
    return None


def _check_notice(state: ExamState, event: Event) -> str | None:
    d = event.data
    if state.schema_version >= NOTICES_SINCE_SCHEMA:
        if "text" in d or "msgid" not in d or "values" not in d:
            return "a notice names its msgid and values (event schema 2), not its text"
        wrong = check_notice(d["msgid"], d["values"])
        if wrong is not None:
            return wrong
    elif "text" not in d or "msgid" in d or "values" in d:
        return "a notice of event schema 1 has its text, and no msgid or values"
    if not 0 < d["ref_seq"] <= state.last_seq:
        return Phrase("ref_seq {ref_seq} is not an earlier record", ref_seq=d["ref_seq"])
    if "ticket_id" in d and d["ticket_id"] not in state.tickets:
        return Phrase("there is no ticket {ticket}", ticket=d["ticket_id"])
    if "conversation_id" in d and d["conversation_id"] not in state.conversations:
        return Phrase("there is no conversation {conversation}", conversation=d["conversation_id"])
    return None


def _check_hint(state: ExamState, event: Event) -> str | None:
    if state.mode != "practice":
        return Phrase("hints exist only in practice")
    return None if event.data["ticket_id"] in state.tickets else Phrase("there is no such ticket")


_CHECK_DETAIL: dict[str, Callable[[ExamState, Event, Ticket], str | None]] = {
    "ticket_updated": _check_updated,
    "ticket_transferred": _check_transferred,
    "ticket_pending": _check_pending,
    "ticket_resolved": _check_resolved,
    "ticket_linked": _check_linked,
    "ticket_reply_added": _check_text,
    "note_added": _check_text,
}


def _check_blocked(state: ExamState, event: Event) -> str | None:
    """A held key's record stands for `count` attempts (sec15): a whole number, at least 1."""
    count = event.data.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        return "the count of a blocked key must be a whole number of at least 1"
    return None


_CHECKS: dict[str, Callable[[ExamState, Event], str | None]] = {
    "ticket_created": _check_created,
    "email_received": _check_new_ticket_stimulus,
    "ticket_preloaded": _check_new_ticket_stimulus,
    "second_line_reply": _check_second_line,
    "customer_email": _check_customer_email,
    "chat_opened": _check_new_conversation,
    "call_started": _check_new_conversation,
    "call_ended": _check_conversation,
    "customer_typing": _check_conversation,
    "customer_message": _check_conversation,
    "message_sent": _check_conversation,
    "conversation_closed": _check_conversation,
    "mood_changed": _check_mood,
    "kb_searched": _check_kb_searched,
    "session_ended": _check_ended,
    "kb_article_opened": _check_opened_article,
    "speed_changed": _check_speed,
    "session_paused": _check_paused,
    "session_resumed": _check_resumed,
    "hint_requested": _check_hint,
    "notice_shown": _check_notice,
    "lockdown_key_blocked": _check_blocked,
    **{name: _check_ticket_command for name in (*ALLOWED_FROM, *_CHECK_DETAIL)},
}


# --------------------------------------------------------------------------- apply


def apply(state: ExamState, event: Event, seq: int | None = None) -> ExamState:
    """Fold one event into `state` (in place) and return it.

    Raises `Refused` when the event is illegal: a log that contains one was
    not written by this program.
    """
    reason = check(state, event)
    if reason is not None:
        raise Refused(event, reason)
    state.last_seq = state.last_seq + 1 if seq is None else seq
    state.now = max(state.now, event.exam_time)
    _APPLY[event.type](state, event)
    if event.kind is EventKind.COMMAND and event.type != "hint_requested":
        _worked_on(state, event.data.get("ticket_id"))
        _place(state, event)
    return state


def _place(state: ExamState, event: Event) -> None:
    """Where the candidate is, as far as the log says it (what `resume` shows again):
    the ticket last looked at or worked on, the KB query and the article open."""
    data = event.data
    ticket_id = data.get("ticket_id")
    if event.type == "focus_moved":
        area, target = data["area"], data.get("target")
        if area == "ticket" and target in state.tickets:
            ticket_id = target
        elif area == "kb" and target is None:
            state.kb_article_in_view = None  # back from the article to the results
    elif event.type == "kb_searched":
        state.kb_query = data["query"]
        state.kb_article_in_view = None  # a new query closes the article
    elif event.type == "kb_article_opened":
        state.kb_article_in_view = data["article_id"]
    if ticket_id in state.tickets:
        state.ticket_in_view = ticket_id


def _worked_on(state: ExamState, ticket_id: str | None) -> None:
    """A candidate command on a ticket: its arrivals count as seen, and it is theirs."""
    ticket = state.tickets.get(ticket_id) if ticket_id else None
    if ticket is not None:
        ticket.unseen = 0
        ticket.worked_on = True


def reduce(
    events: Iterable[Event | tuple[int, Event]], state: ExamState | None = None
) -> ExamState:
    """Fold events (optionally with their log seq) into a state."""
    state = state or ExamState()
    for item in events:
        if isinstance(item, tuple):
            apply(state, item[1], item[0])
        else:
            apply(state, item)
    return state


def _history(ticket: Ticket, state: ExamState, event: Event, summary: str) -> None:
    ticket.history.append(HistoryEntry(event.exam_time, state.last_seq, event.type, summary))
    ticket.updated_at = event.exam_time


def _profile(state: ExamState) -> SlaProfile:
    assert state.sla_profile is not None
    return state.sla_profile


def _settle_sla(state: ExamState, ticket: Ticket, at: float) -> None:
    """Remember every target breached by `at`, and the deadline of every target met
    by then, so no later change of priority or response undoes either."""
    breached, met = settled_at(ticket, _profile(state), at)
    ticket.sla_breached |= breached
    for target, deadline in met.items():
        ticket.sla_met_deadlines.setdefault(target, deadline)


def _pausing(state: ExamState) -> frozenset[str]:
    """The statuses that stop a ticket's SLA clock: the profile's, and resolved and closed."""
    return _profile(state).pausing_states | {S.RESOLVED.value, S.CLOSED.value}


_PENDING_VALUES = frozenset(s.value for s in PENDING.values())


def _stops_clock(state: ExamState, ticket: Ticket, status: TicketStatus) -> bool:
    """Whether `status` stops the ticket's SLA clocks now.

    Waiting on someone needs a first contact: a pending status stops the clocks
    only once the customer had a first response, so setting an unanswered
    ticket pending cannot park its clocks (Zendesk's first reply time does not
    pause on pending either). The pause starts when that response comes
    (`_respond`).
    """
    pausing = _pausing(state)
    if ticket.first_response_at is None:
        pausing = pausing - _PENDING_VALUES
    return status.value in pausing


def _set_status(state: ExamState, ticket: Ticket, status: TicketStatus, at: float) -> None:
    was_paused = bool(ticket.pauses) and ticket.pauses[-1][1] is None
    now_paused = _stops_clock(state, ticket, status)
    if now_paused and not was_paused:
        ticket.pauses.append((at, None))
    elif was_paused and not now_paused:
        ticket.pauses[-1] = (ticket.pauses[-1][0], at)
    ticket.status = status


def _reprioritise(state: ExamState, ticket: Ticket) -> None:
    if ticket.priority_override_reason is None:
        ticket.priority = _profile(state).priority_for(ticket.impact, ticket.urgency)


def _respond(state: ExamState, ticket: Ticket, at: float) -> None:
    """A public response; the first one lets a pending status stop the clocks from now."""
    if ticket.first_response_at is None:
        ticket.first_response_at = at
        _set_status(state, ticket, ticket.status, at)
    ticket.last_response_at = at
    ticket.responses.append(at)


def _apply_session_started(state: ExamState, event: Event) -> None:
    d = event.data
    state.started = True
    state.scenario_id = d["scenario_id"]
    state.scenario_title = d["scenario_title"]
    state.language = d["language"]
    state.ui_language = d.get("ui_language")
    state.duration_s = float(d["duration_s"])
    state.mode = d["mode"]
    state.candidate_id = d.get("candidate_id", "")
    state.schema_version = d.get("schema_version", 1)
    state.sla_profile = SlaProfile.from_dict(d["sla_profile"])
    state.groups = {g["id"]: g["name"] for g in d["groups"]}
    state.categories = list(d["categories"])
    if "kb_articles" in d:
        state.kb_articles = frozenset(d["kb_articles"])
    for c in d["customers"]:
        state.customers[c["id"]] = Customer(
            id=c["id"],
            name=c["name"],
            technical_level=c["technical_level"],
            mood=c["mood"],
            patience_s=float(c["patience_s"]),
            department=c.get("department", ""),
        )


def _mark(state: ExamState, event: Event) -> None:
    """Keep how the session went (`SessionMark`): what the assessors' "Session" part reads."""
    d = event.data
    detail = d.get("reason", d.get("key", d.get("message", "")))
    downtime = d.get("downtime_s")
    state.session_marks.append(
        SessionMark(
            event.type,
            event.exam_time,
            state.last_seq,
            event.wall_time,
            str(detail),
            float(downtime) if downtime is not None else None,
            int(d.get("count", 1)),
        )
    )


def _apply_paused(state: ExamState, event: Event) -> None:
    state.paused = True
    _mark(state, event)


def _apply_resumed(state: ExamState, event: Event) -> None:
    state.paused = False
    state.ui_language = event.data.get("ui_language", state.ui_language)
    _mark(state, event)


def _apply_ended(state: ExamState, event: Event) -> None:
    state.ended = True
    state.end_reason = event.data["reason"]
    _mark(state, event)


def _apply_speed(state: ExamState, event: Event) -> None:
    state.speed = float(event.data["speed"])


def _apply_flag(state: ExamState, event: Event) -> None:
    state.flags.append({**event.data, "seq": state.last_seq, "at": event.exam_time})


def _apply_notice(state: ExamState, event: Event) -> None:
    d = event.data
    state.notices.append(
        Notice(
            event.exam_time,
            state.last_seq,
            d["ref_seq"],
            notice_phrase(d),
            d.get("ticket_id"),
            d.get("conversation_id"),
        )
    )


def _apply_nothing(state: ExamState, event: Event) -> None:
    """Events kept for the assessors that change no exam state."""


def _new_ticket(state: ExamState, event: Event, source: str, created_at: float) -> Ticket:
    d = event.data
    ticket = Ticket(
        id=d["ticket_id"],
        title=d["title"],
        description=d.get("description", ""),
        customer_id=d["customer_id"],
        created_at=created_at,
        source=source,
        category=d.get("category"),
        impact=d.get("impact"),
        urgency=d.get("urgency"),
        incident_id=d.get("incident_id"),
    )
    if S.NEW.value in _pausing(state):
        ticket.pauses.append((created_at, None))
    state.tickets[ticket.id] = ticket
    state.ticket_counter += 1
    _reprioritise(state, ticket)
    return ticket


def _apply_ticket_created(state: ExamState, event: Event) -> None:
    ticket = _new_ticket(state, event, "candidate", event.exam_time)
    _set_status(state, ticket, S.OPEN, event.exam_time)
    conv_id = event.data.get("conversation_id")
    if conv_id is not None:
        _link_conversation(state, ticket, conv_id, event.exam_time)
    _history(ticket, state, event, Phrase("created: {title}", title=ticket.title))


def _apply_email(state: ExamState, event: Event) -> None:
    created = float(event.data.get("created_at", event.exam_time))
    ticket = _new_ticket(state, event, "email", created)
    ticket.unseen = 1
    _history(ticket, state, event, Phrase("e-mail received: {title}", title=ticket.title))


def _apply_preloaded(state: ExamState, event: Event) -> None:
    ticket = _new_ticket(state, event, "queue", float(event.data["created_at"]))
    status = S(event.data.get("status", S.NEW.value))
    at = ticket.created_at
    if status in (S.RESOLVED, S.CLOSED):
        # Resolving answers the customer: a ticket that arrives solved has met
        # its first response and its resolution, at the time it was made.
        _respond(state, ticket, at)
        ticket.resolved_at = at
        if status == S.CLOSED:
            ticket.closed_at = at
    ticket.waiting_on = next((w for w, s in PENDING.items() if s == status), None)
    if ticket.waiting_on is not None:
        _respond(state, ticket, at)  # someone asked before it reached this queue
    if status != S.NEW:
        _set_status(state, ticket, status, at)
    ticket.group = event.data.get("group")
    minutes = max(0.0, -ticket.created_at) / 60
    since = (
        Phrase(
            "waiting in the queue since {minutes:.0f} min before the start: {title}",
            minutes=minutes,
            title=ticket.title,
        )
        if round(minutes) >= 1  # "since 0 min before the start" says nothing
        else Phrase("in the queue at the start: {title}", title=ticket.title)
    )
    _history(ticket, state, event, since)


def _link_conversation(state: ExamState, ticket: Ticket, conv_id: str, at: float) -> bool:
    """Link a conversation; one in which the candidate spoke counts as a public response.

    Only a new link responds (so linking again cannot restart the update
    window), and breaches are recorded first (so a link cannot undo one).
    Returns whether the link is new.
    """
    conv = state.conversations[conv_id]
    if conv_id in ticket.conversation_ids:
        return False
    ticket.conversation_ids.append(conv_id)
    if ticket.incident_id is None:
        ticket.incident_id = conv.incident_id
    if ticket.id not in conv.ticket_ids:
        conv.ticket_ids.append(ticket.id)
    if conv.last_candidate_at is not None and ticket.resolved_at is None:
        _settle_sla(state, ticket, at)
        _respond(state, ticket, at)
    return True


def _apply_ticket_updated(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    _settle_sla(state, ticket, event.exam_time)
    changes = event.data["changes"]
    for name, value in changes.items():
        setattr(ticket, name, value)
    if "priority_override" in event.data:
        override = event.data["priority_override"]
        if override is None:
            ticket.priority_override_reason = None
        else:
            ticket.priority = override
            ticket.priority_override_reason = event.data["override_reason"]
    _reprioritise(state, ticket)
    if ticket.status == S.NEW:
        _set_status(state, ticket, S.OPEN, event.exam_time)
    parts = [f"{k}={v}" for k, v in changes.items()]
    if ticket.priority_override_reason and "priority_override" in event.data:
        parts.append(f"priority={ticket.priority} ({ticket.priority_override_reason})")
    _history(ticket, state, event, Phrase("updated: {changes}", changes=tuple(parts)))


def _apply_ticket_opened(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    _set_status(state, ticket, S.OPEN, event.exam_time)
    ticket.waiting_on = None
    _history(ticket, state, event, Phrase("taken in hand"))


def _apply_transferred(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    _set_status(state, ticket, S.TRANSFERRED, event.exam_time)
    ticket.group = event.data["group"]
    if ticket.category is None:
        ticket.uncategorised_transfers.append(state.last_seq)
    transferred = Phrase(
        "transferred to {group}: {reason}", group=ticket.group, reason=event.data["reason"]
    )
    _history(ticket, state, event, transferred)


def _apply_pending(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    ticket.waiting_on = event.data["waiting_on"]
    _set_status(state, ticket, PENDING[ticket.waiting_on], event.exam_time)
    _history(ticket, state, event, WAITING_HISTORY[ticket.waiting_on])


def _apply_resolved(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    at = event.exam_time
    _settle_sla(state, ticket, at)
    _respond(state, ticket, at)
    ticket.resolved_at = at
    ticket.solution = event.data["solution"]
    ticket.solution_article = event.data.get("kb_article")
    if ticket.solution_article and ticket.solution_article not in ticket.kb_articles:
        ticket.kb_articles.append(ticket.solution_article)
    _set_status(state, ticket, S.RESOLVED, at)
    _history(ticket, state, event, Phrase("resolved: {solution}", solution=ticket.solution))


def _apply_reopened(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    _settle_sla(state, ticket, event.exam_time)
    ticket.resolved_at = None
    ticket.sla_met_deadlines.pop(Target.RESOLUTION, None)
    _set_status(state, ticket, S.OPEN, event.exam_time)
    _history(ticket, state, event, Phrase("reopened"))


def _apply_closed(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    ticket.closed_at = event.exam_time
    _set_status(state, ticket, S.CLOSED, event.exam_time)
    _history(ticket, state, event, Phrase("closed"))


def _apply_linked(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    conv = event.data.get("conversation_id")
    if conv is not None and _link_conversation(state, ticket, conv, event.exam_time):
        linked = Phrase("linked to conversation {conversation}", conversation=conv)
        _history(ticket, state, event, linked)
    article = event.data.get("kb_article")
    if article is not None and article not in ticket.kb_articles:
        ticket.kb_articles.append(article)
        _history(ticket, state, event, Phrase("linked to article {article}", article=article))


def _apply_reply(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    _settle_sla(state, ticket, event.exam_time)
    ticket.replies.append((event.exam_time, event.data["text"]))
    _respond(state, ticket, event.exam_time)
    if ticket.status == S.NEW:
        _set_status(state, ticket, S.OPEN, event.exam_time)
    _history(ticket, state, event, Phrase("reply: {text}", text=event.data["text"]))


def _apply_note(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    ticket.notes.append((event.exam_time, event.data["text"]))
    _history(ticket, state, event, Phrase("note: {text}", text=event.data["text"]))


def _end_wait(state: ExamState, ticket: Ticket, on: str, event: Event) -> None:
    """The party a pending ticket waited on answered: it is open again, its clock runs.

    What Zammad and Freshdesk do when a customer replies to a pending ticket;
    otherwise a ticket left pending would stop its SLA clock for good.
    """
    if ticket.status == PENDING[on]:
        _set_status(state, ticket, S.OPEN, event.exam_time)
        ticket.waiting_on = None
        _history(ticket, state, event, ANSWERED_HISTORY[on])


def _apply_second_line(state: ExamState, event: Event) -> None:
    ticket = state.tickets[event.data["ticket_id"]]
    d = event.data
    ticket.second_line.append((event.exam_time, d["group"], d["text"]))
    ticket.unseen += 1
    _history(
        ticket, state, event, Phrase("{group} replied: {text}", group=d["group"], text=d["text"])
    )
    _end_wait(state, ticket, "third_party", event)


def _apply_customer_email(state: ExamState, event: Event) -> None:
    """The customer writes on their ticket by e-mail: it shows in its thread, and a
    ticket waiting on them waits no more."""
    ticket = state.tickets[event.data["ticket_id"]]
    ticket.customer_mails.append((event.exam_time, event.data["text"]))
    ticket.unseen += 1
    _history(ticket, state, event, Phrase("the customer wrote: {text}", text=event.data["text"]))
    _end_wait(state, ticket, "customer", event)


def _new_conversation(state: ExamState, event: Event, channel: str) -> None:
    d = event.data
    state.conversations[d["conversation_id"]] = Conversation(
        id=d["conversation_id"],
        channel=channel,
        customer_id=d["customer_id"],
        opened_at=event.exam_time,
        subject=d.get("subject", ""),
        incident_id=d.get("incident_id"),
        about_ticket=d.get("ticket_id"),
    )
    ticket_id = d.get("ticket_id")
    if ticket_id is not None:  # a chase: the conversation is about this ticket
        ticket = state.tickets[ticket_id]
        _link_conversation(state, ticket, d["conversation_id"], event.exam_time)
        linked = Phrase("linked to conversation {conversation}", conversation=d["conversation_id"])
        _history(ticket, state, event, linked)


def _apply_chat_opened(state: ExamState, event: Event) -> None:
    _new_conversation(state, event, "chat")


def _apply_call_started(state: ExamState, event: Event) -> None:
    _new_conversation(state, event, "call")


def _apply_call_ended(state: ExamState, event: Event) -> None:
    conv = state.conversations[event.data["conversation_id"]]
    conv.status = "ended"
    conv.busy_until = min(conv.busy_until, event.exam_time)


def _apply_conversation_closed(state: ExamState, event: Event) -> None:
    conv = state.conversations[event.data["conversation_id"]]
    conv.status = "ended" if conv.channel == "call" else "closed"
    conv.busy_until = min(conv.busy_until, event.exam_time)


def _apply_typing(state: ExamState, event: Event) -> None:
    conv = state.conversations[event.data["conversation_id"]]
    conv.busy_until = max(conv.busy_until, event.exam_time + float(event.data["duration_s"]))


def _apply_customer_message(state: ExamState, event: Event) -> None:
    conv = state.conversations[event.data["conversation_id"]]
    duration = float(event.data.get("duration_s", 0.0))
    if conv.status == "closed":
        conv.status = "open"  # a customer writing again reopens the chat
    conv.messages.append(
        Message("customer", event.data["text"], event.exam_time, state.last_seq, duration)
    )
    conv.last_customer_at = event.exam_time
    if conv.channel == "call":
        conv.busy_until = max(conv.busy_until, event.exam_time + duration)
    for ticket_id in conv.ticket_ids:
        state.tickets[ticket_id].unseen += 1
        _end_wait(state, state.tickets[ticket_id], "customer", event)


def _apply_message_sent(state: ExamState, event: Event) -> None:
    conv = state.conversations[event.data["conversation_id"]]
    at = event.exam_time
    conv.messages.append(
        Message(
            "candidate",
            event.data["text"],
            at,
            state.last_seq,
            interrupted=conv.is_busy_at(at),
            canned_id=event.data.get("canned_id"),
        )
    )
    conv.last_candidate_at = at
    conv.last_seen_at = max(conv.last_seen_at, at)
    for ticket_id in conv.ticket_ids:
        ticket = state.tickets[ticket_id]
        if ticket.resolved_at is None and ticket.status != S.CLOSED:
            _settle_sla(state, ticket, at)
            _respond(state, ticket, at)


def _apply_mood(state: ExamState, event: Event) -> None:
    customer = state.customers[event.data["customer_id"]]
    customer.mood = event.data["mood"]
    customer.mood_history.append((event.exam_time, event.data["mood"], event.data["cause"]))


def _apply_kb_searched(state: ExamState, event: Event) -> None:
    state.kb_lookups.append(
        KbLookup(
            event.exam_time, state.last_seq, event.data["query"], None, list(event.data["results"])
        )
    )


def _apply_kb_opened(state: ExamState, event: Event) -> None:
    state.kb_lookups.append(
        KbLookup(event.exam_time, state.last_seq, None, event.data["article_id"])
    )


def _apply_focus(state: ExamState, event: Event) -> None:
    area, target = event.data["area"], event.data.get("target")
    state.focus = (area, target)
    if area == "conversation" and target in state.conversations:
        conv = state.conversations[target]
        conv.last_seen_at = max(conv.last_seen_at, event.exam_time)
    if area == "ticket" and target in state.tickets:
        state.tickets[target].unseen = 0


_APPLY: dict[str, Callable[[ExamState, Event], None]] = {
    "session_started": _apply_session_started,
    "session_paused": _apply_paused,
    "session_resumed": _apply_resumed,
    "session_ended": _apply_ended,
    "speed_changed": _apply_speed,
    "disk_fault": _mark,
    "lockdown_key_blocked": _mark,
    "chat_opened": _apply_chat_opened,
    "call_started": _apply_call_started,
    "call_ended": _apply_call_ended,
    "customer_typing": _apply_typing,
    "customer_message": _apply_customer_message,
    "email_received": _apply_email,
    "ticket_preloaded": _apply_preloaded,
    "second_line_reply": _apply_second_line,
    "customer_email": _apply_customer_email,
    "mood_changed": _apply_mood,
    "evidence_flagged": _apply_flag,
    "ticket_created": _apply_ticket_created,
    "ticket_updated": _apply_ticket_updated,
    "ticket_opened": _apply_ticket_opened,
    "ticket_transferred": _apply_transferred,
    "ticket_pending": _apply_pending,
    "ticket_resolved": _apply_resolved,
    "ticket_reopened": _apply_reopened,
    "ticket_closed": _apply_closed,
    "ticket_linked": _apply_linked,
    "ticket_reply_added": _apply_reply,
    "note_added": _apply_note,
    "message_sent": _apply_message_sent,
    "conversation_closed": _apply_conversation_closed,
    "kb_searched": _apply_kb_searched,
    "kb_article_opened": _apply_kb_opened,
    "focus_moved": _apply_focus,
    "form_cancelled": _apply_nothing,
    "hint_requested": _apply_nothing,
    "notice_shown": _apply_notice,
}
