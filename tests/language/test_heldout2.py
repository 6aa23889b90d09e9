"""The language layer on the second held-out corpus: measured floors, and issue 12's targets.

Layer 2.0: the floors here are **training-set figures** (the act model was trained on this
set, see the note above FLOOR); the leave-one-set-out figures in docs/language.md are the
measurement of how the layer reads a writer it never saw.

tests/language/heldout2/ was written and labelled without reading the layer, its
lexicons, the tuning corpus or the first held-out set, and without running the layer
on it before the labels were committed (see its README). The first held-out set is
now used to tune the lexicons, so this set is the honest measure of how the rules
read messages nobody tuned them on. The scoring is benchmarks/bench_language.py's
(`--set heldout2` prints the same figures), so the test and the printed figures
cannot drift apart.

The tests are the first held-out set's (tests/language/heldout_checks.py: a floor
per act and language at the F1 measured when this file was written, 2026-12-03 on
main at a538c7a, and issue 12's target F1 >= 0.90 as a strict xfail where it is not
met yet; the same for negated instructions counted as given), plus one check that no
message here is literally one the layer was tuned on.

The expected figures below were measured, not derived from the layer's rules;
the labels they rest on come from issue 12's act definitions (the README's rules).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Layer 2.1 (the act model retrained on six writers, heldout4 added): these floors are
# TRAINING-SET figures (30 of 36 pairs at 0.90, 2026-12-03, rounded down to 3 decimals;
# 32 of 36 with 2.0). The shipped weights were trained on
# this set and the five other labelled sets, so the floors say the model fits it, not how
# the layer reads a new writer. The honest figure is leave-one-set-out (benchmarks/bench_language_loso.py,
# docs/language.md "The act model"): with this set held out, 20 of 36 pairs reach 0.90 (2.1).
# The older notes below are the rules' history (layer 1.x).
# F1 per act on the second held-out set, measured by the lead after merging layer 1.3
# (2026-12-03, rounded down to 3 decimals; 16 of 36 pairs at 0.90, as with 1.2). Layer 1.3 was
# tuned on tests/language/dev2 by an engineer who never opened this set. Against 1.2 it lowered
# identify (nl 0.913 -> 0.878, fr 0.85 -> 0.833, en 0.851 -> 0.81: 1.3 counts identify only where
# the clause asks, and the blind writers' requests often have no question form) and progress
# (nl 0.767 -> 0.758, en 0.756 -> 0.744), and raised question, check, instruction and empathy.
# With layer 1.1 (main at a538c7a) 9 of 36 pairs were at 0.90 and 3 / 3 / 0 negated
# instructions counted as given.
# Layer 2.2 (seven writers, heldout5 added; 2026-12-04): 31 of 36 pairs at 0.90 as a
# TRAINING set; floors re-measured, rounded down. Lowered: nl question 0.92 -> 0.91, fr identify 1.0 -> 0.975. Why: the model now
# also fits a seventh writer whose labels differ ("One moment, I'm checking" is hold AND
# progress for four of the seven writers), so it fits each single set a little less; held
# out (leave one set out, docs/language.md) this set gains: pairs at 0.90 20 -> 21.
# Weights pruned at 0.06 (was 0.05) to keep a message's CPU at 2.1's (train.py PRUNE).
# Layer 2.3 (eight writers, heldout6 added; 2026-12-04): 34 of 36 pairs at 0.90 as a
# TRAINING set (2.2: 31); floors re-measured, rounded down to 3 decimals. Lowered: fr progress 0.978 -> 0.956, fr hold 0.977 -> 0.956.
# Why: 2.3 follows the lead's label ruling (a restating question is restate; the operator's
# own doing, beside a wait too, is progress) where this set's writer labelled otherwise, and
# the model now fits eight writers whose labels differ; held out (leave one set out,
# benchmarks/README.md "Layer 2.3") is the measurement.
# Layer 2.4 (nine writers, heldout7 added; 2026-12-04): 34 of 36 pairs at 0.90 as a
# TRAINING set (2.3: 34); floors re-measured, rounded down to 3 decimals. Lowered: en progress 0.905 -> 0.903.
# Why: the model now fits nine writers whose labels differ, so it fits each single set a
# little less (the messages: a wait inside a step, "attendez quelques secondes", read as hold
# too; an apology for a dropped line read as progress); the rules' changes of 2.4 lower none of
# these acts on this set (rules alone, benchmarks/README.md "Layer 2.4"); held out (leave one
# set out) is the measurement.
# Layer 2.6 (ten writers, heldout8 added; 2026-12-04): 34 of 36 pairs at 0.90 as a
# TRAINING set (2.5: 34); floors re-measured, rounded down to 3 decimals. Lowered: en greeting 1.0 -> 0.981.
# Why: the model now fits ten writers whose labels differ; the rules alone read no message
# of this set worse than 2.5 did (2.6's rule changes moved 12 messages of the ten sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.6") is the
# measurement.
# Layer 2.7 (eleven writers, heldout9 added; 2026-12-04): 34 of 36 pairs at 0.90 as a
# TRAINING set (2.6: 34); floors re-measured, rounded down to 3 decimals. None lowered.
# Why: the model now fits eleven writers whose labels differ; the rules alone read no message
# of any set worse than 2.6 did (2.7's rule changes moved 27 messages of the eleven sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.7") is the
# measurement.
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 34 of 36 pairs at 0.90 as a
# TRAINING set (2.7: 34); floors re-measured, rounded down to 3 decimals. None lowered.
# Why: the model now fits twelve writers whose labels differ; the rules alone read no message
# of any set worse than 2.7 did (2.8's rule changes moved 16 messages of the twelve sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.8") is the
# measurement.
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 35 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): fr closing 0.893 -> 0.913.
# l-rules21 (layer 2.16): nl instruction 0.976 -> 0.965: "Kunt ge terug aan uw mails?": the retrained model adds instruction; no rule reads it otherwise.
FLOOR = {
    "nl": {
        "greeting": 1.0,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.936,
        "restate": 1.0,
        "empathy": 1.0,
        "apology": 1.0,
        "progress": 0.916,
        "instruction": 0.965,
        "check": 0.95,
        "closing": 0.888,
        "hold": 0.978,
    },
    "fr": {
        "greeting": 0.981,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.939,
        "restate": 1.0,
        "empathy": 0.981,
        "apology": 1.0,
        "progress": 0.967,
        "instruction": 0.978,
        "check": 0.95,
        "closing": 0.913,
        "hold": 0.956,
    },
    "en": {
        "greeting": 1.0,
        "offer_help": 0.977,
        "identify": 1.0,
        "question": 0.907,
        "restate": 1.0,
        "empathy": 1.0,
        "apology": 0.972,
        "progress": 0.924,
        "instruction": 0.945,
        "check": 0.952,
        "closing": 0.936,
        "hold": 0.977,
    },
}
# Negated instructions counted as given, measured 2026-12-03 with layer 1.2 (target 0; 3, 3, 0 with 1.1).
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT2 = HeldoutSet(
    name="heldout2",
    folder=BENCH_MODULE.HELDOUT2,
    measured="2026-12-03",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=200,  # the brief's size for this set per language
    min_positives_per_act=15,  # the brief's balance: at least 15 examples of each act
    min_negated=15,
    min_no_act=10,  # acknowledgements and information (ok, pas de souci, geen probleem)
)
globals().update(build_tests(HELDOUT2))
