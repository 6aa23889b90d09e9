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

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from helpdesk_tui.ui.styles_key import KeptStyles

BLOCKS_KEPT = 48
"""The blocks whose wrapped lines are kept: a screen of one-line messages (40 at 120 x 40)
with room for a few scrolled past."""
HEIGHTS_KEPT = 64
"""The texts (keys) whose blocks' heights are kept: the tickets a candidate moves between
come back without a wrap of their every block (two ints a block; as many as `KeptText`
keeps texts). A ticket's older versions are let go (`drop`)."""
PAINTED_LINES_KEPT = 96
"""Painted lines kept (`render_lines`), of the texts shown last: the tickets the queue's
cursor moves between show their threads' first lines again without a paint (a
`KeptText` kept every line of 64 texts). A text's lines go when it changes."""
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


class LineView(KeptStyles, Widget):
    """`show(blocks)`: a tall text, its lines built when painted."""

    DEFAULT_CSS = """
    LineView {
        height: auto;
    }
    """

    def __init__(self, blocks: Blocks | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.blocks = blocks or Blocks(None, 0, Text)
        self._heights: LRUCache[tuple[Hashable, int], tuple[list[int], list[int]]]
        self._heights = LRUCache(HEIGHTS_KEPT)
        """Per (key, width): each block's height, and its rows (the lines of its text
        before wrapping: Textual marks each character with its row, for a selection)."""
        self._starts: LRUCache[tuple[Hashable, int], tuple[list[int], list[int]]]
        self._starts = LRUCache(HEIGHTS_KEPT)
        """The same, summed: each block's first line (what `render_line` bisects) and
        first row."""
        self._lines: LRUCache[tuple[int, int, object], tuple[list[Strip], int, int]]
        self._lines = LRUCache(BLOCKS_KEPT)
        """Per (block, width, look): its lines, its rows and the row its first line's
        characters are marked as, for the key shown."""
        self._selected: tuple[object, list[Strip]] | None = None
        """The whole text's lines while the candidate selects in it (`_selected_line`)."""
        self._painted: LRUCache[tuple[object, int], Strip] = LRUCache(PAINTED_LINES_KEPT)
        """Painted lines by (look, line): the text (key and its changes), size and style."""
        self._changed: dict[Hashable, int] = {}
        """Per key, the count of changes (`_changes`) when its blocks last changed under it
        (a transcript's new message): painted lines of before are not used."""
        self._changes = 0
        self._styled = 0
        """Bumped whenever the stylesheet is applied to this widget or an ancestor."""
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
        if same < blocks.count or (kept and same < old.count):
            self._changes += 1  # painted lines of `key` before this are not its lines
            if len(self._changed) >= HEIGHTS_KEPT:
                self._changed.clear()
                self._painted.clear()
            self._changed[blocks.key] = self._changes
            painted = self._painted.keys()  # its lines painted before: never shown again
            for stale in [k for k in painted if k[0][0] == blocks.key]:  # type: ignore[index]
                self._painted.discard(stale)
        if kept and same < old.count:  # blocks from `same` on are other texts now
            built = self._lines.keys()  # a view of the LRU's dict (it has no __iter__)
            for look in [look for look in built if look[0] >= same]:
                self._lines.discard(look)
        measured = self._heights.keys()
        for cache_key in [k for k in measured if k[0] == blocks.key]:
            heights, rows = self._heights.get(cache_key) or ([], [])
            if len(heights) > same:  # its first blocks' heights hold
                del heights[same:], rows[same:]
                self._starts.discard(cache_key)
        self._selected = None
        self.refresh(layout=not width or self.height_at(width) != height)
        return True

    def drop(self, key: Hashable) -> None:
        """What is kept of `key`'s blocks (a text never shown again: a ticket's older
        version); the lines of the key shown are kept."""
        measured = self._heights.keys()  # a view of the LRU's dict (it has no __iter__)
        for cache_key in [k for k in measured if k[0] == key]:
            self._heights.discard(cache_key)
            self._starts.discard(cache_key)

    def forget(self) -> None:
        """Nothing kept: the next `show` builds every block it paints."""
        self._heights.clear()
        self._starts.clear()
        self._lines.clear()
        self._selected = None

    def heights_at(self, width: int, blocks: Blocks | None = None) -> tuple[list[int], list[int]]:
        """Each block's height at `width` and its first line, measured once per key (of
        the blocks shown, or of `blocks`)."""
        return self._measured(width, blocks or self.blocks)[:2]

    def _measured(self, width: int, blocks: Blocks) -> tuple[list[int], list[int], list[int]]:
        """Heights, first lines and first rows of `blocks`' blocks at `width`."""
        cache_key = (blocks.key, width)
        measured = self._heights.get(cache_key)
        if measured is None:
            measured = self._heights[cache_key] = ([], [])
        heights, rows = measured
        starts = self._starts.get(cache_key) if len(heights) == blocks.count else None
        if starts is None:
            del heights[blocks.count :], rows[blocks.count :]
            for index in range(len(heights), blocks.count):
                height, block_rows = self._height_of(blocks, index, width)
                heights.append(height)
                rows.append(block_rows)
            starts = ([0, *accumulate(heights)], [0, *accumulate(rows)])
            self._starts.discard(cache_key)  # (Textual's LRUCache keeps a key's first value)
            self._starts[cache_key] = starts
        return heights, *starts

    def height_at(self, width: int) -> int:
        """The text's height at `width`: its blocks' heights, one line at least."""
        return max(1, self.heights_at(width)[1][-1]) if width > 0 else 0

    def prepare(self, blocks: Blocks, width: int) -> bool:
        """Measure `blocks` at `width` before they are shown (the queue's next ticket, while
        the candidate pauses): shown then, their height is known. False when nothing was
        done (measured already, or no width yet)."""
        if width <= 0 or (blocks.key, width) in self._starts:
            return False
        self._measured(width, blocks)
        return True

    def _height_of(self, blocks: Blocks, index: int, width: int) -> tuple[int, int]:
        """Block `index`'s height at `width` and its rows."""
        if blocks is not self.blocks:  # measured ahead: its lines are not kept
            text = blocks.build(index)
            return len(self._wrap(text, width)), text.plain.count("\n") + 1
        kept = self._lines.get((index, width, self.visual_style))
        if kept is None:
            kept = self._build(index, width)
        return len(kept[0]), kept[1]

    def _wrap(self, text: Text, width: int) -> list[Strip]:
        if text.style:  # a style of the whole block: a span, as in the text a `Static` had
            text = Text("\n").join([text])
        visual = visualize(self, text, markup=False)
        return Visual.to_strips(self, visual, width, None, self.visual_style)

    def _build(self, index: int, width: int) -> tuple[list[Strip], int, int]:
        """Block `index` wrapped at `width` as a `Static` renders its lines, its rows, and
        the row its first is marked as (0: Textual renders it alone); kept."""
        text = self.blocks.build(index)
        built = (self._wrap(text, width), text.plain.count("\n") + 1, 0)
        self._lines[(index, width, self.visual_style)] = built
        self.built += 1
        return built

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
        heights, starts, rows = self._measured(width, self.blocks)
        index = bisect_right(starts, y) - 1
        if 0 <= index < len(heights) and y - starts[index] < heights[index]:
            look = (index, width, self.visual_style)
            kept = self._lines.get(look) or self._build(index, width)
            lines, count, row = kept
            if row != rows[index]:  # its characters marked with their row in the whole text
                lines = [at_row(line, rows[index] - row) for line in lines]
                self._lines.discard(look)  # (Textual's LRUCache keeps a key's first value)
                self._lines[look] = (lines, count, rows[index])
            line = y - starts[index]
            if line < len(lines):
                return lines[line]
        return Strip.blank(width, self.visual_style.rich_style)

    def _selected_line(self, y: int, width: int) -> Strip:
        """Line `y` of the whole text with the candidate's selection shown (Textual's
        selection offsets are the whole text's), rendered once per selection."""
        look = (self.blocks, width, self.visual_style, self.text_selection)
        if self._selected is None or self._selected[0] != look:
            self._selected = (look, self._wrap(self.render(), width))
        lines = self._selected[1]
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.visual_style.rich_style)

    def selection_updated(self, selection: object) -> None:
        self._selected = None
        super().selection_updated(selection)  # type: ignore[arg-type]

    @property
    def background_colors(self) -> tuple[Color, Color]:
        """Textual's, kept while no style on its path changed (`styles_key`): each paint
        asks for it (`StylesCache`, and the look painted lines are kept by)."""
        return self.kept_by_styles(  # type: ignore[no-any-return]
            "background_colors", lambda: super(LineView, self).background_colors
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        """The painted lines of `crop`: those painted before for the same text, look and
        place (`_painted`: the queue's cursor coming back to a ticket paints nothing), else
        Textual's painting of the lines `render_line` gives."""
        if self.text_selection is not None:
            return super().render_lines(crop)
        look = (
            self.blocks.key,
            self._changed.get(self.blocks.key, 0),
            self.size,
            self._styled,
            self.background_colors,
            self.visual_style,
            crop.x,
            crop.width,
            tuple(map(id, self.get_line_filters())),
        )
        painted = self._painted
        lines = [painted.get((look, y)) for y in crop.line_range]
        if None not in lines:
            return lines  # type: ignore[return-value]
        lines = super().render_lines(crop)
        for y, line in zip(crop.line_range, lines, strict=True):
            painted.discard((look, y))  # (Textual's LRUCache keeps a key's first value)
            painted[(look, y)] = line
        kept = self._styles_cache._cache  # Textual's, by line number (pinned to 8.2.x)
        room = PAINTED_KEPT * max(crop.height, 1)
        if len(kept) > room:
            for y in [y for y in kept if abs(y - crop.y) > room]:
                del kept[y]
        return lines

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styled += 1
        self._lines.clear()  # (their look is in their key; a link style is not)


def at_row(line: Strip, row: int) -> Strip:
    """`line` with its characters' rows moved by `row`: a block's text is rendered
    alone, its first row 0; in the whole text it starts at `row` (what a selection
    reads: Textual's `Style.rich_style_with_offset`)."""
    segments = []
    for segment in line:
        text, style, control = segment
        offset = style.meta.get("offset") if style is not None and style._meta else None
        if offset is not None:
            style = style + RichStyle.from_meta({"offset": (offset[0], offset[1] + row)})  # type: ignore[operator]
        segments.append(Segment(text, style, control))
    return Strip(segments, line.cell_length)
