"""What branch bugs10 changed on the candidate's screen: the new-ticket form at 100 x 30."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.ticket_form import TicketForm

from .conftest import Rig
from .pilot import at


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
@pytest.mark.parametrize("from_chat", [False, True], ids=["queue", "chat"])
async def test_the_new_ticket_forms_buttons_are_on_the_screen_at_100x30(
    rig: Rig, language: str, from_chat: bool
) -> None:
    """qa-play9: at 100 x 30 the new-ticket form was taller than the screen; Save and
    Cancel were below its edge (issue 14: every screen works at 100 x 30)."""
    i18n.set_language(language)
    app = rig.app()
    width, height = 100, 30
    async with app.run_test(size=(width, height)) as pilot:
        await at(pilot, 70)
        if from_chat:
            await pilot.press("f4")
            await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TicketForm)
        keys = app.screen.query_one("#form-keys").region
        for name in ("#form-save", "#form-cancel"):
            button = app.screen.query_one(name, Button).region
            assert button.height >= 1 and button.y >= 0, (name, button)
            assert button.bottom <= keys.y, (name, button, keys)  # above the key bar
            assert button.right <= width
        fields = app.screen.query_one("#form-fields")
        assert fields.region.bottom <= app.screen.query_one("#form-save").region.y
        # the last field scrolls into view above the buttons when it gets the focus
        description = app.screen.query_one("#description")
        app.screen.set_focus(description)
        await pilot.pause()
        assert fields.region.y <= description.region.y < fields.region.bottom
        await pilot.click("#form-cancel")
        await pilot.pause()
        assert not isinstance(app.screen, TicketForm)
