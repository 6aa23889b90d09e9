"""Format of the context1 blind set (tests/language/context1): pure JSON checks, no language layer.

The vocabulary is issue 12's, read from the table of docs/language.md ("## Dialogue acts"); the minimums are the task's (50 conversations and 320 operator
turns per language, 5 to 25 operator turns per conversation, 20 negated turns per language), written
here again rather than taken from check_set.py, which is tested against broken sets below.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

FOLDER = Path(__file__).parent / "context1"
LANGS = ("nl", "fr", "en")
DOCS = Path(__file__).parents[2] / "docs" / "language.md"


def _documented_acts() -> set[str]:
    """The act names in the table of docs/language.md's "## Dialogue acts" section."""
    section = DOCS.read_text(encoding="utf-8").split("\n## Dialogue acts\n", 1)[1]
    return set(re.findall(r"^\| `(\w+)` \|", section.split("\n## ", 1)[0], flags=re.MULTILINE))


VOCABULARY = _documented_acts()


def _lines(lang: str) -> list[str]:
    return [
        line
        for line in (FOLDER / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _conversations(lang: str) -> list[dict]:
    return [json.loads(line) for line in _lines(lang)]


def _operator_turns(convs: list[dict]) -> list[dict]:
    return [t for c in convs for t in c["turns"] if t["by"] == "operator"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_line_parses_as_one_conversation(lang: str) -> None:
    for line in _lines(lang):
        conv = json.loads(line)
        assert set(conv) == {"id", "persona", "channel", "turns"}, line[:80]
        assert conv["channel"] in {"chat", "call"}
        assert conv["persona"].strip()
        assert conv["id"].startswith(f"{lang}-")


@pytest.mark.parametrize("lang", LANGS)
def test_every_operator_turn_has_acts_from_the_vocabulary(lang: str) -> None:
    for conv in _conversations(lang):
        for turn in conv["turns"]:
            assert turn["by"] in {"customer", "operator"}, conv["id"]
            assert turn["text"].strip(), conv["id"]
            if turn["by"] == "customer":
                assert set(turn) == {"by", "text"}, conv["id"]
                continue
            assert set(turn) == {"by", "text", "acts", "negated"}, (conv["id"], turn["text"])
            assert set(turn["acts"]) <= VOCABULARY, (conv["id"], turn["acts"])
            assert len(set(turn["acts"])) == len(turn["acts"]), (conv["id"], turn["acts"])
            assert isinstance(turn["negated"], bool), (conv["id"], turn["text"])


def test_the_vocabulary_is_the_twelve_acts_of_issue_12() -> None:
    assert len(VOCABULARY) == 12
    assert {"restate", "check", "question", "instruction", "offer_help", "hold"} <= VOCABULARY


def test_ids_are_unique_across_the_set() -> None:
    ids = [c["id"] for lang in LANGS for c in _conversations(lang)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGS)
def test_counts_reach_the_task_minimums(lang: str) -> None:
    convs = _conversations(lang)
    operators = _operator_turns(convs)
    assert len(convs) >= 50
    assert len(operators) >= 320
    assert sum(t["negated"] for t in operators) >= 20
    for conv in convs:
        n = sum(1 for t in conv["turns"] if t["by"] == "operator")
        assert 5 <= n <= 25, (conv["id"], n)


@pytest.mark.parametrize("lang", LANGS)
def test_every_conversation_restates_and_every_act_occurs(lang: str) -> None:
    convs = _conversations(lang)
    for conv in convs:
        operators = [t for t in conv["turns"] if t["by"] == "operator"]
        assert any("restate" in t["acts"] for t in operators), conv["id"]
    used = {a for t in _operator_turns(convs) for a in t["acts"]}
    assert used == VOCABULARY


def _check_set():
    spec = importlib.util.spec_from_file_location("context1_check_set", FOLDER / "check_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_check_set_passes_the_set_and_flags_broken_conversations() -> None:
    check = _check_set()
    convs = {lang: _conversations(lang) for lang in LANGS}
    assert check.set_problems(convs) == []
    good = convs["en"][0]
    bad_act = json.loads(json.dumps(good))
    next(t for t in bad_act["turns"] if t["by"] == "operator")["acts"] = ["thanks"]
    assert check.conversation_problems(bad_act, "en")
    unlabelled = json.loads(json.dumps(good))
    del next(t for t in unlabelled["turns"] if t["by"] == "operator")["negated"]
    assert check.conversation_problems(unlabelled, "en")
    assert check.conversation_problems(good, "fr")  # wrong id prefix
    doubled = {"en": convs["en"] + [good], "fr": convs["fr"], "nl": convs["nl"]}
    assert any("used 2 times" in p for p in check.set_problems(doubled))
    assert check.set_problems({"nl": convs["nl"][:10]})  # too few conversations and turns
