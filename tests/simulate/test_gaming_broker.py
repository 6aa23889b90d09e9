"""`broker` (branch evid33): a ninth cheater written blind from the published documents.

What it claims to be: that it plays every bundled scenario blind, never reads the answer key, does
the whole job and is deterministic is checked with the other blind cheaters in
test_gaming_blind_cheaters.py (its `Peeker` below, which reads the key, shows those checks can
fail); here, its weaving does what its docstring says, on sentences written here (the expected
texts are English, Dutch and French written by hand, not the code's output).
"""

from __future__ import annotations

import pytest

from helpdesk_tui.core.state import ExamState
from helpdesk_tui.simulate import gaming_broker_words as words
from helpdesk_tui.simulate.gaming_broker import BrokerPolicy


class Peeker(BrokerPolicy):
    """A broker that takes its category from the answer key."""

    def _fields(self, state: ExamState, text: str, results: list[str]) -> dict[str, str]:
        return {"category": self.scenario.incidents[0].answer.category}


@pytest.mark.parametrize(
    ("text", "others", "woven"),
    [
        ("Restart the router, then wait two minutes.", ["printer", "offline"],
         "Restart the router printer then wait two minutes offline"),
        ("Herstart de router en wacht twee minuten.", ["printer", "scherm"],
         "Herstart de router printer en wacht twee scherm minuten"),
        ("Redémarrez le routeur (bouton à l'arrière).", ["imprimante"],
         "Redémarrez le routeur imprimante bouton à l'arrière imprimante"),
        ("Open **Settings** - Accounts.", [], "Open Settings Accounts"),
    ],
)  # fmt: skip
def test_a_step_gets_one_word_of_the_customer_after_every_second_content_word(
    text: str, others: list[str], woven: str
) -> None:
    assert words.weave(text, others) == woven


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
    assert words.says_it_works(reply, language) is works
