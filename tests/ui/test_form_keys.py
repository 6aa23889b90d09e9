"""With a form or dialog open, the footer shows its own keys (docs/known-issues.md: it
showed the exam's, dimmed behind the form: o Sort, f Filter...). Keyboard first: every
action has a key shown in the footer. At 100 x 30, in every UI language.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen

from helpdesk_tui import i18n
from helpdesk_tui.commands import practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.ui.screens.confirm import ConfirmScreen
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.screens.pickers import CannedPicker, ConfirmQuit

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
        assert i18n._("Close") in "".join(screen_text(app).splitlines()[-2:])


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
