"""The exam session: where commands and stimuli become logged events.

One path for everything that changes the exam: build the event, check it
against the state, append it to the sink (the signed log: on disk is the
acknowledgement), then apply it and tell the listeners. The UI, the headless
simulator, resume and the tests all drive this same class.

Stimuli are stamped with the exam time they were *due*, not the time a timer
happened to notice them, and every command first fires what fell due before
it. So the same scenario and the same candidate actions at the same exam
times always give the same log, whatever the timer jitter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from helpdesk_tui.core.clock import ExamClock
from helpdesk_tui.core.events import (
    END_REASONS,
    UI_LANGUAGE_SINCE_SCHEMA,
    Event,
    make_event,
    utc_now_iso,
)
from helpdesk_tui.core.reducer import Refused, apply, check
from helpdesk_tui.core.state import ExamState

__all__ = ["END_REASONS", "EventSink", "ExamSession", "Listener", "MemorySink", "Stimuli"]


class EventSink(Protocol):
    """Where events go before they count: the signed log, or a list in tests."""

    def append(self, event: Event) -> int:
        """Store the event durably and return its seq."""
        ...


class Stimuli(Protocol):
    """The simulation: what the scenario makes happen, and when."""

    def opening(self, state: ExamState) -> list[tuple[str, dict[str, Any]]]:
        """Events at exam time 0, right after the session starts."""
        ...

    def next_due(self, state: ExamState) -> float | None:
        """The exam time of the next scheduled stimulus, if any."""
        ...

    def pop_due(self, state: ExamState, until: float) -> tuple[float, str, dict[str, Any]] | None:
        """The earliest stimulus due at or before `until`, removed from the schedule."""
        ...

    def observe(self, state: ExamState, event: Event) -> None:
        """Learn of an applied event, to schedule reactions to it."""
        ...


class MemorySink:
    """An in-memory sink for tests and for the headless simulator's dry runs."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def append(self, event: Event) -> int:
        self.events.append(event)
        return len(self.events)


Listener = Callable[[Event, int], None]


class ExamSession:
    """A running exam: the state, the clock, the log and the simulation."""

    def __init__(
        self,
        clock: ExamClock,
        sink: EventSink,
        stimuli: Stimuli,
        wall_clock: Callable[[], str] = utc_now_iso,
        state: ExamState | None = None,
    ) -> None:
        self.clock = clock
        self.sink = sink
        self.stimuli = stimuli
        self.wall_clock = wall_clock
        self.state = state or ExamState()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    # ------------------------------------------------------------------ lifecycle

    def start(self, session_data: dict[str, Any]) -> Event:
        """Log session_started and whatever the scenario has at minute 0."""
        event = self._record("session_started", session_data, 0.0)
        for event_type, data in self.stimuli.opening(self.state):
            self._record(event_type, data, 0.0)
        return event

    def pause(self, reason: str) -> Event:
        """Log the pause, then stop the exam clock (SLA clocks stop with it)."""
        self.fire_due()
        event = self._record("session_paused", {"reason": reason}, None)
        self.clock.pause()
        return event

    def resume(
        self,
        downtime_s: float | None = None,
        reason: str = "resumed after interruption",
        ui_language: str | None = None,
    ) -> Event:
        """Log the resume (of a pause, or of a session rebuilt from its log), then
        restart the exam clock where it stopped. `downtime_s` records a gap in wall time;
        `ui_language` the language the screens speak from now on (a log of event schema 3
        or later: an older log's records keep their own schema)."""
        data: dict[str, Any] = {"reason": reason}
        if downtime_s is not None:
            data["downtime_s"] = round(downtime_s, 3)
        if ui_language is not None and self.state.schema_version >= UI_LANGUAGE_SINCE_SCHEMA:
            data["ui_language"] = ui_language
        event = self._record("session_resumed", data, self.state.now)
        self.clock.resume()
        return event

    def set_speed(self, speed: float) -> Event:
        """Log a change of pace (practice only), then apply it to the exam clock."""
        event = self._record("speed_changed", {"speed": speed}, None)
        self.clock.set_speed(speed)
        return event

    def end(self, reason: str) -> Event:
        """Log the end of the exam, after every stimulus due before it.

        Once the exam time is up the session ends as "time-up", at exactly the
        duration, whatever ended it: nothing is logged past the end.
        """
        at = self.now()
        if self.state.duration_s and at >= self.state.duration_s:
            at, reason = self.state.duration_s, "time-up"
        self.fire_due(at)
        return self._record("session_ended", {"reason": reason}, at)

    def time_is_up(self) -> bool:
        return bool(self.state.duration_s) and self.now() >= self.state.duration_s

    # ------------------------------------------------------------------ time

    def now(self) -> float:
        """Exam time now, never earlier than the last logged event."""
        return max(self.clock.now(), self.state.now)

    def tick(self) -> list[Event]:
        """Fire what fell due; end the exam when its time is up."""
        if not self.state.started or self.state.ended or self.clock.paused:
            return []
        fired = self.fire_due()
        if self.time_is_up():
            fired.append(self.end("time-up"))
        return fired

    def fire_due(self, until: float | None = None) -> list[Event]:
        """Log every stimulus due by `until` (default: now), each at its own time."""
        if not self.state.started:
            return []
        limit = self.now() if until is None else until
        if self.state.duration_s:
            limit = min(limit, self.state.duration_s)
        fired: list[Event] = []
        while not self.state.ended:
            due = self.stimuli.pop_due(self.state, limit)
            if due is None:
                break
            at, event_type, data = due
            event = self._try_record(event_type, data, max(at, self.state.now))
            if event is not None:
                fired.append(event)
        return fired

    # ------------------------------------------------------------------ commands

    def submit(self, event_type: str, data: dict[str, Any]) -> Event:
        """Log a candidate command at the current exam time (raises `Refused`).

        A command that comes after the exam time is up first ends the session
        (time-up), and is then refused.
        """
        if self.state.started and not self.state.ended and self.time_is_up():
            self.end("time-up")
        self.fire_due()
        return self._record(event_type, data, None)

    def submit_by_end(self, event_type: str, data: dict[str, Any]) -> Event:
        """Log a record of what happened before the end (a held key's counted repeats,
        `core.blocked`): now, or at the end's time when the time is up meanwhile; then the
        time-up end, as `submit` does."""
        at = self.now()
        if self.state.duration_s:
            at = min(at, self.state.duration_s)
        self.fire_due(at)
        return self._record(event_type, data, at)

    def would_refuse(self, event_type: str, data: dict[str, Any]) -> str | None:
        """Why `submit` would refuse this command now, without logging anything."""
        try:
            event = make_event(event_type, data, self.now(), self.wall_clock())
        except ValueError as exc:
            return str(exc)
        return check(self.state, event)

    # ------------------------------------------------------------------ the one path

    def _record(self, event_type: str, data: dict[str, Any], at: float | None) -> Event:
        event = make_event(event_type, data, self.now() if at is None else at, self.wall_clock())
        reason = check(self.state, event)
        if reason is not None:
            raise Refused(event, reason)
        seq = self.sink.append(event)
        apply(self.state, event, seq)
        self.stimuli.observe(self.state, event)
        for listener in list(self._listeners):
            listener(event, seq)
        return event

    def _try_record(self, event_type: str, data: dict[str, Any], at: float) -> Event | None:
        """Stimuli that no longer fit (a call for a conversation already ended) are skipped."""
        try:
            return self._record(event_type, data, at)
        except Refused:
            return None
