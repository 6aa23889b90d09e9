"""SOL-1..8, handling questions: procedures, KB, SLA, priorities, follow-up, progress, answers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import (
    credited_lookups,
    procedure_reading,
    recipient,
    scattershot,
    wrong_recipients,
)
from helpdesk_tui.assess.model import EvidenceItem, Inversion, ProcedureCheck, SlaRow
from helpdesk_tui.assess.parking import Parked, parked_without_cause
from helpdesk_tui.assess.procedures import (
    check_procedure,
    order_text,
    procedure_figures,
    procedure_of,
)
from helpdesk_tui.assess.solutions import (
    AnswerHit,
    answer_hits,
    chosen_option,
    explain,
    first_answer,
    hit_keywords,
    transfer_groups,
)
from helpdesk_tui.assess.texts import clock, duration, short
from helpdesk_tui.assess.tracker import Action
from helpdesk_tui.assess.wording import acts, find_any, words
from helpdesk_tui.core.sla import SlaState, TargetStatus, ticket_sla, update_windows
from helpdesk_tui.core.state import Ticket
from helpdesk_tui.customers.evidence_flags import content_stems
from helpdesk_tui.customers.in_context import finding_at
from helpdesk_tui.scenario.model import Answer

RESPONDING = frozenset({"ticket_reply_added", "ticket_resolved", "ticket_linked", "ticket_created"})
ACTING = frozenset(
    {
        "ticket_opened",
        "ticket_updated",
        "ticket_reply_added",
        "note_added",
        "ticket_pending",
        "ticket_resolved",
        "ticket_transferred",
        "message_sent",
    }
)
"""What counts as acting on a second-line reply (looking at it alone does not)."""


def sol_items(
    ctx: Context,
    rows: list[SlaRow],
    inversions: list[Inversion],
    checked: Callable[[], list[ProcedureCheck]] | None = None,
) -> tuple[dict[str, list[EvidenceItem]], list[ProcedureCheck]]:
    """The SOL group and SOL-1's procedure checks; `checked` gives the checks when they were
    made apart (`procedure_checks`), and is asked for them once the rest is measured."""
    answered = [c for c in ctx.cases if c.answer is not None]
    sol2 = [i for c in answered if (i := _kb_first(ctx, c)) is not None]
    sol2 += scattershot_items(ctx, "SOL-2")
    sol3 = [_sla(ctx, r) for r in rows]
    sol4 = _priorities(ctx, inversions)
    sol5 = _follow_up(ctx)
    sol6 = [i for r in rows if (i := _progress(ctx, r)) is not None]
    sol6 += [i for c in answered if (i := _chase(ctx, c)) is not None]
    sol7 = [_answer(ctx, c) for c in answered]
    sol8 = [_option(ctx, c) for c in answered if c.answer and c.answer.options]
    checks = checked() if checked is not None else procedure_checks(ctx)
    cases = [c for c in ctx.cases if procedure_of(c, ctx.scenario)]
    items = {
        "SOL-1": [_procedure(ctx, c, p) for c, p in zip(cases, checks, strict=True)],
        "SOL-2": sol2,
        "SOL-3": sol3,
        "SOL-4": sol4,
        "SOL-5": sol5,
        "SOL-6": sol6,
        "SOL-7": sol7,
        "SOL-8": sol8,
    }
    return items, checks


def procedure_checks(ctx: Context) -> list[ProcedureCheck]:
    """SOL-1: every step of the procedure of each case that has one, in the order of the cases."""
    return [
        check_procedure(c, p, shows=procedure_reading(ctx, c))
        for c in ctx.cases
        if (p := procedure_of(c, ctx.scenario))
    ]


# ---------------------------------------------------------------------- SLA rows


def sla_rows(ctx: Context) -> list[SlaRow]:
    """Every ticket's SLA figures at the end of the exam (the same engine as the live queue)."""
    profile = ctx.state.sla_profile
    if profile is None:
        return []
    transfers = _by_ticket(ctx, "ticket_transferred")
    rows = []
    for ticket in ctx.state.tickets.values():
        sla = ticket_sla(ticket, profile, ctx.end)
        arrival_seq, _ = ctx.tracker.arrivals.get(ticket.id, (ticket.history[0].seq, 0.0))
        resolved = [h.seq for h in ticket.history if h.type == "ticket_resolved"]
        rows.append(
            SlaRow(
                ticket_id=ticket.id, title=ticket.title, incident_id=ticket.incident_id,
                source=ticket.source, priority=ticket.priority, arrival=ticket.created_at,
                arrival_seq=arrival_seq, first_response_at=ticket.first_response_at,
                first_response_seq=_response_seq(ctx, ticket),
                first_response_deadline=sla.first_response.deadline,
                first_response_state=sla.first_response.state.value,
                first_response_margin=sla.first_response.time_left,
                transfers=tuple((a.at, a.data["group"], a.seq) for a in transfers.get(ticket.id, [])),
                transfer_names=tuple(ctx.group_name(a.data["group"]) for a in transfers.get(ticket.id, [])),
                resolved_at=ticket.resolved_at,
                resolved_seq=resolved[-1] if resolved and ticket.resolved_at is not None else None,
                resolution_deadline=sla.resolution.deadline,
                resolution_state=sla.resolution.state.value,
                resolution_margin=sla.resolution.time_left,
                update_state=sla.update.state.value, closed_at=ticket.closed_at,
                pauses=tuple(ticket.pauses), status=ticket.status.value,
                updates=tuple((w.start, w.deadline, w.state.value)
                              for w in update_windows(ticket, profile, ctx.end)),
            )
        )  # fmt: skip
    return sorted(rows, key=lambda r: (r.arrival, r.arrival_seq))


def _by_ticket(ctx: Context, action_type: str) -> dict[str, list[Action]]:
    found: dict[str, list[Action]] = {}
    for action in ctx.of_type(action_type):
        if action.ticket_id:
            found.setdefault(action.ticket_id, []).append(action)
    return found


def _response_seq(ctx: Context, ticket: Ticket) -> int | None:
    """The record that gave the ticket its first response (a reply, a chat message...)."""
    at = ticket.first_response_at
    if at is None:
        return None
    seqs = [h.seq for h in ticket.history if h.at == at and h.type in RESPONDING]
    for conv_id in ticket.conversation_ids:
        conv = ctx.state.conversations[conv_id]
        seqs += [m.seq for m in conv.messages if m.author == "candidate" and m.at == at]
    return min(seqs) if seqs else None


def _target_text(ctx: Context, target: TargetStatus) -> str:
    left = target.time_left
    if target.state == SlaState.MET:
        return ctx.t("sla.met", margin=duration(left or 0.0, ctx.lang))
    if target.met_at is not None:
        return ctx.t("sla.late", late=duration(-(left or 0.0), ctx.lang))
    if target.state == SlaState.BREACHED:
        return ctx.t("sla.overdue", late=duration(abs(left or 0.0), ctx.lang))
    return ctx.t("sla.running", left=duration(left or 0.0, ctx.lang))


# ---------------------------------------------------------------------- SOL-1


def _procedure(ctx: Context, case: Case, check: ProcedureCheck) -> EvidenceItem:
    found = [s for s in check.steps if s.seq is not None]
    summary = ctx.t(
        "sol1.steps", case=case.title, procedure=check.procedure_id, found=len(found),
        total=len(check.steps), order=order_text(ctx.lang, check),
        missing=", ".join(check.missing) or "-",
    )  # fmt: skip
    return ctx.item(
        "SOL-1", "procedure_steps", summary, seqs=[s.seq for s in found if s.seq is not None],
        favourable=check.in_order, figures=procedure_figures(check), subject=case.id,
    )  # fmt: skip


# ---------------------------------------------------------------------- SOL-2


def _searches_finding(ctx: Context) -> dict[str, list[Action]]:
    """Each article, with the searches (in log order) that listed it among their results.

    Made once for all cases: looking through every search for every case was a
    tenth of the measurements of a 100,000-record log."""
    index = ctx.cache.get("searches_finding")
    if index is None:
        index = {}
        for action in ctx.of_type("kb_searched"):
            found = (r for r in action.data.get("results", ()) if type(r) is str)
            for article in dict.fromkeys(found):
                index.setdefault(article, []).append(action)
        ctx.cache["searches_finding"] = index
    return index


def _first_search_finding(ctx: Context, articles: Iterable[str], since: float) -> Action | None:
    """The first search at or after `since` that found one of the articles."""
    index = _searches_finding(ctx)
    firsts = [
        first
        for article in set(articles)
        if (first := next((a for a in index.get(article, ()) if a.at >= since), None)) is not None
    ]
    return min(firsts, key=lambda a: a.seq, default=None)


def _kb_first(ctx: Context, case: Case) -> EvidenceItem | None:
    """The right article opened before the answer was given."""
    articles = case.articles()
    if not articles:
        return None
    opened = next(iter(credited_lookups(ctx, case)), None)
    found = _first_search_finding(ctx, articles, case.arrival_at)
    answer = first_answer(case)
    if opened is None:
        key, favourable = "sol2.never", False
    elif answer is None:
        # (2.9) Before an answer that never came is no "before": the look-up served nothing
        # the customer received (evid18: lawyer's article "opened before the answer" on a case
        # it never answered). To judge, not credited.
        key, favourable = "sol2.no_answer", None
    elif answer.action.seq < opened.seq:
        key, favourable = "sol2.after", False
    else:
        key, favourable = "sol2.before", True
    summary = ctx.t(
        key, case=case.title, article=opened.article_id if opened else " / ".join(articles),
        at=clock(opened.at) if opened else "-",
    )  # fmt: skip
    seqs = [a.seq for a in (found, opened, answer.action if answer else None) if a is not None]
    return ctx.item(
        "SOL-2", "kb_before_answer", summary, seqs=seqs, favourable=favourable,
        figures={"articles": list(articles), "opened_seq": opened.seq if opened else None,
                 "found_by_search_seq": found.seq if found else None,
                 "answer_seq": answer.action.seq if answer else None},
        subject=case.id,
    )  # fmt: skip


# ---------------------------------------------------------------------- SOL-3


def _sla(ctx: Context, row: SlaRow) -> EvidenceItem:
    assert ctx.state.sla_profile is not None
    ticket = ctx.state.tickets[row.ticket_id]
    sla = ticket_sla(ticket, ctx.state.sla_profile, ctx.end)
    summary = ctx.t(
        "sol3.sla", ticket=row.ticket_id, priority=row.priority or "-",
        first=_target_text(ctx, sla.first_response), resolution=_target_text(ctx, sla.resolution),
    )  # fmt: skip
    if row.update_state == SlaState.BREACHED:
        summary += ctx.t("sol3.update_missed")
    met = row.met
    case = ctx.case_by_ticket.get(row.ticket_id)
    # Closing a ticket is not solving it: the resolution target is about the fix.
    answered = case is None or case.answer is None or first_answer(case) is not None
    if met and row.resolved_at is not None and not answered:
        met = False
        summary += ctx.t("sol3.unsolved")
    # 2.27: a clock stopped without cause says nothing about meeting the targets.
    parked = parked_without_cause(ctx).get(row.ticket_id, [])
    if parked:
        met = False
        summary += _parked_text(ctx, parked)
    return ctx.item(
        "SOL-3", "sla", summary, seqs=[*row.seqs, *(p.seq for p in parked[:1])], favourable=met,
        figures={"priority": row.priority, "first_response": row.first_response_state,
                 "first_response_margin_s": row.first_response_margin,
                 "resolution": row.resolution_state,
                 "resolution_margin_s": row.resolution_margin, "update": row.update_state,
                 "parked_without_cause": len(parked)},
        subject=row.ticket_id,
    )  # fmt: skip


def _parked_text(ctx: Context, parked: list[Parked]) -> str:
    """(2.27) The first pending without cause, as an assessor checks it, and how many more."""
    first = parked[0]
    text = ctx.t(f"sol3.parked_{first.why}", at=clock(first.at),
                 group=ctx.group_name(first.group or ""))  # fmt: skip
    if len(parked) > 1:
        text += ctx.t("sol3.parked_more", n=len(parked) - 1)
    return text + ctx.t("sol3.parked_cause")


# ---------------------------------------------------------------------- SOL-4


def inversions(ctx: Context) -> list[Inversion]:
    return [
        Inversion(
            h.at, h.seq, h.action, h.ticket_id, h.priority, h.waiting_ticket_id,
            h.waiting_priority, h.waiting_since, h.waiting_seq,
        )
        for h in ctx.tracker.inversions
    ]  # fmt: skip


def _priorities(ctx: Context, found: list[Inversion]) -> list[EvidenceItem]:
    worked = [a for a in ctx.tracker.actions if a.ticket_id and a.type != "hint_requested"]
    items = []
    if worked and len(ctx.state.tickets) > 1:
        key = "sol4.inversions" if found else "sol4.none"
        items.append(
            ctx.item(
                "SOL-4", "priority_order", ctx.t(key, n=len(found), actions=len(worked)),
                seqs=[i.seq for i in found] or [worked[0].seq], favourable=not found,
                figures={"inversions": len(found), "ticket_actions": len(worked)},
            )
        )  # fmt: skip
    for inv in found:
        summary = ctx.t(
            "sol4.inversion", ticket=inv.ticket_id, priority=inv.priority, at=clock(inv.at),
            waiting=inv.waiting_ticket_id, waiting_priority=inv.waiting_priority,
            since=clock(inv.waiting_since),
        )  # fmt: skip
        items.append(
            ctx.item(
                "SOL-4", "inversion", summary, seqs=[inv.seq, inv.waiting_seq], favourable=False,
                figures={"action": inv.action, "waited_s": inv.at - inv.waiting_since},
                subject=inv.ticket_id,
            )
        )  # fmt: skip
    items += [i for c in ctx.cases for i in _priority_set(ctx, c)]
    return items


def _priority_set(ctx: Context, case: Case) -> list[EvidenceItem]:
    """The priority the candidate's classification gives, against the answer key's."""
    profile = ctx.state.sla_profile
    if case.answer is None or profile is None:
        return []
    expected = profile.priority_for(case.answer.impact, case.answer.urgency)
    items = []
    for ticket in case.tickets:
        touched = [h.seq for h in ticket.history if h.type in ("ticket_created", "ticket_updated")]
        if not touched:
            continue
        key = "sol4.priority_ok" if ticket.priority == expected else "sol4.priority_wrong"
        items.append(
            ctx.item(
                "SOL-4", "priority_set",
                ctx.t(key, ticket=ticket.id, priority=ticket.priority or "-", expected=expected),
                seqs=touched, favourable=ticket.priority == expected,
                figures={"priority": ticket.priority, "expected": expected}, subject=ticket.id,
            )
        )  # fmt: skip
    return items


# ---------------------------------------------------------------------- SOL-5


def _follow_up(ctx: Context) -> list[EvidenceItem]:
    """Per second-line reply after a transfer: passed on to the right customer, ticket updated.

    A reply from a group the ticket was wrongly sent to (a bounce) speaks
    against, whatever the candidate does with it: forwarding "this is not
    for our team" to the customer is not following up.
    """
    items = []
    for ticket_id, transfers in _by_ticket(ctx, "ticket_transferred").items():
        case = ctx.case_by_ticket.get(ticket_id)
        start = transfers[0].seq
        replies = [r for r in ctx.tracker.second_line.get(ticket_id, []) if r[0] > start]
        if not replies:
            items.append(_no_reply_yet(ctx, ticket_id, case, transfers[0]))
        for reply in replies:
            if _bounced(case, reply[2]):
                items.append(_bounce(ctx, ticket_id, case, reply))
            else:
                items.append(_acted_on(ctx, ticket_id, case, reply))
    return items + _resolved_unescalated(ctx)


def _needs_second_line(answer: Answer) -> bool:
    """The key sends the case to a group and offers no first-line way out: no alternative
    without a group, no options to choose between (each may be solved where it stands)."""
    return (
        bool(answer.transfer_group)
        and not answer.options
        and all(a.transfer_group for a in answer.alternatives)
    )


def _resolved_unescalated(ctx: Context) -> list[EvidenceItem]:
    """Rules 2.29 (evid46): a case the key sends to the second line, resolved by the candidate
    without ever transferring it, speaks against SOL-5: there was an escalation to follow up
    and the candidate closed it at the first line instead (the composite cheater: callers
    "solved" by pasted steps beside one honest relay, SOL-5 favourable on that relay alone).
    A case not resolved stays silent here (DATA-3 already names the missing transfer)."""
    transferred = {
        case.id
        for a in ctx.of_type("ticket_transferred")
        if (case := ctx.case_by_ticket.get(a.ticket_id or "")) is not None
    }
    items = []
    for case in ctx.cases:
        if case.answer is None or case.id in transferred or not _needs_second_line(case.answer):
            continue
        resolved = next((a for a in case.actions if a.type == "ticket_resolved"), None)
        if resolved is None:
            continue
        group = ctx.group_name(case.answer.transfer_group or "")
        items.append(
            ctx.item(
                "SOL-5", "follow_up",
                ctx.t("sol5.resolved_unescalated", ticket=resolved.ticket_id, group=group,
                      at=clock(resolved.at)),
                seqs=[resolved.seq], favourable=False,
                figures={"second_line_replies": 0, "escalated": False},
                subject=resolved.ticket_id or case.id,
            )
        )  # fmt: skip
    return items


def _bounced(case: Case | None, data: dict) -> bool:
    """A reply from a group the answer key does not send this ticket to."""
    if case is None or case.answer is None:
        return False
    return data.get("group") not in transfer_groups(case.answer)


def _case_actions(ctx: Context, ticket_id: str, case: Case | None) -> list[Action]:
    if case is not None:
        return case.actions
    return [a for a in ctx.tracker.actions if a.ticket_id == ticket_id]


def _no_reply_yet(
    ctx: Context, ticket_id: str, case: Case | None, transfer: Action
) -> EvidenceItem:
    looked = [
        a for a in _case_actions(ctx, ticket_id, case)
        if a.seq > transfer.seq and (a.ticket_id == ticket_id or a.data.get("target") == ticket_id)
    ]  # fmt: skip
    key = "sol5.checked" if looked else "sol5.waiting"
    return ctx.item(
        "SOL-5", "follow_up", ctx.t(key, ticket=ticket_id, group=ctx.group_name(transfer.data["group"])),
        seqs=[transfer.seq, *(a.seq for a in looked[:1])], favourable=None,
        figures={"second_line_replies": 0, "looked_again": bool(looked)}, subject=ticket_id,
    )  # fmt: skip


def _bounce(
    ctx: Context, ticket_id: str, case: Case | None, reply: tuple[int, float, dict]
) -> EvidenceItem:
    seq, at, data = reply
    return ctx.item(
        "SOL-5", "follow_up",
        ctx.t("sol5.bounced", ticket=ticket_id, group=ctx.group_name(data["group"]), at=clock(at)),
        seqs=[seq], favourable=False,
        figures={"reply_seq": seq, "bounced": True, "group": data["group"]}, subject=ticket_id,
    )  # fmt: skip


def _acted_on(
    ctx: Context, ticket_id: str, case: Case | None, reply: tuple[int, float, dict]
) -> EvidenceItem:
    seq, at, data = reply
    later = [a for a in _case_actions(ctx, ticket_id, case) if a.seq > seq]
    owner = case.customer_id if case is not None else ctx.state.tickets[ticket_id].customer_id
    wrong = {w.action.seq for w in wrong_recipients(ctx)}
    relayed = next(
        (a for a in later if a.type in ("message_sent", "ticket_reply_added")
         and a.seq not in wrong and recipient(ctx, a) == owner
         and _passes_on(ctx, case, data, a)),
        None,
    )  # fmt: skip
    after = relayed.seq if relayed is not None else seq
    updated = next(
        (a for a in later if a.seq > after and a.ticket_id == ticket_id and a.type in UPDATING),
        None,
    )
    favourable = relayed is not None and updated is not None
    yes, no = ctx.t("yes"), ctx.t("no")
    summary = ctx.t(
        "sol5.passed_on", ticket=ticket_id, group=ctx.group_name(data["group"]), at=clock(at),
        relayed=f"{yes} [{relayed.seq}]" if relayed else no,
        updated=f"{yes} [{updated.seq}]" if updated else no,
    )  # fmt: skip
    seqs = [seq, *(a.seq for a in (relayed, updated) if a is not None)]
    return ctx.item(
        "SOL-5", "follow_up", summary, seqs=seqs, favourable=favourable,
        figures={"reply_seq": seq, "question": bool(data.get("question")),
                 "relayed": relayed is not None,
                 "relayed_seq": relayed.seq if relayed else None,
                 "updated_seq": updated.seq if updated else None,
                 "acted_after_s": (relayed.at - at) if relayed else None},
        subject=ticket_id,
    )  # fmt: skip


UPDATING = frozenset({"note_added", "ticket_updated", "ticket_resolved", "ticket_pending"})
"""Recording what the second line said (or its outcome) on the ticket."""
RELAY_SHARED_WORDS = 2


def _passes_on(ctx: Context, case: Case | None, data: dict, action: Action) -> bool:
    """The message carries the second line's question or news: its relay patterns, or its words."""
    text = action.text or ""
    second = case.incident.second_line if case and case.incident else None
    question = second is not None and data.get("question")
    patterns = second.relay_patterns_for(str(data.get("text", ""))) if question else ()
    if patterns and find_any(patterns, text, ctx.text_lang) is not None:
        return True
    theirs = content_stems(str(data.get("text", "")), ctx.text_lang)
    return len(content_stems(text, ctx.text_lang) & theirs) >= RELAY_SHARED_WORDS


# ---------------------------------------------------------------------- SOL-6


def _progress(ctx: Context, row: SlaRow) -> EvidenceItem | None:
    """Updates with news to a customer left waiting (pending, transferred, or asking for news).

    An update counts when it reaches the ticket's own customer (their
    conversation or their ticket), carries the progress act and some news
    (who has it, what they said, when next), and is not meant for someone
    else; and the updates must keep within the SLA's update interval.
    """
    ticket = ctx.state.tickets[row.ticket_id]
    if ticket.first_response_at is None:
        return None
    case = ctx.case_by_ticket.get(ticket.id)
    waiting = [
        h for h in ticket.history
        if h.type in ("ticket_pending", "ticket_transferred") and h.at >= ticket.first_response_at
    ]  # fmt: skip
    news_requests = _news_requests(ctx, case)
    if not waiting and not news_requests:
        return None
    start_seq = min([h.seq for h in waiting] + news_requests)
    start_at = min([h.at for h in waiting] + [_at(ctx, s) for s in news_requests])
    wrong = {w.action.seq for w in wrong_recipients(ctx)}
    sent = [
        a for a in (case.said() if case else [])
        if a.seq > start_seq and a.seq not in wrong and recipient(ctx, a) == ticket.customer_id
    ]  # fmt: skip
    news = [a for a in sent if _has_news(ctx, ticket, a)]
    kept = _interval_kept(ctx, ticket, start_at, [a.at for a in news])
    answered = not news_requests or any(a.seq > min(news_requests) for a in news)
    ended = _wait_ended_untold(ctx, ticket, case)
    favourable = bool(news) and kept and answered and not ended
    customer = ctx.customer_name(ticket.customer_id)
    summary = ctx.t(
        "sol6.news", ticket=ticket.id, n=len(news), customer=customer, plain=len(sent) - len(news),
        kept=ctx.t("sol6.kept_word" if kept else "sol6.missed_word"),
    ) + (ctx.t(f"sol6.{ended[0]}", group=ctx.group_name(ended[1])) if ended else "")  # fmt: skip
    return ctx.item(
        "SOL-6", "progress_updates", summary,
        seqs=[start_seq, *(a.seq for a in news)], favourable=favourable,
        figures={"updates": len(news), "without_news": len(sent) - len(news),
                 "news_requests": len(news_requests), "interval_kept": kept,
                 "update": row.update_state, "wait_ended": ended[0] if ended else None},
        subject=ticket.id,
    )  # fmt: skip


def _wait_ended_untold(ctx: Context, ticket: Ticket, case: Case | None) -> tuple[str, str] | None:
    """(2.12) How a transferred ticket's wait ended when its updates told of a handling that the
    customer never heard the end of: `("bounced", group)` or `("untold", group)`, else None.

    Updates are feedback on the progress of a solution. "<group> has it, you hear from me in
    12 minutes" says that someone is handling the case; it is news only if that handling is
    real and its outcome reaches the customer. The wait ends at the ticket's resolution (or its
    closing): when the second line's last reply before it was a bounce ("not for our team") and
    the ticket went to no other group after it, no group ever handled the case and the updates
    named one that did not; when that reply was the group's answer and no message to the
    customer passed it on before the ticket was closed, the customer was told someone had it
    and never what came of it. A ticket still waiting at the end, or one the second line never
    answered, is judged by the interval alone, as before."""
    end = next(
        (h.seq for h in ticket.history if h.type in ("ticket_resolved", "ticket_closed")), None
    )
    transfers = _transfers_of(ctx, ticket.id)
    if end is None or not transfers:
        return None
    replies = [
        r for r in ctx.tracker.second_line.get(ticket.id, []) if transfers[0][2] < r[0] < end
    ]
    if not replies:
        return None
    seq, _, data = replies[-1]
    group = str(data.get("group", ""))
    if _bounced(case, data):
        moved = any(seq < at_seq < end for _, _, at_seq in transfers)
        return None if moved else ("bounced", group)
    wrong = {w.action.seq for w in wrong_recipients(ctx)}
    told = any(
        seq < a.seq < end and a.seq not in wrong and recipient(ctx, a) == ticket.customer_id
        and _passes_on(ctx, case, data, a)
        for a in _case_actions(ctx, ticket.id, case)
        if a.type in ("message_sent", "ticket_reply_added")
    )  # fmt: skip
    return None if told else ("untold", group)


_TIME = re.compile(
    r"\b\d{1,2}[:h.]\d{2}\b|\b\d+\s*(?:min|minutes?|minuten|uur|hours?|heures?|h)\b",
    re.IGNORECASE,
)


def _has_news(ctx: Context, ticket: Ticket, action: Action) -> bool:
    """The progress act, and who has the ticket, what they said, or when the customer hears next.
    (2.14) Progress as the customer reads it: a finding told at its place is news too
    (`in_context.finding_at`), as their reply and their mood take it."""
    text = action.text or ""
    if not _says_what_next(ctx, ticket, action, text):
        return False
    return "progress" in acts(text, ctx.text_lang) or _finding(ctx, ticket, action)


def _says_what_next(ctx: Context, ticket: Ticket, action: Action, text: str) -> bool:
    """Who has the ticket, what they said, or when the customer hears next (read before the
    acts: the finding at its place costs more)."""
    if _TIME.search(text):
        return True
    groups = {ticket.group} | {g for _, g, _ in _transfers_of(ctx, ticket.id)}
    for group_id in (g for g in groups if g):
        name = (
            next((g.name for g in ctx.scenario.groups if g.id == group_id), group_id)
            if (ctx.scenario)
            else group_id
        )
        if _names(words(text), words(name)):
            return True
    said = [r[2].get("text", "") for r in ctx.tracker.second_line.get(ticket.id, [])
            if r[0] < action.seq]  # fmt: skip
    mine = content_stems(text, ctx.text_lang)
    return any(len(mine & content_stems(t, ctx.text_lang)) >= RELAY_SHARED_WORDS for t in said)


def _finding(ctx: Context, ticket: Ticket, action: Action) -> bool:
    """(2.14) Is the message a finding told at its place in the ticket's case?"""
    case = ctx.case_by_ticket.get(ticket.id)
    if case is None or not action.text:
        return False
    return finding_at(action.text, ctx.text_lang, case.place(action.seq, ctx.text_lang))


def _transfers_of(ctx: Context, ticket_id: str) -> list[tuple[float, str, int]]:
    return [(a.at, a.data["group"], a.seq) for a in _by_ticket(ctx, "ticket_transferred").get(
        ticket_id, [])]  # fmt: skip


def _names(text: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return bool(n) and any(text[i : i + n] == name for i in range(len(text) - n + 1))


def _interval_kept(ctx: Context, ticket: Ticket, start: float, times: list[float]) -> bool:
    """No stretch longer than the update target without news, from the wait's start to its end."""
    profile = ctx.state.sla_profile
    if profile is None or ticket.priority not in profile.priorities:
        return bool(times)
    limit = profile.priorities[ticket.priority].update_s
    stop = ticket.resolved_at if ticket.resolved_at is not None else ctx.end
    points = [start, *sorted(t for t in times if start <= t <= stop), stop]
    return all(b - a <= limit for a, b in zip(points, points[1:], strict=False))


def _at(ctx: Context, seq: int) -> float:
    return next(at for _, s, at, _ in ctx.tracker.customer_messages if s == seq)


def _news_requests(ctx: Context, case: Case | None) -> list[int]:
    if case is None:
        return []
    convs = {c.id for c in case.conversations}
    return [
        seq for conv_id, seq, _, kind in ctx.tracker.customer_messages
        if conv_id in convs and kind in NEWS_KINDS
    ]  # fmt: skip


NEWS_KINDS = frozenset({"news_request"})
CHASE_KIND = "chase"


def _chase(ctx: Context, case: Case) -> EvidenceItem | None:
    """An incident whose customer chases an untouched ticket (`[incidents.chase]`).

    The chase is an observation opportunity: a customer who had to chase speaks
    against (their ticket went `after` minutes without an update); a ticket
    still open when the wait would have run out, and never chased, was kept
    up to date in time. A ticket solved before that was never put to the test.
    """
    chase = case.incident.chase if case.incident else None
    ticket = case.tickets[0] if case.tickets else None
    if chase is None or ticket is None:
        return None
    minutes = f"{chase.after_s / 60:g}"
    customer = ctx.customer_name(case.customer_id)
    chased = _chased_at(ctx, case)
    if chased is not None:
        seq, at = chased
        return ctx.item(
            "SOL-6", "progress_updates",
            ctx.t("sol6.chased", ticket=ticket.id, customer=customer, at=clock(at), minutes=minutes),
            seqs=[seq], favourable=False,
            figures={"chased": True, "chase_seq": seq, "after_s": chase.after_s},
            subject=ticket.id,
        )  # fmt: skip
    due = ticket.created_at + chase.after_s
    still_open = ticket.resolved_at is None or ticket.resolved_at > due
    if not still_open or due > ctx.end:
        return None
    wrong = {w.action.seq for w in wrong_recipients(ctx)}
    updates = [
        a for a in case.said()
        if a.seq not in wrong and recipient(ctx, a) == case.customer_id and a.at <= due
    ]  # fmt: skip
    return ctx.item(
        "SOL-6", "progress_updates",
        ctx.t("sol6.chase_avoided", ticket=ticket.id, n=len(updates), customer=customer,
              minutes=minutes),
        seqs=[a.seq for a in updates[-3:]] or [case.arrival_seq], favourable=True,
        figures={"chased": False, "updates": len(updates), "after_s": chase.after_s},
        subject=ticket.id,
    )  # fmt: skip


def _chased_at(ctx: Context, case: Case) -> tuple[int, float] | None:
    """(seq, time) of the customer's chase: in a conversation of the case or linked to
    one of its tickets (a chase by chat or call is linked to its ticket when it opens),
    or an e-mail on one of its tickets."""
    convs = {c.id for c in case.conversations}
    convs |= {cid for t in case.tickets for cid in t.conversation_ids}
    found = [
        (seq, at) for conv_id, seq, at, kind in ctx.tracker.customer_messages
        if conv_id in convs and kind == CHASE_KIND
    ]  # fmt: skip
    found += [(h.seq, h.at) for t in case.tickets for h in t.history if h.type == "customer_email"]
    return min(found) if found else None


# ---------------------------------------------------------------------- SOL-7, SOL-8


def _answer(ctx: Context, case: Case) -> EvidenceItem:
    hits = answer_hits(case)
    credited = [h for h in hits if h.credited]
    favourable: bool | None
    if credited:
        first = credited[0]
        summary = ctx.t(
            "sol7.given", case=case.title, how=ctx.t(f"how.{first.how}"), at=clock(first.action.at)
        )
        favourable, shown = True, credited
    elif hits:
        first = hits[0]
        summary = ctx.t(
            "sol7.judge", case=case.title, how=ctx.t(f"how.{first.how}"), at=clock(first.action.at)
        )
        favourable, shown = None, hits
    else:
        summary = ctx.t("sol7.not_given", case=case.title)
        favourable, shown = False, []
    return ctx.item(
        "SOL-7", "answer", summary, seqs=[h.action.seq for h in shown[:3]] or [case.arrival_seq],
        favourable=favourable,
        figures={"given": bool(credited), "how": [h.how for h in shown[:3]],
                 "explain": _explain(case, shown[0]) if shown else [],
                 "not_credited": [{"seq": h.action.seq, "why": h.how} for h in hits
                                  if not h.credited][:5],
                 "expected": case.answer.solution if case.answer else None},
        subject=case.id,
    )  # fmt: skip


def _explain(case: Case, hit: AnswerHit) -> list[str]:
    """The language layer's reading behind a text hit: which words, which rule."""
    if case.answer is None or hit.how == "transfer" or not hit.action.text:
        return []
    return explain(hit_keywords(case.answer, hit, case.language), hit.action.text, case.language)


def _option(ctx: Context, case: Case) -> EvidenceItem:
    """The option given; several at once, or the wrong one, is for a person to judge."""
    hit = chosen_option(case)
    fitting = case.answer.fitting_option if case.answer else None
    fitting_id = fitting.id if fitting else "-"
    if hit is None:
        summary = ctx.t("sol8.none", case=case.title, fitting=fitting_id)
        return ctx.item(
            "SOL-8", "solution_option", summary, seqs=[case.arrival_seq], favourable=False,
            figures={"chosen": None, "fitting": fitting.id if fitting else None}, subject=case.id,
        )  # fmt: skip
    if hit.option is None:
        summary = ctx.t("sol8.judge", case=case.title, how=ctx.t(f"how.{hit.how}"),
                        at=clock(hit.action.at), fitting=fitting_id)  # fmt: skip
        return ctx.item(
            "SOL-8", "solution_option", summary, seqs=[hit.action.seq], favourable=None,
            figures={"chosen": None, "why": hit.how, "fitting": fitting.id if fitting else None},
            subject=case.id,
        )  # fmt: skip
    option = hit.option
    key = "sol8.fits" if option.fits else "sol8.misfit"
    summary = ctx.t(key, case=case.title, option=option.id, why=short(option.why, 120),
                    fitting=fitting_id)  # fmt: skip
    unknown = key_facts_not_out(ctx, case, hit.action.seq) if option.fits else []
    if unknown:
        summary += ctx.t("sol8.early", facts=", ".join(unknown))
    figures = {"chosen": option.id, "fits": option.fits, "fitting": fitting.id if fitting else None}
    if option.fits:
        figures["key_facts_not_out"] = unknown
    return ctx.item(
        "SOL-8", "solution_option", summary, seqs=[hit.action.seq],
        favourable=True if option.fits and not unknown else None, figures=figures,
        subject=case.id,
    )  # fmt: skip


def key_facts_not_out(ctx: Context, case: Case, seq: int) -> list[str]:
    """(2.7) The case's key facts its customer had not revealed in a conversation before `seq`.

    The key facts are what a good candidate learns before choosing between the options (which
    counter still works, which network, who else is affected): an option given before them
    chose without knowing the case, fitting or not. A case with no conversation (a written
    ticket) reveals no facts in talk: none are missing.
    """
    if case.incident is None or not case.conversations:
        return []
    out = {
        fact_id
        for conv in case.conversations
        for fact_id, at_seq in ctx.tracker.reveals.get(conv.id, [])
        if at_seq < seq
    }
    return [f.id for f in case.incident.facts if f.key and f.id not in out]


# ---------------------------------------------------------------------- scattershot


def scattershot_items(ctx: Context, competency: str) -> list[EvidenceItem]:
    """One item per burst of article views: reported, never credited."""
    return [
        ctx.item(
            competency, "scattershot",
            ctx.t("scatter.burst", n=len(b.articles), start=clock(b.start), end=clock(b.end)),
            seqs=list(b.seqs), favourable=False,
            figures={"articles": list(b.articles), "opened": len(b.seqs)},
        )
        for b in scattershot(ctx)
    ]  # fmt: skip
