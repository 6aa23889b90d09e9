"""Hand in: the candidate ends their own exam, after saying so twice.

Two steps with two different keys (Y, then H), so neither a double press nor
a key held down hands an exam in by accident. Escape at either step goes
back (and the cancel is logged, as every cancelled form is).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar


class HandInScreen(Paced, ModalScreen[bool | None]):
    """True when the candidate confirmed twice; None when they went back."""

    CSS_PATH = "handin.tcss"

    def __init__(
        self, open_tickets: int, time_left: str, open_conversations: int = 0, unread: int = 0
    ) -> None:
        super().__init__()
        keymap.install(self, "exam.hand_in", locked=True)  # y (j, o), then h; Esc: in its footer
        self.stage = 1
        self.open_tickets = open_tickets
        self.time_left = time_left
        self.open_conversations = open_conversations
        self.unread = unread

    def compose(self) -> ComposeResult:
        with Vertical(id="hand-in"):
            yield Static(_("Hand in your exam?"), id="hand-in-title")
            yield Static("", id="hand-in-text")
        yield KeyBar(id="hand-in-keys")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        if self.stage == 1:
            text = _(
                "Time left: {left}. Tickets not yet resolved: {open}.\n"
                "After handing in you cannot change anything."
            ).format(left=self.time_left, open=self.open_tickets)
            if self.open_conversations or self.unread:
                # customers still waiting count too (a Dutch sitting handed in with three
                # chats open and their messages unread, the question naming only tickets)
                text += "\n" + _(
                    "Chats and calls still open: {open}. Customer messages not yet read: {unread}."
                ).format(open=self.open_conversations, unread=self.unread)
        else:
            text = _("Are you sure? Your exam ends now and the log is sealed.")
        self.query_one("#hand-in-text", Static).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers only the step that comes next (Y, then H)."""
        if action == "step" and parameters:
            return parameters[0] == self.stage
        return True

    def action_step(self, stage: int) -> None:
        if stage != self.stage:  # not reached while hidden: kept as the rule's own guard
            return  # H before Y, or Y twice: only the expected key moves on
        if stage == 2:
            self.dismiss(True)
            return
        self.stage = 2
        self._show()

    def action_back(self) -> None:
        self.dismiss(None)
