"""The language layer on the twenty-first held-out corpus: floors (blind, layers 2.16 and 2.17).

tests/language/heldout21/ is the twenty-third writer's (branch l-heldout21, labels committed in
e9d7932): three agents per language (a former nurse on a Ghent hospital's IT service desk, a
former bus mechanic on a Namur bus company's support line for drivers and depot staff, a junior
paralegal on an Edinburgh law firm's helpdesk rota), written in a real queue's proportions
without reading the layer or any other set's messages, and without running the layer on it; 67
short stock lines another set also held were rewritten by the lead into longer variants with the
same acts (texts only).
Scored blind by the lead (2026-12-05, 19:33 UTC) with the shipped layer 2.16 (rules 2.22):
**3 of 36 pairs at 0.90, macro-F1 0.749** (rules alone 2, 0.687), negated given 7 / 1 / 0.
Branch l-rules22 (layer 2.17) developed on heldout20 and the earlier sets without seeing this
one (heldout20 0.747 -> 0.785); the lead scored 2.17 blind on the merged tree (20:48 UTC):
**3 of 36, 0.753** (rules alone 2, 0.694), negated given 7 / 1 / 0: a rules round's gain on its
development set did not reach the next writer (+0.004), as in stops 27 to 29. The act model
trained on all twenty-two writers (branch l-model22's variant A, rules 2.16; not shipped: it
costs competent verdicts) reads this set at **5 of 36, 0.796**. The floors below are 2.17's
(rounded down to 3 decimals); from now on the set is a development set. Its format and
self-check are in test_heldout_sets_format.py (its heldout21 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

FLOOR = {
    "nl": {
        "greeting": 0.84,
        "offer_help": 0.8,
        "identify": 0.65,
        "question": 0.753,
        "restate": 0.723,
        "empathy": 0.784,
        "apology": 1.0,
        "progress": 0.606,
        "instruction": 0.691,
        "check": 0.738,
        "closing": 0.622,
        "hold": 0.744,
    },
    "fr": {
        "greeting": 0.816,
        "offer_help": 0.758,
        "identify": 0.734,
        "question": 0.645,
        "restate": 0.816,
        "empathy": 0.807,
        "apology": 0.903,
        "progress": 0.591,
        "instruction": 0.691,
        "check": 0.695,
        "closing": 0.75,
        "hold": 0.692,
    },
    "en": {
        "greeting": 0.897,
        "offer_help": 0.838,
        "identify": 0.782,
        "question": 0.728,
        "restate": 0.875,
        "empathy": 0.867,
        "apology": 0.95,
        "progress": 0.6,
        "instruction": 0.771,
        "check": 0.81,
        "closing": 0.55,
        "hold": 0.583,
    },
}
# Negated instructions counted as given (target 0), layers 2.16 and 2.17: 7 / 1 / 0. The Namur
# mechanic's Dutch writes "niet" as "nt" ("Contact nt afzetten tijdens de update hè.", "Sec,
# contact nog nt afzetten, k zie de update lopen.") and forbids with "niks" ("Niks aan de kabels
# vd val. trekken."); French "pas besoin de redémarrer" has no "ne". Left for the next layer
# round that develops on this set.
NEGATED_GIVEN = {"nl": 7, "fr": 1, "en": 0}

HELDOUT21 = HeldoutSet(
    name="heldout21",
    folder=BENCH_MODULE.SETS["heldout21"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=400,  # the writer's brief: at least 400 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT21))
