"""`courier` (branch evid34): a tenth cheater written blind from the published documents.

What it claims to be: that it plays every bundled scenario blind, never reads the answer key, does
the whole job and is deterministic is checked with the other blind cheaters in
test_gaming_blind_cheaters.py (its `Peeker` below, which reads the key, shows those checks can
fail); here, its synonym table does what its docstring says, on sentences written here (the
expected texts are English, Dutch and French written by hand, not the code's output).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.core.state import ExamState
from helpdesk_tui.simulate import gaming_courier as courier
from helpdesk_tui.simulate.gaming_courier import CourierPolicy


class Peeker(CourierPolicy):
    """A courier that takes its category from the answer key."""

    def _category(self, state: ExamState, text: str) -> str | None:
        return self.scenario.incidents[0].answer.category


@pytest.mark.parametrize(
    ("text", "language", "wrapped"),
    [
        ("Restart the router, then check the lights.", "en",
         "Reboot the box, next confirm the lamps."),
        ("Click Settings > Accounts and enter the new password.", "en",
         "Press Options > Profiles and type in the fresh passphrase."),
        ("Herstart de computer en controleer de kabel.", "nl",
         "Start opnieuw op de toestel en bekijk de snoer."),
        ("Redémarrez l'ordinateur et vérifiez le câble.", "fr",
         "Relancez l'poste et contrôlez le cordon."),
        ("Ask the user since when.", "en", "Request the person since when."),
    ],
)  # fmt: skip
def test_each_word_the_table_holds_goes_out_as_its_synonym(
    text: str, language: str, wrapped: str
) -> None:
    assert courier.translate(text, language) == wrapped


@pytest.mark.parametrize(
    ("text", "language", "turned"),
    [
        ("My printer shows an error.", "en", "Your copier displays an fault."),
        ("Ik zie mijn scherm niet.", "nl", "U zie uw beeld niet."),
        ("Je ne vois pas mon écran.", "fr", "Vous ne vois pas votre affichage."),
    ],
)  # fmt: skip
def test_the_restatement_turns_the_persons_and_wraps_the_words(
    text: str, language: str, turned: str
) -> None:
    assert courier.translate(text, language, persons=True) == turned


@pytest.mark.parametrize(
    ("reply", "language", "works"),
    [
        ("Yes, it works now, thanks!", "en", True),
        ("That fixed it.", "en", True),
        ("No, it still doesn't work.", "en", False),
        ("It's still the same as before.", "en", False),
        ("Okay, thank you.", "en", False),
        ("Ja, het werkt weer!", "nl", True),
        ("Nee, het werkt nog steeds niet.", "nl", False),
        ("Oui, ça fonctionne, merci.", "fr", True),
        ("Non, ça ne marche pas.", "fr", False),
    ],
)
def test_it_works_is_read_from_a_word_of_success_without_a_negation(
    reply: str, language: str, works: bool
) -> None:
    assert courier.says_it_works(reply, language) is works
