"""sec13 (red team): the practice in a browser sizes the app from the browser's word.

textual-serve passes a tab's `?width=&height=` and every websocket `["resize", {...}]`
message on to Textual's WebDriver, which posts an `events.Resize` of that size: the input
guard, which drops an oversized in-band resize on a terminal (sec-fuzz9: 3000 x 3000 took
38 s and 300 MB to lay out, 99999 x 99999 never came back), never sees them. One student
(anyone who reaches the page: it has no login) could so tie up the class's server. Every
app of ours lays out at most `MAX_COLUMNS` x `MAX_ROWS`, whatever size it is told."""

from __future__ import annotations

import time

from textual import events
from textual.geometry import Size

from helpdesk_tui.ui.input_guard import MAX_COLUMNS, MAX_ROWS

from .conftest import Rig
from .pilot import at


async def test_a_resize_larger_than_any_screen_is_laid_out_at_the_largest(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await at(pilot, 5)
        huge = Size(3000, 3000)
        started = time.monotonic()
        app.post_message(events.Resize(huge, huge))
        await pilot.pause()
        await at(pilot, 6)
        took = time.monotonic() - started
        assert app.size == Size(MAX_COLUMNS, MAX_ROWS)  # the largest, not the size before
        assert took < 20, f"{took:.1f} s to lay out"
        ordinary = Size(100, 30)
        app.post_message(events.Resize(ordinary, ordinary))
        await pilot.pause()
        await at(pilot, 7)
        assert app.size == ordinary
