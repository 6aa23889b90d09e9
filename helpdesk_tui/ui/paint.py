"""A frame paints the widgets under its change, and only the lines it changed.

Textual paints a partial frame (a key's effect) by asking every widget whose
*clip* overlaps the changed area for *all* of its lines; the lines outside the
change are then thrown away. A clip is the parent's area, so on the exam
screen every frame asked the footer, the header, all four areas and their
scrollbars for every line they have: typing one letter in the chat painted 16
widgets, a cursor step in the queue 15 (measured by
`benchmarks/bench_key_cpu.py`). Most came from their caches, but at a cost
of a tenth to a quarter of a millisecond each, per frame.

`CroppedCompositor` asks only the widgets whose visible part overlaps the
changed area, and only for the lines of that area. What reaches the terminal
is the same: the frame writes only the changed spans, which lie inside that
area, and every part of a span belongs to a widget that overlaps it.

It overrides a private method of Textual's compositor (`_get_renders`), which
holds while Textual is pinned to 8.2.x (docs/known-issues.md);
`tests/ui/test_paint.py` compares its frames with Textual's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip


class CroppedCompositor(Compositor):
    """Textual's compositor, painting only what lies under a partial frame's change."""

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        """(region, clip, lines) of each widget under `crop`, its lines cut to `crop`'s
        rows (whole width: a frame's line cuts are laid out across whole widgets)."""
        if crop is None:
            yield from super()._get_renders(crop)
            return
        top, bottom = crop.y, crop.bottom
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            if not visible.overlaps(crop):
                continue
            y = max(visible.y, top)
            height = min(visible.bottom, bottom) - y
            if height <= 0:
                continue
            rows = Region(visible.x, y, visible.width, height)
            yield (
                region,
                rows,
                widget.render_lines(Region(rows.x - region.x, y - region.y, rows.width, height)),
            )
