"""What the ticket queue shows: rows, their order and filter, as plain data.

The widget (`widgets/queue.py`) only diffs these rows against what it shows.
Everything here is a function of the exam state and an exam time, so the
queue is tested without Textual, and the benchmark can time one SLA tick of
the whole queue on its own.

Cells that change only when the ticket changes (title, customer, status...)
are cached per ticket and rebuilt when its history grows; the SLA cell is
computed on every refresh, because it is the one that moves with the clock.
It shows minutes far from a deadline (`format.sla_left`), so on most ticks
its text, and the row, stay the same object and nothing is repainted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from helpdesk_tui.core.sla import (
    SlaPlan,
    SlaProfile,
    SlaState,
    TicketSla,
    sla_inputs,
    sla_plan,
    ticket_sla,
)
from helpdesk_tui.core.state import ExamState, Ticket, TicketStatus
from helpdesk_tui.i18n import N_, _, current_language
from helpdesk_tui.printable import printable
from helpdesk_tui.ui.format import (
    LATE_SECONDS_SHOWN_S,
    QUEUE_STATUS_MAX,
    SECONDS_SHOWN_S,
    clip,
    one_line,
    queue_status_label,
    sla_left,
)

S = TicketStatus

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", N_("ID"), 7),
    ("sla", N_("SLA left"), 9),
    ("priority", N_("Pri"), 3),
    ("title", N_("Title"), 20),
    ("customer", N_("Customer"), 13),
    ("status", N_("Status"), 11),
    ("group", N_("Group"), 10),
)
"""(key, header msgid, width). SLA comes second so it stays in view on a narrow screen;
the title's width is a minimum: it takes whatever room the others leave."""
NARROWEST: dict[str, int] = {"title": 12, "customer": 8, "status": QUEUE_STATUS_MAX}
"""How far columns give way on a narrow screen (100 x 30): texts are cut with an ellipsis,
but never a status (its short words fit `QUEUE_STATUS_MAX`)."""
GIVES_WAY = ("customer", "status")
"""The order in which columns give up room, once the group has gone, before the title goes
below its 20."""
TIGHTEST: dict[str, int] = {"title": 8, "customer": 5}
"""Below `NARROWEST` (the queue's room at 80 x 24 is 51 cells, the columns took 62 and
the status column was cut by the area's edge: "forwar", "on hol"): the title and the
customer shrink further, in turn. The status column never does (the group has gone)."""


LEFT_OUT = ("customer", "priority", "status")
"""(bugs16) Below `TIGHTEST` (the ticket area in focus at 100 columns leaves the queue 37 cells;
its columns needed 48 and the status column was cut at the area's edge: "Klant S"), these
columns go, in turn, whole: the ticket area beside it shows the selected ticket's customer,
priority and status. At 37 cells the queue shows ID, SLA and a title of 17."""


def column_widths(room: int, gap: int = 1) -> dict[str, int]:
    """Each column's width in `room` cells, `gap` cells before each (and one at the end).

    The title takes whatever the others leave. When that is less than its width in
    `COLUMNS` (20), the group column goes first (the ticket area names the group; it is
    empty until a ticket is transferred), then the customer and status columns give way in
    turn, one cell at a time, down to their narrowest; only then the title goes below 20,
    down to its narrowest, and (80 x 24) the title and the customer shrink to `TIGHTEST`.
    Narrower again (the ticket area in focus), the customer, priority and status columns
    go whole, in turn (`LEFT_OUT`), never cut. ID and SLA never shrink. Before bugs17 every
    column stayed in view down to 100 columns, and the title there was 12 wide ("DRINGEND:
    t…", "Toegang tot…") beside a mostly empty group column (bugs13 to bugs16).
    """
    widths = {key: width for key, _label, width in COLUMNS}
    spare = room - gap * (len(COLUMNS) + 1) - sum(w for k, w in widths.items() if k != "title")
    if spare >= widths["title"]:
        widths["title"] = spare
        return widths
    spare += widths["group"] + gap  # its gap goes with it
    widths["group"] = 0
    short = _give_way(widths, widths["title"] - spare, GIVES_WAY, NARROWEST)
    widths["title"] -= short  # a negative short: what the group left over
    short = 0
    if widths["title"] < NARROWEST["title"]:
        short = NARROWEST["title"] - widths["title"]
        widths["title"] = NARROWEST["title"]
        short = _give_way(widths, short, ("title", "customer"), TIGHTEST)
    for key in LEFT_OUT:
        if short <= 0:
            break
        short -= widths[key] + gap  # its gap goes with it
        widths[key] = 0
        widths["title"] += max(0, -short)
        short = max(short, 0)
    return widths


def _give_way(
    widths: dict[str, int], short: int, keys: tuple[str, ...], least: dict[str, int]
) -> int:
    """Take `short` cells from the `keys` columns in turn, one at a time, none below its
    `least`; the cells still missing."""
    while short > 0:
        shrinkable = [k for k in keys if widths[k] > least[k]]
        if not shrinkable:
            break
        for key in shrinkable:
            if short > 0:
                widths[key] -= 1
                short -= 1
    return short


SORTS: dict[str, str] = {
    "sla": N_("SLA urgency"),
    "priority": N_("priority"),
    "id": N_("ticket id"),
    "updated": N_("last update"),
    "customer": N_("customer"),
}
FILTERS: dict[str, str] = {
    "open": N_("not closed"),
    "active": N_("active"),
    "at_risk": N_("at risk"),
    "updated": N_("updated"),
    "mine": N_("mine"),
    "pending": N_("pending"),
    "all": N_("all"),
}
FORWARDED = "forwarded"
"""The group cell's tone while its ticket is with that group (transferred): where the group
column has gone (100 and 120 columns, `column_widths`), the status cell says where the ticket
went instead of "forwarded" (`forwarded_status`). The cell holds the group's whole name;
the column's ellipsis cuts it where it shows."""
FORWARD_MARK = "→"
GROUP_INDEX = [key for key, _label, _width in COLUMNS].index("group")
STATUS_INDEX = [key for key, _label, _width in COLUMNS].index("status")


def forwarded_status(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """The row's cells as the queue shows them without its group column (bugs18): a ticket
    transferred to a group reads "→Netwerk en systemen" in its status cell, so the candidate
    sees in the queue where it went, not only in the ticket area."""
    group = cells[GROUP_INDEX]
    if group.tone != FORWARDED:
        return cells
    status = Cell(FORWARD_MARK + group.text, "status")
    return (*cells[:STATUS_INDEX], status, *cells[STATUS_INDEX + 1 :])


UPDATED = "●"
"""Marks a ticket with arrivals the candidate has not seen (`Ticket.unseen`)."""

PAUSED = "paused"
DONE = "done"
"""Tones beyond SlaState: a paused clock, and a ticket whose clocks stopped."""

_PENDING = frozenset({S.PENDING_CUSTOMER, S.PENDING_THIRD_PARTY})
_FINISHED = frozenset({S.RESOLVED, S.CLOSED})
_NUMBER = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's text and tone ('' plain; ok, warning, breached, met, paused, done)."""

    text: str
    tone: str = ""


@dataclass(frozen=True, slots=True)
class QueueRow:
    ticket_id: str
    cells: tuple[Cell, ...]
    """In COLUMNS order."""


def natural_key(text: str) -> tuple[object, ...]:
    """T-99 before T-100."""
    return tuple(int(p) if p.isdigit() else p for p in _NUMBER.split(text))


class Glance(NamedTuple):
    """What a row shows of a ticket's SLA: the time left to the nearest deadline not
    met (`nearest`), the worst target's state (`TicketSla.worst`; a breach is final,
    so it is also whether any target was missed) and whether the clocks stand still."""

    left: float | None
    worst: SlaState
    paused: bool


def glance_of(sla: TicketSla) -> Glance:
    return Glance(nearest(sla), sla.worst, sla.paused)


def nearest(sla: TicketSla) -> float | None:
    """Seconds to the nearest deadline not yet met (negative: overdue by that much).

    Unlike `TicketSla.next_deadline_left` an overdue target counts: a ticket
    still waiting for its first response after the deadline is the most urgent.
    """
    lefts = [t.time_left for t in sla.targets if t.time_left is not None and t.met_at is None]
    return min(lefts) if lefts else None


_BREACHED, _WARNING, _OK = SlaState.BREACHED.value, SlaState.WARNING.value, SlaState.OK.value
"""The tones, read once: an enum member's `.value` is two Python calls, 300 a tick."""


def sla_cell(ticket: Ticket, glance: Glance, language: str | None = None) -> Cell:
    """The SLA column: time to the nearest deadline (`nearest`), marked by the worst
    target's state.

    Cells are kept per (tone, what the time shows, language): the same object for
    the same text, so a row whose text did not change compares by identity, and
    300 running clocks a second do not format 300 strings (`_sla_text`). `language`:
    the current one, when the caller has it at hand (`QueueModel.rows`, once a tick)."""
    if ticket.status in _FINISHED:
        if glance.worst == SlaState.BREACHED:
            return Cell(_("✗ missed"), SlaState.BREACHED.value)
        return Cell(_("✓ met"), SlaState.MET.value)
    left, worst = glance.left, glance.worst
    if left is None:
        return Cell("–", DONE)
    if glance.paused:
        tone, mark = PAUSED, "‖ "
    elif worst == SlaState.BREACHED:
        tone, mark = _BREACHED, "✗ "
    elif worst == SlaState.WARNING:
        tone, mark = _WARNING, "! "
    else:
        tone, mark = _OK, ""
    key = (tone, shown_left(left), language or current_language())
    cell = _SLA_CELLS.get(key)
    if cell is None:
        if len(_SLA_CELLS) >= SLA_CELLS_KEPT:
            _SLA_CELLS.clear()
        cell = _SLA_CELLS[key] = Cell(mark + sla_left(left), tone)
    return cell


SLA_CELLS_KEPT = 1024
"""SLA cells kept (`sla_cell`): a queue's running clocks show a few hundred texts at once.
An overdue clock shows a new text every second to the end of the exam, so the cells
are kept until this many, then all dropped: 4,096 held about 1 MB of past seconds (mem21)."""
_SLA_CELLS: dict[tuple[str, int, str], Cell] = {}


def shown_left(seconds: float) -> int:
    """What `format.sla_left(seconds)` shows, as a number: two times give the same
    text exactly when they give the same number. Whole seconds (rounded up) within
    the last ten minutes, whole seconds overdue (negative, rounded up in size) in its
    first hour late, whole minutes late (offset past that hour's range) after it, and
    whole minutes (offset past the seconds' range) further out."""
    if seconds < 0:
        late = math.ceil(-seconds)
        return -late if late < LATE_SECONDS_SHOWN_S else -(LATE_SECONDS_SHOWN_S + late // 60)
    total = math.ceil(seconds)
    if total <= SECONDS_SHOWN_S:
        return total
    return SECONDS_SHOWN_S + 1 + total // 60


def title_cell(ticket: Ticket) -> Cell:
    """The title, bold behind a marker and a count while something new on it is unseen."""
    if ticket.unseen:
        count = str(ticket.unseen) if ticket.unseen > 1 else ""
        return Cell(f"{UPDATED}{count} {one_line(printable(ticket.title))}", "updated")
    return Cell(one_line(printable(ticket.title)))  # an invisible character shown (sec21)


_first = itemgetter(0)


class QueueModel:
    """The queue's sort and filter, and its rows at an exam time."""

    def __init__(self) -> None:
        self.sort = "sla"
        self.filter = "open"
        self.search = ""
        self.kept: str | None = None
        """The ticket the last `rows` listed only because it was to be kept."""
        """Shown only: tickets whose id, title or customer contains this (any case)."""
        self._static: dict[
            str, tuple[tuple[object, ...], tuple[Cell, ...], tuple[object, ...]]
        ] = {}
        self._plans: dict[str, tuple[object, tuple[object, ...], SlaPlan | None]] = {}
        self._rows: dict[str, tuple[tuple[Cell, ...], Cell, QueueRow]] = {}
        self._seen: tuple[object, ...] | None = None
        """(state, its last_seq, SLA profile, language) at the last `rows`: every change of
        a ticket is an event the reducer applies, and each bumps `last_seq`."""

    def cycle_sort(self) -> str:
        keys = list(SORTS)
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)]
        return self.sort

    def cycle_filter(self) -> str:
        keys = list(FILTERS)
        self.filter = keys[(keys.index(self.filter) + 1) % len(keys)]
        return self.filter

    def set_filter(self, name: str) -> None:
        if name in FILTERS:
            self.filter = name

    def describe(self, *, short: bool = False, with_search: bool = True) -> str:
        """The queue's title line: which sort and filter (and search) are on.

        `short` says the same in fewer words, and `with_search=False` leaves the search
        out (its box above the list shows it), for a narrow terminal (100 columns in
        Dutch or French), where the whole line would be cut in the middle."""
        words = _("by {sort} · {filter}") if short else _("sorted by {sort} · showing {filter}")
        text = words.format(sort=_(SORTS[self.sort]), filter=_(FILTERS[self.filter]))
        if with_search and self.search.strip():
            text += " · " + _("search “{text}”").format(text=self.search.strip())
        return text

    def rows(self, state: ExamState, now: float, keep: str | None = None) -> list[QueueRow]:
        """The visible rows, in display order.

        `keep` (the ticket in the ticket area) stays listed although the filter
        (not a search) would drop it, until the candidate moves off it: a ticket they just
        closed must not make the cursor, and the ticket area, jump to another
        (issue 14, finding 3: replies went to the wrong customer).
        """
        profile = state.sla_profile
        if profile is None:
            return []
        language = current_language()
        needle = self.search.strip().casefold()
        keyed: list[tuple[tuple[object, ...], QueueRow]] = []
        self.kept = None
        seen = (state, state.last_seq, profile, language)
        last = self._seen
        same = (
            last is not None
            and last[0] is state
            and last[1] == state.last_seq
            and last[2] is profile
            and last[3] == language
        )
        self._seen = seen
        for ticket in state.tickets.values():
            sla = self._glance(ticket, profile, now, same)
            if needle and not self._found(state, ticket, needle):
                continue  # a search narrows the list, the kept ticket too
            if not self._shown(ticket, sla):
                if ticket.id != keep:
                    continue
                self.kept = ticket.id
            static, natural = self._static_cells(state, ticket, language, same)
            keyed.append(
                (
                    self._sort_key(state, ticket, sla, natural),
                    self._row(ticket, static, sla_cell(ticket, sla, language)),
                )
            )
        keyed.sort(key=_first)
        return [row for _, row in keyed]

    def _glance(self, ticket: Ticket, profile: SlaProfile, now: float, same: bool) -> Glance:
        """The ticket's SLA at `now`, from its plan (`core.sla.SlaPlan`), made again only
        when the ticket's clocks changed: 300 tickets' clocks are asked every second.
        `same`: no event was applied since the last `rows` (`_seen`), so no ticket changed
        and its kept plan is used without gathering its inputs again."""
        cached = self._plans.get(ticket.id)
        plan = None
        if same and cached is not None:
            plan = cached[2]
            if plan is not None and now >= plan.since:
                left, worst = plan.glance(now)
                return Glance(left, worst, plan.paused)
        inputs = sla_inputs(ticket)
        if cached is not None and cached[0] is profile and cached[1] == inputs:
            plan = cached[2]
        if plan is None or now < plan.since:
            plan = sla_plan(ticket, profile, now)
            self._plans[ticket.id] = (profile, inputs, plan)
        if plan is None:
            return glance_of(ticket_sla(ticket, profile, now))
        left, worst = plan.glance(now)
        return Glance(left, worst, plan.paused)

    def _row(self, ticket: Ticket, static: tuple[Cell, ...], sla: Cell) -> QueueRow:
        """The row; the same object as last time when no cell changed, so the table's
        comparison of what it shows with what it should show is an identity check.
        The static cells come as one kept tuple and SLA cells are kept per text
        (`sla_cell`), so "no cell changed" is mostly two identity checks."""
        kept = self._rows.get(ticket.id)
        if kept is not None and kept[0] is static and kept[1] is sla:
            return kept[2]  # (an equal SLA cell not the same object: only after `_SLA_CELLS`
            # was emptied; the new row then compares equal cell by cell in the table)
        row = QueueRow(ticket.id, (static[0], sla, *static[1:]))
        self._rows[ticket.id] = (static, sla, row)
        return row

    def _shown(self, ticket: Ticket, sla: Glance) -> bool:
        f = self.filter
        if f == "all":
            return True
        if f == "open":
            return ticket.status != S.CLOSED
        if f == "pending":
            return ticket.status in _PENDING
        if f == "updated":
            return ticket.unseen > 0
        if f == "mine":
            return ticket.worked_on and ticket.status != S.CLOSED
        if not ticket.is_active:
            return False
        if f == "at_risk":
            return sla.worst in (SlaState.WARNING, SlaState.BREACHED)
        return True

    def _sort_key(
        self,
        state: ExamState,
        ticket: Ticket,
        sla: Glance,
        natural: tuple[object, ...],
    ) -> tuple[object, ...]:
        status = ticket.status  # `_bucket`, inline: 300 tickets a tick
        if status == S.CLOSED:
            bucket = 3
        elif status == S.RESOLVED:
            bucket = 2
        else:
            bucket = 1 if sla.paused else 0
        left = sla.left
        urgency = (bucket, math.inf if left is None else left)
        if self.sort == "priority":
            return (bucket >= 2, ticket.priority or "~", *urgency, natural)
        if self.sort == "id":
            return (natural,)
        if self.sort == "updated":
            return (-ticket.updated_at, natural)
        if self.sort == "customer":
            return (self._customer_name(state, ticket).casefold(), natural)
        return (*urgency, natural)

    def _found(self, state: ExamState, ticket: Ticket, needle: str) -> bool:
        if not needle:
            return True
        haystack = f"{ticket.id}\n{ticket.title}\n{self._customer_name(state, ticket)}"
        return needle in haystack.casefold()

    @staticmethod
    def _customer_name(state: ExamState, ticket: Ticket) -> str:
        customer = state.customers.get(ticket.customer_id)
        return customer.name if customer else ticket.customer_id

    def _static_cells(
        self, state: ExamState, ticket: Ticket, language: str, same: bool = False
    ) -> tuple[tuple[Cell, ...], tuple[object, ...]]:
        """id, priority, title, customer, status, group (and the id's sort key): rebuilt
        only when the ticket changes (`same`: no event since the last `rows`, see `_glance`)."""
        if same:
            kept = self._static.get(ticket.id)
            if kept is not None:
                return kept[1], kept[2]
        version = (
            len(ticket.history),
            ticket.status,
            ticket.priority,
            ticket.group,
            ticket.unseen,
            language,
        )
        cached = self._static.get(ticket.id)
        if cached is not None and cached[0] == version:
            return cached[1], cached[2]
        widths = {key: width for key, _, width in COLUMNS}
        group = state.groups.get(ticket.group, ticket.group) if ticket.group else ""
        forwarded = ticket.status == S.TRANSFERRED and bool(group)
        cells = (
            Cell(ticket.id),
            Cell(ticket.priority or "–", "priority"),
            title_cell(ticket),
            Cell(clip(self._customer_name(state, ticket), widths["customer"])),
            Cell(clip(queue_status_label(ticket.status.value), widths["status"]), "status"),
            Cell(one_line(group), FORWARDED) if forwarded else Cell(clip(group, widths["group"])),
        )
        natural = natural_key(ticket.id)
        self._static[ticket.id] = (version, cells, natural)
        return cells, natural
