"""sec19 left: the room's and observe's live exam time trusted the exam server's wall clock.
Between records they added the wall time since the last record's `wall`; a step of that
clock (NTP, `date -s`) showed a running exam at 30:00, "time left 0", quiet, idle 3,604 s.
What a proctor needs: the exam time the candidate's own clock shows, i.e. the last record's
exam time plus the time the viewer itself has seen pass since (its monotonic clock).
Expected figures come from the log's events, not from the code under test."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.observe.app import ObserveApp

from ..review.logs import WALL_START, bound, bound_header, simulated_events

HOUR = timedelta(hours=1)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


def written(tmp_path: Path, events: list[Event], n: int) -> tuple[Path, EventLogWriter]:
    folder = tmp_path / "am" / "c0001"
    folder.mkdir(parents=True)
    writer = EventLogWriter.create(folder / "exam.jsonl", bound_header(), Signer.ephemeral())
    for event in events[:n]:
        writer.append(bound(writer, event))
    return folder / "exam.jsonl", writer


@pytest.mark.parametrize("step", [-HOUR, HOUR])
def test_a_stepped_server_clock_moves_no_room_row(
    tmp_path: Path, events: list[Event], step: timedelta
) -> None:
    _log, writer = written(tmp_path, events, 100)
    last_t = events[99].exam_time
    mono = [1000.0]
    room = Room(tmp_path / "am", monotonic=lambda: mono[0])
    room.poll()
    seen = WALL_START + timedelta(seconds=last_t)  # the proctor looks as the record is written
    (row,) = room.rows(seen)
    assert row.exam_time == pytest.approx(last_t) and row.state == "running"
    mono[0] += 20.0  # 20 s pass on the proctor's machine; the server's clock is stepped
    (row,) = room.rows(seen + timedelta(seconds=20) + step)
    assert row.exam_time == pytest.approx(last_t + 20)
    assert row.time_left == pytest.approx(1800 - last_t - 20)
    assert row.state == "running"
    assert row.idle_s is not None and row.idle_s < 3600 / 2  # not "idle 3,604 s"
    writer.append(events[100])  # the next record, its wall the stepped one: all still honest
    room.poll()
    mono[0] += 5.0
    (row,) = room.rows(seen + timedelta(seconds=25) + step)
    assert row.exam_time == pytest.approx(max(events[100].exam_time, last_t) + 5)
    writer.close()


def test_at_the_first_look_the_walls_age_the_log_but_never_below_zero(
    tmp_path: Path, events: list[Event]
) -> None:
    """The records found at the viewer's first look were written before it looked: only the
    walls can age them (a quiet exam seen late is quiet, its idle counted: the room's
    snapshot). A wall stepped back before that look gives no negative age; and once the
    log grows in view, the walls count no more."""
    _log, writer = written(tmp_path, events, 100)
    last_t = events[99].exam_time
    mono = [50.0]
    room = Room(tmp_path / "am", monotonic=lambda: mono[0])
    room.poll()
    looked = WALL_START + timedelta(seconds=last_t)
    (row,) = room.rows(looked - HOUR)
    assert row.exam_time == pytest.approx(last_t)
    writer.append(events[100])
    room.poll()
    mono[0] += 3.0
    (row,) = room.rows(looked + HOUR)
    assert row.exam_time == pytest.approx(max(events[100].exam_time, last_t) + 3)
    writer.close()


async def test_observe_counts_its_own_clock_not_the_servers(
    tmp_path: Path, events: list[Event]
) -> None:
    log, writer = written(tmp_path, events, 100)
    last_t = events[99].exam_time
    wall = [WALL_START + timedelta(seconds=last_t)]
    mono = [7.0]
    app = ObserveApp(
        LogFollower(log, recheck_every=0),
        None,
        poll_interval=None,
        wall_clock=lambda: wall[0],
        monotonic=lambda: mono[0],
    )
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.observer
        wall[0] -= HOUR  # stepped back, no time passed
        await pilot.pause()
        assert screen.live_now() == pytest.approx(last_t)
        wall[0] += 2 * HOUR  # and an hour ahead
        assert screen.live_now() == pytest.approx(last_t)
        assert screen.quiet_for() == pytest.approx(0.0)
        mono[0] += 30.0
        assert screen.live_now() == pytest.approx(last_t + 30)
    writer.close()
