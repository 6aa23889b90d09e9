"""Exam mode through the pilot: the quit, suspend and palette keys only log the attempt."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.ui.lockdown import LOCKDOWN_KEYS
from helpdesk_tui.ui.screens.help import HelpScreen, help_keys
from helpdesk_tui.ui.widgets.keybar import KeyBar
from tests.runtime.kit import exam_run, logged, make_keys
from tests.ui.conftest import SIZE


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


async def test_the_blocked_keys_are_logged_and_the_exam_goes_on(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*LOCKDOWN_KEYS)
        assert app.is_running and app.screen is app.main
    assert [d["key"] for d in logged(run, "lockdown_key_blocked")] == list(LOCKDOWN_KEYS)
    assert not run.writer.sealed and not run.session.state.ended


async def test_the_keys_are_blocked_in_a_form_and_in_a_text_box_too(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")  # a new-ticket form, its title box focused
        form = app.screen
        await pilot.press("ctrl+c", "ctrl+d", "ctrl+z")
        assert app.screen is form
    assert [d["key"] for d in logged(run, "lockdown_key_blocked")] == ["ctrl+c", "ctrl+d", "ctrl+z"]


async def test_quit_and_the_palette_do_nothing_but_log(tmp_path: Path, key_file: Path) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        assert app.ENABLE_COMMAND_PALETTE is False
        await app.action_quit()
        app.action_command_palette()
        app.action_suspend_process()
        await pilot.pause()
        assert app.is_running and app.screen is app.main
    keys = [d["key"] for d in logged(run, "lockdown_key_blocked")]
    assert keys == ["quit", "command palette", "suspend"]


async def test_the_footer_shows_the_way_out_and_no_practice_controls(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        bar = str(app.main.query_one(KeyBar).render())
        assert bar.startswith(" F10 Hand in   F12 Proctor")  # first: never cut off
        assert "Pause" not in bar and "Quit" not in bar
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
    exam_help = help_keys(locked=True)
    practice_help = help_keys()
    assert "F12" in exam_help and "F10" in exam_help and "F9" not in exam_help
    assert "F12" not in practice_help and "F9" in practice_help
