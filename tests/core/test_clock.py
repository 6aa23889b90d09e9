"""The exam clock: monotonic, injectable, pausable, seconds since the start."""

from __future__ import annotations

import inspect
import time

import pytest
from freezegun import freeze_time

from helpdesk_tui.core.clock import ExamClock, ManualClock, ManualSource
from helpdesk_tui.core.events import utc_now_iso


def test_manual_clock_counts_exam_seconds_from_its_start() -> None:
    clock = ManualClock()
    assert clock.now() == 0.0
    clock.advance(12.5)
    assert clock.now() == 12.5
    clock.advance(7.5)
    assert clock.now() == 20.0


def test_a_clock_can_start_part_way_through_an_exam() -> None:
    """Resume after a crash: the clock picks up at the last logged exam time."""
    clock = ManualClock(start_at=1234.0)
    assert clock.now() == 1234.0
    clock.advance(6.0)
    assert clock.now() == 1240.0


def test_the_clock_reads_an_injected_source_not_the_wall_clock() -> None:
    readings = iter([100.0, 103.0, 110.0])
    clock = ExamClock(source=lambda: next(readings))
    assert clock.now() == 3.0
    assert clock.now() == 10.0


def test_the_default_source_is_monotonic() -> None:
    default = inspect.signature(ExamClock).parameters["source"].default
    assert default is time.monotonic


def test_a_real_clock_never_runs_backwards() -> None:
    clock = ExamClock()
    readings = [clock.now() for _ in range(200)]
    assert readings == sorted(readings)
    assert readings[0] >= 0.0


def test_pause_freezes_exam_time_and_resume_continues_without_a_jump() -> None:
    clock = ManualClock()
    clock.advance(30)
    clock.pause()
    assert clock.paused
    clock.advance(500)  # the interruption
    assert clock.now() == 30.0
    clock.resume()
    assert not clock.paused
    assert clock.now() == 30.0
    clock.advance(5)
    assert clock.now() == 35.0


def test_pausing_or_resuming_twice_changes_nothing() -> None:
    clock = ManualClock()
    clock.advance(10)
    clock.pause()
    clock.advance(10)
    clock.pause()
    assert clock.now() == 10.0
    clock.resume()
    clock.advance(1)
    clock.resume()
    assert clock.now() == 11.0


def test_speed_changes_the_pace_without_a_jump() -> None:
    clock = ManualClock()
    clock.advance(10)
    clock.set_speed(4)
    assert clock.now() == 10.0
    assert clock.speed == 4
    clock.advance(5)
    assert clock.now() == 30.0
    clock.set_speed(1)
    clock.advance(5)
    assert clock.now() == 35.0


def test_speed_set_while_paused_applies_after_the_resume() -> None:
    clock = ManualClock()
    clock.advance(10)
    clock.pause()
    clock.set_speed(2)
    clock.advance(100)
    assert clock.now() == 10.0
    clock.resume()
    clock.advance(3)
    assert clock.now() == 16.0


def test_a_clock_starting_fast_runs_fast() -> None:
    clock = ManualClock(speed=2.0)
    clock.advance(10)
    assert clock.now() == 20.0


@pytest.mark.parametrize("speed", [0, -1])
def test_speed_must_be_positive(speed: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        ManualClock().set_speed(speed)
    with pytest.raises(ValueError, match="positive"):
        ManualClock(speed=speed)


def test_a_manual_source_cannot_go_back() -> None:
    source = ManualSource(5.0)
    with pytest.raises(ValueError, match="back"):
        source.advance(-1)
    assert source() == 5.0


def test_exam_time_is_monotonic_through_pauses_and_speed_changes() -> None:
    clock = ManualClock()
    seen = [clock.now()]
    for step in range(60):
        if step % 7 == 3:
            clock.pause()
        if step % 7 == 5:
            clock.resume()
        if step % 11 == 4:
            clock.set_speed(1 + step % 3)
        clock.advance(step % 5)
        seen.append(clock.now())
    assert seen == sorted(seen)
    assert seen[-1] > 0


@freeze_time("2026-03-02 09:15:30.123456")
def test_wall_time_is_iso_utc_to_the_millisecond() -> None:
    assert utc_now_iso() == "2026-03-02T09:15:30.123Z"
