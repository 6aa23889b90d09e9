"""`forger` (branch evid20): a cheater written blind from the published documents.

What it claims to be, checked on a bundled scenario: it never reads the answer key, a hidden
fact, a dialogue rule or the glossary (the scenario it is given raises when those are
touched); it says no sentence of its own word for word to three customers (the rules' template
check would see that); and it closes with notes of fewer than six words of its own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.gaming_forger import ForgerPolicy
from helpdesk_tui.simulate.runner import run_headless

FORBIDDEN = ("incidents", "incident", "glossary")
"""What a candidate's screen never shows: the answer key, the customers' scripts, the glossary."""


class Blind:
    """The scenario as a candidate sees it: touching what the screen does not show fails."""

    def __init__(self, scenario: Any) -> None:
        self._scenario = scenario

    def __getattr__(self, name: str) -> Any:
        if name in FORBIDDEN:
            raise AssertionError(f"forger read scenario.{name}")
        return getattr(self._scenario, name)


@pytest.fixture(scope="module")
def run():
    scenario = load_scenario(paths.scenarios_dir() / "nl-verhaeghe-dinsdag")
    return run_headless(scenario, ForgerPolicy(Blind(scenario)))  # type: ignore[arg-type]


def test_blind_scenario_refuses_the_answer_key() -> None:
    scenario = load_scenario(paths.scenarios_dir() / "nl-verhaeghe-dinsdag")
    with pytest.raises(AssertionError):
        _ = Blind(scenario).incidents


def test_forger_plays_the_scenario_without_the_answer_key(run) -> None:
    types = {e.type for e in run.events}
    assert {"message_sent", "ticket_created", "ticket_resolved", "ticket_closed"} <= types
    assert run.refused == 0, run.notes


def test_no_own_sentence_reaches_three_customers(run) -> None:
    customer_of = {c.id: c.customer_id for c in run.state.conversations.values()}
    told: dict[str, set[str]] = defaultdict(set)
    for e in run.events:
        if e.type == "message_sent" and "canned_id" not in e.data:
            told[e.data["text"]].add(customer_of[e.data["conversation_id"]])
    assert not [t for t, who in told.items() if len(who) >= 3]


def test_resolutions_are_notes_of_under_six_words_of_its_own(run) -> None:
    notes = [e.data["solution"] for e in run.events if e.type == "ticket_resolved"]
    assert notes
    for note in notes:
        # name, two of the customer's words, "opgelost", the article id
        assert len(note.split()) <= 5, note
