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
FLOOR = {
    "nl": {
        "greeting": 0.96,
        "offer_help": 0.96,
        "identify": 0.98,
        "question": 0.8,
        "restate": 1.0,
        "empathy": 0.98,
        "apology": 0.98,
        "progress": 0.92,
        "instruction": 0.87,
        "check": 0.98,
        "closing": 0.93,
        "hold": 0.92,
    },
    "fr": {
        "greeting": 0.96,
        "offer_help": 0.98,
        "identify": 0.98,
        "question": 0.83,
        "restate": 0.91,
        "empathy": 0.94,
        "apology": 1.0,
        "progress": 0.9,
        "instruction": 0.89,
        "check": 0.98,
        "closing": 1.0,
        "hold": 0.91,
    },
    "en": {
        "greeting": 0.94,
        "offer_help": 0.98,
        "identify": 1.0,
        "question": 0.79,
        "restate": 1.0,
        "empathy": 0.96,
        "apology": 0.98,
        "progress": 0.88,
        "instruction": 0.93,
        "check": 0.96,
        "closing": 0.93,
        "hold": 0.94,
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
    others=(
        BENCH_MODULE.CORPUS,
        BENCH_MODULE.HELDOUT,
        BENCH_MODULE.HELDOUT2,
        BENCH_MODULE.HELDOUT3,
        BENCH_MODULE.HELDOUT4,
        BENCH_MODULE.DEV2,
    ),  # no message may be copied from these
    min_no_act=35,
)
globals().update(build_tests(HELDOUT5))
