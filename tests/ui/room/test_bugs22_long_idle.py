"""A log first seen long after its last record: the room's idle column and observe's
quiet banner say it is old, in words a proctor can use, not "6682 h" (bugs21's walk:
a log opened months after its last wall; the walls are all there is at a first look).

Expected words are written here: a day or more of silence is longer than any exam (five
hours at most), so "> 24 h" ("> 24 uur" in Dutch) says all a
proctor acts on; below a day the minutes and hours as before. The clock is injected:
the proctor's wall clock is set 200 days after the last record.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.observe.app import ObserveApp
from helpdesk_tui.ui.room.screen import idle

from ..review.logs import WALL_START, screen_text, simulated_events
from .test_bugs21_viewer_clock import written

MONTHS = timedelta(days=200)
NBSP = "\u00a0"  # French keeps a number and its unit together
OLD = {"en": "> 24 h", "nl": "> 24 uur", "fr": f"> 24{NBSP}h"}
QUIET = {"en": "more than 24 h", "nl": "meer dan 24 uur", "fr": f"plus de 24{NBSP}h"}
TWO_HOURS = {"en": "2 h 05", "nl": "2 u 05", "fr": f"2{NBSP}h{NBSP}05"}


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_the_room_shows_a_months_old_log_as_idle_over_a_day(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    _log, writer = written(tmp_path, events, 100)
    last = WALL_START + timedelta(seconds=events[99].exam_time)
    room = Room(tmp_path / "am", monotonic=lambda: 0.0)
    room.poll()
    (row,) = room.rows(last + MONTHS)
    assert row.idle_s is not None
    soon = Room(tmp_path / "am", monotonic=lambda: 0.0)  # another proctor, looking sooner
    soon.poll()
    (near,) = soon.rows(last + timedelta(hours=2, minutes=5))
    assert near.idle_s is not None
    i18n.set_language(language)
    try:
        assert idle(row.idle_s) == OLD[language]
        assert idle(near.idle_s) == TWO_HOURS[language]  # under a day: as before
    finally:
        i18n.set_language("en")
    writer.close()


@pytest.mark.parametrize("language", ["nl"], indirect=True)
async def test_observe_says_more_than_a_day_without_a_record(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    log, writer = written(tmp_path, events, 100)
    last = WALL_START + timedelta(seconds=events[99].exam_time)
    app = ObserveApp(
        LogFollower(log, recheck_every=0),
        None,
        poll_interval=None,
        wall_clock=lambda: last + MONTHS,
        monotonic=lambda: 0.0,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert QUIET[language] in text, text
        assert "4800:" not in text  # 200 days as hours: never a count of hours
    writer.close()
