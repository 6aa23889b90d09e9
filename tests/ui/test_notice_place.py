"""Notices (toasts) cover no key of the footer, no chat text and no box to type in.

At 100 x 30 a practice notice (15-20 s) covered the right end of the footer's keys
(docs/known-issues.md); issue 14, finding 13: over the form's Save button and the chat.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region

from helpdesk_tui import i18n

from .conftest import make_rig, screen_text
from .pilot import at, until

FEEDBACK = "SLA: eerste reactie gehaald\nPrioriteit P2: juist\nArtikel KB-1: juist"
"""A closed ticket's feedback in practice: the tallest notice (four lines with its title)."""


def overlaps(one: Region, other: Region) -> bool:
    return bool(one.intersection(other).area)


async def test_notices_stay_above_the_footer_and_off_the_chat_and_the_kb_box(mini: Any) -> None:
    i18n.set_language("nl")
    try:
        app = make_rig(mini).app()
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await at(pilot, 70)  # a chat has opened: two notices are up
            await pilot.press("f4")
            app.notify(FEEDBACK, title="Ticket T-1001 gesloten", timeout=20)
            await until(pilot, lambda: len(app.screen.query("Toast")) == 3)
            await pilot.pause()
            toasts = [t.region for t in app.screen.query("Toast")]
            keys = app.screen.query_one("#keys").region
            covered = [
                app.screen.query_one("#conversation-area").region,
                app.main.kb.query_input.region,
                keys,
            ]
            for toast in toasts:
                assert toast.bottom <= keys.y, (toast, keys)
                assert not any(overlaps(toast, region) for region in covered), toast
            text = screen_text(app)
            assert "Artikel KB-1: juist" in text  # the tallest shown whole, not cut by its rack
            for key in ("F4 Chats", "F3 Ticket"):  # the first footer line's right end
                assert key in text
    finally:
        i18n.set_language("en")


async def test_notices_up_when_a_form_opens_hide_until_it_closes(mini: Any) -> None:
    """They sat over the form's lower edge, where its Save button is (issue 14, 13)."""
    app = make_rig(mini).app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await at(pilot, 70)
        await until(pilot, lambda: app.main.query("Toast"))
        assert all(t.display for t in app.main.query("Toast"))
        await pilot.press("f2", "e")
        await until(pilot, lambda: app.screen is not app.main)
        assert not any(t.display for t in app.main.query("Toast"))
        # Textual shows every notice up again on the screen that opens: not on a form
        assert not any(t.display for t in app.screen.query("Toast"))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is app.main)
        assert all(t.display for t in app.main.query("Toast"))
