"""DATA-1..5, managing data in the helpdesk system: ticket events checked against the answer key."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import (
    credited_lookups,
    resolution_problem,
    scattershot,
    wrong_recipient_items,
)
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.solutions import transfer_groups
from helpdesk_tui.assess.texts import channel_name, short
from helpdesk_tui.assess.tracker import Action
from helpdesk_tui.core.state import Ticket
from helpdesk_tui.scenario.model import Answer

KEY_FIELDS = ("category", "impact", "urgency")
REQUIRED_FIELDS = ("description", "category", "impact", "urgency")
"""What a registered ticket needs besides the title and customer the form always asks for."""


def field_check(values: dict[str, Any], answer: Answer | None) -> dict[str, dict[str, Any]]:
    """Per key field: what the ticket says, what the answer key says, and whether they agree."""
    result = {}
    for name in KEY_FIELDS:
        expected = getattr(answer, name) if answer is not None else None
        actual = values.get(name)
        result[name] = {"actual": actual, "expected": expected, "ok": expected == actual}
    return result


def ticket_values(ticket: Ticket) -> dict[str, Any]:
    return {name: getattr(ticket, name) for name in ("description", *KEY_FIELDS)}


def fields_text(ctx: Context, check: dict[str, dict[str, Any]], missing: list[str]) -> str:
    """'complete, matches the answer key' or what is missing and what differs."""
    wrong = [
        ctx.t(
            "data.differs_one",
            field=ctx.t(f"field.{n}"),
            actual=_value(ctx, n, c["actual"]),
            expected=_value(ctx, n, c["expected"]),
        )
        for n, c in check.items()
        if c["expected"] is not None and not c["ok"] and n not in missing
    ]
    parts = []
    if missing:
        parts.append(ctx.t("data.missing", fields=", ".join(ctx.t(f"field.{n}") for n in missing)))
    if wrong:
        parts.append(ctx.t("data.differs", fields=ctx.t("join.semicolon").join(wrong)))
    if not parts:
        has_key = any(c["expected"] is not None for c in check.values())
        return ctx.t("data.fields_ok" if has_key else "data.fields_complete")
    return ctx.t("join.semicolon").join(parts)


def _value(ctx: Context, name: str, value: Any) -> str:
    """A field's value in the report's language: levels by the profile's labels (per use)."""
    if value is None:
        return "-"
    profile = ctx.state.sla_profile
    if name in ("impact", "urgency") and profile is not None:
        return profile.label(name, str(value), ctx.lang)
    return str(value)


def data_items(ctx: Context) -> dict[str, list[EvidenceItem]]:
    return {
        "DATA-1": _created(ctx),
        "DATA-2": _updated(ctx) + wrong_recipient_items(ctx, "DATA-2"),
        "DATA-3": _transfers(ctx),
        "DATA-4": _closed(ctx),
        "DATA-5": _tools(ctx),
    }


# ---------------------------------------------------------------------- DATA-1


def _created(ctx: Context) -> list[EvidenceItem]:
    items = []
    for ticket_id, (seq, data) in ctx.tracker.created.items():
        ticket = ctx.state.tickets[ticket_id]
        case = ctx.case_by_ticket.get(ticket_id)
        answer = case.answer if case else None
        at_creation = [f for f in REQUIRED_FIELDS if not data.get(f)]
        missing = [f for f in REQUIRED_FIELDS if not ticket_values(ticket).get(f)]
        check = field_check(ticket_values(ticket), answer)
        right = all(c["ok"] for c in check.values()) if answer else None
        favourable = False if missing or right is False else right
        summary = ctx.t(
            "data1.created", ticket=ticket_id, case=case.title if case else "-",
            fields=fields_text(ctx, check, missing),
        )  # fmt: skip
        figures = {"missing_at_creation": at_creation, "missing": missing, "fields": check}
        figures["linked_conversation"] = bool(ticket.conversation_ids)
        items.append(
            ctx.item(
                "DATA-1", "ticket_created", summary, seqs=[seq, *_update_seqs(ticket)],
                favourable=favourable, figures=figures, subject=ticket_id,
            )
        )  # fmt: skip
    items += [_no_ticket(ctx, c) for c in ctx.cases if _needs_ticket(ctx, c)]
    return items


def _needs_ticket(ctx: Context, case: Case) -> bool:
    """A chat or call with an answer key that no candidate-made ticket registers."""
    if not case.is_conversation or case.answer is None:
        return False
    return not any(t.id in ctx.tracker.created for t in case.tickets)


def _no_ticket(ctx: Context, case: Case) -> EvidenceItem:
    return ctx.item(
        "DATA-1", "ticket_missing", ctx.t("data1.missing", case=case.title, channel=channel_name(ctx.lang, case.channel)),
        seqs=[case.arrival_seq], favourable=False, subject=case.id,
    )  # fmt: skip


def _update_seqs(ticket: Ticket) -> list[int]:
    return [h.seq for h in ticket.history if h.type == "ticket_updated"]


# ---------------------------------------------------------------------- DATA-2


def _updated(ctx: Context) -> list[EvidenceItem]:
    items = []
    for ticket in ctx.state.tickets.values():
        case = ctx.case_by_ticket.get(ticket.id)
        answer = case.answer if case else None
        updates = _update_seqs(ticket)
        arrived_wrong = (
            answer is not None
            and ticket.id not in ctx.tracker.created
            and not all(c["ok"] for c in field_check(_arrival_values(case), answer).values())
        )
        if not updates and not arrived_wrong:
            continue
        check = field_check(ticket_values(ticket), answer)
        right = all(c["ok"] for c in check.values()) if answer else None
        favourable = right if updates else False
        summary = ctx.t(
            "data2.updated", ticket=ticket.id, n=len(updates), fields=fields_text(ctx, check, []),
        )  # fmt: skip
        if arrived_wrong and not updates:
            summary = ctx.t(
                "data2.never_corrected", ticket=ticket.id, fields=fields_text(ctx, check, [])
            )
        figures = {"updates": len(updates), "arrived_wrong": arrived_wrong, "fields": check}
        items.append(
            ctx.item(
                "DATA-2", "ticket_updated", summary, seqs=updates or [ticket.history[0].seq],
                favourable=favourable, figures=figures, subject=ticket.id,
            )
        )  # fmt: skip
    return items


def _arrival_values(case: Case | None) -> dict[str, Any]:
    """The fields an e-mail or queue ticket came in with (from the scenario's incident)."""
    incident = case.incident if case else None
    if incident is None:
        return {}
    return {
        "category": incident.ticket_category,
        "impact": incident.ticket_impact,
        "urgency": incident.ticket_urgency,
    }


# ---------------------------------------------------------------------- DATA-3


def _transfers(ctx: Context) -> list[EvidenceItem]:
    items = []
    transferred: set[str] = set()
    for action in ctx.of_type("ticket_transferred"):
        case = ctx.case_by_ticket.get(action.ticket_id or "")
        group = action.data["group"]
        expected = transfer_groups(case.answer) if case and case.answer else None
        if case is not None:
            transferred.add(case.id)
        if expected is None:
            favourable, key = None, "data3.transfer_unknown"
        elif group in expected and _uncategorised(ctx, action):
            favourable, key = False, "data3.transfer_no_category"
        elif group in expected:
            favourable, key = True, "data3.transfer_ok"
        elif expected:
            favourable, key = False, "data3.transfer_wrong"
        else:
            favourable, key = False, "data3.transfer_needless"
        summary = ctx.t(
            key, ticket=action.ticket_id, group=ctx.group_name(group),
            expected=", ".join(sorted(ctx.group_name(g) for g in expected or ())),
        )  # fmt: skip
        items.append(
            ctx.item(
                "DATA-3", "transfer", summary, seqs=[action.seq], favourable=favourable,
                figures={"group": group, "expected": sorted(expected or ()),
                         "reason": action.data.get("reason", "")},
                subject=action.ticket_id or "",
            )
        )  # fmt: skip
    for case in ctx.cases:
        groups = transfer_groups(case.answer) if case.answer else frozenset()
        if groups and case.id not in transferred:
            items.append(
                ctx.item(
                    "DATA-3", "transfer_missing",
                    ctx.t("data3.missing", case=case.title, expected=", ".join(sorted(groups))),
                    seqs=[case.arrival_seq], favourable=False, subject=case.id,
                )
            )  # fmt: skip
    return items


def _uncategorised(ctx: Context, action: Action) -> bool:
    """A transfer of a ticket that had no category then: not credited, the group got a
    ticket that does not say what kind of problem it is (docs/assessment.md, DATA-3)."""
    ticket = ctx.state.tickets.get(action.ticket_id or "")
    return ticket is not None and action.seq in ticket.uncategorised_transfers


# ---------------------------------------------------------------------- DATA-4


def _closed(ctx: Context) -> list[EvidenceItem]:
    items = []
    for ticket in ctx.state.tickets.values():
        ends = [h for h in ticket.history if h.type in ("ticket_resolved", "ticket_closed")]
        if not ends:
            continue
        closed = ticket.closed_at is not None
        key = "data4.closed" if closed else "data4.resolved_only"
        if ticket.status.value not in ("resolved", "closed"):
            key = "data4.reopened"
        summary = ctx.t(key, ticket=ticket.id, solution=short(ticket.solution or "-"))
        favourable = True if closed else None
        problem = resolution_problem(ctx, ticket.id, ticket.solution or "")
        if problem is not None:
            favourable = False
            summary += ctx.t("data4.documentation", why=ctx.t(problem[0], **problem[1]))
        items.append(
            ctx.item(
                "DATA-4", "ticket_closed", summary,
                seqs=[h.seq for h in ends], favourable=favourable,
                figures={"closed": closed, "status": ticket.status.value,
                         "solution": ticket.solution, "kb_article": ticket.solution_article},
                subject=ticket.id,
            )
        )  # fmt: skip
    return items


# ---------------------------------------------------------------------- DATA-5


def _tools(ctx: Context) -> list[EvidenceItem]:
    return [
        item
        for item in (_kb_tool(ctx), _canned_tool(ctx), _transfer_tool(ctx), _link_tool(ctx))
        if item is not None
    ]


def _tool_item(
    ctx: Context, kind: str, key: str, used: list[int], expected: int, **values: Any
) -> EvidenceItem | None:
    if not used and not expected:
        return None
    favourable: bool | None = bool(used) if expected else None
    return ctx.item(
        "DATA-5", kind, ctx.t(key, used=len(used), expected=expected, **values),
        seqs=used, favourable=favourable, figures={"used": len(used), "expected": expected, **values},
    )  # fmt: skip


def _kb_tool(ctx: Context) -> EvidenceItem | None:
    kb = ctx.of_type("kb_searched", "kb_article_opened")
    wanting = [c for c in ctx.cases if c.articles()]
    served = sum(1 for c in wanting if credited_lookups(ctx, c))
    item = _tool_item(
        ctx, "tool_kb", "data5.kb", [a.seq for a in kb], len(wanting),
        searches=sum(1 for a in kb if a.type == "kb_searched"),
        opened=sum(1 for a in kb if a.type == "kb_article_opened"), served=served,
    )  # fmt: skip
    if item is not None and wanting and served < len(wanting):
        item = _with(item, favourable=False)
    if item is not None and scattershot(ctx):
        item = _with(item, favourable=False, figures={**item.figures, "scattershot": True})
    return item


def _canned_tool(ctx: Context) -> EvidenceItem | None:
    used = [a.seq for a in ctx.of_type("message_sent") if a.data.get("canned_id")]
    offered = len(ctx.scenario.canned) if ctx.scenario else 0
    return _tool_item(ctx, "tool_canned", "data5.canned", used, offered)


def _transfer_tool(ctx: Context) -> EvidenceItem | None:
    used = [a.seq for a in ctx.of_type("ticket_transferred")]
    expected = sum(1 for c in ctx.cases if c.answer and transfer_groups(c.answer))
    return _tool_item(ctx, "tool_transfer", "data5.transfer", used, expected)


def _link_tool(ctx: Context) -> EvidenceItem | None:
    """Tickets tied to their conversation, by the create form or a link. A case whose
    every conversation came about its ticket (a chase) was tied when it opened: no
    link is expected of the candidate there."""
    conversations = [
        c for c in ctx.cases
        if c.answer is not None and any(v.about_ticket is None for v in c.conversations)
    ]  # fmt: skip
    linked = [
        a.seq
        for a in ctx.of_type("ticket_linked", "ticket_created")
        if a.data.get("conversation_id")
    ]
    item = _tool_item(ctx, "tool_links", "data5.links", linked, len(conversations))
    tied = sum(1 for c in conversations if any(t.conversation_ids for t in c.tickets))
    if item is not None and conversations and tied < len(conversations):
        item = _with(item, favourable=False)
    return item


def _with(item: EvidenceItem, **changes: Any) -> EvidenceItem:
    return replace(item, **changes)
