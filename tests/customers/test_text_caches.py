"""perf19: a text's content words (per text, language and `short`) and the message without its
invitation to add (per text and language) are kept; what is kept must never answer for another
language or reading, nor be changed by a reader of it."""

from __future__ import annotations

from helpdesk_tui.customers.content_words import content_sequence, content_stems
from helpdesk_tui.customers.dialogue import without_invitation


def test_each_language_and_reading_has_its_own_answer_in_any_order() -> None:
    # By the rules (4 letters or more, not a stop word, first 5 letters; `short` keeps acronyms):
    # "pour" is a French stop word and an English verb; "VPN" counts only when read short.
    text = "Pour the coffee near the VPN box"
    expected = {
        ("en", False): ("pour", "coffe", "near"),
        ("fr", False): ("coffe", "near"),
        ("en", True): ("pour", "coffe", "near", "vpn", "box"),
        ("fr", True): ("coffe", "near", "vpn", "box"),
    }
    for order in (list(expected), list(reversed(expected))):
        for language, short in order:
            assert content_sequence(text, language, short) == expected[language, short]
    assert content_sequence(text, "en") == expected["en", False]


def test_changing_the_stems_given_leaves_the_next_reader_its_own() -> None:
    text = "The printer jams on every page"
    first = content_stems(text, "en")
    first.add("added")
    first.discard("print")
    assert content_stems(text, "en") == {"print", "jams", "every", "page"}


def test_an_invitation_to_add_is_cut_in_its_own_language_only_in_any_order() -> None:
    # "Mis ik nog iets?" invites an addition in Dutch (rules 2.4); in English or French it
    # is no invitation ("mis" and "iets" are none of their words), so the text stays whole.
    text = "Uw printer drukt niet af. Mis ik nog iets?"
    expected = {"nl": "Uw printer drukt niet af.", "en": text, "fr": text}
    for order in (["nl", "en", "fr"], ["fr", "en", "nl"]):
        for language in order:
            assert without_invitation(text, language) == expected[language], language
