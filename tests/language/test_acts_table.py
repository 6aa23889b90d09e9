"""The act model's scores worked out per feature (`acts_model.Table`) are `Linear.score`'s.

The exam and the report score every message through `Table` (one look-up per feature,
not one per feature and act); `Linear.score` is the plain reading of the weights file's
definition (`bias + sum of the present features' weights`). They must give the same
floats, so the same acts, for the shipped weights and for any weights of that format
(l-model retrains them): checked on the held-out corpus's messages in every language,
with the shipped weights and with random ones over the messages' own features.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from helpdesk_tui.language import LANGUAGES
from helpdesk_tui.language.acts_model import Table, decide_scores, models, parse
from helpdesk_tui.language.analyse import rules_analysis
from helpdesk_tui.language.features import features
from helpdesk_tui.language.model import ACTS

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
