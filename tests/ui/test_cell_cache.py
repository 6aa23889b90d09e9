"""`CellCache.repaint_cells` refreshes exactly the regions DataTable would, in one pass.

An SLA tick can change every SLA cell of a 300-ticket queue. DataTable's own
`refresh_coordinate` sums the heights of every row above the cell it refreshes,
so 300 changed cells cost 300 such sums (14 ms a tick in `bench_ui.py`, over
its 8.3 ms frame target, 2026-12-03). The expected regions here come from
DataTable's `_get_cell_region` and `_refresh_region`, not from our code.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.widgets import DataTable

from helpdesk_tui.ui.widgets.cell_cache import CellCache

ROWS = 300


class Table(CellCache, DataTable):  # type: ignore[misc]
    pass


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Table()


def textual_regions(table: Any, cells: list[tuple[str, int]]) -> set[Region]:
    """The regions DataTable's `refresh_coordinate` refreshes for these cells, less the
    header's line: DataTable also refreshes it for a row hidden under it (the row just
    above the view, or the top line of a taller row there), where nothing changed."""
    window, offset = table.window_region, table.scroll_offset
    rows = Region(0, table.header_height, 1 << 20, table.size.height - table.header_height)
    found = set()
    for key, column in cells:
        region = table._get_cell_region(Coordinate(table.get_row_index(key), column))
        if window.overlaps(region):
            shown = region.translate(-offset).intersection(rows)
            if shown:
                found.add(shown)
    return found


async def test_every_cell_of_a_long_table_repaints_where_datatable_would(
    monkeypatch: Any,
) -> None:
    app = TableApp()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(Table)
        table.add_columns("id", "sla", "title")
        for n in range(ROWS):
            table.add_row(f"T-{n}", f"{n}:00", "x" * (n % 17), key=f"r{n}", height=1 + (n % 3 == 0))
        await pilot.pause()
        table.scroll_to(y=120, animate=False)
        await pilot.pause()
        cells = [(f"r{n}", 1) for n in range(ROWS)] + [(f"r{n}", 2) for n in range(0, ROWS, 7)]
        expected = textual_regions(table, cells)
        refreshed: list[Region] = []
        monkeypatch.setattr(table, "refresh", lambda *regions, **kw: refreshed.extend(regions))
        calls = 0
        slow = type(table)._get_row_region

        def counted(self: Any, index: int) -> Region:
            nonlocal calls
            calls += 1
            return slow(self, index)

        monkeypatch.setattr(DataTable, "_get_row_region", counted)
        monkeypatch.setattr(DataTable, "refresh_coordinate", counted)
        table.repaint_cells(cells)
    assert expected and set(refreshed) == expected
    assert len(refreshed) == len(expected)  # each visible cell once, none off screen
    assert calls == 0  # no per-cell walk over the rows above it
