"""Format of the fourth context-labelled blind set (tests/language/context4/).

Pure JSON and text checks, nothing of the language layer. The set's own rules are context2's
with the context4 task's sizes, applied by ``context4/check_set.py`` (keys, acts from issue 12's
vocabulary as the docs name them, a boolean ``negated`` on operator turns only, ids, 50
conversations and 420 operator turns per language, five personas); this test runs them and adds
what the task asks beyond them: every act occurs, personas are none of context1-3's places, no
operator turn's text is another set's line, and the README names the labels commit and prints the
counts ``check_set.py`` gives. Restatement in every conversation is *not* required: this set's
conversations go as they really go, not one plan per conversation.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.language.test_context3_format import OTHER_SETS_PLACES as CONTEXT1_2_PLACES
from tests.language.test_corpus_format import VOCABULARY

SET = Path(__file__).resolve().parent / "context4"
_spec = importlib.util.spec_from_file_location("context4_check", SET / "check_set.py")
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

CONTEXT3_PERSONA_PLACES = (
    "York Southampton Liverpool Nottingham Inverness Oostende Lier Genk Kortrijk Dendermonde"
    " Wavre Huy Marche-en-Famenne Spa Mouscron"
)
"""The places of context3's personas, as its README's persona table names them."""


@pytest.mark.parametrize("lang", check.LANGS)
def test_the_format_rules_and_sizes_hold(lang: str) -> None:
    assert check.problems(lang, check.load(lang)) == []


@pytest.mark.parametrize("lang", check.LANGS)
def test_sizes_are_the_tasks(lang: str) -> None:
    """Stated here again, from the task, so a change of check_set's constants shows."""
    figures = check.counts(check.load(lang))
    assert figures["conversations"] >= 50
    assert figures["operator"] >= 420
    assert figures["personas"] == 5


def test_no_id_is_in_two_files() -> None:
    assert check.shared_ids() == []


@pytest.mark.parametrize("lang", check.LANGS)
def test_every_act_occurs_and_negated_turns_are_there(lang: str) -> None:
    conversations = check.load(lang)
    ops = [t for c in conversations for t in c["turns"] if t["by"] == "operator"]
    assert {a for t in ops for a in t["acts"]} == VOCABULARY
    negated_only = [t for t in ops if t["negated"] and "instruction" not in t["acts"]]
    negated_beside_a_step = [t for t in ops if t["negated"] and "instruction" in t["acts"]]
    assert negated_only and negated_beside_a_step


@pytest.mark.parametrize("lang", check.LANGS)
def test_personas_are_new(lang: str) -> None:
    personas = {c["persona"] for c in check.load(lang)}
    reused = {
        p
        for p in [*CONTEXT1_2_PLACES, *CONTEXT3_PERSONA_PLACES.split()]
        if any(p in x for x in personas)
    }
    assert reused == set()


def test_no_operator_turn_is_another_sets_line() -> None:
    assert check.overlaps(check.other_lines()) == []


def test_overlap_check_can_fail() -> None:
    """The overlap check finds a line it is given, so its empty answer above means something."""
    first = check.load("nl")[0]
    text = next(t["text"] for t in first["turns"] if t["by"] == "operator")
    assert check.overlaps({" ".join(text.casefold().split())})


def test_readme_names_the_labels_commit_and_gives_the_counts() -> None:
    assert check.readme_problems() == []
