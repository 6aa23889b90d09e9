"""The language layer on the fourth held-out corpus: measured floors, and issue 12's targets.

tests/language/heldout4/ was written and labelled by five operator personas per language
(a terse senior on chat, a chatty junior, a phone agent's unpunctuated speech, a formal
e-mail writer, a non-native speaker) without reading the layer, its lexicons or any other
set, and without running the layer on it (labels committed in a917359, see its README).
Layer 2.0's act model was trained on the five other sets while it was written, so this is
the one set neither the rules nor the model has seen. The scoring is
benchmarks/bench_language.py's (`--set heldout4` prints the same figures).

The tests are the other held-out sets' (tests/language/heldout_checks.py: a floor per act and
language at the F1 measured when this file was written, issue 12's target F1 >= 0.90 as a
strict xfail where it is not met yet, the same for negated instructions counted as given),
plus one check that no message here is literally one of another set.
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# F1 per act on the fourth held-out set with layer 2.0 (rules + act model), measured by the
# lead after merging it (2026-12-03, evening; neither the rules' tuners nor the model's trainer
# opened this set), rounded down to 2 decimals: 5 of 36 pairs at 0.90, mean macro-F1 0.777.
# The rules alone (`bench_language.py --rules`, the same as layer 1.3 here) scored 5 of 36,
# mean macro-F1 0.756.
FLOOR = {
    "nl": {
        "greeting": 0.9,
        "offer_help": 0.81,
        "identify": 0.78,
        "question": 0.63,
        "restate": 0.86,
        "empathy": 0.7,
        "apology": 0.94,
        "progress": 0.67,
        "instruction": 0.75,
        "check": 0.72,
        "closing": 0.88,
        "hold": 0.8,
    },
    "fr": {
        "greeting": 0.94,
        "offer_help": 0.69,
        "identify": 0.83,
        "question": 0.71,
        "restate": 0.73,
        "empathy": 0.66,
        "apology": 0.79,
        "progress": 0.67,
        "instruction": 0.73,
        "check": 0.79,
        "closing": 0.86,
        "hold": 0.79,
    },
    "en": {
        "greeting": 1.0,
        "offer_help": 0.71,
        "identify": 0.68,
        "question": 0.65,
        "restate": 0.75,
        "empathy": 0.69,
        "apology": 0.9,
        "progress": 0.66,
        "instruction": 0.76,
        "check": 0.8,
        "closing": 0.83,
        "hold": 0.76,
    },
}
# Negated instructions counted as given, measured with the floors above (target 0): the same
# six messages with layer 1.3 and 2.0: prohibitions said with a verb (arrêtez de, veuillez vous
# abstenir de, hold off on) and "wacht ... nog niet" read as an instruction.
NEGATED_GIVEN = {"nl": 2, "fr": 3, "en": 1}

HELDOUT4 = HeldoutSet(
    name="heldout4",
    folder=BENCH_MODULE.HELDOUT4,
    measured="2026-12-03",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=350,  # the writer's brief: 350-400 messages per language
    min_positives_per_act=25,  # at least 25 examples of each act
    min_negated=25,
    others=(
        BENCH_MODULE.CORPUS,
        BENCH_MODULE.HELDOUT,
        BENCH_MODULE.HELDOUT2,
        BENCH_MODULE.HELDOUT3,
        BENCH_MODULE.DEV2,
    ),  # no message may be copied from these
    min_no_act=35,  # the writer wrote 35 or more per language
)
globals().update(build_tests(HELDOUT4))
