"""The scheduler ticks when the screen can change: whole exam seconds, stimuli, typing ends."""

from __future__ import annotations

import os
import uuid
from types import SimpleNamespace

import pytest

from helpdesk_tui.ui.app import (
    TICK_LATE_S,
    TICK_MAX_S,
    TICK_S,
    _session_phase,
    tick_delay,
    tick_phase,
)

from .conftest import SIZE, Rig


def test_idle_ticks_at_the_next_whole_exam_second() -> None:
    assert tick_delay(10.0) == pytest.approx(1.0, abs=1e-9)  # TICK_MAX_S caps 1 + late
    assert tick_delay(10.25) == pytest.approx(0.75 + TICK_LATE_S)
    assert tick_delay(10.999) == pytest.approx(0.001 + TICK_LATE_S)


def test_exam_time_runs_faster_in_practice_speed_ups() -> None:
    assert tick_delay(10.5, speed=4.0) == pytest.approx(0.125 + TICK_LATE_S)
    assert tick_delay(10.5, speed=2.0) == pytest.approx(0.25 + TICK_LATE_S)


def test_a_stimulus_or_a_typing_end_before_the_second_comes_on_time() -> None:
    assert tick_delay(10.1, moments=(10.4, None)) == pytest.approx(0.3 + TICK_LATE_S)
    assert tick_delay(10.1, moments=(12.0, 10.7)) == pytest.approx(0.6 + TICK_LATE_S)
    # past moments (already fired) and later ones do not move the tick
    assert tick_delay(10.5, moments=(9.0, 10.5, 30.0)) == pytest.approx(0.5 + TICK_LATE_S)


def test_a_spoken_call_ticks_fast_and_a_pause_slowly() -> None:
    assert tick_delay(10.5, lively=True) == TICK_S
    assert tick_delay(10.5, lively=True, fast=0.05) == 0.05
    assert tick_delay(10.5, paused=True, lively=True) == TICK_MAX_S


def test_a_session_ticks_at_its_own_moment_in_the_second() -> None:
    """Issue 15: a sitting's sessions must not all redraw at the same instant."""
    assert tick_delay(10.25, phase=0.4) == pytest.approx(0.15 + TICK_LATE_S)
    assert tick_delay(10.5, phase=0.4) == pytest.approx(0.9 + TICK_LATE_S)
    assert tick_delay(10.4, phase=0.4) == pytest.approx(1.0, abs=1e-9)  # capped: 1 s + late
    assert tick_delay(10.5, phase=0.4, speed=2.0) == pytest.approx(0.45 + TICK_LATE_S)
    # the stimuli and the exam's end keep their own exact moments
    assert tick_delay(10.5, phase=0.9, moments=(10.6,)) == pytest.approx(0.1 + TICK_LATE_S)


def test_sessions_get_phases_spread_over_the_second() -> None:
    assert tick_phase("a" * 32) != tick_phase("b" * 32)
    assert tick_phase("a" * 32) == tick_phase("a" * 32)  # a resumed session keeps its moment
    phases = [tick_phase(uuid.uuid4().hex) for _ in range(2000)]
    assert all(0.0 <= p < 1.0 for p in phases)
    tenths = [sum(1 for p in phases if k / 10 <= p < (k + 1) / 10) for k in range(10)]
    assert min(tenths) > 120 and max(tenths) < 280, tenths  # 200 each if even


def test_the_phase_comes_from_the_logs_session_id() -> None:
    header = SimpleNamespace(session_id="5f0c" * 8)
    logged = SimpleNamespace(session=SimpleNamespace(writer=SimpleNamespace(header=header)))
    assert _session_phase(logged) == tick_phase("5f0c" * 8)
    unlogged = SimpleNamespace(session=SimpleNamespace())  # a test's session: the process id
    assert _session_phase(unlogged) == tick_phase(f"pid {os.getpid()}")


async def test_the_app_ticks_at_its_sessions_phase(rig: Rig) -> None:
    app = rig.app(tick_interval=TICK_S)
    assert app.tick_phase == tick_phase(f"pid {os.getpid()}")  # the rig's session has no log
    assert rig.app(tick_interval=TICK_S, phase=0.25).tick_phase == 0.25
    async with app.run_test(size=SIZE):
        rig.clock.advance(30.0)
        wait = (app.tick_phase - 0.0) % 1.0 or 1.0
        assert app.next_tick_in() == pytest.approx(min(1.0, wait + TICK_LATE_S))


async def test_the_app_aims_at_the_next_change_on_its_clock(rig: Rig) -> None:
    """The app's own inputs to `tick_delay`: its clock and the simulation's next stimulus."""
    app = rig.app(tick_interval=TICK_S, phase=0.0)
    async with app.run_test(size=SIZE) as pilot:
        rig.clock.advance(30.4)
        assert app.next_tick_in() == pytest.approx(0.6 + TICK_LATE_S)
        due = rig.session.stimuli.next_due(rig.state)
        assert due is not None and due > 31
        rig.clock.advance(due - 30.4 - 0.3)
        whole = int(due - 0.3) + 1.0
        assert app.next_tick_in() == pytest.approx(min(0.3, whole - (due - 0.3)) + TICK_LATE_S)
        await pilot.pause()
