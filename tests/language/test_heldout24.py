"""The language layer on the twenty-fourth held-out corpus: floors (blind, layers 2.19 and 2.20).

tests/language/heldout24/ is the twenty-sixth writer's (branch l-heldout24): three operators
each writing in a second language (nl by a French-first Namur operator at a Brussels desk, fr by
a Dutch-first Mechelen operator, en by a Polish-first operator in Dublin), on a Belgian health
insurance fund's desk and a temp agency's, their slips written down first as style sheets,
without reading the layer or any other set's messages and without running the layer on it;
twenty-four short stock lines another set also held were rewritten by the lead into longer
variants with the same acts (texts only). The health-fund block is one plan of contacts written
in the three voices: one writer measured three times.
Scored blind by the lead (2026-12-06, 04:23 UTC) with the shipped layer 2.19 (rules 2.25):
**5 of 36 pairs at 0.90, macro-F1 0.702** (rules alone 3, 0.641), negated given 1 / 1 / 2.
Layer 2.20 (branch l-model25: second-language forms of checks and restatements, written on its
own small set without seeing this one) on the merged tree (04:36 UTC): **5 of 36, 0.703**,
negated given 1 / 1 / 2 (one English check more). The floors below are 2.20's (rounded down to
3 decimals); from now on the set is a development set. Its format and self-check are in
test_heldout_sets_format.py (its heldout24 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

FLOOR = {
    "nl": {
        "greeting": 0.962,
        "offer_help": 0.799,
        "identify": 0.576,
        "question": 0.523,
        "restate": 0.602,
        "empathy": 0.749,
        "apology": 0.893,
        "progress": 0.595,
        "instruction": 0.716,
        "check": 0.666,
        "closing": 0.881,
        "hold": 0.606,
    },
    "fr": {
        "greeting": 0.976,
        "offer_help": 0.744,
        "identify": 0.807,
        "question": 0.525,
        "restate": 0.599,
        "empathy": 0.754,
        "apology": 0.926,
        "progress": 0.565,
        "instruction": 0.799,
        "check": 0.678,
        "closing": 0.919,
        "hold": 0.451,
    },
    "en": {
        "greeting": 0.985,
        "offer_help": 0.628,
        "identify": 0.627,
        "question": 0.47,
        "restate": 0.382,
        "empathy": 0.799,
        "apology": 0.874,
        "progress": 0.547,
        "instruction": 0.761,
        "check": 0.615,
        "closing": 0.785,
        "hold": 0.499,
    },
}
# Negated instructions counted as given (target 0), layers 2.19 and 2.20: 1 / 1 / 2. A "don't"
# before "otherwise ..." ("N'effacez pas l'application, sinon ...", "Don't delete app, otherwise
# you must register everything again ..."), and a double negative the learner writes ("you don't
# need to pay nothing", "U moet dus niks betalen, ...") followed by a permission. Left for the
# next layer round that develops on this set.
NEGATED_GIVEN = {"nl": 1, "fr": 1, "en": 2}

HELDOUT24 = HeldoutSet(
    name="heldout24",
    folder=BENCH_MODULE.SETS["heldout24"],
    measured="2026-12-06",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=400,  # the writer's brief: about 450 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT24))
