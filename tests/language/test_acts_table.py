"""The act model's scores worked out per feature (`acts_model.Table`) are `Linear.score`'s,
the same in every process, and the tag questions are found as before (issue 12's report speed).

The exam and the report score every message through `Table` (one look-up per feature,
not one per feature and act); `Linear.score` is the plain reading of the weights file's
definition (`bias + sum of the present features' weights`). They must give the same
floats, so the same acts, for the shipped weights and for any weights of that format
(l-model retrains them): checked on the held-out corpus's messages in every language,
with the shipped weights and with random ones over the messages' own features.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.language import LANGUAGES
from helpdesk_tui.language.acts_model import Table, decide_scores, models, parse
from helpdesk_tui.language.analyse import rules_analysis
from helpdesk_tui.language.features import features
from helpdesk_tui.language.lexicon import Lexicon, lexicon
from helpdesk_tui.language.model import ACTS
from helpdesk_tui.language.phrases import Word, match_at
from helpdesk_tui.language.tokens import pieces

analyse_module = importlib.import_module("helpdesk_tui.language.analyse")

HELDOUT = Path(__file__).with_name("heldout")


def _messages(lang: str, count: int = 120) -> list[str]:
    lines = (HELDOUT / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line][:count]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_weights_score_the_same_both_ways(lang: str) -> None:
    weights = models(lang)
    table = Table(weights)
    compared = 0
    for text in _messages(lang):
        feats = features(rules_analysis(text, lang))
        expected = {a: weights[a].score(feats) for a in ACTS if a in weights}
        assert table.scores(feats) == expected, text
        compared += 1
    assert compared >= 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compact_table_explains_an_act_as_its_model_does(lang: str) -> None:
    """(mem20) The exam keeps only the `Table` (its weights in flat arrays); an act the model
    gives is explained by its largest contributions, which must be `Linear.contributions`'s,
    the plain reading of the weights file, for every act and message."""
    weights = models(lang)
    table = Table(weights)
    explained = 0
    for text in _messages(lang):
        feats = features(rules_analysis(text, lang))
        for act in weights:
            expected = weights[act].contributions(feats)
            assert table.contributions(act, feats) == expected, (text, act)
            explained += bool(expected)
    assert explained >= 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_any_weights_of_the_format_score_the_same_both_ways(lang: str) -> None:
    rng = random.Random(12)
    analyses = [rules_analysis(text, lang) for text in _messages(lang, 60)]
    vocabulary = sorted({f for a in analyses for f in features(a)})
    document = {
        "version": 1,
        "langs": {
            lang: {
                act: {
                    "bias": rng.uniform(-3, 3),
                    "w": {f: rng.uniform(-2, 2) for f in rng.sample(vocabulary, 400)},
                }
                for act in rng.sample(ACTS, 9)  # a file may leave acts out
            }
        },
    }
    weights = parse(document, "random")[lang]
    table = Table(weights)
    for rules in analyses:
        feats = features(rules)
        expected = {a: weights[a].score(feats) for a in ACTS if a in weights}
        assert table.scores(feats) == expected, rules.text
        assert set(decide_scores(table.scores(feats), rules)) <= set(weights)


def test_a_score_does_not_depend_on_the_order_of_the_features() -> None:
    """A set of strings comes in another order in every process (hash randomisation); a
    plain sum then differed in the last bits, and a score at MARGIN flipped an act."""
    weights = models("nl")["question"]
    feats = sorted(features(rules_analysis("Het herstarten heeft niet geholpen?", "nl")))
    orders = [feats, feats[::-1], feats[1::2] + feats[::2]]
    assert len({weights.score(order) for order in orders}) == 1  # type: ignore[arg-type]


def test_the_acts_are_the_same_in_every_process() -> None:
    """The message whose question score is 1.5 +- 1e-16 got `question` in some processes."""
    code = (
        "from helpdesk_tui.language import analyse\n"
        "print(sorted(analyse('Het herstarten heeft niet geholpen?', 'nl').acts))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(seen) == 1, seen


def _tagged_as_written(words, layout, lex, start, end):  # noqa: ANN001, ANN202
    """Rules 2.0's `_tagged` before it tested the word's own conditions first: the reference."""
    if end - start < analyse_module.MIN_TAGGED:
        return None
    for tag in lex.questions.tags:
        for j in range(max(start + 1, end - len(tag) - 3), end):
            at_end = match_at(tag, words, j, lex, end) == end and layout.lead[j]
            if at_end and layout.clause[j] != layout.clause[start]:
                return "tag", (start, end)
    return None


def _corpus_operator_texts() -> Iterator[tuple[str, str]]:
    """(text, language) of every operator message of every corpus set: a message, or an
    operator's turn of a conversation (the context sets)."""
    root = Path(__file__).parent
    for lang in LANGUAGES:
        for path in sorted(root.glob(f"*/{lang}.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    turns = record.get("turns", [record])
                    for turn in turns:
                        if turn.get("by", "operator") == "operator":
                            yield turn["text"], lang


TagInputs = tuple[list[Word], Any, Lexicon, int, int]


def _tag_inputs(text: str, lang: str) -> list[TagInputs]:
    """What `rules_analysis` hands `_tagged`, sentence by sentence: its words and layout made
    by its own first steps (`pieces`, `_word`, `_layout`), without the negation scopes, the
    rules and the acts that come after and that `_tagged` does not read (a third of an
    analysis: test_the_tag_check_reads_what_the_analysis_hands_tagged keeps it so)."""
    lex = lexicon(lang)
    found = pieces(text, lex.elisions)
    words = [analyse_module._word(p, lex) for p in found]
    layout = analyse_module._layout(text, found, words, lex)
    bounds = (analyse_module._sentence_bounds(layout, s) for s in sorted(set(layout.sentence)))
    return [(words, layout, lex, start, end) for start, end in bounds]


def test_tag_questions_are_found_as_before() -> None:
    """`_tagged` tests a word's conditions before any phrase (for speed): on every sentence
    of every corpus message of every language it answers what the phrase-first loop answered."""
    fast = analyse_module._tagged
    answers = [
        (fast(*inputs), _tagged_as_written(*inputs))
        for text, lang in _corpus_operator_texts()
        for inputs in _tag_inputs(text, lang)
    ]
    assert sum(1 for new, _ in answers if new is not None) > 20  # tags are in the corpus
    assert all(new == old for new, old in answers)


def _comparable(inputs: TagInputs) -> tuple[object, ...]:
    words, layout, lex, start, end = inputs
    return tuple((w.norm, w.lemma, w.bare) for w in words), layout, id(lex), start, end


def test_the_tag_check_reads_what_the_analysis_hands_tagged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check above makes `_tagged`'s arguments itself (`_tag_inputs`); on the first held-out
    set's messages they are the ones `rules_analysis` hands it, sentence by sentence, so a new
    step of the analysis that changes them before the question forms fails here."""
    handed: list[tuple[object, ...]] = []
    fast = analyse_module._tagged

    def noted(*inputs: Any) -> Any:
        handed.append(_comparable(inputs))
        return fast(*inputs)

    monkeypatch.setattr(analyse_module, "_tagged", noted)
    compared = 0
    for lang in LANGUAGES:
        for text in _messages(lang):
            handed.clear()
            rules_analysis(text, lang)
            assert handed == [_comparable(i) for i in _tag_inputs(text, lang)], text
            compared += len(handed)
    assert compared > 300
