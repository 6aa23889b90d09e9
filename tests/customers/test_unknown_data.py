"""A customer asked for identifying data the scenario does not give them (the lead, 2026-12-04).

fr-val-de-lesse-garde: "Et votre matricule, s'il vous plaît ?", asked after Isabelle gave
her name and service, got no answer (the scenario gives her no staff number). A person says
they do not know it; the task gives the words: "Je ne le connais pas par cœur" / "Dat weet ik
niet vanbuiten" / "I don't know it offhand", once, and no mood penalty.
"""

from __future__ import annotations

import pytest
from simulate.kit import Driver, make_scenario

CHAT = "C-printer"

ASKED = {
    # language: (who are you, the staff number asked after it, what she says she lacks)
    "en": ("Could I have your name and department?", "And your staff number, please?",
           "I don't know it offhand."),
    "nl": ("Mag ik uw naam en uw afdeling?", "En uw personeelsnummer, alstublieft?",
           "Dat weet ik niet vanbuiten."),
    "fr": ("Puis-je avoir votre nom et votre service ?", "Et votre matricule, s'il vous plaît ?",
           "Je ne le connais pas par cœur."),
}  # fmt: skip


def asked_twice(language: str) -> Driver:
    who, number, _ = ASKED[language]
    d = Driver(make_scenario(language=language))
    d.say(100, CHAT, who)
    d.say(130, CHAT, number)
    d.say(160, CHAT, number)
    d.at(200)
    return d


@pytest.mark.parametrize("language", sorted(ASKED))
def test_she_says_she_does_not_know_it_once(language: str) -> None:
    d = asked_twice(language)
    lines = d.customer_lines(CHAT)
    said = [t for t in lines if ASKED[language][2] in t]
    assert len(said) == 1, lines


@pytest.mark.parametrize("language", sorted(ASKED))
def test_not_knowing_it_costs_no_mood(language: str) -> None:
    d = asked_twice(language)
    assert d.of_type("mood_changed") == []


def test_her_name_comes_first_when_both_are_asked() -> None:
    """Asked name and staff number at once, she gives her name and says what she lacks."""
    d = Driver(make_scenario(language="fr"))
    d.say(100, CHAT, "Votre nom et votre matricule, s'il vous plaît ?")
    d.at(140)
    reply = [t for t in d.customer_lines(CHAT) if "Je ne le connais pas par cœur." in t]
    assert reply and reply[0].startswith("Je suis "), d.customer_lines(CHAT)
