"""The language layer on the ninth held-out corpus: floors (trained on since 2.7) and targets.

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
test_heldout_sets_format.py (its heldout9 cases).

Since layer 2.7 (branch l-model8) it is a TRAINING set: the lead released it after its blind
scoring, and train.py names it (the eleventh writer of `SETS`). The floors below are the shipped
weights' fit, not a blind figure; with this set held out (leave one set out) see
benchmarks/README.md "Layer 2.7". Its labels were not changed.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.6, measured by the lead (2026-12-04, rounded down to 3 decimals): 6 of 36
# pairs at 0.90, mean macro-F1 0.824 (layer 2.5 on the same set, also blind: 5 of 36, 0.817;
# the rules alone: 3 of 36, 0.795 with 2.6's lexicons, 0.796 with 2.5's). Weakest: restate
# 0.59-0.78 (recall 0.42-0.67: this writer's restatement openers), identify 0.70-0.77 (recall
# 0.56-0.64), question nl 0.69 (precision 0.57), instruction fr 0.72 (recall 0.62).
# Layer 2.7 (l-model8): heldout9 released by the lead and now a TRAINING set: the floors below are
# the shipped weights' fit (29 of 36 pairs, mean macro-F1 0.940, 0 negated given), not a blind
# figure; every floor rose (none fell). With this set held out see benchmarks/README.md "Layer 2.7".
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 30 of 36 pairs at 0.90 as a
# TRAINING set (2.7: 29); floors re-measured, rounded down to 3 decimals. Lowered: en progress 0.914 -> 0.908. Its nl closing rose over 0.90 (0.894 -> 0.918): its strict xfail is gone.
# Why: the model now fits twelve writers whose labels differ; the rules alone read no message
# of any set worse than 2.7 did (2.8's rule changes moved 16 messages of the twelve sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.8") is the
# measurement.
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 34 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): fr question 0.874 -> 0.944, fr progress 0.872 -> 0.945, fr closing 0.873 ->
# 0.911, en question 0.866 -> 0.951.
FLOOR = {
    "nl": {
        "greeting": 0.984,
        "offer_help": 0.938,
        "identify": 0.987,
        "question": 0.962,
        "restate": 0.986,
        "empathy": 0.936,
        "apology": 0.97,
        "progress": 0.906,
        "instruction": 0.943,
        "check": 0.931,
        "closing": 0.918,
        "hold": 0.945,
    },
    "fr": {
        "greeting": 0.927,
        "offer_help": 0.924,
        "identify": 0.962,
        "question": 0.937,
        "restate": 1.0,
        "empathy": 0.962,
        "apology": 0.936,
        "progress": 0.929,
        "instruction": 0.952,
        "check": 0.958,
        "closing": 0.911,
        "hold": 1.0,
    },
    "en": {
        "greeting": 0.984,
        "offer_help": 0.933,
        "identify": 1.0,
        "question": 0.951,
        "restate": 0.975,
        "empathy": 0.964,
        "apology": 0.957,
        "progress": 0.908,
        "instruction": 0.907,
        "check": 0.933,
        "closing": 0.885,
        "hold": 0.957,
    },
}
# Negated instructions counted as given (target 0), blind, layer 2.6 (and 2.5): 0 / 1 / 0. The
# French one: "Pas la peine de nous renvoyer l'article, gardez-le." ("no need to send the
# article back"): since 2.7 "gardez-le" closing its clause keeps, it tells no step (as "leave
# it"): 0 / 0 / 0.
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

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
