"""One SLA tick of the queue does only the work of what changed on screen (issue 14).

A tick of a 300-ticket queue (`bench_ui.py`) had to fit in one frame at 120 Hz.
These lock in the cuts: SLA cells are kept per text, so a row that shows the same
is the same object and compares by identity; the table writes a changed cell
without looking its row up by key.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from helpdesk_tui.i18n import current_language, set_language
from helpdesk_tui.ui import queue_model
from helpdesk_tui.ui.format import sla_left
from helpdesk_tui.ui.queue_model import COLUMNS, Cell, QueueModel, QueueRow, shown_left
from helpdesk_tui.ui.widgets.queue import TicketQueue

from .conftest import Rig

SLA = [key for key, _label, _width in COLUMNS].index("sla")


def test_two_times_give_the_same_number_exactly_when_they_read_the_same() -> None:
    """`shown_left` stands for `sla_left`'s text: one number per text, one text per number."""
    times = [n / 4 for n in range(-4 * 1300, 4 * 8000)] + [-0.001, 0.001, 599.999, 600.001]
    times += [-n / 2 for n in range(2 * 3500, 2 * 3800)] + [
        -float(n) for n in range(3800, 18100, 7)
    ]
    text_of: dict[int, str] = {}
    number_of: dict[str, int] = {}
    for seconds in times:
        number, text = shown_left(seconds), sla_left(seconds)
        assert text_of.setdefault(number, text) == text, seconds
        assert number_of.setdefault(text, number) == number, seconds
    assert len(text_of) > 2000  # seconds, minutes and overdue times were all covered


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_a_clock_hours_late_fits_the_sla_column(language: str) -> None:
    """A ticket five hours overdue (a whole exam) still shows its lateness whole in the
    queue's SLA column, marked: "-1:00:01" with its mark was a cell wider than the column,
    cut on screen to "✗ -1:00:…" (seen by mem22)."""
    width, before = COLUMNS[SLA][2], current_language()
    set_language(language)
    try:
        for late in (0.5, 59.0, 3599.0, 3600.0, 3661.0, 5 * 3600.0 + 59.0):
            text = "✗ " + sla_left(-late)
            assert cell_len(text) <= width, (language, late, text)
        shown = sla_left(-3661.0).replace("\xa0", " ")  # French keeps "1 h 01" on one line
        assert shown == ("-1 u 01" if language == "nl" else "-1 h 01")
        assert sla_left(-3599.0) == "-59:59"
    finally:
        set_language(before)


def test_the_same_sla_text_is_one_cell(rig: Rig) -> None:
    """Two models (two screens) asking at the same time get the same cell object."""
    first = QueueModel().rows(rig.state, 10)[0].cells[SLA]
    again = QueueModel().rows(rig.state, 10)[0].cells[SLA]
    assert first is again and first.text


def test_a_tick_that_changes_nothing_compares_no_cells(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows given again are the same objects, found so by identity (before: every SLA
    cell compared by value, twice a tick per ticket)."""
    model = QueueModel()
    before = model.rows(rig.state, 30)
    compared = 0
    equal = Cell.__eq__

    def counted(self: Cell, other: object) -> bool:
        nonlocal compared
        compared += 1
        return equal(self, other)

    monkeypatch.setattr(Cell, "__eq__", counted)
    after = model.rows(rig.state, 30)
    assert [a is b for a, b in zip(before, after, strict=True)] == [True] * len(before)
    assert compared == 0


def test_the_kept_sla_cells_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queue_model, "_SLA_CELLS", {})
    monkeypatch.setattr(queue_model, "SLA_CELLS_KEPT", 50)
    from helpdesk_tui.ui.queue_model import Glance, sla_cell

    class Open:
        status = None

    for seconds in range(300):
        sla_cell(Open(), Glance(float(seconds), queue_model.SlaState.OK, False))  # type: ignore[arg-type]
    assert 0 < len(queue_model._SLA_CELLS) <= 50


ROWS = 300


class QueueApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TicketQueue()


def _rows(second: int) -> list[QueueRow]:
    """300 rows as the model gives them; every SLA text different at each `second`."""
    static = {
        n: (
            Cell(f"Q-{n:03d}"),
            Cell("P3", "priority"),
            Cell(f"Ticket {n}"),
            Cell("Anna"),
            Cell("new"),
            Cell(""),
        )
        for n in range(ROWS)
    }
    rows = []
    for n in range(ROWS):
        cells = static[n]
        sla = Cell(f"{n}:{second:02d}", "ok")
        rows.append(QueueRow(f"Q-{n:03d}", (cells[0], sla, *cells[1:])))
    return rows


async def test_a_tick_that_changes_every_sla_cell_looks_no_row_up_by_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each changed row's data is kept by ticket id; the rows are placed in one walk. Before,
    each of the 300 changed rows made a row key and hashed it about three times."""
    app = QueueApp()
    async with app.run_test(size=(120, 40)) as pilot:
        queue = app.query_one(TicketQueue)
        first = _rows(1)
        queue.sync(first)
        await pilot.pause()
        static = {row.ticket_id: row.cells for row in first}
        second = [
            QueueRow(
                row.ticket_id,
                (static[row.ticket_id][0], Cell(f"{n}:02", "ok"), *static[row.ticket_id][2:]),
            )
            for n, row in enumerate(first)
        ]
        lookups = 0
        made = 0
        find, make = DataTable.get_row_index, RowKey.__init__

        def counted_find(self: Any, key: Any) -> int:
            nonlocal lookups
            lookups += 1
            return find(self, key)

        def counted_make(self: Any, *args: Any) -> None:
            nonlocal made
            made += 1
            make(self, *args)

        monkeypatch.setattr(DataTable, "get_row_index", counted_find)
        monkeypatch.setattr(RowKey, "__init__", counted_make)
        written = queue.updates
        queue.sync(second)
        assert lookups <= 1  # the cursor's own row; none per changed row
        assert made == 0
        monkeypatch.undo()
        assert queue.updates - written == ROWS
        await pilot.pause()
        shown = [
            str(queue.get_cell(f"Q-{n:03d}", "sla")).strip()
            for n in itertools.islice(range(ROWS), 0, ROWS, 37)
        ]
        assert shown == [f"{n}:02" for n in range(0, ROWS, 37)]
        assert str(queue.get_cell("Q-005", "title")).strip() == "Ticket 5"


def test_a_tick_with_no_event_since_the_last_reads_no_ticket_again(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every change of a ticket is an event (`state.last_seq`): between events a tick uses
    each ticket's kept plan and cells, and an event makes them checked again."""
    model = QueueModel()
    model.rows(rig.state, 10)
    gathered = 0
    gather = queue_model.sla_inputs

    def counted(ticket: Any) -> tuple[object, ...]:
        nonlocal gathered
        gathered += 1
        return gather(ticket)

    monkeypatch.setattr(queue_model, "sla_inputs", counted)
    later = model.rows(rig.state, 70)
    assert gathered == 0
    monkeypatch.undo()
    assert later == QueueModel().rows(rig.state, 70)  # as a model that reads every ticket
    monkeypatch.setattr(queue_model, "sla_inputs", counted)
    rig.session.submit(
        "ticket_updated", {"ticket_id": "T-1001", "changes": {"title": "Printer on fire"}}
    )
    after = model.rows(rig.state, 71)
    assert gathered == len(rig.state.tickets)
    assert "Printer on fire" in [c.text for c in after[0].cells]
