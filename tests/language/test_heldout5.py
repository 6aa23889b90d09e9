"""The language layer on the fifth held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout5/ is the seventh writer's (branch l-heldout5, labels committed in
c526dfd): five operator personas per language unlike any earlier set's, written without
reading the layer, its lexicons or any other set, and without running the layer on it.
Layer 2.1 was tuned (prohibitive verbs) and trained (six writers) while it was written, by
someone who never opened it; the lead scored it blind once after merging both branches
(2026-12-04) and then released it as a development set. Since layer 2.2 it is a TRAINING set
(the seventh writer in train.py) whose six negated-given messages were fixed as classes, so the
floors below are training-set figures; the scoring is benchmarks/bench_language.py's
(`--set heldout5` prints the same figures). Its format and no-copy checks are in
test_heldout5_format.py. The blind measurement is now the eighth writer's set.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Layer 2.2, TRAINING-SET figures (2026-12-04, rounded down to 2 decimals): 30 of 36 pairs at
# 0.90, mean macro-F1 0.944. Held out (leave one set out: the model trained on the six other
# sets, 2.2's lexicons, which were tuned on this set's misses): 14 of 36, macro-F1 0.873.
# Blind, layer 2.1, measured by the lead after merging l-model3 and l-heldout5 (2026-12-04,
# 01:25 UTC): 14 of 36 pairs at 0.90, mean macro-F1 0.858 (layer 2.0 on the same set: 13 of 36,
# 0.850; the rules alone: 11 of 36, 0.831 with 2.1's lexicons, 0.828 with 2.0's).
# Layer 2.3 (eight writers, heldout6 added; 2026-12-04): 31 of 36 pairs at 0.90 as a
# TRAINING set (2.2: 30); floors re-measured, rounded down to 3 decimals. Lowered: nl progress 0.92 -> 0.918.
# Why: 2.3 follows the lead's label ruling (a restating question is restate; the operator's
# own doing, beside a wait too, is progress) where this set's writer labelled otherwise, and
# the model now fits eight writers whose labels differ; held out (leave one set out,
# benchmarks/README.md "Layer 2.3") is the measurement.
# Layer 2.4 (nine writers, heldout7 added; 2026-12-04): 33 of 36 pairs at 0.90 as a
# TRAINING set (2.3: 31); floors re-measured, rounded down to 3 decimals. Lowered: fr restate 0.945 -> 0.928, fr hold 0.949 -> 0.933, en hold 0.962 -> 0.945.
# Why: the model now fits nine writers whose labels differ, so it fits each single set a
# little less (the messages: a wait inside a step, "attendez quelques secondes", read as hold
# too; an apology for a dropped line read as progress); the rules' changes of 2.4 lower none of
# these acts on this set (rules alone, benchmarks/README.md "Layer 2.4"); held out (leave one
# set out) is the measurement.
# Layer 2.6 (ten writers, heldout8 added; 2026-12-04): 32 of 36 pairs at 0.90 as a
# TRAINING set (2.5: 33); floors re-measured, rounded down to 3 decimals. Lowered: fr instruction 0.909 -> 0.896, en greeting 0.964 -> 0.947.
# Why: the model now fits ten writers whose labels differ; the rules alone read no message
# of this set worse than 2.5 did (2.6's rule changes moved 12 messages of the ten sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.6") is the
# measurement.
# Layer 2.7 (eleven writers, heldout9 added; 2026-12-04): 33 of 36 pairs at 0.90 as a
# TRAINING set (2.6: 32); floors re-measured, rounded down to 3 decimals. Lowered: fr greeting 0.981 -> 0.964, en question 0.823 -> 0.813, en apology 1.0 -> 0.983. Its fr instruction rose over 0.90 (0.896 -> 0.909): its strict xfail is gone.
# Why: the model now fits eleven writers whose labels differ; the rules alone read no message
# of any set worse than 2.6 did (2.7's rule changes moved 27 messages of the eleven sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.7") is the
# measurement.
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 33 of 36 pairs at 0.90 as a
# TRAINING set (2.7: 33); floors re-measured, rounded down to 3 decimals. None lowered.
# Why: the model now fits twelve writers whose labels differ; the rules alone read no message
# of any set worse than 2.7 did (2.8's rule changes moved 16 messages of the twelve sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.8") is the
# measurement.
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 36 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): nl question 0.873 -> 0.926, nl instruction 0.873 -> 0.904, en question 0.833
# -> 0.9.
# Layer 2.15 (l-rules20, 2026-12-05): lowered nl instruction 0.902 -> 0.891 (its target now a
# strict xfail). Why: the act model retrained on layer 2.15's rules (branch l-rules20, same sets
# and settings); no rule of 2.15 matches the messages that moved (benchmarks/README.md "The
# twentieth writer's weakest acts (branch l-rules20)"), each set's macro-F1 is within 0.001 of
# 2.14's, and leave one writer out is the measurement.
# l-rules21 (layer 2.16): nl instruction 0.891 -> 0.902 (raised: the target is met again).
FLOOR = {
    "nl": {
        "greeting": 0.967,
        "offer_help": 0.964,
        "identify": 0.983,
        "question": 0.926,
        "restate": 1.0,
        "empathy": 1.0,
        "apology": 0.983,
        "progress": 0.932,
        "instruction": 0.902,
        "check": 0.983,
        "closing": 0.938,
        "hold": 0.925,
    },
    "fr": {
        "greeting": 0.964,
        "offer_help": 0.981,
        "identify": 0.981,
        "question": 0.918,
        "restate": 0.962,
        "empathy": 0.964,
        "apology": 1.0,
        "progress": 0.916,
        "instruction": 0.909,
        "check": 0.983,
        "closing": 1.0,
        "hold": 0.949,
    },
    "en": {
        "greeting": 0.981,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.9,
        "restate": 1.0,
        "empathy": 0.962,
        "apology": 0.983,
        "progress": 0.921,
        "instruction": 0.956,
        "check": 0.965,
        "closing": 0.938,
        "hold": 0.945,
    },
}
# Negated instructions counted as given (target 0): 0 / 0 / 0 since layer 2.2. Blind, layer 2.1
# counted 1 / 2 / 3 ("nog geen mails", "Arrêtez de cliquer sur « Réessayer »", "En aucun cas, ne
# réinitialisez ...", "Never mind restarting it", "Leave the old phone alone, stop approving
# ...", 'Stop clicking "Retry"'); 2.2 read them as classes (tests/language/test_rules_2_2.py).
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT5 = HeldoutSet(
    name="heldout5",
    folder=BENCH_MODULE.HELDOUT5,
    measured="2026-12-04",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=350,  # the writer's brief: 350 or more messages per language
    min_positives_per_act=25,  # at least 25 examples of each act (the writer's count)
    min_negated=35,
    min_no_act=35,
)
globals().update(build_tests(HELDOUT5))
