"""Format of the third context-labelled blind set (tests/language/context3/).

Pure JSON checks, nothing of the language layer. The set's own rules are context2's, applied
by ``context3/check_set.py`` (keys, acts from issue 12's vocabulary, a boolean ``negated`` on
operator turns only, ids, the task's minimums); this test runs them and adds what the
context3 task asks beyond them: every conversation restates, every act occurs, each persona
is context3's own, and the README names the labels commit and prints the counts it gives.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from tests.language.test_corpus_format import VOCABULARY

SET = Path(__file__).resolve().parent / "context3"
_spec = importlib.util.spec_from_file_location("context3_check", SET / "check_set.py")
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

OTHER_SETS_PLACES = [
    "Glasgow",
    "Manchester",
    "Cardiff",
    "London",
    "Leeds",
    "Gent",
    "Antwerp",
    "Leuven",
    "Brugge",
    "Limburg",
    "Liège",
    "Brussels",
    "Namur",
    "Mons",
    "Charleroi",
    "Belfast",
    "Plymouth",
    "Norwich",
    "Sheffield",
    "Aberdeen",
    "Roeselare",
    "Mechelen",
    "Turnhout",
    "Sint-Niklaas",
    "Tienen",
    "Tournai",
    "Arlon",
    "Verviers",
    "Nivelles",
    "Dinant",
]
"""The places of context1's and context2's personas, as the context3 task lists them."""


@pytest.mark.parametrize("lang", check.LANGS)
def test_the_context2_rules_hold(lang: str) -> None:
    assert check.problems(lang, check.load(lang)) == []


def test_ids_are_unique_across_the_set() -> None:
    ids = [c["id"] for lang in check.LANGS for c in check.load(lang)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", check.LANGS)
def test_every_conversation_restates_and_every_act_occurs(lang: str) -> None:
    conversations = check.load(lang)
    for c in conversations:
        assert any("restate" in t.get("acts", ()) for t in c["turns"]), c["id"]
    seen = {a for c in conversations for t in c["turns"] for a in t.get("acts", ())}
    assert seen == VOCABULARY


@pytest.mark.parametrize("lang", check.LANGS)
def test_personas_are_new(lang: str) -> None:
    for persona in {c["persona"] for c in check.load(lang)}:
        assert not [p for p in OTHER_SETS_PLACES if p in persona], persona


def test_readme_names_the_labels_commit_and_gives_the_counts() -> None:
    readme = (SET / "README.md").read_text(encoding="utf-8")
    assert re.search(r"Labels commit: `[0-9a-f]{40}`", readme)
    figures = {lang: check.counts(check.load(lang)) for lang in check.LANGS}
    for row in check.tables(figures):
        assert row in readme, row
