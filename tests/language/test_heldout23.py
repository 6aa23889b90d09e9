"""The language layer on the twenty-third held-out corpus: floors (blind, layers 2.18 and 2.19).

tests/language/heldout23/ is the twenty-fifth writer's (branch l-heldout23, labels committed in
36cd34c): one agent per language, each on the same three desks (a Limburg nurse turned IT
support on a Leuven university hospital's clinical desk, a Namur bus driver's daughter on a
regional bus company's depot and drivers' line, a Cork agent on a food-processing plant's line
IT), written in a real queue's proportions without reading the layer or any other set's
messages, and without running the layer on it; eleven short lines another set also held were
rewritten by the lead into longer variants with the same acts (texts only). The writer notes
that the three languages follow one plan of contacts: one writer measured three times.
Scored blind by the lead (2026-12-06, 01:20 UTC) with the shipped layer 2.18 (rules 2.24):
**6 of 36 pairs at 0.90, macro-F1 0.743** (rules alone 5, 0.675), negated given 1 / 2 / 2.
Layer 2.19 (branch l-model24: guards for openers that invite correction, English "works" tags
in French and Dutch checks, "vous pouvez reprendre votre travail ?"; written without seeing
this set) on the merged tree (02:00 UTC): **6 of 36, 0.744**, negated given 1 / 2 / 2. The
floors below are 2.19's (rounded down to 3 decimals); from now on the set is a development set.
Its format and self-check are in test_heldout_sets_format.py (its heldout23 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

FLOOR = {
    "nl": {
        "greeting": 1.0,
        "offer_help": 0.648,
        "identify": 0.681,
        "question": 0.61,
        "restate": 0.691,
        "empathy": 0.727,
        "apology": 0.975,
        "progress": 0.598,
        "instruction": 0.736,
        "check": 0.824,
        "closing": 0.8,
        "hold": 0.577,
    },
    "fr": {
        "greeting": 0.983,
        "offer_help": 0.799,
        "identify": 0.769,
        "question": 0.457,
        "restate": 0.739,
        "empathy": 0.772,
        "apology": 0.918,
        "progress": 0.635,
        "instruction": 0.793,
        "check": 0.687,
        "closing": 0.833,
        "hold": 0.454,
    },
    "en": {
        "greeting": 1.0,
        "offer_help": 0.799,
        "identify": 0.777,
        "question": 0.504,
        "restate": 0.822,
        "empathy": 0.711,
        "apology": 0.972,
        "progress": 0.626,
        "instruction": 0.765,
        "check": 0.829,
        "closing": 0.74,
        "hold": 0.511,
    },
}
# Negated instructions counted as given (target 0), layers 2.18 and 2.19: 1 / 2 / 2. The
# forbidden step follows a permission and "maar/mais" ("Ge moogt mij straks altijd terugbellen,
# maar rij nu nog niet weg met die bus, ...", "Vous pouvez me rappeler ..., mais ne repartez pas
# avec ce bus ..."), or a "don't" opens a sentence whose tail tells the way to do it ("Don't
# reuse the old one, ..., just pick a little sentence."). Left for the next layer round that
# develops on this set.
NEGATED_GIVEN = {"nl": 1, "fr": 2, "en": 2}

HELDOUT23 = HeldoutSet(
    name="heldout23",
    folder=BENCH_MODULE.SETS["heldout23"],
    measured="2026-12-06",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=400,  # the writer's brief: at least 400 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT23))
