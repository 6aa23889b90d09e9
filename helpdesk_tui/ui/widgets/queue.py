"""The ticket queue: a DataTable updated by difference, never cleared and refilled.

Rows are keyed by ticket id. Each refresh compares the rows the queue model
gives with the cells on screen: new tickets are added, gone ones removed, and
`update_cell` is called only where the rendered text changed (once a second
for running SLA clocks). The order is re-applied only when it changed, and
the cursor stays on the ticket it was on, wherever that ticket moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.queue_model import COLUMNS, Cell, QueueRow

TONES: dict[str, str] = {
    "ok": "green",
    "warning": "bold yellow",
    "breached": "bold red",
    "met": "green",
    "paused": "dim",
    "done": "dim",
    "priority": "bold",
    "status": "",
    "": "",
}


GAP = 1
"""Columns are separated by one space inside each cell (cell_padding 0), not two."""
MIN_TITLE = 12


def render_cell(cell: Cell) -> Text:
    """Always Text: a plain str cell would be parsed as markup ("[kb-1]" would vanish)."""
    return Text(" " * GAP + cell.text, style=TONES.get(cell.tone, ""), no_wrap=True, overflow="ellipsis")


class TicketQueue(DataTable[Text]):
    """The queue of tickets; posts `TicketHighlighted` when the cursor lands on a ticket."""

    @dataclass
    class TicketHighlighted(Message):
        ticket_id: str | None

    @dataclass
    class TicketChosen(Message):
        """Enter on a row: the candidate wants to read this ticket."""

        ticket_id: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, **kwargs)  # type: ignore[arg-type]
        keymap.install(self, "queue")
        self._shown: dict[str, tuple[Cell, ...]] = {}
        self._order: list[str] = []
        self.updates = 0
        """Cells written since mount (the benchmark and tests read it)."""

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(Text(" " * GAP + _(label)), key=key, width=width + GAP)

    def on_resize(self) -> None:
        self._fit_title()

    def _fit_title(self) -> None:
        """The title column takes the width the fixed columns leave (DataTable has no
        public way to resize a column, so this sets it and asks for a new layout)."""
        fixed = sum(width + GAP for key, _label, width in COLUMNS if key != "title") + GAP
        width = max(MIN_TITLE, self.scrollable_content_region.width - fixed)
        column = self.columns.get(ColumnKey("title"))
        if column is not None and column.width != width:
            column.width = width
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
        """Bring the table in line with `rows` by difference, in one batch."""
        wanted = [row.ticket_id for row in rows]
        if wanted == self._order and all(self._shown[r.ticket_id] == r.cells for r in rows):
            return
        selected = self.selected_id
        with self.app.batch_update():
            gone = set(self._shown) - set(wanted)
            for ticket_id in gone:
                self.remove_row(ticket_id)
                del self._shown[ticket_id]
            for row in rows:
                self._sync_row(row)
            if wanted != [k for k in self._current_order() if k in self._shown]:
                rank = {ticket_id: i for i, ticket_id in enumerate(wanted)}
                self.sort("id", key=lambda cell: rank[cell.plain[GAP:]])
            self._order = wanted
            self._keep_cursor(selected)

    def _sync_row(self, row: QueueRow) -> None:
        old = self._shown.get(row.ticket_id)
        if old is None:
            self.add_row(*(render_cell(c) for c in row.cells), key=row.ticket_id)
        else:
            for (key, _label, _width), before, after in zip(COLUMNS, old, row.cells, strict=True):
                if before != after:
                    self.update_cell(row.ticket_id, key, render_cell(after))
                    self.updates += 1
        self._shown[row.ticket_id] = row.cells

    def _current_order(self) -> list[str]:
        return [row.key.value for row in self.ordered_rows if row.key.value is not None]

    def _keep_cursor(self, selected: str | None) -> None:
        if selected is None or selected not in self._shown:
            return
        index = self.get_row_index(selected)
        if index != self.cursor_row:
            self.move_cursor(row=index, animate=False)

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
