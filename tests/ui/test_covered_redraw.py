"""The exam behind a dialog is redrawn every 5 s of exam time, and at once when it closes.

Textual repaints a whole dialog screen, with the dimmed exam behind it, for
every change behind it; the exam's clocks made an open form cost five times an
idle exam (benchmarks/bench_sitting.py, issue 15). The header's clock stands
for everything the main screen draws.
"""

from __future__ import annotations

from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.screens.main import COVERED_REDRAW_S
from helpdesk_tui.ui.widgets.header import ExamHeader

from .conftest import SIZE, Rig


def shown_seconds(app) -> int:  # type: ignore[no-untyped-def]
    shown = app.main.query_one("#header", ExamHeader)._shown
    assert shown is not None
    return shown[0]


async def test_behind_a_form_the_clock_moves_every_5_s_and_catches_up_on_close(rig: Rig) -> None:
    assert COVERED_REDRAW_S == 5.0  # the figure the docs and the benchmark quote
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        app.advance(1)
        await pilot.pause()
        assert shown_seconds(app) == 1
        await pilot.press("i")  # an internal note on the selected ticket
        assert isinstance(app.screen, FormScreen)
        app.advance(1)  # the first tick behind the form draws
        assert shown_seconds(app) == 2
        for _ in range(4):
            app.advance(1)
        assert shown_seconds(app) == 2  # exam time 6: less than 5 s since the last draw
        app.advance(1)
        assert shown_seconds(app) == 7  # 5 s since the last draw
        app.advance(1.5)
        assert shown_seconds(app) == 7
        await pilot.press("escape")  # the form closes (cancelled)
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert shown_seconds(app) == 8  # at once, not at the next tick
        app.advance(1)
        assert shown_seconds(app) == 9  # and every tick again


async def test_a_chat_arriving_behind_a_form_is_in_the_list_when_it_closes(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, FormScreen)
        app.advance(58)
        app.advance(3)  # the mini scenario's chat arrives at minute 1
        assert rig.logged("chat_opened")
        await pilot.press("escape")
        await pilot.pause()
        assert app.main.conversations.current_id is not None
