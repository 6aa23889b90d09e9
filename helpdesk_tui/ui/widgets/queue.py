"""The ticket queue: a DataTable updated by difference, never cleared and refilled.

Rows are keyed by ticket id. Each refresh compares the rows the queue model
gives with the cells on screen: new tickets are added, gone ones removed, and
`update_cell` is called only where the rendered text changed (once a second
for running SLA clocks). The order is re-applied only when it changed, and
the cursor stays on the ticket it was on, wherever that ticket moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import PseudoClasses
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.queue_model import (
    COLUMNS,
    Cell,
    QueueRow,
    column_widths,
    forwarded_status,
)
from helpdesk_tui.ui.widgets.cell_cache import CellCache

TONES: dict[str, str] = {
    "ok": "green",
    "warning": "bold yellow",
    "breached": "bold red",
    "met": "green",
    "paused": "dim",
    "done": "dim",
    "priority": "bold",
    "status": "",
    "updated": "bold",
    "forwarded": "",
    "": "",
}


STEP_KEYS = frozenset({"up", "down", "pageup", "pagedown", "home", "end", "ctrl+home", "ctrl+end"})
"""The cursor's keys: their bindings run where the key arrives (`TicketQueue._on_key`)."""

GAP = 1
"""Columns are separated by one space inside each cell (cell_padding 0), not two."""


CLOCK_TONES = frozenset({"ok", "warning", "breached", "paused"})
"""The SLA column's tones (`queue_model.sla_cell`): a running clock's cell is a new one
every second, and an overdue clock runs to the end of the exam."""

CLOCKS_RENDERED = 512
"""Clock cells' renderings kept (`render_cell`): a screen of running clocks, with room.
In the 4,096 of the other cells they filled the cache at a rendering a second per
running clock, about 2.3 MB of texts never shown again (mem21)."""


def render_cell(cell: Cell) -> Text:
    """Always Text: a plain str cell would be parsed as markup ("[kb-1]" would vanish).
    Kept per cell; a clock's apart, in a smaller cache (`CLOCKS_RENDERED`)."""
    if cell.tone in CLOCK_TONES:
        return _render_clock(cell)
    return _render_kept(cell)


def _rendered(cell: Cell) -> Text:
    return Text(
        " " * GAP + cell.text, style=TONES.get(cell.tone, ""), no_wrap=True, overflow="ellipsis"
    )


_render_kept = lru_cache(maxsize=4096)(_rendered)
_render_clock = lru_cache(maxsize=CLOCKS_RENDERED)(_rendered)


class TicketQueue(CellCache, DataTable[Text]):
    """The queue of tickets; posts `TicketHighlighted` when the cursor lands on a ticket."""

    @dataclass
    class TicketHighlighted(Message):
        ticket_id: str | None

    @dataclass
    class TicketChosen(Message):
        """Enter on a row: the candidate wants to read this ticket."""

        ticket_id: str

    def __init__(self, *, announce: bool = True, keys_here: bool = False, **kwargs: object) -> None:
        self.announce = announce  # before DataTable's init: setting its cursor type highlights
        """Post `TicketHighlighted` when the cursor lands on a ticket (observe and review
        listen for it). The exam screen follows the cursor itself (`watch`, in the key's
        own turn), and the two messages a step posted (DataTable's `RowHighlighted`, then
        this) bubbled up through four widgets each for nobody."""
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, **kwargs)  # type: ignore[arg-type]
        self.keys_here = keys_here
        """Run the cursor keys' bindings where they arrive (`_on_key`): only where no
        widget above the queue handles a key itself (the exam screen; the observer's
        screen does, its `on_key` stops following the candidate)."""
        keymap.install(self, "queue")
        self._shown: dict[str, QueueRow] = {}
        """What each row shows: the model's row last written to it."""
        self._group_shown = True
        """The group column has room (`column_widths`); without it a transferred ticket's
        status cell names the group (`queue_model.forwarded_status`, bugs18)."""
        self._row_data: dict[str, dict[ColumnKey, Text]] = {}
        self._order: list[str] = []
        self._column_keys: list[ColumnKey] = []
        self.updates = 0
        """Cells written since mount (the benchmark and tests read it)."""

    def on_mount(self) -> None:
        self._column_keys = [
            self.add_column(Text(" " * GAP + _(label)), key=key, width=width + GAP)
            for key, label, width in COLUMNS
        ]

    def get_pseudo_class_state(self) -> PseudoClasses:
        """Focus is left out: the queue looks the same focused or not (see queue.tcss),
        so moving between areas reuses its rendered rows instead of redrawing all
        of them (a DataTable keys its render caches on this state)."""
        state = super().get_pseudo_class_state()
        return PseudoClasses(enabled=state.enabled, focus=False, hover=state.hover)

    def watch_has_focus(self, has_focus: bool) -> None:
        """Nothing to restyle: the queue looks the same focused or not (queue.tcss).
        Textual would re-apply the stylesheet to the table on every move between areas."""

    def _on_focus(self, event: events.Focus) -> None:
        """As Textual's, without repainting every row (see `watch_has_focus`): the
        event's default is prevented, or Textual's own handler would run after this one
        and repaint the whole table anyway."""
        event.prevent_default()
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    async def _on_key(self, event: events.Key) -> None:
        """A cursor key runs its binding here, in the turn it arrives in.

        Textual runs a widget's bindings when the key has bubbled back up to the
        app: from the queue through its area, the grid, the screen and the app, a
        message and a turn of each one's task for every step of the cursor, all
        before the step begins (a tenth of a step's calls). What runs here is what
        the app would run: its lookup (`App._check_bindings`) goes from the focused
        widget up and runs the first non-priority binding of the key whose action
        runs; the focused widget is the first of that chain and is not filtered, so
        while the queue has the focus and a binding of the key, that binding is the
        one, as long as none of the widgets above handles a key itself (`keys_here`,
        set by the exam screen; `test_key_path.py` checks it). Otherwise, or with a
        user keymap (keys bound by id), or for a key the app watches (one that moves
        the focus or opens a screen: `ExamApp._opener`), the key goes the usual way.
        """
        app = self.app
        if (
            not self.keys_here
            or event.key not in STEP_KEYS
            or event is getattr(app, "_opener", None)
            or app._keymap
            or self.screen.focused is not self
            or self.loading
        ):
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return

    def _highlight_row(self, row_index: int) -> None:
        """As DataTable's (repaint the row, post `RowHighlighted`), without the message
        when nobody listens (`announce`)."""
        if self.announce:
            super()._highlight_row(row_index)
        else:
            self.refresh_row(row_index)

    def _set_hover_cursor(self, active: bool) -> None:
        """Repaint the mouse's row only when its highlight turns on or off.

        DataTable hides the hover highlight on every cursor key and repaints the
        row under the mouse each time (row 0 when the mouse never moved), so a
        step of the cursor rendered a third row and widened the frame to it.
        """
        if active != self._show_hover_cursor:
            super()._set_hover_cursor(active)

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Give the columns the widths the queue's room allows (`column_widths`).

        DataTable has no public way to resize a column, so this sets them and
        asks for a new layout.
        """
        widths = column_widths(self.scrollable_content_region.width, GAP)
        if self._group_shown != bool(widths["group"]):
            self._group_shown = bool(widths["group"])
            self._write(list(self._shown.values()), again=True)
        changed = False
        for key, width in widths.items():
            column = self.columns.get(ColumnKey(key))
            wanted = width + GAP if width else 0  # a column left out (`TIGHTEST`): no gap
            if column is not None and column.width != wanted:
                column.width = wanted
                changed = True
        if changed:
            self._require_update_dimensions = True
            self._update_count += 1
            self.refresh(layout=True)

    @property
    def selected_id(self) -> str | None:
        if not self._order or self.cursor_row < 0 or self.cursor_row >= self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def sync(self, rows: list[QueueRow]) -> None:
        """Bring the table in line with `rows` by difference, in one batch.

        A row the model gives again as the same object is unchanged (`QueueModel._row`),
        so most rows are skipped with an identity check."""
        wanted = [row.ticket_id for row in rows]
        shown = self._shown
        changed = [row for row in rows if shown.get(row.ticket_id) is not row]
        if wanted == self._order and not changed:
            return
        selected = self.selected_id
        with self.app.batch_update():
            for ticket_id in set(shown) - set(wanted):
                self.remove_row(ticket_id)
                del shown[ticket_id]
                self._row_data.pop(ticket_id, None)
            self._write(changed)
            if wanted != self._order and wanted != self._current_order():
                rank = {ticket_id: i for i, ticket_id in enumerate(wanted)}
                self.sort("id", key=lambda cell: rank[cell.plain[GAP:]])
            self._order = wanted
            self._keep_cursor(selected)

    def _viewed(self, row: QueueRow) -> tuple[Cell, ...]:
        """The cells the row shows: the model's, the group in the status cell where the
        group column has gone."""
        return row.cells if self._group_shown else forwarded_status(row.cells)

    def _write(self, rows: list[QueueRow], again: bool = False) -> None:
        """Add new rows; write only the cells whose text or tone changed.

        Existing cells are written into the table's data and only those cells
        are repainted (`CellCache.repaint_cells`), instead of `update_cell` per
        cell (each of which repaints the whole table). Each row's data (a dict
        DataTable keeps per row until the row is removed) is kept by ticket id, so
        a tick that changes every SLA cell makes no row key and no hash of one.
        `again`: the group column just came or went (`_fit_columns`), so the cells on
        screen are compared as they were shown before it (`forwarded_status`).
        """
        written: list[tuple[str, int]] = []
        texts: dict[tuple[str, int], tuple[Cell, Text]] = {}
        """(the cell written over, the new cell) of each: only those in view are looked at
        (`CellCache.repaint_cells`), so the old one is rendered only then (`_as_cell`)."""
        shown = self._shown
        keys = self._column_keys
        row_data = self._row_data
        for row in rows:
            old = shown.get(row.ticket_id)
            shown[row.ticket_id] = row
            if old is None:
                key = self.add_row(*(render_cell(c) for c in self._viewed(row)), key=row.ticket_id)
                row_data[row.ticket_id] = self._data[key]
                continue
            cells = self._viewed(row)
            was_shown = self._group_shown != again  # `again`: the column just came or went
            before = old.cells if was_shown else forwarded_status(old.cells)
            differ = [
                i
                for i, (a, b) in enumerate(zip(before, cells, strict=True))
                if a is not b and a != b
            ]
            if differ:
                data = row_data[row.ticket_id]
                for index in differ:
                    data[keys[index]] = after = render_cell(cells[index])
                    written.append((row.ticket_id, index))
                    texts[(row.ticket_id, index)] = (before[index], after)
        if written:
            self.updates += len(written)
            self.repaint_cells(written, texts)

    def _as_cell(self, value: object) -> object:
        """A queue cell's table value (its Text) from the model's `Cell` written over."""
        return render_cell(value) if isinstance(value, Cell) else value

    def _current_order(self) -> list[str]:
        return [str(row.key.value) for row in self.ordered_rows]

    def _keep_cursor(self, selected: str | None) -> None:
        if selected is None or selected not in self._shown:
            return
        index = self.get_row_index(selected)
        if index != self.cursor_row:
            self.move_cursor(row=index, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`m` and `v` only where the screen filters (the exam; not observe or review)."""
        if action == "toggle_filter":
            return hasattr(self.screen, "action_toggle_filter")
        return True

    def action_toggle_filter(self, name: str) -> None:
        toggle = getattr(self.screen, "action_toggle_filter", None)
        if toggle is not None:
            toggle(name)

    def action_scroll_home(self) -> None:
        """Home goes to the first ticket (DataTable's Home only scrolls to the first
        column, leaving the cursor, and so Enter, on the row it was on)."""
        self.action_scroll_top()

    def action_scroll_end(self) -> None:
        self.action_scroll_bottom()

    def select(self, ticket_id: str) -> None:
        """Put the cursor on a ticket (a new ticket the candidate just made)."""
        if ticket_id in self._shown:
            self.move_cursor(row=self.get_row_index(ticket_id), animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.TicketHighlighted(event.row_key.value if event.row_key else None))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.TicketChosen(event.row_key.value))
