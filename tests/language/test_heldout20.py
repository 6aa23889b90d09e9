"""The language layer on the twentieth held-out corpus: floors (blind, layers 2.15 and 2.16).

tests/language/heldout20/ is the twenty-second writer's (branch l-heldout20, labels committed in
8b579c5): three agents per language (a student on a job contract at a Leuven university's
helpdesk, a long-serving civil servant at the Liège city administration's desk for its counters
and citizens, a former store manager on a Manchester retail chain's store support line), written
in a real queue's proportions without reading the layer or any other set's messages, and without
running the layer on it; 44 short stock lines another set also held were rewritten by the lead
into longer variants with the same acts (texts only).
Scored blind by the lead (2026-12-05, 17:00 UTC) with the shipped layer 2.15 (rules 2.20):
**5 of 36 pairs at 0.90, macro-F1 0.744** (0.746 before the stock lines were made longer; rules
alone 4, 0.663), negated given 1 / 2 / 1. Branch l-rules21 (layer 2.16) developed on heldout19
and the earlier sets without seeing this one; the lead scored 2.16 blind on the merged tree
(18:20 UTC): **5 of 36, 0.747** (rules alone 4, 0.666), negated given 1 / 2 / 2: as in stops
27 and 28, the round's gains on its development set (heldout19 0.738 -> 0.755, negated given
3/2/1 -> 0/0/0) did not reach the next writer (+0.003). The floors below are 2.16's (rounded down
to 3 decimals); from now on the set is a development set. Its format and self-check are in
test_heldout_sets_format.py (its heldout20 cases).
"""

from __future__ import annotations

from tests.language.heldout_checks import HeldoutSet, build_tests
from tests.language.test_corpus_targets import BENCH_MODULE

# l-model23 (layer 2.18): fr progress 0.709 -> 0.705 (lowered: the act model retrained on the
# 2.18 rules, same thirteen writers and settings, gives "Il imprime le bon logo ? Alors t'as plus
# besoin du technicien" `progress`; benchmarks/README.md "The act model on every writer, shipped")
FLOOR = {
    "nl": {
        "greeting": 0.958,
        "offer_help": 0.848,
        "identify": 0.772,
        "question": 0.826,
        "restate": 0.838,
        "empathy": 0.666,
        "apology": 0.95,
        "progress": 0.777,
        "instruction": 0.793,
        "check": 0.776,
        "closing": 0.73,
        "hold": 0.76,
    },
    "fr": {
        "greeting": 0.874,
        "offer_help": 0.827,
        "identify": 0.833,
        "question": 0.69,
        "restate": 0.698,
        "empathy": 0.857,
        "apology": 0.871,
        "progress": 0.705,
        "instruction": 0.736,
        "check": 0.655,
        "closing": 0.75,
        "hold": 0.823,
    },
    "en": {
        "greeting": 0.926,
        "offer_help": 0.928,
        "identify": 0.782,
        "question": 0.783,
        "restate": 0.637,
        "empathy": 0.682,
        "apology": 0.95,
        "progress": 0.675,
        "instruction": 0.607,
        "check": 0.736,
        "closing": 0.755,
        "hold": 0.777,
    },
}
# Negated instructions counted as given (target 0), layer 2.16: 1 / 2 / 2 (2.15: 1 / 2 / 1; 2.16
# adds "Please accept our apologies; ... nothing further needs to be paid."; "Gelieve even te
# wachten en de pagina niet te vernieuwen.", "C'est vraiment pas de ta faute, mais touche plus au
# Safe Exam Browser pour l'instant", "T'inquiète, mais ouvre plus cette vieille appli de caisse",
# "Please excuse the wait, Sir; ... so there is no need to try again at the kiosk, ..."): a
# hold beside a negated step, French imperatives with "plus" and no "ne", and "there is no need
# to" inside a long turn. Left for the next layer round that develops on this set.
# Layer 2.17 (branch l-rules22, the act model retrained) raises 16 floors and lowers two: nl
# instruction 0.803 -> 0.793 ("..., gelieve de lezer opnieuw aan te sluiten en te bevestigen of
# de kaart wordt gelezen.": the check's "bevestigen of" takes the "gelieve" request in its clause
# part, which gives way to it) and en instruction 0.613 -> 0.607 (the retrained model adds it
# to "Go on then, is it working"; no rule on it). Negated given unchanged.
NEGATED_GIVEN = {"nl": 1, "fr": 2, "en": 2}

HELDOUT20 = HeldoutSet(
    name="heldout20",
    folder=BENCH_MODULE.SETS["heldout20"],
    measured="2026-12-05",
    floor=FLOOR,
    negated_given=NEGATED_GIVEN,
    min_messages=400,  # the writer's brief: at least 400 messages per language
    min_positives_per_act=15,
    min_negated=30,
    min_no_act=60,
)
globals().update(build_tests(HELDOUT20))
