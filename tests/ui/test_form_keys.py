"""With a form or dialog open, the footer shows its own keys (docs/known-issues.md: it
showed the exam's, dimmed behind the form: o Sort, f Filter...). Keyboard first: every
action has a key shown in the footer. At 100 x 30, in every UI language.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from helpdesk_tui import i18n
from helpdesk_tui.commands import practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.runtime.lifecycle import DiskFault
from helpdesk_tui.ui.practice_controls import PausedScreen
from helpdesk_tui.ui.screens.confirm import ConfirmQuit, ConfirmScreen
from helpdesk_tui.ui.screens.disk_fault import DiskFaultScreen
from helpdesk_tui.ui.screens.end import EndScreen
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.screens.handin import HandInScreen
from helpdesk_tui.ui.screens.pickers import CannedPicker
from helpdesk_tui.ui.screens.proctor import ExamEndedScreen, ProctorCodeScreen, ProctorMenu
from tests.runtime.kit import PROCTOR_CODE, exam_run, make_keys

from .conftest import make_rig, screen_text
from .test_practice_controls import OPTIONS
from .test_viewers_languages import footer_problems

SIZE = (100, 30)
FORMS = ("n", "e", "r", "i", "t", "w", "s")
"""New ticket, edit, reply, note, transfer, pending, resolve: every kind of form."""


@pytest.fixture(params=["en", "nl", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def exam_keys_shown(app: Any) -> list[str]:
    """The exam's own footer entries (sorting, filtering, areas) on the bottom lines."""
    bottom = "\n".join(screen_text(app).splitlines()[-2:])
    exam = [i18n._("Sort"), i18n._("Filter"), i18n._("Queue")]
    return [label for label in exam if f" {label} " in bottom]


def check(app: Any, where: str) -> None:
    assert isinstance(app.screen, ModalScreen), where
    assert footer_problems(app) == [], where
    assert exam_keys_shown(app) == [], where


async def test_every_form_shows_its_own_keys(mini: Any, language: str) -> None:
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in FORMS:
            await pilot.press("f2", key)
            await pilot.pause()
            assert isinstance(app.screen, FormScreen), key
            check(app, key)
            bottom = screen_text(app).splitlines()[-2:]
            for label in (i18n._("Save"), i18n._("Cancel"), i18n._("Next field")):
                assert any(label in line for line in bottom), (key, label)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.main


async def test_every_dialog_shows_its_own_keys(mini: Any, language: str) -> None:
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        check(app, "quit")
        await pilot.press("n")
        await pilot.pause()
        answers: list[bool] = []
        app.push_screen(ConfirmScreen("Close T-1001?", "It cannot be reopened."), answers.append)
        await pilot.pause()
        check(app, "confirm")
        assert i18n._("Yes") in "".join(screen_text(app).splitlines()[-2:])
        await pilot.press("escape")
        await pilot.pause()
        assert answers == [False]
        app.push_screen(CannedPicker([("c1", "Greeting", "Hello")]))
        await pilot.pause()
        check(app, "canned")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        check(app, "help")
        bottom = "".join(screen_text(app).splitlines()[-2:])
        assert i18n._("Close the list") in bottom
        assert language != "fr" or "Clôturer" not in bottom  # a ticket's close, not a list's


async def test_a_practice_form_also_shows_the_instructors_pause_key(tmp_path: Path) -> None:
    """F9 (pause) works over a form (a priority key); Textual leaves the app's keys out of a
    dialog's, so the footer adds them."""
    args = argparse.Namespace(
        scenario="en-northwind-monday", lang="en", logs=tmp_path, candidate="K"
    )
    run = practice.prepare(args, clock=ManualClock(), app_options=OPTIONS)
    async with run.app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2", "e")
        await pilot.pause()
        assert isinstance(run.app.screen, FormScreen)
        check(run.app, "edit")
        assert " F9 Pause " in "".join(screen_text(run.app).splitlines()[-2:])


def bottom_text(app: Any) -> str:
    return "  ".join(screen_text(app).splitlines()[-2:]) + " "


def shows(app: Any, *entries: tuple[str, str]) -> None:
    """Each (key, msgid) as the footer writes it, in the current language."""
    bottom = bottom_text(app)
    for key, msgid in entries:
        label = f" {key} {i18n._(msgid)} "
        assert label in bottom, (label, bottom)


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


async def test_the_exams_dialogs_show_their_own_keys(
    tmp_path: Path, key_file: Path, language: str
) -> None:
    """Hand-in (F10), the proctor's code and menu (F12), the "exam ended" notice: each
    names its keys in its own footer (they named them only in their text)."""
    run = exam_run(tmp_path, key_file, lang=language)
    app = run.app
    esc = i18n._("Esc")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        assert isinstance(app.screen, HandInScreen)
        check(app, "hand-in")
        shows(app, (i18n._("y"), "Continue"), (esc, "Back to the exam"))
        assert f" h {i18n._('Hand in for good')} " not in bottom_text(app)  # not yet
        await pilot.press("y")
        await pilot.pause()
        check(app, "hand-in, last step")
        shows(app, ("h", "Hand in for good"), (esc, "Back to the exam"))
        await pilot.press("escape")
        await pilot.press("f12")
        assert isinstance(app.screen, ProctorCodeScreen)
        check(app, "proctor code")
        shows(app, (i18n._("Enter"), "Check the code"), (esc, "Back"))
        app.screen.query_one(Input).value = PROCTOR_CODE
        await pilot.press("enter")
        assert isinstance(app.screen, ProctorMenu)
        check(app, "proctor menu")
        shows(app, ("E", "End exam"), ("S", "Stop, resume later"), (esc, "Close the menu"))
        await pilot.press("escape")
        await pilot.press("f10", "y", "h")
        await pilot.pause()
        assert isinstance(app.screen, ExamEndedScreen)
        check(app, "exam ended")
        shows(app, ("F12", "Proctor"))


async def test_the_end_pause_and_disk_fault_notices_show_their_keys(
    tmp_path: Path, language: str
) -> None:
    args = argparse.Namespace(
        scenario="en-northwind-monday", lang=language, logs=tmp_path, candidate="K"
    )
    run = practice.prepare(args, clock=ManualClock(), app_options=OPTIONS)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PausedScreen)
        check(app, "paused")
        shows(app, ("F9", "Continue"))
        assert f" F9 {i18n._('Pause')} " not in bottom_text(app)
        await pilot.press("f9")
        await pilot.pause()
        fault = DiskFault(tmp_path / "log.jsonl", "full", "No space left on device", 0.0, 0.0)
        runtime = SimpleNamespace(fault=fault, retry=lambda: False)
        app.push_screen(DiskFaultScreen(runtime))  # type: ignore[arg-type]
        await pilot.pause()
        check(app, "disk fault")
        shows(app, (i18n._("Enter"), "Try again"))
        app.pop_screen()
        app.push_screen(EndScreen("completed"))
        await pilot.pause()
        check(app, "end")
        shows(app, (i18n._("Enter"), "Leave"))


async def test_the_pickers_ctrl_s_is_named_for_what_it_does(mini: Any, language: str) -> None:
    """It inserts the highlighted reply (into the text, to read first): never "Save"."""
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CannedPicker([("c1", "Greeting", "Hello")]))
        await pilot.pause()
        shows(app, ("Ctrl+S", "Insert"), (i18n._("Esc"), "Cancel"))
        assert f" Ctrl+S {i18n._('Save')} " not in bottom_text(app)


async def test_the_footer_names_esc_as_the_buttons_do(mini: Any, language: str) -> None:
    """French names Esc "Échap": the footer too (it said "Esc"). The buttons no longer
    name their keys (the footer says them once, tests/ui/test_keys_said_once.py)."""
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "e")
        await pilot.pause()
        button = str(app.screen.query_one("#form-cancel", Button).label)
        assert button == i18n._("Cancel")
        shows(app, ({"en": "Esc", "nl": "Esc", "fr": "Échap"}[language], "Cancel"))
