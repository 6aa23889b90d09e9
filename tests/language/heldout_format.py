"""The format checks a blind held-out set gets from its writer, written once for the sets.

A set's writer runs these before committing the labels (they run nothing of the layer, so
the set stays blind): every line has the corpus format, the set is as large and covers the
acts as its brief promised, its personas cover the files in order with hard cases each, and
no message is listed twice or copied from another set. The sets written to a brief are one
entry each in test_heldout_sets_format.py (what the brief promised: the sizes), whose tests
are built here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pytest

from tests.language.heldout_selfcheck import SetTable, collisions, covers, key, problems
from tests.language.test_corpus_format import (
    LANGUAGES,
    VOCABULARY,
    assert_line_format,
    load_lines,
)


@dataclass(frozen=True)
class Brief:
    """What the set's writer was asked for: the minimums its tests hold it to."""

    min_messages: int
    min_positives_per_act: int
    min_negated: int
    min_no_act: int
    personas_per_language: int = 5
    hard_cases_per_persona: int = 5  # negated and no-act messages each persona has


def format_tests(table: SetTable, brief: Brief) -> dict[str, Callable[..., None]]:
    """The test functions for one set, to put in its module's globals."""
    return sets_format_tests({table.folder.name: (table, brief)})


def sets_format_tests(
    sets: Mapping[str, tuple[SetTable, Brief]],
) -> dict[str, Callable[..., None]]:
    """The test functions for several sets at once, each case named by its set (and its
    language), to put in one module's globals: a new set is an entry, not a module."""
    by_language = [
        pytest.param(name, lang, id=f"{name}-{lang}") for name in sets for lang in LANGUAGES
    ]

    def records(name: str, lang: str) -> list[dict]:
        return load_lines(sets[name][0].folder / f"{lang}.jsonl")

    @pytest.mark.parametrize(("name", "lang"), by_language)
    def test_every_line_has_the_format(name: str, lang: str) -> None:
        for number, record in enumerate(records(name, lang), 1):
            assert_line_format(record, f"{name}/{lang}.jsonl:{number}")

    @pytest.mark.parametrize(("name", "lang"), by_language)
    def test_size_and_coverage(name: str, lang: str) -> None:
        brief = sets[name][1]
        lines = records(name, lang)
        assert len(lines) >= brief.min_messages
        positives = Counter(act for record in lines for act in record["acts"])
        thin = {
            act: positives[act]
            for act in VOCABULARY
            if positives[act] < brief.min_positives_per_act
        }
        assert not thin, f"acts with too few examples: {thin}"
        assert sum(record["negated"] for record in lines) >= brief.min_negated
        assert sum(not record["acts"] for record in lines) >= brief.min_no_act

    @pytest.mark.parametrize(("name", "lang"), by_language)
    def test_every_persona_has_its_lines_and_hard_cases(name: str, lang: str) -> None:
        """The personas cover the file in order, each with negated and no-act messages."""
        table, brief = sets[name]
        lines = records(name, lang)
        sections = table.personas[lang]
        assert len(sections) == brief.personas_per_language
        assert covers(sections, len(lines), contiguous=True)
        for persona, (first, last) in sections.items():
            section = lines[first - 1 : last]
            hard = brief.hard_cases_per_persona
            assert sum(record["negated"] for record in section) >= hard, persona
            assert sum(not record["acts"] for record in section) >= hard, persona

    @pytest.mark.parametrize(("name", "lang"), by_language)
    def test_no_text_twice_and_none_from_another_set(name: str, lang: str) -> None:
        texts = [key(record["text"]) for record in records(name, lang)]
        twice = [text for text, n in Counter(texts).items() if n > 1]
        assert not twice, f"listed twice: {twice}"
        copied = collisions(sets[name][0], lang, records(name, lang))
        assert not copied, f"also a message of another set: {copied}"

    @pytest.mark.parametrize("name", list(sets))
    def test_the_writers_self_check_passes(name: str) -> None:
        assert problems(sets[name][0], against_others=True, out=lambda line: None) == []

    return {
        test.__name__: test
        for test in (
            test_every_line_has_the_format,
            test_size_and_coverage,
            test_every_persona_has_its_lines_and_hard_cases,
            test_no_text_twice_and_none_from_another_set,
            test_the_writers_self_check_passes,
        )
    }
