"""bugs26's walk of practice at 80 x 24 in Dutch and French: two placeholders were cut.

The KB search box showed "Zoeken in de" and "Rechercher un" (its placeholder cut after the
words that fit), and the chat box "Aucune conversation" (of "Aucune conversation
affichée"). The box now says a short "Search…" where the whole does not fit, and the French
chat box's words are shorter. The expected words are the catalogue's, written here.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpdesk_tui import i18n

from .conftest import make_rig, screen_text

SAID = {
    "nl": ("Zoeken…", "Zoeken in de", "Geen gesprek in beeld"),
    "fr": ("Rechercher…", "Rechercher un", "Aucun chat affiché"),
}


@pytest.mark.parametrize("lang", ["nl", "fr"])
async def test_the_placeholders_are_whole_at_80_x_24(mini: Any, lang: str) -> None:
    i18n.set_language(lang)
    app = make_rig(mini).app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        short, cut, chat = SAID[lang]
        assert short in shown and cut not in shown, shown
        assert chat in shown, shown
        await pilot.resize_terminal(160, 40)  # wide: the whole placeholder again
        await pilot.pause()
        assert i18n._("Search the knowledge base…") in screen_text(app)
