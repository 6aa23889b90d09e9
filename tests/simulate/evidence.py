"""A rough check, per competency, that a log holds evidence for it.

Not the assessment (that is `helpdesk_tui.assess`): a test oracle independent
of it, so the ideal policy's logs are checked against the standard's
"evidence the log can carry" table (standard/competencies.md) directly.
"""

from __future__ import annotations

from collections.abc import Callable

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.customers import dialogue
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import RunResult

SCREEN_WORK = {
    "ticket_created", "ticket_updated", "ticket_linked", "kb_searched", "kb_article_opened",
    "ticket_transferred", "ticket_resolved", "note_added", "ticket_closed",
}  # fmt: skip
MOOD_RANK = {"calm": 0, "irritated": 1, "angry": 2}


def _of(events: list[Event], *types: str) -> list[Event]:
    return [e for e in events if e.type in types]


def _flags(state: ExamState, competency: str) -> list[dict[str, object]]:
    return [f for f in state.flags if f["competency"] == competency]


def _during_speech(events: list[Event]) -> bool:
    """Screen work while a caller is still speaking (SIM-1, SIM-3)."""
    calls = {e.data["conversation_id"] for e in _of(events, "call_started")}
    spans = [
        (e.exam_time, e.exam_time + e.data.get("duration_s", 0.0))
        for e in _of(events, "customer_message")
        if e.data["conversation_id"] in calls
    ]
    work = [e.exam_time for e in events if e.type in SCREEN_WORK]
    return any(a < t < b for t in work for a, b in spans)


def _parallel_chats(events: list[Event]) -> bool:
    """A chat message while another chat is open (SIM-2)."""
    open_chats: set[str] = set()
    for e in events:
        if e.type == "chat_opened":
            open_chats.add(e.data["conversation_id"])
        elif e.type == "conversation_closed":
            open_chats.discard(e.data["conversation_id"])
        elif (
            e.type == "message_sent"
            and e.data["conversation_id"] in open_chats
            and len(open_chats) > 1
        ):
            return True
    return False


def _calmed_an_angry_customer(scenario: Scenario, events: list[Event]) -> bool:
    angry = {c.id for c in scenario.customers if c.mood.value == "angry"}
    return any(
        e.data["customer_id"] in angry and MOOD_RANK[e.data["mood"]] < 2
        for e in _of(events, "mood_changed")
    )


def _kb_before_answer(scenario: Scenario, state: ExamState, events: list[Event]) -> bool:
    opened = {e.data["article_id"]: e.exam_time for e in _of(events, "kb_article_opened")}
    for ticket in state.tickets.values():
        if ticket.incident_id is None or ticket.resolved_at is None:
            continue
        answer = scenario.incident(ticket.incident_id).answer
        article = answer.fitting_option.kb_article if answer.fitting_option else answer.kb_article
        if article not in opened or opened[article] > ticket.resolved_at:
            return False
    return bool(opened)


def _solutions_given(scenario: Scenario, state: ExamState) -> bool:
    resolved = [t for t in state.tickets.values() if t.incident_id and t.solution]
    return bool(resolved) and all(
        dialogue.first_match(
            dialogue.solution_patterns(scenario.incident(t.incident_id)),
            t.solution or "",
            scenario.language,
        )
        for t in resolved
    )


def _fitting_options(scenario: Scenario, state: ExamState) -> bool:
    with_options = [
        t
        for t in state.tickets.values()
        if t.incident_id and scenario.incident(t.incident_id).answer.options
    ]
    return bool(with_options) and all(
        t.solution == scenario.incident(t.incident_id or "").answer.fitting_option.text  # type: ignore[union-attr]
        for t in with_options
    )


def _by_priority(state: ExamState, events: list[Event]) -> bool:
    """Nothing of lower priority was taken in hand while a higher one waited untouched."""
    touched: set[str] = set()
    for e in events:
        ticket_id = e.data.get("ticket_id")
        if e.kind.value != "command" or not isinstance(ticket_id, str) or ticket_id in touched:
            continue
        mine = state.tickets[ticket_id].priority or "P9"
        waiting = [
            t for t in state.tickets.values()
            if t.id not in touched and t.created_at <= e.exam_time and (t.priority or "P9") < mine
            and t.first_response_at is None and t.source != "candidate"
        ]  # fmt: skip
        if waiting:
            return False
        touched.add(ticket_id)
    return bool(touched)


def _progress_updates(scenario: Scenario, events: list[Event]) -> bool:
    lang = scenario.language
    return any(
        dialogue.intent_in("progress", e.data["text"], lang)
        for e in _of(events, "message_sent", "ticket_reply_added")
    )


def _greets_first(scenario: Scenario, state: ExamState) -> bool:
    """Every conversation opens with the procedure's first step (the greeting)."""
    greet = scenario.procedures[0].steps[0].patterns
    firsts = [
        next((m.text for m in c.messages if m.author == "candidate"), None)
        for c in state.conversations.values()
        if not c.id.endswith("-news")
    ]
    lang = scenario.language
    return bool(firsts) and all(
        t is not None and dialogue.first_match(greet, t, lang) for t in firsts
    )


def checks(result: RunResult, scenario: Scenario) -> dict[str, Callable[[], bool]]:
    """Per competency id, a check of the run's log."""
    st, ev = result.state, result.events
    sent = _of(ev, "message_sent")
    novices = {c.id for c in st.customers.values() if c.technical_level == "novice"}
    return {
        "SIM-1": lambda: _during_speech(ev),
        "SIM-2": lambda: _parallel_chats(ev),
        "SIM-3": lambda: _during_speech(ev),
        "DATA-1": lambda: bool(_of(ev, "ticket_created")),
        "DATA-2": lambda: bool(_of(ev, "ticket_updated", "note_added")),
        "DATA-3": lambda: bool(_of(ev, "ticket_transferred")),
        "DATA-4": lambda: bool(_of(ev, "ticket_closed")),
        "DATA-5": lambda: (
            bool(_of(ev, "kb_searched"))
            and any("canned_id" in e.data for e in sent)
            and bool(_of(ev, "ticket_linked"))
        ),
        "COM-1": lambda: _greets_first(scenario, st),
        "COM-2": lambda: bool(_flags(st, "COM-2")),
        "COM-3": lambda: bool(sent) and not _flags(st, "COM-3"),
        "COM-4": lambda: bool(_flags(st, "COM-4")),
        "COM-5": lambda: (
            any(st.conversations[e.data["conversation_id"]].customer_id in novices for e in sent)
            and not _flags(st, "COM-5")
        ),
        "COM-6": lambda: _calmed_an_angry_customer(scenario, ev),
        "SOL-1": lambda: _kb_before_answer(scenario, st, ev),
        "SOL-2": lambda: _kb_before_answer(scenario, st, ev),
        "SOL-3": lambda: not result.breached_tickets,
        "SOL-4": lambda: _by_priority(st, ev),
        "SOL-5": lambda: bool(_flags(st, "SOL-5")),
        "SOL-6": lambda: _progress_updates(scenario, ev),
        "SOL-7": lambda: _solutions_given(scenario, st),
        "SOL-8": lambda: _fitting_options(scenario, st),
    }


def missing(result: RunResult, scenario: Scenario) -> list[str]:
    """The competency ids whose check fails."""
    return [cid for cid, check in checks(result, scenario).items() if not check()]
