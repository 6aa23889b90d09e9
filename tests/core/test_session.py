"""ExamSession: commands and stimuli become logged events, on one path."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

import pytest

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import Event, EventFormatError
from helpdesk_tui.core.reducer import Refused, reduce
from helpdesk_tui.core.session import END_REASONS, ExamSession, MemorySink
from helpdesk_tui.core.state import ExamState, TicketStatus

Payload = Callable[..., dict[str, Any]]
Due = tuple[float, str, dict[str, Any]]
WALL = "2026-03-02T10:00:00.000Z"


class FakeStimuli:
    """A timetable, plus one reaction: the customer answers 30 s after each message."""

    def __init__(self, schedule: list[Due] | None = None, opening: list[Any] | None = None):
        self.schedule: list[Due] = sorted(schedule or [], key=lambda d: d[0])
        self.opening_events = opening or []
        self.observed: list[Event] = []

    def opening(self, state: ExamState) -> list[tuple[str, dict[str, Any]]]:
        return list(self.opening_events)

    def next_due(self, state: ExamState) -> float | None:
        return self.schedule[0][0] if self.schedule else None

    def pop_due(self, state: ExamState, until: float) -> Due | None:
        if self.schedule and self.schedule[0][0] <= until:
            return self.schedule.pop(0)
        return None

    def observe(self, state: ExamState, event: Event) -> None:
        self.observed.append(event)
        if event.type == "message_sent":
            reply = (
                event.exam_time + 30,
                "customer_message",
                {"conversation_id": event.data["conversation_id"], "text": "Thanks, trying"},
            )
            bisect.insort(self.schedule, reply, key=lambda d: d[0])


class Harness:
    def __init__(self, payload: dict[str, Any], stimuli: FakeStimuli, sink: Any = None) -> None:
        self.clock = ManualClock()
        self.sink = sink or MemorySink()
        self.stimuli = stimuli
        self.session = ExamSession(self.clock, self.sink, stimuli, wall_clock=lambda: WALL)
        self.heard: list[tuple[str, float, int]] = []
        self.session.subscribe(lambda e, seq: self.heard.append((e.type, e.exam_time, seq)))
        self.session.start(payload)

    def logged(self) -> list[tuple[str, float]]:
        return [(e.type, e.exam_time) for e in self.sink.events]


def chat(conv: str = "chat-1") -> dict[str, Any]:
    return {"conversation_id": conv, "customer_id": "c-ann", "subject": "Printer"}


def mail(ticket_id: str = "T-1") -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "customer_id": "c-bob",
        "title": "VPN down",
        "description": "Since this morning",
    }


def test_start_logs_the_session_and_the_opening_stimuli(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli(opening=[("email_received", mail())]))
    assert h.logged() == [("session_started", 0.0), ("email_received", 0.0)]
    assert h.heard == [("session_started", 0.0, 1), ("email_received", 0.0, 2)]
    assert h.session.state.started and "T-1" in h.session.state.tickets
    assert all(e.wall_time == WALL for e in h.sink.events)
    assert [e.type for e in h.stimuli.observed] == ["session_started", "email_received"]


def test_stimuli_are_stamped_with_their_due_time(session_started_data: Payload) -> None:
    h = Harness(
        session_started_data(),
        FakeStimuli([(100.0, "email_received", mail()), (400.0, "chat_opened", chat())]),
    )
    h.clock.advance(250)
    fired = h.session.tick()
    assert [(e.type, e.exam_time) for e in fired] == [("email_received", 100.0)]
    assert h.session.state.tickets["T-1"].created_at == 100.0
    assert h.stimuli.next_due(h.session.state) == 400.0


def test_a_command_fires_the_stimuli_due_before_it(session_started_data: Payload) -> None:
    h = Harness(
        session_started_data(),
        FakeStimuli(
            [
                (100.0, "chat_opened", chat()),
                (120.0, "customer_message", {"conversation_id": "chat-1", "text": "Help"}),
                (900.0, "email_received", mail()),
            ]
        ),
    )
    h.clock.advance(300)
    event = h.session.submit("message_sent", {"conversation_id": "chat-1", "text": "Hello"})
    assert event.exam_time == 300.0
    assert h.logged()[1:] == [
        ("chat_opened", 100.0),
        ("customer_message", 120.0),
        ("message_sent", 300.0),
    ]
    h.clock.advance(100)
    assert [(e.type, e.exam_time) for e in h.session.tick()] == [("customer_message", 330.0)]


def test_time_up_ends_the_session_at_exactly_the_duration(session_started_data: Payload) -> None:
    h = Harness(
        session_started_data(duration_s=1000),
        FakeStimuli([(990.0, "email_received", mail()), (1010.0, "chat_opened", chat())]),
    )
    h.clock.advance(999)
    assert [e.type for e in h.session.tick()] == ["email_received"]
    assert not h.session.state.ended
    h.clock.advance(501)
    fired = h.session.tick()
    assert [(e.type, e.exam_time, e.data) for e in fired] == [
        ("session_ended", 1000.0, {"reason": "time-up"})
    ]
    assert h.session.state.ended and h.session.state.end_reason == "time-up"
    assert "chat-1" not in h.session.state.conversations  # due after the end: never fired
    h.clock.advance(10)
    assert h.session.tick() == []


def test_a_command_after_the_time_is_up_ends_the_session_and_is_refused(
    session_started_data: Payload,
) -> None:
    h = Harness(
        session_started_data(duration_s=1000), FakeStimuli([(500.0, "email_received", mail())])
    )
    h.clock.advance(1234)
    with pytest.raises(Refused, match="the session has ended"):
        h.session.submit("ticket_opened", {"ticket_id": "T-1"})
    assert h.logged()[1:] == [("email_received", 500.0), ("session_ended", 1000.0)]
    assert h.sink.events[-1].data == {"reason": "time-up"}


def test_refused_commands_are_not_logged_and_change_nothing(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli(opening=[("email_received", mail())]))
    h.clock.advance(60)
    before = (len(h.sink.events), list(h.heard), h.session.state.tickets["T-1"].status)
    with pytest.raises(Refused) as info:
        h.session.submit("ticket_closed", {"ticket_id": "T-1"})
    assert "ticket_closed needs one of resolved" in info.value.reason
    with pytest.raises(Refused, match="unknown group"):
        h.session.submit("ticket_transferred", {"ticket_id": "T-1", "group": "x", "reason": "y"})
    with pytest.raises(EventFormatError, match="needs the field 'reason'"):
        h.session.submit("ticket_transferred", {"ticket_id": "T-1", "group": "network"})
    assert (len(h.sink.events), h.heard, h.session.state.tickets["T-1"].status) == before
    assert h.session.state.now == 0.0


def test_would_refuse_explains_without_logging(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli(opening=[("email_received", mail())]))
    assert h.session.would_refuse("ticket_closed", {"ticket_id": "T-1"}) is not None
    assert h.session.would_refuse("ticket_opened", {"ticket_id": "T-1"}) is None
    assert "unknown event type" in (h.session.would_refuse("ticket_burned", {}) or "")
    assert len(h.sink.events) == 2


class OffsetSink:
    """A log whose seqs do not start at 1 (a resumed log)."""

    def __init__(self, first: int) -> None:
        self.events: list[Event] = []
        self.first = first

    def append(self, event: Event) -> int:
        self.events.append(event)
        return self.first + len(self.events) - 1


def test_listeners_get_each_event_with_the_seq_the_log_gave_it(
    session_started_data: Payload,
) -> None:
    h = Harness(session_started_data(), FakeStimuli(), sink=OffsetSink(41))
    h.clock.advance(5)
    h.session.submit("focus_moved", {"area": "kb"})
    assert h.heard == [("session_started", 0.0, 41), ("focus_moved", 5.0, 42)]
    assert h.session.state.last_seq == 42


class BrokenSink:
    def __init__(self) -> None:
        self.fail = False
        self.events: list[Event] = []

    def append(self, event: Event) -> int:
        if self.fail:
            raise OSError("disk full")
        self.events.append(event)
        return len(self.events)


def test_an_event_the_log_could_not_store_never_reaches_the_state(
    session_started_data: Payload,
) -> None:
    sink = BrokenSink()
    h = Harness(
        session_started_data(), FakeStimuli(opening=[("email_received", mail())]), sink=sink
    )
    sink.fail = True
    h.clock.advance(10)
    with pytest.raises(OSError):
        h.session.submit("ticket_opened", {"ticket_id": "T-1"})
    assert h.session.state.tickets["T-1"].status == TicketStatus.NEW
    assert h.session.state.last_seq == 2
    assert [t for t, _, _ in h.heard] == ["session_started", "email_received"]


def test_stimuli_that_no_longer_fit_are_skipped(session_started_data: Payload) -> None:
    h = Harness(
        session_started_data(),
        FakeStimuli(
            [
                (10.0, "call_started", {"conversation_id": "call-1", "customer_id": "c-bob"}),
                (20.0, "call_ended", {"conversation_id": "call-1", "by": "customer"}),
                (30.0, "customer_message", {"conversation_id": "call-1", "text": "Hello?"}),
                (40.0, "email_received", mail()),
            ]
        ),
    )
    h.clock.advance(50)
    assert [e.type for e in h.session.tick()] == ["call_started", "call_ended", "email_received"]
    assert "customer_message" not in [e.type for e in h.sink.events]


def test_pause_stops_the_exam_clock_and_the_candidate(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli([(500.0, "email_received", mail())]))
    h.clock.advance(100)
    paused = h.session.pause("fire drill")
    assert (paused.type, paused.exam_time) == ("session_paused", 100.0)
    assert h.clock.paused and h.session.state.paused
    h.clock.advance(3600)
    assert h.session.now() == 100.0
    assert h.session.tick() == []
    with pytest.raises(Refused, match="the session is paused"):
        h.session.submit("focus_moved", {"area": "kb"})
    resumed = h.session.resume(reason="drill over")
    assert (resumed.type, resumed.exam_time, resumed.data) == (
        "session_resumed",
        100.0,
        {"reason": "drill over"},
    )
    assert not h.clock.paused and not h.session.state.paused
    h.clock.advance(400)
    assert [(e.type, e.exam_time) for e in h.session.tick()] == [("email_received", 500.0)]


def test_a_session_resumes_from_its_log(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli([(100.0, "email_received", mail())]))
    h.clock.advance(150)
    h.session.submit("ticket_opened", {"ticket_id": "T-1"})
    # The program dies; the log is read back and the session goes on.
    state = reduce(list(enumerate(h.sink.events, start=1)))
    clock = ManualClock(start_at=state.now)
    again = ExamSession(clock, h.sink, FakeStimuli(), wall_clock=lambda: WALL, state=state)
    event = again.resume(downtime_s=42.123456)
    assert (event.exam_time, event.data) == (
        150.0,
        {"reason": "resumed after interruption", "downtime_s": 42.123},
    )
    clock.advance(5)
    assert again.submit("note_added", {"ticket_id": "T-1", "text": "back"}).exam_time == 155.0
    assert reduce(h.sink.events) == again.state


def test_exam_time_never_goes_back_behind_the_log(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli([(100.0, "email_received", mail())]))
    h.clock.advance(100)
    h.session.tick()
    late = ExamSession(ManualClock(), MemorySink(), FakeStimuli(), state=h.session.state)
    assert late.now() == 100.0


def test_speed_up_changes_the_clock_in_practice_only(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli())
    h.clock.advance(10)
    h.session.set_speed(4)
    h.clock.advance(10)
    assert h.session.now() == 50.0
    exam = Harness(session_started_data(mode="exam"), FakeStimuli())
    with pytest.raises(Refused, match="only in practice"):
        exam.session.set_speed(4)
    assert exam.clock.speed == 1


def test_ending_records_why(session_started_data: Payload) -> None:
    h = Harness(session_started_data(), FakeStimuli([(50.0, "email_received", mail())]))
    h.clock.advance(60)
    ended = h.session.end("handed-in")
    assert (ended.exam_time, ended.data["reason"]) == (60.0, "handed-in")
    assert h.logged()[-2:] == [("email_received", 50.0), ("session_ended", 60.0)]
    assert "handed-in" in END_REASONS
    with pytest.raises(Refused, match="has ended"):
        h.session.end("completed")


def test_ending_after_the_time_is_up_is_time_up(session_started_data: Payload) -> None:
    h = Harness(session_started_data(duration_s=600), FakeStimuli())
    h.clock.advance(700)
    ended = h.session.end("handed-in")
    assert (ended.exam_time, ended.data["reason"]) == (600.0, "time-up")


def test_nothing_fires_before_the_session_starts(session_started_data: Payload) -> None:
    stimuli = FakeStimuli([(0.0, "email_received", mail())])
    session = ExamSession(ManualClock(), MemorySink(), stimuli)
    assert session.tick() == [] and session.fire_due(100) == []
    assert stimuli.next_due(session.state) == 0.0  # still scheduled


def test_a_memory_sink_numbers_events_from_one(session_started_data: Payload) -> None:
    sink = MemorySink()
    h = Harness(session_started_data(), FakeStimuli(), sink=sink)
    h.clock.advance(1)
    h.session.submit("focus_moved", {"area": "queue"})
    assert [seq for _, _, seq in h.heard] == [1, 2]
    assert len(sink.events) == 2
