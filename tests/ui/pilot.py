"""Helpers for driving the app in pilot tests."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.screens.form_base import FormScreen


def form(app: ExamApp) -> FormScreen:
    screen = app.screen
    assert isinstance(screen, FormScreen), f"no form open, the screen is {screen!r}"
    return screen


async def choose(pilot: Pilot[Any], widget_id: str, value: str) -> None:
    """Pick a value in a form's Select (the keyboard route is tested once, separately)."""
    form(pilot.app).query_one(f"#{widget_id}", Select).value = value  # type: ignore[arg-type]
    await pilot.pause()


async def type_into(pilot: Pilot[Any], widget_id: str, text: str) -> None:
    widget = form(pilot.app).query_one(f"#{widget_id}")
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.text = ""
    elif isinstance(widget, Input):
        widget.value = ""
    await pilot.press(*text)


async def fill(pilot: Pilot[Any], widget_id: str, text: str) -> None:
    """Put text into a form field at once (typing itself is tested elsewhere; each
    simulated key costs the pilot tens of milliseconds of waiting)."""
    widget = form(pilot.app).query_one(f"#{widget_id}")
    if isinstance(widget, TextArea):
        widget.text = text
    elif isinstance(widget, Input):
        widget.value = text
    await pilot.pause()


def error_text(app: ExamApp) -> str:
    return str(form(app).query_one("#form-error").render())


async def at(pilot: Pilot[Any], seconds: float) -> None:
    """Move the exam clock to `seconds` and let the app redraw."""
    app = pilot.app
    assert isinstance(app, ExamApp)
    app.advance(seconds - app.controller.session.clock.now())
    await pilot.pause()
