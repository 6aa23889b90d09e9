"""The small ticket forms: transfer, pending, resolve, and a text (reply, note, reopen).

Each returns the data of one event; see `form_base` for how they are checked
and how a cancel is logged.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from helpdesk_tui.core.state import Ticket
from helpdesk_tui.i18n import _
from helpdesk_tui.scenario.model import Macro
from helpdesk_tui.ui.format import one_line, status_label
from helpdesk_tui.ui.screens.confirm import send_to_the_right_customer
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.bounded import LIMITS, BoundedInput, BoundedTextArea, EnterSends
from helpdesk_tui.ui.widgets.choice import ChoiceField


class TicketAction(FormScreen):
    """A form acting on one ticket, whose heading says whose ticket it is."""

    def about(self, ticket: Ticket) -> str:
        """ " · customer · title" after the action: "Resolve T-1002" alone let a candidate
        whose queue had re-sorted resolve another customer's ticket with the article open
        for this one (bugs7, in tmux); the reply form already named both."""
        name = self.controller.customer_name(ticket.customer_id)
        return f" · {name} · {one_line(ticket.title)}"


def _press_only(radios: RadioSet, button_id: str) -> None:
    """Press one button of a set and release the others, at once. `RadioSet` keeps
    the pressed button itself and learns of a change by a message, which keys typed
    while the form opens would overtake; Textual is pinned (docs/known-issues.md)."""
    with radios.prevent(RadioButton.Changed):
        for button in radios.query(RadioButton):
            button.value = button.id == button_id
            if button.value:
                radios._pressed_button = button
    radios._selected = radios.pressed_index


class TransferForm(TicketAction):
    """`ticket_transferred`: one of the scenario's groups, and why; and the ticket's
    category, which a transfer needs (docs/candidate-guide.md, "Transferring"): the
    group must know what kind of problem it gets. A ticket without one gets it here,
    saved (`ticket_updated`) before the transfer (`before`)."""

    FORM = "transfer"
    EVENT = "ticket_transferred"

    def prepare(self, ticket: Ticket) -> None:
        self.ticket = ticket
        self.aim(ticket.id, _("Transfer {id}").format(id=ticket.id) + self.about(ticket))

    def fields(self) -> ComposeResult:
        groups = [(name, gid) for gid, name in self.controller.state.groups.items()]
        yield Label(_("Category (the group needs to know what kind of problem it is)"),
                    classes="field-label")  # fmt: skip
        yield ChoiceField(
            self.controller.category_choices(), id="category", prompt=_("Choose a category")
        )
        yield Label(_("Group"), classes="field-label")
        yield ChoiceField(groups, id="group", prompt=_("Choose the group"), allow_blank=False)
        yield Label(_("Reason (what you found, what they should do)"), classes="field-label")
        yield EnterSends(limit=LIMITS["reason"], id="reason")

    def fill(self) -> None:
        category = self.query_one("#category", ChoiceField)
        category.reset(self.ticket.category)
        group = self.query_one("#group", ChoiceField)
        group.reset(None)
        self.query_one("#reason", EnterSends).load_text("")
        self.set_focus(group if self.ticket.category else category, scroll_visible=False)

    def on_enter_sends_submitted(self, event: EnterSends.Submitted) -> None:
        """Enter in the reason saves the form (Shift+Enter or Ctrl+J: a new line)."""
        event.stop()
        self.action_save()

    def collect(self) -> dict[str, Any] | str:
        category = self.query_one("#category", ChoiceField)
        group = self.query_one("#group", ChoiceField)
        reason = self.query_one("#reason", EnterSends).text.strip()
        if category.is_blank():
            self.set_focus(category)
            return _(
                "A transfer needs the ticket's category: the group has to know what kind "
                "of problem it gets."
            )
        if group.is_blank():
            return _("Choose the group to transfer to.")
        if not reason:
            return _("A transfer needs a reason.")
        self._first: list[tuple[str, dict[str, Any]]] = []
        if category.value != self.ticket.category:
            changes = {"category": str(category.value)}
            self._first = [("ticket_updated", {"ticket_id": self.ticket.id, "changes": changes})]
        return {"ticket_id": self.ticket.id, "group": str(group.value), "reason": reason}

    def before(self) -> list[tuple[str, dict[str, Any]]]:
        """The category chosen here, saved on the ticket before the transfer."""
        return self._first


class PendingForm(TicketAction):
    """`ticket_pending`: waiting on the customer or on a third party (the SLA clock stops)."""

    FORM = "pending"
    EVENT = "ticket_pending"

    def prepare(self, ticket: Ticket) -> None:
        self.ticket = ticket
        self.aim(ticket.id, _("Set {id} pending").format(id=ticket.id) + self.about(ticket))

    def fields(self) -> ComposeResult:
        yield Label(_("Waiting on"), classes="field-label")
        with RadioSet(id="waiting"):
            yield RadioButton(_("the customer"), value=True, id="customer")
            yield RadioButton(_("a third party"), id="third_party")
        yield Label(_("Reason (optional)"), classes="field-label")
        yield BoundedInput(id="reason", limit=LIMITS["reason"])

    def fill(self) -> None:
        waiting = self.query_one("#waiting", RadioSet)
        _press_only(waiting, "customer")
        self.query_one("#reason", Input).value = ""
        self.set_focus(waiting, scroll_visible=False)

    def collect(self) -> dict[str, Any] | str:
        pressed = self.query_one("#waiting", RadioSet).pressed_button
        waiting_on = pressed.id if pressed is not None and pressed.id else "customer"
        data: dict[str, Any] = {"ticket_id": self.ticket.id, "waiting_on": waiting_on}
        reason = self.query_one("#reason", Input).value.strip()
        if reason:
            data["reason"] = reason
        return data


class ResolveForm(TicketAction):
    """`ticket_resolved`: a solution written by the candidate, or a KB article, or both.

    Choosing an article while the solution is empty, or still the link the form
    put there, puts the chosen article's link in the solution, so "pick a KB
    article" alone is enough to resolve; text the candidate wrote is kept.
    """

    FORM = "resolve"
    EVENT = "ticket_resolved"
    TEXT_KEYS = True

    _filled = ""

    def prepare(self, ticket: Ticket, article_id: str | None = None) -> None:
        self.ticket = ticket
        self.article_id = article_id
        self.aim(ticket.id, _("Resolve {id}").format(id=ticket.id) + self.about(ticket))

    def fields(self) -> ComposeResult:
        yield Label(_("KB article (optional)"), classes="field-label")
        yield ChoiceField([], id="article", prompt=_("No article"))
        yield Label(_("Solution"), classes="field-label")
        yield BoundedTextArea(id="solution", limit=LIMITS["solution"])

    def fill(self) -> None:
        articles = [(f"{a.id} · {a.title}", a.id) for a in self.controller.articles()]
        preset = self.article_id if any(v == self.article_id for _label, v in articles) else None
        self.query_one("#article", ChoiceField).reset(preset, articles)
        self._filled = self.controller.article_link(preset) if preset else ""
        solution = self.query_one("#solution", TextArea)
        solution.load_text(self._filled)
        self.set_focus(solution, scroll_visible=False)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        solution = self.query_one("#solution", TextArea)
        if solution.text.strip() not in ("", self._filled.strip()):
            return  # the candidate's own words stay
        self._filled = self.controller.article_link(event.value) if event.value else ""
        solution.text = self._filled

    def insert_text(self, text: str) -> None:
        self.query_one("#solution", TextArea).insert(text)

    def collect(self) -> dict[str, Any] | str:
        solution = self.query_one("#solution", TextArea).text.strip()
        article = self.query_one("#article", ChoiceField)
        if self.ticket.category is None:
            return _(
                "Give the ticket a category first (e: edit): a solved ticket is counted by it."
            )
        if not solution:
            return _("Write the solution, or choose a KB article.")
        data: dict[str, Any] = {"ticket_id": self.ticket.id, "solution": solution}
        if not article.is_blank():
            data["kb_article"] = str(article.value)
        return data


class TextForm(FormScreen):
    """One text for a ticket: a public reply, an internal note, or why it is reopened."""

    TEXT_KEYS = True

    KINDS = {
        "reply": ("ticket_reply_added", "text", True),
        "note": ("note_added", "text", True),
        "reopen": ("ticket_reopened", "reason", False),
    }

    @classmethod
    def variant(cls, ticket: Ticket, kind: str, *args: Any, **kwargs: Any) -> str:
        macro = kwargs.get("macro", args[1] if len(args) > 1 else None)
        return kind if macro is None else f"{kind}-macro"

    def prepare(
        self, ticket: Ticket, kind: str, text: str = "", macro: Macro | None = None
    ) -> None:
        controller = self.controller
        titles = {
            "reply": _("Public reply to {name} on {id}: {title} (the customer reads this)"),
            "note": _("Internal note on {id}: {title} (only colleagues read this)"),
            "reopen": _("Reopen {id}: why?"),
        }
        title = titles[kind].format(
            id=ticket.id,
            name=controller.customer_name(ticket.customer_id),
            title=one_line(ticket.title),
        )
        self.aim(ticket.id, title)
        self.FORM = kind if macro is None else "macro"
        self._kind = kind
        self.EVENT, self._field, self._required = self.KINDS[kind]
        self.ticket = ticket
        self._initial = text
        self.macro = macro

    def fields(self) -> ComposeResult:
        limit = LIMITS["reason" if self._kind == "reopen" else self._kind]
        yield BoundedTextArea(id="text", limit=limit)
        if self.macro is not None:
            yield Static("", classes="field-label", id="macro-status")

    def fill(self) -> None:
        area = self.query_one("#text", TextArea)
        area.load_text(self._initial)
        if self.macro is not None:
            then = _("Then the ticket's status becomes: {status} (macro “{title}”).").format(
                status=status_label(self.macro.status), title=self.macro.title
            )
            self.query_one("#macro-status", Static).update(then)
        self.set_focus(area, scroll_visible=False)
        area.move_cursor(area.document.end)

    def insert_text(self, text: str) -> None:
        self.query_one("#text", TextArea).insert(text)

    def collect(self) -> dict[str, Any] | str:
        text = self.query_one("#text", TextArea).text.strip()
        if self._required and not text:
            return _("Write something first.")
        data: dict[str, Any] = {"ticket_id": self.ticket.id}
        if text:
            data[self._field] = text
        if self.macro is not None:
            data["macro_id"] = self.macro.id
        return data

    def accepted(self, data: dict[str, Any]) -> None:
        """A public reply that names the customer of another open case asks first, as
        the chat's reply box does; n or Esc goes back to the text (logged as cancelled)."""
        if self._kind != "reply":
            self.dismiss(data)
            return
        send_to_the_right_customer(
            self.app,
            self.controller,
            data.get("text", ""),
            (self.ticket.customer_id, self.ticket.id),
            send=lambda: self.dismiss(data),
            back=self.query_one("#text", TextArea).focus,
            cancelled=("reply_confirm", self.ticket.id),
        )
