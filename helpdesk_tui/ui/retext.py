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
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip

_NOT_SPACE = re.compile(r"[^ ]")

Change = tuple[int, str, str]
"""A change of a line: (x, old characters, new characters), of the same length."""


def alike(old: object, new: object, width: int) -> bool:
    """Whether `new` renders as `old` does with other characters: both one-line Rich
    Texts of the same length that fits `width`, the same styles and layout, printable
    one-cell characters, and whitespace only where the other has the same."""
    if type(old) is not Text or type(new) is not Text:
        return False
    a, b = old.plain, new.plain
    if (
        len(a) != len(b)
        or len(b) > width
        or old.style != new.style
        or old.spans != new.spans
        or old.justify not in (None, "default", "left")
        or (old.justify, old.overflow, old.no_wrap, old.end, old.tab_size)
        != (new.justify, new.overflow, new.no_wrap, new.end, new.tab_size)
    ):
        return False
    return one_cell(a) and one_cell(b) and same_spaces(a, b)


def one_cell(text: str) -> bool:
    """Printable characters of one cell each (no line break, tab or control)."""
    return text.isprintable() and cell_len(text) == len(text)


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


def retext(strip: Strip, changes: list[Change]) -> Strip | None:
    """`strip` with each change's old characters at cells [x, x + len) replaced by its new
    ones, every segment keeping its style and length; None when the strip does not show
    the old characters there, one cell each (then it cannot be changed in place)."""
    if not changes:
        return strip
    segments: list[Segment] = list(strip)
    todo = sorted(changes)
    done = 0
    position = 0
    for index, segment in enumerate(segments):
        text, style, control = segment
        if control:
            continue
        width = cell_len(text)
        end = position + width
        touched = False
        chars: list[str] | None = None
        for x, old, new in todo:
            if x + len(old) <= position or x >= end:
                continue
            if width != len(text):
                return None  # a wide character here: cells are not characters
            if chars is None:
                chars = list(text)
            for offset in range(max(x, position), min(x + len(old), end)):
                if chars[offset - position] != old[offset - x]:
                    return None
                chars[offset - position] = new[offset - x]
                done += 1
            touched = True
        if touched and chars is not None:
            segments[index] = Segment("".join(chars), style, control)
        position = end
    if done != sum(len(old) for _x, old, _new in todo):
        return None  # some old characters lie beyond the line
    return Strip(segments, strip.cell_length)


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
        x = min(x for x, _old, _new in changes)
        right = max(x + len(old) for x, old, _new in changes)
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
        for y in [y for y in waiting if y in ys]:
            batches = waiting.pop(y)
            strip = kept.get(y)
            if strip is None or y in dirty:
                continue  # painted again from the content, which has the new text
            for changes in batches:
                strip = retext(strip, changes)
                if strip is None:
                    break
            if strip is None:
                dirty.add(y)  # not what was expected there: paint it as Textual does
            else:
                kept[y] = strip
                self.retexted += 1

    def drop_retexts(self) -> None:
        """Forget the waiting changes (the widget is to be painted whole)."""
        self._retexts.clear()
