"""The one-second tick paints only the cells it changed (issue 14: the tick's frame).

A tick changes one cell (the SLA clock) in each row in view. DataTable built each of
those lines again from all of its row's cells; `CellCache._render_line` puts the
changed cell's rendering into the line painted before, and where the clock changed in
characters only, `Retexts` puts the new characters into the painted line itself
(branch p-tick12), with no cell rendered at all. What it paints must be what
DataTable and Textual's `StylesCache` paint for the same data.
"""

from __future__ import annotations

from typing import Any

import pytest
from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable

from helpdesk_tui.ui.queue_model import Cell, QueueRow
from helpdesk_tui.ui.widgets.cell_cache import CellCache
from helpdesk_tui.ui.widgets.queue import TicketQueue

from .test_queue_tick import SLA, QueueApp, _rows

SIZE = (120, 40)


def textual_lines(queue: Any) -> list[Strip]:
    """The table's lines in view as DataTable paints them, with none of CellCache's caches."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CellCache, "_render_cell", DataTable._render_cell)
        patch.setattr(CellCache, "_render_line", DataTable._render_line)
        queue._clear_caches()
        queue._line_cache.clear()
        return [queue.render_line(y) for y in range(queue.size.height)]


def kept_lines(queue: Any) -> list[Strip]:
    return [queue.render_line(y) for y in range(queue.size.height)]


def painted(queue: Any) -> list[list[Segment]]:
    """The widget's lines as a frame gets them (border, background, filters: the
    `StylesCache`'s work), with the characters put in that wait for a frame."""
    return [list(strip) for strip in queue.render_lines(Region(0, 0, *queue.outer_size))]


def textual_painted(queue: Any) -> list[list[Segment]]:
    """The widget's lines as Textual paints them with none of our caches: DataTable's
    own cells and lines, styled afresh (the `StylesCache` emptied)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CellCache, "_render_cell", DataTable._render_cell)
        patch.setattr(CellCache, "_render_line", DataTable._render_line)
        queue._clear_caches()
        queue._line_cache.clear()
        lines = painted(queue)
    queue._clear_caches()  # nothing rendered without our caches is kept
    return lines


async def tick(pilot: Any, queue: TicketQueue, rows: list[QueueRow]) -> None:
    queue.sync(rows)
    await pilot.pause()


@pytest.mark.parametrize("scrolled", [False, True])
async def test_a_tick_renders_only_the_changed_cells_and_paints_what_datatable_paints(
    monkeypatch: pytest.MonkeyPatch, scrolled: bool
) -> None:
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        await tick(pilot, queue, _rows(1))
        if scrolled:  # the cursor and the view further down: other rows, other zebra parity
            queue.move_cursor(row=101, animate=False)
            await pilot.pause()
        await tick(pilot, queue, _rows(2))  # the lines in view are painted once
        asked: list[int] = []
        header_asked = 0
        whole_rows = 0
        ask, row = CellCache._render_cell, DataTable._render_line_in_row

        paint = DataTable.render_line

        def counted_ask(self: Any, row_index: int, column_index: int, *args: Any, **kw: Any) -> Any:
            if row_index >= 0:
                asked.append(column_index)
            return ask(self, row_index, column_index, *args, **kw)

        def counted_paint(self: Any, y: int) -> Any:
            nonlocal header_asked
            header_asked += y < self.header_height
            return paint(self, y)

        def counted_row(self: Any, key: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal whole_rows
            whole_rows += key is not self._header_row_key
            return row(self, key, *args, **kwargs)

        monkeypatch.setattr(CellCache, "_render_cell", counted_ask)
        monkeypatch.setattr(DataTable, "_render_line_in_row", counted_row)
        monkeypatch.setattr(DataTable, "render_line", counted_paint)
        spliced, retexted = queue.spliced, queue.retexted
        await tick(pilot, queue, _rows(3))  # every SLA cell changes, nothing else
        monkeypatch.undo()
        in_view = queue.size.height - queue.header_height
        assert whole_rows == 0  # no row built again from all its cells
        assert header_asked == 0  # the header's line is not painted: not the tick's
        assert asked == []  # no cell rendered: "0:02" -> "0:03" is characters only
        assert queue.retexted - retexted == in_view and queue.spliced == spliced
        assert painted(queue) == textual_painted(queue)  # segments: text, style, meta
        shown = kept_lines(queue)
        assert [s.text for s in shown] == [s.text for s in textual_lines(queue)]
        shown_again = kept_lines(queue)  # DataTable's own, now in the caches
        assert [list(s) for s in shown] == [list(s) for s in shown_again]
        top = 101 if scrolled else 0
        line = 1 + top - int(queue.scroll_y)  # under the header
        assert f" {top}:03" in shown[line].text and f"Q-{top:03d}" in shown[line].text


async def test_a_line_whose_look_changed_is_built_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cursor leaving a row changes every cell of it: no splice, and the old cursor's
    row looks as DataTable paints it."""
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        await tick(pilot, queue, _rows(1))
        await tick(pilot, queue, _rows(2))
        retexted = queue.retexted
        rows = _rows(3)
        rows[0] = QueueRow(rows[0].ticket_id, (Cell("Q-000"), *rows[0].cells[1:]))
        queue.sync(rows)
        queue.move_cursor(row=1, animate=False)
        await pilot.pause()
        assert queue.retexted - retexted == queue.size.height - queue.header_height - 2
        lines = painted(queue)
        assert lines == textual_painted(queue)
        shown = kept_lines(queue)
        assert [list(s) for s in shown] == [list(s) for s in textual_lines(queue)]


def _clocks(texts: list[str], tone: str = "breached") -> list[QueueRow]:
    """`_rows(1)` with these SLA texts in its first rows (the rest as they were)."""
    rows = _rows(1)
    for n, text in enumerate(texts):
        cells = rows[n].cells
        rows[n] = QueueRow(rows[n].ticket_id, (*cells[:SLA], Cell(text, tone), *cells[SLA + 1 :]))
    return rows


async def test_a_new_clock_is_rendered_as_one_of_its_shape_was_and_as_datatable_renders_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A clock's new text (the overdue ones count seconds, with their ✗) is not rendered
    through Rich when a text of its length, tone and row look was: the same segments,
    other characters. A text of another length is rendered afresh."""
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        await tick(pilot, queue, _clocks(["✗ -12:48", "✗ -9:59", "⚠ 4:10", "✗ -12:48"]))
        fresh: list[tuple[int, int]] = []
        render = DataTable._render_cell

        def counted(self: Any, row_index: int, column_index: int, *args: Any, **kw: Any) -> Any:
            if row_index >= 0:
                fresh.append((row_index, column_index))
            return render(self, row_index, column_index, *args, **kw)

        monkeypatch.setattr(DataTable, "_render_cell", counted)
        await tick(pilot, queue, _clocks(["✗ -12:49", "✗ -100:00", "⚠ 4:09", "✗ -12:50"]))
        monkeypatch.undo()
        assert fresh == [(1, SLA)]  # no text of the length of "✗ -100:00" was shown
        assert painted(queue) == textual_painted(queue)
        shown = kept_lines(queue)
        assert "✗ -12:49" in shown[1].text and "⚠ 4:09" in shown[3].text
        assert [list(s) for s in shown] == [list(s) for s in textual_lines(queue)]


async def test_a_cell_written_out_of_view_refreshes_no_line_and_one_in_view_its_own() -> None:
    """With the table scrolled, the row just above the view sits under the header: a cell
    written there refreshed the header's line (the whole window, header included, was
    taken for the rows'). A written cell refreshes the screen line that shows its row
    (found by its ticket id in the painted lines), and nothing when no line shows it."""
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        await tick(pilot, queue, _rows(1))
        queue.move_cursor(row=150, animate=False)
        await pilot.pause()
        texts = [strip.text for strip in kept_lines(queue)]
        shown = {n: y for y, text in enumerate(texts) for n in range(300) if f"Q-{n:03d}" in text}
        first, last = min(shown), max(shown)
        assert first > 1 and last < 299  # scrolled: rows out of view on both sides
        refreshed: list[tuple[int, int, int]] = []
        refresh = queue.refresh

        def recorded(*regions: Any, **kwargs: Any) -> Any:
            refreshed.extend((r.y, r.height, r.x) for r in regions)
            return refresh(*regions, **kwargs)

        queue.refresh = recorded  # type: ignore[method-assign]
        try:
            for n, line in [
                (first - 1, None),
                (first, shown[first]),
                (last, shown[last]),
                (last + 1, None),
                (first - 2, None),
            ]:
                refreshed.clear()
                queue.repaint_cells([(f"Q-{n:03d}", SLA)])
                assert [(y, h) for y, h, _x in refreshed] == (
                    [] if line is None else [(line, 1)]
                ), n
        finally:
            del queue.refresh
        assert 0 not in {y for y in shown.values()}  # line 0 is the header's
        await pilot.pause()


async def test_a_clock_that_changes_tone_in_the_same_length_is_painted_again() -> None:
    """A text of the same length in another style (a clock turning to a warning) is no
    change of characters: its line is painted from the cell, in the new style."""
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        await tick(pilot, queue, _clocks(["4:11", "4:11"], "ok"))
        await tick(pilot, queue, _clocks(["4:10", "4:10"], "ok"))
        retexted = queue.retexted
        rows = _clocks(["4:09", "4:09"], "ok")
        rows[0] = _clocks(["4:09"], "warning")[0]
        await tick(pilot, queue, rows)
        assert queue.retexted - retexted == 1  # the second row; not the first
        assert painted(queue) == textual_painted(queue)


async def test_characters_put_in_wait_for_the_frame_and_give_way_to_a_repaint() -> None:
    """Two ticks before a frame put both changes in, in order; a line repainted for
    another reason in between (the cursor came to it) is painted from its cells."""
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        await tick(pilot, queue, _rows(1))
        await tick(pilot, queue, _rows(2))
        queue.sync(_rows(3))
        queue.sync(_rows(4))  # no frame between the two ticks
        queue.move_cursor(row=5, animate=False)
        await pilot.pause()
        assert painted(queue) == textual_painted(queue)
        assert " 3:04" in queue.render_lines(Region(0, 4, *queue.outer_size))[0].text
