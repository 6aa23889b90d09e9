"""The language layer on the ninth held-out corpus: measured blind, floors and issue 12's targets.

tests/language/heldout9/ is the eleventh writer's (branch l-heldout9, labels committed in
54cbcde): five operator personas per language, unlike any earlier set's (an Antwerp agent, a
bank's card-blocking line, a school's helpdesk for parents, a Flemish telecom agent, a hotel
group's night IT line; a Lille agent, an insurance claims desk, a very apologetic web shop, a
nursing-home staff desk, a ski resort's lift-pass desk; a Canadian agent, a Nigerian-English
agent, a parcel-locker helpline, a public library's e-book line, a start-up's support chat),
written without reading the layer, its lexicons or any other set's messages, and without
running the layer on it. Layer 2.6 (branch l-model7) was tuned and trained on ten writers
while it was written, by someone who never opened it; the lead scored it blind after merging
both branches (2026-12-04, 17:05 UTC). Its format and self-check are in
test_heldout9_format.py.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.6, measured by the lead (2026-12-04, rounded down to 3 decimals): 6 of 36
# pairs at 0.90, mean macro-F1 0.824 (layer 2.5 on the same set, also blind: 5 of 36, 0.817;
# the rules alone: 3 of 36, 0.795 with 2.6's lexicons, 0.796 with 2.5's). Weakest: restate
# 0.59-0.78 (recall 0.42-0.67: this writer's restatement openers), identify 0.70-0.77 (recall
# 0.56-0.64), question nl 0.69 (precision 0.57), instruction fr 0.72 (recall 0.62).
FLOOR = {
    "nl": {
        "greeting": 0.918,
        "offer_help": 0.929,
        "identify": 0.698,
        "question": 0.686,
        "restate": 0.666,
        "empathy": 0.879,
        "apology": 0.923,
        "progress": 0.805,
        "instruction": 0.883,
        "check": 0.869,
        "closing": 0.842,
        "hold": 0.852,
    },
    "fr": {
        "greeting": 0.888,
        "offer_help": 0.852,
        "identify": 0.727,
        "question": 0.792,
        "restate": 0.592,
        "empathy": 0.794,
        "apology": 0.879,
        "progress": 0.728,
        "instruction": 0.722,
        "check": 0.882,
        "closing": 0.794,
        "hold": 0.985,
    },
    "en": {
        "greeting": 0.937,
        "offer_help": 0.892,
        "identify": 0.766,
        "question": 0.799,
        "restate": 0.776,
        "empathy": 0.8,
        "apology": 0.895,
        "progress": 0.782,
        "instruction": 0.826,
        "check": 0.845,
        "closing": 0.84,
        "hold": 0.911,
    },
}
# Negated instructions counted as given (target 0), blind, layer 2.6 (and 2.5): 0 / 1 / 0. The
# French one: "Pas la peine de nous renvoyer l'article, gardez-le." ("no need to send the
# article back": "pas la peine de" + infinitive is a prohibition the layer does not know).
NEGATED_GIVEN = {"nl": 0, "fr": 1, "en": 0}

HELDOUT9 = HeldoutSet(
    name="heldout9",
    folder=BENCH_MODULE.SETS["heldout9"],
    measured="2026-12-04",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=420,  # the writer's brief: at least 420 messages per language
    min_positives_per_act=25,
    min_negated=35,
    min_no_act=35,
)
globals().update(build_tests(HELDOUT9))
