"""The end of the session: why it ended, and that the log is safe."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar


class EndScreen(Paced, ModalScreen[None]):
    """Shown when time is up or the session was ended; Enter leaves the program."""

    CSS_PATH = "end.tcss"

    def __init__(self, reason: str) -> None:
        super().__init__()
        keymap.install(self, "notice.end")  # Enter (Esc, q) leaves: in its footer
        self.reason = reason

    def compose(self) -> ComposeResult:
        messages = {
            "time-up": _("Time is up. The exam has ended."),
            "completed": _("The practice session has ended."),
        }
        with Vertical(id="end"):
            yield Static(messages.get(self.reason, _("The session has ended.")), id="end-title")
            yield Static(_("Everything you did is in the log."))
        yield KeyBar(id="end-keys")

    def action_leave(self) -> None:
        self.dismiss(None)
