"""What every modal form shares: a title, fields, a validation message, Save and Cancel.

A form returns the event data it would submit (`dismiss(data)`), or None
when the candidate cancels with Escape. It never submits anything itself:
the main screen does, and logs the cancel as `form_cancelled`. Before it
closes, a form checks its own required fields (messages in the UI language)
and then asks the controller whether the core would refuse the event
(`ExamController.refusal`, i.e. `session.would_refuse`), so what the candidate
sees refused is exactly what the log would refuse.

Forms are built once and used again (`form_shelf.FormShelf`): opening a form of about 30
widgets took 3.4 times what a bare Textual modal of four inputs takes, most of
it composing the widgets and matching their CSS. A form kept installed is
refilled instead: `prepare` sets what this use is about (the ticket, the texts)
and `refill` puts every field, the title, the error and the focus back to it,
so nothing of one use (text, a choice, a refusal, the ticket) leaks into the next.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.format import localized
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.screens.form_shelf import leaving
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.too_small import TerminalTooSmall

FormResult = dict[str, Any] | None

FORM_CHROME_ROWS = 8
"""A form's rows besides its fields: border (2), title and its gap (2), the validation
message (1) and the buttons (3)."""
KEY_BAR_ROWS = 2
"""The form's key bar before it is laid out: two lines at 100 columns."""
FIELDS_MIN_ROWS = 3
"""Below this the too-small notice covers the form anyway."""


class FormScreen(Paced, ModalScreen[FormResult]):
    """A modal form for one event type about one target (ticket or conversation)."""

    CSS_PATH = "form_base.tcss"
    AUTO_FOCUS = ""  # not None: None means the app's "*"
    """Each form puts the focus on its own first field (`on_mount`); until then the
    screen has none, so the keys typed while it opens wait for that field (`ExamApp`).
    Textual's auto-focus gave it to the scrolling frame first, and keys arriving in
    between were lost there."""
    FORM: ClassVar[str] = "form"
    """The form's name in `form_cancelled`."""
    EVENT: ClassVar[str] = ""
    """The event type the form's data is for (checked with `refusal`)."""
    TEXT_KEYS: ClassVar[bool] = False
    """Whether Ctrl+L / Ctrl+O insert from the open KB article."""

    def __init__(self, controller: ExamController) -> None:
        super().__init__()
        keymap.install(self, "form", *(("form_text",) if self.TEXT_KEYS else ()))
        keymap.install(self, "form_fields", first=True)
        self.controller = controller
        self.target: str | None = None
        self.title_text = ""
        self.kb_link: str | None = None
        self.kb_passage: str | None = None
        self.kb_article: str | None = None
        self.kb_inserted = False
        """Whether the candidate put KB text into this form (the screen links the article)."""
        self.drafts: dict[str | None, dict[str, str]] = {}
        """The text typed into this form for a target when it was cancelled, put back when
        it opens again for that target (until saved): Esc typed to close something else
        (a help that did not open) lost a whole reply. A form with no target (a new
        ticket from the queue) starts empty, as before."""
        self._as_filled: dict[str, str] = {}
        """The text fields as `fill` left them: what the form wrote is no draft (a
        solution pre-filled from the ticket's article must follow the article)."""

    def prepare(self, *args: Any, **kwargs: Any) -> None:
        """What this use of the form is about (a form's own arguments); see `refill`."""
        raise NotImplementedError

    @classmethod
    def variant(cls, *args: Any, **kwargs: Any) -> str:
        """Which build of the form these `prepare` arguments need: forms whose widgets
        differ (a new ticket has a customer box, an edited one an override) are kept apart."""
        return ""

    def aim(self, target: str | None, title: str) -> None:
        """This use's target (ticket or conversation) and heading; no KB text yet."""
        self.target = target
        self.title_text = title
        self.with_kb(None, None, None)
        self.kb_inserted = False

    def refill(self) -> None:
        """Put the form back to this use: heading, no error, fields, focus (see `fill`)."""
        self.query_one("#form-title", Static).update(self.title_text)
        self.query_one("#form-error", Static).update("")
        self.query_one("#form").remove_class("-error")
        self.fill()
        self._as_filled = self._texts()
        self._restore_draft()
        self.query_one("#form-fields", VerticalScroll).scroll_home(animate=False)

    def fill(self) -> None:
        """Every field's value for this use, and the focus on the first field. Called on
        mount and before each later push: the focus is set at once (`set_focus`, not
        `focus()`, which waits), since keys typed while the form opens go to it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(self.title_text, id="form-title")
            with VerticalScroll(id="form-fields", can_focus=False):  # the fields scroll it
                yield from self.fields()
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(_("Save"), id="form-save", variant="primary")
                yield Button(_("Cancel"), id="form-cancel")
        yield KeyBar(id="form-keys")  # the form's own keys, not the dimmed exam's behind it
        yield TerminalTooSmall(id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#too-small", TerminalTooSmall).fit(event.size)
        self._fit_fields(event.size.height)

    def _fit_fields(self, height: int) -> None:
        """The fields scroll in what the screen leaves them, so Save and Cancel stay on it:
        at 100 x 30 the new ticket's fields (70% of the height) with the title, buttons,
        border and a two-line key bar were two rows taller than the screen (qa-play9)."""
        keys = self.query_one("#form-keys", KeyBar).outer_size.height or KEY_BAR_ROWS
        room = height - keys - FORM_CHROME_ROWS
        fields = self.query_one("#form-fields", VerticalScroll)
        fields.styles.max_height = max(FIELDS_MIN_ROWS, min(room, height * 7 // 10))
        self.query_one("#form").styles.max_height = max(1, height - keys)

    def on_mount(self) -> None:
        """Compact fields (one line each) keep a form usable on a 100 x 30 terminal.
        None once the app is leaving: its screens' widgets are being removed."""
        if leaving(self.app):
            return
        compact = "Input, TextArea, Checkbox, RadioSet, RadioButton"
        for widget in self.query_one("#form-fields").query(compact):
            widget.compact = True  # type: ignore[attr-defined]
        self.refill()
        self._fit_fields(self.size.height or self.app.size.height)

    def fields(self) -> ComposeResult:
        """The form's own inputs."""
        yield from ()

    def collect(self) -> dict[str, Any] | str:
        """The event data, or a message saying what is missing."""
        raise NotImplementedError

    def before(self) -> list[tuple[str, dict[str, Any]]]:
        """Events to submit before the form's own (a field of the ticket it needs)."""
        return []

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)
        self.query_one("#form").add_class("-error")

    def action_save(self) -> None:
        data = self.collect()
        if isinstance(data, str):
            self.show_error(data)
            return
        reason = self.controller.refusal(self.EVENT, data) if self.EVENT else None
        if reason is not None:
            self.show_error(_("Not accepted: {reason}").format(reason=localized(reason)))
            return
        self.drafts.pop(self.target, None)
        self.accepted(data)

    def accepted(self, data: dict[str, Any]) -> None:
        """The data passed every check: close with it (a form may ask something first)."""
        self.dismiss(data)

    def action_cancel(self) -> None:
        typed = self._typed() if self.target is not None else {}  # a draft is a case's
        if typed:
            self.drafts[self.target] = typed
        else:
            self.drafts.pop(self.target, None)
        self.dismiss(None)

    def _text_fields(self) -> list[Input | TextArea]:
        return [w for w in self.query_one("#form-fields").query("Input, TextArea") if w.id]  # type: ignore[misc]

    def _texts(self) -> dict[str, str]:
        """The form's text fields, by id."""
        fields = self._text_fields()
        return {str(w.id): w.text if isinstance(w, TextArea) else w.value for w in fields}

    def _typed(self) -> dict[str, str]:
        """The text fields the candidate changed since the form was filled, by id."""
        return {
            field: text
            for field, text in self._texts().items()
            if text.strip() and text != self._as_filled.get(field)
        }

    def _restore_draft(self) -> None:
        draft = self.drafts.get(self.target)
        for widget in self._text_fields() if draft else []:
            if widget.id in draft:  # type: ignore[operator]
                text = draft[widget.id]  # type: ignore[index]
                if isinstance(widget, TextArea):
                    widget.load_text(text)
                    widget.move_cursor(widget.document.end)
                else:
                    widget.value = text
                    widget.cursor_position = len(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()

    def with_kb(self, article: str | None, link: str | None, passage: str | None) -> FormScreen:
        """Let Ctrl+L / Ctrl+O insert from the article open in the KB panel."""
        self.kb_article, self.kb_link, self.kb_passage = article, link, passage
        return self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "insert_kb":
            return (self.kb_link if parameters == ("link",) else self.kb_passage) is not None
        return True

    def action_insert_kb(self, kind: str) -> None:
        text = self.kb_link if kind == "link" else self.kb_passage
        if text:
            self.insert_text(text)
            self.kb_inserted = True

    def insert_text(self, text: str) -> None:
        """Forms with a text box put KB text at its cursor."""
