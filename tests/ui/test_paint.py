"""`CroppedCompositor`: a partial frame shows on the terminal what Textual's own would,
while asking fewer widgets for fewer lines (and sending no more bytes: Textual also moves
the cursor to a chop it crops to nothing, ours does not)."""

from __future__ import annotations

import random
import types
from typing import Any

import pyte
from textual._compositor import Compositor
from textual._styles_cache import StylesCache
from textual.geometry import Region

from helpdesk_tui.ui.paint import CroppedCompositor

from .conftest import SIZE, Rig
from .pilot import keys


def frame_bytes(app: Any, regions: list[Region], *, textual: bool) -> str:
    """The bytes a partial frame for `regions` sends, by ours or by Textual's way."""
    compositor = app.screen._compositor
    if textual:
        compositor._get_renders = types.MethodType(Compositor._get_renders, compositor)
    try:
        compositor._dirty_regions = set(regions)
        update = compositor.render_partial_update()
    finally:
        compositor.__dict__.pop("_get_renders", None)
    assert update is not None
    return update.render_segments(app.console)


def shown(data: str) -> list[list[tuple[object, ...]]]:
    """What a terminal of the test's size shows after `data`: each cell's character and look."""
    screen = pyte.Screen(*SIZE)
    pyte.Stream(screen).feed(data)
    return [
        [
            (c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.reverse, c.strikethrough)
            for c in (screen.buffer[y][x] for x in range(SIZE[0]))
        ]
        for y in range(SIZE[1])
    ]


def same_on_screen(app: Any, regions: list[Region]) -> bool:
    """Our partial frame shows what Textual's shows, in no more bytes."""
    ours = frame_bytes(app, regions, textual=False)
    theirs = frame_bytes(app, regions, textual=True)
    assert ours, regions  # something was painted
    return shown(ours) == shown(theirs) and len(ours) <= len(theirs)


def changes(seed: int) -> list[list[Region]]:
    """Changed areas as frames have them: a chat box, a queue row and the ticket area,
    the header with the footer, one corner cell, and random rectangles."""
    width, height = SIZE
    fixed = [
        [Region(25, 34, 54, 3)],
        [Region(1, 5, 78, 1), Region(1, 6, 78, 1), Region(82, 2, 35, 8), Region(80, 1, 40, 1)],
        [Region(0, 0, width, 1), Region(0, height - 1, width, 1)],
        [Region(width - 1, height - 1, 1, 1)],
    ]
    rng = random.Random(seed)
    drawn = []
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randint(1, width - x), rng.randint(1, height - y)
        drawn.append([Region(x, y, w, h)])
    for _ in range(12):  # several at once: what one widget shows of them, others take
        several = []
        for _ in range(rng.randint(2, 5)):
            x, y = rng.randrange(width), rng.randrange(height)
            several.append(Region(x, y, rng.randint(1, min(30, width - x)), rng.randint(1, 4)))
        drawn.append(several)
    return fixed + drawn


async def test_partial_frames_show_what_textuals_compositor_shows(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen._compositor, CroppedCompositor)
        await keys(pilot, "down", "f4", "f2")
        assert app.screen is app.main  # the exam screen's own frames, not a form's
        for regions in changes(seed=3):
            assert same_on_screen(app, regions), regions


async def test_over_a_form_the_frames_are_the_same_too(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys(pilot, "ctrl+n", "a", "b")
        assert app.screen is not app.main
        for regions in changes(seed=5):
            assert same_on_screen(app, regions), regions


async def test_a_letter_in_the_chat_paints_only_the_widgets_under_it(
    rig: Rig, monkeypatch: Any
) -> None:
    """Textual's way asks every widget whose clip overlaps the change for all its
    lines (the footer, the header, the queue...); ours only those under the change."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys(pilot, "f4")
        painted: list[tuple[str, int]] = []
        paint = StylesCache.render_widget

        def counted(cache: StylesCache, widget: Any, crop: Region) -> Any:
            painted.append((type(widget).__name__, crop.height))
            return paint(cache, widget, crop)

        monkeypatch.setattr(StylesCache, "render_widget", counted)
        box = app.main.conversations.input.region
        frame_bytes(app, [box], textual=False)
        ours = list(painted)
        painted.clear()
        frame_bytes(app, [box], textual=True)
        names = {name for name, _height in ours}
        assert "KeyBar" not in names and "ExamHeader" not in names and "TicketQueue" not in names
        assert len(ours) < len(painted)
        assert all(height <= box.height for _name, height in ours)


async def test_changes_far_apart_paint_only_the_widgets_under_each(
    rig: Rig, monkeypatch: Any
) -> None:
    """The once-a-second tick changes the header's line and lines lower down (a queue
    cell, the ticket's SLA lines, an entry of the conversation list). Textual paints
    the box around them all, here the whole screen; ours the lines of each change, and
    only the widgets that show there (not the screen or a container under them)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys(pilot, "down", "f4")
        painted: list[str] = []
        paint = StylesCache.render_widget

        def counted(cache: StylesCache, widget: Any, crop: Region) -> Any:
            painted.append(type(widget).__name__)
            return paint(cache, widget, crop)

        monkeypatch.setattr(StylesCache, "render_widget", counted)
        header = app.main.query_one("#header").region
        footer = app.main.query_one("#keys").region
        ours = frame_bytes(app, [header, footer], textual=False)
        assert set(painted) == {"ExamHeader", "KeyBar"}  # the screen under them is hidden
        painted.clear()
        assert frame_bytes(app, [header, footer], textual=True) == ours
        assert {"TicketQueue", "ConversationList", "TicketDetail"} <= set(painted)


async def test_a_cursor_step_paints_the_rows_and_the_ticket_not_what_lies_beside_or_behind(
    rig: Rig, monkeypatch: Any
) -> None:
    """A cursor step changes two queue rows (left) and the ticket area (right): the
    queue is asked for its two rows, not for the lines beside the ticket area, and
    the areas, the grid and the screen behind them for nothing (Textual's way and
    a crop to the change's bounding box asked all of them for 16-17 lines)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys(pilot, "f2", "down")
        painted: list[tuple[Any, int]] = []
        paint = StylesCache.render_widget

        def counted(cache: StylesCache, widget: Any, crop: Region) -> Any:
            painted.append((widget, crop.height))
            return paint(cache, widget, crop)

        monkeypatch.setattr(StylesCache, "render_widget", counted)
        main = app.main
        queue = main.queue
        width = queue.region.width
        y = queue.region.y + 1  # below the header row
        ticket = main.query_one("#ticket").region
        title = main.query_one("#ticket-area").region
        regions = [
            Region(queue.region.x, y + 3, width, 1),
            Region(queue.region.x, y + 4, width, 1),
            Region(title.x, title.y, title.width, 1),
            ticket,
        ]
        frame_bytes(app, regions, textual=False)
        by_widget = {widget: height for widget, height in painted}
        assert by_widget[queue] == 2
        for behind in (main, main.query_one("#work"), main.query_one("#queue-area")):
            assert behind not in by_widget
        assert by_widget[main.query_one("#ticket-area")] <= 2  # its title line (and edge)
        assert len(painted) <= 8


def test_take_leaves_what_a_widget_does_not_cover() -> None:
    """`take`: the changed spans of a line left for the widgets behind, None when the
    widget covers none of them (worked out by hand)."""
    from helpdesk_tui.ui.paint import take

    assert take([(0, 10), (20, 30)], 5, 25) == [(0, 5), (25, 30)]
    assert take([(0, 30)], 10, 20) == [(0, 10), (20, 30)]
    assert take([(10, 20)], 0, 40) == []
    assert take([(0, 10), (20, 30), (40, 50)], 22, 28) == [(0, 10), (20, 22), (28, 30), (40, 50)]
    assert take([(0, 10)], 10, 20) is None
    assert take([(0, 10), (20, 30)], 12, 18) is None
    assert take([], 0, 5) is None
