"""sec19 (red team): a log's wall times are text from outside.

The exam writes each record's `wall` as UTC with a "Z"; the verifier checks only that it
is a string (the exam clock, `t`, is what counts and must not go back). A log re-signed
with walls without a zone ("2026-12-05T16:58:07", what a hand-made or a foreign-tool log
holds) made `observe` end with a traceback on its first paint ("can't subtract
offset-naive and offset-aware datetimes"; seen on a pty, benchmarks/README.md "(branch
sec19)"), and the room's row and the report's pause lengths take the same subtraction.
Expected here: what ISO 8601 says of a time without an offset is that it is local to
nobody we know, and the exam's logs are UTC, so it is read as UTC (the reports already
print it so); a wall that is no time is no time (None), as before.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpdesk_tui.assess.course import Moment, Pause
from helpdesk_tui.core.events import make_event, parse_wall
from helpdesk_tui.sitting.room import Room

from .kit import first_events, unsealed_log


@pytest.mark.parametrize(
    ("wall", "expected"),
    [
        ("2026-12-05T16:58:07.522Z", datetime(2026, 12, 5, 16, 58, 7, 522000, tzinfo=UTC)),
        ("2026-12-05T16:58:07.522", datetime(2026, 12, 5, 16, 58, 7, 522000, tzinfo=UTC)),
        ("2026-12-05T17:58:07+01:00", datetime(2026, 12, 5, 16, 58, 7, tzinfo=UTC)),
    ],
)
def test_a_wall_is_a_utc_time_with_or_without_its_zone(wall: str, expected: datetime) -> None:
    assert parse_wall(wall) == expected


@pytest.mark.parametrize("wall", ["", "not a time", "x" * 10_000, None, 12, ["2026"]])
def test_a_wall_that_is_no_time_is_none(wall: object) -> None:
    assert parse_wall(wall) is None


def naive(events: tuple) -> list:  # type: ignore[type-arg]
    """The same events with each wall's zone taken off."""
    return [make_event(e.type, e.data, e.exam_time, e.wall_time.rstrip("Z")) for e in events]


def test_the_room_shows_a_running_log_whose_walls_have_no_zone(tmp_path: Path) -> None:
    unsealed_log(tmp_path / "c01" / "exam.jsonl", "c01", naive(first_events()))
    room = Room(tmp_path)
    room.discover()
    room.poll()
    wall = datetime(2030, 1, 1, tzinfo=UTC)  # long after the last record: it went quiet
    (row,) = room.rows(wall)
    assert row.candidate == "c01"
    assert row.state in ("quiet", "interrupted")  # no writer holds it: interrupted
    assert row.exam_time >= first_events()[-1].exam_time


def test_a_pause_between_a_wall_with_a_zone_and_one_without_has_its_length() -> None:
    start = Moment(10.0, 5, "2026-12-05T16:00:00.000Z")
    end = Moment(10.0, 6, "2026-12-05T16:01:30.000")
    assert Pause("proctor", start, end).length_s == 90.0
