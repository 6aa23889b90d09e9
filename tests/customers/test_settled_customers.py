"""A customer whose problem is solved, or who said goodbye, does not nag or ask for
news (issue 14, finding 5: 90 s after "Thanks!" the customer sent "Hello? Is anyone
there? I really need my account back.", and the candidate's answer to it was then
flagged as an interruption). Checked by simulation on every bundled scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import by_scenario

from helpdesk_tui import paths
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.session_setup import session_started_data
from helpdesk_tui.simulate.runner import RunResult

BUNDLED = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())
SETTLING = ("ack", "closing")
"""Kinds of a customer's reply that end their wait: 'works' is an ack, 'goodbye' a closing."""
NAGGING = ("follow_up", "news_request")
"""Kinds of an unprompted message: a reminder that they are waiting, a request for news."""


def settled_then_nagged(events: list) -> list[str]:  # type: ignore[type-arg]
    """Every nag or news request in a conversation after its customer was content."""
    settled: dict[str, float] = {}
    by_conversation: dict[str, str] = {}
    found = []
    for event in events:
        if event.type in ("chat_opened", "call_started"):
            by_conversation[event.data["conversation_id"]] = event.data.get("incident_id", "")
        if event.type != "customer_message":
            continue
        incident = by_conversation.get(event.data["conversation_id"], "")
        kind = event.data.get("kind", "")
        if kind in NAGGING and incident in settled:
            found.append(f"{event.exam_time:.0f}s {incident}: {event.data['text']}")
        if kind in SETTLING:
            settled.setdefault(incident, event.exam_time)
    return found


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_the_ideal_run_has_no_nag_after_works_or_goodbye(
    folder: Path, bundled_runs: dict[tuple[str, str], RunResult]
) -> None:
    """The ideal run `bundled_runs` made for tests/simulate (in the scenario's xdist group:
    played once per suite, not again here; it reads only types, exam times and texts)."""
    result = bundled_runs[(folder.name, "ideal")]
    assert settled_then_nagged(result.events) == []


def test_thanks_with_a_question_mark_after_the_fix_is_not_a_wait() -> None:
    """The finding itself: Tom's thanks after the fix contains a '?', so the simulation
    took it as a question, and 90 s later he asked whether anyone was there."""
    folder = next(p for p in BUNDLED if p.name == "en-northwind-monday")
    scenario = load_scenario(folder)
    clock = ManualClock()
    sink = MemorySink()
    session = ExamSession(
        clock, sink, Simulation(scenario), wall_clock=lambda: "2026-03-02T09:00:00Z"
    )
    session.start(session_started_data(scenario, "practice", "cand", "sess"))
    clock.advance(150)
    session.tick()
    chat = "C-tom-lockout"
    session.submit(
        "message_sent",
        {
            "conversation_id": chat,
            "text": "Please enter the new password in the mail app on your phone.",
        },
    )
    for _ in range(60):  # ten minutes of silence from the candidate
        clock.advance(10)
        session.tick()
    said = [
        (e.data.get("kind"), e.data["text"])
        for e in sink.events
        if e.type == "customer_message" and e.data["conversation_id"] == chat
    ]
    thanks = next(i for i, (_k, text) in enumerate(said) if "Thanks!" in text)
    assert [k for k, _t in said[thanks + 1 :] if k in NAGGING] == []
    waited = [
        e
        for e in sink.events
        if e.type == "mood_changed"
        and e.data["customer_id"] == "tom"
        and "waited" in e.data["cause"]
    ]
    assert waited == []
