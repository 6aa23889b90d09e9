"""What a walk through the program in nl, fr and en found wrong on its screens (bugs18).

Each expectation is what a reader of that language needs, written by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.ui.keymap import KEYS, display_keys

ALSO = {"en": {"j", "o"}, "nl": {"y", "o"}, "fr": {"y", "j"}}
"""The yes key is shown as y, j (Dutch) or o (French); its help says which others work too."""


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_yes_keys_help_names_the_other_two_keys(language: str) -> None:
    i18n.set_language(language)
    key = next(k for k in KEYS if k.id == "confirm.yes")
    shown = display_keys(key)
    aside = re.search(r"\(([^)]*)\)", i18n._(key.help))
    assert aside is not None
    named = set(re.findall(r"\b([a-z])\b", aside.group(1)))
    assert named == ALSO[language], (shown, aside.group(1))
    assert shown not in named
