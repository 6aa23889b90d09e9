"""Logs with a held key, written before sec15 (a record a press) and since (a record a second
per key, `count` the presses it stands for), read alike by every reader: `verify`, the
reducer's session marks, the Session part of the report and the review, the room, and the
review's and observe's line for the record. The presses are made here (90: Ctrl+C held three
seconds at 30 a second), so what each reader must say is known without the readers' code."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.assess.course import course_json, course_lines, session_course
from helpdesk_tui.core.events import Event, EventFormatError, make_event
from helpdesk_tui.core.reducer import Refused, apply, reduce
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog import read_log, verify_log
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.review.describe import describe
from tests.ui.review.logs import simulated_events, write_log

PRESSES = 90
START = 600.0


def old_style() -> list[Event]:
    """Before sec15: every repeat its own record."""
    return [
        make_event("lockdown_key_blocked", {"key": "ctrl+c"}, START + i / 30, "w")
        for i in range(PRESSES)
    ]


def new_style() -> list[Event]:
    """Since: the first press at once, then one record a second with the repeats counted
    (1 + 30 + 30 + 29 = 90)."""
    counts = [1, 30, 30, 29]
    return [
        make_event(
            "lockdown_key_blocked",
            {"key": "ctrl+c"} | ({"count": n} if n > 1 else {}),
            START + second,
            "w",
        )
        for second, n in enumerate(counts)
    ]


def with_keys(blocked: list[Event]) -> list[Event]:
    events = simulated_events("ideal")
    at = next(i for i, e in enumerate(events) if e.exam_time > START + 4)
    wall = events[at - 1].wall_time
    moved = [make_event(e.type, e.data, e.exam_time, wall) for e in blocked]
    return events[:at] + moved + events[at:]


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("held")
    out = {}
    for name, blocked in (("old", old_style()), ("new", new_style())):
        folder = root / name / "c01"
        folder.mkdir(parents=True)
        out[name] = write_log(folder / "exam.jsonl", with_keys(blocked))
    return out


@pytest.mark.parametrize("style", ["old", "new"])
def test_every_reader_counts_the_presses_of_either_log(logs: dict[str, Path], style: str) -> None:
    path = logs[style]
    assert verify_log(path, None).status == "ok"
    entries = read_log(path).entries
    records = [e.event for e in entries if e.event.type == "lockdown_key_blocked"]
    assert len(records) == (PRESSES if style == "old" else 4)
    state = reduce((e.seq, e.event) for e in entries)
    course = session_course(state)
    assert course_json(course)["blocked_keys"]["count"] == PRESSES
    line = course_lines(course, "en")[0][0]
    assert line.startswith(f"{PRESSES} blocked keys or actions"), line
    if style == "old":  # the first five, then the rest
        assert line.endswith(f"and {PRESSES - 5} more"), line
    else:  # the four records, each with its presses
        assert "0:10:01 Ctrl+C \u00d730" in line or "ctrl+c \u00d730" in line, line
        assert "more" not in line, line
    room = Room(path.parent.parent)
    room.discover()
    room.poll()
    assert [row.blocked_keys for row in room.rows()] == [PRESSES]


def test_the_review_line_says_how_many_presses_a_record_stands_for() -> None:
    held, single = new_style()[1], new_style()[0]
    assert describe(held).endswith("\u00d730"), describe(held)
    assert "\u00d7" not in describe(single)


@pytest.mark.parametrize("count", [0, -3])
def test_a_count_below_one_is_refused(count: int) -> None:
    state = reduce(simulated_events("ideal")[:1])
    bad = make_event("lockdown_key_blocked", {"key": "ctrl+c", "count": count}, 1.0, "w")
    with pytest.raises(Refused):
        apply(state, bad)


@pytest.mark.parametrize("count", [True, "2", 2.0])
def test_a_count_that_is_no_whole_number_is_refused(count: object) -> None:
    state = reduce(simulated_events("ideal")[:1])
    with pytest.raises((Refused, EventFormatError)):
        apply(state, make_event("lockdown_key_blocked", {"key": "ctrl+c", "count": count}, 1, "w"))


def test_a_new_state_has_no_marks() -> None:  # the fixture's own check: the fold starts empty
    assert ExamState().session_marks == []
