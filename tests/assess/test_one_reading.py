"""Rules 2.8 (branch ctx-read1): one reading in context for the customers and the evidence.

A procedure's check step asks "whether it works now" (the label guide, docs/language.md:
`check`), which needs something proposed before it; before any step, "Do you still see the
error?" asks about the problem (a clarifying `question`, rules 2.2). The simulated customer
answers it so ("It's still the same as before."); since 2.8 the procedure's check step reads it
at the same place (`customers.in_context.read_at`), so it is no check step there. The test
scenario's contact procedure gets a check step (its own patterns name none of the wordings
below, so only the act can show it).
"""

from __future__ import annotations

import dataclasses

import pytest

from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.scenario.model import ProcedureStep, Scenario

from .test_evidence import one, run

CHECK = ProcedureStep(id="check", label="Check that it works now", patterns=("works again",))


@pytest.fixture(scope="module")
def checked(scenario: Scenario) -> Scenario:
    procedures = tuple(
        dataclasses.replace(p, steps=(*p.steps, CHECK)) if p.id == "contact" else p
        for p in scenario.procedures
    )
    return dataclasses.replace(scenario, procedures=procedures)


def said(at: float, text: str) -> tuple:
    return (at, "message_sent", {"conversation_id": "chat-1", "text": text})


def check_step(scenario: Scenario, *steps: tuple) -> dict:
    item: EvidenceItem = one(run(scenario, list(steps)), "COM-1", "contact_steps", "printer-blank")
    return next(s for s in item.figures["steps"] if s["id"] == "check")


@pytest.mark.parametrize(
    "text", ["Do you still see the error?", "Are the pages still empty?", "Is it still blank?"]
)
def test_a_check_wording_before_any_step_is_not_the_check_step(
    checked: Scenario, text: str
) -> None:
    assert check_step(checked, said(90, text))["seq"] is None


def test_the_same_wording_after_a_step_is_the_check_step(checked: Scenario) -> None:
    step = check_step(
        checked,
        said(90, "Please switch the printer off and on again."),
        said(120, "Do you still see the error?"),
    )
    assert step["seq"] is not None


@pytest.mark.parametrize(
    ("before", "credited"),
    [
        ("The cause is the sealing tape left on the new toner.", True),  # the key's solution
        ("The printer is quite old.", False),  # neither a step nor the solution
    ],
)
def test_the_keys_solution_told_lets_a_check_follow(
    checked: Scenario, before: str, credited: bool
) -> None:
    """The customer counts the answer key's solution told, in any words, as something to
    check (`Simulation._solved`); the evidence's place does too (`Case.place`)."""
    step = check_step(checked, said(90, before), said(120, "Do you still see the error?"))
    assert (step["seq"] is not None) is credited
