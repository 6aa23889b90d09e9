"""`savvy`, the cheater who read the published rules, plays without the answer key."""

from __future__ import annotations

from collections import Counter

from helpdesk_tui.simulate.gaming_savvy import SavvyPolicy
from helpdesk_tui.simulate.runner import run_headless
from simulate.kit import make_scenario
from simulate.test_gaming import ScreenOnly


def test_savvy_plays_a_whole_exam_without_the_answer_key() -> None:
    scenario = make_scenario()
    result = run_headless(scenario, SavvyPolicy(ScreenOnly(scenario)))  # type: ignore[arg-type]
    commands = [e for e in result.events if e.kind.value == "command"]
    assert result.state.ended and len(commands) > 20
    assert result.refused == 0


def test_savvy_never_sends_one_text_to_three_customers() -> None:
    result = run_headless(make_scenario(), "savvy")
    to_whom: dict[str, set[str]] = {}
    for e in result.events:
        if e.type == "message_sent" and "canned_id" not in e.data:
            conv = result.state.conversations[e.data["conversation_id"]]
            to_whom.setdefault(e.data["text"], set()).add(conv.customer_id)
    assert to_whom and max(len(c) for c in to_whom.values()) < 3


def test_savvy_never_interrupts_a_customer() -> None:
    result = run_headless(make_scenario(), "savvy")
    sent = Counter(
        e.data.get("interrupted", False) for e in result.events if e.type == "message_sent"
    )
    assert sent[False] > 5 and sent[True] == 0
