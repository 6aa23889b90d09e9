"""The room's column headers: a click sorts and the order shows; the clock is named for
the logs' mode.

bugs22's walk: a click on the room's column header did not visibly sort (`s` did), and a
room of practice logs headed its clock column "Examen". What a proctor expects is
written here: rows in reverse order of candidate after a second click on "Candidate", an
arrow on the sorted column, and "Practice" over practice logs (the word the candidate's
own header bar puts on a practice clock).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from ..review.logs import screen_text
from .test_room import Sitting, events, order, sitting  # noqa: F401 - the fixtures

CANDIDATES = ("c0001", "c0002", "c0003")


def _header_line(app: object) -> str:
    table = app.screen.query_one(DataTable)  # type: ignore[attr-defined]
    return screen_text(app).splitlines()[table.region.y]  # type: ignore[arg-type]


async def test_a_click_on_a_header_sorts_by_it_and_shows_the_order(
    sitting: Sitting,  # noqa: F811
    tmp_path: Path,
) -> None:
    for n, candidate in enumerate(CANDIDATES):
        sitting.start(candidate, 40 + 20 * n)  # three practice logs (the bound header's mode)
    app = sitting.app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        header = _header_line(app)
        assert "Practice" in header and "Exam" not in header, header
        assert [key.split("/")[0] for key in order(app)] == list(CANDIDATES)
        table = app.screen.query_one(DataTable)
        x = header.index("Candidate") - table.region.x + 1
        await pilot.click(DataTable, offset=(x, 0))
        await pilot.pause()
        assert [key.split("/")[0] for key in order(app)] == list(reversed(CANDIDATES))
        shown = screen_text(app).splitlines()  # type: ignore[arg-type]
        rows = [line for line in shown if any(c in line for c in CANDIDATES)]
        assert [next(c for c in CANDIDATES if c in r) for r in rows[:3]] == list(
            reversed(CANDIDATES)
        ), rows
        assert "Candidate ↓" in _header_line(app), _header_line(app)
        x = _header_line(app).index("State") - table.region.x + 1
        await pilot.click(DataTable, offset=(x, 0))
        await pilot.pause()
        header = _header_line(app)
        assert "State ↑" in header and "Candidate ↓" not in header, header


def test_a_room_of_both_modes_names_its_clock_neither() -> None:
    """A practice row under "Exam" (or an exam row under "Practice") misleads a proctor."""
    from helpdesk_tui.ui.room.screen import clock_header

    assert clock_header({"practice"}) == "Practice"
    assert clock_header({"exam", ""}) == "Exam"
    assert clock_header({"exam", "practice"}) not in ("Exam", "Practice")
