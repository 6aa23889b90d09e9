"""COM-1..6, communication: script steps, questions, interruptions, paraphrase, jargon, mood."""

from __future__ import annotations

from functools import lru_cache

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.model import (
    EvidenceItem,
    MoodPoint,
    MoodTimeline,
    mood_rank,
)
from helpdesk_tui.assess.procedures import (
    check_procedure,
    order_text,
    procedure_figures,
    procedure_of,
)
from helpdesk_tui.assess.solutions import solving_action
from helpdesk_tui.customers.dialogue import jargon_in
from helpdesk_tui.customers.evidence_flags import clarifying_question, restated_facts


def com_items(ctx: Context, moods: list[MoodTimeline]) -> dict[str, list[EvidenceItem]]:
    contact = [c for c in ctx.cases if c.is_conversation or c.said()]
    conversations = [c for c in ctx.cases if c.is_conversation]
    return {
        "COM-1": [i for c in contact if (i := _contact_steps(ctx, c)) is not None],
        "COM-2": [_clarifying(ctx, c) for c in conversations],
        "COM-3": [i for c in conversations for i in _interruptions(ctx, c)],
        "COM-4": [i for c in conversations if (i := _paraphrase(ctx, c)) is not None],
        "COM-5": [i for c in contact if (i := _jargon(ctx, c)) is not None],
        "COM-6": [i for m in moods if (i := _calming(ctx, m)) is not None],
    }


# ---------------------------------------------------------------------- COM-1


def _contact_steps(ctx: Context, case: Case) -> EvidenceItem | None:
    """The procedure's spoken steps in what this customer was told, and their order."""
    procedure = procedure_of(case, ctx.scenario)
    if procedure is None or not any(s.patterns for s in procedure.steps):
        return None
    check = check_procedure(case, procedure, said_only=True)
    found = [s for s in check.steps if s.seq is not None]
    summary = ctx.t(
        "com1.steps", case=case.title, found=len(found), total=len(check.steps),
        order=order_text(ctx.lang, check), missing=", ".join(check.missing) or "-",
    )  # fmt: skip
    return ctx.item(
        "COM-1", "contact_steps", summary, seqs=[s.seq for s in found if s.seq is not None],
        favourable=check.in_order, figures=procedure_figures(check), subject=case.id,
    )  # fmt: skip


# ---------------------------------------------------------------------- COM-2


def _clarifying(ctx: Context, case: Case) -> EvidenceItem:
    solved = solving_action(case)
    lang = ctx.state.language
    asked = [
        a for a in case.said()
        if a.type == "message_sent" and (solved is None or a.seq < solved.seq)
        and _asks(a.text or "", lang)
    ]  # fmt: skip
    facts = case.incident.facts if case.incident else ()
    revealed: dict[str, int] = {}
    for conv in case.conversations:
        for fact_id, seq in ctx.tracker.reveals.get(conv.id, []):
            revealed.setdefault(fact_id, seq)
    if facts:
        share = sum(1 for f in facts if f.id in revealed)
        favourable = True if share == len(facts) else (False if share == 0 else None)
    else:
        favourable = bool(asked)
    summary = ctx.t(
        "com2.questions",
        case=case.title,
        asked=len(asked),
        revealed=len(revealed),
        facts=len(facts),
    )
    return ctx.item(
        "COM-2", "clarifying_questions", summary,
        seqs=[a.seq for a in asked] + list(revealed.values()), favourable=favourable,
        figures={"questions_before_solution": len(asked), "facts": len(facts),
                 "facts_elicited": sorted(revealed)},
        subject=case.id,
    )  # fmt: skip


@lru_cache(maxsize=65536)
def _asks(text: str, language: str) -> bool:
    return clarifying_question(text, language)


# ---------------------------------------------------------------------- COM-3


def _interruptions(ctx: Context, case: Case) -> list[EvidenceItem]:
    items = []
    for conv in case.conversations:
        sent = [m for m in conv.messages if m.author == "candidate"]
        if not sent:
            continue
        cut = [m for m in sent if m.interrupted]
        key = "com3.interrupted" if cut else "com3.none"
        items.append(
            ctx.item(
                "COM-3", "interruptions", ctx.t(key, conv=conv.id, n=len(cut), sent=len(sent)),
                seqs=[m.seq for m in cut] or [sent[0].seq], favourable=not cut,
                figures={"interruptions": len(cut), "messages": len(sent)}, subject=conv.id,
            )
        )  # fmt: skip
    return items


# ---------------------------------------------------------------------- COM-4


def _paraphrase(ctx: Context, case: Case) -> EvidenceItem | None:
    """A message, after key facts came out, that restates them (to confirm).

    Where the simulation flagged paraphrases in the case's conversations, its
    flags are the evidence; otherwise this applies its own test
    (`evidence_flags.restated_facts`), so a log without flags is not left bare.
    """
    incident = case.incident
    keys = {f.id: f.answer for f in incident.facts if f.key} if incident else {}
    conversations = {c.id for c in case.conversations}
    flagged = any(
        f.get("competency") == "COM-4" and f.get("conversation_id") in conversations
        for f in ctx.state.flags
    )
    if not keys or not case.said() or flagged:
        return None
    revealed = {
        fact_id: seq
        for conv in case.conversations
        for fact_id, seq in ctx.tracker.reveals.get(conv.id, [])
        if fact_id in keys
    }
    restated: dict[str, int] = {}
    for action in case.said():
        known = {
            f: keys[f] for f, seq in revealed.items() if seq < action.seq and f not in restated
        }
        for fact_id in restated_facts(action.text or "", known, ctx.state.language):
            restated[fact_id] = action.seq
    key = "com4.restated" if restated else ("com4.none" if revealed else "com4.no_facts")
    summary = ctx.t(key, case=case.title, n=len(restated), facts=", ".join(restated))
    return ctx.item(
        "COM-4", "paraphrase", summary, seqs=list(restated.values()),
        favourable=None if restated else False,
        figures={"key_facts": sorted(keys), "revealed": sorted(revealed),
                 "restated": sorted(restated)},
        subject=case.id,
    )  # fmt: skip


# ---------------------------------------------------------------------- COM-5


def _jargon(ctx: Context, case: Case) -> EvidenceItem | None:
    customer = ctx.state.customers.get(case.customer_id)
    glossary = ctx.scenario.glossary if ctx.scenario else {}
    said = case.said()
    if customer is None or customer.technical_level != "novice" or not said or not glossary:
        return None
    hits = [(a, jargon_in(a.text or "", glossary, ctx.state.language)) for a in said]
    hits = [(a, terms) for a, terms in hits if terms]
    used = sorted({t for _, terms in hits for t in terms})
    key = "com5.jargon" if hits else "com5.none"
    return ctx.item(
        "COM-5", "jargon", ctx.t(key, case=case.title, customer=customer.name, n=len(hits),
                                 sent=len(said), terms=", ".join(used)),
        seqs=[a.seq for a, _ in hits] or [said[0].seq], favourable=not hits,
        figures={"messages_with_jargon": len(hits), "messages": len(said), "terms": used},
        subject=case.id,
    )  # fmt: skip


# ---------------------------------------------------------------------- COM-6


def mood_timelines(ctx: Context) -> list[MoodTimeline]:
    timelines = []
    for customer in ctx.state.customers.values():
        start = ctx.tracker.initial_moods.get(customer.id, customer.mood)
        points = [MoodPoint(0.0, start, "start", ctx.tracker.session_seq)]
        points += [
            MoodPoint(at, m, cause, seq)
            for at, m, cause, seq in ctx.tracker.moods.get(customer.id, [])
        ]
        timelines.append(
            MoodTimeline(customer.id, customer.name, customer.technical_level, tuple(points))
        )
    return timelines


def _calming(ctx: Context, timeline: MoodTimeline) -> EvidenceItem | None:
    """A customer who was irritated or angry at some point and was in contact with the candidate."""
    in_contact = any(c.customer_id == timeline.customer_id for c in ctx.cases)
    if not in_contact or mood_rank(timeline.worst) == 0:
        return None
    favourable = mood_rank(timeline.end) < mood_rank(timeline.worst)
    path = " → ".join(ctx.t(f"mood.{p.mood}") for p in _changes(timeline))
    summary = ctx.t(
        "com6.mood", customer=timeline.name, path=path, end=ctx.t(f"mood.{timeline.end}")
    )
    return ctx.item(
        "COM-6", "mood", summary,
        seqs=[p.seq for p in timeline.points if p.seq is not None], favourable=favourable,
        figures={"start": timeline.start, "worst": timeline.worst, "end": timeline.end,
                 "timeline": [{"at": p.at, "mood": p.mood, "cause": p.cause, "seq": p.seq}
                              for p in timeline.points]},
        subject=timeline.customer_id,
    )  # fmt: skip


def _changes(timeline: MoodTimeline) -> list[MoodPoint]:
    """The points where the mood actually changed."""
    kept: list[MoodPoint] = []
    for point in timeline.points:
        if not kept or kept[-1].mood != point.mood:
            kept.append(point)
    return kept
