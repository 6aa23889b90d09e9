"""The observer's screen: a running exam as the candidate sees it, read-only, live.

The standard prescribes a direct observation; with a terminal exam that is a
second terminal following the log. Each poll takes the new records from the
`LogFollower` (verified as they come), folds them with the exam's own
reducer and redraws by difference: the queue with its SLA clocks, the ticket
and conversation the candidate is looking at (unless the observer chooses
another; `f` follows the candidate again), the KB look-ups and a running
feed of records.

Between records the exam clock keeps running: the clocks show the last
record's exam time plus the wall time since it was written (times the
practice speed), while the session runs. A broken chain stops the following
and is shown in red across the screen; so is an event the reducer refuses.
There is no key, widget or message here that writes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from helpdesk_tui.core.reducer import Refused, apply
from helpdesk_tui.core.state import ExamState, TicketStatus
from helpdesk_tui.eventlog.follow import FollowUpdate, LogFollower
from helpdesk_tui.i18n import _, ngettext
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.sitting.room import is_running, live_exam_time, since_last_record
from helpdesk_tui.ui.format import clock, end_reason_label, localized, mode_label, since
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.observe.feed import Feed
from helpdesk_tui.ui.queue_model import QueueModel
from helpdesk_tui.ui.review import keys
from helpdesk_tui.ui.review.describe import record_line
from helpdesk_tui.ui.review.dialogs import KeysHelp
from helpdesk_tui.ui.review.panels import ConversationsView, KbLookupsView
from helpdesk_tui.ui.review.readonly import StateReader
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail
from helpdesk_tui.ui.widgets.title_line import TitleLine

CHOOSING_KEYS = frozenset({"up", "down", "pageup", "pagedown", "home", "end", "enter"})
QUIET_S = 120.0
"""Wall seconds without a record after which the header says so (a quiet spell, or a stop)."""
DAY_S = 24 * 3600.0
"""Quiet this long or more reads "more than 24 h", not "6682:05:03" (bugs21's walk)."""
FEED_LINES = 1000
FEED_CATCH_UP = 200
"""Records written to the feed from one poll; a long log read at start shows its latest."""


NARROW_BELOW = 110
"""Terminal width under which the observer's right-hand column narrows (screen.tcss)."""


class ObserveScreen(Paced, Screen[None]):
    """A live, read-only view of one running exam."""

    CSS_PATH = "screen.tcss"
    KEYS_OWNER = "observe"
    """Whose keys (review/keys.py): the room's observer leaves back to the room."""

    def __init__(
        self,
        follower: LogFollower,
        scenario: Scenario | None = None,
        *,
        wall_clock: Callable[[], datetime] | None = None,
        backlog: FollowUpdate | None = None,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        """`backlog`: what the caller's first poll of `follower` read (checked before the app
        ran); `monotonic`: the viewer's own clock for the live exam time (tests inject one)."""
        super().__init__()
        if monotonic is not None:
            follower.monotonic = monotonic
            if follower.grew_at is not None:
                follower.grew_at = monotonic()  # seen by the caller's poll, just now
        keys.install(self, self.KEYS_OWNER)
        self.follower = follower
        self._backlog = backlog
        self.scenario = scenario
        self.wall_clock = wall_clock or (lambda: datetime.now(UTC))
        self.state = ExamState()
        self.refused: list[tuple[int, str]] = []
        self.queue_model = QueueModel()
        self.follow = True
        self.ticket_id: str | None = None
        self._second = -1

    def compose(self) -> ComposeResult:
        with Horizontal(id="ob-header"):
            yield TitleLine("", id="ob-title")
            yield Static("", id="ob-clock")
        yield Static("", id="ob-banner")
        with Horizontal(id="ob-body"):
            with Vertical(id="ob-left"):
                with Vertical(id="ob-queue-area", classes="area"):
                    yield TicketQueue(id="ob-queue")
                with Vertical(id="ob-conv-area", classes="area"):
                    yield ConversationsView(id="ob-conversations", show_ids=False)
            with Vertical(id="ob-right"):
                with Vertical(id="ob-ticket-area", classes="area"):
                    yield TicketDetail(id="ob-ticket")
                with Vertical(id="ob-kb-area", classes="area"):
                    yield KbLookupsView(id="ob-kb")
                with Vertical(id="ob-feed-area", classes="area"):
                    # Wrapped to the area (min_width 1: RichLog's default of 78 would
                    # not wrap): at 100 columns the area is 32 wide, and a cut line left
                    # a notice unreadable.
                    yield Feed(
                        id="ob-feed", max_lines=FEED_LINES, wrap=True, min_width=1, markup=False
                    )
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        titles = {
            "#ob-queue-area": _("Queue"),
            "#ob-conv-area": _("Conversations"),
            "#ob-ticket-area": _("Ticket"),
            "#ob-kb-area": _("KB look-ups"),
            "#ob-feed-area": _("Records as they come"),
        }
        for selector, title in titles.items():
            self.query_one(selector).border_title = title
        if self._backlog is not None:
            self.take(self._backlog)
            self._backlog = None
        self.poll()
        self.query_one("#ob-queue", TicketQueue).focus()

    # ------------------------------------------------------------------ following

    def on_resize(self, event: events.Resize) -> None:
        """Below 110 columns the right-hand column narrows, so the queue keeps every
        column in view down to a 100-column terminal (issue 14, finding 11)."""
        self.set_class(event.size.width < NARROW_BELOW, "-narrow")

    def poll(self) -> FollowUpdate:
        """Take what the log gained since the last poll, fold it, redraw (also the clocks)."""
        update = self.follower.poll()
        self.take(update)
        return update

    def take(self, update: FollowUpdate) -> None:
        """Fold what one poll read, write it to the feed, redraw."""
        for entry in update.entries:
            try:
                apply(self.state, entry.event, entry.seq)
            except Refused as exc:
                self.refused.append((entry.seq, exc.reason))
        self._feed(update)
        self.redraw(force=update.changed)

    def live_now(self) -> float:
        """The exam time now: the last record's, plus the time since the log grew while the
        exam runs (the viewer's own monotonic clock: `since_last_record`)."""
        return live_exam_time(self.state, self.follower, self.wall_clock())

    @property
    def running(self) -> bool:
        return is_running(self.state, self.follower)

    def quiet_for(self) -> float | None:
        """Seconds since the last record (the viewer's clock), while the exam runs."""
        if not self.running:
            return None
        return since_last_record(self.follower, self.wall_clock())

    # ------------------------------------------------------------------ drawing

    def redraw(self, *, force: bool = False) -> None:
        """The clocks every poll; the panels when something came in, or a shown second changed."""
        now = self.live_now()
        second = int(now)
        self._header(now)
        self._banner()
        if not force and second == self._second:
            return
        self._second = second
        reader = StateReader(self.state, self.scenario)
        queue = self.query_one("#ob-queue", TicketQueue)
        queue.sync(self.queue_model.rows(self.state, now))
        self._queue_filter()
        area, target = self.state.focus
        if self.follow and area in ("ticket", "queue") and target in self.state.tickets:
            self.ticket_id = target
            queue.select(target)
        if self.ticket_id not in self.state.tickets:
            self.ticket_id = queue.selected_id
        self.query_one("#ob-ticket", TicketDetail).show(reader.as_controller(), self.ticket_id, now)
        conversations = self.query_one("#ob-conversations", ConversationsView)
        prefer = target if self.follow and area == "conversation" else None
        conversations.show_state(reader, now, prefer)
        self.query_one("#ob-kb", KbLookupsView).show_state(reader)

    def _queue_filter(self) -> None:
        """Under the queue: how many closed tickets it hides and the key that shows them
        (bugs20: at the end of an exam the queue was empty, with no word of the filter)."""
        closed = sum(1 for t in self.state.tickets.values() if t.status == TicketStatus.CLOSED)
        key = keys.first_key_of(self.KEYS_OWNER, "show_closed")
        if self.queue_model.filter == "all":
            words = _("all tickets · {key}: only those not closed").format(key=key)
        elif closed:
            words = ngettext(
                "{n} closed ticket hidden · {key} shows it",
                "{n} closed tickets hidden · {key} shows them",
                closed,
            ).format(n=closed, key=key)
        else:
            words = ""
        self.query_one("#ob-queue-area").border_subtitle = words

    def action_show_closed(self) -> None:
        model = self.queue_model
        model.set_filter("open" if model.filter == "all" else "all")
        self.redraw(force=True)

    def _header(self, now: float) -> None:
        state, follower = self.state, self.follower
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(_("Observing"), style="bold")
        if follower.header is not None:
            title.append(" · " + _("candidate {id}").format(id=follower.header.candidate_id))
            title.append(f" · {mode_label(follower.header.mode)}")
        following = _("following the candidate") if self.follow else _("your choice")
        title.append(f" · {following}", style="italic")
        name = state.scenario_title or (follower.header.scenario_id if follower.header else "")
        title.append(f" · {name}", style="dim")
        status, style = self._status()
        line = Text(no_wrap=True)
        line.append(f" {status} ", style=style)
        practice = follower.header is not None and follower.header.mode == "practice"
        # as the student's header says it, short (the title keeps "following the candidate")
        clock_label = _("Practice") if practice else _("Exam time")
        line.append("  " + clock_label + " ", style="dim")
        line.append(clock(now), style="bold")
        if state.duration_s:
            line.append("  " + _("Time left") + " ", style="dim")
            line.append(clock(max(0.0, state.duration_s - now)), style="bold")
        self.query_one("#ob-title", TitleLine).update(title)
        self.query_one("#ob-clock", Static).update(line)

    def _status(self) -> tuple[str, str]:
        state, follower = self.state, self.follower
        if follower.fault is not None:
            return _("BROKEN"), "bold white on red"
        if follower.sealed:
            return _("SEALED"), "bold white on dark_green"
        if state.ended:
            return _("ENDED"), "bold white on blue"
        if state.paused:
            return _("PAUSED"), "bold black on yellow"
        if not state.started:
            return _("WAITING"), "bold black on grey70"
        return "● " + _("LIVE"), "bold white on dark_green"

    def _banner(self) -> None:
        """What the observer must not miss: a broken chain, refused events, the end, silence."""
        lines: list[tuple[str, str]] = []
        follower = self.follower
        if follower.fault is not None:
            lines.append(
                (
                    _(
                        "THE LOG'S CHAIN IS BROKEN: {why} Nothing after this point can be trusted; following has stopped."
                    ).format(why=follower.fault.message),
                    "-error",
                )
            )
        for seq, why in self.refused[:3]:
            lines.append(
                (
                    _("Record #{seq} is an event the exam could not have logged ({why}).").format(
                        seq=seq, why=localized(why)
                    ),
                    "-error",
                )
            )
        if follower.seal is not None:
            lines.append(
                (
                    _("Sealed ({reason}): the session is over and its log is complete.").format(
                        reason=end_reason_label(follower.seal.reason)
                    ),
                    "-done",
                )
            )
        elif self.state.ended:
            lines.append(
                (
                    _("The session ended ({reason}); the seal follows.").format(
                        reason=end_reason_label(self.state.end_reason or "")
                    ),
                    "-done",
                )
            )
        if follower.header is not None and not follower.signatures_checked:
            lines.append(
                (
                    _(
                        "Signatures are not checked, only the hash chain: give the centre's key with --pubkey."
                    ),
                    "-warning",
                )
            )
        quiet = self.quiet_for()
        if quiet is not None and quiet >= QUIET_S:
            lines.append(
                (
                    _("No new record for {time}: a quiet spell, or the exam stopped.").format(
                        time=since(quiet) if quiet < DAY_S else _("more than 24 h")
                    ),
                    "-warning",
                )
            )
        banner = self.query_one("#ob-banner", Static)
        banner.display = bool(lines)
        if lines:
            # a Text, not markup: a fault quotes the log ("signed with key [@click=...]", sec20)
            banner.update(Text("\n".join(text for text, _kind in lines)))
            for kind in ("-error", "-done", "-warning"):
                banner.set_class(lines[0][1] == kind, kind)

    @staticmethod
    def _earlier(n: int) -> str:
        return ngettext("… {n} earlier record", "… {n} earlier records", n).format(n=n)

    def _feed(self, update: FollowUpdate) -> None:
        feed = self.query_one("#ob-feed", Feed)
        reader = StateReader(self.state)
        entries = update.entries
        if len(entries) > FEED_CATCH_UP:
            feed.add(Text(self._earlier(len(entries) - FEED_CATCH_UP), style="dim"))
            entries = entries[-FEED_CATCH_UP:]
        for entry in entries:
            feed.add(
                Text(
                    record_line(
                        entry.seq,
                        entry.event,
                        reader.customer_name,
                        self.state.sla_profile,
                        reader.conversation_label,  # never a scenario's ids (C-tom-lockout)
                    ),
                )
            )
        for mark in update.marks:
            if mark.reason is not None:
                feed.add(
                    Text(
                        "— "
                        + _("sealed: {reason}").format(reason=end_reason_label(mark.reason))
                        + " —",
                        style="bold green",
                    )
                )
        if update.fault is not None:
            feed.add(
                Text(_("✗ chain broken: {why}").format(why=update.fault.message), style="bold red")
            )

    # ------------------------------------------------------------------ the observer's choices

    def _choosing(self, widget: Widget | None) -> bool:
        """Whether `widget` is in the queue or the conversation list: the observer's own choice."""
        lists = (self.query_one("#ob-queue"), self.query_one("#ro-conv-list"))
        return widget is not None and any(w is widget or w in widget.ancestors for w in lists)

    def on_key(self, event: events.Key) -> None:
        """Moving in the queue or the conversations is choosing: stop following the candidate.

        Told by the key (it reaches the screen before the list's own binding
        moves the cursor), not by the lists' highlight messages, which the
        following itself causes too.
        """
        if event.key in CHOOSING_KEYS and self._choosing(self.focused):
            self.follow = False

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click in the queue or the conversations is choosing too (bugs21's walk: the
        row clicked was not shown). Told by the press, which comes up to the screen ahead
        of the list's highlight; a Click stays with the list and never reaches here."""
        if self._choosing(event.widget) and self.follow:
            self.follow = False
            self._header(self.live_now())  # "your choice" at once, row or not

    def on_ticket_queue_ticket_highlighted(self, event: TicketQueue.TicketHighlighted) -> None:
        event.stop()
        if self.follow or event.ticket_id is None or event.ticket_id == self.ticket_id:
            return
        self.ticket_id = event.ticket_id
        self.redraw(force=True)

    def on_ticket_queue_ticket_chosen(self, event: TicketQueue.TicketChosen) -> None:
        """Enter or a click on the highlighted row: that ticket, when the observer chooses
        (the ticket shown may be one the queue hides, followed while the row stayed)."""
        event.stop()
        if self.follow or event.ticket_id in (None, self.ticket_id):
            return
        self.ticket_id = event.ticket_id
        self.redraw(force=True)

    def on_conversations_view_chosen(self, event: ConversationsView.Chosen) -> None:
        event.stop()
        if self.follow:
            return
        reader = StateReader(self.state, self.scenario)
        view = self.query_one("#ob-conversations", ConversationsView)
        view.show_state(reader, self.live_now(), event.conversation_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in ("cycle_sort", "cycle_filter")

    def action_follow(self) -> None:
        self.follow = True
        self.redraw(force=True)
        self._header(self.live_now())

    def action_help(self) -> None:
        self.app.push_screen(KeysHelp((self.KEYS_OWNER,)))

    def action_leave(self) -> None:
        self.app.exit()
