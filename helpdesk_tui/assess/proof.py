"""(rules 2.25) Proof, not the absence of faults: what a candidate showed, not what went not wrong.

The standard asks a candidate to *prove* each competency under observation. Two items are
measured as a fault that did not happen: COM-3 ("lets the customer finish explaining the
problem": no message sent over the customer) and SIM-2 ("communicates in writing with the
customer while following the screen": no chat left waiting past the customer's patience). A
candidate who sends nothing over anyone and answers every chat at once, whatever they answer,
meets both without having taken in a word of what the customer explained: an assessor does not
credit "listens" because nothing contradicts it, but when the candidate's messages show they
heard (the blind cheater `herald` answered every chat at once with steps in frames made for each
customer, and never used anything its customers told it: benchmarks/README.md, "Proof, not the
absence of faults (branch evid41)").

The positive evidence of the same competency is read per contact (`heard`): something the customer
told (in one of their messages: how they explained the problem, what they answered; or one of
the case's hidden facts, once it came out) used afterwards in one of the candidate's own
sentences (`integrity.own_sentences`: not stock, not pasted, not the customer's
words given back), in a question, a step or a restatement: `HEARD_STEMS` of its content words or
more that neither the case's articles, the second line's replies nor the customers' names and
departments hold (those are on the screen, not only in what the customer said), and no word list (2.12: items of one or two words with
nothing said between them). Where a contact shows none, the `+` of an item in `BY_ABSENCE` is
`?`: no evidence against, none for, for the assessors to judge (`absence_items` gives the reason
in the item's summary). A `-` stays.
"""

from __future__ import annotations

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import own_sentences, word_list
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.substance import article_stems, case_of, to_judge
from helpdesk_tui.customers.content_words import content_stems

BY_ABSENCE = ("SIM-2", "COM-3")
"""(2.25) The items whose `+` is a fault that did not happen (no chat waiting past its limit, no
message over the customer): they need the contact to show the candidate heard (`heard`)."""
HEARD_STEMS = 2
"""(2.25) What the customer told is used in a sentence that holds this many of its content
stems (not the screen's): one word is what a frame echoes ("Pour expirait dont vous parliez"),
two are the fact itself ("since this morning, after you changed your password")."""


def absence_items(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
    """(2.25) A `+` of an item in `BY_ABSENCE` on a contact that shows nothing the customer told
    was heard (`heard`): `?`, no evidence against and none for. After 2.10/2.17's `rote_items`,
    which may have made it `?` already. Without the answer key nothing says what the customer's
    facts are: the items stay as measured."""
    if ctx.scenario is None:
        return
    for cid in BY_ABSENCE:
        for i, item in enumerate(items.get(cid, [])):
            case = case_of(ctx, item) if item.favourable is True else None
            if case is not None and case.incident is not None and heard(ctx, case) is None:
                items[cid][i] = to_judge(item, ctx.t("proof.unheard"), {"heard": False})


def heard(ctx: Context, case: Case) -> int | None:
    """(2.25) The seq of the first message in which the candidate used something this customer
    told them (see the module's docstring), or None: nothing shows they took in what the
    customer explained."""
    if "heard" not in case.cache:
        case.cache["heard"] = _heard(ctx, case)
    return case.cache["heard"]


def _heard(ctx: Context, case: Case) -> int | None:
    if case.incident is None:
        return None
    screen = _screen_stems(ctx, case)
    told = _told(ctx, case, screen)
    if not told:
        return None
    for action in case.said():
        before = [stems for seq, stems in told if seq < action.seq]
        if not before or action.type != "message_sent":
            continue
        for sentence in own_sentences(ctx, case, action):
            if word_list(sentence):
                continue
            mine = content_stems(sentence, ctx.text_lang) - screen
            if any(len(mine & stems) >= HEARD_STEMS for stems in before):
                return action.seq
    return None


def _told(ctx: Context, case: Case, screen: frozenset[str]) -> list[tuple[int, frozenset[str]]]:
    """What the customer told, each with its seq and its content stems not on the screen: each
    of their messages in the contact's conversations (how they explained the problem, what
    they answered) and each hidden fact once it came out (the scenario's words for it)."""
    lang = ctx.text_lang
    answers = {f.id: f.answer for f in case.incident.facts} if case.incident else {}
    told = [
        (m.seq, content_stems(m.text, lang) - screen)
        for conv in case.conversations
        for m in conv.messages
        if m.author == "customer"
    ]
    told += [
        (seq, content_stems(answers[fact], lang) - screen)
        for conv in case.conversations
        for fact, seq in ctx.tracker.reveals.get(conv.id, [])
        if fact in answers
    ]
    return sorted(told)


def _screen_stems(ctx: Context, case: Case) -> frozenset[str]:
    """What the screen told the candidate about the case: its articles, the second line's
    replies on its tickets, and the customers' names and departments (a greeting by name and
    site is no sign of having heard anything). A word of these in a message may come from
    there. Once per case."""
    if "screen_stems" not in case.cache:
        lang = ctx.text_lang
        texts = [text for ticket in case.tickets for _, _, text in ticket.second_line]
        texts += [f"{c.name} {c.department}" for c in ctx.state.customers.values()]
        case.cache["screen_stems"] = article_stems(ctx, case).union(
            *(content_stems(t, lang) for t in texts)
        )
    return case.cache["screen_stems"]
