"""sec12 (red team): the new-line keys the candidate guide names (Shift+Enter, Ctrl+J) make
a new line in every multi-line box, not only in the chat composer. In the forms' boxes
(reply on a ticket, note, description, solution) Enter makes the new line; Ctrl+J and
Shift+Enter were dropped without a trace: "line one" Ctrl+J "line two" was saved as
"line oneline two" (seen in tmux on en-northwind-monday, 120 x 40)."""

from __future__ import annotations

import pytest

from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.bounded import BoundedTextArea

from .conftest import SIZE, Rig
from .pilot import at


@pytest.mark.parametrize("opener", ["r", "i"])
async def test_ctrl_j_and_shift_enter_make_new_lines_in_a_forms_text(rig: Rig, opener: str) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f2", opener)
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        box = app.screen.query_one("#text", BoundedTextArea)
        assert app.focused is box
        await pilot.press("a", "ctrl+j", "b", "shift+enter", "c", "enter", "d")
        await pilot.pause()
        assert box.text == "a\nb\nc\nd"
