"""A procedure step's acts: what its author's patterns say, whatever weights the layer ships.

A step knows what it is for by the acts of its patterns (`telling.pattern_acts`): the evidence
credits an identification or check step to a message of that act in other words, and a telling
step's own acts decide whether a sentence holding its words does it (`tells_in`). The patterns
are read by the rules and by the act model. Retraining moved them: layer 2.10's weights took
`identify` from the nl/fr verification steps ("personeelsnummer", "matricule"); weights
trained on seventeen writers (branch l-model13, not shipped) took `instruction` from the Dutch
"informeren" steps. The model may add an act to a step's patterns
(the rules read a bare "personeelsnummer" as no act, the model as `identify`), never take one
the rules found: with weights that give no act at all, every step keeps its rules' acts.

Expected acts come from the rules' reading (`rules_analysis`, not the code under test) and, for
the verification steps, from the step's own label written by the scenario's author.
"""

from __future__ import annotations

from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.assess.integrity import step_acts
from helpdesk_tui.customers import telling
from helpdesk_tui.language import ACTS, acts_model
from helpdesk_tui.language.acts_model import Linear, Table
from helpdesk_tui.language.analyse import _analyse, rules_analysis
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import ProcedureStep

NOTHING_ON = {act: Linear(-10.0, {}) for act in ACTS}
"""Weights that take every act from every message: the worst a retraining could do."""

VERIFY_NUMBER = (
    "Verify identity: staff number",
    "Verify identity: employee number",
    "Identiteit controleren: personeelsnummer",
    "Vérifier l'identité : matricule",
)
"""The authors' labels of the steps that ask for the customer's staff number: identifying
data, the `identify` act (docs/language.md)."""


@cache
def spoken_steps() -> list[tuple[str, ProcedureStep]]:
    """Every bundled scenario's steps with patterns, each distinct pattern list once."""
    out = []
    for folder in sorted(paths.scenarios_dir().iterdir()):
        if not (folder / "scenario.toml").is_file():
            continue
        scenario = load_scenario(folder)
        seen = set()
        for procedure in scenario.procedures:
            for step in procedure.steps:
                if step.patterns and step.patterns not in seen:
                    seen.add(step.patterns)
                    out.append((scenario.language, step))
    return out


def rules_acts(patterns: tuple[str, ...], lang: str) -> frozenset[str]:
    rules = rules_analysis(telling.unquoted(" . ".join(patterns)), lang)
    return frozenset(m.kind for m in rules.matches if m.kind in rules.acts and not m.negated)


@pytest.fixture
def nothing_on(monkeypatch: pytest.MonkeyPatch):
    """The layer with weights that give no act; the caches emptied before and after."""
    monkeypatch.setattr(acts_model, "models", lambda lang: NOTHING_ON)
    monkeypatch.setattr(acts_model, "table", lambda lang: Table(NOTHING_ON))
    for clear in (_analyse.cache_clear, telling.pattern_acts.cache_clear):
        clear()
    yield
    for clear in (_analyse.cache_clear, telling.pattern_acts.cache_clear):
        clear()


def test_the_bundled_steps_are_many() -> None:
    """The check below reads something: steps of every language, and steps with acts."""
    steps = spoken_steps()
    assert {lang for lang, _ in steps} == {"nl", "fr", "en"}
    assert sum(bool(rules_acts(s.patterns, lang)) for lang, s in steps) >= 20


@pytest.mark.usefixtures("nothing_on")
def test_weights_that_give_no_act_take_none_from_a_steps_patterns() -> None:
    lost = []
    for lang, step in spoken_steps():
        wanted = rules_acts(step.patterns, lang)
        got = telling.pattern_acts(step.patterns, lang)
        if not wanted <= got:
            lost.append(f"{lang} {step.id}: {sorted(wanted - got)}")
    assert not lost, lost


@pytest.mark.parametrize("label", VERIFY_NUMBER)
def test_a_step_asking_the_staff_number_is_an_identification(label: str) -> None:
    found = [(lang, s) for lang, s in spoken_steps() if s.label == label]
    assert found, f"no bundled step labelled {label!r}"
    for lang, step in found:
        assert "identify" in step_acts(step, lang), (step.id, step.patterns)
