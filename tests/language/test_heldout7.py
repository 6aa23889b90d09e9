"""The language layer on the seventh held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout7/ is the ninth writer's (branch l-heldout7, labels committed in
bf23765): five operator personas per language, unlike any earlier set's (a West-Flemish
speaker, a Netherlands-Dutch agent, a Québécois agent, an Australian agent, emoji fragments,
key-account, pharmacy-software and GP-surgery desks, a first-day trainee, a multitasker with
half-finished sentences), written without reading the layer, its lexicons or any other set's
messages, and without running the layer on it. Layer 2.3 was tuned and trained on eight writers
while it was written, by someone who never opened it; the lead scored it blind after merging
both branches (2026-12-04, 12:30 UTC). Since layer 2.4 it is a TRAINING set (released by the
lead after its blind scoring; train.py names it): the floors below are the shipped weights' fit.
The blind measurement is the tenth writer's set (heldout8), which 2.4 never opened. Its format
and self-check are in test_heldout_sets_format.py (its heldout7 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.3, measured by the lead after merging l-model5, l-heldout7 and p-report6
# (2026-12-04, rounded down to 3 decimals): 7 of 36 pairs at 0.90, mean macro-F1 0.817 (layer
# 2.2 on the same set, scored before 2.3 was merged: 7 of 36, 0.795; the rules alone: 6 of 36,
# 0.785 with 2.3's lexicons, 0.771 with 2.2's). Weakest: question 0.64-0.76 (precision
# 0.49-0.62), progress nl/en 0.64, identify 0.71-0.79 (recall 0.55-0.66), closing nl 0.72.
# Layer 2.4: heldout7 released by the lead and now a TRAINING set: the floors below are the
# shipped weights' fit (28 of 36 pairs, 0 negated given), not a blind figure; with this set held
# out (leave one set out) see benchmarks/README.md "Layer 2.4".
# Layer 2.6 (ten writers, heldout8 added; 2026-12-04): 28 of 36 pairs at 0.90 as a
# TRAINING set (2.5: 28); floors re-measured, rounded down to 3 decimals. Lowered: nl question 0.848 -> 0.84, nl progress 0.876 -> 0.873, en closing 0.838 -> 0.833.
# Why: the model now fits ten writers whose labels differ; the rules alone read no message
# of this set worse than 2.5 did (2.6's rule changes moved 12 messages of the ten sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.6") is the
# measurement.
# Layer 2.7 (eleven writers, heldout9 added; 2026-12-04): 27 of 36 pairs at 0.90 as a
# TRAINING set (2.6: 28); floors re-measured, rounded down to 3 decimals. Lowered: nl restate 0.982 -> 0.965, nl check 0.918 -> 0.888 (under 0.90: its target test is a strict xfail now), fr progress 0.918 -> 0.91, en greeting 0.964 -> 0.947.
# Why: the model now fits eleven writers whose labels differ; the rules alone read no message
# of any set worse than 2.6 did (2.7's rule changes moved 27 messages of the eleven sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.7") is the
# measurement.
# Layer 2.8 (twelve writers, heldout10 added; 2026-12-04): 27 of 36 pairs at 0.90 as a
# TRAINING set (2.7: 27); floors re-measured, rounded down to 3 decimals. Lowered: fr hold 0.947 -> 0.928, en identify 1.0 -> 0.982, en progress 0.93 -> 0.91, en hold 0.925 -> 0.888. Its en hold fell under 0.90 (0.925 -> 0.888: its target test is a strict xfail now; the model drops `hold` from "stay there 🙏", "bouge pas 🙏"); its nl progress rose over 0.90 (0.893 -> 0.901).
# Why: the model now fits twelve writers whose labels differ; the rules alone read no message
# of any set worse than 2.7 did (2.8's rule changes moved 16 messages of the twelve sets, all
# to their labels); held out (leave one set out, benchmarks/README.md "Layer 2.8") is the
# measurement.
# Layer 2.9 (thirteen writers and the exam's own sentences, margins 1.0; 2026-12-05): 32 of 36
# pairs as a training set; floors re-measured, rounded down to 3 decimals. Raised over 0.90 (their
# strict xfails gone): nl question 0.857 -> 0.923, nl instruction 0.875 -> 0.947, nl check 0.888 ->
# 0.949, fr question 0.891 -> 0.942, en hold 0.888 -> 0.981.
FLOOR = {
    "nl": {
        "greeting": 0.947,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.923,
        "restate": 0.965,
        "empathy": 0.931,
        "apology": 0.983,
        "progress": 0.901,
        "instruction": 0.933,
        "check": 0.949,
        "closing": 0.807,
        "hold": 0.949,
    },
    "fr": {
        "greeting": 0.981,
        "offer_help": 1.0,
        "identify": 0.981,
        "question": 0.942,
        "restate": 0.981,
        "empathy": 0.925,
        "apology": 0.982,
        "progress": 0.91,
        "instruction": 0.97,
        "check": 0.983,
        "closing": 0.881,
        "hold": 0.928,
    },
    "en": {
        "greeting": 0.947,
        "offer_help": 1.0,
        "identify": 0.982,
        "question": 0.909,
        "restate": 0.982,
        "empathy": 0.931,
        "apology": 1.0,
        "progress": 0.91,
        "instruction": 0.944,
        "check": 0.949,
        "closing": 0.852,
        "hold": 0.981,
    },
}
# Negated instructions counted as given (target 0), blind: layer 2.3 counts 1 / 0 / 0 (2.2: the
# same 1 / 0 / 0). Layer 2.4: 0 / 0 / 0 (a wait to a time beside a negated step is the
# postponement: "Doet da update nog nie, wacht tot morgen"), by the rules alone too.
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT7 = HeldoutSet(
    name="heldout7",
    folder=BENCH_MODULE.HELDOUT7,
    measured="2026-12-04",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=360,  # the writer's brief: 360 or more messages per language
    min_positives_per_act=25,  # at least 25 examples of each act (the writer's count)
    min_negated=40,
    min_no_act=55,
)
globals().update(build_tests(HELDOUT7))
