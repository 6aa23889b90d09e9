"""The act rules, question openers and tags are tried only where one of their phrases can
start (a look-up per word, `Lexicon.rule_starts`, `Questions.opener_set`/`tag_set`): the
places skipped must be exactly those where no phrase of them could match the first word."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from helpdesk_tui.language.lexicon import lexicon
from helpdesk_tui.language.model import LANGUAGES
from helpdesk_tui.language.phrases import first_word_ok
from helpdesk_tui.language.tokens import pieces

analyse_module = importlib.import_module("helpdesk_tui.language.analyse")  # the package shadows it
CORPUS = Path(__file__).parent / "corpus"


def corpus_words(lang: str) -> list[list]:
    lex = lexicon(lang)
    texts = [json.loads(line)["text"] for line in (CORPUS / f"{lang}.jsonl").open() if line.strip()]
    return [[analyse_module._word(p, lex) for p in pieces(t, lex.elisions)] for t in texts]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_rule_is_tried_at_every_word_one_of_its_phrases_starts_with(lang: str) -> None:
    lex = lexicon(lang)
    tried = 0
    for words in corpus_words(lang):
        starts = analyse_module._rule_starts(words, lex)
        for index, rule in enumerate(lex.rules):
            ps = rule.phrases
            if ps.has_open:
                assert index not in starts  # tried at every word instead
                continue
            expected = [
                i
                for i, w in enumerate(words)
                if w.norm in ps.first_words or w.bare in ps.first_words
            ]  # the test the loop made at every word before
            assert starts.get(index, []) == expected
            tried += len(expected)
    assert tried > 100


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
