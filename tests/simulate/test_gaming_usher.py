"""`usher` (branch evid31): an eighth cheater written blind from the published documents.

What it claims to be: that it plays every bundled scenario blind, never reads the answer key, does
the whole job and is deterministic is checked with the other blind cheaters in
test_gaming_blind_cheaters.py (its `Peeker` below, which reads the key, shows those checks can
fail); here, its two ways of turning text about do what its docstring says, on sentences written
here (the expected texts are English, Dutch and French written by hand, not the code's output).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.simulate import gaming_usher_words as words
from helpdesk_tui.simulate.gaming_usher import UsherPolicy


class Peeker(UsherPolicy):
    """An usher that takes its category from the answer key."""

    def _category(self, said: str, article: object) -> str:
        return self.scenario.incidents[0].answer.category


@pytest.mark.parametrize(
    ("step", "language", "told"),
    [
        ("Restart the router.", "en", "the router needs restarting"),
        ("Remove the **old** cable (see below).", "en", "the old cable needs removing"),
        ("Set the ticket to pending", "en", "the ticket to pending needs setting"),
        ("Herstart de router.", "nl", "de bedoeling is dat u de router herstart"),
        ("Redémarrez le routeur.", "fr", "le routeur est à redémarrer"),
        ("Choisissez le bon profil", "fr", "le bon profil est à choisir"),
    ],
)
def test_an_imperative_step_is_told_as_a_description_verb_last(
    step: str, language: str, told: str
) -> None:
    assert words.describe(step, language) == told


@pytest.mark.parametrize(
    ("clause", "language", "swapped"),
    [
        ("the printer shows offline since Monday", "en", "since Monday the printer shows offline"),
        ("Outlook keeps asking for the password, again", "en",
         "for the password again Outlook keeps asking"),
        ("de printer staat offline sinds maandag", "nl", "sinds maandag de printer staat offline"),
        ("l'écran reste noir depuis ce matin", "fr", "depuis ce matin l'écran reste noir"),
        ("too short", "en", "too short"),
    ],
)  # fmt: skip
def test_a_clause_is_given_back_second_half_first_with_no_punctuation(
    clause: str, language: str, swapped: str
) -> None:
    assert words.swap_halves(clause, language) == swapped


@pytest.mark.parametrize(
    ("reply", "works"),
    [
        ("Yes, it works now, thanks!", True),
        ("That fixed it.", True),
        ("No, it still doesn't work.", False),
        ("It's still the same as before.", False),
        ("Okay, thank you.", False),
    ],
)
def test_it_works_is_read_from_a_word_of_success_without_a_negation(
    reply: str, works: bool
) -> None:
    assert words.says_it_works(reply, "en") is works
