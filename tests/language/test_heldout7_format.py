"""The seventh held-out set is well formed, large enough, and no copy of another set.

The set measures the language layer on a writer it was never tuned on (issue 12,
"Corpus and figures"), so a malformed line, an act outside the vocabulary, a thin act
or a message copied from another set must fail here rather than skew the lead's
scores. This file runs nothing of the layer (the set stays blind): it reads the lines,
and the expected sizes come from the brief of the set (at least 360 messages a
language, every act and negated instructions well covered, plenty of messages with no
act, five personas a language), not from what the layer answers. Score floors are the
lead's, after scoring.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.language.heldout7.check_set import TABLE
from tests.language.heldout_selfcheck import collisions, covers, key, problems
from tests.language.test_corpus_format import (
    LANGUAGES,
    VOCABULARY,
    assert_line_format,
    load_lines,
)

MIN_MESSAGES = 360
MIN_POSITIVES_PER_ACT = 25
MIN_NEGATED = 35
MIN_NO_ACT = 35
PERSONAS_PER_LANGUAGE = 5


def records(lang: str) -> list[dict]:
    return load_lines(TABLE.folder / f"{lang}.jsonl")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_line_has_the_format(lang: str) -> None:
    for number, record in enumerate(records(lang), 1):
        assert_line_format(record, f"heldout7/{lang}.jsonl:{number}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_size_and_coverage(lang: str) -> None:
    lines = records(lang)
    assert len(lines) >= MIN_MESSAGES
    positives = Counter(act for record in lines for act in record["acts"])
    thin = {act: positives[act] for act in VOCABULARY if positives[act] < MIN_POSITIVES_PER_ACT}
    assert not thin, f"acts with too few examples: {thin}"
    assert sum(record["negated"] for record in lines) >= MIN_NEGATED
    assert sum(not record["acts"] for record in lines) >= MIN_NO_ACT


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_persona_has_its_lines_and_hard_cases(lang: str) -> None:
    """Five personas cover the file in order, each with negated and no-act messages."""
    lines = records(lang)
    sections = TABLE.personas[lang]
    assert len(sections) == PERSONAS_PER_LANGUAGE
    assert covers(sections, len(lines), contiguous=True)
    for persona, (first, last) in sections.items():
        section = lines[first - 1 : last]
        assert sum(record["negated"] for record in section) >= 5, persona
        assert sum(not record["acts"] for record in section) >= 5, persona


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_twice_and_none_from_another_set(lang: str) -> None:
    texts = [key(record["text"]) for record in records(lang)]
    twice = [text for text, n in Counter(texts).items() if n > 1]
    assert not twice, f"listed twice: {twice}"
    copied = collisions(TABLE, lang, records(lang))
    assert not copied, f"also a message of another set: {copied}"


def test_the_writers_self_check_passes() -> None:
    assert problems(TABLE, against_others=True, out=lambda line: None) == []
