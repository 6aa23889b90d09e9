"""The language layer on the twenty-fifth held-out corpus: floors (blind, layer 2.20).

tests/language/heldout25/ is the twenty-seventh writer's (branch l-heldout25): three native
operators, one per language (nl: Kris from Sint-Niklaas, ge/gij and "nie"; fr: Nadia from Ath,
Belgian French and text-message shorthand; en: Sharon from Bolton), on a regional newspaper's
newsroom and print site and a social housing company's desk, their voices written down first as a
style sheet, without reading the layer or any other set's messages and without running the
layer on it; sixty short stock lines another set also held were reworded by the writer into
longer lines with the same acts (its README). The nl and fr newsroom blocks and the three
"both desks" blocks are parallel in content: one writer measured three times.
Scored blind by the lead (2026-12-06, 06:54 UTC) with the shipped layer 2.20 (rules 2.26):
**3 of 36 pairs at 0.90, macro-F1 0.777** (rules alone 1, 0.694), negated given 1 / 0 / 0.
Layer 2.21 (branch l-model26: restatements asked back, developed on heldout24 while this set was
being written, neither seen by the other) read it no better: 3 of 36, 0.775, this writer's
restatements being bare statements of the problem ("The big A3 on the back bench is printing
everything pink", "ge kunt nie inloggen op de fotobank"; restate F1 0.47 / 0.68 / 0.48 on both);
2.21 was not shipped (docs/known-issues.md, the lead's stop-34 bullet). The floors below are
2.20's (rounded down to 3 decimals); from now on the set is a development set. Its format and
self-check are in test_heldout_sets_format.py (its heldout25 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

FLOOR = {
    "nl": {
        "greeting": 0.891,
        "offer_help": 0.838,
        "identify": 0.786,
        "question": 0.729,
        "restate": 0.47,
        "empathy": 0.666,
        "apology": 0.871,
        "progress": 0.662,
        "instruction": 0.816,
        "check": 0.774,
        "closing": 0.756,
        "hold": 0.787,
    },
    "fr": {
        "greeting": 0.926,
        "offer_help": 0.789,
        "identify": 0.754,
        "question": 0.767,
        "restate": 0.678,
        "empathy": 0.744,
        "apology": 0.926,
        "progress": 0.686,
        "instruction": 0.874,
        "check": 0.666,
        "closing": 0.847,
        "hold": 0.81,
    },
    "en": {
        "greeting": 0.93,
        "offer_help": 0.799,
        "identify": 0.769,
        "question": 0.773,
        "restate": 0.481,
        "empathy": 0.787,
        "apology": 0.893,
        "progress": 0.629,
        "instruction": 0.884,
        "check": 0.799,
        "closing": 0.824,
        "hold": 0.857,
    },
}
# Negated instructions counted as given (target 0), layer 2.20 (and 2.21): 1 / 0 / 0. Left for the
# next layer round that develops on this set.
NEGATED_GIVEN = {"nl": 1, "fr": 0, "en": 0}

HELDOUT25 = HeldoutSet(
    name="heldout25",
    folder=BENCH_MODULE.SETS["heldout25"],
    measured="2026-12-06",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=500,  # the writer's brief: about 500 messages per language
    min_positives_per_act=15,
    min_negated=25,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT25))
