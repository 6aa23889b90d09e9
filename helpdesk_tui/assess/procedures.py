"""Procedure steps found in a case: in the candidate's words (patterns) or actions (events).

COM-1 looks at the steps said to the customer (greeting, identification,
closing question); SOL-1 at every step of the category's procedure. Both use
the first time each step shows, so "in order" means each step first appeared
after the steps the procedure puts before it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.model import ProcedureCheck, StepHit
from helpdesk_tui.assess.texts import tr
from helpdesk_tui.assess.tracker import Action
from helpdesk_tui.assess.wording import sentences
from helpdesk_tui.customers.dialogue import first_match
from helpdesk_tui.customers.telling import telling_acts, tells_in
from helpdesk_tui.scenario.model import Procedure, ProcedureStep, Scenario


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


Shows = Callable[[ProcedureStep, Action, str], bool]
"""Does this action show this step? The evidence rules pass their own (`integrity`).

Whatever else it looks at, a step without patterns shows only in an action of one of
its `events` (`check_procedure` looks at no other action for it)."""


def check_procedure(
    case: Case, procedure: Procedure, said_only: bool = False, shows: Shows | None = None
) -> ProcedureCheck:
    """Where each step shows, in order where the log allows; `said_only`: steps in words only.

    Each step takes its first occurrence after the previous step's (so a ticket
    update made early does not hide the later one a follow-up step needs); a
    step seen only before that is out of order, one never seen is missing.
    """
    hits = []
    last = -1
    test = shows or _shows
    for step in procedure.steps:
        if (said_only and not step.patterns) or not _applies(step, case):
            continue
        candidates = case.said() if step.patterns else case.of_types(step.events)
        lang = case.language
        # One message may carry two spoken steps in their order ("Good morning, your name?").
        floor = last if step.patterns else last + 1
        after = next((a for a in candidates if a.seq >= floor and test(step, a, lang)), None)
        hit = after or next((a for a in candidates if a.seq < floor and test(step, a, lang)), None)
        if after is not None:
            last = after.seq
        hits.append(
            StepHit(
                step.id, step.label, hit.seq if hit else None, hit.at if hit else None,
                step.optional,
            )
        )  # fmt: skip
    return ProcedureCheck(case.id, procedure.id, tuple(hits))


def _applies(step: ProcedureStep, case: Case) -> bool:
    """The step's channel and `when` condition fit the case (a ticket the key does not
    know keeps every unconditional step its channel allows)."""
    if case.incident is None:
        return step.when is None and step.applies_to(case.channel)
    return step.applies_in(case.incident)


def order_text(lang: str, check: ProcedureCheck) -> str:
    if check.out_of_order:
        return tr(lang, "proc.out_of_order", steps=", ".join(check.out_of_order))
    return tr(lang, "proc.in_order")


def procedure_figures(check: ProcedureCheck) -> dict[str, object]:
    """The check as plain data, for the item's figures and the JSON report."""
    return {
        "procedure": check.procedure_id,
        "steps": [
            {"id": s.step_id, "label": s.label, "seq": s.seq, "at": s.at, "optional": s.optional}
            for s in check.steps
        ],
        "missing": list(check.missing),
        "out_of_order": list(check.out_of_order),
    }


def shows_plainly(step: ProcedureStep, action: Action, language: str) -> bool:
    """The step's pattern in the action's words, or its event: the plain reading."""
    return _shows(step, action, language)


def _shows(step: ProcedureStep, action: Action, language: str) -> bool:
    if step.patterns:
        return says_step(step.patterns, action.text or "", language)
    return action.type in step.events


@lru_cache(maxsize=65536)
def says_step(patterns: tuple[str, ...], text: str, language: str) -> bool:
    """A step's pattern is said in the text, outside a negation, in a sentence that does the
    step: a telling step's pattern in a sentence that asks for something else does not
    (`tells_in`); an asking step's is done by a question, so any sentence holding it does."""
    if not says(patterns, text, language):
        return False
    if not telling_acts(patterns, language):
        return True
    return any(
        says(patterns, s, language) and tells_in(patterns, s, language) for s in sentences(text)
    )


@lru_cache(maxsize=65536)
def says(patterns: tuple[str, ...], text: str, language: str) -> bool:
    """One of the patterns is said in the text, outside a negation (the customer's reading)."""
    return first_match(patterns, text, language) is not None
