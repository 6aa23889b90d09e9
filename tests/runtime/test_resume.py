"""`resume_log`: the session rebuilt from its log, the outage on the record, the policies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog import (
    PublicKey,
    Signer,
    generate_keypair,
    load_private_key,
    read_log,
    verify_log,
)
from helpdesk_tui.eventlog.errors import LogError, LogStateError
from helpdesk_tui.runtime.resume import ResumeError, resume_log
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from tests.runtime.kit import NORTHWIND, started_exam, to

LATER = "2030-01-01T10:00:00.000Z"


def manual(start_at: float, speed: float) -> ManualClock:
    return ManualClock(start_at=start_at, speed=speed)


def crashed_exam(tmp_path: Path, scenario: Scenario, signer: Signer, at: float) -> Path:
    """An exam run to exam time `at`, then left as a kill -9 leaves it (no close)."""
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(scenario, log, signer)
    to(runtime, at)
    runtime.session.tick()
    runtime.writer._close_fd()  # the process died: no checkpoint, no seal
    return log


def test_paused_policy_restarts_the_clock_where_the_log_stops(
    tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    log = crashed_exam(tmp_path, northwind, signer, 200.0)
    last_t = read_log(log).records[-1]["t"]
    resumed = resume_log(log, northwind, signer=signer, clock=manual, wall_clock=lambda: LATER)
    runtime = resumed.runtime
    assert resumed.outcome == "resumed" and resumed.downtime_s > 1_000_000
    event = read_log(log).events[-1]
    assert event.type == "session_resumed" and event.exam_time == last_t
    assert event.data["downtime_s"] == resumed.downtime_s
    assert "paused during the outage" in event.data["reason"]
    assert runtime.session.now() == pytest.approx(last_t)
    assert not runtime.session.clock.paused


def test_elapsed_policy_counts_the_outage_and_fires_what_fell_due(
    tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    log = crashed_exam(tmp_path, northwind, signer, 60.0)
    last = read_log(log).records[-1]
    resumed = resume_log(log, northwind, signer=signer, policy="elapsed", clock=manual)
    runtime = resumed.runtime
    assert runtime.session.now() == pytest.approx(last["t"] + resumed.downtime_s, abs=0.01)
    resumed_event = read_log(log).events[-1]
    assert "counted as exam time" in resumed_event.data["reason"]
    assert resumed_event.exam_time == last["t"]


def test_elapsed_policy_after_the_end_of_the_time_ends_the_exam(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log = crashed_exam(tmp_path, northwind, signer, 60.0)
    resumed = resume_log(
        log, northwind, signer=signer, policy="elapsed", clock=manual, wall_clock=lambda: LATER
    )
    runtime = resumed.runtime
    assert runtime.session.now() == northwind.duration_s
    runtime.session.tick()
    assert runtime.state.end_reason == "time-up"
    assert runtime.seal() and runtime.close() is None
    assert verify_log(log, pubkey).summary.seal_reason == "time-up"


def test_a_log_that_ended_unsealed_is_offered_for_sealing(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    runtime.session.end("handed-in")
    runtime.writer._close_fd()  # killed between session_ended and the seal
    resumed = resume_log(log, northwind, signer=signer, clock=manual)
    assert resumed.outcome == "ended"
    assert resumed.runtime.seal()
    resumed.runtime.close()
    assert verify_log(log, pubkey).summary.seal_reason == "handed-in"


def test_a_crash_before_the_start_starts_the_session_in_the_same_log(
    tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    from helpdesk_tui.runtime.crashtest import new_exam

    log = tmp_path / "exam.jsonl"
    new_exam(northwind, log, signer).writer._close_fd()
    resumed = resume_log(log, northwind, signer=signer, clock=manual)
    assert resumed.outcome == "started" and resumed.runtime.state.started
    assert read_log(log).events[0].type == "session_started"


def test_a_sealed_log_is_refused(tmp_path: Path, northwind: Scenario, signer: Signer) -> None:
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    runtime.session.end("time-up")
    runtime.seal()
    runtime.close()
    with pytest.raises(LogStateError, match="sealed"):
        resume_log(log, northwind, signer=signer)


def test_a_changed_scenario_folder_is_refused(
    tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    log = crashed_exam(tmp_path, northwind, signer, 30.0)
    copy = tmp_path / "copy"
    shutil.copytree(NORTHWIND, copy)
    (copy / "notes.txt").write_text("an author's note: the folder is not the one the exam had\n")
    before = log.read_bytes()
    with pytest.raises(ResumeError, match="has changed"):
        resume_log(log, load_scenario(copy), signer=signer)
    assert log.read_bytes().startswith(before)  # at most a checkpoint was added


def test_another_key_is_refused(tmp_path: Path, northwind: Scenario, signer: Signer) -> None:
    log = crashed_exam(tmp_path, northwind, signer, 30.0)
    generate_keypair(tmp_path / "other")
    other = load_private_key(tmp_path / "other" / "exam-centre.key")
    with pytest.raises(LogError, match="signed with key"):
        resume_log(log, northwind, signer=other)


def test_a_crash_before_the_start_logs_the_language_chosen_on_the_start(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    """bugs15: the language the screens speak is on the record; with nothing but a header
    the choice sees a state not started yet, and goes on the `session_started` record."""
    from helpdesk_tui.runtime.crashtest import new_exam

    log = tmp_path / "exam.jsonl"
    new_exam(northwind, log, signer).writer._close_fd()
    seen: list[bool] = []

    def choose(state: ExamState) -> str:
        seen.append(state.started)
        return "nl"

    resumed = resume_log(log, northwind, signer=signer, clock=manual, ui_language=choose)
    assert seen == [False] and resumed.ui_language == "nl"
    assert resumed.runtime.state.ui_language == "nl"
    resumed.runtime.close()
    started = read_log(log).events[0]
    assert started.type == "session_started" and started.data["ui_language"] == "nl"
    assert verify_log(log, pubkey).status == "unsealed"
