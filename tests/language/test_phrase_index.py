"""The act rules, question openers and tags are tried only where one of their phrases can
start (a look-up per word, `Lexicon.rule_starts`, `Questions.opener_set`/`tag_set`; perf24:
the rules per word and the next word's norm, `analyse._rule_starts`): the places and
phrases skipped must be exactly some where no phrase of them could match."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from helpdesk_tui.language.lexicon import lexicon
from helpdesk_tui.language.model import LANGUAGES
from helpdesk_tui.language.phrases import first_word_ok, match_at
from helpdesk_tui.language.tokens import pieces

analyse_module = importlib.import_module("helpdesk_tui.language.analyse")  # the package shadows it
CORPUS = Path(__file__).parent / "corpus"


def corpus_words(lang: str) -> list[list]:
    lex = lexicon(lang)
    texts = [json.loads(line)["text"] for line in (CORPUS / f"{lang}.jsonl").open() if line.strip()]
    return [[analyse_module._word(p, lex) for p in pieces(t, lex.elisions)] for t in texts]


def corpus_readings(lang: str) -> list[tuple[list, object]]:
    """The corpus's messages as the rule matcher sees them: words and layout."""
    lex = lexicon(lang)
    out = []
    for line in (CORPUS / f"{lang}.jsonl").open():
        if line.strip():
            text = json.loads(line)["text"]
            found = pieces(text, lex.elisions)
            words = [analyse_module._word(p, lex) for p in found]
            out.append((words, analyse_module._layout(text, found, words, lex)))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_rule_is_tried_wherever_one_of_its_phrases_matches(lang: str) -> None:
    """(perf24) `_rule_starts` names, per rule, the words where it can start and the phrases
    that can: every phrase that matches there in full (`match_at`, tried here at every word
    with every phrase of every rule) is among them, in the rule's order, and every phrase
    named starts with that word (`first_word_ok`)."""
    lex = lexicon(lang)
    matched = tried = first = 0
    for words, layout in corpus_readings(lang):
        starts = analyse_module._rule_starts(words, lex, layout)
        for index, rule in enumerate(lex.rules):
            given = dict(starts.get(index, []))
            tried += len(given)
            for i, w in enumerate(words):
                stop = layout.clause_ends[layout.clause[i]]
                full = [p for p in rule.phrases if match_at(p, words, i, lex, stop) is not None]
                named = given.get(i, ())
                assert all(p in named for p in full), (rule.id, i)
                assert list(named) == [p for p in rule.phrases if p in named]  # their order
                assert all(first_word_ok(p, w, lex) for p in named)
                matched += bool(full)
                first += any(first_word_ok(p, w, lex) for p in rule.phrases)
    assert matched > 100
    assert tried < first  # the next word rules some out (perf24: 9 in 10 on the bench log)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_openers_and_tags_left_out_at_a_word_cannot_start_there(lang: str) -> None:
    lex = lexicon(lang)
    q = lex.questions
    for words in corpus_words(lang):
        for w in words:
            for phrases, indexed in ((q.openers, q.opener_set), (q.tags, q.tag_set)):
                candidates = indexed.candidates(w.norm, w.bare)
                assert candidates == [p for p in phrases if p in candidates]  # their order
                assert all(p in candidates for p in phrases if first_word_ok(p, w, lex))
