"""Run a whole scenario headless: a scripted candidate on a virtual clock, in seconds.

The runner drives the same `ExamSession` the UI drives, on a `ManualClock`:
it jumps the clock to whichever comes first, the next stimulus or the
policy's next action, fires what fell due, submits the action, and repeats
until the scenario's time is up. With an output path the events go through
`EventLogWriter`, so the log is signed, sealed and verifiable like any other
(practice mode, a per-session key unless an exam-centre key is given).
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.core.session import EventSink, ExamSession, MemorySink
from helpdesk_tui.core.sla import ticket_sla
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.writer import EventLogWriter
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import (
    session_header,
    session_started_data,
)
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.policy import Policy

END_REASON = "time-up"
"""The session always runs its scenario's whole duration, as an exam does."""
MAX_STEPS_AT_ONE_TIME = 10_000
"""A policy that proposes this many actions without time moving is stuck."""


@dataclass(frozen=True, slots=True)
class TicketOutcome:
    """How one ticket stood when the exam ended."""

    ticket_id: str
    incident_id: str | None
    priority: str | None
    status: str
    breaches: tuple[str, ...]


@dataclass(slots=True)
class RunResult:
    """What a headless run produced, for the summary and for tests."""

    scenario_id: str
    policy: str
    seed: int
    state: ExamState
    events: list[Event]
    seconds: float
    log_path: Path | None
    refused: int
    notes: list[str] = field(default_factory=list)

    @property
    def tickets(self) -> list[TicketOutcome]:
        profile = self.state.sla_profile
        assert profile is not None
        found = []
        for ticket in self.state.tickets.values():
            late = ticket_sla(ticket, profile, self.state.now).breaches
            breaches = sorted({str(t) for t in (*ticket.sla_breached, *late)})
            found.append(
                TicketOutcome(
                    ticket.id,
                    ticket.incident_id,
                    ticket.priority,
                    ticket.status.value,
                    tuple(breaches),
                )
            )
        return found

    @property
    def breached_tickets(self) -> list[TicketOutcome]:
        return [t for t in self.tickets if t.breaches]

    @property
    def flags(self) -> Counter[str]:
        return Counter(f["competency"] for f in self.state.flags)


class _VirtualWall:
    """Wall time that moves with the virtual exam clock, from the real time the run began."""

    def __init__(self, clock: ManualClock, start: datetime | None = None) -> None:
        self.clock = clock
        self.start = start or datetime.now(UTC)

    def __call__(self) -> str:
        moment = self.start + timedelta(seconds=self.clock.now())
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def session_id_for(scenario: Scenario, policy: str, seed: int) -> str:
    """Unique per run, but readable: which scenario, policy and seed made it."""
    return f"sim-{policy}-{seed}-{uuid.uuid4().hex[:12]}"


def make_policy(name: str, scenario: Scenario, seed: int = 0) -> Policy:
    try:
        return POLICIES[name](scenario, seed)
    except KeyError:
        raise ValueError(f"unknown policy '{name}'; choose one of {', '.join(POLICIES)}") from None


def run_headless(
    scenario: Scenario,
    policy: str | Policy,
    *,
    out: Path | None = None,
    signer: Signer | None = None,
    seed: int = 0,
    candidate_id: str | None = None,
    wall_start: datetime | None = None,
) -> RunResult:
    """Run the scenario under the policy on a virtual clock; sign and seal a log at `out`."""
    began = time.perf_counter()
    player = make_policy(policy, scenario, seed) if isinstance(policy, str) else policy
    clock = ManualClock()
    wall = _VirtualWall(clock, wall_start)
    session_id = session_id_for(scenario, player.name, seed)
    candidate = candidate_id or f"simulated-{player.name}"
    writer = _open_log(out, scenario, session_id, candidate, signer, wall) if out else None
    sink: EventSink = writer if writer is not None else MemorySink()
    events: list[Event] = []
    session = ExamSession(clock, sink, Simulation(scenario), wall_clock=wall)
    session.subscribe(lambda event, seq: events.append(event))
    session.subscribe(player.observe)
    try:
        session.start(session_started_data(scenario, "practice", candidate, session_id))
        refused = _drive(session, clock, player)
        session.end(END_REASON)
        if writer is not None:
            writer.seal(END_REASON, session.state.now, wall())
    finally:
        if writer is not None:
            writer.close()
        close = getattr(getattr(player, "kb", None), "close", None)
        if close is not None:
            close()
    return RunResult(
        scenario.id,
        player.name,
        seed,
        session.state,
        events,
        time.perf_counter() - began,
        out,
        refused,
        list(player.notes),
    )


def _open_log(
    out: Path,
    scenario: Scenario,
    session_id: str,
    candidate: str,
    signer: Signer | None,
    wall: Callable[[], str],
) -> EventLogWriter:
    header = session_header(scenario, session_id, candidate, "practice", created=wall())
    return EventLogWriter.create(out, header, signer or Signer.ephemeral())


def _drive(session: ExamSession, clock: ManualClock, player: Policy) -> int:
    """Alternate stimuli and the policy's actions until the scenario's time is up."""
    state = session.state
    end = state.duration_s
    refused = 0
    spins = 0
    while session.now() < end:
        now = session.now()
        due = session.stimuli.next_due(state)
        action = player.next_action(state, now)
        t_stim = due if due is not None else end
        t_act = action.at if action is not None else end
        target = min(t_stim, t_act, end)
        spins = spins + 1 if target <= now else 0
        if spins > MAX_STEPS_AT_ONE_TIME:
            raise RuntimeError(f"policy {player.name} is stuck at exam time {now:.3f} s")
        _advance(clock, target)
        if target >= end:
            break
        if due is not None and t_stim <= t_act:
            session.fire_due()
            continue
        assert action is not None
        try:
            event = session.submit(action.type, action.data)
        except Refused as exc:
            refused += 1
            player.refused(action, exc.reason)
            continue
        player.done(action, event)
        session.fire_due()
    return refused


def _advance(clock: ManualClock, target: float) -> None:
    """Set the virtual clock to exactly `target` (never backwards), so times stay round."""
    if target > clock.source.value:
        clock.source.value = target
