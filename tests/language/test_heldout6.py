"""The language layer on the sixth held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout6/ is the eighth writer's (branch l-heldout6, labels committed in
08e685c): eight operator personas, five per language, unlike any earlier set's (a retired senior,
a Brussels agent mixing Dutch and French, a numbered checklist, a phone with no punctuation, a
teacher, a formal public service, gamer slang, sarcasm), written without reading the layer, its
lexicons or any other set's messages, and without running the layer on it. Layer 2.2 was tuned
and trained on seven writers while it was written, by someone who never opened it; the lead
scored it blind once after merging both branches (2026-12-04, 05:20 UTC). It is the blind
measurement now: its misread messages are listed only on request (`--errors ACT`), and whoever
tunes the layer must not read them. Its format and self-check are in test_heldout_sets_format.py (its heldout6 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.2, measured by the lead after merging l-model4 and l-heldout6 (2026-12-04,
# rounded down to 2 decimals): 4 of 36 pairs at 0.90, mean macro-F1 0.801 (layer 2.1 on the
# same set: 4 of 36, 0.786; the rules alone: 3 of 36, 0.757 with 2.2's lexicons, 0.753 with 2.1's).
# Layer 2.3: heldout6 released by the lead after its blind scoring (2.2 blind: 4 of 36 pairs,
# macro-F1 0.801, 14 negated given) and now a TRAINING set: the floors below are the shipped
# weights' fit (28 of 36 pairs, 0 negated given), not a blind figure; with this set
# held out (leave one set out) see benchmarks/README.md "Layer 2.3".
# Layer 2.4 (nine writers, heldout7 added; 2026-12-04): 28 of 36 pairs at 0.90 as a
# TRAINING set (2.3: 28); floors re-measured, rounded down to 3 decimals. Lowered: en offer_help 0.961 -> 0.943.
# Why: the model now fits nine writers whose labels differ, so it fits each single set a
# little less (the messages: a wait inside a step, "attendez quelques secondes", read as hold
# too; an apology for a dropped line read as progress); the rules' changes of 2.4 lower none of
# these acts on this set (rules alone, benchmarks/README.md "Layer 2.4"); held out (leave one
# set out) is the measurement.
# Layer 2.6 (ten writers, heldout8 added; 2026-12-04): 28 of 36 pairs at 0.90 as a
# TRAINING set (2.5: 28); floors re-measured, rounded down to 3 decimals. Lowered: nl apology 1.0 -> 0.981, fr instruction 0.927 -> 0.914, en question 0.846 -> 0.835, en progress 0.86 -> 0.857.
# Why: the model now fits ten writers whose labels differ; the rules alone read no message
# of this set worse than 2.5 did (2.6's rule changes moved 12 messages of the ten sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.6") is the
# measurement.
# Layer 2.7 (eleven writers, heldout9 added; 2026-12-04): 28 of 36 pairs at 0.90 as a
# TRAINING set (2.6: 28); floors re-measured, rounded down to 3 decimals. Lowered: nl instruction 0.846 -> 0.814, nl check 0.981 -> 0.962, nl hold 0.981 -> 0.962, fr restate 0.98 -> 0.961, fr progress 0.77 -> 0.764, en closing 0.945 -> 0.928, en hold 0.928 -> 0.912.
# Why: the model now fits eleven writers whose labels differ; the rules alone read no message
# of any set worse than 2.6 did (2.7's rule changes moved 27 messages of the eleven sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.7") is the
# measurement.
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 28 of 36 pairs at 0.90 as a
# TRAINING set (2.7: 28); floors re-measured, rounded down to 3 decimals. Lowered: fr progress 0.764 -> 0.758, fr instruction 0.941 -> 0.927, en question 0.835 -> 0.825, en progress 0.857 -> 0.851.
# Why: the model now fits twelve writers whose labels differ; the rules alone read no message
# of any set worse than 2.7 did (2.8's rule changes moved 16 messages of the twelve sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.8") is the
# measurement.
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 32 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): nl progress 0.862 -> 0.937, nl instruction 0.835 -> 0.931, en question 0.825
# -> 0.931, en progress 0.851 -> 0.949.
FLOOR = {
    "nl": {
        "greeting": 0.981,
        "offer_help": 0.981,
        "identify": 1.0,
        "question": 0.927,
        "restate": 0.949,
        "empathy": 1.0,
        "apology": 1.0,
        "progress": 0.927,
        "instruction": 0.931,
        "check": 0.962,
        "closing": 0.879,
        "hold": 0.962,
    },
    "fr": {
        "greeting": 0.981,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.984,
        "restate": 0.961,
        "empathy": 0.983,
        "apology": 1.0,
        "progress": 0.758,
        "instruction": 0.927,
        "check": 0.949,
        "closing": 0.947,
        "hold": 0.962,
    },
    "en": {
        "greeting": 0.981,
        "offer_help": 0.943,
        "identify": 0.979,
        "question": 0.931,
        "restate": 0.962,
        "empathy": 0.967,
        "apology": 0.981,
        "progress": 0.949,
        "instruction": 0.916,
        "check": 0.943,
        "closing": 0.945,
        "hold": 0.912,
    },
}
# Negated instructions counted as given (target 0), blind: layer 2.2 counts 8 / 3 / 3 (2.1:
# 10 / 4 / 5). Five of the fourteen mix Dutch and French in one message (the Brussels persona);
# the others are numbered lists of what not to do, "Wacht ... met", "Vraag geen ... meer aan",
# "Laat ... maar met rust", "Leave ... alone:", "don't ... yet", "above all please don't press".
# Layer 2.3 (trained on this set, its forms read as classes): 0 / 0 / 0.
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT6 = HeldoutSet(
    name="heldout6",
    folder=BENCH_MODULE.HELDOUT6,
    measured="2026-12-04",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=350,  # the writer's brief: 350 or more messages per language
    min_positives_per_act=25,  # at least 25 examples of each act (the writer's count)
    min_negated=50,
    min_no_act=55,
)
globals().update(build_tests(HELDOUT6))
