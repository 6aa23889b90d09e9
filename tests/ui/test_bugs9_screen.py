"""What branch bugs9 changed on the candidate's screen."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from helpdesk_tui import i18n

from .conftest import Rig, screen_text
from .pilot import at

SPEAKS = {
    "en": None,
    "nl": "Anna Peeters · chat · spreekt Engels",
    "fr": "Anna Peeters · chat · parle anglais",
}
"""The mini scenario is English: its customers read English whatever the UI speaks."""


@pytest.mark.parametrize("language", sorted(SPEAKS))
async def test_the_conversation_says_the_customers_language_when_the_ui_speaks_another(
    rig: Rig, language: str
) -> None:
    """bugs7: an English customer written to in French answered "Sorry, I'm not sure what
    you mean" three times, and nothing told the candidate the customers read English."""
    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        await pilot.pause()
        title = str(app.main.query_one("#conv-title", Static).render())
        speaks = SPEAKS[language]
        if speaks is None:
            assert title == "Anna Peeters · chat"
        else:  # beside the name, before the subject and tickets: never the part cut off
            assert title.startswith(speaks), title
            assert speaks in screen_text(app)  # whole on the screen at 100 x 30
        assert title.startswith("Anna Peeters")
