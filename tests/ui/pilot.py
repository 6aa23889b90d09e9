"""Helpers for driving the app in pilot tests."""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.choice import ChoiceField


def form(app: ExamApp) -> FormScreen:
    screen = app.screen
    assert isinstance(screen, FormScreen), f"no form open, the screen is {screen!r}"
    return screen


async def choose(pilot: Pilot[Any], widget_id: str, value: str) -> None:
    """Pick a value in a form's choice box (the keyboard route is tested separately)."""
    form(pilot.app).query_one(f"#{widget_id}", ChoiceField).value = value
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


async def new_ticket_from_chat(pilot: Pilot[Any]) -> FormScreen:
    """Anna's chat (70 s in) answered, then Ctrl+N: the new-ticket form filled from it."""
    await at(pilot, 70)
    await pilot.press("f4", *"Hello Anna", "enter")
    await pilot.press("ctrl+n")
    return form(pilot.app)


def error_text(app: ExamApp) -> str:
    return str(form(app).query_one("#form-error").render())


async def keys(pilot: Pilot[Any], *names: str) -> None:
    """Press keys like `pilot.press`, waiting only until the screen has handled each.

    `pilot.press` also waits for the process to go idle (at least 40 ms a key),
    which makes a scripted candidate typing hundreds of keys slow; the long
    playthrough uses this instead.
    """
    app = pilot.app
    for name in names:
        char = name if len(name) == 1 else None
        app._driver.send_message(events.Key(name, char))  # type: ignore[union-attr]
        await pilot._wait_for_screen()
        await app._animator.wait_until_complete()
        await pilot._wait_for_screen()


async def until(pilot: Pilot[Any], condition: Any, timeout: float = 5.0) -> None:
    """Wait (in small steps) until `condition()` holds, e.g. a form is on screen."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, "timed out waiting"
        await asyncio.sleep(0.005)
    await pilot._wait_for_screen()


async def at(pilot: Pilot[Any], seconds: float) -> None:
    """Move the exam clock to `seconds` and let the app redraw."""
    app = pilot.app
    assert isinstance(app, ExamApp)
    app.advance(seconds - app.controller.session.clock.now())
    await pilot.pause()


def count_rendered_cells(monkeypatch: Any) -> list[tuple[int, int]]:
    """Every (row, column) a DataTable renders from now on (its own `_render_cell`, under
    any cache a subclass adds, or `CellCache._render_like`: a cell rendered as another of
    its shape was), in order: how tests see what a change repaints."""
    from textual.widgets import DataTable

    from helpdesk_tui.ui.widgets.cell_cache import CellCache

    rendered: list[tuple[int, int]] = []
    render = DataTable._render_cell
    like = CellCache._render_like

    def counted(self: DataTable, row: int, column: int, *args: object, **kwargs: object) -> object:
        rendered.append((row, column))
        return render(self, row, column, *args, **kwargs)  # type: ignore[arg-type]

    def counted_like(self: CellCache, *args: Any) -> Any:
        lines = like(self, *args)
        if lines is not None:
            rendered.append((args[-2], args[-1]))  # its row and column
        return lines

    monkeypatch.setattr(DataTable, "_render_cell", counted)
    monkeypatch.setattr(CellCache, "_render_like", counted_like)
    return rendered


async def typed_in_chat(pilot: Pilot[Any], at_s: float, text: str) -> None:
    """At exam time `at_s`, F4 and `text` typed into the reply box, then Enter; the app idle
    after (a question it asks is on screen)."""
    await at(pilot, at_s)
    await pilot.press("f4", *text, "enter")
    await pilot.pause()


async def press_alone(pilot: Pilot[Any], key: str) -> None:
    """Press a letter that waits for the next key (`keymap.Key.waits`: Take, Link,
    Pending, End chat) and let it act: the exam clock moves on by the wait
    (`ui/typing_guard.WAIT_S`), as when nothing follows the key."""
    from helpdesk_tui.ui.typing_guard import WAIT_S

    app = pilot.app
    assert isinstance(app, ExamApp)
    await pilot.press(key)
    app.advance(WAIT_S)
    await pilot.pause()
