"""walk27: `observe` at 80 x 24 (the smallest screen the exam supports, and the proctor's
laptop in a split window) drew its right-hand column past the edge: "╭─ Ticket ─────" with no
corner, the ticket and the record feed cut mid-word. The queue kept a minimum of 60 columns
and the right column 34. Both columns are inside the screen at 80 columns now."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event

from ..review.logs import simulated_events
from ..test_viewers_languages import observing


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


@pytest.mark.parametrize("width", [80, 90, 100])
async def test_both_columns_are_inside_the_screen(
    tmp_path: Path, events: list[Event], width: int
) -> None:
    app = observing(tmp_path, events, 60)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        left = app.screen.query_one("#ob-left").region
        right = app.screen.query_one("#ob-right").region
    assert right.right <= width, (left, right)
    assert left.right <= right.x and left.width >= 40, (left, right)  # the queue still reads
