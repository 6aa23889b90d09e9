"""Names are matched whole: "Anne-Sophie" never names "Sophie" (the wrong-recipient rule)."""

from __future__ import annotations

from helpdesk_tui.language.normalise import name_words


def test_a_hyphenated_first_name_is_one_word() -> None:
    assert name_words("Bonjour Anne-Sophie,") == ("bonjour", "anne-sophie")
    assert "sophie" not in name_words("Hi Anne-Sophie and Jean-Luc")


def test_names_are_folded_like_every_other_word() -> None:
    assert name_words("Chloë Van den Brœck") == ("chloe", "van", "den", "broeck")


def test_codes_still_split_at_their_hyphens() -> None:
    """Ticket ids and fact codes are compared part by part, as before."""
    assert name_words("INC-1042 PRN-2-14") == ("inc", "1042", "prn", "2", "14")
