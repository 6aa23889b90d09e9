"""The selected ticket: who, what, its SLA targets and links, then its thread.

The thread is the ticket's whole conversation in time order (the customer's
words in its chats and calls, public replies, internal notes, second-line
replies, and a dim line for each other step), as a helpdesk agent expects
to read a ticket (Zammad, Freshdesk, Zendesk).

Rendered from state on every change of the ticket and once a second for its
SLA clocks; the widget keeps nothing but the text it last showed.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import VerticalScroll

from helpdesk_tui.core.sla import SlaState, TargetStatus, ticket_sla
from helpdesk_tui.core.state import Ticket
from helpdesk_tui.i18n import _, current_language
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.format import (
    TARGET_LABELS,
    clock,
    labelled,
    level_label,
    localized,
    mood_label,
    sla_left,
    status_label,
)
from helpdesk_tui.ui.shown import append_shown
from helpdesk_tui.ui.widgets.kept_text import CLOCK_TEXTS_KEPT, KEEP, VERSIONS, KeptText
from helpdesk_tui.ui.widgets.line_view import Blocks, LineView
from helpdesk_tui.ui.widgets.queue import TONES


def _target_text(target: TargetStatus, paused: bool) -> tuple[str, str]:
    if target.state == SlaState.MET:
        return _("✓ met"), "met"
    if target.time_left is None:
        return (
            ("✗ " + _("missed"), "breached") if target.state == SlaState.BREACHED else ("–", "done")
        )
    if target.met_at is not None:
        return "✗ " + _("late"), "breached"
    if paused:
        return "‖ " + sla_left(target.time_left), "paused"
    mark = {"breached": "✗ ", "warning": "! "}.get(target.state.value, "")
    return mark + sla_left(target.time_left), target.state.value


def category_name(controller: ExamController, category_id: str | None) -> str:
    """The scenario's name for a category id (the review's reader has a scenario too)."""
    scenario = controller.scenario
    if category_id and scenario is not None:
        for category in scenario.categories:
            if category.id == category_id:
                return category.name
    return category_id or "–"


LABEL_WIDTH = 10
"""The head's label column ("Catégorie", "Categorie"); values start a column after it."""


def head_rows(controller: ExamController, ticket: Ticket) -> tuple[Text, list[tuple[str, Text]]]:
    """The head's title line and its (label, value) rows; a row with no label goes on
    under the row before it (the priority's override reason)."""
    state = controller.state
    title = Text()
    title.append(f"{ticket.id}  ", style="bold")
    append_shown(title, ticket.title, style="bold")
    rows: list[tuple[str, Text]] = []
    customer = state.customers.get(ticket.customer_id)
    who = Text(controller.customer_name(ticket.customer_id))
    if customer is not None:
        extra = [customer.department] if customer.department else []
        extra.append(_("mood {mood}").format(mood=mood_label(customer.mood)))
        who.append(" (" + ", ".join(extra) + ")", style="dim")
    rows.append((_("Customer"), who))
    rows.append((_("Status"), Text(status_label(ticket.status.value))))
    if ticket.group:  # a row of its own: "attente client · groupe –" wrapped its dash at 120 x 40
        rows.append((_("Group"), Text(state.groups.get(ticket.group, ticket.group))))
    rows.append((_("Category"), Text(category_name(controller, ticket.category))))
    priority = Text(controller.priority_label(ticket.priority))
    levels = _("impact {impact} × urgency {urgency}").format(
        impact=level_label(ticket.impact, "impact", state.sla_profile),
        urgency=level_label(ticket.urgency, "urgency", state.sla_profile),
    )
    priority.append(" (" + levels + ")", style="dim")
    rows.append((_("Priority"), priority))
    if ticket.priority_override_reason:
        reason = _("overridden: {reason}").format(reason=ticket.priority_override_reason)
        rows.append(("", Text(reason, style="italic")))
    return title, rows


def render_head(controller: ExamController, ticket: Ticket) -> Text:
    """Who, what and how the ticket is classified, as one text (tests and the review read it)."""
    title, rows = head_rows(controller, ticket)
    out = title.copy()
    for label, value in rows:
        out.append(f"\n{label:<{LABEL_WIDTH}} ", style="dim")
        out.append_text(value)
    return out


def head_view(controller: ExamController, ticket: Ticket) -> Group:
    """The head as the ticket area shows it: a value that wraps goes on under its value,
    not under the labels ("(Finance," / "humeur calme)" at 120 x 40 in French)."""
    title, rows = head_rows(controller, ticket)
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(width=LABEL_WIDTH, no_wrap=True, style="dim")
    grid.add_column(ratio=1)
    for label, value in rows:
        grid.add_row(label, value)
    return Group(title, grid)


def render_sla(controller: ExamController, ticket: Ticket, now: float) -> Text:
    """The three SLA targets, one a line (changes once a minute while a clock runs far
    from its deadline, every second in its last ten minutes and once overdue)."""
    out = Text(no_wrap=True, overflow="ellipsis")
    profile = controller.state.sla_profile
    if profile is None:
        return out
    sla = ticket_sla(ticket, profile, now)
    # As wide as the language's longest label: a floor of 16 cut French "✓ respecté" at 100 x 30.
    width = max(len(_(label)) + 1 for label in TARGET_LABELS.values())
    for index, target in enumerate(sla.targets):
        text, tone = _target_text(target, sla.paused)
        label = _("SLA") if index == 0 else ""
        out.append(f"{label:<4}", style="dim")
        out.append(f"{_(TARGET_LABELS[target.target.value]):<{width}}", style="dim")
        out.append(text, style=TONES.get(tone, ""))
        if index < 2:
            out.append("\n")
    return out


THREADED = frozenset({"ticket_reply_added", "note_added", "second_line_reply", "customer_email"})
"""History entries the thread shows in full from the ticket itself (not as a line)."""


def body_blocks(controller: ExamController, ticket: Ticket, key: Hashable = None) -> Blocks:
    """Links, solution, then the thread, as the ticket area's `LineView` shows them: the
    first block the links and the thread's title, then a block a thread entry, built
    when painted (the whole text is `render_body`'s). `key` names the ticket's version:
    a version's blocks are those of that version, whoever shows it (`Blocks.same`)."""
    head = Text()
    links = [controller.conversation_label(c) for c in ticket.conversation_ids]
    links += ticket.kb_articles
    head.append(f"{_('Links'):<10} ", style="dim")
    append_shown(head, ", ".join(links) if links else "–")
    if ticket.solution:
        _row(head, _("Solution"), ticket.solution)
    head.append("\n\n" + _("Conversation"), style="bold underline")
    items = thread(controller, ticket)
    count = len(items) + 2  # the head, the entries, and the empty line after the last

    def build(index: int) -> Text:
        if index == 0:
            return head
        if index > len(items):
            return Text()
        return thread_line(*items[index - 1])

    return Blocks(key, count, build, count)


def thread_line(at: float, who: str, style: str, text: str) -> Text:
    """One entry of the thread: when, who, what."""
    out = Text()
    out.append(clock(at) + " ", style="dim")
    if who:
        out.append(labelled(who), style=style)
        append_shown(out, text)
    else:
        append_shown(out, text, style="dim")
    return out


def render_body(controller: ExamController, ticket: Ticket) -> Text:
    """Links, solution, then the thread: what was said and done, oldest first."""
    blocks = body_blocks(controller, ticket)
    return Text("\n").join(blocks.build(index) for index in range(blocks.count))


def thread(controller: ExamController, ticket: Ticket) -> list[tuple[float, str, str, str]]:
    """(time, who, style, text) of everything on the ticket, oldest first: the
    description, the customer's and the candidate's words in its linked
    conversations, public replies, internal notes, second-line replies, and
    one dim line for each other step (taken, transferred, resolved...)."""
    name = controller.customer_name(ticket.customer_id)
    items: list[tuple[float, int, str, str, str]] = []
    if ticket.description:
        # An e-mail's body is the customer's; a ticket the candidate made, their summary.
        who, style = (
            (_("Description"), "bold") if ticket.source == "candidate" else (name, "bold cyan")
        )
        items.append((ticket.created_at, 0, who, style, ticket.description))
    for conv_id in ticket.conversation_ids:
        conv = controller.conversation(conv_id)
        if conv is None:
            continue
        where = _("chat") if conv.channel == "chat" else _("call")
        for message in conv.messages:
            if message.author == "customer":
                who, style = f"{controller.customer_name(conv.customer_id)} ({where})", "bold cyan"
            elif message.author == "candidate":
                who, style = f"{_('You')} ({where})", "bold green"
            else:
                continue
            items.append((message.at, message.seq, who, style, message.text))
    for entry in ticket.history:
        if entry.type in THREADED:
            continue
        text = localized(_named_conversations(controller, entry.summary))
        items.append((entry.at, entry.seq, "", "", text))
    for at, text in ticket.replies:
        items.append(
            (
                at,
                _seq_at(ticket, "ticket_reply_added", at),
                _("You (public reply)"),
                "bold green",
                text,
            )
        )
    for at, text in ticket.notes:
        items.append(
            (at, _seq_at(ticket, "note_added", at), _("Internal note"), "bold magenta", text)
        )
    for at, text in ticket.customer_mails:
        who = f"{name} ({_('e-mail')})"
        items.append((at, _seq_at(ticket, "customer_email", at), who, "bold cyan", text))
    for at, group, text in ticket.second_line:
        label = controller.state.groups.get(group, group)
        items.append((at, _seq_at(ticket, "second_line_reply", at), label, "bold yellow", text))
    items.sort(key=lambda item: (item[0], item[1]))
    return [(at, who, style, text) for at, _seq, who, style, text in items]


def _seq_at(ticket: Ticket, event_type: str, at: float) -> int:
    """The log position of a reply, note or second-line answer (for a stable order)."""
    for entry in ticket.history:
        if entry.type == event_type and entry.at == at:
            return entry.seq
    return 0


def _named_conversations(controller: ExamController, summary: str) -> str:
    """A history line with its conversation named by who and when, not by its id."""
    values = getattr(summary, "values", None)
    if not values or "conversation" not in values:
        return summary
    named = {**values, "conversation": controller.conversation_label(values["conversation"])}
    return type(summary)(summary.template, **named)  # type: ignore[call-arg, attr-defined]


def render_ticket(controller: ExamController, ticket: Ticket, now: float) -> Text:
    """The whole ticket as one text (what the three parts show; tests read it)."""
    return Text("\n").join(
        [
            render_head(controller, ticket),
            render_sla(controller, ticket, now),
            render_body(controller, ticket),
        ]
    )


def _row(out: Text, label: str, value: str) -> None:
    out.append(f"\n{label:<10} ", style="dim")
    append_shown(out, value)


class TicketDetail(VerticalScroll):
    """A scrollable view of one ticket (or a hint when none is selected).

    Three parts, so the SLA lines that change every second repaint alone,
    without a new layout of the whole view.
    """

    can_focus = True

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ticket_id: str | None = None
        self._version: tuple[object, ...] | None = None
        self._heads: LRUCache[tuple[object, ...], Group] = LRUCache(KEEP)
        self._parts: dict[str, KeptText] = {}
        self._versions_kept: dict[tuple[str, str], list[tuple[object, ...]]] = {}
        """Per ticket and part, the versions kept in `_heads` and `_bodies` (`_supersede`)."""
        self._view: LineView | None = None
        self._bodies: LRUCache[tuple[object, ...], Blocks] = LRUCache(KEEP)
        """Kept apart: the head shows the customer's mood and not the thread, the body
        the thread and not the mood, so a customer's message or change of mood renders
        again only the part it changes (the head's grid is twice the body's work)."""

    def compose(self) -> ComposeResult:
        yield KeptText(self._none_text(), id="ticket-head")
        yield KeptText("", id="ticket-sla", keep=CLOCK_TEXTS_KEPT)
        yield LineView(id="ticket-body")

    @staticmethod
    def _none_text() -> Text:
        return Text(_("No ticket selected: pick one in the queue (F2)."), style="dim")

    def show(self, controller: ExamController, ticket_id: str | None, now: float) -> None:
        """Render the ticket: head and body when it changed, the SLA lines when they did.

        A ticket's texts and rendered lines are kept by its version, so moving
        back to a ticket shown before costs neither (`KeptText`)."""
        ticket = controller.ticket(ticket_id)
        if ticket_id != self.ticket_id:
            self.ticket_id = ticket_id
            self._version = None
            if self.scroll_y or self.scroll_target_y or self.scroll_x or self.scroll_target_x:
                self.scroll_home(animate=False)  # a ticket starts at its top (a message: if needed)
        if ticket is None:
            self._show_none()
            return
        head_version, body_version = self._versions(controller, ticket)
        version = (head_version, body_version)
        if version != self._version:
            self._version = version
            for part in (self._part("#ticket-sla"), self._body):
                if not part.display:
                    part.display = True
            head, body = self._texts(controller, ticket, head_version, body_version)
            self._replace("#ticket-head", ("head", head_version), head, ticket.id)
            self._body.show(body)
        sla = render_sla(controller, ticket, now)
        self._part("#ticket-sla").show((sla.plain, tuple(sla.spans)), sla)

    def render_ahead(self, controller: ExamController, ticket_id: str | None) -> bool:
        """Render a ticket's head and thread before it is shown (the queue's next row,
        while the candidate pauses), as `show` will: stepping onto it then costs its
        key what stepping back onto a ticket shown before does. Nothing when a ticket
        is not shown now (the parts' widths are not known) or this one is kept already;
        False then."""
        ticket = controller.ticket(ticket_id)
        if ticket is None or not self._version or ticket_id == self.ticket_id:
            return False
        head_version, body_version = self._versions(controller, ticket)
        head, body = self._texts(controller, ticket, head_version, body_version)
        static = self._part("#ticket-head")
        key = ("head", head_version)
        static.supersede(ticket.id, key)
        done = static.prepare(key, head, static.content_region.width)
        return self._body.prepare(body, self._body.content_region.width) or done

    @staticmethod
    def _versions(
        controller: ExamController, ticket: Ticket
    ) -> tuple[tuple[object, ...], tuple[object, ...]]:
        """What the head's and the thread's texts are kept by: each changes whenever
        that text would."""
        customer = controller.state.customers.get(ticket.customer_id)
        said = sum(
            len(conv.messages)
            for conv in (controller.conversation(c) for c in ticket.conversation_ids)
            if conv is not None
        )
        common = (ticket.id, len(ticket.history), ticket.updated_at, current_language())
        return (*common, customer.mood if customer else ""), (*common, said)

    def _texts(
        self,
        controller: ExamController,
        ticket: Ticket,
        head_version: tuple[object, ...],
        body_version: tuple[object, ...],
    ) -> tuple[Group, Blocks]:
        head = self._heads.get(head_version)
        if head is None:
            head = self._heads[head_version] = head_view(controller, ticket)
            self._supersede(self._heads, ticket.id, "head", head_version)
        body = self._bodies.get(body_version)
        if body is None:
            body = self._bodies[body_version] = body_blocks(controller, ticket, body_version)
            self._supersede(self._bodies, ticket.id, "body", body_version)
        return head, body

    def _supersede(
        self, cache: LRUCache[Any, Any], ticket_id: str, part: str, version: tuple[object, ...]
    ) -> None:
        """Drop the ticket's text of the version before the one before (`KeptText.supersede`:
        an older version is never shown again)."""
        kept = self._versions_kept.setdefault((ticket_id, part), [])
        kept.append(version)
        while len(kept) > VERSIONS:
            old = kept.pop(0)
            cache.discard(old)
            if part == "body":
                self._body.drop(old)  # its blocks' heights

    def _replace(self, selector: str, key: tuple[object, ...], text: Group, ticket_id: str) -> None:
        """Show new text; lay the view out again only when its height changed.

        Moving through the queue shows one ticket after another, mostly as
        tall as the last: repainting them in place keeps a new layout of the
        whole screen out of each key press.
        """
        static = self._part(selector)
        static.supersede(ticket_id, key)
        if not static.show(key, text):
            return
        width, height = static.content_region.size
        if not width or static.height_at(width) != height:
            static.refresh(layout=True)

    @property
    def _body(self) -> LineView:
        """The thread (a `LineView`: only its lines on screen are rendered)."""
        view = self._view
        if view is None:
            view = self._view = self.query_one("#ticket-body", LineView)
        return view

    def _part(self, selector: str) -> KeptText:
        """One of the three parts (they stay as long as the view: found once)."""
        part = self._parts.get(selector)
        if part is None:
            part = self._parts[selector] = self.query_one(selector, KeptText)
        return part

    def _show_none(self) -> None:
        if self._version == ():
            return
        self._version = ()
        self.query_one("#ticket-head", KeptText).show(
            ("none", current_language()), self._none_text()
        )
        self.query_one("#ticket-sla", KeptText).forget()
        self.query_one("#ticket-sla").display = False
        self.query_one("#ticket-body").display = False
