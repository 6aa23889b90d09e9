"""Create or edit a ticket: title, customer, category, impact, urgency, description.

The priority the SLA profile's matrix gives for impact x urgency is shown
live as the candidate picks them. When editing, the candidate may override
that priority with a reason (the reducer refuses an override without one).
Created from a conversation, the form is filled with its customer, its
subject and what the customer said so far (as the description), and links
the conversation unless the candidate unticks it.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from helpdesk_tui.core.state import Ticket
from helpdesk_tui.i18n import _
from helpdesk_tui.ui.format import level_label, priority_label
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.bounded import LIMITS, BoundedInput, BoundedTextArea
from helpdesk_tui.ui.widgets.choice import ChoiceField


class TicketForm(FormScreen):
    """`ticket_created` (no ticket given) or `ticket_updated` (a ticket to edit).

    Three builds are kept (`variant`): a new ticket, a new ticket from a
    conversation (with the "link" box), and an edit (with the override)."""

    ticket: Ticket | None = None
    conversation_id: str | None = None

    @classmethod
    def variant(cls, ticket: Ticket | None = None, **kwargs: Any) -> str:
        if ticket is not None:
            return "edit"
        return "create-linked" if kwargs.get("conversation_id") else "create"

    def prepare(
        self,
        ticket: Ticket | None = None,
        *,
        customer_id: str | None = None,
        conversation_id: str | None = None,
        title: str = "",
        description: str = "",
    ) -> None:
        """What this use is about: the ticket to edit, or a new ticket's first values."""
        self.ticket = ticket
        self.conversation_id = conversation_id
        self.EVENT = "ticket_updated" if ticket else "ticket_created"
        self.FORM = "ticket_edit" if ticket else "ticket_create"
        heading = (
            _("Edit ticket {id}").format(id=ticket.id)
            if ticket
            else _("New ticket {id}").format(id=self.controller.state.next_ticket_id())
        )
        self.aim(ticket.id if ticket else conversation_id, heading)
        self._customer_id = ticket.customer_id if ticket else customer_id
        self._title = ticket.title if ticket else title
        self._description = ticket.description if ticket else description

    def fields(self) -> ComposeResult:
        """The widgets, empty: `fill` gives them this use's values."""
        profile = self.controller.state.sla_profile
        names = profile.levels if profile else ()
        impacts = [(level_label(v, "impact", profile), v) for v in names]
        urgencies = [(level_label(v, "urgency", profile), v) for v in names]
        yield Label(_("Title"), classes="field-label")
        yield BoundedInput(
            placeholder=_("The problem in a few words"), id="title", limit=LIMITS["title"]
        )
        if self.ticket is None:
            yield Label(_("Customer"), classes="field-label")
            yield ChoiceField([], id="customer", prompt=_("Choose the customer"))
            if self.conversation_id:
                yield Checkbox("", True, id="link")
        else:
            yield Static("", id="customer-name", classes="field-label")
        yield Label(_("Category"), classes="field-label")
        yield ChoiceField(
            self.controller.category_choices(), id="category", prompt=_("Choose a category")
        )
        with Horizontal(classes="field-row"):
            with Vertical():
                yield Label(_("Impact"), classes="field-label")
                yield ChoiceField(impacts, id="impact", prompt=_("Impact"))
            with Vertical():
                yield Label(_("Urgency"), classes="field-label")
                yield ChoiceField(urgencies, id="urgency", prompt=_("Urgency"))
        yield Static("", id="priority", classes="priority")
        if self.ticket is not None:
            yield from self._override_fields()
        yield Label(_("Description"), classes="field-label")
        yield BoundedTextArea(id="description", limit=LIMITS["description"])

    def _override_fields(self) -> ComposeResult:
        profile = self.controller.state.sla_profile
        priorities = (
            [(priority_label(p, profile), p) for p in sorted(profile.priorities)] if profile else []
        )
        with Horizontal(classes="field-row"):
            with Vertical():
                yield Label(_("Override the priority"), classes="field-label")
                yield ChoiceField(priorities, id="override", prompt=_("From the matrix"))
            with Vertical():
                yield Label(_("Reason for the override"), classes="field-label")
                yield BoundedInput(
                    limit=LIMITS["reason"],
                    placeholder=_("needed to override"),
                    id="override-reason",
                )

    def fill(self) -> None:
        ticket = self.ticket
        title = self.query_one("#title", Input)
        title.value = self._title
        title.cursor_position = len(self._title)
        if ticket is None:
            customers = [(c.name, c.id) for c in self.controller.state.customers.values()]
            self.query_one("#customer", ChoiceField).reset(self._customer_id, customers)
            if self.conversation_id:
                link = self.query_one("#link", Checkbox)
                link.label = _("Link the {conversation}").format(
                    conversation=self.controller.conversation_label(self.conversation_id)
                )
                link.value = True
        else:
            name = self.controller.customer_name(ticket.customer_id)
            customer = self.query_one("#customer-name", Static)
            customer.update(_("Customer: {name}").format(name=name))
            overridden = ticket.priority if ticket.priority_override_reason else None
            self.query_one("#override", ChoiceField).reset(overridden)
            self.query_one("#override-reason", Input).value = ticket.priority_override_reason or ""
        self.query_one("#category", ChoiceField).reset(ticket.category if ticket else None)
        self.query_one("#impact", ChoiceField).reset(ticket.impact if ticket else None)
        self.query_one("#urgency", ChoiceField).reset(ticket.urgency if ticket else None)
        self.query_one("#description", TextArea).load_text(self._description)
        self._show_priority()
        self.set_focus(title, scroll_visible=False)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if event.choice.id in ("impact", "urgency", "override"):
            self._show_priority()

    def _choice(self, selector: str) -> str | None:
        return self.query_one(selector, ChoiceField).value

    def _show_priority(self) -> None:
        impact = self._choice("#impact")
        urgency = self._choice("#urgency")
        priority = self.controller.priority_for(impact, urgency)
        text = _("Priority from the matrix: {priority}").format(
            priority=self.controller.priority_label(priority)
        )
        if self.ticket is not None:
            override = self._choice("#override")
            if override:
                label = self.controller.priority_label(override)
                text += "  →  " + _("overridden to {priority}").format(priority=label)
        self.query_one("#priority", Static).update(text)

    def collect(self) -> dict[str, Any] | str:
        missing = self._missing()
        if missing:
            self.set_focus(self.query_one(f"#{missing[0][0]}"))
            return _("Fill in before saving: {fields}.").format(
                fields=", ".join(label for _id, label in missing)
            )
        title = self.query_one("#title", Input).value.strip()
        fields = {
            "title": title,
            "description": self.query_one("#description", TextArea).text.strip(),
            "category": self._choice("#category"),
            "impact": self._choice("#impact"),
            "urgency": self._choice("#urgency"),
        }
        if self.ticket is None:
            return self._created(fields)
        return self._updated(self.ticket, fields)

    def _missing(self) -> list[tuple[str, str]]:
        """The required fields left empty, in the form's order: (widget id, label).

        A new ticket needs its title, customer, impact and urgency: a helpdesk
        registers impact and urgency (they give the priority and its SLA clocks),
        and a ticket saved without them showed the priority "–" and ran no clock
        the candidate could see. An edit needs its title (a queue ticket that
        arrived without impact or urgency may still be edited for other fields).
        The typed text stays; the focus goes to the first missing field."""
        missing = []
        if not self.query_one("#title", Input).value.strip():
            missing.append(("title", _("Title")))
        if self.ticket is None:
            required = (
                ("customer", _("Customer")),
                ("impact", _("Impact")),
                ("urgency", _("Urgency")),
            )
            missing += [(id_, label) for id_, label in required if self._choice(f"#{id_}") is None]
        return missing

    def _created(self, fields: dict[str, Any]) -> dict[str, Any] | str:
        customer = self._choice("#customer")
        data: dict[str, Any] = {
            "ticket_id": self.controller.state.next_ticket_id(),
            "customer_id": customer,
            **{k: v for k, v in fields.items() if v},
        }
        if self.conversation_id and self.query_one("#link", Checkbox).value:
            data["conversation_id"] = self.conversation_id
        return data

    def _updated(self, ticket: Ticket, fields: dict[str, Any]) -> dict[str, Any] | str:
        changes: dict[str, Any] = {}
        for key, value in fields.items():
            current = getattr(ticket, key) or ("" if key == "description" else None)
            if value is not None and value != current:
                changes[key] = value
        data: dict[str, Any] = {"ticket_id": ticket.id, "changes": changes}
        override = self._choice("#override")
        reason = self.query_one("#override-reason", Input).value.strip()
        if override is not None:
            if (override, reason) != (ticket.priority, ticket.priority_override_reason):
                if not reason:
                    return _("Give a reason for overriding the priority.")
                data["priority_override"] = override
                data["override_reason"] = reason
        elif ticket.priority_override_reason is not None:
            data["priority_override"] = None
        if not changes and "priority_override" not in data:
            return _("Nothing changed.")
        return data
