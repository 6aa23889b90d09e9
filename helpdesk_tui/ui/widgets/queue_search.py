"""The queue's search box: find a ticket by id, title or customer as you type.

Hidden until Ctrl+F; every change filters the queue at once (the screen owns
the queue model and redraws). Enter or Down goes back to the list with the
search still applied, Escape clears it and hides the box. `/` stays the KB
search: this one only looks at the tickets in the queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from helpdesk_tui.i18n import _


class QueueSearch(Input):
    """One line above the queue; posts `Changed`-style messages of its own."""

    BINDINGS = [
        Binding("down", "done", show=False),
        Binding("escape", "clear", show=False),
    ]

    @dataclass
    class Done(Message):
        """Back to the list; `cleared` when the search was dropped."""

        cleared: bool

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            placeholder=_("Find a ticket: id, title or customer (Esc clears)"),
            compact=True,
            select_on_focus=False,
            **kwargs,  # type: ignore[arg-type]
        )

    def open(self) -> None:
        self.display = True
        self.focus()

    def action_done(self) -> None:
        self.post_message(self.Done(cleared=False))

    def action_clear(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Done(cleared=True))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.value.strip():
            self.display = False
        self.post_message(self.Done(cleared=False))
