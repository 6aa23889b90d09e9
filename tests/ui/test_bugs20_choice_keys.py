"""A form's drop-down list has a key bar of its own (bugs20; bugs19 left it).

With the list of a box (impact, urgency, category...) open, the bottom lines still showed
the form's keys: "Tab Next field" did nothing there and "Esc Cancel" closed the list, not
the form. What a candidate needs, in every language: the keys that work in the list,
each with what it does there (Enter takes the highlighted value, Esc closes the list and
keeps the form, Ctrl+S takes the value and saves), and none of the form's that do
something else or nothing.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.choice import ChoiceField, ChoiceList

from .conftest import SIZE, Rig, screen_text
from .pilot import form, new_ticket_from_chat

KEYS = {  # the keys as a keyboard in that language names them (hand-written)
    "en": ("Enter", "Esc", "Ctrl+S"),
    "nl": ("Enter", "Esc", "Ctrl+S"),
    "fr": ("Entrée", "Échap", "Ctrl+S"),
}
FORM_ONLY = ("Next field", "Cancel")
"""The form's entries that do nothing, or something else, while its list is open."""


def bottom(app: object) -> str:
    return "\n".join(screen_text(app).splitlines()[-2:])  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_an_open_choice_list_shows_its_own_keys(rig: Rig, language: str) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await new_ticket_from_chat(pilot)
        form(app).query_one("#impact", ChoiceField).focus()
        await pilot.pause()
        assert f" {i18n._('Next field')} " in bottom(app) + " "  # the form's, before
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceList)
        text = bottom(app)
        for key in KEYS[language]:
            assert f" {key} " in text, (key, text)
        for words in FORM_ONLY:
            assert f" {i18n._(words)} " not in text + " ", (words, text)
        await pilot.press("escape")  # what the bar says Esc does: the list goes, the form stays
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
