"""The exam screen: queue, ticket, conversations and KB at once, and every action.

The four areas are visible together, so the candidate sees the queue's SLA
clocks while typing in a chat. This screen owns what happens: widgets post
messages, the screen asks the controller whether an action applies, opens the
form, and submits the result through the controller (logged first, then
applied). After every action and every tick it redraws what changed.

Where the candidate looks is evidence too: moving into another area, or to
another conversation, is logged as `focus_moved`. A conversation in view
while the candidate works in the conversations area counts as read when new
messages land in it (logged again as `focus_moved` to that conversation,
which is what marks messages read in the state).
"""

from __future__ import annotations

import math
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.coordinate import Coordinate
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from helpdesk_tui.core import notices
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.i18n import _, ngettext
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.controller import TICKET_ACTIONS, Arrival, Changes, ExamController
from helpdesk_tui.ui.edges import Area, fitting_title, set_edge_title
from helpdesk_tui.ui.format import localized, one_line, status_label
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.kept_bindings import KeptBindingChain
from helpdesk_tui.ui.nowayout import clip_url
from helpdesk_tui.ui.screens import forms
from helpdesk_tui.ui.screens.confirm import send_to_the_right_customer
from helpdesk_tui.ui.screens.form_shelf import FormShelf
from helpdesk_tui.ui.widgets.conversations import ConversationPane
from helpdesk_tui.ui.widgets.header import ExamHeader
from helpdesk_tui.ui.widgets.kb import KbPanel
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.queue_search import QueueSearch
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail
from helpdesk_tui.ui.widgets.too_small import TerminalTooSmall

AREAS: dict[str, str] = {
    "queue-area": "queue",
    "ticket-area": "ticket",
    "conversation-area": "conversation",
    "kb-area": "kb",
}
NOTICE_S = 4
"""Seconds an arrival's notice stays: long enough to read, short enough not to hide a form."""
GATED = (
    *TICKET_ACTIONS,
    "new_ticket",
    "link_conversation",
    "close_conversation",
    "canned_reply",
    "macro",
)
COVERED_REDRAW_S = 5.0
"""At most this often (exam time) the exam behind a form (or any dialog) is redrawn,
and only in a pause in the typing: see `MainScreen.redraw`."""
COVERED_REDRAW_MAX_S = 15.0
"""However fast the candidate types, the exam behind a form is redrawn at least this
often (exam time): a clock that breaches behind a form shows it within this bound."""
GATES_KEPT = 256
"""Gate answers kept (per state, ticket and conversation): the tickets of a queue."""

FORMS_AHEAD = ("note",)
"""Text forms built before their first use (`build_a_form_ahead`): the note, the
form of the most frequent ticket action. Each kept form costs memory in every exam
(the sitting's target is < 80 MB per session), so only this one."""


class MainScreen(Paced, KeptBindingChain, Screen[None]):
    """The four areas, the header clock and the footer of keys."""

    CSS_PATH = "main.tcss"
    AUTO_FOCUS = "#queue"
    """The first focus; Textual's default, the first focusable widget, is the queue's
    hidden search box, which took the keys typed while the exam started."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Screen's, without repainting the whole screen on every focus move: the
    widgets whose look changes with focus repaint themselves (Textual restyles the
    focused and the blurred one), and a full repaint of the four areas made an
    area switch (F2-F5) cost three times a cursor move."""

    def __init__(self, controller: ExamController) -> None:
        super().__init__()
        keymap.install(self, "main")
        self.controller = controller
        self.ticket_id: str | None = None
        self.area: str | None = None
        self._second: int | None = None
        """The exam second the clocks show (`shown_second`); None before the first redraw."""
        self._clocks_at = 0.0
        """Exam time the clocks (the queue's SLA column, the header) were last drawn at."""
        self._drawn_at = -COVERED_REDRAW_MAX_S  # exam time of the last redraw
        self._gates: tuple[object, ...] = ()
        self._gates_kept: dict[tuple[object, ...], tuple[bool | None, ...]] = {}
        self._shown_problem: str | None = None
        self._shown_titles: dict[tuple[str, str], str] = {}
        self._filter_before = "open"
        self._held_arrivals: list[Arrival] = []
        self._shelf: FormShelf | None = None

    @property
    def shelf(self) -> FormShelf:
        """The forms, built once each and refilled on every open (`form_shelf`)."""
        if self._shelf is None:
            self._shelf = FormShelf(self.app, self.controller)
        return self._shelf

    def compose(self) -> ComposeResult:
        state = self.controller.state
        yield ExamHeader(state.scenario_title or state.scenario_id, state.mode, id="header")
        with Grid(id="work"):
            with Area(id="queue-area", classes="area"):
                yield QueueSearch(id="queue-search")
                yield TicketQueue(id="queue", announce=False, keys_here=True)  # `watch`ed
            with Area(id="ticket-area", classes="area"):
                yield TicketDetail(id="ticket")
            with Area(id="conversation-area", classes="area"):
                yield ConversationPane(id="conversations")
            with Area(id="kb-area", classes="area"):
                yield KbPanel(self.controller.search, id="kb")
        yield KeyBar(id="keys")
        yield TerminalTooSmall(id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#too-small", TerminalTooSmall).fit(event.size)

    async def on_mount(self) -> None:
        self.controller.tick()
        self.redraw(force=True)
        self.queue.focus()
        self.watch(self.queue, "cursor_coordinate", self._follow_queue_cursor, init=False)
        await self._back_in_place()

    async def _back_in_place(self) -> None:
        """A new exam screen (after `resume`) puts the candidate back where the log says
        they were (the reducer's `ticket_in_view`, `kb_query`, `kb_article_in_view`): the
        queue's cursor on the ticket last looked at or worked on, the KB query in its box
        and the article that was open. The first of the queue and an empty KB lost their
        place (bugs13). A cursor step in the queue is not logged (one record a key), so a
        ticket only passed over in the queue is not where the cursor comes back."""
        state = self.controller.state
        if state.ticket_in_view is not None:
            self.queue.select(state.ticket_in_view)
            if self.queue.selected_id != self.ticket_id:
                self._select_ticket(self.queue.selected_id)
        article_id = state.kb_article_in_view
        article = self.controller.article(article_id) if article_id else None
        if state.kb_query or article is not None:
            await self.kb.restore(state.kb_query, article)

    def on_screen_resume(self) -> None:
        """Back from a dialog: show at once what changed behind it (and the notices
        held while it was open, see `_announce`)."""
        self._show_notices(True)
        self.redraw(force=True)

    def on_screen_suspend(self) -> None:
        """A form or question opens over the exam: the notices already up hide with it
        (they would sit over the form's lower edge and its buttons); new ones wait."""
        self._show_notices(False)

    def _show_notices(self, shown: bool) -> None:
        for toast in self.query("Toast"):  # Textual's, in this screen's rack
            toast.display = shown

    # ------------------------------------------------------------------ parts

    @property
    def queue(self) -> TicketQueue:
        return self.query_one("#queue", TicketQueue)

    @property
    def conversations(self) -> ConversationPane:
        return self.query_one("#conversations", ConversationPane)

    @property
    def kb(self) -> KbPanel:
        return self.query_one("#kb", KbPanel)

    @property
    def conversation_id(self) -> str | None:
        return self.conversations.current_id

    # ------------------------------------------------------------------ time and redraw

    def build_a_form_ahead(self) -> bool:
        """Build the next form of `FORMS_AHEAD` not built yet, off screen; whether
        there is any left to build. The app calls it when the candidate is not typing
        (`ExamApp.refresh_now`), so the first `i` on a ticket only refills a kept
        form instead of composing one while the candidate waits to type (issue 15).
        A text form is prepared for a ticket: none is built before the first ticket."""
        tickets = self.controller.state.tickets
        if not tickets:
            return True
        ticket = self._ticket() or next(iter(tickets.values()))
        for kind in FORMS_AHEAD:
            if self.shelf.build_ahead(forms.TextForm, ticket, kind):
                return kind != FORMS_AHEAD[-1]
        return False

    def refresh_now(self) -> None:
        """The scheduler tick: fire what fell due on the exam clock, then redraw."""
        self.controller.tick()
        self.redraw()

    def redraw(self, *, force: bool = False) -> None:
        """Redraw what the events since last time touched, and the clocks.

        Behind a dialog (a form, the hand-in question) the exam shows dimmed, and a
        change behind it is drawn again under the dialog: a frame that, with the
        form's keys on a busy sitting server, held keys typed in the form (issue 15;
        it cost 18-30 ms of CPU before `ui/paint.DimmedBehind` made it repaint only
        the changed lines, 3-6 ms after). So while covered the exam is redrawn at
        most every `COVERED_REDRAW_S` seconds of exam time and only when the candidate
        has paused typing (`ExamApp.candidate_typing`), but at least every
        `COVERED_REDRAW_MAX_S` seconds even while they type without a pause; at once
        when the dialog closes (`on_screen_resume`). Changes wait in the controller
        meanwhile. The end of the session is never held back.
        """
        controller = self.controller
        if not force and self.app.screen is not self and not controller.ended:
            now = controller.now()
            waited = now - self._drawn_at
            if waited < COVERED_REDRAW_S:
                return
            if waited < COVERED_REDRAW_MAX_S and self.app.candidate_typing():  # type: ignore[attr-defined]
                return
        self._mark_seen()
        changes = controller.take_changes()
        now = self._drawn_at = controller.now()
        second = self.shown_second(now)
        if force or changes.tickets or changes.customers or second != self._second:
            self._second, self._clocks_at = second, now
            self._redraw_queue(now, changes)
            self.query_one("#ticket", TicketDetail).show(controller, self.ticket_id, now)
        at = self._clocks_at
        self.query_one("#header", ExamHeader).show_time(at, controller.time_left_at(at))
        self.conversations.refresh_from(controller, now)
        self._titles()
        self._announce(changes)
        self._refresh_gates()
        self._show_problem()
        if changes.ended or (controller.ended and force):
            self.app.call_later(self.app.session_over, controller.state.end_reason or "")  # type: ignore[attr-defined]

    def shown_second(self, now: float) -> int:
        """The exam second the screen's clocks show at `now`: they turn at the app's
        scheduler tick, `tick_phase` of a second after the whole second (issue 15), not
        before. A key's redraw between the two (an area switch, a message sent) does not
        turn them early: it took the second's whole redraw (300 SLA cells, the ticket's
        SLA lines, the header) into that key (issue 14: the area switch's tail, in as many
        switches as the phase is long). Without the scheduler tick (tests drive the clock
        by hand) the clocks turn at the whole second."""
        app = self.app
        phase = getattr(app, "tick_phase", 0.0) if getattr(app, "tick_interval", None) else 0.0
        return math.floor(now - phase)

    def _redraw_queue(self, now: float, changes: Changes) -> None:
        queue = self.queue
        keep = None if changes.refiltered else self.ticket_id
        queue.sync(self.controller.queue.rows(self.controller.state, now, keep=keep))
        tickets = self.controller.state.tickets
        mine = [t for t in changes.new_tickets if tickets[t].source == "candidate"]
        if mine:
            queue.select(mine[-1])
        if queue.selected_id != self.ticket_id:
            self._select_ticket(queue.selected_id)

    def _titles(self, *, only_ticket: bool = False) -> None:
        """Area titles and counts; set only when changed (setting one repaints the area).
        `only_ticket`: the selection moved and nothing else changed, so only the ticket
        area's title can differ (the queue's title was worked out for every cursor step)."""
        if only_ticket:
            self._set_title(("#ticket-area", "title"), self._ticket_title())
            return
        state = self.controller.state
        live = [c for c in state.conversations.values() if c.is_live]
        unread = sum(c.unread() for c in live)
        titles = {
            ("#queue-area", "title"): self._queue_title(),
            ("#queue-area", "subtitle"): _("tickets: {count}").format(count=self.queue.row_count),
            ("#conversation-area", "title"): self._marked("conversation", _("Conversations")),
            ("#conversation-area", "subtitle"): " · ".join(
                (
                    ngettext("{n} open", "{n} open", len(live)).format(n=len(live)),
                    ngettext("{n} unread", "{n} unread", unread).format(n=unread),
                )
            ),
            ("#ticket-area", "title"): self._ticket_title(),
            ("#kb-area", "title"): self._marked("kb", _("Knowledge base")),
        }
        for place, text in titles.items():
            self._set_title(place, text)

    def _set_title(self, place: tuple[str, str], text: str) -> None:
        if self._shown_titles.get(place) != text:
            self._shown_titles[place] = text
            selector, kind = place
            set_edge_title(self.query_one(selector), text, bottom=kind == "subtitle")

    def _ticket_title(self) -> str:
        return self._marked(
            "ticket",
            _("Ticket {id}").format(id=self.ticket_id) if self.ticket_id else _("Ticket"),
        )

    def _queue_title(self) -> str:
        """The queue's name with its sort, filter and search, in fewer words where the whole
        line would be cut (100 columns in Dutch or French); the search is left to its box."""
        queue, name = self.controller.queue, self._marked("queue", _("Queue"))
        variants = (
            queue.describe(),
            queue.describe(short=True),
            queue.describe(short=True, with_search=False),
        )
        # the queue narrowed beside a ticket being read (main.tcss): its name alone
        return fitting_title(
            self.query_one("#queue-area"), *(f"{name} · {v}" for v in variants), name
        )

    def _marked(self, area: str, title: str) -> str:
        """The area with the keyboard focus is marked in its title (cheaper to redraw
        than restyling the whole area on every move)."""
        return f"▶ {title}" if self.area == area else title

    def _announce(self, changes: Changes) -> None:
        """Every arrival gets a short notice, logged as shown (its ticket is marked in
        the queue and its conversation counts unread until seen). A message in the
        conversation the candidate is working in needs none: they are reading it."""
        if self.controller.ended:
            return
        self._held_arrivals.extend(changes.arrivals)
        if self.app.screen is not self:
            return  # a form or question is open: notices wait until it closes
        held, self._held_arrivals = self._held_arrivals, []
        for arrival in held:
            if (
                arrival.conversation_id is not None
                and arrival.conversation_id == self.conversation_id
                and self.area == "conversation"
                and arrival.msgid == notices.NEW_MESSAGE
            ):
                continue
            self.notify(arrival.text(), timeout=NOTICE_S, markup=False)
            self.controller.log_notice(arrival)

    def _show_problem(self) -> None:
        problem = self.controller.problem
        if problem and problem != self._shown_problem:
            self._shown_problem = problem
            self.notify(
                problem, title=_("The log could not be written"), severity="error", timeout=10
            )

    def _mark_seen(self) -> None:
        """New messages in the conversation the candidate is working in count as read."""
        conv = self.controller.conversation(self.conversation_id)
        if conv is None or self.area != "conversation" or self.app.screen is not self:
            return
        if conv.unread():
            self.controller.move_focus("conversation", conv.id, again=True)

    # ------------------------------------------------------------------ what can be done

    def _refresh_gates(self) -> None:
        """Refresh the footer only when what the candidate can do has changed."""
        gates = (
            self._ticket_gates(),
            self.kb.article is not None,
            self.conversation_id,
            len(self.controller.state.conversations) > 1,
        )
        if gates != self._gates:
            self._gates = gates
            self.refresh_bindings()

    def _ticket_gates(self) -> tuple[bool | None, ...]:
        """`check_action` of every gated action, kept while nothing they read can change:
        the state changes only by an event (each bumps `last_seq`), and the ticket and the
        conversation they apply to are in the key. A queue cursor step comes back to
        tickets seen before; it asked the controller 17 questions each time. A focus move
        (an area switch logs one) changes none of the answers, so it is not counted
        (`ExamController.focus_moves`)."""
        controller = self.controller
        state = controller.state
        changes = state.last_seq - controller.focus_moves
        key = (id(state), changes, state.ended, self.ticket_id, self.conversation_id)
        kept = self._gates_kept.get(key)
        if kept is None:
            if len(self._gates_kept) >= GATES_KEPT:
                self._gates_kept.clear()
            kept = self._gates_kept[key] = tuple(self.check_action(a, ()) for a in GATED)
        return kept

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        controller = self.controller
        if controller.ended:
            return action in ("focus_area",)
        if action in GATED:
            if action == "canned_reply" and not controller.canned_replies():
                return False
            if action == "macro":
                return bool(controller.macros_for(self.ticket_id))
            return controller.can(action, self.ticket_id, self.conversation_id)
        if action == "insert_kb":
            return self.kb.article is not None
        if action == "switch_conversation":
            return len(controller.state.conversations) > 1
        return True

    # ------------------------------------------------------------------ focus and selection

    def watch_focused(self, focused: Widget | None) -> None:
        """Entering an area is logged in the same turn as the focus moves (not after
        the focus events have bubbled up, frames later)."""
        area = self._area_of(focused) if focused is not None else None
        if area is not None:
            self._enter_area(area)

    @staticmethod
    def _area_of(widget: Widget) -> str | None:
        for node in widget.ancestors_with_self:
            if node.id in AREAS:
                return AREAS[node.id]
        return None

    def _enter_area(self, area: str) -> None:
        self.area = area
        # The ticket area widens while it has the focus (main.tcss): its thread reads
        # in lines of 55-65 characters, not the 30-36 of the narrow column.
        work = self.query_one("#work")
        if work.has_class("-reading-ticket") != (area == "ticket"):
            work.set_class(area == "ticket", "-reading-ticket")
            self.call_after_refresh(self._titles)  # the queue's title, fitted to its new width
        targets = {
            "queue": None,
            "ticket": self.ticket_id,
            "conversation": self.conversation_id,
            "kb": self.kb.article.id if self.kb.article and self.kb.article_open else None,
        }
        self.controller.move_focus(area, targets[area])
        self.redraw()

    def _select_ticket(self, ticket_id: str | None) -> None:
        """Make `ticket_id` the ticket the actions apply to, and show it."""
        left = self.ticket_id
        self.ticket_id = ticket_id
        dropped = left is not None and left != ticket_id and self.controller.queue.kept == left
        if dropped:
            self._redraw_queue(self.controller.now(), Changes())  # the filter drops it now
        self.query_one("#ticket", TicketDetail).show(
            self.controller, ticket_id, self.controller.now()
        )
        self._titles(only_ticket=not dropped)
        self._refresh_gates()

    def _follow_queue_cursor(self) -> None:
        """The ticket area follows the queue's cursor, by key or mouse, in the same
        frame (`TicketHighlighted` bubbles up a turn at a time: a frame later)."""
        if self.queue.selected_id != self.ticket_id:
            self._select_ticket(self.queue.selected_id)
            self.call_after_refresh(self._render_ahead)

    def _render_ahead(self) -> None:
        """After a cursor step's frame, unless a key waits: the tickets of the rows next
        to the cursor are rendered ahead (`TicketDetail.render_ahead`), so the next step
        onto a ticket not shown before does not lay out its head and thread in its key
        (issue 14: 12 such steps of 132 in bench_ui's mix, twice a step's calls, were
        the mix's p95). Once rendered, a ticket costs nothing here until it changes."""
        app: Any = self.app
        if app.screen is not self or getattr(app, "input_waiting", lambda: False)():
            return
        queue = self.queue
        detail = self.query_one("#ticket", TicketDetail)
        row = queue.cursor_row
        for index in (row + 1, row - 1):
            if 0 <= index < queue.row_count:
                row_key, _column = queue.coordinate_to_cell_key(Coordinate(index, 0))
                detail.render_ahead(self.controller, row_key.value)

    def on_ticket_queue_ticket_chosen(self, event: TicketQueue.TicketChosen) -> None:
        self._select_ticket(event.ticket_id)
        self.action_focus_area("ticket")

    def on_conversation_pane_switched(self, event: ConversationPane.Switched) -> None:
        self._show_conversation(event.conversation_id)

    def _show_conversation(self, conversation_id: str) -> None:
        self.conversations.show(self.controller, conversation_id, self.controller.now())
        if self.area == "conversation":
            self.controller.move_focus("conversation", conversation_id)
        self.redraw()

    def action_focus_area(self, area: str) -> None:
        """F2-F5 (1-4): go to an area. With a KB article open, F5 goes to the article and
        again to the search box (qa-play9: F5 put the cursor in the search box, and the
        "]" typed for the next passage replaced the query, and the article was gone);
        `/` goes to the search box (area "kb_search"), where `[` and `]` still mark the
        open article's passages (`kb.SearchBox`)."""
        targets: dict[str, Widget] = {
            "queue": self.queue,
            "ticket": self.query_one("#ticket"),
            "conversation": self.conversations.input,
            "kb": self.kb.query_input,
            "kb_search": self.kb.query_input,
        }
        target = targets[area]
        if area == "conversation" and target.disabled:
            target = self.conversations.conversation_list
        if area == "kb" and self.kb.article_open:
            article = self.query_one("#kb-article-scroll")
            target = article if self.focused is not article else target
        area = "kb" if area == "kb_search" else area
        if self.focused is target:
            self._enter_area(area)
        else:
            self.set_focus(target)

    def action_switch_conversation(self, delta: int) -> None:
        conversation_id = self.conversations.step(delta)
        if conversation_id is None:
            return
        self.conversations.show(self.controller, conversation_id, self.controller.now())
        self.action_focus_area("conversation")

    # ------------------------------------------------------------------ submitting

    def submit(self, event_type: str, data: dict[str, Any]) -> bool:
        """Log and apply one command; tell the candidate when it was refused."""
        try:
            self.controller.submit(event_type, data)
        except Refused as exc:
            self.notify(
                _("Not accepted: {reason}").format(reason=localized(exc.reason)), severity="warning"
            )
            return False
        except LogError as exc:
            self.notify(str(exc), title=_("The log could not be written"), severity="error")
            return False
        finally:
            self.redraw()
        return True

    def open_form(self, form: Any, after: Any = None) -> None:
        """Show a form; submit what it returns, or log that it was cancelled."""

        def done(data: dict[str, Any] | None) -> None:
            if data is None:
                self.controller.cancel_form(form.FORM, form.target)
                self.redraw()
                return
            for event_type, first in form.before():
                if not self.submit(event_type, first):
                    return
            if not self.submit(form.EVENT, data):
                return
            if form.kb_inserted and form.kb_article and form.target:
                self._link_article(form.target, form.kb_article)
            if after is not None:
                after(data)

        self.app.push_screen(form, done)

    def _kb_texts(self) -> tuple[str | None, str | None, str | None]:
        """(article id, link text, passage) of the article open in the KB panel."""
        article = self.kb.article
        if article is None:
            return None, None, None
        return article.id, self.controller.article_link(article.id), self.kb.passage

    def _link_article(self, ticket_id: str, article_id: str) -> None:
        """Record that a KB article was used for a ticket (once)."""
        ticket = self.controller.ticket(ticket_id)
        if (
            ticket is not None
            and article_id not in ticket.kb_articles
            and ticket.status != "closed"
        ):
            self.submit("ticket_linked", {"ticket_id": ticket_id, "kb_article": article_id})

    def _conversation_ticket(self) -> str | None:
        """The ticket a chat reply is about: the selected one if it belongs to the
        conversation in view, else that conversation's latest ticket, else none."""
        conv = self.controller.conversation(self.conversation_id)
        if conv is None or not conv.ticket_ids:
            return None
        return self.ticket_id if self.ticket_id in conv.ticket_ids else conv.ticket_ids[-1]

    def _ticket(self) -> Any:
        return self.controller.ticket(self.ticket_id)

    # ------------------------------------------------------------------ ticket actions

    def action_new_ticket(self) -> None:
        conv = self.controller.conversation(self.conversation_id)
        if conv is None or not (self.area == "conversation" or not conv.ticket_ids):
            self.open_form(self.shelf.take(forms.TicketForm))
            return
        said = "\n".join(m.text for m in conv.messages if m.author == "customer")
        form = self.shelf.take(
            forms.TicketForm,
            customer_id=conv.customer_id,
            conversation_id=conv.id,
            title=conv.subject,
            description=said,
        )
        self.open_form(form)

    def action_edit_ticket(self) -> None:
        self.open_form(self.shelf.take(forms.TicketForm, self._ticket()))

    def action_reply_ticket(self, text: str = "") -> None:
        form = self.shelf.take(forms.TextForm, self._ticket(), "reply", text)
        self.open_form(form.with_kb(*self._kb_texts()))

    def action_note_ticket(self) -> None:
        self.open_form(
            self.shelf.take(forms.TextForm, self._ticket(), "note").with_kb(*self._kb_texts())
        )

    def action_reopen_ticket(self) -> None:
        self.open_form(self.shelf.take(forms.TextForm, self._ticket(), "reopen"))

    def action_transfer_ticket(self) -> None:
        self.open_form(self.shelf.take(forms.TransferForm, self._ticket()))

    def action_pending_ticket(self) -> None:
        self.open_form(self.shelf.take(forms.PendingForm, self._ticket()))

    def action_resolve_ticket(self) -> None:
        ticket = self._ticket()
        # The ticket's own article first: the KB pane may show another ticket's.
        article = ticket.solution_article or (
            ticket.kb_articles[-1] if ticket.kb_articles else None
        )
        if article is None and self.kb.article is not None:
            article = self.kb.article.id
        self.open_form(
            self.shelf.take(forms.ResolveForm, ticket, article).with_kb(*self._kb_texts())
        )

    def action_take_ticket(self) -> None:
        self.submit("ticket_opened", {"ticket_id": self.ticket_id})

    def action_resume_ticket(self) -> None:
        """`a` on a pending or transferred ticket: the same event, named for what it does."""
        self.action_take_ticket()

    def action_close_ticket(self) -> None:
        """Closing is final (a closed ticket cannot be reopened): asks first."""
        ticket = self._ticket()
        if ticket is None:
            return
        name = self.controller.customer_name(ticket.customer_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self.submit("ticket_closed", {"ticket_id": ticket.id})
            else:
                self.controller.cancel_form("close", ticket.id)
                self.redraw()

        question = _("Close {id} ({name}: {title})?").format(
            id=ticket.id, name=name, title=one_line(ticket.title)
        )
        detail = _("A closed ticket cannot be reopened or changed any more.")
        self.app.push_screen(self.shelf.confirm(question, detail), answered)

    def action_link_conversation(self) -> None:
        self.submit(
            "ticket_linked", {"ticket_id": self.ticket_id, "conversation_id": self.conversation_id}
        )

    def action_cycle_sort(self) -> None:
        self.controller.queue.cycle_sort()
        self.redraw(force=True)

    def action_cycle_filter(self) -> None:
        self.controller.queue.cycle_filter()
        self._refilter()

    def _refilter(self) -> None:
        """The candidate changed the filter: apply it to the ticket in view too."""
        self.controller.queue_refiltered()
        self.redraw(force=True)

    def action_toggle_filter(self, name: str) -> None:
        """`m` and `v`: only my tickets, only updated ones; the same key again goes back."""
        model = self.controller.queue
        if model.filter == name:
            model.set_filter(self._filter_before)
        else:
            self._filter_before = model.filter
            model.set_filter(name)
        self._refilter()

    def action_search_queue(self) -> None:
        self.query_one("#queue-search", QueueSearch).open()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "queue-search":
            event.stop()
            self.controller.queue.search = event.value
            self.redraw(force=True)

    def on_queue_search_done(self, event: QueueSearch.Done) -> None:
        if event.cleared:
            self.controller.queue.search = ""
            self.redraw(force=True)
        self.queue.focus()

    # ------------------------------------------------------------------ conversations

    def on_conversation_pane_send(self, event: ConversationPane.Send) -> None:
        """Send, after a confirmation when the text names another open case's customer."""
        conv = self.controller.conversation(event.conversation_id)
        if conv is None:
            self._send(event)
            return
        case = ", ".join(conv.ticket_ids) or (_("call") if conv.channel == "call" else _("chat"))

        def back() -> None:
            self.conversations.restore(event.conversation_id, event.text)
            self.action_focus_area("conversation")

        send_to_the_right_customer(
            self.app,
            self.controller,
            event.text,
            (conv.customer_id, case),
            send=lambda: self._send(event),
            back=back,
            cancelled=("send_confirm", event.conversation_id),
        )

    def _send(self, event: ConversationPane.Send) -> None:
        """Log the message; one the log refused goes back into the box."""
        data: dict[str, Any] = {"conversation_id": event.conversation_id, "text": event.text}
        if event.canned_id:
            data["canned_id"] = event.canned_id
        if not self.submit("message_sent", data):
            self.conversations.restore(event.conversation_id, event.text)

    def action_close_conversation(self) -> None:
        self.submit("conversation_closed", {"conversation_id": self.conversation_id})

    def action_macro(self) -> None:
        """`p`: a scenario's macro, a public reply that then sets the ticket's status.
        The reply opens in the reply form to read and edit; saving sends it, then
        sets the status (both logged, as if done one after the other)."""
        ticket = self._ticket()
        macros = {m.id: m for m in self.controller.macros_for(ticket.id if ticket else None)}
        if ticket is None or not macros:
            return
        choices = [
            (m.id, f"{m.title} → {status_label(m.status)}", self.controller.fill_canned(m))
            for m in macros.values()
        ]

        def chosen(macro_id: str | None) -> None:
            if macro_id is None:
                self.controller.cancel_form("macro", ticket.id)
                self.redraw()
                return
            macro = macros[macro_id]
            text = self.controller.fill_canned(macro)
            form = self.shelf.take(forms.TextForm, ticket, "reply", text, macro=macro)
            self.open_form(
                form.with_kb(*self._kb_texts()),
                after=lambda _data: self._set_status(ticket.id, macro.status),
            )

        title = _("Macros: a reply that also sets the status")
        self.app.push_screen(forms.CannedPicker(choices, title), chosen)

    def _set_status(self, ticket_id: str, status: str) -> None:
        """A macro's status step, once its reply is logged."""
        ticket = self.controller.ticket(ticket_id)
        if ticket is None or ticket.status.value == status:
            return
        if status == "open":
            self.submit("ticket_opened", {"ticket_id": ticket_id})
        else:
            waiting = status.removeprefix("pending_")
            self.submit("ticket_pending", {"ticket_id": ticket_id, "waiting_on": waiting})

    def action_canned_reply(self) -> None:
        replies = [
            (r.id, r.title, self.controller.fill_canned(r))
            for r in self.controller.canned_replies()
        ]
        texts = {reply_id: text for reply_id, _title, text in replies}
        conversation_id = self.conversation_id

        def done(reply_id: str | None) -> None:
            if reply_id is None:
                self.controller.cancel_form("canned", conversation_id)
                self.redraw()
                return
            self.conversations.insert_text(texts[reply_id], reply_id)
            self.action_focus_area("conversation")

        self.app.push_screen(forms.CannedPicker(replies), done)

    # ------------------------------------------------------------------ knowledge base

    def on_kb_panel_query_settled(self, event: KbPanel.QuerySettled) -> None:
        self.controller.log_kb_query(event.query, event.results)
        self.redraw()

    async def on_kb_panel_open_article(self, event: KbPanel.OpenArticle) -> None:
        article = self.controller.article(event.article_id)
        if article is None or not self.submit("kb_article_opened", {"article_id": article.id}):
            return
        await self.kb.open_article(article)
        self._enter_area("kb")

    def on_kb_panel_link_blocked(self, event: KbPanel.LinkBlocked) -> None:
        self.app.blocked(f"link {clip_url(event.href)}")  # type: ignore[attr-defined]

    def action_insert_kb(self, kind: str) -> None:
        """Put a link or the marked passage into the chat reply and link the article to
        the conversation's ticket; with no chat open, into a public reply on the ticket."""
        article_id, link, passage = self._kb_texts()
        text = link if kind == "link" else passage
        if text is None or article_id is None:
            return
        if self.conversations.insert_text(text):
            ticket_id = self._conversation_ticket()
            if ticket_id is not None:
                self._link_article(ticket_id, article_id)
            self.action_focus_area("conversation")
        elif self.controller.can("reply_ticket", self.ticket_id):
            form = self.shelf.take(forms.TextForm, self._ticket(), "reply", text)
            form.with_kb(article_id, link, passage).kb_inserted = True
            self.open_form(form)
