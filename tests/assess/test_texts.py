"""The text table: three languages that agree on their placeholders; time formats."""

from __future__ import annotations

import re

import pytest

from helpdesk_tui.assess.texts import LANGUAGES, T, clock, duration, placeholders, tr


@pytest.mark.parametrize("key", sorted(T))
def test_every_text_has_three_languages_with_the_same_placeholders(key: str) -> None:
    texts = T[key]
    assert len(texts) == len(LANGUAGES)
    assert all(t.strip() for t in texts), key
    assert placeholders(texts[1]) == placeholders(texts[0]) == placeholders(texts[2]), key


def test_an_unknown_language_falls_back_to_english() -> None:
    assert tr("de", "status.favourable") == tr("en", "status.favourable") == "speaks for"
    assert tr("nl", "status.favourable") == "pleit voor"


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0s"), (45.4, "45s"), (65, "1m05s"), (3725, "1h02m"), (-90, "-1m30s")]
)
def test_durations(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_clock_times() -> None:
    assert clock(0) == "0:00:00" and clock(3725.9) == "1:02:05" and clock(-120) == "-0:02:00"


FRENCH_WRONG = re.compile(
    r"[ \u202f][:;?!»]|«[ \u202f]|[^\s\u00a0][;?!»]|[^\s\u00a0\d]:(?=\s|$)|^[:;]"
)
"""French puts a no-break space (U+00A0) before : ; ? ! and » and after «, as the UI's
catalogue does (tests/i18n/test_catalogues.py): a plain or narrow space there is wrong,
and so is none; a text appended to another (starting with its ";") brings its own space."""
SIGNS = {"class.legend": "± mitigé, ? à juger"}
"""Where a mark is a sign in a legend, not punctuation: "?" stands for "to judge"."""


@pytest.mark.parametrize("key", sorted(T))
def test_french_puts_a_no_break_space_before_its_high_marks(key: str) -> None:
    text = T[key][LANGUAGES.index("fr")].replace(SIGNS.get(key, "\0"), "")
    prose = re.sub(r"\{[^{}]*\}", "{}", text)  # a field's format spec is not prose
    assert FRENCH_WRONG.findall(prose) == [], text


def test_the_french_report_joins_its_own_parts_with_french_marks() -> None:
    assert tr("fr", "join.semicolon").join(["a", "b"]) == "a\u00a0; b"
    assert tr("fr", "join.labelled", label="Refusé", value="x") == "Refusé\u00a0: x"
    assert tr("en", "join.labelled", label="Refused", value="x") == "Refused: x"
    assert tr("nl", "join.semicolon").join(["a", "b"]) == "a; b"
