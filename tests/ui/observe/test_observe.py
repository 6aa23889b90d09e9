"""The live observer with Pilot, on a log the test writes between pauses (no sleeps: the
test calls `poll()` itself, and the wall clock is the test's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.ui.observe.app import ObserveApp
from helpdesk_tui.ui.observe.screen import ObserveScreen
from helpdesk_tui.ui.review.panels import ConversationsView
from helpdesk_tui.ui.widgets.queue import TicketQueue

from ..review.logs import (
    SIZE,
    WALL_START,
    bound,
    bound_header,
    feed_records,
    feed_words,
    screen_text,
    simulated_events,
)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return simulated_events("ideal")


@dataclass
class Exam:
    """A log being written by the real writer, and the observer's wall clock."""

    path: Path
    writer: EventLogWriter
    events: list[Event]
    written: int = 0
    clock: list[datetime] = field(default_factory=lambda: [WALL_START])

    def write(self, until: int) -> None:
        for event in self.events[self.written : until]:
            self.writer.append(bound(self.writer, event))
        self.written = max(self.written, until)
        self.clock[0] = WALL_START + timedelta(seconds=self.events[self.written - 1].exam_time)

    def app(self, scenario: Scenario | None = None) -> ObserveApp:
        follower = LogFollower(self.path, recheck_every=0)
        return ObserveApp(
            follower,
            scenario,
            poll_interval=None,
            wall_clock=lambda: self.clock[0],
            monotonic=lambda: self.clock[0].timestamp(),  # the viewer's clock, run as the wall
        )


@pytest.fixture
def exam(tmp_path: Path, events: list[Event]) -> Iterator[Exam]:
    path = tmp_path / "live.jsonl"
    writer = EventLogWriter.create(path, bound_header(), Signer.ephemeral())
    yield Exam(path, writer, events)
    writer.close()


def observer(app: ObserveApp) -> ObserveScreen:
    assert isinstance(app.screen, ObserveScreen)
    return app.screen


async def test_the_view_follows_the_log_as_it_grows(exam: Exam) -> None:
    exam.write(40)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        assert screen.state.now == exam.events[39].exam_time
        assert screen.state.scenario_id == "en-northwind-monday"
        exam.write(150)
        update = app.poll()
        await pilot.pause()
        assert len(update.entries) == 110
        assert screen.state.now == exam.events[149].exam_time
        tickets = {row.key.value for row in screen.query_one("#ob-queue").ordered_rows}  # type: ignore[attr-defined]
        assert tickets == {t.id for t in screen.state.tickets.values() if t.status != "closed"}
        assert feed_records(screen) == 150
        assert "LIVE" in screen_text(app)
        assert not app.poll().changed  # nothing new: nothing read


async def test_it_fits_a_100_column_terminal(exam: Exam) -> None:
    """Issue 14, finding 11: at 100 columns the right-hand column ran off the screen
    (its areas had no right border on screen) and the queue lost its last column."""
    exam.write(300)
    app = exam.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[1].rstrip().endswith("╮")  # the ticket area's top right corner
        assert lines[-2].rstrip().endswith("╯")  # the record feed's bottom right corner
        header = next(line for line in lines if "SLA left" in line)
        for label in ("ID", "SLA left", "Pri", "Title", "Customer", "Status"):
            assert f" {label} " in header + " ", label
        # (bugs17) the group column goes whole before the title falls under 20: the queue's
        # last column is the status, whole, before the area's edge
        assert header.split("│")[1].split()[-1] == "Status", header


async def test_the_clocks_run_between_records(exam: Exam) -> None:
    exam.write(60)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        last = exam.events[59].exam_time
        exam.clock[0] += timedelta(seconds=30)
        app.poll()
        await pilot.pause()
        assert screen.live_now() == pytest.approx(last + 30)
        paused = make_event(
            "session_paused", {"reason": "proctor"}, last, exam.events[59].wall_time
        )
        exam.writer.append(paused)
        app.poll()
        exam.clock[0] += timedelta(seconds=600)
        assert screen.live_now() == last  # paused: the exam clock stands still
        assert "PAUSED" in screen_text(app)


async def test_a_quiet_spell_is_shown(exam: Exam) -> None:
    exam.write(30)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        exam.clock[0] += timedelta(seconds=200)
        app.poll()
        await pilot.pause()
        assert "No new record for 3:20" in screen_text(app)


async def test_a_torn_line_waits_until_it_is_complete(exam: Exam) -> None:
    exam.write(20)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        exam.writer.close()  # it signs what is unsigned: a checkpoint to take first
        app.poll()
        line = (
            b'{"data":{"area":"queue"},"prev":"'
            + screen.follower.head.encode()
            + b'","seq":'
            + str(screen.follower.seq + 1).encode()
            + b',"t":'
            + repr(exam.events[19].exam_time).encode()
            + b',"type":"focus_moved","wall":"2026-03-02T09:10:00.000Z"}\n'
        )
        with open(exam.path, "ab") as handle:
            handle.write(line[:25])
        assert not app.poll().entries and screen.follower.torn == 25
        with open(exam.path, "ab") as handle:
            handle.write(line[25:])
        assert [e.event.type for e in app.poll().entries] == ["focus_moved"]
        await pilot.pause()
        assert screen.follower.fault is None


async def test_the_seal_ends_the_observation(exam: Exam) -> None:
    exam.write(len(exam.events))
    last = exam.events[-1]
    exam.writer.seal("time-up", last.exam_time, last.wall_time)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        await pilot.pause()
        text = screen_text(app)
        assert "SEALED" in text and "Sealed (time up)" in text
        feed = feed_words(screen)
        assert "— sealed: time up —" in feed  # the reason in words, not its key "time-up"
        exam.clock[0] += timedelta(hours=1)
        assert screen.live_now() == last.exam_time  # over: no clock runs on


async def test_a_broken_chain_is_flagged_loudly_and_following_stops(exam: Exam) -> None:
    exam.write(50)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        exam.writer.close()
        lines = exam.path.read_bytes().split(b"\n")
        forged = lines[10].replace(b'"seq":', b'"seq":9', 1)
        with open(exam.path, "ab") as handle:
            handle.write(forged + b"\n")
        update = app.poll()
        await pilot.pause()
        assert update.fault is not None
        text = screen_text(app)
        assert "BROKEN" in text and "THE LOG'S CHAIN IS BROKEN" in text
        assert "chain broken" in feed_words(screen)
        before = screen.state.last_seq
        assert not app.poll().changed and screen.state.last_seq == before


async def test_it_follows_what_the_candidate_looks_at_until_the_observer_chooses(
    exam: Exam,
) -> None:
    exam.write(120)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        conversations = list(screen.state.conversations)
        tickets = list(screen.state.tickets)
        assert len(conversations) >= 2 and len(tickets) >= 2
        t, wall = exam.events[119].exam_time, exam.events[119].wall_time
        for area, target in (("conversation", conversations[0]), ("ticket", tickets[-1])):
            exam.writer.append(make_event("focus_moved", {"area": area, "target": target}, t, wall))
            app.poll()
            await pilot.pause()
        view = screen.query_one("#ob-conversations", ConversationsView)
        assert view.current_id == conversations[0] and screen.ticket_id == tickets[-1]
        queue = screen.query_one("#ob-queue", TicketQueue)
        queue.focus()
        await pilot.press("down" if queue.cursor_row == 0 else "up")
        assert not screen.follow and screen.ticket_id != tickets[-1]
        assert "your choice" in screen_text(app)
        exam.writer.append(
            make_event("focus_moved", {"area": "ticket", "target": tickets[-1]}, t, wall)
        )
        app.poll()
        await pilot.pause()
        assert screen.ticket_id != tickets[-1]  # the observer's choice holds
        await pilot.press("f")
        assert screen.follow and screen.ticket_id == tickets[-1]
        assert "following the candidate" in screen_text(app)


async def test_a_conversation_is_named_by_its_customer_and_channel_never_its_id(
    exam: Exam,
) -> None:
    """Issue 14, finding 7, for the proctor: a scenario's conversation ids (like
    C-tom-lockout) hint at the diagnosis; the exam names a conversation by who and how,
    and so does observe, in the conversation's title and in the records."""
    exam.write(150)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = observer(app)
        ids = list(screen.state.conversations)
        assert ids and all(cid.startswith("C-") for cid in ids)
        t, wall = exam.events[149].exam_time, exam.events[149].wall_time
        exam.writer.append(
            make_event("focus_moved", {"area": "conversation", "target": ids[0]}, t, wall)
        )
        app.poll()
        await pilot.pause()
        feed = feed_words(screen)
        shown = screen_text(app) + feed
        assert not [cid for cid in ids if cid in shown]
        conv = screen.state.conversations[ids[0]]
        name = screen.state.customers[conv.customer_id].name
        assert f"looked at conversation {conv.channel} with {name}" in feed
        assert f"{name} · {conv.channel}" in screen_text(app)
        first = next(e for e in exam.events if e.type == "chat_opened")
        who = screen.state.customers[first.data["customer_id"]].name
        assert re.search(
            rf" chat with {re.escape(who)} at \d\d:\d\d begins", feed
        )  # not "chat chat"
        assert "chat chat" not in feed and "call call" not in feed


async def test_nothing_on_screen_can_write(exam: Exam) -> None:
    exam.write(100)
    app = exam.app()
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query(Input) and not app.screen.query(TextArea)
        size = exam.path.stat().st_size
        await pilot.press(*"nrstwcx", "enter", "ctrl+s", "f4", "tab", "enter")
        assert exam.path.stat().st_size == size
        await pilot.press("f1")
        assert "Follow what the candidate is looking at" in screen_text(app)


def test_layout_snapshot(exam: Exam, snap_compare: object) -> None:
    exam.write(150)
    exam.clock[0] += timedelta(seconds=12)
    assert snap_compare(exam.app(), terminal_size=SIZE)  # type: ignore[operator]
