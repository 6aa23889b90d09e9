"""An idle candidate's text cursor stops blinking (it stays shown); the next key starts it
again. A blinking cursor is two frames a second of an otherwise still exam."""

from __future__ import annotations

import time

from textual.widgets import Input

from helpdesk_tui.ui.app import CURSOR_BLINK_IDLE_S
from tests.ui.conftest import SIZE, Rig


def _blink_timer_running(widget: Input) -> bool:
    timer = widget._blink_timer
    return timer is not None and timer._active.is_set()


async def test_the_cursor_stops_blinking_after_a_quiet_spell_and_blinks_again_on_a_key(
    rig: Rig,
) -> None:
    async with rig.app().run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f5")  # the KB search box
        box = app.focused
        assert isinstance(box, Input)
        assert box.cursor_blink and _blink_timer_running(box)

        app.still_cursor_if_idle(time.monotonic() + CURSOR_BLINK_IDLE_S / 2)
        assert box.cursor_blink, "stilled before the quiet spell was over"

        app.still_cursor_if_idle(time.monotonic() + CURSOR_BLINK_IDLE_S + 1)
        await pilot.pause()
        assert not box.cursor_blink
        assert not _blink_timer_running(box)
        assert box._cursor_visible, "the stilled cursor must stay shown"

        await pilot.press("v")
        assert box.cursor_blink and _blink_timer_running(box)
        assert box.value == "v", "the key that wakes the cursor is typed as well"


async def test_a_widget_without_a_cursor_is_left_alone(rig: Rig) -> None:
    async with rig.app().run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f2")  # the queue: no text cursor
        focused = app.focused
        app.still_cursor_if_idle(time.monotonic() + CURSOR_BLINK_IDLE_S + 1)
        assert not hasattr(focused, "cursor_blink") or focused.cursor_blink is not False
        assert len(app._stilled) == 0
