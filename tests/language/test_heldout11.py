"""The language layer on the eleventh held-out corpus: floors (trained on since 2.9) and targets.

tests/language/heldout11/ is the thirteenth writer's (branch l-heldout11, labels committed in
958c83f): five operator personas per language unlike any earlier set's (a hospital's
medical-device desk, a Ghent agent, an EV charging-card line, a milking-robot service line, a
school ICT desk in report-card week; a Borinage agent, a tour operator's support for travel
agencies, a veterinary-clinic software desk, a property manager's extranet line, a bakery
chain's till hotline; a Geordie agent, a New Zealand broadband and power agent, a formal
law-firm IT desk, a cruise ship's Digital Desk, a payroll-software helpdesk), written without
reading the layer, its lexicons or any other set's messages, and without running the layer on
it. Layer 2.7 (on main) and layer 2.8 (branch l-model9, tuned and trained on twelve writers
while this set was written, by someone who never opened it) were scored on it by the lead
after merging (2026-12-04, 21:15 and 22:35 UTC). A second labeller labelled it again blind
(tests/language/agreement/heldout11): the two agree on 36 of 36 pairs, macro-F1 0.983.
Its format and self-check are in test_heldout_sets_format.py (its heldout11 cases).

Since layer 2.9 (branch l-model10) it is a TRAINING set, a training writer since 2.9: the lead
released it after its blind scoring, and train.py names it (the thirteenth writer of `SETS`).
The floors below are the shipped weights' fit, not a blind figure; with this set held out (leave
one set out) see benchmarks/README.md "Layer 2.9". Its labels were not changed.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.8, measured by the lead (2026-12-04, rounded down to 3 decimals): 12 of 36
# pairs at 0.90, mean macro-F1 0.854 (layer 2.7 on the same set, also blind: 8 of 36, 0.840;
# the rules alone with 2.8's lexicons: 6 of 36, 0.800). Weakest: restate nl 0.68 / fr 0.74 /
# en 0.75 (recall 0.52-0.63), question 0.74-0.78 (precision 0.66-0.69), greeting en 0.75,
# progress fr 0.76, identify nl/fr 0.79-0.80 (recall 0.65-0.68).
# Layer 2.9 (thirteen writers, heldout11 added, and the exam's own sentences; margins 1.0;
# 2026-12-05): 35 of 36 pairs at 0.90 as a TRAINING set (blind with 2.8: 12); floors re-measured,
# rounded down to 3 decimals: every floor rose or held (the fit of the writer's own labels; held
# out, leave one set out, it reads 15 of 36, macro-F1 0.878, at margins 1.0: benchmarks/README.md
# "Layer 2.9").
# l-rules22 (layer 2.17): nl progress 0.946 -> 0.94 (lowered: the act model retrained on the 2.17
# rules, same sets and settings, moves these pairs; no set's macro falls by more than 0.001;
# benchmarks/README.md "The twenty-second writer's weakest acts")
FLOOR = {
    "nl": {
        "greeting": 0.983,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.906,
        "restate": 1.0,
        "empathy": 1.0,
        "apology": 1.0,
        "progress": 0.94,
        "instruction": 0.934,
        "check": 0.966,
        "closing": 0.964,
        "hold": 0.985,
    },
    "fr": {
        "greeting": 1.0,
        "offer_help": 0.982,
        "identify": 1.0,
        "question": 0.917,
        "restate": 1.0,
        "empathy": 0.968,
        "apology": 0.981,
        "progress": 0.931,
        "instruction": 0.991,
        "check": 1.0,
        "closing": 1.0,
        "hold": 0.966,
    },
    "en": {
        "greeting": 0.931,
        "offer_help": 1.0,
        "identify": 1.0,
        "question": 0.92,
        "restate": 0.99,
        "empathy": 0.968,
        "apology": 1.0,
        "progress": 0.952,
        "instruction": 0.966,
        "check": 0.966,
        "closing": 0.945,
        "hold": 1.0,
    },
}
# Negated instructions counted as given (target 0), blind, layer 2.8: 1 / 1 / 0.
# "Stop maar met de kabel in en uit te steken, dat helpt niet." (a prohibition by "stop met" +
# infinitive with "maar"), "Arrête de relancer la caisse, laisse-la finir." (a prohibition by
# "arrêter de" in the informal imperative).
# Layer 2.9: 0 / 0 / 0 (test_rules_2_9.py: a pair of particles, "laisse-la finir").
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT11 = HeldoutSet(
    name="heldout11",
    folder=BENCH_MODULE.SETS["heldout11"],
    measured="2026-12-04",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=450,  # the writer's brief: at least 450 messages per language
    min_positives_per_act=25,
    min_negated=35,
    min_no_act=35,
)
globals().update(build_tests(HELDOUT11))
