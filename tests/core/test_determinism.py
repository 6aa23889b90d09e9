"""The log is the truth: the same events always fold to the same state, through JSON too."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from helpdesk_tui.core.events import EVENT_SPECS, Event
from helpdesk_tui.core.reducer import reduce
from helpdesk_tui.core.sla import ticket_sla

from .kit import created, email, ev

Payload = Callable[..., dict[str, Any]]


def whole_exam(payload: dict[str, Any]) -> list[Event]:
    """A short exam that uses every event type at least once."""
    return [
        ev("session_started", 0, **payload),
        ev(
            "ticket_preloaded",
            0,
            ticket_id="Q-1",
            customer_id="c-bob",
            title="Monitor flickers",
            description="Since Monday",
            created_at=-1800,
            impact="low",
            urgency="medium",
            category="hardware",
            status="open",
            incident_id="inc-monitor",
        ),
        ev("chat_opened", 5, conversation_id="chat-1", customer_id="c-ann", subject="Printer"),
        ev("customer_typing", 6, conversation_id="chat-1", duration_s=4),
        ev("customer_message", 10, conversation_id="chat-1", text="The printer jams", rule_id="r1"),
        ev("focus_moved", 12, area="conversation", target="chat-1"),
        ev("message_sent", 20, conversation_id="chat-1", text="Which printer?", canned_id="ask"),
        ev("kb_searched", 25, query="printer jam", results=["KB-001", "KB-002"]),
        ev("kb_article_opened", 27, article_id="KB-002"),
        created(
            "T-1001",
            30,
            category="hardware",
            impact="medium",
            urgency="medium",
            conversation_id="chat-1",
        ),
        ev("ticket_linked", 31, ticket_id="T-1001", kb_article="KB-002"),
        ev("note_added", 32, ticket_id="T-1001", text="Tray 2"),
        ev("ticket_pending", 33, ticket_id="T-1001", waiting_on="customer"),
        ev("customer_message", 90, conversation_id="chat-1", text="Tried it, still jams"),
        ev("conversation_closed", 95, conversation_id="chat-1"),
        ev(
            "mood_changed",
            96,
            customer_id="c-ann",
            mood="irritated",
            cause="still broken",
            score=-1,
        ),
        ev("call_started", 100, conversation_id="call-1", customer_id="c-bob", incident_id="inc-x"),
        ev(
            "message_sent",
            101,
            conversation_id="call-1",
            text="Service desk, hello",
            interrupted=False,
        ),
        ev("call_ended", 140, conversation_id="call-1", by="customer"),
        email("T-2", 150, customer="c-bob", incident_id="inc-vpn"),
        ev("ticket_opened", 160, ticket_id="T-2"),
        ev(
            "ticket_updated",
            170,
            ticket_id="T-2",
            changes={"impact": "high", "urgency": "high", "category": "access"},
        ),
        ev("ticket_reply_added", 175, ticket_id="T-2", text="We are looking into it"),
        ev("ticket_transferred", 180, ticket_id="T-2", group="network", reason="VPN concentrator"),
        ev(
            "second_line_reply",
            400,
            ticket_id="T-2",
            group="network",
            text="Restarted",
            question=False,
        ),
        ev(
            "notice_shown",
            401,
            ref_seq=25,
            msgid="{group} replied on {ticket}",
            values={"group": "Network team", "ticket": "T-2"},
            ticket_id="T-2",
        ),
        ev("ticket_opened", 410, ticket_id="T-2"),
        ev("ticket_resolved", 420, ticket_id="T-2", solution="VPN restarted", kb_article="KB-003"),
        ev("ticket_reopened", 430, ticket_id="T-2", reason="Down again"),
        ev("customer_email", 430.5, ticket_id="T-2", text="Still down, any news?", kind="chase"),
        ev(
            "ticket_updated",
            431,
            ticket_id="T-2",
            changes={},
            priority_override="P2",
            override_reason="Workaround exists",
        ),
        ev("ticket_resolved", 440, ticket_id="T-2", solution="Replaced the certificate"),
        ev("ticket_closed", 450, ticket_id="T-2"),
        ev("form_cancelled", 455, form="transfer", target="T-1001"),
        ev("hint_requested", 456, ticket_id="T-1001", hint="Look at tray 2"),
        ev(
            "evidence_flagged",
            457,
            flag="empathy",
            competency="C2",
            reason="acknowledged",
            ref_seq=7,
        ),
        ev("speed_changed", 460, speed=2),
        ev("session_paused", 470, reason="instructor"),
        ev("disk_fault", 471, message="write failed", recovered_after_s=2),
        ev("session_resumed", 471, reason="instructor", downtime_s=60),
        ev("lockdown_key_blocked", 480, key="ctrl+z"),
        ev("session_ended", 500, reason="completed"),
    ]


def test_the_script_uses_every_event_type(session_started_data: Payload) -> None:
    assert {e.type for e in whole_exam(session_started_data())} == set(EVENT_SPECS)


def test_the_same_events_always_give_the_same_state(session_started_data: Payload) -> None:
    events = whole_exam(session_started_data())
    first, second = reduce(events), reduce(events)
    assert first is not second
    assert first == second
    assert first.ended and first.end_reason == "completed"
    assert first.tickets["T-2"].status == "closed"
    assert first.tickets["T-1001"].status == "open"  # the customer answered in the chat


def test_a_fold_of_events_read_back_from_json_lines_equals_the_original(
    session_started_data: Payload,
) -> None:
    events = whole_exam(session_started_data())
    lines = "\n".join(json.dumps(e.to_dict(), allow_nan=False) for e in events)
    back = [Event.from_dict(json.loads(line)) for line in lines.splitlines()]
    assert back == events
    original, replayed = reduce(events), reduce(back)
    assert replayed == original
    profile = original.sla_profile
    assert profile is not None and replayed.sla_profile == profile
    for ticket_id, ticket in original.tickets.items():
        for now in (0.0, 250.0, 500.0):
            assert ticket_sla(replayed.tickets[ticket_id], profile, now) == ticket_sla(
                ticket, profile, now
            )


def test_a_prefix_folds_to_the_state_the_live_session_had_then(
    session_started_data: Payload,
) -> None:
    """Resume after a crash: folding the first n events gives what the state was after n."""
    events = whole_exam(session_started_data())
    live = reduce(events[:1])
    for n in range(2, len(events) + 1):
        reduce(events[n - 1 : n], live)
        assert reduce(events[:n]) == live
