"""`ReviewApp`: one assessor's review of one log, in a terminal.

A plain Textual app around `ReviewScreen`. It does not inherit Textual's
default bindings (ctrl+q would quit at once, with verdicts unsaved) and has
no command palette (its Quit would skip the unsaved-changes question);
`q` / ctrl+q go through the screen, which asks first. Closing the terminal
(SIGHUP) or a kill (SIGTERM) ends the app cleanly: Textual installs no
handler of its own (textual#5140).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal

from textual.app import App
from textual.binding import Binding

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.review.screen import ReviewScreen
from helpdesk_tui.ui.review.session import ReviewSession

CSS = [
    "../app.tcss",
    "../widgets/queue.tcss",
    "../widgets/ticket_detail.tcss",
    "panels.tcss",
    "timeline.tcss",
    "assessment.tcss",
]


class ReviewApp(App[None], inherit_bindings=False):
    """The assessor's review TUI."""

    CSS_PATH = CSS
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, session: ReviewSession, *, ui_language: str = "en", handle_signals: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.ui_language = ui_language
        self.handle_signals = handle_signals
        self.title = _("helpdesk-exam review")
        self.review = ReviewScreen(session, ui_language)

    def on_mount(self) -> None:
        self.push_screen(self.review)

    def on_ready(self) -> None:
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, self.exit)

    def get_key_display(self, binding: Binding) -> str:
        """F-keys and ctrl letters in capitals, as printed on the keyboard: F1, ^S."""
        display = super().get_key_display(binding)
        return display.upper() if re.fullmatch(r"f\d+|\^[a-z]", display) else display

    async def action_quit(self) -> None:
        """Whatever asks the app to quit goes through the unsaved-changes question."""
        self.review.action_leave()
