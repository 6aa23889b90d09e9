"""How often an exam gives the candidate a chance to show each competency.

The standard asks that all 22 competencies be *proven* in one observation. One
chance per competency lets one slip, or one misread sentence, decide it; an
exam scenario therefore offers each competency at least three times, with
different customers (docs/authoring-exams.md). Counted from the scenario
itself, before anyone sits it: each incident names the competencies it
observes, and its customer makes the chance distinct.
"""

from __future__ import annotations

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.scenario._check import At
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.errors import Problem
from helpdesk_tui.scenario.model import Scenario

MIN_EXAM_OBSERVATIONS = 3
"""Distinct customers per competency an exam scenario must offer."""


def opportunities(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """Competency id -> the customers whose incidents observe it (sorted, each once)."""
    found: dict[str, set[str]] = {cid: set() for cid in COMPETENCY_IDS}
    for incident in scenario.incidents:
        for cid in incident.competencies:
            found.setdefault(cid, set()).add(incident.customer)
    return {cid: tuple(sorted(customers)) for cid, customers in found.items()}


def exam_problems(scenario: Scenario, minimum: int = MIN_EXAM_OBSERVATIONS) -> list[Problem]:
    """An error for each competency the scenario observes on fewer than `minimum` customers."""
    problems = []
    for cid, customers in opportunities(scenario).items():
        if len(customers) >= minimum:
            continue
        shown = ", ".join(customers) if customers else Phrase("none")
        problems.append(
            Problem(
                scenario.scenario_file,
                At().key("incidents").label,
                None,
                Phrase(
                    (
                        "{cid} is observed with {count} customer ({shown}) — an exam needs at "
                        "least {least}: add {cid} to the competencies of incidents of {more} more "
                        "customer(s) that really let the candidate show it"
                    )
                    if len(customers) == 1
                    else (
                        "{cid} is observed with {count} customers ({shown}) — an exam needs at "
                        "least {least}: add {cid} to the competencies of incidents of {more} more "
                        "customer(s) that really let the candidate show it"
                    ),
                    cid=cid,
                    count=len(customers),
                    shown=shown,
                    least=minimum,
                    more=minimum - len(customers),
                ),
            )
        )
    return problems
