"""Small modal screens: the canned-reply picker and the quit confirmation.

Both return a value (the canned reply's id; True to end the session) or
None when the candidate presses Escape; the main screen logs that cancel.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar


class CannedPicker(Paced, ModalScreen[str | None]):
    """Pick a canned reply (title and its text, `{agent}` already filled in)."""

    CSS_PATH = "pickers.tcss"

    def __init__(self, replies: list[tuple[str, str, str]], title: str | None = None) -> None:
        """`replies`: (id, title, filled text); `title` says what Enter does."""
        super().__init__()
        keymap.install(self, "picker")  # Ctrl+S inserts, Esc cancels: in its footer
        self._replies = replies
        self._title = title or _("Canned replies")

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(self._title, id="picker-title")
            options = []
            for reply_id, title, text in self._replies:
                prompt = Text(title, style="bold")
                prompt.append("\n" + text, style="dim")
                options.append(Option(prompt, id=reply_id))
            yield OptionList(*options, id="picker-list")
        yield KeyBar(id="picker-keys")

    def on_mount(self) -> None:
        self.query_one("#picker-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_save(self) -> None:
        option = self.query_one("#picker-list", OptionList).highlighted_option
        self.dismiss(option.id if option else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
