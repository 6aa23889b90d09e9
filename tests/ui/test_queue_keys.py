"""A step of the queue's cursor repaints the two rows it changed, and no other."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.dom import DOMNode
from textual.geometry import Region
from textual.widgets import DataTable

from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.widgets.cell_cache import CellCache
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail

from .conftest import SIZE, Rig
from .pilot import at


def four_tickets(rig: Rig) -> None:
    for n, customer in enumerate(("anna", "marc", "anna", "marc")):
        data = {"ticket_id": f"T-20{n}", "title": f"Printer {n}", "customer_id": customer}
        rig.session.submit("ticket_created", data)


@asynccontextmanager
async def on_the_first_row(rig: Rig) -> AsyncIterator[tuple[ExamApp, Any]]:
    """The exam with four more tickets at exam time 60, the queue's cursor on its first row."""
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        await pilot.press("f2", "home")
        await pilot.pause()
        yield app, pilot


async def test_a_cursor_step_repaints_the_row_it_left_and_the_row_it_reached(
    rig: Rig, monkeypatch: Any
) -> None:
    """DataTable also repainted the row under the mouse (row 0 when the mouse never
    moved) on every cursor key, hiding a hover highlight that was not shown."""
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        queue = app.main.queue
        assert queue.row_count >= 3
        await pilot.press("f2", "home", "down")
        await pilot.pause()
        assert queue.cursor_row == 1
        repainted: list[int] = []
        refresh_row = TicketQueue.refresh_row

        def counted(self: TicketQueue, row_index: int) -> None:
            repainted.append(row_index)
            refresh_row(self, row_index)

        monkeypatch.setattr(TicketQueue, "refresh_row", counted)
        await pilot.press("down")
        await pilot.pause()
        assert queue.cursor_row == 2
        assert sorted(set(repainted)) == [1, 2]
        assert app.main.query_one(TicketDetail).ticket_id == queue.selected_id


async def test_the_mouse_highlight_still_comes_and_goes(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        queue = app.main.queue
        queue._set_hover_cursor(True)  # as a mouse move over it does
        assert queue._show_hover_cursor
        await pilot.press("f2", "down")
        await pilot.pause()
        assert not queue._show_hover_cursor  # a key hides it, as in Textual's DataTable


def _forget_rendering(queue: TicketQueue) -> None:
    for cache in (queue._line_cache, queue._row_render_cache, queue._cell_render_cache):
        cache.clear()
    queue._cells.clear()
    queue._styles_cache.clear()


async def test_a_frame_works_out_each_row_style_once(rig: Rig, monkeypatch: Any) -> None:
    """DataTable asks for the header, row and cursor styles on every line it renders
    (each ask merges styles and walks the ancestors); within a frame they are kept."""
    async with on_the_first_row(rig) as (app, pilot):
        queue = app.main.queue
        asked: list[tuple[str, ...]] = []
        ask = DOMNode.get_component_styles

        def counted(self: DOMNode, *names: str) -> Any:
            if self is queue:
                asked.append(names)
            return ask(self, *names)

        monkeypatch.setattr(DOMNode, "get_component_styles", counted)
        _forget_rendering(queue)
        queue.render_lines(Region(0, 0, *queue.size))  # one frame, every row
        assert queue.row_count >= 3
        assert asked and all(count == 1 for count in Counter(asked).values()), Counter(asked)
        assert queue._frame_styles is None  # nothing kept after the frame


async def test_the_rows_look_as_datatable_paints_them(rig: Rig, monkeypatch: Any) -> None:
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        queue = app.main.queue
        await pilot.press("f2", "home", "down")
        await pilot.pause()
        whole = Region(0, 0, *queue.size)
        _forget_rendering(queue)
        ours = [list(strip) for strip in queue.render_lines(whole)]
        monkeypatch.setattr(CellCache, "render_lines", DataTable.render_lines)
        monkeypatch.setattr(CellCache, "_render_cell", DataTable._render_cell)
        _forget_rendering(queue)
        assert [list(strip) for strip in queue.render_lines(whole)] == ours


async def test_a_value_shown_in_many_rows_is_rendered_once_and_keeps_each_rows_place(
    rig: Rig, monkeypatch: Any
) -> None:
    """Rows moving under the cursor rendered their customer, status and priority
    through Rich again; a rendering is kept per value, with each row's own meta (the
    row and column a click reads), and matches DataTable's own, style for style."""
    async with on_the_first_row(rig) as (app, pilot):
        queue = app.main.queue
        whole = Region(0, 0, *queue.size)
        _forget_rendering(queue)
        queue._values.clear()
        rendered: list[tuple[int, int]] = []
        render = DataTable._render_cell

        def counted(self: Any, row: int, column: int, *args: Any, **kwargs: Any) -> Any:
            rendered.append((row, column))
            return render(self, row, column, *args, **kwargs)

        monkeypatch.setattr(DataTable, "_render_cell", counted)
        ours = []
        for _step in range(queue.row_count):
            ours.append([list(strip) for strip in queue.render_lines(whole)])
            await pilot.press("down")
            await pilot.pause()
        body = [cell for cell in rendered if cell[0] >= 0]
        assert len(body) < queue.row_count * len(queue.columns) * 2  # shared, not per row
        monkeypatch.setattr(CellCache, "_render_cell", render)
        await pilot.press("home")
        await pilot.pause()
        for step in range(queue.row_count):
            _forget_rendering(queue)
            theirs = [list(strip) for strip in queue.render_lines(whole)]
            assert theirs == ours[step], step
            for line in theirs:
                for segment in line:
                    meta = segment.style.meta if segment.style else {}
                    assert "row" not in meta or meta["row"] < queue.row_count
            await pilot.press("down")
            await pilot.pause()


async def test_a_cursor_step_in_the_exam_posts_no_highlight_messages(
    rig: Rig, monkeypatch: Any
) -> None:
    """The exam screen follows the cursor with `watch`; DataTable's RowHighlighted and
    the queue's TicketHighlighted bubbled up through four widgets each for nobody."""
    async with on_the_first_row(rig) as (app, pilot):
        queue = app.main.queue
        posted: list[object] = []
        post = TicketQueue.post_message

        def counted(self: TicketQueue, message: Any) -> bool:
            posted.append(message)
            return post(self, message)

        monkeypatch.setattr(TicketQueue, "post_message", counted)
        await pilot.press("down")
        await pilot.pause()
        assert queue.cursor_row == 1
        assert app.main.query_one(TicketDetail).ticket_id == queue.selected_id
        kinds = (DataTable.RowHighlighted, TicketQueue.TicketHighlighted)
        assert not [m for m in posted if isinstance(m, kinds)]
