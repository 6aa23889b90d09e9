"""A dialogue rule that listens for a promise of news does not hear it inside a question
(branch evid16; the evidence reads steps so since rules 2.6, `assess.procedures.says_step`).

Each rule is the bundled scenario's own: Helen Carter's `updates` ("keep you posted", "call you
back" ...: she answers "Fine. Make sure you do, and not just when it suits you."), Pascal's
`au-courant` and Jan's `op-de-hoogte`. Their reply answers a promise to keep the customer
informed; "What number can I call you back on?" asks for a phone number and promises nothing
yet, "Vos collègues sont-ils au courant ?" asks about the colleagues. A statement with the same
words is the promise. The wordings are none of the phrase banks'.
"""

from __future__ import annotations

from functools import cache

import pytest

from helpdesk_tui import paths
from helpdesk_tui.customers.dialogue import matched_rule
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import DialogueRule

RULES = {  # language: (scenario, the rule that answers a promise of news)
    "en": ("en-northwind-monday", "updates"),
    "fr": ("fr-haute-meuse-examen", "au-courant"),
    "nl": ("nl-lindeveld-examen", "op-de-hoogte"),
}


@cache
def rules_with(lang: str) -> tuple[DialogueRule, ...]:
    """The rules of the first incident that has the promise rule."""
    name, rule_id = RULES[lang]
    scenario = load_scenario(paths.scenarios_dir() / name)
    return next(i.rules for i in scenario.incidents if any(r.id == rule_id for r in i.rules))


def heard(lang: str, text: str) -> str | None:
    rule = matched_rule(rules_with(lang), text, lang)
    return rule.id if rule else None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "What number can I call you back on?"),
        ("en", "On which extension can I call you back?"),
        ("fr", "Vos collègues sont-ils au courant ?"),
        ("fr", "Sur quel numéro puis-je vous joindre pour vous tenir au courant ?"),
        ("nl", "Zijn uw collega's op de hoogte?"),
        ("nl", "Op welk nummer kan ik u bereiken om u op de hoogte te houden?"),
    ],
)
def test_a_promises_words_in_a_question_are_no_promise(lang: str, text: str) -> None:
    assert heard(lang, text) != RULES[lang][1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'll call you back within ten minutes."),
        ("en", "I'll keep you posted as soon as I hear more."),
        ("fr", "Je vous tiens au courant dès que j'ai du nouveau."),
        ("fr", "Je reviens vers vous dans dix minutes."),
        ("nl", "Ik hou u op de hoogte."),
        ("nl", "Ik laat u weten hoe het verder loopt."),
    ],
)
def test_a_promise_is_heard(lang: str, text: str) -> None:
    assert heard(lang, text) == RULES[lang][1]
