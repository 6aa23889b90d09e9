"""F1: every key, grouped by where it works, generated from the keymap."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar

KEY_COLUMN_MAX = 13
"""The key column's most: one key alone is wider ("Shift+Enter / Ctrl+J") and wraps."""


def help_sections(*, locked: bool = False) -> list[tuple[str, list[keymap.Key]]]:
    """The keymap by section (title msgid, its keys), in the order the help lists them."""
    owners_of: dict[str, list[str]] = {}
    for key in keymap.KEYS:  # a section, then its dialogs ("exam", "exam.hand_in"), in order
        owners = owners_of.setdefault(keymap.section_of(key.owner), [])
        if key.owner not in owners:
            owners.append(key.owner)
    sections = []
    for owner, section in keymap.SECTIONS.items():
        owners = (
            ["form", "form_fields", "form_text", "form_choice"]
            if owner == "form"
            else owners_of.get(owner, [])
        )
        keys = [key for own in owners for key in keymap.keys_for(own, locked=locked)]
        if keys:  # none: the exam's keys in practice, the practice controls in an exam
            sections.append((section, keys))
    return sections


def help_keys(*, locked: bool = False) -> list[str]:
    """Every key as the help shows it (for tests: each key is listed)."""
    return [keymap.display_keys(key) for _s, keys in help_sections(locked=locked) for key in keys]


def help_table(*, locked: bool = False) -> Group:
    """The keymap: per section a heading on its own line, then its keys and what each
    does. The key column is as wide as the widest key in all sections, not as a section
    title (a French title of 33 columns made the descriptions wrap at 100 columns)."""
    sections = help_sections(locked=locked)
    widest = min(KEY_COLUMN_MAX, max(cell_len(k) for k in help_keys(locked=locked)))
    parts: list[RenderableType] = []
    for section, keys in sections:
        parts.append(Text(_(section), style="bold underline"))
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column(style="bold", width=widest)  # a longer key wraps at its " / "
        table.add_column(ratio=1)
        for key in keys:
            what = _("{action}: {detail}").format(action=_(key.description), detail=_(key.help))
            table.add_row(keymap.display_keys(key), what)
        parts.extend([table, Text("")])
    return Group(*parts)


def typing_note() -> str:
    """What the typing guard does (`ui/typing_guard.py`), with the keys that wait named
    from the keymap."""
    waiting = sorted({keymap.first_key(key_id) for key_id in keymap.WAITING})
    return _(
        "Where no text box has the focus, letters are commands. Words typed there do "
        "nothing: a key that is no command turns the letters off for a second, and a "
        "notice says so. {keys} act 0.3 s after the key (at once with an arrow or "
        "Enter), so the first letter of a word does nothing."
    ).format(keys=", ".join(waiting))


class HelpScreen(Paced, ModalScreen[None]):
    """All keys; any of Escape, F1 or q closes it."""

    CSS_PATH = "help.tcss"

    def __init__(self, *, locked: bool = False, scenario: str = "") -> None:
        """`scenario`: the exam's title, whole (the header may cut it on a narrow terminal)."""
        super().__init__()
        keymap.install(self, "help")  # Esc (F1, q) closes, shown in its footer
        self._locked = locked
        self._scenario = scenario

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(_("Keys"), id="help-title")
            if self._scenario:
                yield Static(self._scenario, id="help-scenario", markup=False)
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(locked=self._locked))
                yield Static(typing_note(), id="help-typing")
        yield KeyBar(id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
