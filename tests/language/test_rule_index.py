"""(perf24) The rules are looked up per word and next word (`analyse._rule_starts`), not tried
at every word: what a rule matches must not change. The readings expected here are the
labelled sets' (acts, negated), and the rule named is the lexicon's rule holding the phrase
the words say; the index's own completeness is test_phrase_index.py's."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from helpdesk_tui.language import analyse
from helpdesk_tui.language.lexicon import lexicon

analyse_module = importlib.import_module("helpdesk_tui.language.analyse")  # the package shadows it
SETS = Path(__file__).parent

CASES = (
    # a rule reached only through a typo read as the lexicon's word ("Helo" as "hello")
    ("corpus", "en", "Helo Tom, how can I help you?", "en.greeting.hello"),
    ("corpus", "en", "Plese restart the laptop and try agian", "en.instruction.imperative"),
    # a phrase opening with a prefix (a compound's head: "verontschuldig*"), an open rule
    ("exam1", "nl", "Mijn verontschuldigingen voor de vertraging.", "nl.apology.sorry"),
    # a phrase whose second element is a prefix ("soyez prudent*"): the pair look-up reads it
    (
        "heldout23",
        "fr",
        "Bonne route ce soir, et soyez prudent avec le brouillard.",
        "fr.closing.souhait",
    ),
    # a negated clause: the step is still matched, and negated
    ("corpus", "en", "Don't restart it yet, first save your work in Word.", "en.instruction.imperative"),
    ("corpus", "nl", "Niet herstarten, sluit gewoon Outlook en open het opnieuw.", "nl.instruction.infinitive"),
)  # fmt: skip


def labelled(set_name: str, lang: str, text: str) -> dict:
    for line in (SETS / set_name / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and json.loads(line).get("text") == text:
            return json.loads(line)
    raise AssertionError(f"{text!r} is not in {set_name}/{lang}.jsonl")


@pytest.mark.parametrize(("set_name", "lang", "text", "rule"), CASES)
def test_a_rule_reached_through_the_index_reads_as_labelled(
    set_name: str, lang: str, text: str, rule: str
) -> None:
    expected = labelled(set_name, lang, text)
    analyse.cache_clear()  # type: ignore[attr-defined]
    reading = analyse(text, lang)
    assert sorted(reading.acts) == sorted(expected["acts"])
    assert bool(reading.negated) == expected["negated"]
    assert rule in {m.rule for m in reading.matches}


def test_the_memos_stay_bounded_and_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full memo only stops remembering: the readings are those of an unbounded one."""
    lex = lexicon("en")
    texts = [
        json.loads(line)["text"]
        for line in (SETS / "corpus" / "en.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:120]
    analyse.cache_clear()  # type: ignore[attr-defined]
    unbounded = [analyse(t, "en").matches for t in texts]
    assert len(lex.word_rules) > 5
    assert len(lex.phrase_nexts) > 5
    lex.phrase_nexts.clear()
    lex.word_rules.clear()
    monkeypatch.setattr(analyse_module, "MEMO_LIMIT", 3)
    analyse.cache_clear()  # type: ignore[attr-defined]
    try:
        bounded = [analyse(t, "en").matches for t in texts]
        assert len(lex.phrase_nexts) == 3
        assert len(lex.word_rules) == 3
    finally:
        lex.phrase_nexts.clear()
        lex.word_rules.clear()
        analyse.cache_clear()  # type: ignore[attr-defined]
    assert bounded == unbounded
