"""The language layer on the tenth held-out corpus: floors (trained on since 2.8) and targets.

tests/language/heldout10/ is the twelfth writer's (branch l-heldout10, labels committed in
10a6f5f): five operator personas per language, unlike any earlier set's (a Flemish agent who
mixes English IT jargon in, a human taking over from a chatbot, an energy supplier's
digital-meter line, a gym's app chat, an e-invoicing helpdesk for accountants; a French agent
mixing in English jargon, an ALL CAPS agent without punctuation or accents, a Marseille ferry
company, an Abidjan internet provider, a bike-sharing app; a Welsh-English agent, a chatbot
handover at an electronics web shop, a South African fibre provider, an airline app, a
US-Southern smart-home company), written without reading the layer, its lexicons or any other
set's messages, and without running the layer on it. Layers 2.6 (on main) and 2.7 (branch
l-model8, tuned and trained on eleven writers while this set was written, by someone who never
opened it) were scored on it by the lead after merging (2026-12-04, 18:50 and 19:40 UTC). Its
format and self-check are in test_heldout_sets_format.py (its heldout10 cases).

Since layer 2.8 (branch l-model9) it is a TRAINING set, a training writer since 2.8: the lead
released it after its blind scoring, and train.py names it (the twelfth writer of `SETS`). The
floors below are the shipped weights' fit, not a blind figure; with this set held out (leave one
set out) see benchmarks/README.md "Layer 2.8". Its labels were not changed.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.7, measured by the lead (2026-12-04, rounded down to 3 decimals): 12 of 36
# pairs at 0.90, mean macro-F1 0.839 (layer 2.6 on the same set, also blind: 10 of 36, 0.825;
# the rules alone: 6 of 36, 0.789 with 2.7's lexicons, 0.788 with 2.6's). Weakest: question
# 0.70-0.72 (precision 0.60-0.64), instruction nl/fr 0.71-0.74 (recall 0.63-0.65), check fr
# 0.71 (recall 0.57), restate fr 0.74 (recall 0.61), identify fr/en 0.75 (recall 0.60-0.61).
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 29 of 36 pairs at 0.90 as a
# TRAINING set (blind with 2.7: 12); floors re-measured, rounded down to 3 decimals: every floor
# rose (the fit of the writer's own labels; held out, leave one set out, it reads 12 of 36,
# macro-F1 0.840, negated given 0: benchmarks/README.md "Layer 2.8").
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 35 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): nl question 0.861 -> 0.919, nl progress 0.867 -> 0.914, nl closing 0.861 ->
# 0.918, fr question 0.834 -> 0.929, fr instruction 0.865 -> 0.903, en question 0.794 -> 0.921.
FLOOR = {
    "nl": {
        "greeting": 1.0,
        "offer_help": 0.983,
        "identify": 1.0,
        "question": 0.919,
        "restate": 0.977,
        "empathy": 0.973,
        "apology": 1.0,
        "progress": 0.914,
        "instruction": 0.901,
        "check": 0.965,
        "closing": 0.918,
        "hold": 1.0,
    },
    "fr": {
        "greeting": 0.983,
        "offer_help": 1.0,
        "identify": 0.965,
        "question": 0.929,
        "restate": 0.988,
        "empathy": 0.975,
        "apology": 1.0,
        "progress": 0.908,
        "instruction": 0.903,
        "check": 0.966,
        "closing": 0.9,
        "hold": 0.956,
    },
    "en": {
        "greeting": 0.967,
        "offer_help": 0.964,
        "identify": 1.0,
        "question": 0.921,
        "restate": 0.977,
        "empathy": 1.0,
        "apology": 0.983,
        "progress": 0.947,
        "instruction": 0.924,
        "check": 0.952,
        "closing": 0.852,
        "hold": 0.984,
    },
}
# Negated instructions counted as given (target 0), blind, layers 2.6 and 2.7 alike: 2 / 0 / 1.
# "Verwijder je app niet, dat helpt niks." (a negated imperative with the informal "je" and a
# possessive between verb and "niet"), "Stop effe met op vernieuwen te tikken, ..." ("stop met"
# + infinitive, a prohibition by verb), "Wait before you plug it back in, I'll tell you when."
# (a deferral the writer labels negated).
# Layer 2.8: 0 / 0 / 0, by the rules alone too (tests/language/test_rules_2_8.py, as classes:
# the comma before "dat" ends the prohibition instead of opening a contrast "niet de gewone";
# "stop effe met"; "wait before you ..." puts the step off: negated, not hold, as the label guide
# says of any step the customer is told not to do, and as heldout5's and this writer's
# "Attendez avant de ..." are labelled).
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT10 = HeldoutSet(
    name="heldout10",
    folder=BENCH_MODULE.SETS["heldout10"],
    measured="2026-12-04",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=450,  # the writer's brief: at least 450 messages per language
    min_positives_per_act=25,
    min_negated=35,
    min_no_act=35,
)
globals().update(build_tests(HELDOUT10))
