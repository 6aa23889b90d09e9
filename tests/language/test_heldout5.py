"""The language layer on the fifth held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout5/ is the seventh writer's (branch l-heldout5, labels committed in
c526dfd): five operator personas per language unlike any earlier set's, written without
reading the layer, its lexicons or any other set, and without running the layer on it.
Layer 2.1 was tuned (prohibitive verbs) and trained (six writers) while it was written, by
someone who never opened it, so these are the blind figures of 2.1. The lead scored it once
after merging both branches (2026-12-04); the scoring is benchmarks/bench_language.py's
(`--set heldout5` prints the same figures). Its format and no-copy checks are in
test_heldout5_format.py.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# F1 per act on the fifth held-out set with layer 2.1 (rules + act model), measured by the lead
# after merging l-model3 and l-heldout5 (2026-12-04, 01:25 UTC), rounded down to 2 decimals:
# 14 of 36 pairs at 0.90, mean macro-F1 0.858 (layer 2.0 on the same set: 13 of 36, 0.850;
# the rules alone: 11 of 36, 0.831 with 2.1's lexicons, 0.828 with 2.0's).
FLOOR = {
    "nl": {
        "greeting": 0.91,
        "offer_help": 0.86,
        "identify": 0.86,
        "question": 0.74,
        "restate": 0.89,
        "empathy": 0.91,
        "apology": 0.94,
        "progress": 0.69,
        "instruction": 0.73,
        "check": 0.88,
        "closing": 0.93,
        "hold": 0.81,
    },
    "fr": {
        "greeting": 0.96,
        "offer_help": 0.85,
        "identify": 0.9,
        "question": 0.76,
        "restate": 0.78,
        "empathy": 0.94,
        "apology": 0.98,
        "progress": 0.61,
        "instruction": 0.78,
        "check": 0.94,
        "closing": 0.96,
        "hold": 0.88,
    },
    "en": {
        "greeting": 0.94,
        "offer_help": 0.83,
        "identify": 0.86,
        "question": 0.75,
        "restate": 0.89,
        "empathy": 0.78,
        "apology": 0.96,
        "progress": 0.66,
        "instruction": 0.85,
        "check": 0.9,
        "closing": 0.93,
        "hold": 0.88,
    },
}
# Negated instructions counted as given (target 0), measured blind: 1 / 2 / 3 with layer 2.1
# (3 / 4 / 4 with 2.0). Left: "nog geen mails", "Arrêtez de cliquer sur « Réessayer »",
# "En aucun cas, ne réinitialisez ...", "Never mind restarting it", "Leave the old phone
# alone, stop approving ...", 'Stop clicking "Retry"'. Strict xfails in heldout_checks hold
# the target; fixing them makes this set a development set (docs/language.md).
NEGATED_GIVEN = {"nl": 1, "fr": 2, "en": 3}

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
