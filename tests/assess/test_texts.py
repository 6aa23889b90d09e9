"""The text table: three languages that agree on their placeholders; time formats."""

from __future__ import annotations

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
