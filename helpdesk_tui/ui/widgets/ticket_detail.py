"""The selected ticket: who, what, its SLA targets, links and history.

Rendered from state on every change of the ticket and once a second for its
SLA clocks; the widget keeps nothing but the text it last showed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from helpdesk_tui.core.sla import SlaState, TargetStatus, ticket_sla
from helpdesk_tui.core.state import Ticket
from helpdesk_tui.i18n import N_, _
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.format import clock, level_label, mood_label, span, status_label
from helpdesk_tui.ui.widgets.queue import TONES

TARGET_LABELS = {
    "first_response": N_("first response"),
    "update": N_("update"),
    "resolution": N_("resolution"),
}
HISTORY_SHOWN = 12


def _target_text(target: TargetStatus, paused: bool) -> tuple[str, str]:
    if target.state == SlaState.MET:
        return _("✓ met"), "met"
    if target.time_left is None:
        return ("✗ " + _("missed"), "breached") if target.state == SlaState.BREACHED else ("–", "done")
    if target.met_at is not None:
        return "✗ " + _("late"), "breached"
    if paused:
        return "‖ " + span(target.time_left), "paused"
    mark = {"breached": "✗ ", "warning": "! "}.get(target.state.value, "")
    return mark + span(target.time_left), target.state.value


def render_ticket(controller: ExamController, ticket: Ticket, now: float) -> Text:
    """The whole ticket as text (tested without an app)."""
    state = controller.state
    out = Text()
    out.append(f"{ticket.id}  ", style="bold")
    out.append(ticket.title + "\n", style="bold")
    customer = state.customers.get(ticket.customer_id)
    _row(out, _("Customer"), controller.customer_name(ticket.customer_id))
    if customer is not None:
        extra = [customer.department] if customer.department else []
        extra.append(_("mood {mood}").format(mood=mood_label(customer.mood)))
        out.append(" (" + ", ".join(extra) + ")", style="dim")
    group = state.groups.get(ticket.group, ticket.group) if ticket.group else "–"
    _row(out, _("Status"), status_label(ticket.status.value))
    out.append(" · " + _("group {group}").format(group=group), style="dim")
    _row(out, _("Category"), ticket.category or "–")
    _row(out, _("Priority"), controller.priority_label(ticket.priority))
    out.append(
        " ("
        + _("impact {impact} × urgency {urgency}").format(
            impact=level_label(ticket.impact), urgency=level_label(ticket.urgency)
        )
        + ")",
        style="dim",
    )
    if ticket.priority_override_reason:
        out.append("\n  " + _("overridden: {reason}").format(reason=ticket.priority_override_reason), style="italic")
    _sla_rows(out, controller, ticket, now)
    links = [*ticket.conversation_ids, *ticket.kb_articles]
    _row(out, _("Links"), ", ".join(links) if links else "–")
    if ticket.solution:
        _row(out, _("Solution"), ticket.solution)
    if ticket.description:
        out.append("\n\n" + ticket.description)
    out.append("\n\n" + _("History") + "\n", style="bold underline")
    for entry in ticket.history[-HISTORY_SHOWN:]:
        out.append(clock(entry.at) + " ", style="dim")
        out.append(entry.summary + "\n")
    return out


def _row(out: Text, label: str, value: str) -> None:
    out.append(f"\n{label:<10} ", style="dim")
    out.append(value)


def _sla_rows(out: Text, controller: ExamController, ticket: Ticket, now: float) -> None:
    profile = controller.state.sla_profile
    if profile is None:
        return
    sla = ticket_sla(ticket, profile, now)
    _row(out, _("SLA"), "")
    parts = []
    for target in sla.targets:
        text, tone = _target_text(target, sla.paused)
        parts.append((_(TARGET_LABELS[target.target.value]), text, tone))
    for i, (label, text, tone) in enumerate(parts):
        if i:
            out.append(" · ", style="dim")
        out.append(label + " ", style="dim")
        out.append(text, style=TONES.get(tone, ""))


class TicketDetail(VerticalScroll):
    """A scrollable view of one ticket (or a hint when none is selected)."""

    can_focus = True

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text: Text | None = None
        self.ticket_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(_("No ticket selected: pick one in the queue (F2)."), id="ticket-body")

    def show(self, controller: ExamController, ticket_id: str | None, now: float) -> None:
        """Render the ticket; scroll to the top when it is another ticket."""
        ticket = controller.ticket(ticket_id)
        text = (
            render_ticket(controller, ticket, now)
            if ticket
            else Text(_("No ticket selected: pick one in the queue (F2)."), style="dim")
        )
        if ticket_id != self.ticket_id:
            self.ticket_id = ticket_id
            self.scroll_home(animate=False)
        elif self._text is not None and text == self._text:
            return
        self._text = text
        self.query_one("#ticket-body", Static).update(text)
