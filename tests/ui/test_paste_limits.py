"""A 1 MB paste of random text into every text field of the exam: cut at the field's
limit, the counter shown, and the exam answers the next key (the byte path itself,
with invalid bytes and planted end-of-paste sequences, is tested on a pty in
test_input_pty.py)."""

from __future__ import annotations

import random

import pytest
from textual import events
from textual.widget import Widget

from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.bounded import BoundedInput, BoundedTextArea

from .conftest import SIZE, Rig
from .pilot import at

PASTE = random.Random(5).randbytes(1 << 20).decode("utf-8", errors="replace")
FORMS = ("new_ticket", "edit_ticket", "reply_ticket", "note_ticket", "transfer_ticket")
FORMS += ("pending_ticket", "resolve_ticket")


def text_of(field: Widget) -> str:
    return field.value if isinstance(field, BoundedInput) else field.text  # type: ignore[attr-defined]


async def paste_into_every_field(pilot: object, fields: list[Widget]) -> None:
    assert fields
    for field in fields:
        field.focus()
        field.post_message(events.Paste(PASTE))
        await pilot.pause()  # type: ignore[attr-defined]
        limit = field.limit  # type: ignore[attr-defined]
        assert len(text_of(field)) == limit, field
        assert field.border_subtitle == f"{limit:,}/{limit:,}", field
        assert "\x00" not in text_of(field) and "\x1b" not in text_of(field)


@pytest.mark.parametrize("action", FORMS)
async def test_a_huge_paste_into_each_form_field_is_cut_at_its_limit(rig: Rig, action: str) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f2")
        getattr(app.main, f"action_{action}")()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        fields = list(form.query(BoundedInput)) + list(form.query(BoundedTextArea))
        await paste_into_every_field(pilot, fields)
        await pilot.press("escape")  # the form still answers keys
        await pilot.pause()
        assert app.screen is app.main
        assert rig.last("form_cancelled")["form"] == form.FORM


async def test_a_huge_paste_into_the_main_screen_fields(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        main = app.main
        await paste_into_every_field(pilot, [main.conversations.input, main.kb.query_input])
        await pilot.press("f2")
        assert main.queue.has_focus
