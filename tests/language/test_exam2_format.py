"""The exam2 set is well formed, holds every phrase of its sources, and copies no other set.

exam2 labels the sentences the exam itself gives a candidate to send (the phrase banks d
and e, the scripted and gaming policies' lines, the bundled scenarios' canned replies and
KB steps), for the act model to learn them. This file runs nothing of the language layer
(the set stays blind): it reads the lines, and the expected contents come from the
sources themselves (the banks' TOML files, the drafts of codes), not from what the layer
answers. Score floors, if any, are the lead's.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.language.exam2 import build
from tests.language.exam2.check_set import SOURCES, TABLE
from tests.language.heldout_selfcheck import collisions, key, problems
from tests.language.test_corpus_format import LANGUAGES, assert_line_format, load_lines

HERE = Path(__file__).parent / "exam2"
BANKS = Path(__file__).parents[2] / "helpdesk_tui" / "simulate"


def records(lang: str) -> list[dict]:
    return load_lines(HERE / f"{lang}.jsonl")


def rows(name: str) -> list[list[str]]:
    return [row.split("\t") for row in (HERE / name).read_text("utf-8").splitlines()[1:]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_line_has_the_format(lang: str) -> None:
    for number, record in enumerate(records(lang), 1):
        assert_line_format(record, f"exam2/{lang}.jsonl:{number}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_twice_and_none_from_another_set(lang: str) -> None:
    texts = [key(record["text"]) for record in records(lang)]
    assert not [text for text, n in Counter(texts).items() if n > 1]
    assert collisions(TABLE, lang, records(lang)) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_slots_name_one_known_source_per_line(lang: str) -> None:
    mine = [row for row in rows("slots.tsv") if row[0] == lang]
    assert [int(row[1]) for row in mine] == list(range(1, len(records(lang)) + 1))
    for row in mine:
        assert set(row[2].split("+")) <= set(SOURCES), row


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("bank", ["d", "e"])
def test_every_template_of_the_banks_is_a_message(lang: str, bank: str) -> None:
    """Each template of a bank is one message of the set, or the same text as another
    message (its source is then joined, "bank-d+bank-e"), or left out as another set's."""
    table = tomllib.loads((BANKS / f"phrases_{bank}" / f"{lang}.toml").read_text("utf-8"))
    templates = sum(len(table[purpose]) for purpose in build.PURPOSES)
    source = f"bank-{bank}"
    kept = sum(row[2].split("+").count(source) for row in rows("slots.tsv") if row[0] == lang)
    left = sum(row[1].split("+").count(source) for row in rows("excluded.tsv") if row[0] == lang)
    assert kept + left == templates


def test_the_files_are_the_drafts_converted(tmp_path: Path) -> None:
    """The labels are the hand-written drafts' codes, converted: no line edited by hand."""
    build.convert(tmp_path)
    for name in [*(f"{lang}.jsonl" for lang in LANGUAGES), "slots.tsv", "excluded.tsv"]:
        assert (tmp_path / name).read_text("utf-8") == (HERE / name).read_text("utf-8"), name


def test_the_codes_turn_into_acts() -> None:
    assert build.parse_codes("hp", "t") == (["progress", "hold"], False)
    assert build.parse_codes("n!", "t") == (["instruction"], True)
    assert build.parse_codes("!", "t") == ([], True)
    assert build.parse_codes("-", "t") == ([], False)
    with pytest.raises(SystemExit):
        build.parse_codes("nz", "t")


def test_the_self_check_passes() -> None:
    assert problems(TABLE, against_others=True, out=lambda line: None) == []
