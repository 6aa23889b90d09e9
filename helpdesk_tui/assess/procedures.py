"""Procedure steps found in a case: in the candidate's words (patterns) or actions (events).

COM-1 looks at the steps said to the customer (greeting, identification,
closing question); SOL-1 at every step of the category's procedure. Both use
the first time each step shows, so "in order" means each step first appeared
after the steps the procedure puts before it.
"""

from __future__ import annotations

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.model import ProcedureCheck, StepHit
from helpdesk_tui.scenario.dialogue import first_match
from helpdesk_tui.scenario.model import Procedure, Scenario


def procedure_of(case: Case, scenario: Scenario | None) -> Procedure | None:
    """The procedure of the case's category: the answer key's, else the ticket's."""
    if scenario is None:
        return None
    categories = [case.answer.category] if case.answer else []
    categories += [t.category for t in case.tickets if t.category]
    for category in categories:
        try:
            return scenario.procedure_for(category)
        except KeyError:
            continue
    return None


def check_procedure(case: Case, procedure: Procedure, said_only: bool = False) -> ProcedureCheck:
    """Where each step first shows; `said_only` keeps the steps detected in words."""
    said = case.said()
    hits = []
    for step in procedure.steps:
        if step.patterns:
            found = next((a for a in said if first_match(step.patterns, a.text or "")), None)
        elif said_only:
            continue
        else:
            found = next((a for a in case.actions if a.type in step.events), None)
        hits.append(
            StepHit(step.id, step.label, found.seq if found else None, found.at if found else None)
        )
    return ProcedureCheck(case.id, procedure.id, tuple(hits))
