"""A painted line whose text changed in characters only gets the new characters put in.

The one-second tick changes texts, not looks: "✗ -12:51" becomes "✗ -12:52" in the
same cells, in the same style. Textual paints such a line again from its content
(DataTable builds the row, `StylesCache` styles it: border, padding, background,
filters), 400-550 Python calls a queue line (`benchmarks/bench_tick_calls.py`). Where
the old and the new text are alike (`alike`: the same length and styles, one cell per
character, no whitespace moved, so no wrapping or cropping can differ), the line
painted before with the changed characters put in, each segment keeping its style,
is what Textual would paint again.

`Retexts` keeps such changes per painted line of a widget until its next frame, and
puts them into the line `StylesCache` keeps (before the app's line filters, which
change styles only), on the condition that nothing else marked that line dirty since
and that the line still shows the old characters where they were said to be;
otherwise the line is painted again as Textual paints it.

It reaches into `StylesCache._cache` and `_dirty_lines` (Textual 8.2.x is pinned:
docs/known-issues.md); `tests/ui/test_retext.py` compares the frames with Textual's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.filter import ANSIToTruecolor, DimFilter, Monochrome, NoColor
from textual.geometry import Region
from textual.strip import Strip

_NOT_SPACE = re.compile(r"[^ ]")

Change = tuple[int, str, str]
"""A change of a line: (x, old characters, new characters), of the same length."""


def alike(old: object, new: object, width: int) -> bool:
    """Whether `new` renders as `old` does with other characters: both Rich Texts of the
    same length, with their line breaks at the same places and every line fitting
    `width`, the same styles and layout, printable one-cell characters, and whitespace
    only where the other has the same."""
    if type(old) is not Text or type(new) is not Text:
        return False
    a, b = old.plain, new.plain
    if (
        len(a) != len(b)
        or old.style != new.style
        or old.spans != new.spans
        or old.justify not in (None, "default", "left")
        or (old.justify, old.overflow, old.no_wrap, old.end, old.tab_size)
        != (new.justify, new.overflow, new.no_wrap, new.end, new.tab_size)
    ):
        return False
    if "\n" not in a and "\n" not in b:
        return len(b) <= width and one_cell(a) and one_cell(b) and same_spaces(a, b)
    lines_a, lines_b = a.split("\n"), b.split("\n")
    return len(lines_a) == len(lines_b) and all(
        len(x) == len(y) <= width and one_cell(x) and one_cell(y) and same_spaces(x, y)
        for x, y in zip(lines_a, lines_b, strict=True)
    )


def line_runs(old: str, new: str) -> list[tuple[int, int, str, str]]:
    """(line, offset in the line, old, new) of each run of differing characters of two
    texts whose line breaks stand at the same places (`alike`)."""
    if "\n" not in old:
        return [(0, *run) for run in changed_runs(old, new)]
    return [
        (line, *run)
        for line, (a, b) in enumerate(zip(old.split("\n"), new.split("\n"), strict=True))
        if a != b
        for run in changed_runs(a, b)
    ]


def one_cell(text: str) -> bool:
    """Printable characters of one cell each (no line break, tab or control)."""
    return text.isprintable() and (text.isascii() or cell_len(text) == len(text))


def same_spaces(a: str, b: str) -> bool:
    """Spaces stand where they stood in two printable strings (whose only whitespace is
    the space): none comes or goes (wrapping and the trimming of a line's end look at
    spaces, and only there)."""
    return _NOT_SPACE.sub("x", a) == _NOT_SPACE.sub("x", b)


def changed_runs(old: str, new: str) -> list[tuple[int, str, str]]:
    """(offset, old, new) of each run of differing characters of two strings of a length."""
    runs: list[tuple[int, str, str]] = []
    start = None
    for i, (x, y) in enumerate(zip(old, new, strict=True)):
        if x != y:
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, old[start:i], new[start:i]))
            start = None
    if start is not None:
        runs.append((start, old[start:], new[start:]))
    return runs


def layout(strip: Strip) -> list[int] | None:
    """The cell where each of `strip`'s segments starts, and its length last; None when
    a segment is a control or not one cell per character (a wide or a zero-width one):
    there the cells are not the characters."""
    offsets: list[int] = []
    position = 0
    for text, _style, control in strip._segments:
        if control:
            return None
        offsets.append(position)
        width = len(text)
        if not text.isascii() and cell_len(text) != width:
            return None
        position += width
    offsets.append(position)
    return offsets


def retext(strip: Strip, changes: list[Change], offsets: list[int] | None = None) -> Strip | None:
    """`strip` with each change's old characters at cells [x, x + len) replaced by its new
    ones, every segment keeping its style and length; None when the strip does not show
    the old characters there, one cell each (then it cannot be changed in place).
    `offsets`: the strip's `layout`, when known (a line changed before has the same)."""
    if offsets is None:
        offsets = layout(strip)
        if offsets is None:
            return None
    segments = strip._segments.copy()
    length = offsets[-1]
    for x, old, new in changes:
        end = x + len(old)
        if x < 0 or end > length:
            return None  # beyond the line
        index = bisect_right(offsets, x) - 1
        at = x
        while at < end:
            text, style, control = segments[index]
            start, stop = offsets[index], min(end, offsets[index + 1])
            if text[at - start : stop - start] != old[at - x : stop - x]:
                return None  # not the old characters
            text = text[: at - start] + new[at - x : stop - x] + text[stop - start :]
            segments[index] = Segment(text, style, control)
            at = stop
            index += 1
    return Strip(segments, length)


ONE_TO_ONE = (ANSIToTruecolor, DimFilter, Monochrome, NoColor)
"""Textual's line filters: each gives a segment per segment, of the same text, its style
worked out from the segment's own (and the background): a filtered line with characters
put in is the filtering of the line with them put in."""


def _with_filtered(
    old: Strip, new: Strip | None, changes: list[Change], offsets: list[int] | None
) -> Strip | None:
    """`new` (`old` with `changes`), with the app's line filters' renderings of `old` (which
    `StylesCache` keeps on it) carried over with the same changes: a frame's filtering of
    the line is then a look-up, not every segment restyled."""
    if new is None:
        return None
    for key, filtered in list(old._filter_cache._cache.items()):
        if type(key[0]) in ONE_TO_ONE and len(filtered._segments) == len(old._segments):
            moved = retext(filtered, changes, offsets)
            if moved is not None:
                new._filter_cache[key] = moved
    return new


class Retexts:
    """Mixin for a widget: lines changed in characters only, put into its painted lines
    at its next frame (see the module's docstring).

    `retext_later(y, changes)` after the widget's data changed, instead of a repaint of
    those cells: it marks the cells for the compositor (a frame paints them) but not the
    line for `StylesCache` (which would paint it again from the content)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._retexts: dict[int, list[list[Change]]] = {}
        """Per widget line: the changes not painted yet, in their order (set before the
        widget's own init, whose watchers may drop them)."""
        self.retexted = 0
        """Lines painted by putting characters in (tests and benchmarks read it)."""
        self._layouts: dict[int, tuple[Strip, list[int] | None]] = {}
        """Per widget line: the last line characters were put into, and its `layout`."""
        super().__init__(*args, **kwargs)

    def retext_later(self, y: int, changes: list[Change], gutter: tuple[int, int]) -> bool:
        """Put `changes` into line `y` (widget coordinates, the border's line 0) at the next
        frame; False when that cannot be done (the line is to be painted again anyway,
        or is not kept), and nothing was done: the caller refreshes the cells.
        `gutter`: the widget's `content_offset` (the caller has it)."""
        widget: Any = self
        cache = widget._styles_cache
        if y in cache._dirty_lines or y not in cache._cache or not changes:
            self._retexts.pop(y, None)
            return False
        x, old, _new = changes[0]
        right = x + len(old)
        for at, old, _new in changes[1:]:
            x, right = min(x, at), max(right, at + len(old))
        widget.refresh(Region(x - gutter[0], y - gutter[1], right - x, 1))
        cache._dirty_lines.discard(y)
        self._retexts.setdefault(y, []).append(changes)
        return True

    def render_lines(self, crop: Any) -> Any:
        """Put the waiting changes of `crop`'s lines into the kept lines, then paint."""
        if self._retexts:
            self._put_in(crop.line_range)
        return super().render_lines(crop)  # type: ignore[misc]

    def _put_in(self, ys: range) -> None:
        widget: Any = self
        cache = widget._styles_cache
        kept = cache._cache
        dirty = cache._dirty_lines
        waiting = self._retexts
        layouts = self._layouts
        for y in [y for y in waiting if y in ys]:
            batches = waiting.pop(y)
            strip = kept.get(y)
            if strip is None or y in dirty:
                continue  # painted again from the content, which has the new text
            known = layouts.get(y)
            offsets = known[1] if known is not None and known[0] is strip else layout(strip)
            for changes in batches:
                if offsets is None:
                    strip = None
                    break
                strip = _with_filtered(strip, retext(strip, changes, offsets), changes, offsets)
                if strip is None:
                    break
            if strip is None:
                dirty.add(y)  # not what was expected there: paint it as Textual does
                layouts.pop(y, None)
            else:
                kept[y] = strip
                layouts[y] = (strip, offsets)  # its segments are as long as before
                self.retexted += 1

    def drop_retexts(self) -> None:
        """Forget the waiting changes (the widget is to be painted whole)."""
        self._retexts.clear()
        self._layouts.clear()
