"""A text of many blocks (messages) whose lines are rendered only when they are painted.

The transcript and a ticket's thread were each one `Static` holding the whole text:
every change rendered all of its lines (wrapped, styled, cut into `Strip`s, each
with seven caches of its own) at the text's full height, and the painted lines were
kept at that height too, though a view shows twenty of them (mem21-mem23: about
3 kB a line, and what still grew over an exam).

A `LineView` is told what its text is made of: a key (what the blocks are: a
conversation in a language, a ticket at a version), how many blocks, and how to
build block `i` from the app's state (`Blocks`). The text it shows is the blocks
joined by newlines, exactly as a `Static` would show `Text("\\n").join(blocks)`. It
keeps per block only its height at the view's width (an int), and the lines of the
few blocks on screen (`BLOCKS_KEPT`, least recently painted out first). Like
Textual's `Log` and `RichLog` it answers `render_line(y)`: the block holding line
`y` is found by its first line (a bisection), built and wrapped then, and dropped
when enough others were painted since.

It stays a tall widget inside the scrolling container it was in (the transcript's
`Transcript`, the ticket area): the scroll position, the scroll bar, the keys and
the mouse wheel, following new messages and the ticket's head above its thread are
the container's, as before. Textual's compositor asks a widget only for the lines
of it that are in view (`render_lines(crop)`), so a tall widget whose `render_line`
builds a line on demand renders what is on screen and nothing else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from itertools import accumulate

from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

BLOCKS_KEPT = 48
"""The blocks whose wrapped lines are kept: a screen of one-line messages (40 at 120 x 40)
with room for a few scrolled past."""
HEIGHTS_KEPT = 16
"""The texts (keys) whose blocks' heights are kept: the tickets a candidate moves between
come back without a wrap of their every block (an int a block)."""
PAINTED_KEPT = 3
"""Textual keeps the painted lines of a widget by line number until it is refreshed
(`StylesCache`); a tall widget scrolled through would keep them all. Lines painted further
than this many screens from the ones in view are let go."""


@dataclass(frozen=True)
class Blocks:
    """What a `LineView` shows: `count` blocks, block `i` being `build(i)`, under `key`.

    `same`: how many of the first blocks are those shown last under the same key, now or
    before (a new message leaves the ones before it as they were; a call's utterance being
    spoken changes from its own index on; a key that names its text's version: all)."""

    key: Hashable
    count: int
    build: Callable[[int], Text]
    same: int = 0


class LineView(Widget):
    """`show(blocks)`: a tall text, its lines built when painted."""

    DEFAULT_CSS = """
    LineView {
        height: auto;
    }
    """

    def __init__(self, blocks: Blocks | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.blocks = blocks or Blocks(None, 0, Text)
        self._heights: LRUCache[tuple[Hashable, int], list[int]] = LRUCache(HEIGHTS_KEPT)
        """Per (key, width): each block's height, and"""
        self._starts: LRUCache[tuple[Hashable, int], list[int]] = LRUCache(HEIGHTS_KEPT)
        """its first line (what `render_line` bisects)."""
        self._lines: LRUCache[tuple[int, int, object], list[Strip]] = LRUCache(BLOCKS_KEPT)
        """Per (block, width, look): its lines, for the key shown."""
        self._selected: tuple[object, list[Strip]] | None = None
        """The whole text's lines while the candidate selects in it (`_selected_line`)."""
        self.built = 0
        """Blocks wrapped into lines (tests and benchmarks read it)."""

    @property
    def key(self) -> Hashable:
        return self.blocks.key

    def show(self, blocks: Blocks) -> bool:
        """Show `blocks` (a repaint; a new layout when the height changed). False when
        nothing changed: the same key, count and blocks."""
        old = self.blocks
        kept = blocks.key == old.key
        same = min(blocks.same, blocks.count)
        if kept and same == blocks.count == old.count:
            return False
        width = self.size.width
        height = self.height_at(width) if width else -1
        self.blocks = blocks
        if not kept:
            self._lines.clear()
        elif same < old.count:  # blocks from `same` on are other texts now
            built = self._lines.keys()  # a view of the LRU's dict (it has no __iter__)
            for look in [look for look in built if look[0] >= same]:
                self._lines.discard(look)
        measured = self._heights.keys()
        for cache_key in [k for k in measured if k[0] == blocks.key]:
            heights = self._heights.get(cache_key)
            if heights is not None and len(heights) > same:  # its first blocks' heights hold
                del heights[same:]
                self._starts.discard(cache_key)
        self.refresh(layout=not width or self.height_at(width) != height)
        return True

    def forget(self) -> None:
        """Nothing kept: the next `show` builds every block it paints."""
        self._heights.clear()
        self._starts.clear()
        self._lines.clear()

    def heights_at(self, width: int) -> tuple[list[int], list[int]]:
        """Each block's height at `width` and its first line, measured once per key."""
        blocks = self.blocks
        cache_key = (blocks.key, width)
        heights = self._heights.get(cache_key)
        if heights is None:
            heights = self._heights[cache_key] = []
        starts = self._starts.get(cache_key) if len(heights) == blocks.count else None
        if starts is None:
            if len(heights) > blocks.count:
                del heights[blocks.count :]
            for index in range(len(heights), blocks.count):
                heights.append(self._height_of(index, width))
            starts = [0, *accumulate(heights)]
            self._starts.discard(cache_key)  # (Textual's LRUCache keeps a key's first value)
            self._starts[cache_key] = starts
        return heights, starts

    def height_at(self, width: int) -> int:
        """The text's height at `width`: its blocks' heights, one line at least."""
        return max(1, self.heights_at(width)[1][-1]) if width > 0 else 0

    def _height_of(self, index: int, width: int) -> int:
        kept = self._lines.get((index, width, self.visual_style))
        if kept is not None:
            return len(kept)
        return len(self._lines_of(index, width))

    def _lines_of(self, index: int, width: int) -> list[Strip]:
        """Block `index` wrapped at `width`, as a `Static` renders its lines."""
        look = (index, width, self.visual_style)
        lines = self._lines.get(look)
        if lines is None:
            visual = visualize(self, self.blocks.build(index), markup=False)
            lines = Visual.to_strips(self, visual, width, None, self.visual_style)
            self._lines[look] = lines
            self.built += 1
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.height_at(width)

    def render(self) -> Text:
        """The whole text: the blocks joined by newlines (what a selection is read from,
        and what a `Static` would have been given)."""
        blocks = self.blocks
        return Text("\n").join(blocks.build(index) for index in range(blocks.count))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self.text_selection is not None:  # rare: the whole text, as a `Static` paints it
            return self._selected_line(y, width)
        heights, starts = self.heights_at(width)
        index = bisect_right(starts, y) - 1
        if 0 <= index < len(heights) and y - starts[index] < heights[index]:
            lines = self._lines_of(index, width)
            line = y - starts[index]
            if line < len(lines):
                return lines[line]
        return Strip.blank(width, self.visual_style.rich_style)

    def _selected_line(self, y: int, width: int) -> Strip:
        """Line `y` of the whole text with the candidate's selection shown (Textual's
        selection offsets are the whole text's), rendered once per selection."""
        look = (self.blocks, width, self.visual_style, self.text_selection)
        if self._selected is None or self._selected[0] != look:
            visual = visualize(self, self.render(), markup=False)
            self._selected = (look, Visual.to_strips(self, visual, width, None, self.visual_style))
        lines = self._selected[1]
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.visual_style.rich_style)

    def selection_updated(self, selection: object) -> None:
        self._selected = None
        super().selection_updated(selection)  # type: ignore[arg-type]

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        painted = self._styles_cache._cache  # Textual's, by line number (pinned to 8.2.x)
        room = PAINTED_KEPT * max(crop.height, 1)
        if len(painted) > room:
            for y in [y for y in painted if abs(y - crop.y) > room]:
                del painted[y]
        return lines

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # (their look is in their key; a link style is not)
