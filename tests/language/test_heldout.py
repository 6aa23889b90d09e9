"""The language layer on the held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout/ was written and labelled without reading the layer, its
lexicons or the tuning corpus (see its README), so these figures are the honest
measure of how the rules read messages they were not tuned on. The scoring is
benchmarks/bench_language.py's (`--heldout` prints the same figures and every
misread message), so the test and the printed figures cannot drift apart.

Two kinds of test per act and language:
- the **floor**: F1 is at least what was measured when this file was written
  (2026-12-03, main at 1399e90), so a lexicon change cannot make the layer read
  unseen messages worse without someone noticing;
- the **target** (issue 12): F1 >= 0.90. Where it is not met yet, the test is
  xfail(strict=True) with the measured figure: when a lexicon change meets it,
  the XPASS fails and whoever made it raises the floor and removes the mark.
The same for negated instructions counted as given (target 0).

The expected figures below were measured, not derived from the layer's rules;
the labels they rest on come from issue 12's act definitions.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

MIN_MESSAGES = 150  # the brief's size for a held-out set per language

# F1 per act on the held-out set, measured 2026-12-03 (rounded down to 3 decimals).
FLOOR = {
    "nl": {
        "greeting": 0.972,
        "offer_help": 0.909,
        "identify": 0.838,
        "question": 0.714,
        "restate": 0.8,
        "empathy": 0.88,
        "apology": 0.96,
        "progress": 0.6,
        "instruction": 0.781,
        "check": 0.904,
        "closing": 0.838,
        "hold": 0.923,
    },
    "fr": {
        "greeting": 0.864,
        "offer_help": 0.916,
        "identify": 0.903,
        "question": 0.83,
        "restate": 0.916,
        "empathy": 0.88,
        "apology": 0.833,
        "progress": 0.604,
        "instruction": 0.906,
        "check": 0.888,
        "closing": 0.866,
        "hold": 0.866,
    },
    "en": {
        "greeting": 0.972,
        "offer_help": 0.956,
        "identify": 0.8,
        "question": 0.865,
        "restate": 0.909,
        "empathy": 0.833,
        "apology": 0.916,
        "progress": 0.585,
        "instruction": 0.881,  # 0.896 before layer 1.1 (negation scopes): a real, small loss
        "check": 0.864,
        "closing": 0.896,
        "hold": 0.928,
    },
}
# Negated instructions counted as given, measured 2026-12-03 (target 0).
NEGATED_GIVEN = {"nl": 2, "fr": 2, "en": 0}

HELDOUT = HeldoutSet(
    name="held-out",
    folder=BENCH_MODULE.HELDOUT,
    measured="2026-12-03",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=MIN_MESSAGES,
    min_positives_per_act=12,
    min_negated=15,
)
globals().update(build_tests(HELDOUT))
