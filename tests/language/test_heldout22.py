"""The language layer on the twenty-second held-out corpus: floors (blind, layers 2.17 and 2.18).

tests/language/heldout22/ is the twenty-fourth writer's (branch l-heldout22, labels committed in
4ff592d): three agents, each writing in all three languages (a former receptionist from West
Flanders on a Bruges hotel group's IT desk, a steelworker's son on a Charleroi steelworks' plant
IT line, a Dublin agent supporting a software company's remote staff), written in a real
queue's proportions without reading the layer or any other set's messages, and without running
the layer on it; 55 short stock lines another set also held were rewritten by the lead into
longer variants with the same acts (texts only). The writer notes that 55-60 % of the fr and en
lines share an incident and act order with an nl line (in their own wording): one writer
measured three times.
Scored blind by the lead (2026-12-05, 22:15 UTC) with the shipped layer 2.17 (rules 2.23):
**7 of 36 pairs at 0.90, macro-F1 0.772** (rules alone 5, 0.707), negated given 0 / 2 / 2;
after the lead's rewrite of the stock lines 7 of 36, 0.773. Layer 2.18 (branch l-model23: guards
for restatements asked back, waits announced as a clause, questions about what the customer was
doing; written without seeing this set) on the merged tree (23:23 UTC): **7 of 36, 0.773**,
negated given 0 / 2 / 2. The floors below are 2.18's (rounded down to 3 decimals); from now on
the set is a development set. Its format and self-check are in test_heldout_sets_format.py (its heldout22 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

FLOOR = {
    "nl": {
        "greeting": 0.914,
        "offer_help": 0.95,
        "identify": 0.782,
        "question": 0.709,
        "restate": 0.73,
        "empathy": 0.74,
        "apology": 1.0,
        "progress": 0.659,
        "instruction": 0.832,
        "check": 0.778,
        "closing": 0.735,
        "hold": 0.785,
    },
    "fr": {
        "greeting": 0.897,
        "offer_help": 0.947,
        "identify": 0.79,
        "question": 0.576,
        "restate": 0.716,
        "empathy": 0.813,
        "apology": 0.909,
        "progress": 0.685,
        "instruction": 0.744,
        "check": 0.6,
        "closing": 0.733,
        "hold": 0.763,
    },
    "en": {
        "greeting": 0.943,
        "offer_help": 0.882,
        "identify": 0.714,
        "question": 0.661,
        "restate": 0.732,
        "empathy": 0.604,
        "apology": 1.0,
        "progress": 0.63,
        "instruction": 0.83,
        "check": 0.625,
        "closing": 0.68,
        "hold": 0.72,
    },
}
# Negated instructions counted as given (target 0), layers 2.17 and 2.18: 0 / 2 / 2. The hotel
# receptionist forbids through a courtesy frame ("Je vous saurais gré de ne pas débrancher ...",
# "I should be grateful if you would not unplug ..."); the plant's French drops "ne" ("Il faut
# plus imprimer l'avis"); the Dublin agent's "ignore the first, don't fill it in" follows an
# apology. Left for the next layer round that develops on this set.
NEGATED_GIVEN = {"nl": 0, "fr": 2, "en": 2}

HELDOUT22 = HeldoutSet(
    name="heldout22",
    folder=BENCH_MODULE.SETS["heldout22"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=400,  # the writer's brief: at least 400 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT22))
