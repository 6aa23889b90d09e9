"""A held blocked key (sec15): at most one record a second per key, every repeat counted.

Before, Ctrl+C held for an hour at 30 repeats a second wrote 108,000 `lockdown_key_blocked`
records (some 25 MB) and as many session marks. Now the first press is logged at once, the
repeats within the second after it are counted and carried by the key's next record
(`count`), so the records are bounded by the seconds and the sum of the counts is the number
of presses. The presses are made here, on a driven clock; what they should add up to is
counted here, not read from the code under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.assess.course import course_json, course_lines, session_course
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data
from helpdesk_tui.sitting.room import Counters
from helpdesk_tui.ui.controller import ExamController
from tests.runtime.kit import exam_run, logged, make_keys
from tests.ui.conftest import SIZE, WALL

RATE = 30  # repeats a second, as a terminal's key repeat sends them


def hour_rig(mini: Scenario, hours: float = 2.0) -> tuple[ManualClock, MemorySink, ExamController]:
    clock, sink = ManualClock(), MemorySink()
    session = ExamSession(clock, sink, Simulation(mini), wall_clock=lambda: WALL)
    data = session_started_data(mini, "exam", "cand-1", "sess-1")
    session.start(data | {"duration_s": hours * 3600})
    controller = ExamController(session, mini, KbIndex(mini.kb))
    controller.tick()
    return clock, sink, controller


def hold(clock: ManualClock, controller: ExamController, key: str, seconds: float) -> int:
    """Hold `key` for `seconds` at RATE repeats a second, the tick ten times a second; the
    presses made."""
    presses = 0
    for i in range(int(seconds * RATE)):
        clock.advance(1 / RATE)
        controller.log_blocked(key)
        presses += 1
        if i % 3 == 2:
            controller.tick()
    return presses


def blocked(sink: MemorySink, key: str = "ctrl+c") -> list[dict[str, Any]]:
    return [
        e.data for e in sink.events if e.type == "lockdown_key_blocked" and e.data["key"] == key
    ]


def test_ctrl_c_held_for_an_hour_is_a_record_a_second_and_every_repeat_counted(
    mini: Scenario,
) -> None:
    clock, sink, controller = hour_rig(mini)
    clock.advance(60)
    presses = hold(clock, controller, "ctrl+c", 3600)
    assert presses == 108_000
    clock.advance(2)  # released: the tick logs what the last second counted
    controller.tick()
    records = blocked(sink)
    # at most one a second (the tick's tenth of a second may make one 1.1 s): was 108,000
    assert 3600 / 1.1 <= len(records) <= 3602, len(records)
    assert sum(d.get("count", 1) for d in records) == presses
    assert records[0] == {"key": "ctrl+c"}  # the first press at once, as before
    # the readers: the reducer's marks, the Session part (report, review), the room
    state = controller.state
    marks = [m for m in state.session_marks if m.type == "lockdown_key_blocked"]
    assert len(marks) == len(records)
    assert sum(m.count for m in marks) == presses
    course = session_course(state)
    assert course_json(course)["blocked_keys"]["count"] == presses
    line = course_lines(course, "en")[0][0]
    assert line.startswith("108000 blocked keys or actions") or line.startswith(
        "108,000 blocked keys or actions"
    ), line
    counters = Counters()
    for event in sink.events:
        counters.count(event.type, event.data)
    assert counters.blocked_keys == presses
    controller.end_session("proctor-stopped")
    assert controller.state.ended


def test_three_keys_held_together_each_get_their_record_a_second(mini: Scenario) -> None:
    clock, sink, controller = hour_rig(mini)
    clock.advance(10)
    made = {"ctrl+c": 0, "ctrl+z": 0, "ctrl+backslash": 0}
    for i in range(60 * RATE):  # a minute, the three keys in turn
        clock.advance(1 / RATE)
        key = list(made)[i % 3]
        controller.log_blocked(key)
        made[key] += 1
        controller.tick()
    clock.advance(1)
    controller.tick()
    for key, presses in made.items():
        records = blocked(sink, key)
        assert 60 / 1.1 <= len(records) <= 62, (key, len(records))
        assert sum(d.get("count", 1) for d in records) == presses


def test_presses_a_second_apart_are_each_logged_at_once_without_a_count(mini: Scenario) -> None:
    clock, sink, controller = hour_rig(mini)
    for _ in range(5):
        clock.advance(1.5)
        controller.log_blocked("ctrl+c")
    assert blocked(sink) == [{"key": "ctrl+c"}] * 5


@pytest.mark.parametrize("ending", ["end", "time-up"])
def test_repeats_counted_in_the_last_second_are_logged_before_the_end(
    mini: Scenario, ending: str
) -> None:
    clock, sink, controller = hour_rig(mini, hours=0.5)
    clock.advance(1800 - 0.5 if ending == "time-up" else 100)
    for _ in range(10):  # within 0.5 s: one record, nine counted
        clock.advance(0.05)
        controller.log_blocked("ctrl+c")
    assert len(blocked(sink)) == 1
    if ending == "end":
        controller.end_session("proctor-stopped")
    else:
        clock.advance(5)  # past the end: the tick ends it as time-up
        controller.tick()
    assert controller.state.ended
    records = blocked(sink)
    assert sum(d.get("count", 1) for d in records) == 10, records
    ended = sink.events[-1]
    assert ended.type == "session_ended"
    if ending == "time-up":
        assert ended.data["reason"] == "time-up" and ended.exam_time == 1800


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


async def test_the_locked_exam_held_keys_do_nothing_and_are_counted(
    tmp_path: Path, key_file: Path
) -> None:
    """Through the pilot: Ctrl+C, Ctrl+Z and Ctrl+\\ held for three seconds each on the
    exam's driven clock: the exam goes on, on its main screen, and the log on disk has a
    few records whose counts add up to the presses."""
    run = exam_run(tmp_path, key_file)
    app = run.app
    keys = ("ctrl+c", "ctrl+z", "ctrl+backslash")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.advance(5)
        for key in keys:
            for _ in range(3 * RATE):
                run.session.clock.advance(1 / RATE)
                await pilot.press(key)
            app.advance(0.1)  # the tick
        app.advance(2)
        await pilot.pause()
        assert app.is_running and app.screen is app.main
        assert not run.session.state.ended
    records = logged(run, "lockdown_key_blocked")
    for key in keys:
        mine = [d for d in records if d["key"] == key]
        assert 3 <= len(mine) <= 5, (key, mine)
        assert sum(d.get("count", 1) for d in mine) == 3 * RATE
    assert not run.writer.sealed
