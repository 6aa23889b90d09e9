"""The language layer on the third held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout3/ was written and labelled without reading the layer, its
lexicons, the tuning corpus or the first and second held-out sets, and without running
the layer on it before the labels were committed (see its README). It was written while
the layer was being improved on the other sets, by someone who never saw those changes,
so it measures how the rules read messages nobody tuned them on. The scoring is
benchmarks/bench_language.py's (`--set heldout3` prints the same figures), so the test
and the printed figures cannot drift apart.

The tests are the other held-out sets' (tests/language/heldout_checks.py: a floor per act
and language at the F1 measured when this file was written, and issue 12's target
F1 >= 0.90 as a strict xfail where it is not met yet; the same for negated instructions
counted as given), plus one check that no message here is literally one of another set.

The expected figures below were measured, not derived from the layer's rules; the labels
they rest on come from issue 12's act definitions (the README's rules).
"""

from __future__ import annotations

import pytest

from tests.language.heldout_checks import LANGUAGES, HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# F1 per act on the third held-out set with layer 1.3, measured by the lead after merging it
# (2026-12-03; the layer's tuner never opened this set), rounded down to 2 decimals: 7 of 36
# pairs at 0.90. With layer 1.2 (hash 85a8e6ff..., measured once on main at ff454d9 after the
# labels were committed in e2f80a4, with the one label slip listed in the README corrected)
# 6 of 36; 1.3 lowered identify in nl (0.92 -> 0.89) and fr (0.81 -> 0.77) and raised progress,
# question, instruction and check.
FLOOR = {
    "nl": {
        "greeting": 0.98,
        "offer_help": 0.79,
        "identify": 0.89,
        "question": 0.77,
        "restate": 0.75,
        "empathy": 0.88,
        "apology": 0.9,
        "progress": 0.68,
        "instruction": 0.78,
        "check": 0.78,
        "closing": 0.79,  # 0.8 exactly, computed as 0.7999... in floating point
        "hold": 0.82,
    },
    "fr": {
        "greeting": 0.92,
        "offer_help": 0.8,
        "identify": 0.77,
        "question": 0.66,
        "restate": 0.77,
        "empathy": 0.88,
        "apology": 0.81,
        "progress": 0.59,
        "instruction": 0.88,
        "check": 0.77,
        "closing": 0.82,
        "hold": 0.83,
    },
    "en": {
        "greeting": 0.98,
        "offer_help": 0.79,
        "identify": 0.78,
        "question": 0.8,
        "restate": 0.74,
        "empathy": 0.82,
        "apology": 0.96,
        "progress": 0.65,
        "instruction": 0.85,
        "check": 0.9,
        "closing": 0.81,
        "hold": 0.83,
    },
}
# Negated instructions counted as given, measured with the floors above (target 0).
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT3 = HeldoutSet(
    name="heldout3",
    folder=BENCH_MODULE.HELDOUT3,
    measured="2026-12-03",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=300,  # the brief's size for this set per language
    min_positives_per_act=25,  # the brief's balance: at least 25 examples of each act
    min_negated=25,
)
globals().update(build_tests(HELDOUT3))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_is_one_of_another_set(lang: str) -> None:
    """A message copied from the tuning corpus or an earlier held-out set is not held out."""

    def norm(text: str) -> str:
        return " ".join(text.casefold().split())

    other = {
        norm(r["text"])
        for folder in (BENCH_MODULE.CORPUS, BENCH_MODULE.HELDOUT, BENCH_MODULE.HELDOUT2)
        for r in BENCH_MODULE.corpus(lang, folder)
    }
    shared = [r["text"] for r in HELDOUT3.records(lang) if norm(r["text"]) in other]
    assert shared == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_near_misses_with_no_act_are_there(lang: str) -> None:
    """Acknowledgements and information (ok, pas de souci, geen probleem) must read as no act."""
    assert sum(not r["acts"] for r in HELDOUT3.records(lang)) >= 10
