"""A yes/no question before a step that cannot be undone (closing a ticket, a
reply that seems meant for someone else, a reply that starts with "/" as a KB
search would).

y (or j, o: ja, oui) or a click on Yes confirms; n, Escape or No goes back. The
focus starts on No, so Enter goes back too: the question comes after an Enter (a
reply sent), and a second Enter pressed by habit sent a "/shared calendar" meant for
the KB search to the customer (qa-play9). Enter presses the highlighted button, and
says so in the key bar; with no button highlighted (a click beside them) it answers
No: a stray Enter never ends or sends anything (bugs22). Ending a practice session
(Ctrl+Q) asks this same way (`ConfirmQuit`): it had no buttons and Enter did nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar


class Choice(Button, inherit_bindings=False):
    """A Yes or No button whose Enter is the question's own (`action_press_focused`),
    so that the key bar, which shows the screen's keys, names it."""


class ConfirmScreen(Paced, ModalScreen[bool]):
    """The question, what it does, and Yes / No."""

    CSS_PATH = "confirm.tcss"
    AUTO_FOCUS = "#confirm-no"

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        keymap.install(self, "confirm")  # y (j, o) and n / Esc, shown in its footer
        self.question = question
        self.detail = detail

    def ask(self, question: str, detail: str) -> ConfirmScreen:
        """Used again for another question: the texts, and the focus back on No."""
        self.question = question
        self.detail = detail
        if self.is_mounted:
            self.query_one("#confirm-question", Static).update(question)
            self.query_one("#confirm-detail", Static).update(detail)
            self.set_focus(self.query_one("#confirm-no", Button), scroll_visible=False)
        return self

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, id="confirm-question")
            yield Static(self.detail, id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Choice(_("Yes"), id="confirm-yes", variant="primary")
                yield Choice(_("No"), id="confirm-no")
        yield KeyBar(id="confirm-keys")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_press_focused(self) -> None:
        """Enter: the highlighted button; none highlighted: No."""
        focused = self.focused
        self.dismiss(isinstance(focused, Button) and focused.id == "confirm-yes")


class ConfirmQuit(ConfirmScreen):
    """End the practice session? Yes ends and seals it; No, n, Esc or Enter go back."""

    def __init__(self) -> None:
        super().__init__(
            _("End the practice session?"),
            _("The log is sealed as completed and the session cannot go on."),
        )


def wrong_recipient(
    controller: ExamController, text: str, customer_id: str | None, case: str
) -> ConfirmScreen | None:
    """ "Send this to ...?" when `text` names a customer of another open case, else None.

    The chat composer and the ticket reply form ask the same question (issue 14:
    two updates went to the wrong customers; issue 11: the ticket reply did not ask).
    """
    if not customer_id:
        return None
    named = controller.other_customers_named(text, customer_id)
    if not named:
        return None
    name = controller.customer_name(customer_id)
    return ConfirmScreen(
        _("Send this to {name}?").format(name=name),
        _("Your text names {named}, who has another open case; it goes to {name} ({case}).").format(
            named=", ".join(named), name=name, case=case
        ),
    )


def kb_search_typed(
    controller: ExamController, text: str, customer_id: str | None
) -> ConfirmScreen | None:
    """ "Send "/…" to ...?" when the text starts with "/", else None.

    "/" opens the KB search everywhere but in a text box, so a candidate who means
    to search from the reply box types "/locked out" into it (bugs7: it was sent).
    Helpdesk tools treat a leading "/" in a composer as a command, never as words
    for the customer; here it asks, and Esc or n gives the text back to correct.
    """
    if not text.lstrip().startswith("/"):
        return None
    name = controller.customer_name(customer_id) if customer_id else _("the customer")
    return ConfirmScreen(
        _("Send “{start}” to {name}?").format(start=text.strip().split("\n")[0][:30], name=name),
        _("Your text starts with “/”, as a KB search would: the knowledge base is F5. "
          "Yes sends it to {name} as it is; No takes you back to it.").format(name=name),
    )  # fmt: skip


def send_to_the_right_customer(
    app: App[object],
    controller: ExamController,
    text: str,
    recipient: tuple[str | None, str],
    *,
    send: Callable[[], None],
    back: Callable[[], None],
    cancelled: tuple[str, str],
) -> None:
    """`send()` at once, or after a yes to "Send this to ...?" when `text` names another
    open case's customer; a no logs the question as a cancelled form (`cancelled`: its
    kind and target) and calls `back()` to return to the text. The chat composer and
    the ticket reply form send through this one path."""
    customer_id, case = recipient
    ask = kb_search_typed(controller, text, customer_id) or wrong_recipient(
        controller, text, customer_id, case
    )
    if ask is None:
        send()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            send()
        else:
            controller.cancel_form(*cancelled)
            back()

    app.push_screen(ask, answered)
