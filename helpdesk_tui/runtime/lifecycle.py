"""One session's log and clock through disk faults, interruptions and the seal.

`SessionRuntime` builds the `ExamSession` on a guarded sink. When the log
refuses a write (`LogWriteError`: disk full, I/O error, file-size limit):

- the event is not applied (the session logs first), and the exam clock
  stops at once, so no SLA clock runs while the candidate cannot work;
- what was being done is kept: a stimulus goes back to the front of the
  schedule, a command or a pause/end/speed change is remembered in order;
- watchers (the UI) are told, and `retry()` (on a timer and on a key) tries
  again. The first retry that gets everything on disk logs a `disk_fault`
  event with `recovered_after_s`, redoes what was kept, and restarts the
  clock (unless the session is paused or over).

Nothing the candidate saw acknowledged is lost (it is on disk), and nothing
that was not acknowledged is silently dropped.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpdesk_tui.core.clock import ExamClock
from helpdesk_tui.core.events import Event, EventKind, utc_now_iso
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.core.reducer import ACTION_WORDS, Refused
from helpdesk_tui.core.session import ExamSession, Stimuli
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog.errors import LogError, LogWriteError
from helpdesk_tui.eventlog.records import SEAL_REASONS
from helpdesk_tui.eventlog.writer import EventLogWriter
from helpdesk_tui.runtime.stimuli import RetryingStimuli

MAX_PENDING = 200
"""Kept actions during one fault; beyond this (a held-down key) the oldest key attempts go."""


@dataclass
class DiskFault:
    """A log that stopped taking writes: what failed, since when, what waits for the disk."""

    path: Path
    message: str
    """The writer's paragraph: the file, the record, the OS error."""
    error: str
    """The OS error alone ("No space left on device"), for the screen and the event."""
    since: float
    """Monotonic time the fault began."""
    exam_time: float
    pending: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    seal_pending: bool = False
    attempts: int = 0
    logged: bool = False
    refused: list[str] = field(default_factory=list)
    """Kept commands the session refused on retry (e.g. the time ran out meanwhile)."""
    redone: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    """Kept calls that were logged on retry, in order (the UI clears a sent chat draft)."""

    def seconds(self, now: float) -> float:
        return max(0.0, now - self.since)


Watcher = Callable[[DiskFault | None], None]


def _os_error(exc: LogWriteError) -> str:
    cause = exc.__cause__
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    return str(cause or exc)


class _GuardedSink:
    """The writer, as the session's sink: a failed write starts a disk fault."""

    def __init__(self, runtime: SessionRuntime) -> None:
        self._runtime = runtime
        self._writer = runtime.writer

    def append(self, event: Event) -> int:
        try:
            return self._writer.append(event)
        except LogWriteError as exc:
            self._runtime._write_failed(exc, event)
            raise

    def checkpoint(self, exam_time: float, wall_time: str) -> None:
        try:
            self._writer.checkpoint(exam_time, wall_time)
        except LogWriteError as exc:
            self._runtime._write_failed(exc, None)
            raise

    def checkpoint_due(self, exam_time: float) -> bool:
        return self._runtime.fault is None and self._writer.checkpoint_due(exam_time)

    def sync_pending(self, older_than: float = 0.0, *, background: bool = False) -> bool:
        """fsync records written with their fsync left for later (`writer.SYNC_LATER`)."""
        if self._runtime.fault is not None:
            return False  # the retry's first record fsyncs them
        try:
            return self._writer.sync_pending(older_than, background=background)
        except LogWriteError as exc:
            self._runtime._write_failed(exc, None)
            raise

    @property
    def sealed(self) -> bool:
        return self._writer.sealed


class _GuardedSession(ExamSession):
    """An `ExamSession` that remembers a command or a change the disk refused, to redo it."""

    runtime: SessionRuntime

    def submit(self, event_type: str, data: dict[str, Any]) -> Event:
        return self._kept("submit", event_type, data)

    def submit_by_end(self, event_type: str, data: dict[str, Any]) -> Event:
        return self._kept("submit_by_end", event_type, data)

    def pause(self, reason: str) -> Event:
        return self._kept("pause", reason)

    def resume(
        self,
        downtime_s: float | None = None,
        reason: str = "resumed after interruption",
        ui_language: str | None = None,
    ) -> Event:
        return self._kept("resume", downtime_s, reason, ui_language)

    def set_speed(self, speed: float) -> Event:
        return self._kept("set_speed", speed)

    def end(self, reason: str) -> Event:
        return self._kept("end", reason)

    def _kept(self, name: str, *args: Any) -> Event:
        method = getattr(ExamSession, name)
        try:
            return method(self, *args)
        except LogWriteError:
            self.runtime._keep(name, args)
            raise


class SessionRuntime:
    """The session, its log writer and its disk-fault state, from start to seal."""

    def __init__(
        self,
        writer: EventLogWriter,
        clock: ExamClock,
        stimuli: Stimuli,
        *,
        wall_clock: Callable[[], str] = utc_now_iso,
        state: ExamState | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.writer = writer
        self.stimuli = RetryingStimuli(stimuli)
        session = _GuardedSession(clock, _GuardedSink(self), self.stimuli, wall_clock, state)
        session.runtime = self
        self.session: ExamSession = session
        self.fault: DiskFault | None = None
        self._monotonic = monotonic
        self._watchers: list[Watcher] = []
        self._retrying = False

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> ExamState:
        return self.session.state

    @property
    def sealed(self) -> bool:
        return self.writer.sealed

    @property
    def log_path(self) -> Path:
        return self.writer.path

    def watch(self, watcher: Watcher) -> None:
        """Be told when a disk fault begins or changes (the fault) and ends (None)."""
        self._watchers.append(watcher)

    def _notify(self) -> None:
        for watcher in list(self._watchers):
            watcher(self.fault)

    # ------------------------------------------------------------------ faults

    def _write_failed(self, exc: LogWriteError, event: Event | None) -> None:
        """Called by the sink: stop the clock, keep a popped stimulus, tell the watchers."""
        self._fault_for(exc)
        if event is not None and event.kind is EventKind.STIMULUS and self.state.started:
            self.stimuli.hold(event)
        if not self._retrying:
            self._notify()

    def _fault_for(self, exc: LogWriteError) -> DiskFault:
        if self.fault is None:
            self.session.clock.pause()
            self.fault = DiskFault(
                path=self.writer.path,
                message=str(exc),
                error=_os_error(exc),
                since=self._monotonic(),
                exam_time=self.session.now(),
            )
        else:
            self.fault.message, self.fault.error = str(exc), _os_error(exc)
        return self.fault

    def _keep(self, name: str, args: tuple[Any, ...]) -> None:
        """A session call the disk refused: redo it, in order, once the disk is back."""
        if self._retrying or self.fault is None:
            return
        pending = self.fault.pending
        pending.append((name, args))
        if len(pending) > MAX_PENDING:
            blocked = next(
                (i for i, (n, a) in enumerate(pending) if a[:1] == ("lockdown_key_blocked",)), 0
            )
            del pending[blocked]

    def retry(self) -> bool:
        """Try the disk again; True when everything kept is on disk and the clock runs again."""
        fault = self.fault
        if fault is None:
            return True
        fault.attempts += 1
        self._retrying = True
        try:
            self._catch_up(fault)
        except LogWriteError:
            self._notify()
            return False
        finally:
            self._retrying = False
        self.fault = None
        self._set_clock()
        self._notify()
        return True

    def _catch_up(self, fault: DiskFault) -> None:
        """Held stimuli, then the disk_fault record, then every kept call, then the seal."""
        self.session.fire_due()
        if not fault.logged:
            self._log_fault(fault)
        while fault.pending:
            name, args = fault.pending[0]
            try:
                getattr(self.session, name)(*args)
                fault.redone.append((name, args))
            except Refused as exc:
                if not (name == "end" and self.state.ended):  # the time ran out: ended anyway
                    action = ACTION_WORDS.get(exc.event.type, exc.event.type)
                    fault.refused.append(
                        Phrase("{action}: {reason}", action=action, reason=exc.reason)
                    )
            fault.pending.pop(0)
        if fault.seal_pending:
            self._seal_now()
            fault.seal_pending = False

    def _log_fault(self, fault: DiskFault) -> None:
        """The outage on the record: once, while the session still takes events (a fault
        that began after the end of the time ends the session instead, at its duration)."""
        recovered = round(fault.seconds(self._monotonic()), 3)
        data = {"message": fault.error, "recovered_after_s": recovered}
        with contextlib.suppress(Refused):
            ExamSession.submit(self.session, "disk_fault", data)
        fault.logged = True

    def _set_clock(self) -> None:
        """The exam clock runs exactly when the session is started, not paused and not over."""
        state, clock = self.state, self.session.clock
        if state.started and not state.paused and not state.ended:
            clock.resume()
        else:
            clock.pause()

    # ------------------------------------------------------------------ the end

    def seal(self) -> bool:
        """Seal an ended session's log; False while the disk refuses (retry seals it)."""
        if self.writer.sealed:
            return True
        if self.fault is not None:
            self.fault.seal_pending = True
            return False
        try:
            self._seal_now()
        except LogWriteError as exc:
            self._fault_for(exc).seal_pending = True
            self._notify()
            return False
        return True

    def _seal_now(self) -> None:
        state = self.state
        reason = state.end_reason or "completed"
        if reason not in SEAL_REASONS:
            raise ValueError(f"a session that ended '{reason}' is not sealed")
        self.writer.seal(reason, state.now, self.session.wall_clock())

    def interrupt(self, reason: str) -> bool:
        """Leave the session resumable: log why it stopped (a pause), if the disk lets us.

        Never raises: it runs on the way out (a hang-up, SIGTERM, a dead terminal).
        True when the interruption is on the record.
        """
        state = self.state
        if not state.started or state.ended or state.paused or self.fault is not None:
            return False
        try:
            ExamSession.pause(self.session, f"interrupted: {reason}")
        except (LogError, Refused, ValueError):
            return False
        return True

    def close(self) -> str | None:
        """Close the log (signing an unsigned tail unless sealed); a problem as text, else None."""
        try:
            self.writer.close()
        except LogError as exc:
            return str(exc)
        return None
