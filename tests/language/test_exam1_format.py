"""The first exam set is well formed and is every phrase of the banks a-c, once.

The set (tests/language/exam1/) labels the `worded` candidates' own sentences for the
act model to learn (its README says how). A malformed line, an act outside the
vocabulary, a phrase of the banks left out or a line whose text no longer matches its
phrase must fail here rather than teach the model a wrong pair. This file runs nothing of
the language layer (the set stays blind): the expected texts come from the phrase banks'
TOML files through the set's own build.py, the expected sizes from the banks and the
brief (every act at least 25 times a language), not from what the layer answers.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.language.exam1 import build, convert
from tests.language.exam1.check_set import TABLE
from tests.language.heldout_format import Brief, format_tests
from tests.language.heldout_selfcheck import compared_files, key, problems
from tests.language.test_corpus_format import LANGUAGES, VOCABULARY, load_lines

FOLDER = TABLE.folder
BRIEF = Brief(
    min_messages=TABLE.min_messages,
    min_positives_per_act=TABLE.min_positives,
    min_negated=TABLE.min_negated,
    min_no_act=TABLE.min_no_act,
    personas_per_language=len(build.BANKS),
    hard_cases_per_persona=1,  # the banks hold few negated steps; each holds one at least
)
# The shared checks that fit a training set (format, size and coverage, the sections);
# not the shared no-copy checks: the banks' stock lines may be in any set (README).
_SHARED = format_tests(TABLE, BRIEF)
test_every_line_has_the_format = _SHARED["test_every_line_has_the_format"]
test_size_and_coverage = _SHARED["test_size_and_coverage"]
test_every_bank_section_is_in_order = _SHARED["test_every_persona_has_its_lines_and_hard_cases"]


def records(lang: str) -> list[dict]:
    return load_lines(FOLDER / f"{lang}.jsonl")


def slot_rows() -> list[list[str]]:
    lines = (FOLDER / "slots.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line\tlang\tphrases"
    return [line.split("\t") for line in lines[1:]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_texts_are_the_banks_phrases_filled_in_order(lang: str) -> None:
    """A bank changed since the labelling shows here: build.py's texts, line by line."""
    built = [text for _where, text in build.messages(lang)]
    assert [record["text"] for record in records(lang)] == built


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_phrase_of_the_banks_is_one_line(lang: str) -> None:
    """slots.tsv names each template of banks a-c exactly once, counted from the TOML files."""
    expected = set()
    for bank, folder in build.BANKS.items():
        path = build.SIMULATE / folder / f"{lang}.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for purpose, templates in data.items():
            if purpose != "language":
                expected |= {f"{bank}:{purpose}:{i}" for i in range(len(templates))}
    rows = [row for row in slot_rows() if row[1] == lang]
    assert [int(row[0]) for row in rows] == list(range(1, len(records(lang)) + 1))
    named = Counter(where for row in rows for where in row[2].split(","))
    assert set(named) == expected
    assert max(named.values()) == 1


def test_no_placeholder_is_left_unfilled() -> None:
    for lang in LANGUAGES:
        for _where, text in build.messages(lang):
            assert "{" not in text and "}" not in text, text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_bank_section_holds_that_banks_first_phrases(lang: str) -> None:
    sections = TABLE.personas[lang]
    assert list(sections) == [f"bank_{bank}" for bank in build.BANKS]
    first_bank = [row[2].split(":")[0] for row in slot_rows() if row[1] == lang]
    for name, (first, last) in sections.items():
        assert set(first_bank[first - 1 : last]) == {name.removeprefix("bank_")}, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_twice(lang: str) -> None:
    texts = [key(record["text"]) for record in records(lang)]
    assert [text for text, n in Counter(texts).items() if n > 1] == []


def test_the_self_check_passes() -> None:
    """Sizes and format; the stock lines shared with other sets are reported, not failed."""
    assert problems(TABLE, against_others=False, out=lambda line: None) == []


def test_the_converter_knows_only_the_act_codes() -> None:
    assert sorted(convert.CODES.values()) == sorted(VOCABULARY)
    assert convert.parse("7 ho pr # a note", 7) == (["progress", "hold"], False, "a note")
    assert convert.parse("8 NG", 8) == ([], True, "")
    with pytest.raises(SystemExit):
        convert.parse("9 xx", 9)
    with pytest.raises(SystemExit):
        convert.parse("11 ch", 10)


def test_the_build_is_deterministic() -> None:
    assert build.messages("fr") == build.messages("fr")
    assert Path(build.__file__).parent == FOLDER


def test_held_out_sets_are_not_compared_with_the_exam_sets_but_exam_sets_with_all() -> None:
    """The banks' stock lines are in held-out sets written before them: that is no copy."""
    language_dir = FOLDER.parent
    heldout = [path.parent.name for path in compared_files(language_dir / "heldout11", "en")]
    exam = [path.parent.name for path in compared_files(FOLDER, "en")]
    assert "exam1" not in heldout and "heldout11" not in heldout
    assert "heldout11" in exam and "corpus" in exam and "exam1" not in exam
