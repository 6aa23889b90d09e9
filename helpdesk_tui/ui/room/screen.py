"""The room: one row per candidate, live, sortable; Enter observes the one selected.

The rows come from `sitting.room.Room` (one `LogFollower` per log, polled by
the app's timer: only new bytes are read). The table is updated by
difference inside `batch_update` (STYLE.md, after Dolphie): a new log adds
its row, a changed figure updates its cell, nothing is cleared and refilled,
so the cursor stays on the candidate the proctor chose. In practice mode the
panel below shows the selected student's hints and the feedback on each
ticket they closed. Nothing here writes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from helpdesk_tui.i18n import N_, _, ngettext
from helpdesk_tui.printable import printable, printable_name
from helpdesk_tui.same_id import started_at, tells
from helpdesk_tui.sitting.room import CandidateWatch, Room, RoomRow
from helpdesk_tui.ui.format import clock, labelled, mode_label
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.observe.screen import ObserveScreen
from helpdesk_tui.ui.practice_controls import describe_feedback
from helpdesk_tui.ui.review import keys
from helpdesk_tui.ui.review.dialogs import KeysHelp
from helpdesk_tui.ui.widgets.cell_cache import CellCache
from helpdesk_tui.ui.widgets.keybar import KeyBar

STATES: dict[str, tuple[str, str]] = {
    "waiting": (N_("waiting"), "dim"),
    "running": (N_("running"), "green"),
    "resumed": (N_("resumed"), "green"),
    "paused": (N_("paused"), "yellow"),
    "quiet": (N_("quiet"), "bold yellow"),
    "interrupted": (N_("interrupted"), "bold black on yellow"),
    "handed-in": (N_("handed in"), "cyan"),
    "time-up": (N_("time up"), "cyan"),
    "stopped": (N_("stopped"), "bold magenta"),
    "completed": (N_("completed"), "cyan"),
    "ended": (N_("ended"), "cyan"),
    "broken": (N_("BROKEN"), "bold white on red"),
}
"""Each state the room knows: its words and its colour."""


DAY_MINUTES = 24 * 60
"""Idle this long or more is shown as "> 24 h": longer than any exam (5 hours at most)."""


def minutes(seconds: float) -> str:
    """An exam clock to the minute, HH:MM: a room needs no seconds, and a cell that changes
    every second makes the whole table paint again every second (benchmarks/README.md)."""
    total = max(0, int(seconds)) // 60
    return f"{total // 60:02d}:{total % 60:02d}"


def idle(seconds: float) -> str:
    """Time since the last action, to the minute: '<1 min', '7 min', '1 h 05'; a day or
    more '> 24 h' (bugs21's walk: "6682 h" for a log first seen months after its last
    record, which no exam lasts: what a proctor needs is that it is old, not by how much)."""
    total = max(0, int(seconds)) // 60
    if total >= DAY_MINUTES:
        return _("> 24 h")
    if total < 1:
        return _("<1 min")
    if total < 60:
        return _("{n} min").format(n=total)
    return _("{h} h {m:02d}").format(h=total // 60, m=total % 60)


def _num(value: int, warn: bool = True) -> Text:
    return Text(str(value) if value else "·", style="bold red" if value and warn else "")


def _witness(value: str) -> Text:
    if not value:
        return Text("–", style="dim")
    if value == "unseen":
        return Text(_("not seen"), style="bold yellow")
    if value.startswith("refused"):
        return Text(_("REFUSED: {why}").format(why=value.split(":", 1)[-1].strip()), "bold red")
    cosigned, signed = value.split("/")
    behind = int(cosigned) < int(signed)
    return Text(_("≤ seq {n}").format(n=cosigned), style="yellow" if behind else "green")


def tell_apart(rows: list[RoomRow]) -> None:
    """Each row of an id claimed by more than one log gets what tells it from the others
    (`same_id.tells`: its start to the minute, else to the second, else its log's name)."""
    claims: dict[str, list[RoomRow]] = {}
    for row in rows:
        if row.sessions > 1:
            claims.setdefault(row.candidate, []).append(row)
    for group in claims.values():
        found = tells([r.started for r in group], [r.key for r in group])
        for row, tell in zip(group, found, strict=True):
            row.tell = tell


def candidate_cell(row: RoomRow) -> str:
    """The candidate's id; where two sessions claim it, with what tells each apart
    (`tell_apart`): bugs19 saw two rows "simulated-ideal" alike. Without a header the id
    is the log's name (`printable_name`)."""
    if row.sessions < 2:
        return printable_name(row.candidate)
    return printable_name(f"{row.candidate} ‼ {row.tell or started_at(row.started)}")


class Label(Text):
    """The candidate cell: shows the candidate, and knows its row (for sorting by any column).

    A `Text`, never a `str`: DataTable reads a str cell as markup, and the id is the log
    header's word, so a log claiming "[@click=app.quit]Bob[/] c0003" showed as "Bob c0003"
    (another candidate's id) and a click on it quit the room (sec20)."""

    row_key: str

    def __init__(self, text: str, row_key: str) -> None:
        super().__init__(text)
        self.row_key = row_key


# key, header, cell, sort value
Column = tuple[str, str, Callable[[RoomRow], Any], Callable[[RoomRow], Any]]
COLUMNS: tuple[Column, ...] = (
    (
        "candidate",
        N_("Candidate"),
        lambda r: Label(candidate_cell(r), r.key),
        lambda r: r.candidate,
    ),
    (
        "state",
        N_("State"),
        lambda r: Text(_(STATES.get(r.state, (r.state, ""))[0]), STATES.get(r.state, ("", ""))[1]),
        lambda r: list(STATES).index(r.state) if r.state in STATES else 99,
    ),
    (
        "exam",
        N_("Exam"),
        lambda r: minutes(r.exam_time) if r.mode else "–",
        lambda r: r.exam_time,
    ),
    (
        "left",
        N_("Left"),
        lambda r: minutes(r.time_left) if r.time_left is not None else "–",
        lambda r: r.time_left if r.time_left is not None else 1e12,
    ),
    ("open", N_("Tickets"), lambda r: _num(r.open_tickets, False), lambda r: r.open_tickets),
    ("sla", N_("SLA✗"), lambda r: _num(r.sla_breaches), lambda r: r.sla_breaches),
    ("unanswered", N_("Wait"), lambda r: _num(r.unanswered), lambda r: r.unanswered),
    ("keys", N_("Keys"), lambda r: _num(r.blocked_keys), lambda r: r.blocked_keys),
    ("proctor", N_("Proc"), lambda r: _num(r.proctor_events), lambda r: r.proctor_events),
    ("disk", N_("Disk"), lambda r: _num(r.disk_faults), lambda r: r.disk_faults),
    ("resumes", N_("Res"), lambda r: _num(r.resumes), lambda r: r.resumes),
    (
        "idle",
        N_("Active"),
        lambda r: idle(r.idle_s) if r.idle_s is not None else "–",
        lambda r: r.idle_s if r.idle_s is not None else 1e12,
    ),
    ("witness", N_("Witness"), lambda r: _witness(r.witness), lambda r: r.witness),
)
LEGEND = N_(
    "Tickets: open · SLA✗: targets breached · Wait: customers unanswered · Keys: blocked · "
    "Proc: proctor events · Disk: faults · Res: resumes · Active: since the last action"
)


CLOCK_HEADERS = {"exam": N_("Exam"), "practice": N_("Practice")}
"""The clock column's header when every log is of one mode; a room of both says "Time"
(bugs22's walk: "Examen" over a room of practice logs)."""


def clock_header(modes: set[str]) -> str:
    """The clock column's header (a msgid) for the modes of the room's logs."""
    known = modes & set(CLOCK_HEADERS)
    if len(known) == 1:
        return CLOCK_HEADERS[known.pop()]
    return N_("Time") if known else CLOCK_HEADERS["exam"]


class RoomTable(CellCache, DataTable[Any]):
    """The room's table: a cell is rendered again only when it changed (`CellCache`)."""

    def relabel(self, key: str, label: str) -> None:
        """Rename a column where it stands (DataTable has no call for it: a removed and added
        column would move to the end), widening it when the new label is longer."""
        column = self.columns[ColumnKey(key)]
        if column.label.plain == label:
            return
        column.label = Text(label)  # a new object: the header's cell is rendered again
        column.content_width = max(column.content_width, column.label.cell_len)
        self._update_count += 1  # DataTable's line caches are keyed on it
        self._require_update_dimensions = True
        self.refresh()


class ObserveFromRoom(ObserveScreen):
    """`observe` on one candidate, opened from the room: q or Esc comes back, and its key
    bar says so (bugs19: it said "q Quit" and no Esc, and its Esc's English "Back" was
    made once at import)."""

    CSS_PATH = "../observe/screen.tcss"  # a CSS_PATH is read beside the class that names it
    KEYS_OWNER = "room_observe"

    def action_leave(self) -> None:
        self.dismiss(None)


class RoomScreen(Paced, Screen[None]):
    """Every candidate of a sitting, one row each, live."""

    CSS_PATH = "screen.tcss"

    def __init__(
        self,
        room: Room,
        *,
        title: str = "",
        wall_clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        keys.install(self, "room")
        self.room = room
        self.title_text = title
        self.wall_clock = wall_clock or (lambda: datetime.now(UTC))
        self.rows: dict[str, RoomRow] = {}
        self._shown: dict[str, Text | str] = {}
        self.sort_column = 0
        self.sort_reverse = False
        self.columns = [c for c in COLUMNS if c[0] != "witness" or room.witness is not None]

    def compose(self) -> ComposeResult:
        with Horizontal(id="room-header"):
            yield Static("", id="room-title")
            yield Static("", id="room-sort")
        yield RoomTable(id="room-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="room-detail"):
            yield Static("", id="room-detail-text")
        yield Static(_(LEGEND), id="room-legend")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, header, _cell, _sort in self.columns:
            table.add_column(_(header), key=key)
        self.query_one("#room-detail").border_title = _("Selected")
        self.poll()
        table.focus()

    # ------------------------------------------------------------------ following

    def poll(self) -> set[str]:
        """Look at every log (only new bytes), then redraw what changed (and the clocks)."""
        changed = self.room.poll()
        self.redraw()
        return changed

    def redraw(self) -> None:
        rows = {row.key: row for row in self.room.rows(self.wall_clock())}
        tell_apart(list(rows.values()))
        table = self.query_one(RoomTable)
        with self.app.batch_update():
            for key in [k for k in self.rows if k not in rows]:
                table.remove_row(key)  # a waiting candidate whose log has just appeared
                del self.rows[key]
            for key, row in rows.items():
                cells = [cell(row) for _k, _h, cell, _s in self.columns]
                if key not in self.rows:
                    table.add_row(*cells, key=key)
                else:
                    old = [cell(self.rows[key]) for _k, _h, cell, _s in self.columns]
                    for (column, *_rest), new, was in zip(self.columns, cells, old, strict=True):
                        if new != was:  # a longer text widens its column ("interrupted")
                            table.update_cell(key, column, new, update_width=True)
                self.rows[key] = row
            self._sort(table)
            self._labels(table)
        self._header()
        self._detail()

    def _sort(self, table: DataTable[Any]) -> None:
        """Order the rows by the chosen column (then candidate), only when the order changed."""
        sort_value = self.columns[self.sort_column][3]
        order = {k: (sort_value(r), r.candidate, r.started, k) for k, r in self.rows.items()}
        wanted = sorted(order, key=order.__getitem__, reverse=self.sort_reverse)
        if [row.key.value for row in table.ordered_rows] != wanted:
            table.sort(
                "candidate", key=lambda label: order[label.row_key], reverse=self.sort_reverse
            )

    def _labels(self, table: RoomTable) -> None:
        """Each column's header: the sorted one with its order's arrow, where the eye is
        (bugs22's walk: a click on a header did not visibly sort), and the clock's named
        for the logs' mode."""
        modes = {row.mode for row in self.rows.values()}
        for index, (key, header, _cell, _sort) in enumerate(self.columns):
            label = _(clock_header(modes) if key == "exam" else header)
            if index == self.sort_column:
                label += " ↓" if self.sort_reverse else " ↑"
            table.relabel(key, label)

    def _header(self) -> None:
        # wraps onto a second line where one is too short (bugs14: at 100 columns the Dutch
        # title ended "1 ingeleverd, 1 tijd om, 1 …", the counts the proctor reads it for)
        title = Text(overflow="fold")
        title.append(_("Room"), style="bold")
        if self.title_text:
            title.append(f" · {self.title_text}")
        states: dict[str, int] = {}
        for row in self.rows.values():
            states[row.state] = states.get(row.state, 0) + 1
        counts = ", ".join(f"{n} {_(STATES.get(s, (s, ''))[0])}" for s, n in sorted(states.items()))
        title.append(f" · {counts}" if counts else " · " + _("no logs yet"), style="dim")
        claimed = sorted({r.candidate for r in self.rows.values() if r.sessions > 1})
        for candidate in claimed:
            n = sum(1 for r in self.rows.values() if r.candidate == candidate)
            warning = ngettext(
                "‼ {n} session claims candidate {id}",
                "‼ {n} sessions claim candidate {id}",
                n,
            ).format(n=n, id=candidate)
            # one unbreakable run (no_break.py): the title wraps before it, never inside it
            # (bugs20: at 120 columns its id went alone onto the next line)
            title.append(" · " + warning.replace(" ", "\u00a0"), "bold red")
        if self.room.too_many:
            title.append(" · " + _("too many logs: only the first 500 are followed"), "bold red")
        self._show("#room-title", title)
        key, header = self.columns[self.sort_column][:2]
        header = _(clock_header({r.mode for r in self.rows.values()}) if key == "exam" else header)
        arrow = "↓" if self.sort_reverse else "↑"
        sort = _("sorted by {column} {arrow}").format(column=header, arrow=arrow)
        self._show("#room-sort", Text(sort, style="dim"))

    def _show(self, selector: str, content: Text | str) -> None:
        """Update a Static only when its content changed: an update lays the screen out again."""
        shown = self._shown.get(selector)
        if shown is not None and shown == content:
            return
        self._shown[selector] = content
        self.query_one(selector, Static).update(_printable(content))

    # ------------------------------------------------------------------ the detail panel

    @property
    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except Exception:  # noqa: BLE001 - an empty or just re-sorted table: nothing selected
            return None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._detail()

    def _detail(self) -> None:
        key = self.selected
        watch = self.room.watches.get(key or "")
        if watch is None:
            self._show(
                "#room-detail-text", _("No log yet: the candidate has not started.") if key else ""
            )
            return
        row = self.rows.get(key or "")
        others = [
            k for k, r in self.rows.items() if row and r.candidate == row.candidate and k != key
        ]
        self._show("#room-detail-text", detail_text(watch, others))

    # ------------------------------------------------------------------ actions

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click chooses a row; Enter (the screen's key) opens it."""
        event.stop()

    def action_open(self) -> None:
        """Observe the selected candidate: `observe`'s own screen, on a follower of its own."""
        from helpdesk_tui.eventlog.errors import LogError
        from helpdesk_tui.eventlog.follow import LogFollower

        watch = self.room.watches.get(self.selected or "")
        if watch is None:
            self.notify(_("No log to observe yet."), severity="warning")
            return
        try:
            follower = LogFollower(watch.path, self.room.public_key)
            backlog = follower.poll()
        except LogError as exc:
            # it names the log's file and may quote the log: no markup, no control code (sec20)
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        screen = ObserveFromRoom(
            follower, watch.scenario, wall_clock=self.wall_clock, backlog=backlog
        )
        self.app.push_screen(screen)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column's header sorts by it, as `s` does; a second click on the
        sorted column turns its order round, as `r` does."""
        event.stop()
        index = next(
            (i for i, column in enumerate(self.columns) if column[0] == event.column_key.value),
            None,
        )
        if index is None:
            return
        if index == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = index, False
        self.redraw()

    def action_sort(self, step: int) -> None:
        self.sort_column = (self.sort_column + step) % len(self.columns)
        self.redraw()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.redraw()

    def action_help(self) -> None:
        self.app.push_screen(KeysHelp(("room", "room_observe")))

    def action_leave(self) -> None:
        self.app.exit()


def detail_text(watch: CandidateWatch, others: list[str] | None = None) -> Text:
    """The selected candidate: the log, and what must not be missed; in practice, coaching.
    `others`: the other logs that claim the same candidate id."""
    out = Text()
    header = watch.follower.header
    out.append(printable_name(watch.key), style="dim")
    if header is not None:
        out.append(f" · {mode_label(header.mode)} · {header.scenario_id}", style="dim")
        if getattr(header, "created", ""):
            out.append(" · " + _("started {time}").format(time=started_at(header.created)), "dim")
    problems = [watch.problem] if watch.problem else []
    if others:
        problems.append(
            _("This candidate id is also claimed by: {logs}").format(
                logs=", ".join(map(printable_name, others))
            )
        )
    if watch.follower.fault is not None:
        problems.append(watch.follower.fault.message)
    problems += [
        _("record #{seq} refused: {why}").format(seq=s, why=w) for s, w in watch.refused[:3]
    ]
    for problem in problems:
        out.append("\n" + problem, style="bold red")
    if header is None or header.mode != "practice":
        return out
    hints = watch.counters.hints
    out.append("\n" + _("Hints asked: {n}").format(n=len(hints)), style="bold")
    for at, ticket, hint in hints[-5:]:
        out.append(f"\n  {clock(at)} {labelled(ticket)}{hint}")
    out.append("\n" + _("Feedback on closed tickets: {n}").format(n=len(watch.feedback)), "bold")
    for ticket, feedback in list(watch.feedback.items())[-5:]:
        lines = describe_feedback(feedback).splitlines()
        out.append(f"\n  {labelled(ticket)}" + " · ".join(lines))
    return out


def _printable(content: Text | str) -> Text | str:
    """The content with its control characters as pictures (line breaks kept: the detail's
    layout); a problem's words may name a log's file (`printable_name`)."""
    if isinstance(content, str):
        return printable(content)
    if content.plain.isprintable() or printable(content.plain) == content.plain:
        return content
    content = content.copy()
    content.plain = printable(content.plain)  # one character for one: the styles stay put
    return content
