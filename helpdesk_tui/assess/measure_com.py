"""COM-1..6, communication: script steps, questions, interruptions, paraphrase, jargon, mood."""

from __future__ import annotations

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import (
    a_share,
    echo_of,
    empathy_to_everyone,
    empathy_to_the_calm,
    own_sentences,
    procedure_reading,
    template_reach,
    templated,
    word_list,
    wrong_recipient_items,
)
from helpdesk_tui.assess.model import (
    EvidenceItem,
    MoodPoint,
    MoodTimeline,
    ProcedureCheck,
    mood_rank,
)
from helpdesk_tui.assess.procedures import (
    check_procedure,
    order_text,
    procedure_figures,
    procedure_of,
)
from helpdesk_tui.assess.reach import answered_not_followed
from helpdesk_tui.assess.solutions import TRANSFER, answer_hits, solving_action
from helpdesk_tui.assess.texts import short
from helpdesk_tui.assess.tracker import Action
from helpdesk_tui.assess.wording import acts, find, instruction_sentence, sentences
from helpdesk_tui.customers.dialogue import (
    first_match,
    jargon_in,
    restates_in_turn,
)
from helpdesk_tui.customers.evidence_flags import restated_facts
from helpdesk_tui.customers.in_context import asks_at, finding_at, heard_as_fix
from helpdesk_tui.customers.mood import calming_in


def com_items(ctx: Context, moods: list[MoodTimeline]) -> dict[str, list[EvidenceItem]]:
    """The COM group (a long log's report measures it in a forked child:
    `evidence.measured_apart`)."""
    contact = _contact_cases(ctx)
    conversations = [c for c in ctx.cases if c.is_conversation]
    com2 = [_clarifying(ctx, c) for c in conversations]
    com3 = [i for c in conversations for i in _interruptions(ctx, c)]
    com4 = [i for c in conversations if (i := _paraphrase(ctx, c)) is not None]
    com6 = [i for m in moods if (i := _calming(ctx, m)) is not None]
    jargon, checks = jargon_items(ctx), contact_checks(ctx)
    return {
        "COM-1": [
            _contact_steps(ctx, c, check)
            for c, check in zip(contact, checks, strict=True)
            if check is not None
        ]
        + wrong_recipient_items(ctx, "COM-1"),
        "COM-2": com2,
        "COM-3": com3,
        "COM-4": com4,
        "COM-5": jargon,
        "COM-6": com6,
    }


def _contact_cases(ctx: Context) -> list[Case]:
    return [c for c in ctx.cases if c.is_conversation or c.said()]


# ---------------------------------------------------------------------- COM-1


def contact_checks(ctx: Context) -> list[ProcedureCheck | None]:
    """For each case the customer was written to (`_contact_cases`), the procedure's spoken
    steps in what they were told (None: no procedure with spoken steps)."""
    return [_contact_check(ctx, c) for c in _contact_cases(ctx)]


def _contact_check(ctx: Context, case: Case) -> ProcedureCheck | None:
    procedure = procedure_of(case, ctx.scenario)
    if procedure is None or not any(s.patterns for s in procedure.steps):
        return None
    return check_procedure(case, procedure, said_only=True, shows=procedure_reading(ctx, case))


def _contact_steps(ctx: Context, case: Case, check: ProcedureCheck) -> EvidenceItem:
    """The procedure's spoken steps in what this customer was told, and their order."""
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
    asked: list[Action] = []
    for a in case.said():  # (2.8) read at its place in the case, as the customer reads it
        if solved is not None and a.seq >= solved.seq:
            break
        turn = case.turn(a.seq, lang)
        if a.type == "message_sent" and _asks(
            a.text or "", lang, turn, case.customer_said_before(a.seq)
        ):
            asked.append(a)
    facts = case.incident.facts if case.incident else ()
    told = answer_in_words(case)
    revealed: dict[str, int] = {}
    for conv in case.conversations:
        for fact_id, seq in ctx.tracker.reveals.get(conv.id, []):
            if told is None or seq < told.seq:  # 2.7: before the answer, as 3b says
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


def answer_in_words(case: Case) -> Action | None:
    """(2.7) The message that first told the customer the answer: the facts that count for
    COM-2 came out before it. What the customer tells in reply to the answer (a pasted article
    that asks "is the light on?") was not drawn out by a question before the solution. A
    case handed to the second line has its answer there: the facts the second line asks
    for, relayed by the candidate after the transfer, still count."""
    first = next((h for h in answer_hits(case) if h.credited), None)
    return None if first is None or first.how == TRANSFER else first.action


def _asks(text: str, language: str, turn: tuple[bool, bool], said: tuple[str, ...]) -> bool:
    return asks_at(text, language, *turn, said)


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
    """A message, after key facts came out, that restates them in the candidate's own words.

    It needs a restatement as the customer reads it (`in_context.read_at`, 2.8: the
    layer's restate act, "so if I understand you...", or, rules 2.3, a message that gives
    their words back and asks nothing new but whether it is right, whatever its opener)
    and a key fact's content (its values: codes, numbers, names, or two of
    its content words), without copying the customer's sentences (a run of
    words from them is an **echo**) and not as a template sent to several
    customers. The simulation's paraphrase flags are folded in beside it.
    """
    incident = case.incident
    keys = {f.id: f.answer for f in incident.facts if f.key} if incident else {}
    if not keys or not case.said() or not case.is_conversation:
        return None
    revealed = {
        fact_id: seq
        for conv in case.conversations
        for fact_id, seq in ctx.tracker.reveals.get(conv.id, [])
        if fact_id in keys
    }
    echo: tuple[Action, str] | None = None
    template: tuple[Action, int] | None = None
    for action in case.said():
        text = action.text or ""
        # `read_at(...).restated`, without the acts and the closing question it also reads
        restated = restates_in_turn(text, ctx.text_lang, case.customer_said_before(action.seq))
        if restated is None:
            continue
        copied = echo_of(case, action)
        if copied is not None:
            echo = echo or (action, copied)
            continue
        if reach := template_reach(ctx, action):
            template = template or (action, reach)
            continue
        known = {f: keys[f] for f, seq in revealed.items() if seq < action.seq}
        facts = restated_facts(text, known, ctx.state.language)
        if facts:
            summary = ctx.t("com4.restate", case=case.title, facts=", ".join(facts),
                            rule=restated.explain())  # fmt: skip
            return _com4(ctx, case, summary, [action.seq], True, keys, revealed, facts)
    if echo is not None:
        summary = ctx.t("com4.echo", case=case.title, words=short(echo[1], 60))
        return _com4(ctx, case, summary, [echo[0].seq], False, keys, revealed, [], "echo")
    if template is not None:
        summary = ctx.t("com4.template", case=case.title, n=template[1])
        return _com4(ctx, case, summary, [template[0].seq], False, keys, revealed, [], "template")
    key = "com4.none" if revealed else "com4.no_facts"
    summary = ctx.t(key, case=case.title, n=0, facts="")
    return _com4(ctx, case, summary, [], False, keys, revealed, [])


def _com4(
    ctx: Context, case: Case, summary: str, seqs: list[int], favourable: bool,
    keys: dict[str, str], revealed: dict[str, int], restated: list[str], flag: str = "",
) -> EvidenceItem:  # fmt: skip
    figures = {"key_facts": sorted(keys), "revealed": sorted(revealed),
               "restated": sorted(restated)}  # fmt: skip
    if flag:
        figures[flag] = True
    return ctx.item(
        "COM-4",
        "paraphrase",
        summary,
        seqs=seqs or [case.arrival_seq],
        favourable=favourable,
        figures=figures,
        subject=case.id,
    )


# ---------------------------------------------------------------------- COM-5


def jargon_items(ctx: Context) -> list[EvidenceItem]:
    """COM-5 for every case the customer was written to. It reads the messages alone
    (no other measurement's result), so a long log's report measures it in a child
    process while it measures the rest (`evidence.EvidenceGatherer.result`)."""
    jargon = [i for c in _contact_cases(ctx) if (i := _jargon(ctx, c)) is not None]
    return jargon + not_followed_items(ctx)


NOT_FOLLOWED_SHARE = 0.4
"""(2.24) The share of the contacts written to on which the customer said they did not follow a
step told them that makes it the candidate's way of telling (2.7's habit, `integrity.a_share`).
Measured on the six exams: competent banks 0-0.17 of their contacts, herald 0.67 on val-de-lesse
(benchmarks/README.md, "What an assessor reads in herald's answers (branch evid40)")."""
NOT_FOLLOWED_LEAST = 2
"""(2.24) And at least this many: one customer lost once is an accident of one exchange."""


def not_followed_items(ctx: Context) -> list[EvidenceItem]:
    """(2.24) COM-5 against, on each contact where the customer answered a step told them with
    the scenario's "I don't follow" (its fallback), when that happened on enough contacts.

    COM-5 asks for words fitted to the customer; the glossary catches jargon, not a step
    wrapped in words of no use to them (the blind cheater `herald`: "Vu ce que fait
    secrétariat: il faut suivre ceci : faites changer le mot de passe ...; une chose à la
    fois."). The customer saying they do not follow is what an assessor reads first."""
    talks = [c for c in ctx.cases if c.is_conversation and c.said()]
    lost = [(c, seqs) for c in talks if (seqs := _not_followed(ctx, c))]
    if not a_share(len(lost), len(talks), NOT_FOLLOWED_LEAST, NOT_FOLLOWED_SHARE):
        return []
    names = {c.id: c.name for c in ctx.state.customers.values()}
    return [
        ctx.item(
            "COM-5", "not_followed",
            ctx.t("com5.not_followed", case=c.title, customer=names.get(c.customer_id, ""),
                  n=len(seqs), lost=len(lost), contacts=len(talks)),
            seqs=seqs, favourable=False, subject=c.id,
            figures={"steps_not_followed": len(seqs), "contacts_lost": len(lost),
                     "contacts": len(talks)},
        )
        for c, seqs in lost
    ]  # fmt: skip


def _not_followed(ctx: Context, case: Case) -> list[int]:
    """The candidate's messages telling a step (an `instruction` sentence that is no check:
    "Is it back?" asks, it tells nothing) that the customer answered with "I don't follow"."""
    return [m.seq for m in answered_not_followed(case) if _tells_step(m.text, ctx.text_lang)]


def _tells_step(text: str, lang: str) -> bool:
    return any(
        instruction_sentence(s, lang) and "check" not in acts(s, lang) for s in sentences(text)
    )


def _jargon(ctx: Context, case: Case) -> EvidenceItem | None:
    """COM-5 both ways: jargon to a novice, and the glossary's plain words to an expert."""
    customer = ctx.state.customers.get(case.customer_id)
    glossary = ctx.scenario.glossary if ctx.scenario else {}
    said = case.said()
    if customer is None or not said or not glossary:
        return None
    if customer.technical_level == "expert":
        return _childish(ctx, case, customer.name, glossary)
    if customer.technical_level != "novice":
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


def _childish(ctx: Context, case: Case, name: str, glossary: dict[str, str]) -> EvidenceItem:
    """An expert told in the glossary's words for beginners ("the network's address book")."""
    said = case.said()
    hits = [
        (a, [term for term, plain in glossary.items() if find(plain, a.text or "", ctx.text_lang)])
        for a in said
    ]
    hits = [(a, terms) for a, terms in hits if terms]
    used = sorted({t for _, terms in hits for t in terms})
    key = "com5.childish" if hits else "com5.expert_none"
    return ctx.item(
        "COM-5", "childish", ctx.t(key, case=case.title, customer=name, n=len(hits),
                                   sent=len(said), terms=", ".join(used)),
        seqs=[a.seq for a, _ in hits] or [said[0].seq], favourable=not hits,
        figures={"messages_explained_for_a_beginner": len(hits), "messages": len(said),
                 "terms": used},
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
    if favourable and mood_rank(timeline.end) > mood_rank(timeline.start):
        # calm → angry → irritated is calmer than at its worst, but worse than she came in:
        # the candidate calmed part of what happened in their hands (rules 2.2)
        favourable = False
        summary += ctx.t("com6.worse", start=ctx.t(f"mood.{timeline.start}"))
    elif favourable and not _calmed_personally(ctx, timeline, empathy_to_everyone(ctx)):
        favourable = False
        if _calmed_personally(ctx, timeline, False):
            comforted, calm = empathy_to_the_calm(ctx)
            summary += ctx.t("com6.formula", n=comforted, calm=calm)
        else:
            summary += ctx.t("com6.stock")
    return ctx.item(
        "COM-6", "mood", summary,
        seqs=[p.seq for p in timeline.points if p.seq is not None], favourable=favourable,
        figures={"start": timeline.start, "worst": timeline.worst, "end": timeline.end,
                 "timeline": [{"at": p.at, "mood": p.mood, "cause": p.cause, "seq": p.seq}
                              for p in timeline.points]},
        subject=timeline.customer_id,
    )  # fmt: skip


def _calmed_personally(ctx: Context, timeline: MoodTimeline, no_empathy: bool) -> bool:
    """Some calming came from the candidate's own words to this customer, not stock phrases.

    Each calmer mood change is traced to the candidate's message or reply it
    answered (the last one to this customer before it). The acts that calm the
    customer (`mood.calming_in`: empathy, an apology, progress, a request to hold;
    rules 2.3: the mood's own reading, so an apology that calmed counts) count
    only in the candidate's own sentences (`integrity.own_sentences`: not pasted to
    several customers, not copied from an article, not the customer's words given
    back). A customer calmed by a dialogue rule (the fix, the workaround, words of
    sympathy the scenario listens for) counts only when the rule's words are in those
    own sentences too (rules 2.4): a rule set off by a stock "sorry, I understand" or by
    pasted article text is not the candidate's doing. A message mostly pasted from the
    knowledge base or from the customer's messages has no own sentences.

    `no_empathy` (rules 2.7, `integrity.empathy_to_everyone`): the candidate said empathy to
    calm customers as readily as to upset ones, so a sentence carrying empathy is a formula
    said whatever the mood and calms no one on its own; the other acts (an apology, progress,
    a request to hold) and the dialogue rules set off by other sentences still count.
    """
    said = [(a, c) for c in ctx.cases if c.customer_id == timeline.customer_id for a in c.said()]
    said.sort(key=lambda pair: pair[0].seq)
    previous = None
    for point in timeline.points:
        calmer = previous is not None and mood_rank(point.mood) < mood_rank(previous)
        previous = point.mood
        if not calmer or point.seq is None:
            continue
        found = next(((a, c) for a, c in reversed(said) if a.seq < point.seq), None)
        if found is None or templated(ctx, found[0]):
            continue
        own = own_sentences(ctx, found[1], found[0])
        listed = any(word_list(s) for s in own)
        own = [s for s in own if not word_list(s)]
        if no_empathy:
            own = [s for s in own if "empathy" not in calming_in(s, ctx.text_lang)]
        if not own:
            continue
        if point.cause.startswith("rule "):
            # (2.12) a rule set off by a message that lists the customer's words ("toch en
            # versta, goed en veel. Klopt dat?") heard a restatement of nothing understood
            if not listed and _rule_heard(
                ctx, timeline.customer_id, point.cause[5:], " ".join(own)
            ):
                return True
            continue
        if any(calming_in(s, ctx.text_lang) for s in own):
            return True
        if finding_at(" ".join(own), ctx.text_lang, found[1].place(found[0].seq, ctx.text_lang)):
            return True  # (2.14) a finding told calmed them, as the mood reads it (`calming_at`)
    return False


def _rule_heard(ctx: Context, customer_id: str, rule_id: str, text: str) -> bool:
    """The customer's dialogue rule `rule_id` is set off by `text` (its `when` patterns, as
    the customer hears them; rules 2.13: a fix rule also in the second line's fix relayed, as
    `in_context.heard_as_fix`); a rule the scenario does not show is taken as heard."""
    if ctx.scenario is None:
        return True
    rules = [
        (r, incident)
        for incident in ctx.scenario.incidents
        if incident.customer == customer_id
        for r in incident.rules
        if r.id == rule_id
    ]
    if not rules:
        return True
    return any(
        first_match(r.when, text, ctx.text_lang) or heard_as_fix(r, incident, text, ctx.text_lang)
        for r, incident in rules
    )


def _changes(timeline: MoodTimeline) -> list[MoodPoint]:
    """The points where the mood actually changed."""
    kept: list[MoodPoint] = []
    for point in timeline.points:
        if not kept or kept[-1].mood != point.mood:
            kept.append(point)
    return kept
