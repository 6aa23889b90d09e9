"""A customer whose problem is solved, or who said goodbye, does not nag or ask for
news (issue 14, finding 5: 90 s after "Thanks!" the customer sent "Hello? Is anyone
there? I really need my account back.", and the candidate's answer to it was then
flagged as an interruption). Checked by simulation on every bundled scenario."""

from __future__ import annotations

import pytest
from bundled_kit import on_scenario_runs, played

from helpdesk_tui import paths
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import make_event
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.session_setup import session_started_data
from helpdesk_tui.simulate.runner import RunResult

BUNDLED = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())
WORKS = {
    "en": "Yes, it works now. Thank you!",
    "nl": "Ja, het werkt nu. Bedankt!",
    "fr": "Oui, ça marche maintenant. Merci !",
}
"""What a customer says when the check finds it fixed (issue 14: a `works`)."""
NAGGING = ("follow_up", "news_request", "chase")
"""Kinds of an unprompted message: a reminder that they are waiting (the built-in "Hello?
Are you still there?" lines and the scenario's follow-up), a request for news, a chase."""
WALL = "2026-03-02T09:00:00.000Z"
POLICIES = ("ideal", "worded", "worded-b", "worded-c")
"""The policies that solve every case: the ideal and the three phrase banks' wordings."""


def settled_then_nagged(events: list) -> list[str]:  # type: ignore[type-arg]
    """Every nag or news request about an incident after its customer said it works or
    said goodbye (a `works` or a `closing`), in any of its conversations."""
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
        if kind == "closing" or event.data["text"] in WORKS.values():
            settled.setdefault(incident, event.exam_time)
    return found


def test_a_nag_after_works_is_found() -> None:
    """The check itself can fail: a follow-up after "it works" is reported."""
    events = [
        make_event(
            "chat_opened",
            {"conversation_id": "C-a", "customer_id": "x", "incident_id": "a"},
            1.0,
            WALL,
        ),
        make_event(
            "customer_message",
            {"conversation_id": "C-a", "text": WORKS["en"], "kind": "ack"},
            2.0,
            WALL,
        ),
        make_event(
            "customer_message",
            {"conversation_id": "C-a", "text": "Hello? Are you still there?", "kind": "follow_up"},
            90.0,
            WALL,
        ),
    ]
    assert settled_then_nagged(events) == ["90s a: Hello? Are you still there?"]


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), POLICIES))
)
def test_no_nag_after_works_or_goodbye(
    scenario_id: str, policy: str, bundled_runs: dict[tuple[str, str], RunResult]
) -> None:
    """Issue 14's rule for the ideal and every worded policy, on every bundled scenario (on a
    drill the ideal and the bank `bundled_kit.plays_on` gives it): the
    runs `bundled_runs` made for tests/simulate (in the scenario's xdist group: played once
    per suite, not again here; it reads only types, exam times and texts)."""
    result = bundled_runs[(scenario_id, policy)]
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
