"""A queue cursor step reuses what was painted before, and the terminal shows what Textual
itself paints for the same state (issue 14: the cursor step was the mix's p95).

What is kept: the table's lines per look (`CellCache._painted`: the row with the cursor
on it or off it), a changed clock put in as characters (`_retext_cells`); the folds over
the ancestors' styles (`styles_key`); the areas' title lines (`edges.Area`). The
expected screens here are Textual's own: every frame the app sent, fed to a terminal
emulator, against a whole frame of a fresh compositor whose widgets paint with
DataTable's, Static's and Widget's own methods and emptied caches (none of ours); and
the ticket area's texts against `ticket_detail`'s rendering of the ticket from state.
"""

from __future__ import annotations

from typing import Any

import pyte
import pytest
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Static

from helpdesk_tui.ui.edges import Area
from helpdesk_tui.ui.styles_key import KeptStyles
from helpdesk_tui.ui.widgets.cell_cache import CellCache
from helpdesk_tui.ui.widgets.kept_text import KeptText
from helpdesk_tui.ui.widgets.line_view import LineView
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail, head_view, render_body

from .conftest import SIZE, Rig
from .pilot import at, keys
from .test_pane_layout import Terminal
from .test_queue_keys import four_tickets
from .test_queue_tick import QueueApp, _rows

TEXTUALS = [
    (CellCache, "render_lines", DataTable.render_lines),
    (CellCache, "render_line", DataTable.render_line),
    (CellCache, "_render_line", DataTable._render_line),
    (CellCache, "_render_cell", DataTable._render_cell),
    (CellCache, "rich_style", DOMNode.rich_style),
    (CellCache, "background_colors", DOMNode.background_colors),
    (KeptStyles, "opacity", Widget.opacity),
    (KeptText, "render_lines", Widget.render_lines),
    (KeptText, "_render_content", Widget._render_content),
    (KeptText, "get_content_height", Static.get_content_height),
    (KeptText, "background_colors", DOMNode.background_colors),
    (Area, "render_lines", Widget.render_lines),
    (Area, "background_colors", DOMNode.background_colors),
]
"""Our painting methods, and Textual's that a fresh frame paints with instead."""


def cells(screen: pyte.Screen) -> list[list[tuple[object, ...]]]:
    return [
        [
            (c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.reverse)
            for c in (screen.buffer[y][x] for x in range(SIZE[0]))
        ]
        for y in range(SIZE[1])
    ]


def textual_frame(app: Any) -> pyte.Screen:
    """The screen as Textual paints it afresh: a new compositor, Textual's own painting
    methods, each widget's rendering caches emptied (ours are left as they are)."""
    with pytest.MonkeyPatch.context() as patch:
        for cls, name, textual in TEXTUALS:
            patch.setattr(cls, name, textual)
        for widget in app.screen.walk_children(with_self=True):
            widget._styles_cache.clear()
            if isinstance(widget, DataTable):
                for cache in ("_line_cache", "_row_render_cache", "_cell_render_cache"):
                    getattr(widget, cache).clear()
                widget._row_renderable_cache.clear()
                widget._offset_cache.clear()
                widget._ordered_row_cache.clear()
            if isinstance(widget, Static):
                widget._Static__visual = None  # made again from its content
                widget._dirty_regions.add(widget.size.region)  # its lines rendered again
        fresh = Compositor()
        fresh.reflow(app.screen, app.screen.outer_size)
        update = fresh.render_update(full=True)
        assert update is not None
        whole = pyte.Screen(*SIZE)
        pyte.Stream(whole).feed(update.render_segments(app.console))
    return whole


def same_as_textual(terminal: Terminal, app: Any) -> bool:
    whole = textual_frame(app)
    differ = [
        y
        for y, (a, b) in enumerate(zip(cells(whole), cells(terminal.screen), strict=True))
        if a != b
    ]
    for y in differ:  # shown by pytest when the test fails
        print("Textual's:", whole.display[y])
        print("shown:    ", terminal.screen.display[y])
    return not differ


def ticket_area_is_the_tickets(app: Any) -> bool:
    """The ticket area shows the ticket under the cursor, as rendered from the state now."""
    main = app.main
    detail = main.query_one(TicketDetail)
    controller = main.controller
    ticket = controller.ticket(main.queue.selected_id)
    assert ticket is not None and detail.ticket_id == ticket.id
    body = detail.query_one("#ticket-body", LineView).render()
    head = detail.query_one("#ticket-head", KeptText)._Static__content
    fresh_head = head_view(controller, ticket)
    return (
        body.plain == render_body(controller, ticket).plain
        and head.renderables[0].plain == fresh_head.renderables[0].plain
        and f"Ticket {ticket.id}" in str(main.query_one("#ticket-area").border_title)
    )


STEPS = ["down", "down", "down", "up", "up", "down", "down", "up", "down", "down", "up", "up"]
PAUSES = [0, 1, 0, 7, 61, 0, 299, 1, 0, 600, 3, 0]
"""Exam seconds passed after each step: none, a second, a minute, five and ten minutes
(the clocks count seconds near and past their deadline, then turn tone)."""


async def test_cursor_steps_with_time_passing_show_what_textual_paints(rig: Rig) -> None:
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        await keys(pilot, "f2", "home")
        await pilot.pause()
        terminal = Terminal(app)
        app.screen.refresh()  # the whole screen once, into the emulator
        await pilot.pause()
        queue = app.main.queue
        assert queue.row_count >= 5
        spliced = queue.spliced
        for step, (key, pause) in enumerate(zip(STEPS, PAUSES, strict=True)):
            await keys(pilot, key)
            await pilot.pause()
            assert ticket_area_is_the_tickets(app), step
            assert same_as_textual(terminal, app), step
            if pause:
                await at(pilot, app.controller.session.clock.now() + pause)
                assert same_as_textual(terminal, app), (step, "after", pause)
        assert queue.spliced > spliced  # rows whose clock changed since put in, not built


async def test_a_row_left_and_reached_again_is_not_built_again(rig: Rig, monkeypatch: Any) -> None:
    """Back and forth between two rows: after the first visit no line is built by
    DataTable again, also with DataTable's own line cache (kept per cursor place)
    emptied before each step, and what is painted is DataTable's own painting."""
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        await keys(pilot, "f2", "home", "down", "down", "up", "up")  # rows 0-2, cursor on and off
        await pilot.pause()
        built: list[int] = []
        build = DataTable._render_line

        def counted(self: Any, y: int, *args: Any) -> Any:
            built.append(y)
            return build(self, y, *args)

        monkeypatch.setattr(DataTable, "_render_line", counted)
        queue = app.main.queue
        reused = queue.reused
        for key in ("down", "down", "up", "up", "down", "up"):
            queue._line_cache.clear()
            await keys(pilot, key)
            await pilot.pause()
        monkeypatch.undo()
        # Each row is built at most once in these six steps (on the branch every step was
        # painted from kept lines; since the merges of 2026-12-05 the first step to each row
        # builds it once more, cause not found: docs/known-issues.md, lead 2026-12-05)
        assert len(built) == len(set(built)) <= 2
        assert queue.reused - reused >= 4  # the rows of the last steps, as painted before
        whole = Region(0, 0, *queue.size)
        ours = [list(strip) for strip in queue.render_lines(whole)]
        with pytest.MonkeyPatch.context() as patch:
            for cls, name, textual in TEXTUALS[:6]:
                patch.setattr(cls, name, textual)
            queue._styles_cache.clear()
            queue._line_cache.clear()
            theirs = [list(strip) for strip in queue.render_lines(whole)]
        assert ours == theirs


async def test_the_row_regions_are_datatables_for_rows_of_every_height() -> None:
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        queue.sync(_rows(1))
        await pilot.pause()
        for index in (0, 1, 150, 299):
            assert queue._get_row_region(index) == DataTable._get_row_region(queue, index)
        queue.add_row(*("x",) * len(queue.columns), height=3, key="tall")
        queue.move_cursor(row=10, animate=False)
        await pilot.pause()
        for index in (0, 10, 299, 300):
            assert queue._get_row_region(index) == DataTable._get_row_region(queue, index)
        assert queue._get_row_region(301) == DataTable._get_row_region(queue, 301)


async def test_a_cursor_step_does_not_repaint_under_the_scroll_bar() -> None:
    """A row's region reaches under the vertical scroll bar; the bar is not painted for
    it (it is in front there and does not change), the row's cells up to it are."""
    app = QueueApp()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        queue.sync(_rows(1))
        await pilot.pause()
        assert queue.show_vertical_scrollbar
        refreshed: list[Region] = []
        refresh = queue.refresh

        def recorded(*regions: Any, **kwargs: Any) -> Any:
            refreshed.extend(regions)
            return refresh(*regions, **kwargs)

        queue.refresh = recorded  # type: ignore[method-assign]
        try:
            queue.move_cursor(row=3, animate=False)
        finally:
            del queue.refresh
        view = queue.scrollable_content_region
        assert refreshed and all(r.right == view.width for r in refreshed)
        assert {r.y for r in refreshed} == {1, 4}  # the rows left and reached, under the header
        await pilot.pause()


class Inner(KeptStyles, Static):
    pass


class Styled(App[None]):
    CSS = """
    #outer { background: $panel; }
    #outer.lit { background: red 40%; opacity: 0.8; }
    Inner { background: blue 20%; color: yellow; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="outer"), Vertical(id="middle"):
            yield Inner("x", id="inner")
        yield Vertical(id="other")


async def test_the_kept_folds_are_textuals_through_restyles_a_theme_and_a_move() -> None:
    app = Styled()
    async with app.run_test(size=(40, 10)) as pilot:
        inner = app.query_one(Inner)

        def same() -> bool:
            kept = (
                inner.kept_by_styles(
                    "background_colors", lambda: DOMNode.background_colors.fget(inner)
                ),  # type: ignore[attr-defined]
                inner.kept_by_styles("rich_style", lambda: DOMNode.rich_style.fget(inner)),  # type: ignore[attr-defined]
                inner.opacity,
            )
            return kept == (
                DOMNode.background_colors.fget(inner),  # type: ignore[attr-defined]
                DOMNode.rich_style.fget(inner),  # type: ignore[attr-defined]
                Widget.opacity.fget(inner),  # type: ignore[attr-defined]
            )

        await pilot.pause()
        assert same()
        app.query_one("#outer").add_class("lit")  # an ancestor's stylesheet rules
        await pilot.pause()
        assert same()
        app.query_one("#middle").styles.background = "green"  # an ancestor's inline style
        assert same()
        inner.styles.opacity = 0.5
        assert same()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert same()
        await inner.remove()
        moved = Inner("y", id="moved")
        await app.query_one("#other").mount(moved)
        inner = moved
        await pilot.pause()
        assert same()


async def _scrolls(keys_: list[str]) -> list[tuple[int, float]]:
    app = QueueApp()
    seen: list[tuple[int, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        queue = app.query_one(TicketQueue)
        queue.sync(_rows(1))
        queue.focus()
        await pilot.pause()
        for key in keys_:
            await pilot.press(key)
            seen.append((queue.cursor_row, queue.scroll_y))
    return seen


async def test_the_cursor_scrolls_into_view_as_datatable_scrolls_it(monkeypatch: Any) -> None:
    """A row in view is not scrolled to (a scroll of nothing, skipped); past the view's
    edge the table scrolls as DataTable's own does."""
    keys_ = ["down"] * 45 + ["up"] * 45 + ["pagedown", "pagedown", "end", "up", "home", "down"]
    ours = await _scrolls(keys_)
    monkeypatch.setattr(CellCache, "_scroll_cursor_into_view", DataTable._scroll_cursor_into_view)
    theirs = await _scrolls(keys_)
    assert ours == theirs
    assert max(y for _row, y in ours) > 0  # it did scroll
