"""Format of the second context-labelled blind set (tests/language/context2/).

Pure JSON checks, nothing of the language layer: every line parses, every operator
turn carries acts from issue 12's vocabulary and a boolean ``negated``, customer turns
carry neither, ids are unique, and the counts reach the task's minimums.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.language.test_corpus_format import VOCABULARY

SET = Path(__file__).resolve().parent / "context2"
LANGS = ("nl", "fr", "en")


def _conversations(lang: str) -> list[dict]:
    text = (SET / f"{lang}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _operator_turns(lang: str) -> list[dict]:
    return [t for c in _conversations(lang) for t in c["turns"] if t["by"] == "operator"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_line_parses_and_has_the_keys(lang: str) -> None:
    lines = (SET / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        c = json.loads(line)
        assert set(c) == {"id", "persona", "channel", "turns"}, c.get("id")
        assert c["channel"] in {"chat", "call"}
        assert c["persona"].strip()
        assert c["id"].startswith(f"{lang}-")


@pytest.mark.parametrize("lang", LANGS)
def test_operator_turns_are_labelled_from_the_vocabulary(lang: str) -> None:
    for c in _conversations(lang):
        for t in c["turns"]:
            assert t["by"] in {"customer", "operator"}, c["id"]
            assert t["text"].strip(), c["id"]
            if t["by"] == "customer":
                assert set(t) == {"by", "text"}, c["id"]
            else:
                assert set(t) == {"by", "text", "acts", "negated"}, c["id"]
                assert set(t["acts"]) <= VOCABULARY, (c["id"], t["acts"])
                assert len(t["acts"]) == len(set(t["acts"])), (c["id"], t["acts"])
                assert isinstance(t["negated"], bool), c["id"]


def test_ids_are_unique_across_the_set() -> None:
    ids = [c["id"] for lang in LANGS for c in _conversations(lang)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGS)
def test_counts_reach_the_minimums(lang: str) -> None:
    conversations = _conversations(lang)
    ops = _operator_turns(lang)
    assert len(conversations) >= 50
    assert len(ops) >= 320
    assert sum(t["negated"] for t in ops) >= 20
    assert len({c["persona"] for c in conversations}) == 5
    for c in conversations:
        n = sum(t["by"] == "operator" for t in c["turns"])
        assert 5 <= n <= 25, (c["id"], n)


@pytest.mark.parametrize("lang", LANGS)
def test_every_conversation_restates_and_every_act_occurs(lang: str) -> None:
    for c in _conversations(lang):
        assert any("restate" in t.get("acts", ()) for t in c["turns"]), c["id"]
    seen = {a for t in _operator_turns(lang) for a in t["acts"]}
    assert seen == VOCABULARY
