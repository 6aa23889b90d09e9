"""The review screen: the exam at any moment beside the evidence and the assessor's verdicts.

Left, the exam as it was at the scrubber's moment, rebuilt by the reducer
(`assess.replay.Replay`): the queue with its SLA clocks at that moment, and
in tabs the conversations, the selected ticket, the KB look-ups and the log
records around the moment. Right, the 22 competencies with the verdicts so
far, the selected one's evidence overview, and its items with their records
as jump targets. A jump brings the record's ticket or conversation into view.

The verdict sheet is this assessor's alone (see `session.py`); the screen
only sets values on it and saves it through `assess.verdicts`, signed when a
key was given. A review of a log that failed verification (`--unverified`)
carries a red banner and cannot save verdicts: such a log is for finding out
what went wrong, never for a judgement (docs/assessment.md).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static, TabbedContent, TabPane

from helpdesk_tui.assess.course import course_lines
from helpdesk_tui.assess.texts import tr
from helpdesk_tui.assess.verdicts import save_verdicts
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.i18n import _, ngettext
from helpdesk_tui.printable import printable_name
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS, short_name
from helpdesk_tui.ui.format import clock, labelled
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.queue_model import QueueModel
from helpdesk_tui.ui.review import keys
from helpdesk_tui.ui.review.assessment import (
    CompetencyList,
    EvidenceList,
    VerdictPanel,
    verdict_label,
    verdict_text,
)
from helpdesk_tui.ui.review.describe import describe, record_line, subject_of
from helpdesk_tui.ui.review.dialogs import CommentDialog, ConfirmLeave, JumpDialog, KeysHelp
from helpdesk_tui.ui.review.panels import (
    ConversationsView,
    KbLookupsView,
    RecordsView,
    records_window,
)
from helpdesk_tui.ui.review.readonly import StateReader
from helpdesk_tui.ui.review.session import ReviewSession
from helpdesk_tui.ui.review.timeline import Moment, Timeline
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail
from helpdesk_tui.ui.widgets.title_line import TitleLine

MINUTE = 60.0
TABS = {"conversation": "tab-conversation", "ticket": "tab-ticket", "kb": "tab-kb"}
VERDICT_ACTIONS = frozenset({"verdict", "comment", "save"})
QUEUE_ACTIONS = frozenset({"cycle_sort", "cycle_filter"})
"""The candidate queue's own keys (o, f): the review shows every ticket in SLA order,
and o is a verdict key here."""


class ReviewScreen(Paced, Screen[None]):
    """One assessor's review of one log."""

    CSS_PATH = "screen.tcss"

    BINDINGS = [
        Binding("up", "list_move(-1)", show=False, priority=True),
        Binding("down", "list_move(1)", show=False, priority=True),
    ]
    """Up and Down move a focused list at once, as the verdict keys (priority bindings) act
    at once: forwarded to the list, Down waited in its queue while a verdict typed after
    it was already given, to the competency before (`action_list_move`)."""

    def __init__(
        self,
        session: ReviewSession,
        ui_language: str = "en",
        on_move: Callable[[], None] | None = None,
    ) -> None:
        """`on_move` is told of every move of the scrubber (the app's garbage-collection timing)."""
        super().__init__()
        self._on_move = on_move
        keys.install(self, "review")
        self.session = session
        self.replay = session.replay
        self.evidence = session.assessed.evidence
        self.scenario = session.assessed.scenario
        self.verdicts = session.verdicts
        self.ui_language = ui_language
        self.index = 0
        self.moment = 0.0
        self.state = ExamState()
        self.queue_model = QueueModel()
        self.queue_model.filter = "all"
        self.ticket_id: str | None = None
        self.conversation_id: str | None = None
        self._widths: dict[str, int] = {}
        self._end_time: float | None = None
        self.dirty = False
        self._names: dict[str, str] = {}
        self._evidence_seqs: list[int] = []

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="rv-header"):
            yield TitleLine("", id="rv-title")
            yield Static("", id="rv-clock")
        if not self.session.verified:
            yield Static(self._banner(), id="rv-banner")
        yield Static(self._course(), id="rv-session")
        yield Timeline(self.replay.times, self._end(), id="rv-timeline")
        with Horizontal(id="rv-body"):
            with Vertical(id="rv-state"):
                with Vertical(id="rv-queue-area", classes="area"):
                    yield TicketQueue(id="rv-queue")
                with TabbedContent(id="rv-tabs", initial="tab-conversation"):
                    with TabPane(_("Chats"), id="tab-conversation"):
                        yield ConversationsView(id="rv-conversations")
                    with TabPane(_("Ticket"), id="tab-ticket"):
                        yield TicketDetail(id="rv-ticket")
                    with TabPane(_("KB look-ups"), id="tab-kb"):
                        yield KbLookupsView(id="rv-kb")
                    with TabPane(_("Records"), id="tab-records"):
                        yield RecordsView(id="rv-records")
            with Vertical(id="rv-assessment"):
                yield CompetencyList(
                    self.evidence, self.verdicts, self.ui_language, id="rv-competencies"
                )
                yield VerdictPanel(id="rv-verdict")
                yield EvidenceList(id="rv-evidence")
        yield KeyBar(id="keys", max_lines=3)  # nl and fr need three at 100 columns

    def _banner(self) -> Text:
        text = Text(no_wrap=False)
        text.append(_("UNVERIFIED") + " ", style="bold")
        text.append(self.session.problem or "")
        text.append(
            " " + _("This review is for finding out what went wrong: verdicts cannot be saved.")
        )
        return text

    def _course(self) -> Text:
        """How the session went (the report's "Session" part, `assess.course`), on a line or
        three: resumes, pauses, the proctor, blocked keys."""
        course = self.evidence.course
        lang = self.session.language
        text = Text(no_wrap=False, overflow="ellipsis")
        text.append(labelled(tr(lang, "section.session")), style="bold")  # French "Session\u00a0: "
        lines = course_lines(course, lang)
        text.append(
            " · ".join(line for line, _seqs in lines), style="" if course.smooth else "yellow"
        )
        return text

    def _end(self) -> float:
        """The end of the scrubber's range: the exam's duration, or the last record if later."""
        if self._end_time is None:
            duration = self.replay.state_after(min(1, len(self.replay))).duration_s
            self._end_time = max(self.replay.end_time, duration)
        return self._end_time

    def on_mount(self) -> None:
        final = self.replay.state_after(len(self.replay))
        self._names = {c.id: c.name for c in final.customers.values()}
        self.query_one("#rv-queue-area").border_title = _("Queue at the moment")
        self.select_competency(COMPETENCY_IDS[0])
        self.go_to(len(self.replay))
        self.competencies.focus()
        self._name_the_evidence_language()

    def _name_the_evidence_language(self) -> None:
        """The evidence's texts follow the language the log was assessed in, which is the
        screen's wherever the review is opened by its command (`--lang`, else the locale);
        a caller that assessed it in another says so, once (bugs21: English evidence under
        a Dutch screen, unexplained)."""
        if self.session.language != self.ui_language:
            self.notify(
                _("Evidence texts in {language}: the log was assessed in that language.").format(
                    language=self.session.language
                ),
                timeout=30,
            )

    # ------------------------------------------------------------------ parts

    @property
    def queue(self) -> TicketQueue:
        return self.query_one("#rv-queue", TicketQueue)

    @property
    def competencies(self) -> CompetencyList:
        return self.query_one("#rv-competencies", CompetencyList)

    @property
    def evidence_list(self) -> EvidenceList:
        return self.query_one("#rv-evidence", EvidenceList)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#rv-tabs", TabbedContent)

    @property
    def competency(self) -> str:
        return self.competencies.selected

    @property
    def seq(self) -> int | None:
        """The seq of the last record folded: the record the scrubber stands on."""
        return self.replay.seq_of_index(self.index)

    # ------------------------------------------------------------------ moving

    def go_to(self, index: int, moment: float | None = None, *, follow: bool = False) -> None:
        """Show the exam after `index` events, at exam time `moment` (the last event's by default)."""
        if self._on_move is not None:
            self._on_move()
        self.index = max(0, min(index, len(self.replay)))
        at = self.replay.time_of_index(self.index)
        self.moment = at if moment is None else max(moment, at)
        self.state = self.replay.state_after(self.index)
        self.state.now = max(self.state.now, self.moment)
        self._show(follow)

    def go_to_time(self, exam_time: float) -> None:
        exam_time = max(0.0, min(exam_time, self._end()))
        self.go_to(self.replay.index_at_time(exam_time), exam_time)

    def go_to_seq(self, seq: int) -> None:
        """Stand on record `seq` and bring what it concerns into view."""
        self.go_to(self.replay.index_of_seq(seq), follow=True)

    def _show(self, follow: bool) -> None:
        """Redraw the moment: the queue, the tab in view, the timeline and the header.

        Only the tab in view is redrawn (the others when they come into
        view): each panel's redraw costs layout time, and the scrubber must
        stay well inside 100 ms a moment.
        """
        now = self.moment
        subject = subject_of(self.replay.event_of_index(self.index))
        self.queue.sync(self.queue_model.rows(self.state, now))
        if subject is not None and subject[0] == "ticket" and subject[1] in self.state.tickets:
            self.queue.select(subject[1])
            self.ticket_id = subject[1]
        if self.ticket_id not in self.state.tickets:
            self.ticket_id = self.queue.selected_id
        if subject is not None and subject[0] == "conversation":
            self.conversation_id = subject[1]
        if follow:
            self.tabs.active = TABS.get(subject[0], "tab-records") if subject else "tab-records"
        self._show_tab()
        self._show_moment()

    def _show_tab(self) -> None:
        """Redraw the panel of the tab in view, at the moment shown."""
        reader = StateReader(self.state, self.scenario)
        active, now = self.tabs.active, self.moment
        if active == "tab-ticket":
            self.query_one("#rv-ticket", TicketDetail).show(
                reader.as_controller(), self.ticket_id, now
            )
        elif active == "tab-conversation":
            view = self.query_one("#rv-conversations", ConversationsView)
            view.show_state(reader, now, self.conversation_id)
            self.conversation_id = view.current_id
        elif active == "tab-kb":
            self.query_one("#rv-kb", KbLookupsView).show_state(reader)
        else:
            window = records_window(self.replay, self.index, self.state)
            self.query_one("#rv-records", RecordsView).show(window)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._show_tab()

    def _show_moment(self) -> None:
        event = self.replay.event_of_index(self.index)
        text = (
            describe(event, self._name, self.state.sla_profile)
            if event
            else _("before the first record")
        )
        self.query_one("#rv-timeline", Timeline).show(
            Moment(
                self.moment, self.index, len(self.replay), self.seq, text, self._evidence_position()
            )
        )
        self._show_header()

    def _name(self, customer_id: str) -> str:
        return self._names.get(customer_id, customer_id)

    def _show_header(self) -> None:
        session, state = self.session, self.state
        header = session.assessed.header
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(_("Review") + " · ", style="bold")
        # the candidate first: at 100 columns the clock beside it cut the line after the
        # assessor's name (bugs13), and whose log is open is what the assessor must see
        line.append(_("candidate {id}").format(id=header.candidate_id), style="bold")
        if self.dirty:  # before the assessor's name, which a narrow screen may cut
            line.append(" ● " + _("unsaved"), style="bold yellow")
        line.append(" · " + _("assessor {name}").format(name=self.verdicts.assessor))
        line.append(f" · {self.evidence.scenario_title or header.scenario_id}")
        line.append(f" · {printable_name(session.out.name)}", style="dim")  # the log's name
        clock_text = Text(no_wrap=True)
        # a practice log's clock is no exam's, as the student's header and observe say (bugs20)
        practice = header.mode == "practice"
        clock_text.append((_("Practice time") if practice else _("Exam time")) + " ", style="dim")
        clock_text.append(clock(self.moment), style="bold")
        left = max(0.0, state.duration_s - self.moment) if state.duration_s else 0.0
        clock_text.append("  " + _("Time left") + " ", style="dim")
        clock_text.append(clock(left), style="bold")
        self._update_fixed("#rv-title", line)
        self._update_fixed("#rv-clock", clock_text)

    def _update_fixed(self, selector: str, text: Text) -> None:
        """Update a one-line Static; lay the screen out again only when its width changed
        (a layout pass costs more than everything else a moment redraws)."""
        widget = self.query_one(selector, Static)
        widths = self._widths
        widget.update(text, layout=widths.get(selector) != text.cell_len)
        widths[selector] = text.cell_len

    # ------------------------------------------------------------------ competencies

    def select_competency(self, cid: str) -> None:
        """Show a competency's evidence, its verdict, and mark its records on the timeline."""
        items = self.evidence.for_competency(cid)
        self.evidence_list.people = self.evidence.conversations  # customers by name (bugs23)
        self.evidence_list.show(cid, items, self._describe_seq)
        self._evidence_seqs = sorted({s for item in items for s in item.seqs})
        times = [
            self.replay.time_of_index(self.replay.index_of_seq(s)) for s in self._evidence_seqs
        ]
        self.query_one("#rv-timeline", Timeline).set_marks(times)
        self._show_verdict()
        self._show_moment()

    def _describe_seq(self, seq: int) -> str:
        index = self.replay.index_of_seq(seq)
        if index and self.replay.seqs[index - 1] == seq:
            return record_line(
                seq, self.replay.events[index - 1], self._name, self.state.sla_profile
            )
        return f"#{seq}"

    def _show_verdict(self) -> None:
        text = verdict_text(
            self.evidence, self.verdicts, self.competency, self.session.language, self.ui_language
        )
        self.query_one("#rv-verdict", VerdictPanel).update(text)

    def _evidence_position(self) -> str:
        seqs = self._evidence_seqs
        if not seqs:
            return ""
        current = self.seq
        if current in seqs:
            return _("{cid} record {n}/{total}").format(
                cid=self.competency, n=seqs.index(current) + 1, total=len(seqs)
            )
        total = len(seqs)
        return ngettext("{cid}: {total} record", "{cid}: {total} records", total).format(
            cid=self.competency, total=total
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.competencies and event.option.id:
            event.stop()
            self.select_competency(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a competency: on to its evidence."""
        if event.option_list is self.competencies:
            event.stop()
            self.evidence_list.focus()

    def on_evidence_list_jump(self, event: EvidenceList.Jump) -> None:
        event.stop()
        self.go_to_seq(event.seq)

    def on_ticket_queue_ticket_highlighted(self, event: TicketQueue.TicketHighlighted) -> None:
        event.stop()
        if event.ticket_id and event.ticket_id != self.ticket_id:
            self.ticket_id = event.ticket_id
            reader = StateReader(self.state, self.scenario)
            self.query_one("#rv-ticket", TicketDetail).show(
                reader.as_controller(), self.ticket_id, self.moment
            )

    def on_ticket_queue_ticket_chosen(self, event: TicketQueue.TicketChosen) -> None:
        event.stop()
        self.tabs.active = "tab-ticket"

    def on_conversations_view_chosen(self, event: ConversationsView.Chosen) -> None:
        event.stop()
        reader = StateReader(self.state, self.scenario)
        self.query_one("#rv-conversations", ConversationsView).show_state(
            reader, self.moment, event.conversation_id
        )

    def on_timeline_seek(self, event: Timeline.Seek) -> None:
        event.stop()
        self.go_to_time(event.exam_time)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in VERDICT_ACTIONS:
            return self.session.verified
        return action not in QUEUE_ACTIONS

    def action_step(self, delta: int) -> None:
        self.go_to(self.index + delta)

    def action_minutes(self, delta: int) -> None:
        self.go_to_time(self.moment + delta * MINUTE)

    def action_start(self) -> None:
        self.go_to(min(1, len(self.replay)))

    def action_end(self) -> None:
        self.go_to(len(self.replay))

    def action_jump(self) -> None:
        def chosen(moment: tuple[str, float] | None) -> None:
            if moment is None:
                return
            kind, value = moment
            if kind == "seq":
                self.go_to_seq(int(value))
            else:
                self.go_to_time(value)

        self.app.push_screen(JumpDialog(), chosen)

    def action_evidence(self, direction: int) -> None:
        """To the next (or previous) record of the selected competency's evidence."""
        seqs = self._evidence_seqs
        current = self.seq if self.seq is not None else -1
        found = (
            [s for s in seqs if s > current] if direction > 0 else [s for s in seqs if s < current]
        )
        if not found:
            self.notify(
                _("No further evidence records for {cid}.").format(cid=self.competency), timeout=3
            )
            return
        seq = found[0] if direction > 0 else found[-1]
        self.go_to_seq(seq)
        self.evidence_list.select_seq(seq)

    def action_list_move(self, step: int) -> None:
        """Up/Down on a focused list (competencies, evidence), moved now rather than after the
        keys queued behind it: "n ↓ n ↓ p" read at once gave all three verdicts to the first
        competency (qa-play9). Any other focused widget gets the key as usual."""
        focused = self.focused
        if not isinstance(focused, OptionList):
            raise SkipAction()
        if step > 0:
            focused.action_cursor_down()
        else:
            focused.action_cursor_up()

    def action_verdict(self, verdict: str | None) -> None:
        cid = self.competency
        self.verdicts.set(cid, verdict, self.verdicts.items[cid].comment)
        self._changed(cid)
        self.notify(labelled(cid) + verdict_label(verdict), timeout=2)

    def action_comment(self) -> None:
        cid = self.competency

        def written(comment: str | None) -> None:
            if comment is None or comment == self.verdicts.items[cid].comment:
                return
            self.verdicts.set(cid, self.verdicts.verdict(cid), comment)
            self._changed(cid)

        name = short_name(cid, self.ui_language)
        self.app.push_screen(CommentDialog(cid, name, self.verdicts.items[cid].comment), written)

    def _changed(self, cid: str) -> None:
        self.dirty = True
        self.competencies.refresh_competency(cid)
        self._show_verdict()
        self._show_header()

    def action_save(self) -> bool:
        """Save the sheet (signed with --key); True when it reached the disk."""
        if not self.session.verified:
            return False
        out, signer = self.session.out, self.session.signer
        try:
            save_verdicts(out, self.verdicts, signer)
        except OSError as exc:
            self.notify(
                _("{file} cannot be written ({why}); your verdicts are not saved.").format(
                    file=printable_name(str(out)), why=exc.strerror
                ),
                severity="error",
                timeout=8,
                markup=False,  # the file's name is the log's: "[x].jsonl" is no markup
            )
            return False
        self.dirty = False
        self._show_header()
        how = _("signed with {key}").format(key=signer.fingerprint) if signer else _("unsigned")
        self.notify(
            _("Saved to {file} ({how}).").format(file=printable_name(str(out)), how=how),
            timeout=4,
            markup=False,
        )
        return True

    def action_tab(self, name: str) -> None:
        self.tabs.active = TABS.get(name, "tab-records")

    def action_help(self) -> None:
        self.app.push_screen(KeysHelp(("review", "review_lists")))

    def action_leave(self) -> None:
        if not self.dirty:
            self.app.exit()
            return

        def answered(answer: str | None) -> None:
            if answer == "discard" or (answer == "save" and self.action_save()):
                self.app.exit()

        self.app.push_screen(ConfirmLeave(), answered)
