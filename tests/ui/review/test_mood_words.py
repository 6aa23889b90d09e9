"""A customer's mood change in `observe` and `review`, in the viewer's language (seen in
`observe --lang fr` at 100 x 30: "Raj Patel est maintenant irritated (waited 150 s
without an answer)"). The log keeps the simulation's English cause; the screen says it.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.events import make_event
from helpdesk_tui.ui.review.describe import describe

CAUSE = "waited 150 s without an answer; empathy; jargon (DNS, VPN); was something new"
EXPECTED = {
    # the adjective agrees with "humeur", whoever the customer is (bugs5's "humeur irrité")
    "fr": "Humeur de Raj\u00a0: irritée (a attendu 150\u00a0s sans réponse\u00a0; empathie\u00a0; "
    "jargon (DNS, VPN)\u00a0; was something new)",
    "nl": "Raj is nu geïrriteerd (150 s gewacht zonder antwoord; empathie; "
    "jargon (DNS, VPN); was something new)",
    "en": f"Raj is now irritated ({CAUSE})",
}


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_a_mood_change_is_said_in_the_viewers_language(language: str) -> None:
    event = make_event(
        "mood_changed",
        {"customer_id": "raj", "mood": "irritated", "cause": CAUSE},
        90.0,
        "2026-03-02T09:01:30.000Z",
    )
    i18n.set_language(language)
    try:
        assert describe(event, {"raj": "Raj"}.get) == EXPECTED[language]
    finally:
        i18n.set_language("en")


def test_the_french_mood_change_elides_before_a_vowel() -> None:
    event = make_event(
        "mood_changed",
        {"customer_id": "isa", "mood": "angry", "cause": ""},
        90.0,
        "2026-03-02T09:01:30.000Z",
    )
    i18n.set_language("fr")
    try:
        assert describe(event, {"isa": "Isabelle"}.get).startswith(
            "Humeur d'Isabelle\u00a0: en colère"
        )
    finally:
        i18n.set_language("en")
