"""A frame paints the widgets under its change, and only the lines it changed.

Textual paints a partial frame (a key's effect) by asking every widget whose
*clip* overlaps the changed area for *all* of its lines; the lines outside the
change are then thrown away. A clip is the parent's area, so on the exam
screen every frame asked the footer, the header, all four areas and their
scrollbars for every line they have: typing one letter in the chat painted 16
widgets, a cursor step in the queue 15 (measured by
`benchmarks/bench_key_cpu.py`). Most came from their caches, but at a cost
of a tenth to a quarter of a millisecond each, per frame.

`CroppedCompositor` asks a widget for a line only when some changed cell of
that line shows that widget: going front to back, each widget takes the
changed cells of its visible part that no widget in front of it took. So a
cursor step (two queue rows on the left, the ticket area on the right) asks
the queue for its two rows and the ticket area for its lines; not the queue
for the lines beside the ticket area, nor the areas, the grid and the screen
behind them for anything.

What reaches the terminal is the same, byte for byte: a frame writes only
the changed spans, and of each line only the pieces ("chops", cut at every
widget's edge) that overlap them; each such piece is taken from the front-most
widget over it, which is exactly the widget that took those cells here.

It overrides private methods of Textual's compositor (`_get_renders`,
`render_partial_update`), which holds while Textual is pinned to 8.2.x
(docs/known-issues.md); `tests/ui/test_paint.py` compares its frames with
Textual's own.

`DimmedBehind` does the same for the screen behind a dialog. A dialog's
screen (a form, the hand-in question) draws the exam behind it, dimmed, as
its own background; Textual renders that background as one piece
(`BackgroundScreen`: the whole exam screen, composed and tinted), so any
change behind the dialog, a clock's second, cost 18-30 ms of CPU instead of
the 3 of an ordinary tick (issue 15: it held keys typed in a form on a busy
sitting server). Two things made it so. The screen behind passed its
changes up with its own whole area added: Textual marks the screen behind
dirty where it changed, so its next frame passes those regions up again,
with whatever else it had (the whole screen after a dialog opens), for as
long as the dialog stays open. And the dialog then rendered its whole
background again. `DimmedBehind` passes up only what changed, and renders
again only the lines of the background that changed, in the same way,
keeping the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from textual._compositor import ChopsUpdate, Compositor
from textual._context import visible_screen_stack
from textual.color import Color
from textual.geometry import Region
from textual.renderables.background_screen import BackgroundScreen
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import _RenderCache

Spans = dict[int, list[tuple[int, int]]]
"""Per screen line, the changed cells nobody in front has taken yet: [x1, x2) pairs."""


def changed_spans(regions: Iterable[Region], screen: Region) -> Spans:
    """The changed cells of each line, as sorted, non-overlapping [x1, x2) spans."""
    lines: Spans = {}
    for region in regions:
        region = region.intersection(screen)
        if not region:
            continue
        span = (region.x, region.right)
        for y in range(region.y, region.bottom):
            lines.setdefault(y, []).append(span)
    for y, spans in lines.items():
        spans.sort()
        merged = [spans[0]]
        for x1, x2 in spans[1:]:
            last1, last2 = merged[-1]
            if x1 <= last2:
                merged[-1] = (last1, max(last2, x2))
            else:
                merged.append((x1, x2))
        lines[y] = merged
    return lines


def take(spans: list[tuple[int, int]], x1: int, x2: int) -> list[tuple[int, int]] | None:
    """What is left of `spans` once [x1, x2) is taken; None when it overlaps none of them.
    (One pass, no generator: it runs for every widget and line of a frame.)"""
    left: list[tuple[int, int]] = []
    hit = False
    for a, b in spans:
        if a < x2 and x1 < b:
            hit = True
            if a < x1:
                left.append((a, x1))
            if b > x2:
                left.append((x2, b))
        else:
            left.append((a, b))
    return left if hit else None


class CroppedCompositor(Compositor):
    """Textual's compositor, painting only what a partial frame's change shows."""

    _changed: list[Region] | None = None

    def render_partial_update(self) -> ChopsUpdate | None:
        """As Textual's; the changed regions are kept for `_get_renders`."""
        self._changed = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = None

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        """(region, clip, lines) of each widget a changed cell shows, for the lines
        where it does (whole width: a frame cuts its lines across whole widgets)."""
        if crop is None or self._changed is None:
            yield from super()._get_renders(crop)
            return
        lines = changed_spans(self._changed, self.size.region)
        if not lines:
            return
        top, bottom = min(lines), max(lines) + 1
        for widget, region, x1, x2, y1, y2, width in self._extents():
            if y1 < top:
                y1 = top
            if y2 > bottom:
                y2 = bottom
            if y1 >= y2:
                continue
            wanted: list[int] = []
            for y in range(y1, y2):
                spans = lines.get(y)
                if spans:
                    left = take(spans, x1, x2)
                    if left is not None:
                        lines[y] = left
                        wanted.append(y)
            for y, height in _runs(wanted):
                rows = Region(x1, y, width, height)
                yield (
                    region,
                    rows,
                    widget.render_lines(Region(x1 - region.x, y - region.y, width, height)),
                )

    _extents_of: object = None
    _extents_kept: list[tuple[Any, Region, int, int, int, int, int]] | None = None

    def _extents(self) -> list[tuple[Any, Region, int, int, int, int, int]]:
        """(widget, region, x1, x2, y1, y2, width) of each visible widget's visible part
        (its region within its clip), front to back, kept while the compositor's map of
        visible widgets is the same object (Textual makes a new one after any change of
        the layout or a scroll): a frame went through every widget of the screen working
        out each one's part again, a tenth of a queue cursor step's frame."""
        widgets = self.visible_widgets
        if self._extents_of is not widgets:
            extents = []
            for widget, (region, clip) in widgets.items():
                visible = region.intersection(clip)
                if visible:
                    x, y, width, height = visible
                    extents.append((widget, region, x, x + width, y, y + height, width))
            self._extents_kept = extents
            self._extents_of = widgets
        return self._extents_kept  # type: ignore[return-value]


def _runs(ys: list[int]) -> Iterable[tuple[int, int]]:
    """(first, count) of each run of consecutive numbers in sorted `ys`."""
    start = previous = None
    for y in ys:
        if start is None:
            start = previous = y
        elif y == previous + 1:  # type: ignore[operator]
            previous = y
        else:
            yield start, previous - start + 1  # type: ignore[operator]
            start = previous = y
    if start is not None:
        yield start, previous - start + 1  # type: ignore[operator]


def composed_lines(compositor: Compositor, rows: list[int]) -> list[Strip]:
    """Lines `rows` (sorted) of a screen, as `Compositor.render_strips` composes them
    all: each widget asked only for these lines (`CroppedCompositor`)."""
    width = compositor.size.width
    crop = Region(0, rows[0], width, rows[-1] - rows[0] + 1)
    cropped = isinstance(compositor, CroppedCompositor)
    if cropped:
        compositor._changed = [Region(0, y, width, 1) for y in rows]
    try:
        chops = compositor._render_chops(crop, set(rows).__contains__)
    finally:
        if cropped:
            compositor._changed = None
    return [Strip.join(chops[y].values()) for y in rows]


class LinesBehind:
    """Textual's `BackgroundScreen` (a screen behind a dialog, tinted), for some of its
    lines only: the same segments, line by line."""

    def __init__(self, screen: Any, color: Color, rows: list[int]) -> None:
        self.screen = screen
        self.color = color
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        line_end = Segment.line()
        segments = (
            segment
            for strip in composed_lines(self.screen._compositor, self.rows)
            for segment in (*strip, line_end)
        )
        return BackgroundScreen.process_segments(segments, self.color)


def dirty_rows(regions: Iterable[Region], height: int) -> list[int]:
    """The lines (0 to `height`) that `regions` touch, sorted."""
    rows: set[int] = set()
    for region in regions:
        rows.update(range(max(0, region.y), min(height, region.bottom)))
    return sorted(rows)


class DimmedBehind:
    """Mixin for a screen: behind a dialog, it passes up only the regions that changed;
    as a dialog, a change behind it renders again only the lines of the dimmed
    background it touched (see the module's docstring)."""

    def _compositor_refresh(self) -> None:
        """As Textual's `Screen._compositor_refresh`, but a screen behind a dialog does
        not mark itself dirty where it changed: its own background does not change with
        its widgets, and the mark made its next frame pass the same regions up again."""
        screen: Any = self
        app = screen.app
        dirty = screen._compositor._dirty_regions
        if app.is_inline or screen is app.screen or not dirty:
            super()._compositor_refresh()  # type: ignore[misc]
            return
        if screen in app._background_screens:
            app.screen.refresh(*dirty)
            dirty.clear()
            screen._dirty_widgets.clear()
        app._update_mouse_over(screen)

    def _render_content(self) -> None:
        rows = self._changed_rows_behind()
        if rows is None:
            super()._render_content()  # type: ignore[misc]
            return
        widget: Any = self
        base = visible_screen_stack.get().pop()  # as Textual's `Screen.render` takes it
        renderable = LinesBehind(base, widget.styles.background, rows)
        visual = visualize(widget, renderable)
        strips = Visual.to_strips(widget, visual, widget.size.width, len(rows), widget.visual_style)
        lines = list(widget._render_cache.lines)
        for y, strip in zip(rows, strips, strict=True):
            lines[y] = strip
        widget._render_cache = _RenderCache(widget.size, lines)
        widget._dirty_regions.clear()

    def _changed_rows_behind(self) -> list[int] | None:
        """The background's lines to render again, or None to render the whole screen
        as Textual does: its first render, a new size, a change of its own, a
        selection, or a background that is not another screen seen through."""
        widget: Any = self
        size = widget.size
        cache = widget._render_cache
        if cache.size != size or len(cache.lines) != size.height or not size:
            return None
        if widget.styles.background.a >= 1 or widget.text_selection is not None:
            return None
        if widget.styles.content_align != ("left", "top"):
            return None
        rows = dirty_rows(widget._dirty_regions, size.height)
        if not rows or len(rows) == size.height:
            return None
        try:
            stack = visible_screen_stack.get()
        except LookupError:
            return None
        if not stack or stack[-1] is widget or stack[-1]._compositor.size != size:
            return None
        return rows
