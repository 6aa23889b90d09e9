"""The review's small modal screens: a comment, a jump to a time, leaving with unsaved work.

Each returns its answer with `dismiss` (None for Escape), so the screen that
opened it decides what to do; none of them touches the verdicts itself. Each has its
own key bar, over the review's (bugs19: the review's keys showed under a dialog, where
they do nothing), as tall as the review's three lines (dialogs.tcss).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.review import keys
from helpdesk_tui.ui.widgets.bounded import LIMITS, BoundedInput, BoundedTextArea
from helpdesk_tui.ui.widgets.keybar import KeyBar

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})$")
_UNITS = re.compile(r"^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+(?:\.\d+)?)s)?$")


def parse_moment(text: str) -> tuple[str, float] | None:
    """("seq", n) for `#n`; ("time", seconds) for h:mm:ss, m:ss, 1h05m, 90s or plain seconds."""
    text = text.strip().lower()
    if not text:
        return None
    if text.startswith("#"):
        return ("seq", float(int(text[1:]))) if text[1:].isdigit() else None
    match = _CLOCK.match(text)
    if match:
        hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        if minutes >= 60 and match.group(1) or seconds >= 60:
            return None
        return "time", float(hours * 3600 + minutes * 60 + seconds)
    try:
        return "time", float(text)
    except ValueError:
        pass
    match = _UNITS.match(text)
    if match and any(match.groups()):
        hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
        return "time", hours * 3600 + minutes * 60 + seconds
    return None


class CommentDialog(Paced, ModalScreen[str | None]):
    """Write or change the comment on one competency's verdict."""

    CSS_PATH = "dialogs.tcss"

    def __init__(self, competency: str, name: str, comment: str) -> None:
        super().__init__()
        keys.install(self, "comment")
        self._competency = competency
        self._name = name
        self._comment = comment

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"{self._competency} · {self._name}", id="dialog-title")
            yield Static(
                _("Your comment on the verdict (the records you base it on, e.g. [88, 93])."),
                classes="dialog-help",
            )
            yield BoundedTextArea(
                self._comment,
                id="comment-text",
                soft_wrap=True,
                show_line_numbers=False,
                limit=LIMITS["description"],
            )
            yield Static(_("Ctrl+S keeps the comment · Esc cancels"), classes="dialog-help")
        yield KeyBar(id="dialog-keys", max_lines=3)

    def on_mount(self) -> None:
        area = self.query_one("#comment-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one("#comment-text", TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class JumpInput(BoundedInput):
    """The jump's box. Once the jump is decided, keys that reach it were typed after its
    Enter (read with it, or queued behind it): they go to `after`, for the screen the
    jump lands on (bugs20: "#12", Enter, "4" in one read lost the "4")."""

    after: Callable[[events.Key], None] | None = None

    async def _on_key(self, event: events.Key) -> None:
        if self.after is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        self.after(event)


class JumpDialog(Paced, ModalScreen[tuple[str, float] | None]):
    """Go to an exam time (h:mm:ss, m:ss, seconds) or to a record (#seq)."""

    CSS_PATH = "dialogs.tcss"

    def __init__(self) -> None:
        super().__init__()
        keys.install(self, "jump")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("Go to a moment"), id="dialog-title")
            yield JumpInput(
                placeholder=_("1:02:03, 62:03, 3723 or #seq"),
                id="jump-input",
                limit=LIMITS["short"],
            )
            yield Static(
                _("Enter goes there · Esc cancels"), id="jump-error", classes="dialog-help"
            )
        yield KeyBar(id="dialog-keys", max_lines=3)

    def on_mount(self) -> None:
        self.query_one("#jump-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._go()

    def action_go(self) -> None:
        """Enter (a priority key, so the key bar can show it): go, once the box has taken
        the keys read before it. A priority key acts when it reaches the app, ahead of
        the letters still queued for the box: "0:01:00" and Enter read together went
        with an empty box ("“” is not a time", bugs20). The box's own queue runs the
        jump after them."""
        self.query_one("#jump-input", Input).call_later(self._go)

    def _go(self) -> None:
        """Go, or say what is right."""
        if not self.is_attached:
            return
        value = self.query_one("#jump-input", Input).value
        moment = parse_moment(value)
        if moment is None:
            self.query_one("#jump-error", Static).update(
                _("“{text}” is not a time (h:mm:ss, m:ss or seconds) or a record (#seq).").format(
                    text=value
                )
            )
            self.query_one("#dialog").add_class("-error")
            return
        box = self.query_one("#jump-input", JumpInput)
        typed_after: list[events.Key] = []
        box.after = typed_after.append
        box.call_later(self._leave, moment, typed_after)  # after the keys queued behind it

    def _leave(self, moment: tuple[str, float], typed_after: list[events.Key]) -> None:
        """Go, then hand the keys typed after the Enter to the app, in order, once the
        screen below has made the jump (its result callback runs in that screen's queue:
        a "4" before it would show the records tab the jump then left)."""
        box = self.query_one("#jump-input", JumpInput)
        app = self.app
        below = app.screen_stack[-2] if len(app.screen_stack) > 1 else app

        def again(key: events.Key) -> None:
            app.post_message(events.Key(key.key, key.character))

        box.after = again  # any still forwarded to the box before the screen went
        self.dismiss(moment)
        below.call_later(lambda: [again(key) for key in typed_after])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmLeave(Paced, ModalScreen[str | None]):
    """Leaving with unsaved verdicts: save and leave, leave without saving, or stay."""

    CSS_PATH = "dialogs.tcss"

    def __init__(self) -> None:
        super().__init__()
        keys.install(self, "leave")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("Your verdicts have unsaved changes."), id="dialog-title")
            yield Static(
                _("s: save and leave · d: leave without saving · Esc: stay"),
                classes="dialog-help",
            )
        yield KeyBar(id="dialog-keys", max_lines=3)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


class KeysHelp(Paced, ModalScreen[None]):
    """F1: every key of the app, generated from the key table; Esc, F1 or q closes it."""

    CSS_PATH = "dialogs.tcss"

    def __init__(self, owners: tuple[str, ...]) -> None:
        super().__init__()
        keys.install(self, "keys_help")
        self._owners = owners

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(_("Keys (Esc closes)"), id="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(keys.help_table(self._owners))
        yield KeyBar(id="dialog-keys", max_lines=3)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
