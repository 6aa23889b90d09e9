"""SIM-1..3, acting simultaneously: screen work during calls, replies while busy, typing while listening."""

from __future__ import annotations

from dataclasses import replace

from helpdesk_tui.assess import reach
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import templated, templates
from helpdesk_tui.assess.model import ConversationLatency, EvidenceItem, ReplyWait
from helpdesk_tui.assess.solutions import TRANSFER, answer_hits
from helpdesk_tui.assess.texts import clock, duration
from helpdesk_tui.assess.tracker import Action, ClosedWait

SCREEN_ACTIONS = frozenset(
    {
        "ticket_created",
        "ticket_updated",
        "ticket_opened",
        "ticket_transferred",
        "ticket_pending",
        "ticket_resolved",
        "ticket_reopened",
        "ticket_closed",
        "ticket_linked",
        "ticket_reply_added",
        "note_added",
        "kb_searched",
        "kb_article_opened",
    }
)
"""Work on the screen: the ticket system and the knowledge base."""


def latencies(ctx: Context) -> list[ConversationLatency]:
    """Reply latencies per conversation; the limit is the customer's patience.

    A template (the same text sent to several customers, not a canned reply)
    does not end a wait: an auto-reply is not an answer. The wait runs on to
    the candidate's next message of their own in that conversation.
    """
    by_conv: dict[str, list[ReplyWait]] = {}
    made = templates(ctx)
    for wait in ctx.waits:
        if wait.reply_seq in made:
            wait = _past_templates(ctx, wait)
        conv = ctx.state.conversations[wait.conversation_id]
        limit = ctx.state.customers[conv.customer_id].patience_s
        stop = wait.reply_at if wait.reply_at is not None else wait.ended_at
        waited = (ctx.end if stop is None else stop) - wait.customer_at
        by_conv.setdefault(conv.id, []).append(
            ReplyWait(
                conv.id, wait.customer_seq, wait.customer_at, wait.reply_seq, wait.reply_at,
                waited, wait.others_open, waited > limit,
            )
        )  # fmt: skip
    result = []
    for conv in ctx.state.conversations.values():
        limit = ctx.state.customers[conv.customer_id].patience_s
        waits = tuple(by_conv.get(conv.id, ()))
        result.append(
            ConversationLatency(
                conv.id, conv.channel, conv.customer_id, conv.incident_id, limit, waits
            )
        )
    return result


def _past_templates(ctx: Context, wait: ClosedWait) -> ClosedWait:
    conv = ctx.state.conversations[wait.conversation_id]
    by_seq = ctx.cache.get("sent_by_seq")
    if by_seq is None:  # once per report, not once per templated reply (a long log has many)
        by_seq = ctx.cache["sent_by_seq"] = {a.seq: a for a in ctx.of_type("message_sent")}
    own = next(
        (m for m in conv.messages
         if m.author == "candidate" and m.seq > (wait.reply_seq or 0)
         and not templated(ctx, by_seq[m.seq])),
        None,
    )  # fmt: skip
    ended = ctx.tracker.conversation_ended.get(conv.id)
    if own is not None and (ended is None or own.seq < ended[0]):
        return replace(wait, reply_seq=own.seq, reply_at=own.at)
    return replace(wait, reply_seq=None, reply_at=None, ended_at=ended[1] if ended else None)


def sim_items(ctx: Context, lat: list[ConversationLatency]) -> dict[str, list[EvidenceItem]]:
    calls = [c for c in ctx.state.conversations.values() if c.channel == "call"]
    screen: dict[str, list[Action]] = {c.id: [] for c in calls}
    speech: dict[str, list[Action]] = {c.id: [] for c in calls}
    for action in ctx.tracker.actions:
        if action.type in SCREEN_ACTIONS:
            for conv_id in action.live_calls:
                screen[conv_id].append(action)
        if action.type != "message_sent":
            for conv_id in action.speaking_calls:
                speech[conv_id].append(action)
    return {
        "SIM-1": [i for c in calls for i in _screen_during_call(ctx, c.id, screen[c.id])],
        "SIM-2": [_reply_latency(ctx, c) for c in lat if c.channel == "chat" and c.waits],
        "SIM-3": [_typing_while_listening(ctx, c.id, speech[c.id]) for c in calls],
    }


def _screen_during_call(ctx: Context, conv_id: str, screen: list[Action]) -> list[EvidenceItem]:
    """Ticket and KB work while the call was live (SIM-1)."""
    conv = ctx.state.conversations[conv_id]
    name = ctx.customer_name(conv.customer_id)
    if not any(m.author == "candidate" for m in conv.messages):
        # Never answered: what was done on screen while it rang was for something else, not
        # listening while working (qa-play9: "+ 2 screen actions" for a call the caller
        # hung up on after three "Is anyone working on this?").
        items = [
            ctx.item(
                "SIM-1", "screen_during_call",
                ctx.t("sim1.unanswered", conv=conv_id, customer=name, n=len(screen)),
                seqs=[a.seq for a in screen], favourable=False,
                figures={"screen_actions": len(screen), "answered": False}, subject=conv_id,
            )
        ]  # fmt: skip
    else:
        key = "sim1.screen" if screen else "sim1.screen_none"
        items = [
            ctx.item(
                "SIM-1", "screen_during_call",
                ctx.t(key, conv=conv_id, customer=name, n=len(screen)),
                seqs=[a.seq for a in screen], favourable=bool(screen),
                figures={"screen_actions": len(screen)}, subject=conv_id,
            )
        ]  # fmt: skip
    answer = _call_answer(ctx, conv_id, screen)
    if answer is not None:
        items.append(answer)
    return items


def _call_answer(ctx: Context, conv_id: str, screen: list[Action]) -> EvidenceItem | None:
    """Was the answer given in the call, after looking things up on screen during it?"""
    case = ctx.case_by_conversation.get(conv_id)
    if case is None or case.answer is None:
        return None
    # The answer in the call: said in it, or a transfer (when that is the answer) made while it
    # was live: "I'm passing this to the network team now" is the call's answer.
    in_call = [
        h for h in answer_hits(case)
        if h.action.conversation_id == conv_id
        or (h.how == TRANSFER and conv_id in h.action.live_calls)
    ]  # fmt: skip
    said = [h.action for h in in_call if h.credited]
    answer = said[0] if said else None
    looked = [a for a in screen if answer is not None and a.seq < answer.seq]
    if answer is None and any(h.how == reach.NOT_FOLLOWED for h in in_call):
        # 2.26: told, and the caller said at once they did not follow it, never told again in
        # words they took in: the caller did not get it, as with an answer given after the call
        lost = next(h.action for h in in_call if h.how == reach.NOT_FOLLOWED)
        return ctx.item(
            "SIM-1", "call_answer",
            ctx.t("sim1.answer_not_followed", conv=conv_id, at=clock(lost.at)),
            seqs=[lost.seq], favourable=False,
            figures={"answered": False, "screen_before": 0, "not_credited": reach.NOT_FOLLOWED},
            subject=conv_id,
        )  # fmt: skip
    if answer is None and in_call:
        # The key's words were said, in a message that cannot count (several options at once,
        # an echo...): to judge, as SOL-7 says, not "not given" (qa-play9).
        first = in_call[0]
        return ctx.item(
            "SIM-1", "call_answer",
            ctx.t("sim1.answer_judge", conv=conv_id, how=ctx.t(f"how.{first.how}"),
                  at=clock(first.action.at)),
            seqs=[first.action.seq], favourable=None,
            figures={"answered": False, "screen_before": 0, "not_credited": first.how},
            subject=conv_id,
        )  # fmt: skip
    if answer is None:
        summary = ctx.t("sim1.answer_none", conv=conv_id)
    elif looked:
        summary = ctx.t("sim1.answer_after_screen", conv=conv_id, n=len(looked))
    else:
        summary = ctx.t("sim1.answer_no_screen", conv=conv_id)
    seqs = [a.seq for a in looked] + ([answer.seq] if answer else [])
    return ctx.item(
        "SIM-1", "call_answer", summary, seqs=seqs, favourable=bool(answer and looked),
        figures={"answered": answer is not None, "screen_before": len(looked)}, subject=conv_id,
    )  # fmt: skip


def _reply_latency(ctx: Context, lat: ConversationLatency) -> EvidenceItem:
    median = lat.median_s
    summary = ctx.t(
        "sim2.latency",
        conv=lat.conversation_id,
        customer=ctx.customer_name(lat.customer_id),
        median=duration(median, ctx.lang) if median is not None else "-",
        longest=duration(lat.max_s or 0.0, ctx.lang),
        over=lat.over_limit,
        n=len(lat.waits),
        limit=duration(lat.limit_s, ctx.lang),
        busy=lat.while_busy,
    )
    seqs = [s for w in lat.waits for s in (w.customer_seq, w.reply_seq) if s is not None]
    figures = {
        "waits": len(lat.waits),
        "answered": len(lat.answered),
        "median_s": median,
        "max_s": lat.max_s,
        "limit_s": lat.limit_s,
        "over_limit": lat.over_limit,
        "answered_while_other_work_open": lat.while_busy,
    }
    # Past the limit speaks against; a wait still within it when the exam ended does not.
    favourable = False if lat.over_limit else (True if lat.answered else None)
    return ctx.item(
        "SIM-2", "reply_latency", summary, seqs=seqs, favourable=favourable,
        figures=figures, subject=lat.conversation_id,
    )  # fmt: skip


def _typing_while_listening(ctx: Context, conv_id: str, busy: list[Action]) -> EvidenceItem:
    """Keyboard work (anything but talking) while the customer in this call was speaking."""
    spoke = any(m.author == "customer" for m in ctx.state.conversations[conv_id].messages)
    key = "sim3.typing" if busy else "sim3.typing_none"
    return ctx.item(
        "SIM-3", "actions_during_speech", ctx.t(key, conv=conv_id, n=len(busy)),
        seqs=[a.seq for a in busy], observed=spoke, favourable=bool(busy),
        figures={"actions_during_speech": len(busy)}, subject=conv_id,
    )  # fmt: skip
