"""A frame paints the widgets under its change, and only the lines it changed.

Textual paints a partial frame (a key's effect) by asking every widget whose
*clip* overlaps the changed area for *all* of its lines; the lines outside the
change are then thrown away. A clip is the parent's area, so on the exam
screen every frame asked the footer, the header, all four areas and their
scrollbars for every line they have: typing one letter in the chat painted 16
widgets, a cursor step in the queue 15 (measured by
`benchmarks/bench_key_cpu.py`). Most came from their caches, but at a cost
of a tenth to a quarter of a millisecond each, per frame.

`CroppedCompositor` asks only the widgets whose visible part overlaps a
changed region, and only for the lines of it that a change covers (Textual
also paints everything in the box around all changed regions: for the
once-a-second tick, the header's line and a conversation entry at the bottom
left, that box is the whole screen). A widget whose changed part is wholly
under widgets in front of it (the screen and the areas under their
contents) is not asked at all. What reaches the terminal is the same: the
frame writes only the changed spans, and each cut of a span is won by the
front-most widget over it, which is always asked.

It overrides a private method of Textual's compositor (`_get_renders`), which
holds while Textual is pinned to 8.2.x (docs/known-issues.md);
`tests/ui/test_paint.py` compares its frames with Textual's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


class CroppedCompositor(Compositor):
    """Textual's compositor, painting only what lies under a partial frame's changes."""

    _changed: tuple[Region, ...] = ()

    def render_partial_update(self) -> ChopsUpdate | None:
        """As Textual's, keeping the changed regions for `_get_renders`: Textual paints
        the box around all of them, and the once-a-second tick changes the header's
        line, a few queue cells, the ticket's SLA lines and the conversation list,
        whose box is the whole screen."""
        self._changed = tuple(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = ()

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        """(region, clip, lines) of each widget that shows through a change, for the lines
        of it where one does (whole width: a frame's line cuts are laid out across whole
        widgets), one run of adjacent lines at a time.

        Widgets come front to back, and on each line the first one over a cut wins it;
        a widget whose changed part of a line lies wholly under widgets before it (a
        container under its child, the screen under everything) would be painted only
        to be thrown away, so it is not asked for that line."""
        if crop is None:
            yield from super()._get_renders(crop)
            return
        spans = _spans(self._changed or (crop,), crop)
        covered: dict[int, list[tuple[int, int]]] = {}
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            if not visible.overlaps(crop):
                continue
            x1, x2 = visible.x, visible.right
            rows = []
            for y in range(max(visible.y, crop.y), min(visible.bottom, crop.bottom)):
                line = spans.get(y)
                if line is None:
                    continue
                over = covered.setdefault(y, [])
                if _shows(line, over, x1, x2):
                    rows.append(y)
                over.append((x1, x2))
            for y, height in _runs(rows):
                lines = Region(x1, y, visible.width, height)
                yield (
                    region,
                    lines,
                    widget.render_lines(Region(x1 - region.x, y - region.y, visible.width, height)),
                )


def _spans(changed: Iterable[Region], crop: Region) -> dict[int, list[tuple[int, int]]]:
    """Per screen line, the (start, end) columns of each change on it (within `crop`)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for region in changed:
        part = region.intersection(crop)
        if not (part.width and part.height):
            continue
        for y in range(part.y, part.bottom):
            spans.setdefault(y, []).append((part.x, part.right))
    return spans


def _shows(line: list[tuple[int, int]], covered: list[tuple[int, int]], x1: int, x2: int) -> bool:
    """Whether some change on a line, within columns x1..x2, is not under `covered`."""
    for start, end in line:
        start, end = max(start, x1), min(end, x2)
        for c1, c2 in sorted(covered):
            if c1 > start:
                break
            start = max(start, c2)
        if start < end:
            return True
    return False


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """(first line, count) of each run of adjacent lines in `rows` (ascending)."""
    start = previous = None
    for y in rows:
        if previous is not None and y == previous + 1:
            previous = y
            continue
        if start is not None and previous is not None:
            yield start, previous - start + 1
        start = previous = y
    if start is not None and previous is not None:
        yield start, previous - start + 1
