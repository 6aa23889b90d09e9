"""The language layer on the eighteenth held-out corpus: floors (blind, layers 2.13 and 2.14).

tests/language/heldout18/ is the twentieth writer's (branch l-heldout18, labels committed in
f657dd1): three agents per language of different seniority (a junior who over-explains, a
terse senior on Teams chat, a team lead writing e-mails) at a Flemish provincial government's
service desk, a Walloon water utility and an international school's IT desk, written in a real
queue's proportions without reading the layer or any other set's messages, and without running
the layer on it; 35 short stock lines another set also held were rewritten by the lead into
longer variants with the same acts (texts only, before any score was read). Scored blind by the
lead (2026-12-05, 11:31 UTC) with the shipped layer 2.13: **7 of 36 pairs at 0.90, macro-F1
0.744** (rules alone 6, 0.679), negated given 3 / 2 / 0. Branch l-rules19 (layer 2.14)
developed on heldout17 and the earlier sets without seeing this one; the lead scored 2.14 blind
(12:38 UTC): **6 of 36, 0.744** (en identify 0.92 -> 0.89; empathy nl +0.05; no other pair
moved by more than 0.02): the round's gains on its development set did not reach this writer.
The floors below are 2.14's (rounded down to 3 decimals); from now on the set is a development
set. Its format and self-check are in test_heldout_sets_format.py (its heldout18 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# Layer 2.14 (rules 2.17), lead, 2026-12-05 12:45 UTC: 6 of 36 pairs, macro-F1 0.744.
# Layer 2.15 (branch l-rules20, developed on this set): 7 of 36 pairs, macro-F1 0.750 (rules alone
# 6, 0.691), negated given 3/2/0 -> 0/0/0. Raised: nl restate, nl instruction, fr instruction, en
# identify, en hold 0.54 -> 0.714. Lowered: nl question 0.657 -> 0.647 (a greeting with the
# ticket's subject read as a question), fr hold 0.736 -> 0.702 ("Deux sec je regarde le serveur."
# without a comma, the retrained model no longer adds hold). Why: the act model retrained on layer
# 2.15's rules (branch l-rules20, same sets and settings); no rule of 2.15 matches the messages
# that moved (benchmarks/README.md "The twentieth writer's weakest acts (branch l-rules20)"), each
# set's macro-F1 is within 0.001 of 2.14's, and leave one writer out is the measurement.
# l-rules22 (layer 2.17): en closing 0.644 -> 0.62 (lowered: the act model retrained on the 2.17
# rules, same sets and settings, moves these pairs; no set's macro falls by more than 0.001;
# benchmarks/README.md "The twenty-second writer's weakest acts")
FLOOR = {
    "nl": {
        "greeting": 0.926,
        "offer_help": 0.812,
        "identify": 0.789,
        "question": 0.647,
        "restate": 0.735,
        "empathy": 0.791,
        "apology": 0.972,
        "progress": 0.666,
        "instruction": 0.807,
        "check": 0.633,
        "closing": 0.655,
        "hold": 0.684,
    },
    "fr": {
        "greeting": 0.95,
        "offer_help": 0.774,
        "identify": 0.787,
        "question": 0.521,
        "restate": 0.528,
        "empathy": 0.79,
        "apology": 0.971,
        "progress": 0.612,
        "instruction": 0.744,
        "check": 0.465,
        "closing": 0.709,
        "hold": 0.702,
    },
    "en": {
        "greeting": 0.978,
        "offer_help": 0.944,
        "identify": 0.918,
        "question": 0.727,
        "restate": 0.61,
        "empathy": 0.818,
        "apology": 0.894,
        "progress": 0.666,
        "instruction": 0.783,
        "check": 0.612,
        "closing": 0.62,
        "hold": 0.714,
    },
}
# Negated instructions counted as given (target 0), layer 2.14: 3 / 2 / 0 ("U hoeft de rest
# niet opnieuw in te vullen, stap een en twee zijn intussen wel bewaard.", "Allez, en nie de
# Postvak IN van de dienst meepakken hè, enkel de uwe.", "Gene factory reset doen hè, dan zijt
# ge uw foto's van vandaag kwijt.", "Il ne faut pas que vous payiez les frais de rappel de
# quinze euros, eux sont annulés.", "Inutile de désinstaller et réinstaller l'application, cela
# ne change rien au problème."): Flemish "nie"/"gene", "hoeft niet", "il ne faut pas que",
# "inutile de".
NEGATED_GIVEN = {"nl": 0, "fr": 0, "en": 0}

HELDOUT18 = HeldoutSet(
    name="heldout18",
    folder=BENCH_MODULE.SETS["heldout18"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=400,  # the writer's brief: at least 400 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT18))
