"""A DataTable that renders a cell again only when that cell changed.

DataTable keys its render caches on a counter that every change bumps, so one
changed cell re-renders every visible cell. The exam's queue (an SLA clock a
second) and the proctor's room (a count here and there, every second) mix
this in: a cell is rendered again only when its own object changed, and a
stylesheet re-applied without changing the look keeps the rendered rows.

While a frame paints the table, its styles are worked out once: DataTable asks
for the row, header and cursor styles of every line it renders again, and each
ask builds a merged `RenderStyles` and walks the widget's ancestors for its
colours (a third of a cursor step's frame, `bench_key_cpu.py`). Inside
`render_lines` (one frame: no style can change) the answers are kept.

A line whose row changed in a few cells only (the SLA clock, once a second) is not
built again from all its cells: the line painted before gets the changed cells'
renderings put in at their places (`_render_line`), the other cells' parts of it
kept as they were.

It reaches into DataTable's internals (`_render_cell`, `_render_line`, `_data`,
`_row_locations`, `_column_locations`, `_line_cache`), which holds while Textual is pinned
to 8.2.x (docs/known-issues.md); `tests/ui/test_tickets.py` and
`tests/ui/room/` fail loudly if an upgrade changes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Region, Spacing
from textual.strip import Strip
from textual.widget import Widget

from helpdesk_tui.ui.retext import Change, Retexts, alike, changed_runs, retext
from helpdesk_tui.ui.styles_key import KeptStyles

TABLE_CACHE = 300
"""Entries kept in each of DataTable's own render caches (a screen has 40 lines)."""

PAINTED = 1000
"""Painted table lines kept per look (`CellCache._painted`): each row of a 300-ticket
queue with the cursor on it and off it, with room for a scroll."""


class FrameStyles:
    """A component's styles as DataTable reads them, with `rich_style` worked out once."""

    __slots__ = ("_styles", "rich_style")

    def __init__(self, styles: Any) -> None:
        self._styles = styles
        self.rich_style: Style = styles.rich_style

    def __getattr__(self, name: str) -> Any:
        return getattr(self._styles, name)


class CellCache(KeptStyles, Retexts):
    """Mixin, before DataTable among the bases: cells rendered once per value."""

    _frame_styles: dict[object, Any] | None = None
    _row_tops: tuple[object, list[int], int] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._painted: LRUCache[tuple[object, ...], tuple[tuple[object, ...], Strip]] = LRUCache(
            PAINTED
        )
        """Per look of a table line (its row, place, cursor and hover, crop, widths...,
        `_render_line`): the cells it showed, in column order, and its strip, for
        `_render_line` to use again or change in place (set before DataTable's init,
        whose watchers clear the caches). Kept per look, not per line: a cursor step
        gives the row it leaves the look it had before the cursor came, and the row it
        lands on the look it had when the cursor was last there."""
        super().__init__(*args, **kwargs)
        self._styles_seen: tuple[object, ...] = ()
        self._cells: LRUCache[tuple[object, ...], tuple[object, list[list[Segment]]]] = LRUCache(
            4000
        )
        self._values: LRUCache[tuple[object, ...], tuple[object, list[list[Segment]]]] = LRUCache(
            4000
        )
        self._shapes: LRUCache[tuple[object, ...], list[list[Segment]]] = LRUCache(1000)
        """A rendering per shape of one-line text cell (`_render_like`)."""
        # DataTable's own caches are keyed on its change counter, so after a tick no
        # entry is ever used again; at their sizes (10,000 cells, 1,000 rows and lines)
        # they only grew an exam by 8 MB in its first 20 minutes. A screenful is enough.
        self._cell_render_cache = LRUCache(TABLE_CACHE)
        self._row_render_cache = LRUCache(TABLE_CACHE)
        self._line_cache = LRUCache(TABLE_CACHE)
        self.spliced = 0
        """Lines painted by putting changed cells into the line painted before
        (tests and benchmarks read it)."""
        self.reused = 0
        """Lines painted as they were painted before in the same look with the same
        cells (a row the cursor comes back to or leaves; tests and benchmarks read it)."""

    def _clear_caches(self) -> None:
        super()._clear_caches()  # type: ignore[misc]
        self._painted.clear()
        self.drop_retexts()

    def repaint_cells(
        self,
        cells: Iterable[tuple[str, int]],
        texts: Mapping[tuple[str, int], tuple[object, object]] | None = None,
    ) -> None:
        """Repaint only these cells ((row key, column index)), whose data was written in place.

        Bumping DataTable's change counter (what `update_cell` does) throws away
        the rendered lines of every row and repaints the whole table: an SLA
        clock passing a minute repainted 16 rows to change one cell. Here only
        the rendered lines of the written rows are dropped (DataTable's cell,
        row, line and row-renderables caches), and only the written cells' regions
        are refreshed, so the frame paints those lines and no others.

        With `texts` (each written cell's old and new value, `_as_cell`), a line in view
        whose written cells all changed in characters only (`retext.alike`) is not painted
        again at all: the new characters are put into the line painted before (`Retexts`).
        """
        table: Any = self
        by_row: dict[str, list[int]] = {}
        for key, column in cells:
            by_row.setdefault(key, []).append(column)
        if not by_row:
            return
        rows = _row_spans(table, by_row)
        indexes = {index: key for key, (index, _y, _height) in rows.items()}
        lines: set[int] = set()
        for _index, y, height in rows.values():
            lines.update(range(y, y + height))
        _discard(table._cell_render_cache, lambda k: k[0].value in by_row)
        _discard(table._row_render_cache, lambda k: k[0].value in by_row)
        _discard(table._line_cache, lambda k: k[0] in lines)
        _discard(table._row_renderable_cache, lambda k: k[1] in indexes)
        columns = _column_spans(table)
        window = _rows_window(table)
        offset = table.scroll_offset
        fixed = table.fixed_rows
        shift: tuple[int, int, int] | None = None
        top, bottom = window.y, window.bottom
        for key, (index, y, height) in rows.items():
            if index >= fixed and (y + height <= top or y >= bottom):
                continue  # out of the window's rows: nothing shown to refresh (a tick
                # writes every SLA cell of a 300-ticket queue; 15 rows are in view)
            if texts is not None and index >= fixed and height == 1 and top <= y < bottom:
                if shift is None:  # widget x = table x - scroll + gutter (+ the cell's padding)
                    gutter = table.content_offset
                    pad = table.cell_padding
                    shift = (gutter.x - offset.x + pad, gutter.y - offset.y, pad)
                changes = self._retext_changes(key, by_row[key], y, columns, window, texts, shift)
                if changes and self.retext_later(y + shift[1], changes, gutter):
                    continue
            for column in by_row[key]:
                if not 0 <= column < len(columns):
                    continue
                x, width = columns[column]
                region = Region(x, y, width, height)
                if index < fixed:  # shown where it is, whatever the scroll: DataTable's way
                    table.refresh_coordinate(Coordinate(index, column))
                elif window.overlaps(region):  # only its lines in view: not the header's
                    table.refresh(region.intersection(window).translate(-offset))

    def _retext_changes(
        self,
        key: str,
        written: list[int],
        y: int,
        columns: list[tuple[int, int]],
        window: Region,
        texts: Mapping[tuple[str, int], tuple[object, object]],
        shift: tuple[int, int, int],
    ) -> list[Change] | None:
        """The changes of characters that row `key`'s written cells make to its line (at
        table line `y`), in widget cells, or None when one of them changed otherwise (or
        is not wholly in view)."""
        changes: list[Change] = []
        for column in written:
            old_new = texts.get((key, column))
            if old_new is None or not 0 <= column < len(columns):
                return None
            old, new = self._as_cell(old_new[0]), old_new[1]
            x, width = columns[column]
            if x < window.x or x + width > window.x + window.width:
                return None  # not wholly in view
            if not alike(old, new, width - 2 * shift[2]):
                return None
            plain = new.plain  # type: ignore[attr-defined]
            if "\n" in plain:
                return None  # (a cell shows one line)
            at = x + shift[0]
            for start, before, after in changed_runs(old.plain, plain):  # type: ignore[attr-defined]
                changes.append((at + start, before, after))
        return changes

    def _as_cell(self, value: object) -> object:
        """The table's cell for an old value given to `repaint_cells` (the value itself;
        a table whose data is made from other values turns one into its cell here)."""
        return value

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint, with each style worked out once for the whole frame."""
        self._frame_styles = {}
        try:
            return super().render_lines(crop)  # type: ignore[misc, no-any-return]
        finally:
            self._frame_styles = None

    def get_component_styles(self, *names: str) -> Any:
        kept = self._frame_styles
        if kept is None:
            return super().get_component_styles(*names)  # type: ignore[misc]
        styles = kept.get(names)
        if styles is None:
            styles = kept[names] = FrameStyles(super().get_component_styles(*names))  # type: ignore[misc]
        return styles

    def _kept_for_frame(self, name: str, work_out: Any) -> Any:
        """`work_out()` once per frame while one paints; every time outside a frame."""
        kept = self._frame_styles
        if kept is None:
            return work_out()
        if name not in kept:
            kept[name] = work_out()
        return kept[name]

    @property
    def rich_style(self) -> Style:
        """Textual's, kept for the frame and while no style on its path changed
        (`styles_key`): DataTable renders each line in it."""
        return self._kept_for_frame(  # type: ignore[no-any-return]
            "rich_style",
            lambda: self.kept_by_styles("rich_style", lambda: super(CellCache, self).rich_style),  # type: ignore[misc]
        )

    @property
    def background_colors(self) -> tuple[Color, Color]:
        return self._kept_for_frame(  # type: ignore[no-any-return]
            "background_colors",
            lambda: self.kept_by_styles(
                "background_colors",
                lambda: super(CellCache, self).background_colors,  # type: ignore[misc]
            ),
        )

    def notify_style_update(self) -> None:
        """Drop the table's render caches only when its look really changed.

        Textual re-applies a widget's CSS on many occasions (the mouse moving
        over it, a class changing on an ancestor), and DataTable then re-renders
        every visible cell (tens of milliseconds for a full queue). Most of
        those updates do not change how the queue looks, and leave the rendered
        rows valid.
        """
        Widget.notify_style_update(self)  # type: ignore[arg-type]
        if not self.is_mounted or len(self._component_styles) < len(self.COMPONENT_CLASSES):
            super().notify_style_update()  # still being set up
            return
        names = sorted(self.COMPONENT_CLASSES)
        seen = (self.rich_style, *(self.get_component_rich_style(n) for n in names))
        if seen != self._styles_seen:
            self._styles_seen = seen
            self._painted.clear()
            self._shapes.clear()
            super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """As DataTable's, for a table with no fixed rows: the line at `y` of the view
        (the header's where it shows, else the rows' scrolled under it), its place worked
        out once a frame (DataTable's asks for the fixed rows' keys and heights, the size
        and the scroll on every line)."""
        table: Any = self
        if table.fixed_rows:
            return super().render_line(y)  # type: ignore[misc, no-any-return]
        width, scroll_x, scroll_y, top = self._kept_for_frame("place", lambda: _place(table))
        if y >= top:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + width, self.rich_style)

    def _refresh_region(self, region: Region) -> Any:
        """As DataTable's (a row, a cell or a column to repaint, in the table's own
        coordinates), less what lies under the scroll bars: a row's region is the
        table's whole width, which reaches under the vertical scroll bar, so each
        cursor step also painted the scroll bar's two lines (it is in front of the
        table there and looks the same)."""
        table: Any = self
        if not table.window_region.overlaps(region):
            return self
        view = Region(0, 0, *table.scrollable_content_region.size)
        shown = region.translate(-table.scroll_offset).intersection(view)
        if shown:
            table.refresh(shown)
        return self

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        """DataTable's, after a look whether the cursor's row is in view already (by
        Textual's `Region.get_scroll_to_visible`, as `scroll_to_region` asks it):
        every cursor step asked for the fixed rows' and columns' space and worked out a
        scroll of nothing (a tenth of a step's handling). A row cursor, no fixed rows,
        fixed columns or row labels; otherwise DataTable's own."""
        table: Any = self
        if (
            table.cursor_type != "row"
            or table.fixed_rows
            or table.fixed_columns
            or table._row_label_column_width
        ):
            super()._scroll_cursor_into_view(animate)  # type: ignore[misc]
            return
        _x, y, width, height = self._get_row_region(table.cursor_row)
        region = Region(int(table.scroll_x), y, width, height)
        top = table.header_height if table.show_header else 0
        window = table.scrollable_content_region.at_offset(table.scroll_offset)
        if not Region.get_scroll_to_visible(window.shrink(Spacing(top, 0, 0, 0)), region):
            return  # what Textual's `scroll_to_region` would scroll by: nothing
        super()._scroll_cursor_into_view(animate)  # type: ignore[misc]

    def _get_row_region(self, row_index: int) -> Region:
        """As DataTable's, with the row's top line read from a list of each row's first
        line and the rows' width, made again whenever DataTable's own list of lines is
        (`_y_offsets`: per change count, which a new column width or row bumps, and
        again when a row's height is measured): DataTable sums the heights of every row
        above it and the columns' widths, three times a cursor step (the row left, the
        row reached, the scroll into view)."""
        table: Any = self
        if not table.is_valid_row_index(row_index):
            return Region(0, 0, 0, 0)
        lines = table._y_offsets
        kept = self._row_tops
        if kept is None or kept[0] is not lines:
            row_width = (
                sum(column.get_render_width(table) for column in table.columns.values())
                + table._row_label_column_width
            )
            tops = [y for y, (_key, line) in enumerate(lines) if not line]
            kept = self._row_tops = (lines, tops, row_width)
        _lines, tops, row_width = kept
        if len(tops) != table.row_count:  # a row of no lines: DataTable's own count
            return super()._get_row_region(row_index)  # type: ignore[misc, no-any-return]
        row = table.rows[table._row_locations.get_key(row_index)]
        y = tops[row_index]
        if table.show_header:
            y += table.header_height
        return Region(0, y, max(table.size.width, row_width), row.height)

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A line of the table, as DataTable's, but a row whose cells changed in a few
        columns only has those cells put into the line it painted before.

        DataTable builds a line from all its row's cells: asks each for its rendering,
        works out each column's width twice, the row's style and the filler after the
        last column, joins, crops and simplifies (about 1,300 Python calls a line, with
        every cell kept). The one-second tick changes one cell (the SLA clock) in each
        of 15 rows. Here the kept strip's segments at the changed cell's place are
        replaced with the cell's rendering (simplified as DataTable simplifies a line):
        the same segments, since every cell's segments
        carry its own `{"row", "column"}` meta and so never merge with a neighbour's.
        Only where the row's look (its place, index, cursor and hover, the crop, the
        widths, the base style, the table's state) is the same as when the strip was
        painted, for a row cursor, with no fixed columns, fixed rows or row labels;
        otherwise DataTable's own.

        The strips are kept per look (`_painted`), not per line, so a queue cursor step
        finds the row it leaves as it was painted before the cursor came and the row it
        reaches as it was painted when the cursor was last there: the same cells give
        the kept strip (`reused`), a clock changed since in characters only has its new
        characters put in (`_retext_cells`), another change the cell's rendering
        (`_splice`). Branch p-cursor13: the two rows were a cursor step's largest part.
        """
        table: Any = self
        if (
            table.cursor_type != "row"
            or table.fixed_columns
            or table.fixed_rows
            or (table._labelled_row_exists and table.show_row_labels)
        ):
            return super()._render_line(y, x1, x2, base_style)  # type: ignore[misc, no-any-return]
        try:
            row_key, line_no = table._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)  # type: ignore[misc, no-any-return]
        if row_key is table._header_row_key:
            return super()._render_line(y, x1, x2, base_style)  # type: ignore[misc, no-any-return]
        width = table.size.width
        cursor = table.cursor_coordinate
        hover = table.hover_coordinate
        line_key = (
            y,
            x1,
            x2,
            width,
            cursor,
            hover,
            base_style,
            "row",
            table._show_hover_cursor,
            table._update_count,
            table._pseudo_class_state,
        )
        cached = table._line_cache.get(line_key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        keys, spans = self._kept_for_frame("columns", lambda: _columns(table))
        row_index = table._row_locations.get(row_key)
        data = table._data[row_key]
        cells = tuple(data.get(key) for key in keys)
        look = (
            row_key.value,
            line_no,
            row_index,
            x1,
            x2,
            width,
            base_style,
            table.show_cursor,
            cursor.row == row_index,
            hover.row == (row_index or 0),
            hover.row == row_index,
            table._show_hover_cursor,
            table._update_count,
            table._pseudo_class_state,
            spans,
        )
        kept = self._painted.get(look)
        strip = None
        if kept is not None:
            old, strip = kept
            if any(a is not b for a, b in zip(old, cells, strict=True)):
                strip = self._retext_cells(strip, old, cells, spans, x1) or self._splice(
                    strip, old, cells, spans, row_index, line_no, x1, base_style
                )
            else:
                self.reused += 1
        if strip is None:
            strip = super()._render_line(y, x1, x2, base_style)  # type: ignore[misc]
        else:
            table._line_cache[line_key] = strip
        self._painted[look] = (cells, strip)
        return strip  # type: ignore[no-any-return]

    def _retext_cells(
        self,
        strip: Strip,
        old: tuple[object, ...],
        cells: tuple[object, ...],
        spans: tuple[tuple[int, int], ...],
        x1: int,
    ) -> Strip | None:
        """`strip` with the new characters of the cells that changed in characters only
        (`retext.alike`: the SLA clock's "-12:51" become "-12:52") put in, every segment
        keeping its style; None when a changed cell changed otherwise, is not wholly in
        the strip, or the strip does not show its old characters where they were.

        A row the cursor leaves or lands on was last painted in that look some seconds
        before, and the tick has changed its clock since: rendering that cell again in
        the row's style (`_splice`) asked for the row's and the cursor's styles, a third
        of a step's frame."""
        table: Any = self
        pad = table.cell_padding
        length = strip.cell_length
        changes: list[Change] = []
        for index, (before, after) in enumerate(zip(old, cells, strict=True)):
            if before is after:
                continue
            x, width = spans[index]
            start = x - x1
            if start < 0 or start + width > length or not alike(before, after, width - 2 * pad):
                return None
            plain = after.plain  # type: ignore[attr-defined]
            if "\n" in plain:
                return None  # (a cell shows one line)
            for at, was, now in changed_runs(before.plain, plain):  # type: ignore[attr-defined]
                changes.append((start + pad + at, was, now))
        if not changes:
            return strip  # the same text in the same style
        line = retext(strip, changes)
        if line is not None:
            self.spliced += 1
        return line

    def _splice(
        self,
        strip: Strip,
        old: tuple[object, ...],
        cells: tuple[object, ...],
        spans: tuple[tuple[int, int], ...],
        row_index: int,
        line_no: int,
        x1: int,
        base_style: Style,
    ) -> Strip | None:
        """`strip` with the cells that are not the same objects as in `old` rendered
        again and put in; None where that cannot be done (a cell cut by the crop, or
        most of the row changed)."""
        table: Any = self
        changed = [i for i, (a, b) in enumerate(zip(old, cells, strict=True)) if a is not b]
        if not changed or len(changed) * 2 > len(cells):
            return None
        length = strip.cell_length
        segments = list(strip)
        row_style = table._get_row_style(row_index, base_style)
        cursor = table.cursor_coordinate
        hover = table.hover_coordinate
        highlight = table._should_highlight
        for index in changed:
            x, cell_width = spans[index]
            start = x - x1
            end = start + cell_width
            if end <= 0 or start >= length:
                continue  # not in view
            if start < 0 or end > length:
                return None
            cut = _cut(segments, start, end)
            if cut is None:
                return None
            place = Coordinate(row_index, index)
            lines = self._render_cell(
                row_index,
                index,
                row_style,
                cell_width,
                cursor=highlight(cursor, place, "row"),
                hover=highlight(hover, place, "row"),
            )
            segments[cut[0] : cut[1]] = Segment.simplify(lines[line_no])
        self.spliced += 1
        return Strip(segments, length)

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """Render a cell again only when its own text changed.

        DataTable keys its cell cache on a counter that every change bumps, so
        one SLA clock passing a second re-rendered every visible cell (10-20 ms
        for a full queue, the slowest frame of the exam). Here a place (where the
        cell is drawn, and how) keeps the cell it showed last and its rendering, used
        again while the place shows that same object (cells are never changed in
        place: a new value is a new object), so a tick re-renders only the cells
        that changed.

        One rendering per place, not per cell object (mem22): keyed by `id(cell)`, every
        past second of a clock that could not have its characters put in (an overdue
        clock past an hour, wider than its column) stayed, here and in `_values`, until
        4,000 newer ones pushed it out: 6.6 MB once full. The cell a place showed before
        is let go with its shared rendering (`_let_go`). (The id was safe as a key: each
        entry held its cell, so the id could not be reused while the entry lived.)
        """
        if column_index < 0:  # row labels: the queue has none
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        column_key = self._column_locations.get_key(column_index)
        if row_index < 0:
            cell = self.columns[column_key].label
        else:
            cell = self._data[self._row_locations.get_key(row_index)][column_key]
        place = (
            row_index,
            column_index,
            base_style,
            width,
            cursor,
            hover,
            self._show_hover_cursor,
            self._pseudo_class_state,
        )
        cached = self._cells.get(place)
        if cached is not None:
            if cached[0] is cell:
                return cached[1]
            if row_index >= 0:
                self._let_go(cached[0], row_index, column_index, place[2:])
            self._cells.discard(place)  # (Textual's LRUCache does not set a key it has)
        if row_index < 0:
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        else:
            lines = self._render_value(cell, row_index, column_index, (id(cell), *place[2:]))
        self._cells[place] = (cell, lines)
        return lines

    def _let_go(
        self, old: object, row_index: int, column_index: int, look: tuple[object, ...]
    ) -> None:
        """Drop the shared rendering (`_values`) of the cell a place showed before a new
        one came, in that look: a clock's past second is not drawn again. (A value still
        shown in other rows, a status, is rendered again only where one of those is
        painted anew, from its shape (`_render_like`) when it has one.)"""
        shared_key = self._value_key(row_index, column_index, (id(old), *look))
        shared = self._values.get(shared_key)
        if shared is not None and shared[0] is old:
            self._values.discard(shared_key)

    def _value_key(
        self, row_index: int, column_index: int, look: tuple[object, ...]
    ) -> tuple[object, ...]:
        """`_values`' key for a cell drawn in `look` (its id first) at this place."""
        fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        height = self.rows[self._row_locations.get_key(row_index)].height
        return (look, fixed, height)

    def _render_value(
        self, cell: object, row_index: int, column_index: int, look: tuple[object, ...]
    ) -> list[list[Segment]]:
        """A body cell drawn as another cell with the same value and look was, with
        this cell's place put in.

        The same value shows in many rows (a status, a priority, a customer, an SLA
        time), and each new row under the cursor rendered its cells through Rich
        again. DataTable's rendering of a cell differs from row to row only in the
        `{"row", "column"}` meta of each segment's style (what a click reads), so a
        rendering kept for the value gets this cell's meta, which replaces the other's.
        """
        _id, base_style, width, cursor, hover, *_rest = look
        if not width:  # a column left out (`queue_model`): DataTable's own empty segment,
            # without a place to put in (bugs17: a kept one got this cell's meta, Textual's none)
            return super()._render_cell(  # type: ignore[misc]
                row_index, column_index, base_style, width, cursor, hover
            )
        key = self._value_key(row_index, column_index, look)
        _look, fixed, height = key
        shared = self._values.get(key)
        if shared is None or shared[0] is not cell:
            lines = self._render_like(cell, look, fixed, height, row_index, column_index)
            if lines is None:
                lines = super()._render_cell(  # type: ignore[misc]
                    row_index, column_index, base_style, width, cursor, hover
                )
                self._keep_shape(cell, look, fixed, height, lines)
            self._values[key] = (cell, lines)
            return lines
        meta = Style.from_meta({"row": row_index, "column": column_index})
        return _with_meta(shared[1], meta)

    def _keep_shape(
        self,
        cell: object,
        look: tuple[object, ...],
        fixed: bool,
        height: int,
        lines: list[list[Segment]],
    ) -> None:
        """Keep a rendering as the shape of the cells like it (`_render_like`), when its
        text is the cell's characters padded to the width, in segments of one style each."""
        shape = _shape_key(cell, look, fixed, height)
        if shape is None or len(lines) != 1:
            return
        plain = cell.plain  # type: ignore[attr-defined]
        width = look[2]
        if any(control for _text, _style, control in lines[0]):
            return
        if "".join(text for text, _style, _control in lines[0]) != plain.ljust(width):  # type: ignore[arg-type]
            return
        self._shapes[shape] = lines

    def _render_like(
        self,
        cell: object,
        look: tuple[object, ...],
        fixed: bool,
        height: int,
        row_index: int,
        column_index: int,
    ) -> list[list[Segment]] | None:
        """A cell rendered as another cell of the same shape was, with this cell's
        characters in its segments and this cell's place in their meta; None when no
        cell of its shape was rendered.

        The SLA clocks change every second and a new time had no rendering to share
        (`_render_value`): the tick rendered the changed clocks through Rich (Padding,
        Text, lines split, cropped and padded), 9 a tick on the bench's queue. A
        one-line text in one style that fits its width is laid out by Rich as its
        characters then the padding, cut where the style changes, whatever the
        characters (printable, one cell each), so a rendering of a text of the
        same length, look and style has the same segments with other characters.
        """
        shape = _shape_key(cell, look, fixed, height)
        if shape is None:
            return None
        template = self._shapes.get(shape)
        if template is None:
            return None
        text = cell.plain.ljust(look[2])  # type: ignore[attr-defined, arg-type]
        meta = Style.from_meta({"row": row_index, "column": column_index})
        line: list[Segment] = []
        start = 0
        for part, style, control in template[0]:
            end = start + len(part)
            line.append(Segment(text[start:end], meta if style is None else style + meta, control))
            start = end
        return [line]


def _cut(segments: list[Segment], start: int, end: int) -> tuple[int, int] | None:
    """The slice of `segments` that covers cells [start, end) exactly, or None when a
    segment crosses either edge (or is empty or a control: nothing to cut at)."""
    first = None
    position = 0
    for index, (text, _style, control) in enumerate(segments):
        if position == start:
            first = index
        if position == end:
            return None if first is None else (first, index)
        if position > end or not text or control:
            return None
        position += cell_len(text)
    if position == end and first is not None:
        return first, len(segments)
    return None


def _with_meta(lines: list[list[Segment]], meta: Style) -> list[list[Segment]]:
    """`lines` with `meta` put into each segment's style (replacing another cell's)."""
    return [
        [
            Segment(text, meta if style is None else style + meta, control)
            for text, style, control in line
        ]
        for line in lines
    ]


def _shape_key(
    cell: object, look: tuple[object, ...], fixed: bool, height: int
) -> tuple[object, ...] | None:
    """What a one-line Text cell's rendering depends on besides its characters, or None
    for a cell that is not such: printable characters of one cell each (the SLA's ✗
    and ⚠ too) that fit its width, one style
    for the whole text, no trailing space (where wrapping or cropping could differ)."""
    if type(cell) is not Text or height != 1 or cell.spans:
        return None
    plain = cell.plain
    width = look[2]
    if (
        not isinstance(width, int)
        or len(plain) > width
        or not plain.isprintable()
        or cell_len(plain) != len(plain)
        or plain.endswith(" ")
    ):
        return None
    return (
        look[1:],
        fixed,
        len(plain),
        cell.style,
        cell.justify,
        cell.overflow,
        cell.no_wrap,
        cell.end,
        cell.tab_size,
    )


def _discard(cache: LRUCache[Any, Any], stale: Any) -> None:
    """Drop the entries of one of DataTable's caches whose key is `stale`.

    When most are stale (a tick that changed every row in view), the cache is emptied
    instead: dropping entries one by one hashes each key again (DataTable's row keys
    hash in Python), about 1,200 hashes a tick, and what else is lost is rendered again
    only if it is shown."""
    keys = cache.keys()
    gone = [k for k in keys if stale(k)]
    if len(gone) * 2 >= len(keys):
        cache.clear()
        return
    for key in gone:
        cache.discard(key)


def _row_spans(table: Any, keys: Mapping[str, object]) -> dict[str, tuple[int, int, int]]:
    """The (index, y, height) of each row whose key is in `keys`, in one pass over the rows.

    DataTable's `get_row_index`, `_get_row_region` and `refresh_coordinate` look each
    row up by its key (a key object and its hash, in Python) or sum the heights of every
    row above the one asked for: a tick that changes all 300 SLA cells of a queue
    paid 300 such sums (14 ms, `bench_ui.py`'s SLA tick). Here the rows are walked in
    order once, each key read as the plain string it is."""
    spans: dict[str, tuple[int, int, int]] = {}
    y = table.header_height if table.show_header else 0
    left = len(keys)
    for index, row in enumerate(table.ordered_rows):
        value = row.key.value
        if value in keys:
            spans[value] = (index, y, row.height)
            left -= 1
            if not left:
                break
        y += row.height
    return spans


def _place(table: Any) -> tuple[int, int, int, int]:
    """The view's width, its scroll (x, y), and the first line that shows rows (under the
    header), as DataTable's `render_line` works them out for a table with no fixed rows."""
    scroll_x, scroll_y = table.scroll_offset
    return table.size.width, scroll_x, scroll_y, table.header_height if table.show_header else 0


def _columns(table: Any) -> tuple[tuple[object, ...], tuple[tuple[int, int], ...]]:
    """The column keys in their order and the (x, width) of each column."""
    return tuple(column.key for column in table.ordered_columns), tuple(_column_spans(table))


def _rows_window(table: Any) -> Region:
    """The part of the table's virtual area that its scrolling rows show: the window
    (`window_region`, which DataTable's `refresh_coordinate` tests a cell against) less
    its top lines, where the header and the fixed rows stand whatever the scroll. With
    the whole window, a cell written in the row just above the view (hidden under the
    header) refreshed the header's line."""
    window = table.window_region
    top = table.header_height if table.show_header else 0
    if table.fixed_rows:
        top += sum(row.height for row in table.ordered_rows[: table.fixed_rows])
    return Region(window.x, window.y + top, window.width, max(0, window.height - top))


def _column_spans(table: Any) -> list[tuple[int, int]]:
    """The (x, width) of each column, as DataTable's `_get_cell_region` places them."""
    spans: list[tuple[int, int]] = []
    x = table._row_label_column_width
    for column in table.ordered_columns:
        width = column.get_render_width(table)
        spans.append((x, width))
        x += width
    return spans
