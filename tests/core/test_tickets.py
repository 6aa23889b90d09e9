"""The ticket lifecycle: new -> open -> pending -> resolved -> closed, and transfers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import check
from helpdesk_tui.core.state import ExamState, TicketStatus

from .kit import created, email, ev, fold, then

Payload = Callable[..., dict[str, Any]]
S = TicketStatus

# How to bring T-1 (an e-mail ticket) into each status, starting at exam time 10.
TO_STATUS: dict[TicketStatus, list[Event]] = {
    S.NEW: [],
    S.OPEN: [ev("ticket_opened", 10, ticket_id="T-1")],
    S.PENDING_CUSTOMER: [ev("ticket_pending", 10, ticket_id="T-1", waiting_on="customer")],
    S.PENDING_THIRD_PARTY: [ev("ticket_pending", 10, ticket_id="T-1", waiting_on="third_party")],
    S.TRANSFERRED: [
        ev("ticket_transferred", 10, ticket_id="T-1", group="network", reason="Switch port dead")
    ],
    S.RESOLVED: [ev("ticket_resolved", 10, ticket_id="T-1", solution="Rebooted")],
    S.CLOSED: [
        ev("ticket_resolved", 10, ticket_id="T-1", solution="Rebooted"),
        ev("ticket_closed", 11, ticket_id="T-1"),
    ],
}

COMMANDS: dict[str, dict[str, Any]] = {
    "ticket_opened": {},
    "ticket_pending": {"waiting_on": "customer"},
    "ticket_transferred": {"group": "workplace", "reason": "Needs a new desk phone"},
    "ticket_resolved": {"solution": "Cleared the queue"},
    "ticket_reopened": {"reason": "Customer says it is back"},
    "ticket_closed": {},
}

# The lifecycle, written out: which command may leave which status.
ALLOWED = {
    "ticket_opened": {S.NEW, S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY, S.TRANSFERRED},
    "ticket_pending": {S.NEW, S.OPEN, S.TRANSFERRED},
    "ticket_transferred": {S.NEW, S.OPEN, S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY},
    "ticket_resolved": {S.NEW, S.OPEN, S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY, S.TRANSFERRED},
    "ticket_reopened": {S.RESOLVED},
    "ticket_closed": {S.RESOLVED},
}
RESULT = {
    "ticket_opened": S.OPEN,
    "ticket_pending": S.PENDING_CUSTOMER,
    "ticket_transferred": S.TRANSFERRED,
    "ticket_resolved": S.RESOLVED,
    "ticket_reopened": S.OPEN,
    "ticket_closed": S.CLOSED,
}


def ticket_in(payload: dict[str, Any], status: TicketStatus) -> ExamState:
    state = fold(payload, email("T-1", 5), *TO_STATUS[status])
    assert state.tickets["T-1"].status == status
    return state


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_lifecycle(session_started_data: Payload, command: str, status: TicketStatus) -> None:
    state = ticket_in(session_started_data(), status)
    event = ev(command, 20, ticket_id="T-1", **COMMANDS[command])
    reason = check(state, event)
    if status in ALLOWED[command]:
        assert reason is None
        then(state, event)
        assert state.tickets["T-1"].status == RESULT[command]
    else:
        assert reason is not None
        assert ("is closed" in reason) if status == S.CLOSED else (f"is {status.value}" in reason)


def test_a_ticket_from_start_to_finish(session_started_data: Payload) -> None:
    state = fold(session_started_data(), email("T-1", 5, incident_id="inc-printer"))
    t = state.tickets["T-1"]
    assert (t.status, t.source, t.created_at, t.incident_id) == (S.NEW, "email", 5.0, "inc-printer")
    assert t.is_active
    then(
        state,
        ev("ticket_opened", 30, ticket_id="T-1"),
        ev(
            "ticket_updated",
            40,
            ticket_id="T-1",
            changes={"category": "hardware", "impact": "medium", "urgency": "high"},
        ),
        ev("ticket_reply_added", 50, ticket_id="T-1", text="Is the printer on?"),
        ev("ticket_pending", 55, ticket_id="T-1", waiting_on="customer", reason="asked"),
    )
    assert (t.status, t.waiting_on, t.category, t.priority) == (
        S.PENDING_CUSTOMER,
        "customer",
        "hardware",
        "P2",
    )
    then(
        state,
        ev("ticket_opened", 90, ticket_id="T-1"),
        ev("note_added", 95, ticket_id="T-1", text="Customer confirmed it is on"),
        ev(
            "ticket_resolved", 120, ticket_id="T-1", solution="Cleared the jam", kb_article="KB-002"
        ),
    )
    assert (t.status, t.waiting_on, t.solution, t.solution_article) == (
        S.RESOLVED,
        None,
        "Cleared the jam",
        "KB-002",
    )
    assert t.kb_articles == ["KB-002"]
    assert t.resolved_at == 120.0
    assert t.is_active is False
    then(state, ev("ticket_closed", 200, ticket_id="T-1"))
    assert (t.status, t.closed_at) == (S.CLOSED, 200.0)
    assert [h.type for h in t.history] == [
        "email_received",
        "ticket_opened",
        "ticket_updated",
        "ticket_reply_added",
        "ticket_pending",
        "ticket_opened",
        "note_added",
        "ticket_resolved",
        "ticket_closed",
    ]
    assert [h.seq for h in t.history] == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert t.history[2].summary == "updated: category=hardware, impact=medium, urgency=high"
    assert t.updated_at == 200.0


def test_a_created_ticket_is_open_at_once_with_the_matrix_priority(
    session_started_data: Payload,
) -> None:
    state = fold(
        session_started_data(),
        created(
            "T-1001", 60, impact="high", urgency="medium", category="access", description="VPN"
        ),
    )
    t = state.tickets["T-1001"]
    assert (t.status, t.source, t.priority, t.description) == (S.OPEN, "candidate", "P2", "VPN")
    assert t.history[0].summary == "created: Printer jams"
    assert state.ticket_counter == 1


def test_without_impact_and_urgency_there_is_no_priority(session_started_data: Payload) -> None:
    state = fold(session_started_data(), email("T-1", 5))
    assert state.tickets["T-1"].priority is None
    then(state, ev("ticket_updated", 6, ticket_id="T-1", changes={"impact": "low"}))
    assert state.tickets["T-1"].priority is None
    then(state, ev("ticket_updated", 7, ticket_id="T-1", changes={"urgency": "high"}))
    assert state.tickets["T-1"].priority == "P3"


def test_a_priority_override_needs_a_reason_and_outlives_later_changes(
    session_started_data: Payload,
) -> None:
    state = fold(session_started_data(), created("T-1", 5, impact="low", urgency="low"))
    t = state.tickets["T-1"]
    assert t.priority == "P4"
    then(
        state,
        ev(
            "ticket_updated",
            10,
            ticket_id="T-1",
            changes={},
            priority_override="P1",
            override_reason="The CEO cannot print",
        ),
    )
    assert (t.priority, t.priority_override_reason) == ("P1", "The CEO cannot print")
    assert t.history[-1].summary == "updated: priority=P1 (The CEO cannot print)"
    then(state, ev("ticket_updated", 20, ticket_id="T-1", changes={"impact": "medium"}))
    assert t.priority == "P1"  # the override stands
    then(state, ev("ticket_updated", 30, ticket_id="T-1", changes={}, priority_override=None))
    assert (t.priority, t.priority_override_reason) == ("P4", None)  # medium x low


def test_a_transfer_hands_the_ticket_to_a_group(session_started_data: Payload) -> None:
    state = fold(
        session_started_data(),
        email("T-1", 5),
        ev("ticket_transferred", 10, ticket_id="T-1", group="network", reason="Switch port dead"),
    )
    t = state.tickets["T-1"]
    assert (t.status, t.group) == (S.TRANSFERRED, "network")
    assert t.history[-1].summary == "transferred to network: Switch port dead"
    then(state, ev("second_line_reply", 50, ticket_id="T-1", group="network", text="Port fixed"))
    assert t.second_line == [(50.0, "network", "Port fixed")]
    assert t.status == S.TRANSFERRED


def test_replies_are_public_and_notes_internal(session_started_data: Payload) -> None:
    state = fold(
        session_started_data(),
        email("T-1", 5),
        ev("note_added", 10, ticket_id="T-1", text="Probably the toner"),
    )
    t = state.tickets["T-1"]
    assert t.notes == [(10.0, "Probably the toner")]
    assert t.first_response_at is None and t.status == S.NEW  # a note answers nobody
    then(state, ev("ticket_reply_added", 20, ticket_id="T-1", text="We are on it"))
    assert t.replies == [(20.0, "We are on it")]
    assert (t.first_response_at, t.last_response_at, t.status) == (20.0, 20.0, S.OPEN)
    then(state, ev("ticket_reply_added", 30, ticket_id="T-1", text="Fixed?"))
    assert (t.first_response_at, t.last_response_at) == (20.0, 30.0)


def test_a_reopened_ticket_runs_again(session_started_data: Payload) -> None:
    state = ticket_in(session_started_data(), S.RESOLVED)
    then(state, ev("ticket_reopened", 40, ticket_id="T-1", reason="Jammed again"))
    t = state.tickets["T-1"]
    assert (t.status, t.resolved_at) == (S.OPEN, None)
    assert t.solution == "Rebooted"  # the old solution stays on record


def test_links_to_conversations_and_articles_go_both_ways(session_started_data: Payload) -> None:
    state = fold(
        session_started_data(),
        ev("chat_opened", 1, conversation_id="chat-1", customer_id="c-ann", incident_id="inc-7"),
        email("T-1", 5),
        ev("ticket_linked", 10, ticket_id="T-1", conversation_id="chat-1", kb_article="KB-001"),
    )
    t, chat = state.tickets["T-1"], state.conversations["chat-1"]
    assert t.conversation_ids == ["chat-1"] and chat.ticket_ids == ["T-1"]
    assert t.kb_articles == ["KB-001"]
    assert t.incident_id == "inc-7"
    assert [h.summary for h in t.history[-2:]] == [
        "linked to conversation chat-1",
        "linked to article KB-001",
    ]
    assert t.first_response_at is None  # the candidate has not said anything in the chat
    then(
        state,
        ev("message_sent", 15, conversation_id="chat-1", text="Hello"),
        ev("ticket_linked", 20, ticket_id="T-1", conversation_id="chat-1", kb_article="KB-002"),
    )
    assert t.conversation_ids == ["chat-1"] and chat.ticket_ids == ["T-1"]
    assert t.kb_articles == ["KB-001", "KB-002"]
    assert t.history[-1].summary == "linked to article KB-002"  # the chat was linked already
    assert t.last_response_at == 15.0  # answered by the message, not again by the link


def test_a_ticket_made_from_a_chat_is_answered_by_the_chat(session_started_data: Payload) -> None:
    state = fold(
        session_started_data(),
        ev("chat_opened", 1, conversation_id="chat-1", customer_id="c-ann"),
        ev("message_sent", 3, conversation_id="chat-1", text="Hello, how can I help?"),
        created("T-1", 20, conversation_id="chat-1"),
    )
    t = state.tickets["T-1"]
    assert t.conversation_ids == ["chat-1"]
    assert t.first_response_at == 20.0
    then(state, ev("message_sent", 40, conversation_id="chat-1", text="Try again now"))
    assert t.last_response_at == 40.0


def test_chat_messages_answer_open_linked_tickets_only(session_started_data: Payload) -> None:
    state = fold(
        session_started_data(),
        ev("chat_opened", 1, conversation_id="chat-1", customer_id="c-ann"),
        email("T-1", 2),
        email("T-2", 2),
        ev("ticket_linked", 3, ticket_id="T-1", conversation_id="chat-1"),
        ev("ticket_linked", 3, ticket_id="T-2", conversation_id="chat-1"),
        ev("ticket_resolved", 4, ticket_id="T-2", solution="Duplicate"),
        ev("message_sent", 10, conversation_id="chat-1", text="Looking into it"),
    )
    assert state.tickets["T-1"].last_response_at == 10.0
    assert state.tickets["T-2"].last_response_at == 4.0


def test_a_customer_answering_reopens_a_ticket_pending_on_them(
    session_started_data: Payload,
) -> None:
    state = fold(
        session_started_data(),
        ev("chat_opened", 1, conversation_id="chat-1", customer_id="c-ann"),
        email("T-1", 2),
        email("T-2", 2),
        ev("ticket_linked", 3, ticket_id="T-1", conversation_id="chat-1"),
        ev("ticket_linked", 3, ticket_id="T-2", conversation_id="chat-1"),
        ev("message_sent", 5, conversation_id="chat-1", text="Could you switch it on?"),
        ev("ticket_pending", 10, ticket_id="T-1", waiting_on="customer"),
        ev("ticket_pending", 10, ticket_id="T-2", waiting_on="third_party"),
        ev("customer_message", 50, conversation_id="chat-1", text="It is on now"),
    )
    t1, t2 = state.tickets["T-1"], state.tickets["T-2"]
    assert (t1.status, t1.waiting_on) == (S.OPEN, None)
    assert t1.history[-1].summary == "open again: the customer answered"
    assert t1.pauses == [(10.0, 50.0)]
    assert t2.status == S.PENDING_THIRD_PARTY  # still waiting on the second line
    then(state, ev("second_line_reply", 60, ticket_id="T-2", group="network", text="Done"))
    assert (t2.status, t2.waiting_on) == (S.OPEN, None)
    assert t2.history[-1].summary == "open again: the third party answered"


def test_tickets_already_in_the_queue(session_started_data: Payload) -> None:
    def preloaded(tid: str, **extra: Any) -> Event:
        return ev(
            "ticket_preloaded",
            0,
            ticket_id=tid,
            customer_id="c-bob",
            title="Old",
            description="From yesterday",
            **{"created_at": -3600, **extra},
        )

    state = fold(
        session_started_data(),
        preloaded("Q-1", impact="high", urgency="high", category="hardware"),
        preloaded("Q-2", status="pending_third_party", group="network"),
        preloaded("Q-3", status="resolved"),
        preloaded("Q-4", status="closed"),
    )
    q1, q2, q3, q4 = (state.tickets[f"Q-{i}"] for i in range(1, 5))
    assert (q1.status, q1.priority, q1.source, q1.created_at) == (S.NEW, "P1", "queue", -3600.0)
    assert q1.history[0].summary == "waiting in the queue since 60 min before the start: Old"
    assert q2.history[0].summary == "waiting in the queue since 60 min before the start: Old"
    fresh = fold(session_started_data(), preloaded("Q-5", created_at=-20.0))
    assert fresh.tickets["Q-5"].history[0].summary == "in the queue at the start: Old"
    assert (q2.status, q2.waiting_on, q2.group) == (S.PENDING_THIRD_PARTY, "third_party", "network")
    assert q2.pauses == [(-3600.0, None)]
    assert (q3.status, q3.resolved_at, q3.first_response_at) == (S.RESOLVED, -3600.0, -3600.0)
    assert (q4.status, q4.resolved_at, q4.closed_at) == (S.CLOSED, -3600.0, -3600.0)
