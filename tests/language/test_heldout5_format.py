"""The fifth held-out set is well formed, large enough, and no copy of another set.

The set measures the language layer on a writer it was never tuned on (issue 12,
"Corpus and figures"), so a malformed line, an act outside the vocabulary, a thin act
or a message copied from another set must fail here rather than skew the lead's
scores. This file runs nothing of the layer (the set stays blind): it reads the
lines, and the expected sizes come from the brief of the set (at least 350 messages
a language, about 20+ positives per act, 35+ negated instructions, about 10 % with
no act), not from what the layer answers. Score floors are the lead's, after scoring.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.language.heldout_selfcheck import compared_files
from tests.language.test_corpus_format import (
    LANGUAGES,
    VOCABULARY,
    assert_line_format,
    load_lines,
)

HERE = Path(__file__).parent
SET = HERE / "heldout5"
MIN_MESSAGES = 350
MIN_POSITIVES_PER_ACT = 20
MIN_NEGATED = 35
MIN_NO_ACT_SHARE = 0.08


def key(text: str) -> str:
    """Texts are compared with case and runs of white space ignored (as check_set.py does)."""
    return " ".join(text.lower().split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_line_has_the_format(lang: str) -> None:
    for number, record in enumerate(load_lines(SET / f"{lang}.jsonl"), 1):
        assert_line_format(record, f"heldout5/{lang}.jsonl:{number}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_size_and_coverage(lang: str) -> None:
    records = load_lines(SET / f"{lang}.jsonl")
    assert len(records) >= MIN_MESSAGES
    positives = Counter(act for record in records for act in record["acts"])
    thin = {act: positives[act] for act in VOCABULARY if positives[act] < MIN_POSITIVES_PER_ACT}
    assert not thin, f"acts with too few examples: {thin}"
    assert sum(record["negated"] for record in records) >= MIN_NEGATED
    no_act = sum(not record["acts"] for record in records)
    assert no_act >= MIN_NO_ACT_SHARE * len(records), f"only {no_act} messages with no act"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_twice_and_none_from_another_set(lang: str) -> None:
    texts = [key(record["text"]) for record in load_lines(SET / f"{lang}.jsonl")]
    twice = [text for text, n in Counter(texts).items() if n > 1]
    assert not twice, f"listed twice: {twice}"
    others = {
        key(record["text"]) for path in compared_files(SET, lang) for record in load_lines(path)
    }
    copied = [text for text in texts if text in others]
    assert not copied, f"also a message of another set: {copied}"
