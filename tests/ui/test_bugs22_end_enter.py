"""Ending a practice session (Ctrl+Q): Enter does what the key bar says, and never ends it
by accident (bugs21's walk: the dialog took j/y and Esc, Enter did nothing).

What a user needs: the question's key bar names Enter; Enter presses the highlighted
button, which is No until the user moves to Yes; with no button highlighted (a click
beside them) Enter goes back too. One Enter pressed by habit must not end the session:
the candidate who presses it keeps working.
"""

from __future__ import annotations

from helpdesk_tui.ui.screens.confirm import ConfirmQuit
from helpdesk_tui.ui.widgets.keybar import KeyBar

from .conftest import Rig, screen_text


async def test_enter_on_the_end_question_goes_back_unless_yes_is_highlighted(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        bottom = "\n".join(screen_text(app).splitlines()[-3:])
        assert "Enter" in bottom, bottom  # the key bar names it
        assert app.screen.query(KeyBar)
        await pilot.press("enter")  # by habit: back to work, nothing ended
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmQuit)
        assert rig.last("form_cancelled") == {"form": "quit"}
        assert not rig.state.ended
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "tab")  # Yes, back to No
        await pilot.click("#confirm-detail")  # a click beside the buttons: none highlighted
        await pilot.pause()
        if app.screen.focused is not None:  # Textual kept it: take it off as the click would
            app.screen.set_focus(None)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmQuit)
        assert not rig.state.ended
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # to Yes, then Enter: ended as asked
        await pilot.pause()
    assert app.return_value == "completed"
    assert rig.last("session_ended") == {"reason": "completed"}
