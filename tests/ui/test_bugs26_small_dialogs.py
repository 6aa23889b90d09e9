"""The proctor's screens below 80 x 24 (bugs26).

- At 80 x 12 the code dialog's bottom edge and its "Wrong code" line were cut, and at every
  height below 24 the too-small line covered the dialog's top edge: the dialogs are compact
  while the terminal is too small, start under that line and scroll when still too short.
- The end screen and the paused screen said nothing of the size (the exam's screen and the
  proctor's dialogs do): they have the same first line.
The expected lines are the catalogue's English words, written here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from helpdesk_tui.ui.screens.proctor import (
    ExamEndedScreen,
    ProctorCodeScreen,
    ProctorMenu,
    ProctorPausedScreen,
)
from tests.runtime.kit import PROCTOR_CODE, exam_run, make_keys

SIZES = [(80, h) for h in range(12, 24)] + [(60, 20), (79, 23)]
"""Below 80 x 24 (the too-small notice's threshold), down to 12 rows: the heights the
dialogs still fit in compact, and two widths under 80."""
SHORT = [(80, h) for h in range(6, 12)]
"""Shorter still: the box scrolls."""

LINES = {
    ProctorCodeScreen: ("Proctor code", "For the proctor only: type the code.", "Wrong code."),
    ProctorMenu: ("Proctor", "End the exam now", "Pause the exam clock", "Stop the program"),
    ProctorPausedScreen: ("The exam is paused by the proctor.", "The exam clock", "the exam."),
    ExamEndedScreen: (
        "Your exam has ended; call the proctor.",
        "The time is up.",
        "the proctor closes the program.",
    ),
}


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def _shown(screen: Any) -> str:
    return "\n".join(strip.text for strip in screen._compositor.render_strips())


def _box(screen: Any) -> Any:
    return screen.query_one(".proctor-box")


async def _check_fits(pilot: Any, screen: Any, size: tuple[int, int]) -> None:
    """At `size`: the too-small line first, the box whole between it and the keys' bar
    (no edge under either), and every line of the box on the screen."""
    await pilot.resize_terminal(*size)
    await pilot.pause()
    line = screen.query_one("#proctor-too-small")
    assert line.display and screen.get_widget_at(0, 0)[0] is line, size
    assert str(line.render()).startswith(f"Too small ({size[0]} x {size[1]})"), size
    box, bar = _box(screen), screen.query_one("KeyBar")
    assert box.region.y >= line.region.bottom and box.region.bottom <= bar.region.y, (
        size,
        box.region,
        bar.region,
    )
    shown = " ".join(_shown(screen).split())
    for text in LINES[type(screen)]:
        assert text in shown, (size, text, shown)


async def _check_scrolls(pilot: Any, screen: Any, size: tuple[int, int]) -> None:
    """Shorter than the compact box: it scrolls, and its last line is reached."""
    await pilot.resize_terminal(*size)
    await pilot.pause()
    box = _box(screen)
    assert box.region.bottom <= screen.query_one("KeyBar").region.y, size
    box.scroll_end(animate=False)
    await pilot.pause()
    shown = " ".join(_shown(screen).split())
    assert LINES[type(screen)][-1] in shown, (size, shown)


async def test_the_code_dialog_and_the_menu_fit_or_scroll_below_80_x_24(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path / "logs", key_file, monotonic=lambda: 1000.0)  # the wait stays
    app = run.app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ProctorCodeScreen)
        await pilot.press(*"wrong", "enter")
        await pilot.pause()
        for size in SIZES:
            await _check_fits(pilot, dialog, size)
            code = dialog.query_one(Input).region
            assert dialog.get_widget_at(code.x + 2, code.y + 1)[0] is dialog.query_one(Input)
        for size in SHORT:
            await _check_scrolls(pilot, dialog, size)
    run2 = exam_run(tmp_path / "logs2", key_file)
    app = run2.app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        app.screen.query_one(Input).value = PROCTOR_CODE
        await pilot.press("enter")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, ProctorMenu)
        for size in SIZES:
            await _check_fits(pilot, menu, size)
        for size in SHORT:
            await _check_scrolls(pilot, menu, size)


@pytest.mark.parametrize("end", [False, True], ids=["paused", "time up"])
async def test_the_paused_and_end_screens_say_the_terminal_is_too_small(
    tmp_path: Path, key_file: Path, end: bool
) -> None:
    """The proctor pauses the exam (F12, the code, P) or its time is up: the screen the
    candidate is left with says the terminal is too small in its first line, at every size
    below 80 x 24, and not at 80 x 24."""
    run = exam_run(tmp_path / "logs", key_file)
    app = run.app
    async with app.run_test(size=(80, 24)) as pilot:
        if end:
            app.advance(app.controller.scenario.duration_s + 1)
        else:
            await pilot.press("f12")
            await pilot.pause()
            app.screen.query_one(Input).value = PROCTOR_CODE
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        expected = ExamEndedScreen if end else ProctorPausedScreen
        assert isinstance(screen, expected), screen
        assert not screen.query_one("#proctor-too-small").display
        for size in SIZES:
            await _check_fits(pilot, screen, size)
        for size in SHORT:
            await _check_scrolls(pilot, screen, size)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.query_one("#proctor-too-small").display


async def test_practice_paused_says_the_terminal_is_too_small_over_nothing_of_the_notice(
    tmp_path: Path,
) -> None:
    """Practice paused (F9) at 60 x 20: the too-small notice's "Ctrl+Q Quit." showed under
    the pause's box through its backdrop, and nothing said the size. Now its first line
    does, the box is whole under it, and nothing of the notice shows."""
    import argparse

    from helpdesk_tui.commands import practice
    from helpdesk_tui.core.clock import ManualClock
    from helpdesk_tui.ui.practice_controls import PausedScreen

    args = argparse.Namespace(scenario=None, lang="en", logs=tmp_path / "l", candidate="t")
    options = {"tick_interval": None, "handle_signals": False, "tune_gc": False}
    run = practice.prepare(args, clock=ManualClock(), app_options=options)
    app = run.app
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f9")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PausedScreen)
            for size in [(60, 20), (80, 12), (79, 23)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                shown = " ".join(_shown(screen).split())
                assert shown.startswith(f"Too small ({size[0]} x {size[1]})"), shown
                assert "Paused" in shown and "SLA clock are stopped." in shown, shown
                assert "Keys do nothing" not in shown and "Quit." not in shown, shown
                bar = screen.query_one("KeyBar")
                box = screen.query_one(".practice-box")
                assert box.region.y >= 1 and box.region.bottom <= bar.region.y, size
    finally:
        practice.finish(run)
