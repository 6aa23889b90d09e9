"""Evidence per competency from a log: one fold of the events, then the measurements.

`gather_evidence(events, scenario)` runs the same reducer as the exam, with a
tracker beside it that notes what was going on at each moment, and hands the
result to one measurement module per competency group. `EvidenceGatherer`
does the same incrementally, for a live view (`observe`) or a replay that
stops part-way (`review`): feed events as they come, ask for a result at any
time.

The software never decides a verdict. Each item says what was measured,
whether the situation was observed, whether the figure speaks for the
competency, and which log records (seq) to look at.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from helpdesk_tui.assess.cases import build_cases
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.course import session_course
from helpdesk_tui.assess.integrity import mark_cases, stock_sentences
from helpdesk_tui.assess.measure_com import com_items, mood_timelines
from helpdesk_tui.assess.measure_data import data_items
from helpdesk_tui.assess.measure_sim import latencies, sim_items
from helpdesk_tui.assess.measure_sol import inversions, procedure_checks, sla_rows, sol_items
from helpdesk_tui.assess.model import Evidence, EvidenceItem, MoodTimeline, ProcedureCheck
from helpdesk_tui.assess.names import conversation_people
from helpdesk_tui.assess.prime import Forked
from helpdesk_tui.assess.proof import absence_items, heard
from helpdesk_tui.assess.reach import mark_unreached
from helpdesk_tui.assess.replay import Snapshots
from helpdesk_tui.assess.rules import rules_stamp
from helpdesk_tui.assess.solutions import answer_hits
from helpdesk_tui.assess.substance import engaged_contacts, rote_items
from helpdesk_tui.assess.texts import LANGUAGES, flag_name, flag_reason
from helpdesk_tui.assess.tracker import Action, Tracker
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import apply
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.model import Scenario

FLAG_LEANS: dict[str, bool | None] = {
    "clarifying_question": True,
    "paraphrase": None,
    "interruption": False,
    "jargon": False,
    "relayed_question": True,
}
"""How each flag of `customers.evidence_flags` leans; a paraphrase (and any flag not
listed) is left to the assessor to confirm."""


class EvidenceGatherer:
    """Folds events one at a time; `result()` measures whatever has been fed so far."""

    def __init__(
        self,
        scenario: Scenario | None,
        language: str | None = None,
        snapshots: Snapshots | None = None,
    ) -> None:
        """`snapshots`: the review's replay's, taken on this fold (the log folded once)."""
        self.scenario = scenario
        self.language = language
        self.state = ExamState()
        self.tracker = Tracker()
        self.events = 0
        self.snapshots = snapshots
        if snapshots is not None:
            snapshots.start(self.state)

    def feed(self, seq: int, event: Event) -> None:
        self.tracker.before(self.state, seq, event)
        try:
            apply(self.state, event, seq)
        except Exception:
            if self.snapshots is not None:
                self.snapshots.broken = True
            raise
        if self.snapshots is not None:
            self.snapshots.after(self.state)
        self.tracker.after(self.state, seq, event)
        self.events += 1

    def feed_all(self, events: Iterable[tuple[int, Event]]) -> EvidenceGatherer:
        for seq, event in events:
            self.feed(seq, event)
        return self

    def result(
        self, *, second_core: bool = False, analysed: Callable[[], None] | None = None
    ) -> Evidence:
        """The evidence so far; calling it again after more events measures afresh.

        With `second_core` (a long log's report, `assess.pipeline`), the COM group and
        SOL-1's procedure checks (`measured_apart`) are measured in a forked child while
        this process measures SIM, the rest of SOL and what 2.10's and 2.25's corrections
        read (`prime.Forked`: the same code on the same state, so the same items); the
        answers both read are worked out once, before the fork (`shared_answers`), and
        the child's answer is asked for where SOL-1 is assembled. `analysed` (the report's
        `Primer.finish`) is called after the measurements that read no message's
        analysis (the cases, their marks, the SLA rows, the moods and the latencies:
        they read the log's actions and times, not its words) and before the first that
        does (DATA since rules 2.11: DATA-4's `closed_unsolved` reads which of the
        candidate's sentences tell the solution; SIM reads the answers): the worker
        analysing the messages on the other core gets that much longer, and the child
        forks after it, with the analyses (bugs17: DATA, measured before it, analysed
        sentences the worker was analysing too)."""
        state = self.state
        lang = self.language or (state.language if state.language in LANGUAGES else "en")
        cases = build_cases(state, self.tracker, self.scenario)
        ctx = Context(
            state,
            self.tracker,
            self.scenario,
            lang,
            cases,
            self.tracker.finish(),
            state.now,
            text_lang=state.language if state.language in LANGUAGES else lang,
        )
        mark_cases(ctx)
        moods = mood_timelines(ctx)
        rows = sla_rows(ctx)
        found = inversions(ctx)
        lat = latencies(ctx)
        if analysed is not None:
            analysed()
        mark_unreached(ctx)  # 2.26: reads sentences, so after the meeting; before any answer
        data = data_items(ctx)  # after the meeting: DATA-4 reads the candidate's sentences
        forked = None
        if second_core:
            shared_answers(ctx)  # before the fork: the child inherits them (perf26)
            forked = Forked(measured_apart, ctx, moods)
        got: list[Apart] = []

        def apart() -> Apart:
            """The child's answer, asked for as late as each group can: once."""
            if not got:
                got.append(forked.get() if forked is not None else measured_apart(ctx, moods))
            return got[0]

        items: dict[str, list[EvidenceItem]] = {cid: [] for cid in COMPETENCY_IDS}
        sim = sim_items(ctx, lat)  # reads the answers (a transfer is one): analyses
        if forked is not None:
            readings_beside(ctx)  # while the child measures COM
        sol, procedure_checks = sol_items(ctx, rows, found, lambda: apart()[1])
        com = apart()[0]
        for group in (sim, data, com, sol):
            for cid, group_items in group.items():
                items[cid].extend(group_items)
        rote_items(ctx, items)  # 2.10: the rote competencies' `+` on engaged contacts only
        absence_items(ctx, items)  # 2.25: no fault is no proof: SIM-2, COM-3 need a fact heard
        _merge_flags(ctx, items)
        return Evidence(
            scenario_id=state.scenario_id,
            scenario_title=state.scenario_title,
            language=lang,
            candidate_id=state.candidate_id,
            session_id=self.tracker.session_id,
            mode=state.mode,
            duration_s=state.duration_s,
            ended_at=state.now,
            end_reason=state.end_reason,
            events=self.events,
            last_seq=state.last_seq,
            hints=self.tracker.hints,
            items=items,
            sla=rows,
            latencies=lat,
            moods=moods,
            inversions=found,
            procedures=procedure_checks,
            has_answer_key=self.scenario is not None,
            rules=rules_stamp(),
            course=session_course(state),
            conversations=conversation_people(state, self.scenario),
        )


Apart = tuple[dict[str, list[EvidenceItem]], list[ProcedureCheck]]


def measured_apart(ctx: Context, moods: list[MoodTimeline]) -> Apart:
    """The COM group and SOL-1's procedure checks: what a long log's report measures in a
    forked child (`prime.Forked`) while this process measures SIM, the rest of SOL and
    `readings_beside`.

    On a 100,000-record log (perf26, CPU with the analyses made): COM 0.6-0.9 s (COM-5
    reads every message against every glossary term, COM-1 every step of a contact's
    procedure, COM-2/4/6 every message against the customer's words) and the procedure
    checks 0.2 s, against SIM and the rest of SOL 0.1 s, the contacts' engagements 0.5-0.7 s
    and what was heard 0.15 s here: the two processes finish about together. The answers
    both halves read (`shared_answers`) are worked out once before the fork; perf21 forked
    COM alone, left the engagements after it in this process, and saved nothing."""
    return com_items(ctx, moods), procedure_checks(ctx)


def readings_beside(ctx: Context) -> None:
    """What this process reads while the child measures COM: every contact's engagement
    (2.10/2.17's `rote_items`) and whether the candidate heard each customer (2.25's
    `absence_items`), kept in the cases for when COM's items come back."""
    engaged_contacts(ctx)
    for case in ctx.cases:
        if case.incident is not None:
            heard(ctx, case)


def shared_answers(ctx: Context) -> None:
    """What COM and the rest both read, kept in the context and the cases: the stock
    sentences (COM-1's and SOL-1's procedure checks) and each case's answer hits (COM's
    contact readings, SOL-2/6/7/8, SIM and the engagements). Made before the fork, the
    child inherits them (about 0.1 s of a 100,000-record log, which each process made)."""
    stock_sentences(ctx)
    for case in ctx.cases:
        answer_hits(case)


@contextmanager
def bulk_load() -> Iterator[None]:
    """Pause the cyclic garbage collector while a whole log is parsed and folded.

    A 100,000-record log makes several hundred thousand small objects that
    live until the report is done; the collector would scan them again and
    again (a third of the report's time) and find nothing to free. Memory is
    still freed by reference counting; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def gather_evidence(
    events: Iterable[tuple[int, Event]], scenario: Scenario | None, language: str | None = None
) -> Evidence:
    """The evidence for all 22 competencies in one log (events with their seq)."""
    with bulk_load():
        return EvidenceGatherer(scenario, language).feed_all(events).result()


def _merge_flags(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
    """Fold each `evidence_flagged` event into the measured item it details, else add it.

    A flag names one message (its `ref_seq`); the item it belongs to covers the
    same conversation, case or ticket. Folding keeps the tallies honest (one
    conversation, one item) while the flag's reason and seq stay with the item.
    """
    by_seq = _actions_at(
        ctx, {ref for f in ctx.state.flags if isinstance(ref := f.get("ref_seq"), int)}
    )
    for flag in ctx.state.flags:
        cid = str(flag.get("competency", ""))
        name = str(flag.get("flag", ""))
        ref = flag.get("ref_seq")
        seqs = [flag["seq"]] + ([ref] if isinstance(ref, int) else [])
        note = {
            "flag": name, "reason": flag.get("reason", ""), "seq": flag["seq"], "ref_seq": ref,
            "details": _named_group(ctx, flag.get("details")),
        }  # fmt: skip
        owners = _flag_owners(ctx, flag, by_seq.get(ref) if isinstance(ref, int) else None)
        target = items.setdefault(cid, [])
        index = next((i for i, item in enumerate(target) if item.subject in owners), None)
        if index is not None:
            item = target[index]
            figures = {**item.figures, "flags": [*item.figures.get("flags", []), note]}
            target[index] = replace(item, seqs=tuple(sorted({*item.seqs, *seqs})), figures=figures)
            continue
        target.append(
            ctx.item(
                cid, "flag", ctx.t("flag.summary", flag=flag_name(name, ctx.lang), reason=flag_reason(note, ctx.lang)),
                seqs=seqs, favourable=FLAG_LEANS.get(name),
                figures={"flags": [note]}, subject=str(flag.get("conversation_id") or ""),
            )
        )  # fmt: skip


def _actions_at(ctx: Context, seqs: set[int]) -> dict[int, Action]:
    """The candidate's actions at these seqs, by seq: only the flags' (a dict of every
    action was 15 MB at the very peak of the padded 200,000-record review, perf20)."""
    if not seqs:
        return {}
    return {a.seq: a for a in ctx.tracker.actions if a.seq in seqs}


def _named_group(ctx: Context, details: object) -> object:
    """A flag's details with its group named as the scenario names it ("la question du
    groupe Network team", not "... network": bugs11)."""
    if not isinstance(details, dict) or not isinstance(details.get("group"), str):
        return details
    return {**details, "group": ctx.group_name(details["group"])}


def _flag_owners(ctx: Context, flag: dict, action: Action | None) -> list[str]:
    """Subjects an item about this flag's message may carry: conversation, case, ticket."""
    conv_id = flag.get("conversation_id") or (action.conversation_id if action else None)
    ticket_id = action.ticket_id if action else None
    case = ctx.case_by_conversation.get(conv_id or "") or ctx.case_by_ticket.get(ticket_id or "")
    owners = [o for o in (conv_id, ticket_id) if o]
    if case is not None:
        owners += [case.id, *(t.id for t in case.tickets), *(c.id for c in case.conversations)]
    return owners
