"""bugs20 left: a key read in the same read after the jump's Enter ("#12", Enter, "4": an
assessor typing on, or a terminal that is behind) went to the closing jump box and was
lost. The assessor pressed it after the jump: it is for the screen the jump lands on, where
"4" shows the records tab (the review's key table, F1)."""

from __future__ import annotations

from pathlib import Path

from textual import events

from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.dialogs import JumpDialog
from helpdesk_tui.ui.review.screen import ReviewScreen
from helpdesk_tui.ui.review.session import open_review

from .logs import SIZE


def burst(app: ReviewApp, keys: list[str]) -> None:
    """All queued before any is handled, as the input thread posts one read's keys."""
    for key in keys:
        char = {"enter": "\r"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, char))


async def test_a_key_after_the_jumps_enter_reaches_the_screen_jumped_to(naive_log: Path) -> None:
    app = ReviewApp(open_review(naive_log, "An Peeters"))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("1")  # the chats tab: "4" must move away from it
        assert screen.tabs.active != "tab-records"
        await pilot.press("g")
        assert isinstance(app.screen, JumpDialog)
        burst(app, ["#", "1", "2", "enter", "4"])
        for _ in range(5):
            await pilot.pause()
        assert app.screen is screen, app.screen
        assert screen.seq == 12
        assert screen.tabs.active == "tab-records"


async def test_keys_after_the_enter_of_a_wrong_time_stay_in_the_box(naive_log: Path) -> None:
    """A time that is no time keeps the dialog open: what follows is typed in its box."""
    app = ReviewApp(open_review(naive_log, "An Peeters"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        dialog = app.screen
        burst(app, ["x", "enter", "4"])
        for _ in range(5):
            await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#jump-input").value == "x4"  # type: ignore[attr-defined]
