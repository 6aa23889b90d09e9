"""Assertions on both readings of a message: the rules alone and the layer (rules and act model).

The rule test modules of layers 2.6 and 2.7 hold each class to both."""

from __future__ import annotations

from helpdesk_tui.language import analyse
from helpdesk_tui.language.analyse import rules_analysis


def readings(text: str, lang: str) -> list[frozenset[str]]:
    return [frozenset(rules_analysis(text, lang).acts), frozenset(analyse(text, lang).acts)]


def has(text: str, lang: str, act: str) -> None:
    for acts in readings(text, lang):
        assert act in acts, (text, sorted(acts))


def lacks(text: str, lang: str, *absent: str) -> None:
    for acts in readings(text, lang):
        assert not acts & set(absent), (text, sorted(acts))
