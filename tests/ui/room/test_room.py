"""The room view with Pilot: logs the test writes with the real writer, between pauses.

No sleeps: the app has no timer (`poll_interval=None`), the test calls `poll()`
after writing, and the wall clock is the test's.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from helpdesk_tui import i18n
from helpdesk_tui.assess.testing import bundled_scenario
from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.core.reducer import reduce
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.i18n import _
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.observe.screen import ObserveScreen
from helpdesk_tui.ui.room.app import RoomApp
from helpdesk_tui.ui.room.screen import STATES, ObserveFromRoom, RoomScreen

from ..pilot import count_rendered_cells
from ..review.logs import WALL_START, bound, bound_header, screen_text, simulated_events

SIZE = (100, 30)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


@dataclass
class Sitting:
    """A sitting folder whose logs the test writes, and the room's wall clock."""

    folder: Path
    events: list[Event]
    writers: dict[str, EventLogWriter] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)
    clock: list[datetime] = field(default_factory=lambda: [WALL_START])

    def start(self, candidate: str, n: int) -> Path:
        path = self.folder / candidate / "exam.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        header = dataclasses.replace(
            bound_header(), candidate_id=candidate, session_id=candidate.ljust(32, "0")
        )
        self.writers[candidate] = EventLogWriter.create(path, header, Signer.ephemeral())
        self.written[candidate] = 0
        self.write(candidate, n)
        return path

    def write(self, candidate: str, until: int) -> None:
        for event in self.events[self.written[candidate] : until]:
            self.writers[candidate].append(bound(self.writers[candidate], event))
        self.written[candidate] = max(self.written[candidate], until)
        written = WALL_START + timedelta(seconds=self.events[until - 1].exam_time)
        self.clock[0] = max(self.clock[0], written)  # one wall clock for the room: never back

    def append(self, candidate: str, event_type: str, data: dict) -> None:
        last = self.events[self.written[candidate] - 1]
        self.writers[candidate].append(make_event(event_type, data, last.exam_time, last.wall_time))

    def app(self, **room: object) -> RoomApp:
        return RoomApp(
            Room(self.folder, monotonic=lambda: self.clock[0].timestamp(), **room),  # type: ignore[arg-type]
            title="am",
            poll_interval=None,
            wall_clock=lambda: self.clock[0],
        )


@pytest.fixture
def sitting(tmp_path: Path, events: list[Event]) -> Iterator[Sitting]:
    made = Sitting(tmp_path / "am", events)
    made.folder.mkdir()
    yield made
    for writer in made.writers.values():
        writer.close()


def room_screen(app: RoomApp) -> RoomScreen:
    assert isinstance(app.screen, RoomScreen)
    return app.screen


def cell(app: RoomApp, key: str, column: str) -> str:
    table = room_screen(app).query_one(DataTable)
    return str(table.get_cell(key, column))


def order(app: RoomApp) -> list[str]:
    return [row.key.value for row in room_screen(app).query_one(DataTable).ordered_rows]  # type: ignore[misc]


async def test_rows_follow_the_logs_as_they_grow_and_new_logs_get_rows(
    sitting: Sitting, events: list[Event]
) -> None:
    sitting.start("c0001", 40)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        assert order(app) == ["c0001/exam.jsonl"]
        expected = reduce(events[:40])
        open_tickets = sum(1 for t in expected.tickets.values() if t.is_active)
        assert cell(app, "c0001/exam.jsonl", "open") == (str(open_tickets) if open_tickets else "·")
        assert cell(app, "c0001/exam.jsonl", "state") == "running"
        sitting.write("c0001", 200)
        sitting.start("c0002", 10)
        app.poll()
        await pilot.pause()
        assert order(app) == ["c0001/exam.jsonl", "c0002/exam.jsonl"]
        expected = reduce(events[:200])
        open_tickets = sum(1 for t in expected.tickets.values() if t.is_active)
        assert cell(app, "c0001/exam.jsonl", "open") == (str(open_tickets) if open_tickets else "·")
        h, m = (int(x) for x in cell(app, "c0001/exam.jsonl", "exam").split(":"))
        assert h * 60 + m == int(events[199].exam_time) // 60  # HH:MM
        assert room_screen(app).room.watches["c0001/exam.jsonl"].follower.lines > 200
        sitting.clock[0] += timedelta(seconds=120)  # no record: the clock still runs
        app.poll()
        await pilot.pause()
        h, m = (int(x) for x in cell(app, "c0001/exam.jsonl", "exam").split(":"))
        assert h * 60 + m == (int(events[199].exam_time) + 120) // 60


async def test_blocked_keys_proctor_disk_faults_and_resumes_are_counted(sitting: Sitting) -> None:
    sitting.start("c0001", 60)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        sitting.append("c0001", "lockdown_key_blocked", {"key": "ctrl+z"})
        sitting.append("c0001", "lockdown_key_blocked", {"key": "ctrl+c"})
        sitting.append("c0001", "lockdown_key_blocked", {"key": "proctor code: wrong"})
        sitting.append("c0001", "disk_fault", {"message": "No space left on device"})
        sitting.append("c0001", "session_paused", {"reason": "proctor"})
        sitting.append(
            "c0001", "session_resumed", {"reason": "resumed after interruption", "downtime_s": 5.0}
        )
        app.poll()
        await pilot.pause()
        key = "c0001/exam.jsonl"
        assert [cell(app, key, c) for c in ("keys", "proctor", "disk", "resumes")] == [
            "2", "2", "1", "1",
        ]  # fmt: skip
        assert cell(app, key, "state") == "resumed"
        sitting.writers.pop("c0001").close()  # the exam process is gone: nobody writes the log
        app.poll()
        await pilot.pause()
        assert cell(app, key, "state") == "interrupted"


async def test_sorting_by_column_and_reversing(sitting: Sitting) -> None:
    sitting.start("c0003", 200)
    sitting.start("c0001", 30)
    sitting.start("c0002", 120)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        assert order(app) == [f"c000{n}/exam.jsonl" for n in (1, 2, 3)]
        await pilot.press("s", "s")  # candidate → state → exam time
        assert "Practice" in screen_text(app).splitlines()[0]  # practice logs (bugs23)
        assert order(app) == [f"c000{n}/exam.jsonl" for n in (1, 2, 3)]  # 30 < 120 < 200 events in
        await pilot.press("r")
        assert order(app) == [f"c000{n}/exam.jsonl" for n in (3, 2, 1)]
        await pilot.press("S", "S")  # back to the candidate, still reversed
        assert order(app) == [f"c000{n}/exam.jsonl" for n in (3, 2, 1)]
        assert "Candidate ↓" in screen_text(app).splitlines()[0]


async def test_enter_observes_the_candidate_and_escape_comes_back(sitting: Sitting) -> None:
    sitting.start("c0001", 30)
    sitting.start("c0002", 80)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ObserveFromRoom)
        assert app.screen.follower.path == sitting.folder / "c0002" / "exam.jsonl"
        assert "candidate c0002" in screen_text(app)
        sitting.write("c0002", 120)
        app.poll()  # the observed screen follows too
        await pilot.pause()
        assert app.screen.state.now == sitting.events[119].exam_time
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen) and not isinstance(app.screen, ObserveScreen)
        await pilot.press("enter", "q")  # q in the observer also comes back, not out
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)


async def test_practice_shows_the_students_hints_and_feedback(sitting: Sitting) -> None:
    last = len(sitting.events)
    assert sitting.events[-1].type == "session_ended"
    sitting.start("c0001", last - 1)
    ticket = next(iter(reduce(sitting.events[:-1]).tickets))
    sitting.append("c0001", "hint_requested", {"ticket_id": ticket, "hint": "look at KB kb-vpn"})
    sitting.write("c0001", last)
    state = reduce(sitting.events)
    closed = [t for t in state.tickets.values() if t.status == "closed" and t.incident_id]
    app = sitting.app(scenario_for=lambda header: bundled_scenario(header.scenario_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = str(room_screen(app).query_one("#room-detail-text").render())
        assert "Hints asked: 1" in text and f"{ticket}: look at KB kb-vpn" in text
        assert f"Feedback on closed tickets: {len(closed)}" in text and closed


async def test_a_witness_file_shows_how_far_each_log_is_cosigned(sitting: Sitting) -> None:
    sitting.start("c0001", 200)
    sitting.start("c0002", 50)
    witness = sitting.folder / "witness.jsonl"
    session = "c0001".ljust(32, "0")
    witness.write_text(
        '{"n":0,"type":"witness.start"}\n'
        + f'{{"n":1,"type":"witness.cosign","session":"{session}","seq":0,"kind":"header"}}\n'
        + "not json at all\n"
    )
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        assert cell(app, "c0001/exam.jsonl", "witness") == "≤ seq 0"
        assert cell(app, "c0002/exam.jsonl", "witness") == "not seen"
        with witness.open("a") as handle:
            handle.write(
                f'{{"n":2,"type":"witness.refusal","session":"{session}","seq":5,"reason":"conflict"}}\n'
            )
        app.poll()
        await pilot.pause()
        assert cell(app, "c0001/exam.jsonl", "witness") == "REFUSED: conflict"
        assert room_screen(app).room.witness.skipped == 1  # type: ignore[union-attr]


async def test_expected_candidates_wait_until_their_log_appears(sitting: Sitting) -> None:
    app = sitting.app(expected=["c0001", "c0002"])
    async with app.run_test(size=SIZE) as pilot:
        assert order(app) == ["c0001/", "c0002/"]
        assert cell(app, "c0002/", "state") == "waiting"
        sitting.start("c0002", 20)
        app.poll()
        await pilot.pause()
        assert order(app) == ["c0001/", "c0002/exam.jsonl"]


@pytest.mark.parametrize(("language", "words"), [("nl", "Kandidaat"), ("fr", "Candidat")])
async def test_the_room_speaks_the_chosen_language(
    sitting: Sitting, language: str, words: str
) -> None:
    sitting.start("c0001", 20)
    i18n.set_language(language)
    try:
        app = sitting.app()
        async with app.run_test(size=SIZE):
            assert words in screen_text(app)
    finally:
        i18n.set_language("en")


@pytest.fixture
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The proctor's clock on UTC: the panel shows a session's start in local time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_layout_snapshot(sitting: Sitting, snap_compare: object, utc_clock: None) -> None:
    sitting.start("c0001", 200)
    sitting.start("c0002", 80)
    sitting.append("c0002", "lockdown_key_blocked", {"key": "ctrl+z"})
    sitting.clock[0] += timedelta(seconds=12)
    assert snap_compare(sitting.app(expected=["c0003"]), terminal_size=SIZE)  # type: ignore[operator]


async def test_f1_lists_the_rooms_keys(sitting: Sitting) -> None:
    sitting.start("c0001", 20)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Sort by the next column" in text and "Observe the selected candidate" in text


async def test_the_observer_opened_from_the_room_has_observes_own_layout(sitting: Sitting) -> None:
    sitting.start("c0001", 60)
    app = sitting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        header = app.screen.query_one("#ob-header")
        assert header.region.height == 1  # styled by observe's screen.tcss, not the room's
        assert app.screen.query_one("#ob-queue-area").styles.border_top[0] == "round"


async def test_a_changed_count_renders_only_its_own_cell_again(
    sitting: Sitting, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = count_rendered_cells(monkeypatch)
    sitting.start("c0001", 60)
    sitting.start("c0002", 60)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rendered.clear()
        sitting.append("c0002", "lockdown_key_blocked", {"key": "ctrl+z"})
        app.poll()
        await pilot.pause()
        keys = [c.value for c in room_screen(app).query_one(DataTable).columns].index("keys")
        assert cell(app, "c0002/exam.jsonl", "keys") == "1"
        assert rendered == [(1, keys)]  # not the other 25 cells


async def test_a_state_longer_than_the_column_shows_whole(sitting: Sitting) -> None:
    # In the qa-sitting8 trial every row began "running", and a candidate killed
    # mid-exam read "interru" at 140 columns: a changed cell kept the column's width.
    sitting.start("c0001", 60)
    sitting.start("c0002", 60)
    app = sitting.app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert cell(app, "c0001/exam.jsonl", "state") == "running"
        sitting.writers.pop("c0001").close()  # the exam process is gone
        app.poll()
        await pilot.pause()
        line = next(t for t in screen_text(app).splitlines() if "c0001" in t)
        assert "interrupted" in line.split()


async def test_a_poll_before_the_observer_is_mounted_waits_for_it(sitting: Sitting) -> None:
    # In the qa-sitting8 trial, Enter on a candidate crashed the room with a traceback
    # (NoMatches '#ob-feed'): the room's timer ticked between push_screen and the
    # observer's compose, and polled a screen that had no widgets yet.
    sitting.start("c0001", 60)
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        room_screen(app).action_open()
        sitting.write("c0001", 90)
        app.poll()  # the timer's tick, before the observer ran compose
        await pilot.pause()
        assert isinstance(app.screen, ObserveFromRoom)
        app.poll()
        await pilot.pause()
        assert app.screen.state.now == sitting.events[89].exam_time


async def test_the_title_keeps_every_count_at_100_columns(sitting: Sitting) -> None:
    """bugs13's sitting: at 100 columns the Dutch room's title was cut ("1 ingeleverd,
    1 tijd om, 1 …"). Every state's count is on screen, the title's name too."""
    for n, candidate in enumerate(("c0001", "c0002", "c0003"), start=1):
        sitting.start(candidate, 10 * n)
    sitting.append("c0002", "session_paused", {"reason": "proctor"})
    i18n.set_language("nl")
    try:
        app = RoomApp(
            Room(sitting.folder, expected=["c0004", "c0005"]),  # type: ignore[arg-type]
            title="Stad Lindeveld, examen helpdesk operator, voormiddag 5 december",
            poll_interval=None,
            wall_clock=lambda: sitting.clock[0],
        )
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = room_screen(app)
            states: dict[str, int] = {}
            for row in screen.rows.values():
                states[row.state] = states.get(row.state, 0) + 1
            assert len(states) >= 2, states
            shown = " ".join(screen_text(app).split())
            assert "voormiddag 5 december" in shown
            for state, count in states.items():
                word = _(STATES[state][0])  # the catalogue's Dutch word for the state
                assert f"{count} {word}" in shown, (state, shown[:300])
            assert "…" not in screen_text(app).splitlines()[0]
    finally:
        i18n.set_language("en")


def local_hhmm(wall: str) -> str:
    """A header's UTC wall time as the proctor's own clock shows it."""
    return datetime.fromisoformat(wall.replace("Z", "+00:00")).astimezone().strftime("%H:%M")


async def test_two_sessions_claiming_one_candidate_are_told_apart_and_flagged(
    sitting: Sitting,
) -> None:
    """bugs19 saw two rows "simulated-ideal" alike: a proctor could not tell which was
    which, nor that one id was claimed twice (a second login under a colleague's id, a
    restarted terminal). What a proctor needs (bugs20): one row per session, since
    each is a terminal to walk to and observe, each saying when it started; and the
    room's title saying that one id is claimed by two sessions."""
    sitting.start("c0001", 40)
    first = dataclasses.replace(
        bound_header(),
        candidate_id="c0002",
        session_id="a" * 32,
        created="2026-03-02T09:00:00.000Z",
    )
    second = dataclasses.replace(first, session_id="b" * 32, created="2026-03-02T09:41:00.000Z")
    for name, header in (("seat-07", first), ("seat-12", second)):
        path = sitting.folder / name / "exam.jsonl"
        path.parent.mkdir()
        sitting.writers[name] = EventLogWriter.create(path, header, Signer.ephemeral())
        for event in sitting.events[:30]:
            sitting.writers[name].append(bound(sitting.writers[name], event))
    app = sitting.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = ["seat-07/exam.jsonl", "seat-12/exam.jsonl"]
        shown = [cell(app, key, "candidate") for key in keys]
        assert all("c0002" in text for text in shown), shown
        assert shown[0] != shown[1], shown
        assert local_hhmm(first.created) in shown[0] and local_hhmm(second.created) in shown[1]
        assert "09:41" not in cell(app, "c0001/exam.jsonl", "candidate")  # alone: as before
        assert cell(app, "c0001/exam.jsonl", "candidate") == "c0001"
        title = screen_text(app).splitlines()[0]
        assert "c0002" in title, title  # the title names no candidate otherwise
        app.screen.query_one(DataTable).move_cursor(row=order(app).index(keys[1]))
        await pilot.pause()
        assert "seat-07/exam.jsonl" in screen_text(app)  # the other log, named in the panel


def test_sessions_started_in_the_same_minute_are_still_told_apart(utc_clock: None) -> None:
    """The walk (bugs20): two sessions begun in the same minute both read "c0042 ‼ 17:29"."""
    from helpdesk_tui.sitting.room import waiting_row
    from helpdesk_tui.ui.room.screen import candidate_cell, tell_apart

    def claimed(key: str, started: str) -> object:
        row = dataclasses.replace(waiting_row("c0042"), key=key, started=started, sessions=2)
        return row

    apart = [claimed("a.jsonl", "2026-03-02T09:00:05Z"), claimed("b.jsonl", "2026-03-02T09:00:40Z")]
    tell_apart(apart)  # type: ignore[arg-type]
    assert [candidate_cell(r) for r in apart] == ["c0042 ‼ 09:00:05", "c0042 ‼ 09:00:40"]  # type: ignore[arg-type]
    same = [claimed("a.jsonl", "2026-03-02T09:00:05Z"), claimed("b.jsonl", "2026-03-02T09:00:05Z")]
    tell_apart(same)  # type: ignore[arg-type]
    assert [candidate_cell(r) for r in same] == ["c0042 ‼ a.jsonl", "c0042 ‼ b.jsonl"]  # type: ignore[arg-type]
