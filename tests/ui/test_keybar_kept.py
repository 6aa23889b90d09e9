"""The footer keeps each set of keys it showed: moving between areas swaps, never rebuilds.

An area switch (F2/F4) changes the footer's keys; the footer built each key's text
and rendered its lines again on every switch (issue 14: area switches are part of
the key mix's tail). Kept lines must be exactly what a fresh rendering gives.
"""

from __future__ import annotations

from typing import Any

from textual.visual import Visual
from textual.widget import Widget

from helpdesk_tui.ui.widgets.keybar import KeyBar

from .conftest import SIZE, Rig
from .pilot import at


def fresh_lines(bar: KeyBar) -> list[Any]:
    """What Textual renders for the footer's current text, outside any cache."""
    width, height = bar.size
    strips = Visual.to_strips(bar, bar._render(), width, height, bar.visual_style)
    return [list(strip) for strip in strips]


async def test_an_area_shown_before_gets_its_keys_back_without_rendering_them(
    rig: Rig, monkeypatch: Any
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        bar = app.main.query_one(KeyBar)
        await pilot.press("f4", "f2")  # each area's keys shown once
        await pilot.pause()
        queue_keys = "".join(line.plain for line in bar._lines)
        rendered: list[str] = []
        render = Widget._render_content

        def counted(self: Widget) -> None:
            if isinstance(self, KeyBar):
                rendered.append("".join(line.plain for line in self._lines))
            render(self)

        monkeypatch.setattr(Widget, "_render_content", counted)
        await pilot.press("f4")
        await pilot.pause()
        chat_keys = "".join(line.plain for line in bar._lines)
        assert [list(s) for s in bar._render_cache.lines] == fresh_lines(bar)
        await pilot.press("f2")
        await pilot.pause()
        assert "".join(line.plain for line in bar._lines) == queue_keys
        assert [list(s) for s in bar._render_cache.lines] == fresh_lines(bar)
        assert chat_keys != queue_keys
        assert rendered == []  # both sets came back kept


async def test_a_new_theme_draws_the_keys_again(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        bar = app.main.query_one(KeyBar)
        await pilot.press("f4", "f2")
        await pilot.pause()
        before = [list(s) for s in bar._render_cache.lines]
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        await pilot.press("f4", "f2")
        await pilot.pause()
        after = [list(s) for s in bar._render_cache.lines]
        assert after == fresh_lines(bar)
        assert after != before


async def test_an_area_shown_before_gets_its_lines_back_without_laying_them_out(
    rig: Rig, monkeypatch: Any
) -> None:
    """Each switch laid the keys out again (a Text per entry, one sum per entry over the
    rest); kept per set and width, and what comes back is a fresh layout's lines."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        bar = app.main.query_one(KeyBar)
        await pilot.press("f4", "f2")
        await pilot.pause()
        placed: list[int] = []
        place = KeyBar._place
        monkeypatch.setattr(
            KeyBar, "_place", lambda self, *a: (placed.append(1), place(self, *a))[1]
        )
        for key in ("f4", "f2", "f4"):
            await pilot.press(key)
            await pilot.pause()
            kept = ([line.plain for line in bar._lines], list(bar._hits))
            fresh_lines_, fresh_hits = bar._lines_for(bar.size.width)
            assert kept == ([line.plain for line in fresh_lines_], fresh_hits), key
        placed.clear()
        await pilot.press("f2", "f4")
        await pilot.pause()
        assert placed == []  # main: one layout or more per switch
        await pilot.resize_terminal(100, 30)  # another width: laid out again
        await pilot.pause()
        assert placed
