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
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

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
    """What is left of `spans` once [x1, x2) is taken; None when it overlaps none of them."""
    if not any(a < x2 and x1 < b for a, b in spans):
        return None
    left: list[tuple[int, int]] = []
    for a, b in spans:
        if a < x1:
            left.append((a, min(b, x1)))
        if b > x2:
            left.append((max(a, x2), b))
    return left


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
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            y1, y2 = max(visible.y, top), min(visible.bottom, bottom)
            if y1 >= y2:
                continue
            x1, x2 = visible.x, visible.right
            wanted: list[int] = []
            for y in range(y1, y2):
                spans = lines.get(y)
                if spans:
                    left = take(spans, x1, x2)
                    if left is not None:
                        lines[y] = left
                        wanted.append(y)
            for y, height in _runs(wanted):
                rows = Region(x1, y, visible.width, height)
                yield (
                    region,
                    rows,
                    widget.render_lines(Region(x1 - region.x, y - region.y, rows.width, height)),
                )


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
