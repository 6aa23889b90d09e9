"""sec19 left: a hang-up during a disk fault lost the command the disk refused, while the
fault screen said "nothing is lost". The refused command lives only in the running program
(the same disk refuses any side file, and a file outside the signed log replayed on resume
would let anyone who can write it act for the candidate), so the candidate must be told
exactly that: what is not saved yet, that it is done when the disk is back, and that it is
lost if the exam stops first."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.ui.screens.disk_fault import DiskFaultScreen
from tests.runtime.kit import FailingDisk, exam_run, make_keys
from tests.ui.conftest import SIZE
from tests.ui.pilot import press_alone


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def words(screen: DiskFaultScreen) -> str:
    return " ".join(str(s.render()) for s in screen.query("Static"))


async def test_a_refused_action_is_named_as_not_saved_and_lost_if_the_exam_stops(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = FailingDisk(monkeypatch)
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(30)
        disk.fail()
        await press_alone(pilot, "a")  # take the selected ticket: the disk refuses it
        await pilot.pause()
        assert isinstance(app.screen, DiskFaultScreen)
        said = words(app.screen)
        assert "nothing is lost" not in said
        assert "Not saved yet: 1 thing you did last" in said
        assert "If the exam stops before that (the terminal closes), it is lost" in said
        disk.heal()


async def test_a_fault_with_nothing_of_the_candidates_waiting_says_so(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = FailingDisk(monkeypatch)
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        disk.fail()
        app.advance(120)  # the timetable's next record meets the full disk
        await pilot.pause()
        assert isinstance(app.screen, DiskFaultScreen)
        said = words(app.screen)
        assert "Nothing you did is waiting to be saved." in said
        assert "nothing is lost" not in said
        disk.heal()
