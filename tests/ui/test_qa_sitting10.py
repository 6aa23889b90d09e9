"""Faults found by playing a sitting of six candidates on one server (branch qa-sitting10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from helpdesk_tui.sitting.register import Sitting
from helpdesk_tui.ui.screens.proctor import ExamEndedScreen
from helpdesk_tui.ui.widgets.bounded import BoundedInput
from tests.runtime.kit import exam_run, make_keys
from tests.ui.conftest import SIZE, Rig
from tests.ui.pilot import at


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


async def test_lines_pasted_from_a_terminal_stay_apart_in_the_chat_box(rig: Rig) -> None:
    """Terminals (xterm, tmux's paste-buffer) send a pasted line break as CR. The text box
    kept newlines only and dropped the CR as a control character, so "regel een" and "twee"
    pasted on two lines were sent to the customer as "regel eentwee"."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        box = app.main.conversations.input
        box.focus()
        app.post_message(events.Paste("regel een\rtwee\r\ndrie\nvier"))  # as the driver does
        await pilot.pause()
        assert box.text == "regel een\ntwee\ndrie\nvier"
        line = BoundedInput(limit=200)  # a one-line field: the lines become words
        line.replace("regel een\rtwee", 0, 0)
        assert line.value == "regel een twee"
