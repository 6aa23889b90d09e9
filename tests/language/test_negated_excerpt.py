"""What the probe and the evidence show as a message's negated words.

Quotes are no tokens, so an excerpt cut at a word's end dropped the closing quote of a quoted
button name (`clicking "Retry`); an assessor reading the explanation saw a broken quotation.
The expected excerpts are the messages' own quotations, typed here by hand.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.language import analyse


@pytest.mark.parametrize(
    ("lang", "text", "shown"),
    [
        ("en", 'Stop clicking "Retry"', 'clicking "Retry"'),
        ("fr", "Arrêtez de cliquer sur « Réessayer »", "cliquer sur « Réessayer »"),
        ("en", "Don't press “Reset” now", "press “Reset” now"),
    ],
)
def test_a_negated_quotation_keeps_both_its_quotes(lang: str, text: str, shown: str) -> None:
    assert shown in analyse(text, lang).negated


@pytest.mark.parametrize(
    ("lang", "text", "shown"),
    [
        ("en", "Do not restart it", "restart it"),
        ("nl", "Niet herstarten", "herstarten"),
    ],
)
def test_an_excerpt_without_quotes_is_unchanged(lang: str, text: str, shown: str) -> None:
    assert analyse(text, lang).negated == (shown,)
