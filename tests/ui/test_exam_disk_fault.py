"""A disk that refuses the log, through the pilot: the exam stops, tells the proctor, goes on.

The writer's `os.write` fails with ENOSPC (`FailingDisk`); the candidate's action is
not acknowledged, the exam clock stops, a blocking screen names the error and the
log, and when the disk takes writes again the kept action is written, a
`disk_fault` event records the outage and the exam continues.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.commands import practice
from helpdesk_tui.eventlog import load_public_key, verify_log
from helpdesk_tui.ui.screens.disk_fault import DiskFaultScreen
from helpdesk_tui.ui.screens.proctor import ExamEndedScreen
from helpdesk_tui.ui.typing_guard import WAIT_S
from tests.runtime.kit import FailingDisk, exam_run, logged, make_keys
from tests.ui.conftest import SIZE
from tests.ui.pilot import press_alone
from tests.ui.test_practice_controls import practice_run


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


async def test_an_action_on_a_full_disk_waits_for_the_disk_and_is_then_logged(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = FailingDisk(monkeypatch)
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(30)
        ticket = app.main.ticket_id
        disk.fail()
        await press_alone(pilot, "a")  # take the selected ticket (it acts WAIT_S later)
        await pilot.pause()
        assert isinstance(app.screen, DiskFaultScreen)
        detail = str(app.screen.query_one("#disk-fault-detail").render())
        assert "No space left on device" in detail and str(run.log_path) in detail
        said = " ".join(str(part.render()) for part in app.screen.query("Static"))
        assert "nothing is lost" not in said  # bugs21: the refused action lives only in memory
        assert "Not saved yet: 1 thing you did last" in said
        assert "If the exam stops before that (the terminal closes), it is lost" in said
        app.advance(600)
        assert run.session.now() == pytest.approx(30 + WAIT_S)  # the exam clock stopped
        await pilot.press("enter")  # retry: still full
        assert isinstance(app.screen, DiskFaultScreen)
        assert run.session.state.tickets[ticket].status == "new"
        disk.heal()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main
        assert run.session.state.tickets[ticket].status == "open"
        app.advance(5)
        assert run.session.now() == pytest.approx(35 + WAIT_S)  # and runs again
    (fault,) = logged(run, "disk_fault")
    assert fault["message"] == "No space left on device" and fault["recovered_after_s"] >= 0
    assert logged(run, "ticket_opened") == [{"ticket_id": ticket}]


async def test_a_chat_message_the_disk_refused_is_sent_once_it_is_back(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = FailingDisk(monkeypatch)
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(100)  # the first chat has opened
        await pilot.press("f4")
        box = app.main.conversations.input
        assert box.has_focus and not box.disabled
        box.value = "Good morning, how can I help?"
        disk.fail()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiskFaultScreen)
        assert app.main.conversations.input.value  # not sent: the draft is still there
        disk.heal()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main
        assert app.main.conversations.input.value == ""
    sent = logged(run, "message_sent")
    assert [m["text"] for m in sent] == ["Good morning, how can I help?"]


async def test_the_end_of_the_time_on_a_full_disk_is_sealed_when_the_disk_is_back(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = FailingDisk(monkeypatch)
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        disk.fail()
        app.advance(run.session.state.duration_s + 1)
        await pilot.pause()
        assert isinstance(app.screen, DiskFaultScreen) and not run.session.state.ended
        disk.heal()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ExamEndedScreen)
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    assert verify_log(run.log_path, pubkey).summary.seal_reason == "time-up"


async def test_quitting_practice_on_a_full_disk_seals_once_the_disk_is_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+Q seals inside the app, so a refused seal is shown and retried, not lost."""
    disk = FailingDisk(monkeypatch)
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(30)
        await pilot.press("ctrl+q")
        disk.fail()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, DiskFaultScreen)
        assert not run.writer.sealed and app.is_running
        disk.heal()
        await pilot.press("enter")
        await pilot.pause()
        assert run.writer.sealed
    assert app.return_value == "completed"
    practice.finish(run)  # what the command does next: nothing left to seal
    result = verify_log(run.log_path, None)
    assert result.status == "ok" and result.summary.seal_reason == "completed"
