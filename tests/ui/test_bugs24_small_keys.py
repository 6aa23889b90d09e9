"""Keys under the too-small notice (sec21, by hand: `q` typed at 1 x 1 went into the KB
search underneath, logged `kb_searched "…q"`). Under the notice no key acts on the screen
the candidate cannot see: nothing is typed, nothing moves, nothing is logged; only the
keys the notice names act (F12 in an exam), and the exam's blocked keys still log their
attempt. The expected notice lines are written here from the catalogue's msgids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.proctor import ProctorCodeScreen
from tests.runtime.kit import exam_run, logged, make_keys

from .conftest import make_rig


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


async def test_keys_under_the_notice_do_nothing_and_log_nothing(mini: Any) -> None:
    rig = make_rig(mini)
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")  # the KB search box, as in sec21's walk
        await pilot.pause()
        box = app.main.query_one("#kb").query(Input).first()
        assert box.has_focus
        before = len(rig.logged())
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        assert app.main.query_one("#too-small").display
        await pilot.press("q", "x", "enter", "f2", "f4", "ctrl+n", "escape", "tab")
        await pilot.pause()
        assert box.value == ""
        since = rig.logged()[before:]  # no search, no focus move, no form: only the size
        assert [e.data for e in since] == [{"key": "terminal too small: 1 x 1"}]
        assert app.screen is app.main and app.focused is box
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("q")  # large enough again: the key types
        await pilot.pause()
        assert box.value == "q"


async def test_the_notice_names_the_keys_that_act_in_practice(mini: Any) -> None:
    """The practice app (F9 pause, Ctrl+Q quit) names its keys; the app without the
    practice controls only its Ctrl+Q."""
    from helpdesk_tui.ui.practice_controls import PracticeApp

    rig = make_rig(mini)
    app = PracticeApp(rig.controller, tick_interval=None, tune_gc=False)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        text = " ".join(str(app.main.query_one("#too-small").render()).split())
        assert "Keys do nothing until it is larger, but F9 Pause, Ctrl+Q Quit." in text
        await pilot.press("f9")  # named: it pauses
        await pilot.pause()
        assert rig.state.paused
    bare = make_rig(mini).app()
    async with bare.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        text = " ".join(str(bare.main.query_one("#too-small").render()).split())
        assert text.endswith("Keys do nothing until it is larger, but Ctrl+Q Quit.")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Keys do nothing until it is larger, but F12 Proctor."),
        ("nl", "Toetsen doen niets tot hij groter is, behalve F12 Toezichter."),
        ("fr", "Les touches ne font rien tant qu'il n'est pas agrandi, sauf F12 Surveillant."),
    ],
)
async def test_in_an_exam_f12_acts_under_the_notice_and_blocked_keys_log(
    tmp_path: Path, key_file: Path, lang: str, line: str
) -> None:
    run = exam_run(tmp_path, key_file, lang=lang)
    app = run.app
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            notice = " ".join(str(app.main.query_one("#too-small").render()).split())
            assert line in notice
            await pilot.press("q", "f5", "ctrl+c")
            await pilot.pause()
            await pilot.press("f12")  # named: the proctor's dialog opens
            await pilot.pause()
            assert isinstance(app.screen, ProctorCodeScreen)
            await pilot.press("escape")
            await pilot.pause()
    finally:
        i18n.set_language("en")
    keys = [d["key"] for d in logged(run, "lockdown_key_blocked")]
    assert "ctrl+c" in keys
    assert logged(run, "focus_moved") == [] and logged(run, "kb_searched") == []
