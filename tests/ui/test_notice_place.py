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


async def test_at_most_three_notices_stand_and_the_kb_box_stays_clear(mini: Any) -> None:
    """A fourth notice covered the KB search box at 30 rows until the first went
    (docs/known-issues.md, branch bugs4): the oldest now goes when a fourth comes."""
    i18n.set_language("fr")
    try:
        app = make_rig(mini).app()
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await at(pilot, 70)  # a chat has opened: two notices are up
            app.notify(FEEDBACK, title="Ticket T-1001 clôturé", timeout=20)
            for n in range(4):
                app.notify(f"Nouveau message {n}", timeout=20)
            await until(pilot, lambda: "Nouveau message 3" in screen_text(app))
            await pilot.pause()
            texts = [str(t.render()) for t in app.screen.query("Toast")]
            assert len(texts) == 3, texts
            assert [t for t in texts if "Nouveau message" in t] == [
                f"Nouveau message {n}" for n in (1, 2, 3)
            ]  # the newest three, in order
            box = app.main.kb.query_input.region
            keys = app.screen.query_one("#keys").region
            for holder in app.screen.query("ToastHolder"):
                assert not overlaps(holder.region, box), (holder.region, box)
                assert holder.region.bottom <= keys.y
            assert "Nouveau message 3" in screen_text(app)
    finally:
        i18n.set_language("en")


async def test_an_error_notice_is_never_the_one_that_goes(mini: Any) -> None:
    app = make_rig(mini).app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.notify("The log could not be written", severity="error", timeout=20)
        for n in range(4):
            app.notify(f"note {n}", timeout=20)
        await until(pilot, lambda: "note 3" in screen_text(app))
        await pilot.pause()
        texts = [str(t.render()) for t in app.screen.query("Toast")]
        assert len(texts) == 3 and any("could not be written" in t for t in texts), texts
