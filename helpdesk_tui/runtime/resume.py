"""Continue a session from its log: after a crash, a kill -9, a hang-up or a power cut.

The log is the truth: `EventLogWriter.reopen` verifies it and moves a torn
last line aside, `simulation.restore` replays it through a fresh simulation
(which also proves the log and the scenario agree), and the session carries
on from the last exam time on the record with a `session_resumed` event that
records the outage (`downtime_s`, wall seconds since the last record).

What happened to the exam clock during the outage is a policy:

- `paused` (the default): the outage did not count. The clock restarts at
  the exam time of the last record, so no SLA clock ran and no customer
  waited while the candidate could not work. A stimulus that would have
  fallen due during the outage comes when the restarted clock reaches it.
  The candidate gets back at most the idle time since the last record (a
  checkpoint or an event; nothing is on disk about the seconds after it).
- `elapsed`: the outage counted as exam time (a candidate who walked out).
  The clock restarts at the last exam time plus the outage, so what fell due
  meanwhile fires at once, each at the exam time it was due, SLA clocks
  count the gap, and a session whose time ran out meanwhile ends `time-up`.
  The outage is measured on the wall clock, which may be wrong after a power
  cut: use it only where the exam rules say lost time is the candidate's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpdesk_tui.core.clock import ExamClock
from helpdesk_tui.core.events import UI_LANGUAGE_SINCE_SCHEMA, utc_now_iso
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.customers.simulation import RestoreError, replay_one, restore
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.reader import LoggedEvent, read_header
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.recovery import RecoveredLog, TailCheck
from helpdesk_tui.eventlog.writer import EventLogWriter
from helpdesk_tui.runtime.lifecycle import SessionRuntime
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data

OUTAGE_POLICIES = ("paused", "elapsed")
"""What the exam clock did while the session was down (see the module docstring)."""

ClockFactory = Callable[[float, float], ExamClock]
"""(start_at, speed) -> a clock; tests pass a manual one."""

LanguageChoice = Callable[[ExamState], str]
"""The rebuilt state -> the language the screens speak from now on (`state.ui_language`,
what the log says, unless the caller was told otherwise): logged on the resume."""


class ResumeError(LogError):
    """The log cannot be continued with this scenario; the message says why and what to do."""


@dataclass
class Resumed:
    """A session rebuilt from its log, ready to run (or to seal, if it had already ended)."""

    runtime: SessionRuntime
    header: SessionHeader
    recovered: RecoveredLog
    outcome: str
    """`resumed`, `started` (the crash came before the session started) or `ended`
    (it ended but was not sealed: the caller seals it)."""
    downtime_s: float
    ui_language: str | None = None
    """The language chosen for the screens (None: no `ui_language` was given)."""


def check_scenario(header: SessionHeader, scenario: Scenario, path: Path) -> None:
    """The scenario folder is the one the session started with (the header binds its hash)."""
    if scenario.id != header.scenario_id:
        raise ResumeError(
            f"{path} is a session of scenario '{header.scenario_id}', but the scenario given is "
            f"'{scenario.id}' ({scenario.folder}); give that scenario's folder with --scenario DIR."
        )
    actual = folder_sha256(scenario.folder)
    if actual != header.scenario_sha256:
        raise ResumeError(
            f"the scenario folder {scenario.folder} has changed since {path} was started "
            f"(its hash is {actual[:12]}…, the log's header says "
            f"{header.scenario_sha256[:12]}…); resume with the scenario exactly as it was, "
            "or the candidate would face other material than the log says."
        )


def resume_log(
    path: Path,
    scenario: Scenario,
    *,
    signer: Signer | None = None,
    policy: str = "paused",
    clock: ClockFactory | None = None,
    wall_clock: Callable[[], str] = utc_now_iso,
    ui_language: LanguageChoice | None = None,
) -> Resumed:
    """Reopen the log, rebuild the session from it and log the resume (or the start).

    `ui_language` chooses the screens' language from the rebuilt state; the choice is
    on the `session_resumed` (or `session_started`) record of a log of event schema 3."""
    if policy not in OUTAGE_POLICIES:
        raise ValueError(f"unknown outage policy {policy!r}; one of {', '.join(OUTAGE_POLICIES)}")
    path = Path(path)
    header = read_header(path)
    if header is not None:  # the tail is replayed against it: it must be the session's own
        check_scenario(header, scenario, path)
    writer, recovered = EventLogWriter.reopen(path, signer, replay_tail(scenario))
    try:
        check_scenario(recovered.header, scenario, path)
        return _rebuild(
            writer, recovered, scenario, policy, clock or _real_clock, wall_clock, ui_language
        )
    except BaseException:
        with contextlib.suppress(LogError):
            writer.close(sign=False)  # never sign what did not replay
        raise


def replay_tail(scenario: Scenario) -> TailCheck:
    """The check `recover` runs before anything is signed: does the unsigned tail replay?

    The signed part is replayed first (if it fails, `_rebuild` refuses the whole
    resume); then each tail record in turn through the scenario's simulation and
    the reducer. The first that fails is named, and it and all after it are kept
    aside unsigned."""

    def check(signed: list[LoggedEvent], tail: list[LoggedEvent]) -> tuple[int, str] | None:
        try:
            simulation, state = restore(scenario, [(e.seq, e.event) for e in signed])
        except (RestoreError, Refused, ValueError, KeyError, TypeError):
            return None
        for index, entry in enumerate(tail):
            try:
                replay_one(simulation, state, entry.seq, entry.event)
            except (RestoreError, Refused, ValueError, KeyError, TypeError) as exc:
                return index, f"it does not replay: {exc}"
        return None

    return check


def _real_clock(start_at: float, speed: float) -> ExamClock:
    return ExamClock(start_at=start_at, speed=speed)


def _rebuild(
    writer: EventLogWriter,
    recovered: RecoveredLog,
    scenario: Scenario,
    policy: str,
    make_clock: ClockFactory,
    wall_clock: Callable[[], str],
    ui_language: LanguageChoice | None = None,
) -> Resumed:
    try:
        simulation, state = restore(scenario, [(e.seq, e.event) for e in recovered.entries])
    except (RestoreError, Refused, ValueError, KeyError, TypeError) as exc:
        raise ResumeError(
            f"{writer.path} does not replay against scenario {scenario.folder}: {exc}. "
            "The log and the scenario disagree; have the assessors look at the log."
        ) from None
    wall_now = wall_clock()
    downtime = recovered.downtime_s(wall_now)
    start_at = recovered.last_exam_time
    if policy == "elapsed" and state.started:
        start_at += downtime
        if state.duration_s:
            start_at = min(start_at, state.duration_s)
    clock = make_clock(start_at, state.speed or 1.0)
    clock.pause()
    runtime = SessionRuntime(writer, clock, simulation, wall_clock=wall_clock, state=state)
    header = recovered.header
    language = ui_language(state) if ui_language is not None else None
    if not state.started:
        clock.resume()
        logged = language if header.event_schema >= UI_LANGUAGE_SINCE_SCHEMA else None
        data = session_started_data(
            scenario, header.mode, header.candidate_id, header.session_id, logged
        )
        data["schema_version"] = header.event_schema  # the header's, which the log is read in
        runtime.session.start(data)
        outcome = "started"
    elif state.ended:
        outcome = "ended"
    else:
        event = recovered.resume_event(wall_now, reason=_reason(policy))
        runtime.session.resume(event.data["downtime_s"], event.data["reason"], language)
        outcome = "resumed"
    return Resumed(runtime, header, recovered, outcome, downtime, language)


def _reason(policy: str) -> str:
    if policy == "elapsed":
        return "resumed after interruption; the outage counted as exam time (policy elapsed)"
    return "resumed after interruption; the exam clock was paused during the outage"
