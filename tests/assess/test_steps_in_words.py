"""Rules 2.4 (branch evid13): the closing question read as the customer reads it (COM-1, SOL-1),
and a restatement that invites the customer to add something (COM-4).

The test scenario's contact procedure (tests/assess/fixtures) ends on the closing question
(pattern "anything else"), after the solution. In the ideal exam, Anna's chat asks it once, at
125 s ("Is there anything else I can do for you?", the canned closing). A message before the
solution that shares its words but asks about the problem, or completes a restatement, is not
the closing question (COM-1 "asks whether the customer needs anything else", docs/assessment.md),
so the step stays at 125 s and the contact stays in order. The wordings are not the fifth phrase
bank's.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.scenario.model import Scenario

from .kit import ideal_steps, play
from .test_evidence import one
from .test_in_context import com4_after_fact


def contact_with(scenario: Scenario, text: str) -> dict:
    """COM-1's figures for Anna's chat, with `text` sent after she named her printer (97 s)."""
    steps = [*ideal_steps(), (97, "message_sent", {"conversation_id": "chat-1", "text": text})]
    evidence = gather_evidence(play(scenario, steps, end_at=900), scenario)
    return one(evidence, "COM-1", "contact_steps", "printer-blank").figures


def closing_at(figures: dict) -> float | None:
    return next(s["at"] for s in figures["steps"] if s["id"] == "close")


@pytest.mark.parametrize(
    "text",
    [
        "Is there anything else on the display, what does it say exactly?",
        "Could I ask something else about it: which tray are you printing from?",
        "So the LaserJet 4250 by your desk prints blank pages. Is there anything more I missed?",
        "The HP 4250 next to the desk gives empty pages; is that right, or is there anything more "
        "you want to add?",
    ],
)
def test_the_closing_words_in_another_act_are_not_the_closing_question(
    scenario: Scenario, text: str
) -> None:
    figures = contact_with(scenario, text)
    assert closing_at(figures) == 125.0
    assert figures["out_of_order"] == []


def test_the_closing_question_asked_early_is_still_found_early(scenario: Scenario) -> None:
    """The rule must not hide a real closing question: asked before the solution, it is out of
    order (the step is found at 97 s)."""
    figures = contact_with(scenario, "Is there anything else I can do for you?")
    assert closing_at(figures) == 97.0


@pytest.mark.parametrize(
    "text",
    [
        "Your HP LaserJet 4250 by the desk only gives empty pages; is that a fair summary, or is "
        "there anything you would like to add?",
        "Anna, the LaserJet 4250 at your desk only prints empty pages. Is there anything you would "
        "like to add?",
    ],
)
def test_a_restatement_inviting_additions_is_credited(scenario: Scenario, text: str) -> None:
    item = com4_after_fact(scenario, text)
    assert item.favourable is True and item.figures["restated"] == ["model"]
