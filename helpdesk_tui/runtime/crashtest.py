"""Crash trials: kill -9 a running exam at a seeded random moment, resume it, lose nothing.

A trial forks a process that runs a whole exam (the scenario's simulation
and a scripted candidate on a virtual clock, every event through the signed
log, fsync per event) and reports each event it *acknowledged*: applied to
the state after its record was on disk. After a seeded random number of
acknowledgements the parent sends SIGKILL, wherever the child happens to be
(mid-write, mid-fsync, mid-checkpoint). Sometimes the resumed run is killed
again. Then the session is resumed with `resume_log`, exactly as `helpdesk-exam
resume` does, played to its end, sealed and verified.

A trial passes when every acknowledged event is in the final log at its seq
with its type, the log replays against the scenario (the simulation agrees),
and the sealed log verifies with the centre's public key. The test suite
runs 20 seeds; `benchmarks/bench_resume.py` runs 100.
"""

from __future__ import annotations

import os
import random
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.reader import read_log
from helpdesk_tui.eventlog.records import CheckpointPolicy
from helpdesk_tui.eventlog.verifier import verify_log
from helpdesk_tui.eventlog.writer import EventLogWriter, new_session_id
from helpdesk_tui.runtime.lifecycle import SessionRuntime
from helpdesk_tui.runtime.resume import resume_log
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_header, session_started_data
from helpdesk_tui.simulate.policy import Policy
from helpdesk_tui.simulate.runner import make_policy

POLICY = "naive"
"""The scripted candidate: fast, busy, and it makes the simulation react (moods, follow-ups)."""
SECOND_KILL = 0.35
"""How often the resumed run is killed again before the final resume."""
MAX_SPINS = 10_000


@dataclass
class Trial:
    """What one crash trial saw."""

    seed: int
    log: Path
    kills: int = 0
    acked: list[tuple[int, str]] = field(default_factory=list)
    missing: list[tuple[int, str]] = field(default_factory=list)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.missing


def _manual(start_at: float, speed: float) -> ManualClock:
    return ManualClock(start_at=start_at, speed=speed)


def new_exam(
    scenario: Scenario, log: Path, signer: Signer, checkpoint_every: int = 100
) -> SessionRuntime:
    """A fresh exam log and session on a virtual clock (not started yet)."""
    header = session_header(scenario, new_session_id(), "crash-test", "exam")
    writer = EventLogWriter.create(log, header, signer, CheckpointPolicy(records=checkpoint_every))
    return SessionRuntime(writer, ManualClock(), Simulation(scenario))


def drive(
    runtime: SessionRuntime,
    scenario: Scenario,
    seed: int,
    *,
    player: Policy | None = None,
    until: float | None = None,
) -> None:
    """Play the session to its end with the scripted candidate, then seal it; with `until`,
    stop at that exam time and close the log unsealed, as a crash leaves it
    (benchmarks/bench_resume_long.py, with a `player` of its own)."""
    session, clock = runtime.session, runtime.session.clock
    player = player or make_policy(POLICY, scenario, seed)
    session.subscribe(player.observe)
    end, spins = until or session.state.duration_s, 0
    while session.now() < end and not session.state.ended:
        now = session.now()
        due = session.stimuli.next_due(session.state)
        action = player.next_action(session.state, now)
        target = min(due if due is not None else end, action.at if action else end, end)
        spins = spins + 1 if target <= now else 0
        if spins > MAX_SPINS:
            raise RuntimeError(f"the scripted candidate is stuck at {now:.3f} s")
        clock.advance(max(0.0, target - clock.now()))  # type: ignore[attr-defined]
        if action is None or (due is not None and due <= action.at) or target >= end:
            session.tick()
            continue
        try:
            player.done(action, session.submit(action.type, action.data))
        except Refused as exc:
            player.refused(action, exc.reason)
    if until is not None:
        runtime.close()
        return
    if not session.state.ended:
        session.end("time-up")
    runtime.seal()
    runtime.close()


Starter = Callable[[Callable[[int, str], None]], SessionRuntime]
"""Opens (or reopens) the log and returns the runtime, reporting each ack through the callback."""


def _child(out: int, start: Starter, scenario: Scenario, seed: int) -> None:
    """In the forked process: run until killed; never returns."""
    try:

        def ack(seq: int, event_type: str) -> None:
            os.write(out, f"ack {seq} {event_type}\n".encode())

        runtime = start(ack)
        drive(runtime, scenario, seed)
        os.write(out, b"done\n")
        os._exit(0)
    except BaseException:
        os.write(out, ("error " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
        os._exit(1)


def run_and_kill(
    start: Starter, scenario: Scenario, seed: int, kill_after: int
) -> tuple[list[tuple[int, str]], bool, str | None]:
    """Fork a session, SIGKILL it after `kill_after` acks; (acks, killed, child's error)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        _child(write_fd, start, scenario, seed)
    os.close(write_fd)
    acked: list[tuple[int, str]] = []
    killed, error = False, None
    with os.fdopen(read_fd, "r") as lines:
        for line in lines:
            word, _, rest = line.strip().partition(" ")
            if word == "ack":
                seq, _, event_type = rest.partition(" ")
                acked.append((int(seq), event_type))
                if len(acked) == kill_after and not killed:
                    os.kill(pid, signal.SIGKILL)
                    killed = True
            elif word == "error":
                error = rest
    os.waitpid(pid, 0)
    return acked, killed, error


def run_trial(scenario: Scenario, signer: Signer, folder: Path, seed: int) -> Trial:
    """One trial: start, kill, (resume, kill,) resume, finish, check."""
    rng = random.Random(seed)
    log = Path(folder) / f"crash-{seed}.jsonl"
    trial = Trial(seed, log)
    checkpoint_every = rng.choice((3, 7, 100))

    def start(ack: Callable[[int, str], None]) -> SessionRuntime:
        runtime = new_exam(scenario, log, signer, checkpoint_every)
        runtime.session.subscribe(lambda event, seq: ack(seq, event.type))
        header = runtime.writer.header  # its own session, or verify refuses it (sec21)
        runtime.session.start(
            session_started_data(scenario, "exam", header.candidate_id, header.session_id)
        )
        return runtime

    def resume(ack: Callable[[int, str], None]) -> SessionRuntime:
        runtime = resume_log(log, scenario, signer=signer, clock=_manual).runtime
        runtime.session.subscribe(lambda event, seq: ack(seq, event.type))
        return runtime

    try:
        _kill_rounds(trial, rng, scenario, start, resume)
        _finish(trial, scenario, signer)
    except Exception as exc:  # noqa: BLE001 - a trial reports, the caller asserts
        trial.problem = f"{type(exc).__name__}: {exc}"
    return trial


def _kill_rounds(
    trial: Trial, rng: random.Random, scenario: Scenario, start: Starter, resume: Starter
) -> None:
    rounds = [(start, rng.randint(1, 160))]
    if rng.random() < SECOND_KILL:
        rounds.append((resume, rng.randint(1, 60)))
    for begin, kill_after in rounds:
        acked, killed, error = run_and_kill(begin, scenario, trial.seed, kill_after)
        if error:
            raise RuntimeError(f"the session process failed: {error}")
        trial.acked += acked
        trial.kills += killed


def _finish(trial: Trial, scenario: Scenario, signer: Signer) -> None:
    """Resume (unless the run had finished), play to the end, seal; then compare and verify."""
    contents = read_log(trial.log)
    if contents.seal is None:
        resumed = resume_log(trial.log, scenario, signer=signer, clock=_manual)
        runtime = resumed.runtime
        if resumed.outcome == "ended":
            runtime.seal()
            runtime.close()
        else:
            clock = runtime.session.clock
            clock.advance(max(0.0, runtime.state.duration_s - clock.now()))  # type: ignore[attr-defined]
            runtime.session.tick()
            runtime.seal()
            runtime.close()
    on_disk = {(r["seq"], r["type"]) for r in read_log(trial.log).records}
    trial.missing = [a for a in trial.acked if a not in on_disk]
    result = verify_log(trial.log, signer.public_key, scenario.folder)
    if result.status != "ok":
        raise RuntimeError(f"the resumed log does not verify: {result.status} {result.fault}")
