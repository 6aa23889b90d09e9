"""A customer's message and its notice are fsynced off the event loop (`writer.SYNC_SOON`):
a power cut before that fsync loses nothing the candidate did, and a resumed exam says
the lost messages again, the same text at the same exam time.

The power cut is made by hand: the writer's thread never fsyncs (it is the moment
before it ran), every fsync made on the loop is noted with the file's length then
(what the disk holds for certain), and the file is cut back to that length or to
any record boundary (or the middle of a record) after it, as a machine that went
down with those pages unwritten leaves it. Then the log is verified and resumed as
`helpdesk-exam resume` does.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.eventlog import PublicKey, Signer, read_log, verify_log
from helpdesk_tui.eventlog import writer as writer_module
from helpdesk_tui.runtime.lifecycle import SessionRuntime
from helpdesk_tui.runtime.resume import resume_log
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import make_policy
from helpdesk_tui.ui.controller import ExamController
from tests.runtime.kit import started_exam

STOP_AT = 209.0
"""Exam time the machine goes down at: since the naive candidate's last command (180.4 s),
two customers have typed and sent three messages, each shown in a notice (8 records)."""

CANDIDATE_MADE = ("focus_moved",)
"""Deferred record types the candidate makes (`SYNC_LATER`); everything else the
candidate submits is fsynced before it is acknowledged."""


def manual(start_at: float, speed: float) -> ManualClock:
    return ManualClock(start_at=start_at, speed=speed)


def play(runtime: SessionRuntime, scenario: Scenario, until: float) -> list[int]:
    """The scripted candidate until `until`, each arrival's notice logged as the exam
    screen logs it (`ExamController.log_notice`); the seqs of the candidate's commands."""
    session, clock = runtime.session, runtime.session.clock
    assert isinstance(clock, ManualClock)
    controller = ExamController(session, scenario)
    player = make_policy("naive", scenario, 3)
    session.subscribe(player.observe)
    commands: list[int] = []

    def show_notices() -> None:
        for arrival in controller.take_changes().arrivals:
            controller.log_notice(arrival)

    while session.now() < until:
        now = session.now()
        due = session.stimuli.next_due(session.state)
        action = player.next_action(session.state, now)
        target = min(due if due is not None else until, action.at if action else until, until)
        clock.advance(max(0.0, target - clock.now()))
        if action is None or (due is not None and due <= action.at) or target >= until:
            session.tick()
            show_notices()
            if target >= until:
                break
            continue
        try:
            player.done(action, session.submit(action.type, action.data))
            commands.append(session.state.last_seq)
        except Refused as exc:
            player.refused(action, exc.reason)
        show_notices()
    return commands


def line_ends(log: Path) -> list[int]:
    data = log.read_bytes()
    ends, at = [], 0
    for line in data.splitlines(keepends=True):
        at += len(line)
        ends.append(at)
    return ends


@pytest.fixture(scope="module")
def played_to_the_cut(
    tmp_path_factory: pytest.TempPathFactory, northwind: Scenario, signer: Signer
) -> tuple[Path, int, list[int]]:
    """An exam played to `STOP_AT` with the writer's thread never fsyncing; the folder it
    left, the length the loop's last fsync made durable, and the candidate's command seqs.

    Played once per module (0.2-0.5 s): it depends only on the module's constants and the
    session's scenario and key, and every test cuts its own copy (`power_cut`)."""
    durable = [0]
    real_sync = writer_module._sync

    def noted(fd: int) -> None:
        real_sync(fd)
        durable[0] = max(durable[0], os.fstat(fd).st_size)

    folder = tmp_path_factory.mktemp("power-cut")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer_module, "_sync", noted)
        patch.setattr(writer_module.EventLogWriter, "sync_soon", lambda self: None)
        runtime = started_exam(northwind, folder / "exam.jsonl", signer)
        commands = play(runtime, northwind, STOP_AT)
        runtime.writer._close_fd()  # the machine went down: no checkpoint, no seal, no fsync
    return folder, durable[0], commands


@pytest.fixture
def power_cut(
    tmp_path: Path, played_to_the_cut: tuple[Path, int, list[int]]
) -> tuple[Path, int, list[int]]:
    """This test's own copy of the played exam's folder: the log, its durable length, the
    candidate's command seqs."""
    folder, durable, commands = played_to_the_cut
    shutil.copytree(folder, tmp_path / "exam", symlinks=True)
    return tmp_path / "exam" / "exam.jsonl", durable, list(commands)


def test_only_customer_records_wait_for_the_thread_and_a_cut_keeps_every_command(
    power_cut: tuple[Path, int, list[int]],
) -> None:
    log, durable, commands = power_cut
    records = read_log(log).records
    ends = line_ends(log)
    at_risk = [r for r, end in zip(records, ends, strict=True) if end > durable]
    types = {r["type"] for r in at_risk}
    assert {"customer_message", "customer_typing", "notice_shown"} <= types  # it means something
    assert len(at_risk) >= 8
    assert types <= writer_module.SYNC_SOON | set(CANDIDATE_MADE)
    kept = {r["seq"] for r, end in zip(records, ends, strict=True) if end <= durable}
    assert commands and set(commands) <= kept  # every command is on the disk for certain


def cuts(log: Path, durable: int) -> list[int]:
    ends = [end for end in line_ends(log) if end >= durable]
    torn = (ends[0] + ends[1]) // 2  # the middle of the first record at risk
    return [*ends[:-1], torn]


@pytest.mark.parametrize("cut_index", range(9))
def test_a_power_cut_before_the_threads_fsync_resumes_and_says_the_messages_again(
    power_cut: tuple[Path, int, list[int]],
    cut_index: int,
    northwind: Scenario,
    signer: Signer,
    pubkey: PublicKey,
) -> None:
    log, durable, commands = power_cut
    full = read_log(log).records
    points = cuts(log, durable)
    if cut_index >= len(points):
        pytest.skip(f"only {len(points)} cut points in this run")
    cut = points[cut_index]
    with open(log, "r+b") as f:
        f.truncate(cut)
    kept = {r["seq"] for r in read_log(log).records}
    assert set(commands) <= kept
    stimuli = ("customer_message", "customer_typing")
    lost = [r for r in full if r["seq"] not in kept and r["type"] in stimuli]

    resumed = resume_log(log, northwind, signer=signer, clock=manual)
    runtime = resumed.runtime
    assert resumed.outcome == "resumed"
    controller = ExamController(runtime.session, northwind)
    clock = runtime.session.clock
    assert isinstance(clock, ManualClock)
    clock.advance(max(0.0, STOP_AT - clock.now()))
    runtime.session.tick()
    for arrival in controller.take_changes().arrivals:
        controller.log_notice(arrival)
    runtime.seal()
    runtime.close()

    after = read_log(log).records
    again = [
        r for r in after if r["type"] in stimuli and r["seq"] > max(kept) and r["t"] <= STOP_AT
    ]

    def said(records: list[dict[str, Any]]) -> list[tuple[str, float, Any]]:
        return [(r["type"], r["t"], r["data"]) for r in records]

    if cut == durable:
        assert len(lost) == 5  # three messages and two typings since the last command
    assert said(again) == said(lost)  # the same words at the same exam times, nothing more
    notices = {r["data"]["ref_seq"] for r in after if r["type"] == "notice_shown"}
    messages = {r["seq"] for r in again if r["type"] == "customer_message"}
    assert messages <= notices  # each shown (and logged as shown) again
    result = verify_log(log, pubkey)
    assert (result.status, result.fault) == ("ok", None)
