"""Rules 2.14, third round (branch ctx-read3): who a message addresses is no thing of theirs.

A finding told (`in_context.tells_a_finding`) names something the customer named. The customer's
own name, said to them ("Kyle, honestly, that would drive anyone up the wall."), is no such
thing: it is sympathy, and read as a finding it forked worded-h's calder run (Kyle answered
"Okay." and the run took another path, 22 -> 15 favourable). The labels are what an operator
means by each line, written for this test: the sympathy lines carry no `progress`, the line
that tells what the update did does, name or not.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.customers.in_context import Place, read_at

SAID = {
    "en": (
        "Hi, it's Kyle on counter three.",
        "The payment system can't find my card reader again!",
    ),
    "nl": ("Dag, met Kyle van balie drie.", "Het kassasysteem vindt mijn kaartlezer weer niet!"),
    "fr": (
        "Bonjour, c'est Kyle au guichet trois.",
        "Le logiciel de caisse ne trouve plus mon lecteur de carte !",
    ),
}
SYMPATHY = {
    "en": ["Kyle, honestly, that would drive anyone up the wall.",
           "That would drive anyone up the wall, Kyle."],
    "nl": ["Kyle, eerlijk, daar zou iedereen gek van worden.",
           "Daar zou iedereen gek van worden, Kyle."],
    "fr": ["Kyle, franchement, il y a de quoi devenir fou.", "Il y a de quoi devenir fou, Kyle."],
}  # fmt: skip
FINDING = {
    "en": "Kyle, the update last night removed the reader's driver.",
    "nl": "Kyle, de update van gisteravond heeft de driver van de kaartlezer verwijderd.",
    "fr": "Kyle, la mise à jour d'hier soir a supprimé le pilote du lecteur.",
}


def _at(lang: str) -> Place:
    return Place(False, SAID[lang], True)


@pytest.mark.parametrize(("lang", "text"), [(lg, t) for lg, ts in SYMPATHY.items() for t in ts])
def test_the_customer_named_is_no_finding(lang: str, text: str) -> None:
    assert "progress" not in read_at(text, lang, _at(lang)).acts


@pytest.mark.parametrize("lang", sorted(FINDING))
def test_a_finding_told_by_name_is_still_one(lang: str) -> None:
    assert "progress" in read_at(FINDING[lang], lang, _at(lang)).acts
