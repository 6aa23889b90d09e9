"""Faults found by playing a sitting of six candidates on one server (branch qa-sitting10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.sitting.register import Sitting
from helpdesk_tui.ui.screens.proctor import ExamEndedScreen
from tests.runtime.kit import exam_run, make_keys
from tests.ui.conftest import SIZE


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def state_of(sitting: Path, candidate: str) -> str:
    return next(r["state"] for r in Sitting(sitting).rows() if r["candidate"] == candidate)


async def test_the_register_says_handed_in_while_the_final_screen_waits_for_the_proctor(
    tmp_path: Path, key_file: Path
) -> None:
    """The exam noted its row when the program ended, and after a hand-in or the end of the
    time the program waits on the final screen until the proctor closes it: `sitting status`
    said "running" for a sealed log, for as long as the proctor took to come."""
    sitting = Sitting.create(tmp_path / "am", "en-northwind-monday", server="exam-1")
    sitting.add(["c0042"])
    run = exam_run(sitting.folder / "c0042", key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(60)
        await pilot.press("f10", "y", "h")
        await pilot.pause()
        assert isinstance(app.screen, ExamEndedScreen) and app.is_running
        note = getattr(app, "register_note", None)  # a thread: another exam may hold the lock
        if note is not None:
            note.join(timeout=30)
        assert state_of(sitting.folder, "c0042") == "handed-in"
