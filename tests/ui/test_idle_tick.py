"""An idle exam's once-a-second tick repaints only what it changed (issue 15).

The rules of what the SLA times and "ago" times show come from the lead's
decision written in the issue's brief and the candidate guide: SLA times
further than 10 minutes from their deadline to the minute ("34 min"),
seconds only in the last 10 minutes and when overdue; the exam clock keeps
its seconds. The expected texts below are written out from those rules.

The screen tests run the mini desk with its SLA targets made ten times
longer (every deadline far away in the first minutes), so an idle second
changes nothing but the exam clock.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget

from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.ui.format import ago, sla_left
from helpdesk_tui.ui.paint import CroppedCompositor

from .conftest import MINI, SIZE, Rig, make_rig, screen_text
from .pilot import at


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (34 * 60 + 59, "34 min"),  # whole minutes left, never more than is left
        (34 * 60, "34 min"),
        (10 * 60 + 1, "10 min"),
        (10 * 60, "10:00"),  # the last ten minutes count seconds
        (9 * 60 + 59.2, "10:00"),  # a second begun counts, as the clock always did
        (59, "0:59"),
        (0, "0:00"),
        (-40, "-0:40"),  # overdue counts up, in seconds
        (-59 * 60 - 59, "-59:59"),
        (
            -75 * 60,
            "-1 h 15",
        ),  # an hour late, to the minute again: "-1:15:00" is wider than the column
        (2 * 3600 + 5 * 60 + 30, "2 h 05"),
        (60 * 60, "1 h 00"),
    ],
)
def test_sla_times_are_to_the_minute_far_from_the_deadline(seconds: float, shown: str) -> None:
    assert sla_left(seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "<1 min"), (59.9, "<1 min"), (60, "1 min"), (12 * 60 + 59, "12 min"), (3900, "1 h 05")],
)
def test_time_since_a_customer_wrote_is_to_the_minute(seconds: float, shown: str) -> None:
    assert ago(seconds) == shown


@pytest.fixture(scope="module")
def far_deadlines(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini desk with every SLA target ten times as long, and a longer exam."""
    folder = tmp_path_factory.mktemp("far") / "mini-desk"
    shutil.copytree(MINI, folder)
    sla = folder / "mini-sla.toml"
    sla.write_text(
        re.sub(
            r"^(\w+_minutes) = (\d+)$",
            lambda m: f"{m[1]} = {int(m[2]) * 10}",
            sla.read_text("utf-8"),
            flags=re.M,
        ),
        "utf-8",
    )
    toml = folder / "scenario.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("duration_minutes = 20", "duration_minutes = 300"),
        "utf-8",
    )
    return folder


@pytest.fixture
def far(far_deadlines: Path) -> Rig:
    return make_rig(load_scenario(far_deadlines))


class Frames:
    """What each frame from now on was asked to repaint, and which widgets painted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.regions: list[set[Region]] = []
        self.painted: list[str] = []
        self.lines: Counter[str] = Counter()
        self.layouts = 0
        update = CroppedCompositor.render_partial_update
        render_lines = Widget.render_lines
        refresh_layout = Screen._refresh_layout

        def recorded(compositor: CroppedCompositor) -> Any:
            self.regions.append(set(compositor._dirty_regions))
            return update(compositor)

        def painted(widget: Widget, crop: Region) -> Any:
            self.painted.append(widget.id or type(widget).__name__)
            self.lines[widget.id or type(widget).__name__] += crop.height
            return render_lines(widget, crop)

        def laid_out(screen: Screen[Any], *args: Any, **kwargs: Any) -> Any:
            self.layouts += 1
            return refresh_layout(screen, *args, **kwargs)

        monkeypatch.setattr(CroppedCompositor, "render_partial_update", recorded)
        monkeypatch.setattr(Widget, "render_lines", painted)
        monkeypatch.setattr(Screen, "_refresh_layout", laid_out)

    def clear(self) -> None:
        self.regions.clear()
        self.painted.clear()
        self.lines.clear()
        self.layouts = 0

    @property
    def changed(self) -> set[Region]:
        return set().union(*self.regions)


async def test_the_queue_shows_minutes_then_seconds_on_an_injected_clock(far: Rig) -> None:
    """T-1001 (P4, logged 2 minutes before the start) is due a first response 80 minutes
    after it was logged: at exam second 1800 that is 48 minutes away."""
    app = far.app()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.main.queue
        await at(pilot, 1800)
        assert str(queue.get_cell("T-1001", "sla")).strip() == "48 min"
        await at(pilot, 1859)
        assert str(queue.get_cell("T-1001", "sla")).strip() == "47 min"  # 47:01 left
        await at(pilot, 78 * 60 - 10 * 60)
        assert str(queue.get_cell("T-1001", "sla")).strip() == "! 10:00"  # 75 % used: warning
        await at(pilot, 78 * 60 + 40)
        assert str(queue.get_cell("T-1001", "sla")).strip() == "✗ -0:40"
        assert "✗ -0:40" in screen_text(app)


async def test_an_idle_second_repaints_the_exam_clock_and_nothing_else(
    far: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100 s: a ticket in the queue and in the ticket area with its SLA lines, a chat
    in the list whose customer wrote at 80 s. The next second changes only the clock."""
    frames = Frames(monkeypatch)
    app = far.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 100)
        await pilot.pause()
        queue = app.main.queue
        assert queue.row_count == 1 and app.main.ticket_id == "T-1001"
        assert "chat · <1 min ago" in screen_text(app)
        written = queue.updates
        frames.clear()
        await at(pilot, 101)
        await pilot.pause()
        header = app.main.query_one("#header").region
        # The clock's changed digits (p-tick12: put into the header's painted line).
        assert frames.changed and all(header.contains_region(r) for r in frames.changed)
        assert queue.updates == written
        assert set(frames.painted) <= {"header", "MainScreen"}
        assert frames.layouts == 0
        assert "Practice time 00:01:41" in screen_text(app)


async def test_a_changed_sla_cell_repaints_that_cell_only(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the mini desk's short targets both tickets count seconds at 250 s: a tick
    writes their two SLA cells and repaints (the changed characters of) those two cells,
    no other line of the queue."""
    frames = Frames(monkeypatch)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 250)
        await pilot.pause()
        queue = app.main.queue
        written = queue.updates
        frames.clear()
        await at(pilot, 251)
        await pilot.pause()
        assert queue.updates == written + 2
        in_queue = {r for r in frames.changed if r.overlaps(queue.region)}
        column = [c.value for c in queue.columns].index("sla")
        cells = {
            queue._get_cell_region((row, column)).translate(queue.content_region.offset)
            for row in range(2)
        }
        # Of each cell, the characters that changed (p-tick12: put into the painted line).
        assert {next(c for c in cells if c.contains_region(r)) for r in in_queue} == cells
        assert frames.lines["queue"] == 2  # the two rows' lines, not the queue's 16
        assert frames.layouts == 0
        shown = [strip.text for strip in queue.render_lines(queue.size.region)]
        for row, ticket_id in enumerate(("T-1001", "T-1002")):
            cell = str(queue.get_cell(ticket_id, "sla")).strip()
            assert cell in shown[1 + row], (cell, shown[1 + row])  # painted, not a stale line


async def test_no_tick_of_an_idle_minute_lays_the_screen_out(
    far: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From 130 s to 190 s nothing arrives (the call came at 120 s): sixty ticks, the
    minute of the "ago" and of the SLA times turning over included, and no layout."""
    frames = Frames(monkeypatch)
    app = far.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.pause()
        frames.clear()
        for second in range(131, 191):
            await at(pilot, second)
        await pilot.pause()
        assert frames.layouts == 0
        assert "1 min ago" in screen_text(app)


async def test_conversation_entries_keep_two_lines_whatever_their_time_says(
    rig: Rig,
) -> None:
    """A longer "ago" (or the typing mark) must not wrap an entry to a third line:
    that changes the list's height, and the whole screen is laid out again."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        for second in (62, 100, 125, 200, 700, 3700):
            await at(pilot, second)
            options = app.main.conversations.conversation_list
            assert options._lines and len(options._lines) == 2 * options.option_count, second
