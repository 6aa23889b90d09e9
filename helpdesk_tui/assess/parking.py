"""(rules 2.27) Whether a ticket set pending had a cause: someone it really waited on.

A pending status stops a ticket's SLA clocks (docs/assessment.md, SOL-3), so it is only
honest while the desk really waits on someone. On the customer: they were asked something
(a question, a request, "try this and tell me") since they last wrote, in the chat or in a
reply on the ticket, and they owe the answer. On a third party: a group has the ticket (it
was transferred and the group did not send it back as not theirs since). Otherwise the
clocks were stopped without cause and SOL-3 reads the ticket against, however its targets
came out: the blind cheater `dispatcher` parked 8-29 tickets an exam pending on the customer
with nothing asked of them, re-parked them whenever the customer wrote, and read "still
running" on all of them.

What counts as asking is read sentence by sentence through the language layer (the acts
`question`, `instruction` and `check`, or a sentence ending in "?"), not the closing question
or an offer of help (they ask nothing for the ticket), plus a short list of the ways the
layer does not read as acts: the operator saying they need something ("I would need the
serial number", "ik heb het serienummer nodig", "j'aurais besoin du numéro de série") and
"let me know ..." (`ASKING`), never a need of time ("I need a moment": `TIME`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.solutions import transfer_groups
from helpdesk_tui.assess.tracker import Action
from helpdesk_tui.assess.wording import acts, sentences
from helpdesk_tui.core.state import Ticket

ASKING_ACTS = frozenset({"question", "instruction", "check"})
"""A sentence with one of these acts asks the customer something."""
NOT_ASKING_ACTS = frozenset({"closing", "offer_help", "hold"})
"""... unless it is the closing question, an offer of help or a request to hold: they ask
nothing the ticket waits for ("Is there anything else?", "One moment please?")."""
ASKING = {
    "en": re.compile(
        r"\b(?:i|we)(?:'d|’d| would| will|'ll|’ll)? (?:also |still |first )?need\b|\blet (?:me|us) know\b"
    ),
    "nl": re.compile(
        r"\b(?:ik|we|wij)\b(?: \w+)*? (?:nodig|nodig hebben)\b|\blaat (?:me|mij|ons) (?:\w+ )?weten\b"
    ),
    "fr": re.compile(
        r"\b(?:j['’]ai|j['’]aurais|nous avons|nous aurions|on a|on aurait) besoin\b"
        r"|\bil me (?:faut|faudrait|faudra)\b|\b(?:faites|dites|tenez)[- ](?:moi|nous)\b"
    ),
}
"""(2.27) The operator asking for something in words the layer reads as no act: a need
("I would need", "ik heb ... nodig", "j'aurais besoin") or "let me know" ("laat me weten",
"dites-moi", "faites-moi savoir", "tenez-moi au courant")."""
TIME = re.compile(
    r"\b(?:moment|minutes?|minuten?|time|tijd|ogenblik|instant|temps|seconde?s?)\b", re.IGNORECASE
)
"""A need of time ("I need a moment", "ik heb even tijd nodig") asks the customer nothing."""


@dataclass(frozen=True, slots=True)
class Parked:
    """A pending without cause: when, on whom, and why it had none."""

    seq: int
    at: float
    waiting_on: str
    why: str
    """"unasked" (nothing asked of the customer since they last wrote), "no_group" (no group
    had the ticket) or "sent_back" (the group it went to sent it back as not theirs)."""
    group: str | None = None


def asks(text: str, lang: str) -> bool:
    """Whether a message asks the customer for something (an answer, a file, a try)."""
    pattern = ASKING.get(lang, ASKING["en"])
    for sentence in sentences(text):
        found = set(acts(sentence, lang))
        if found & NOT_ASKING_ACTS:
            continue
        if found & ASKING_ACTS or sentence.rstrip().endswith("?"):
            return True
        if pattern.search(sentence.lower()) and not TIME.search(sentence):
            return True
    return False


def parked_without_cause(ctx: Context) -> dict[str, list[Parked]]:
    """Every ticket's pendings that had no cause, in log order (worked out once)."""
    found = ctx.cache.get("parked")
    if found is None:
        found = ctx.cache["parked"] = {}
        for action in ctx.of_type("ticket_pending"):
            ticket = ctx.state.tickets.get(action.ticket_id or "")
            if ticket is None:
                continue
            parked = _without_cause(ctx, ticket, action)
            if parked is not None:
                found.setdefault(ticket.id, []).append(parked)
    return found


def _without_cause(ctx: Context, ticket: Ticket, action: Action) -> Parked | None:
    on = str(action.data.get("waiting_on", ""))
    if on == "customer":
        since = _customer_last_wrote(ctx, ticket, action.seq)
        said = ctx.of_type("message_sent", "ticket_reply_added")
        asked = any(
            since < a.seq < action.seq and _to_ticket(ticket, a) and asks(a.text or "", ctx.text_lang)
            for a in said
        )  # fmt: skip
        return None if asked else Parked(action.seq, action.at, on, "unasked")
    if on == "third_party":
        return _no_group(ctx, ticket, action)
    return None


def _customer_last_wrote(ctx: Context, ticket: Ticket, before: int) -> int:
    """The seq of the customer's last words on the ticket before `before`: a chat or call
    message in one of its conversations, an e-mail on it, else the ticket's arrival (a queued
    or e-mailed ticket's description is their words; one the operator registered from a chat
    has the chat's, and a question asked in it before the ticket existed counts)."""
    first = ticket.history[0] if ticket.history else None
    last = first.seq if first is not None and first.type != "ticket_created" else 0
    for conv_id in ticket.conversation_ids:
        conv = ctx.state.conversations.get(conv_id)
        if conv is None:
            continue
        for m in conv.messages:
            if m.author == "customer" and last < m.seq < before:
                last = m.seq
    for h in ticket.history:
        if h.type == "customer_email" and last < h.seq < before:
            last = h.seq
    return last


def _to_ticket(ticket: Ticket, action: Action) -> bool:
    """Words the ticket's customer read about it: its chat or call, or a reply on it."""
    if action.type == "ticket_reply_added":
        return action.ticket_id == ticket.id
    return action.conversation_id in ticket.conversation_ids


def _no_group(ctx: Context, ticket: Ticket, action: Action) -> Parked | None:
    """Pending on a third party is honest while a group has the ticket: transferred, and not
    sent back since by a group the answer key does not send it to (SOL-5's bounce)."""
    transfers = [a for a in ctx.of_type("ticket_transferred") if a.ticket_id == ticket.id]
    transfers = [a for a in transfers if a.seq < action.seq]
    if not transfers:
        return Parked(action.seq, action.at, "third_party", "no_group")
    last = transfers[-1]
    replies = [
        r for r in ctx.tracker.second_line.get(ticket.id, []) if last.seq < r[0] < action.seq
    ]
    case = ctx.case_by_ticket.get(ticket.id)
    if replies and case is not None and case.answer is not None:
        group = str(replies[-1][2].get("group", ""))
        if group not in transfer_groups(case.answer):
            return Parked(action.seq, action.at, "third_party", "sent_back", group)
    return None
