"""(rules 2.10) Did the candidate's messages on a contact engage with *this* customer's case?

SIM-2 (answering in writing while following the screen), SIM-3 (listening while working the
keyboard), COM-3 (letting the customer finish) and COM-5 (words fitted to the customer's level)
are measured on the form of the candidate's messages: when they were sent, what words they hold.
A candidate who answers every message in seconds with stock frames, the customer's own words
and pasted article text shows that form on every contact without listening, fitting words or
handling anything (the blind cheaters `savvy` and `lawyer`: benchmarks/README.md, "Rote
competencies (branch evid19)"). The standard names substance: SIM-2 communicates with the
customer while following the screen, COM-3 lets the customer explain *the problem*, COM-5
adapts the words it chooses. An operator who never took up a word of the case did none of it.

A contact engaged with its case when, in the candidate's own doing, one of these happened:

- **answer**: the case's answer told in the candidate's own sentences (`integrity.
  own_sentences`: not stock, not pasted from an article, not the customer's words given back;
  (2.15) `own_telling`: nor a sentence holding the customer's words in their order; the
  key's, an alternative's or an option's keywords all in them);
- **transfer**: the case handed to the group the answer key names (a transfer the key accepts);
- **question**: one of the case's hidden facts told by the customer in reply to a question in
  the candidate's own sentences (2.15: `own_telling`) about the problem: the sentence that asks for the fact (its
  `ask` patterns, as the customer hears them) carries the layer's `question` act and not
  `identify` (asking who the customer is, the procedure's identification, is asked of
  everyone), and is not a battery: the same question, the customers' names read away, put to
  `BATTERY_CUSTOMERS` customers or more asks about no one's case.

On a contact that did not, a `+` of those four competencies is `?`: to judge, with why. A `-`
stays: an interruption or a glossary word speaks against whatever else happened. An engaged
contact keeps the competency's `+` there, so a candidate who handles most cases and only
answers the rest keeps it; a candidate who engaged with none has only `?`. (2.17) But not one
engaged contact among many: the four are ways of working, so their `+` stand only where the
candidate took up the case on a share of the contacts (`ENGAGED_SHARE`, 2.7's reading of a
habit); below it every `+` of the four is `?` (the blind cheaters `mimic` and `ghost` took up
two to ten cases of thirty-two, by a transfer the article named or an article cut in pieces).
(2.19) A contact whose candidate text is mostly one article's steps in its order, a step a
message (`integrity.contact_passage`), took up no case whatever else happened on it: the
article was read out (the blind cheater `tailor`, a check after every step and a transfer to
the group the article names).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import (
    _covered,
    _own_words,
    _runs,
    a_share,
    checklist,
    contact_passage,
    contact_reading,
    customer_stems,
    list_items,
    own_telling,
    word_list,
)
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.solutions import TRANSFER, all_match, answer_hits, hit_keywords
from helpdesk_tui.assess.wording import acts, find_any, sentences, words
from helpdesk_tui.customers.content_words import STEM_LENGTH, content_stems
from helpdesk_tui.language.normalise import name_words

ROTE = ("SIM-2", "SIM-3", "COM-3", "COM-5")
"""The competencies measured on the form of the messages, credited only on engaged contacts."""
BATTERY_CUSTOMERS = 2
"""A question sentence (names read away) put to this many customers or more is a battery."""
BATTERY_MIN_WORDS = 3
"""Shorter questions ("Since when?") are everyone's words, not a battery."""


@dataclass(frozen=True, slots=True)
class Engagement:
    """How a contact engaged with its case: `answer`, `transfer` or `question`, and where."""

    how: str
    seq: int
    fact: str = ""


def engagement(ctx: Context, case: Case) -> Engagement | None:
    """The first sign (in the order above) that the contact engaged with its case, or None."""
    if "engagement" not in case.cache:
        case.cache["engagement"] = _engagement(ctx, case)
    return case.cache["engagement"]


def _engagement(ctx: Context, case: Case) -> Engagement | None:
    if contact_passage(ctx, case):  # 2.19: the article read out, not the case taken up
        return None
    lang = ctx.text_lang
    answer = case.answer
    for hit in answer_hits(case):
        if not hit.credited:
            continue
        if hit.how == TRANSFER:
            return Engagement("transfer", hit.action.seq)
        own = [s for s in own_telling(ctx, case, hit.action) if not told_by_rote(ctx, case, s)]
        if (
            own
            and answer is not None
            and all_match(hit_keywords(answer, hit, lang), " ".join(own), lang)
        ):
            return Engagement("answer", hit.action.seq)
    said = case.said()
    battery = _batteries(ctx)
    names = _names(ctx)
    reveals = sorted(
        (seq, fact) for conv in case.conversations for fact, seq in ctx.tracker.reveals.get(conv.id, [])
    )  # fmt: skip
    asks = {f.id: f.ask for f in case.incident.facts} if case.incident is not None else {}
    for seq, fact in reveals:
        if not asks.get(fact):
            continue
        # the candidate's sentence that asked for it: the customer may answer an earlier
        # question than the last message ("Hoort u?" sent while they were still typing)
        for asked in reversed([a for a in said if a.seq < seq]):
            found = [s for s in own_telling(ctx, case, asked) if find_any(asks[fact], s, lang)]
            if not found:
                continue
            stems = _customer_stems(ctx, case.customer_id, asked.seq)
            if any(
                _asks_about_problem(s, lang, names, stems, battery)
                and not _assembled(ctx, s, names, stems, case.customer_id)
                for s in found
            ):
                return Engagement("question", asked.seq, fact)
            break
    return None


def _asks_about_problem(
    sentence: str,
    lang: str,
    names: frozenset[str],
    stems: frozenset[str],
    battery: frozenset[tuple[str, ...]],
) -> bool:
    """A question about the problem, not identification, not (2.12) a list of the customer's
    words (`integrity.word_list`) or a checklist of five questions or more in one sentence
    (`integrity.checklist`), and neither its words (names read away) nor (2.12) its
    frame (the customer's words read away too) put to several customers."""
    read = acts(sentence, lang)
    if "question" not in read or "identify" in read or word_list(sentence) or checklist(sentence):
        return False
    return _key(sentence, names) not in battery and _frame(sentence, names, stems) not in battery


def _names(ctx: Context) -> frozenset[str]:
    """The words a question is read without: the customers' names and (2.20) the words of the
    tickets' ids ("Re T-1004: ..."), each a slot a stock question is filled with."""
    if "customer_name_words" not in ctx.cache:
        # (2.12) also as `words` splits them: "Marie-Thérèse" is "marie" and "therese" there
        ctx.cache["customer_name_words"] = frozenset(
            w for c in ctx.state.customers.values() for w in (*name_words(c.name), *words(c.name))
        ) | frozenset(w for t in ctx.state.tickets for w in words(t))
    return ctx.cache["customer_name_words"]


def _slot(word: str, names: frozenset[str]) -> bool:
    """(2.20) A name, a ticket id's word or a word with a digit ("1004", "2b"): what makes a
    stock question unique to its customer without asking them anything of their own."""
    return word in names or any(ch.isdigit() for ch in word)


def _customer_stems(ctx: Context, customer_id: str, before: int) -> frozenset[str]:
    """(2.12) The stems of the content words this customer had written or said before `before`
    (their messages, their tickets' descriptions): the words a question frame fills its slot
    with. Later words are not the slot: the customer's answer ("the screen says ...") must
    not read the question's own words away."""
    said = ctx.cache.setdefault("customer_said_stems", {})
    if customer_id not in said:
        found = sorted(
            [
                (m.seq, m.text)
                for c in ctx.state.conversations.values()
                if c.customer_id == customer_id
                for m in c.messages
                if m.author == "customer"
            ]
            + [
                (0, t.description)
                for t in ctx.state.tickets.values()
                if t.customer_id == customer_id
            ]
        )
        # the stems said up to each message, built once: a question asks for them by bisection
        grown: list[frozenset[str]] = []
        for _, text in found:
            new = frozenset(content_stems(text, ctx.text_lang))
            grown.append(grown[-1] | new if grown else new)
        said[customer_id] = ([seq for seq, _ in found], grown)
    seqs, grown = said[customer_id]
    at = bisect_left(seqs, before)
    return grown[at - 1] if at else frozenset()


def _key(sentence: str, names: frozenset[str]) -> tuple[str, ...]:
    return tuple(w for w in words(sentence) if not _slot(w, names))


def _frame(sentence: str, names: frozenset[str], stems: frozenset[str]) -> tuple[str, ...]:
    """(2.12) The sentence's frame: its words without the customers' names, the words whose
    stems the customer spoke (`_customer_stems`: what fills the slot of a frame question,
    "since when has the {word} been like this?") and the one- and two-letter words an article
    or elision leaves beside the slot ("l'imprimante", "de doet")."""
    return tuple(
        w for w in words(sentence)
        if len(w) > 2 and not _slot(w, names) and w[:STEM_LENGTH] not in stems
    )  # fmt: skip


def _batteries(ctx: Context) -> frozenset[tuple[str, ...]]:
    """Question sentences (names read away) the candidate put to `BATTERY_CUSTOMERS` or more."""
    if "batteries" in ctx.cache:
        return ctx.cache["batteries"]
    names = _names(ctx)
    by: dict[tuple[str, ...], set[str]] = {}
    for action, text, who in _own_words(ctx):
        stems = _customer_stems(ctx, who, action.seq)
        for sentence in sentences(text):
            for key in {_key(sentence, names), _frame(sentence, names, stems)}:
                if len(key) >= BATTERY_MIN_WORDS:
                    by.setdefault(key, set()).add(who)
    found = frozenset(k for k, who in by.items() if len(who) >= BATTERY_CUSTOMERS)
    ctx.cache["batteries"] = found
    return found


ASSEMBLED_RUN = 3
"""(2.15) Runs of this many frame words are the stock parts a question is assembled from."""
ASSEMBLED_SHARE = 0.9
"""(2.15) A question of two parts or more whose frame words lie in this share or more in runs
put to other customers is assembled from stock parts (`_assembled`). Measured on the questions
that drew a fact (benchmarks/README.md, "Borrowed text with inserted words (branch evid24)")."""


_JOINS = frozenset({"and", "or", "en", "of", "et", "ou"})


def _bare(said: tuple[str, ...]) -> tuple[str, ...]:
    """(2.15) The words without the joins between a question's parts: "... on your screen and
    since when ..." pairs two stock parts, and the join is no part of either."""
    return tuple(w for w in said if w not in _JOINS)


def _frame_runs(ctx: Context) -> dict[tuple[str, ...], frozenset[str]]:
    """(2.15) Every run of `ASSEMBLED_RUN` words of the candidate's own sentences, read as
    `_key` and as `_frame` (`_bare`), with the customers it was put to."""
    if "frame_runs" not in ctx.cache:
        names = _names(ctx)
        runs: dict[tuple[str, ...], set[str]] = {}
        for action, text, who in _own_words(ctx):
            stems = _customer_stems(ctx, who, action.seq)
            for sentence in sentences(text):
                for said in (_bare(_key(sentence, names)), _bare(_frame(sentence, names, stems))):
                    for run in _runs(said, ASSEMBLED_RUN):
                        runs.setdefault(run, set()).add(who)
        ctx.cache["frame_runs"] = {k: frozenset(v) for k, v in runs.items()}
    return ctx.cache["frame_runs"]


def _assembled(
    ctx: Context, sentence: str, names: frozenset[str], stems: frozenset[str], who: str
) -> bool:
    """(2.15) A question of two parts or more (`integrity.list_items`, each of
    `BATTERY_MIN_WORDS` frame words or more) whose frame lies, `ASSEMBLED_SHARE` of it or more,
    in runs the candidate put to other customers: one template filled per customer, a few
    stock parts paired anew each time ("Could you tell me which message appears on your screen
    and since when the {stores} has been like this?"), is the battery of 2.10 said in other
    pairs. The same exact runs as borrowed text (`integrity._covered`), over the frame."""
    parts = [
        i
        for i in list_items(sentence)
        if len(_frame(" ".join(i), names, stems)) >= BATTERY_MIN_WORDS
    ]
    frame = _bare(_frame(sentence, names, stems))
    if len(parts) < 2 or not frame:
        return False
    runs = _frame_runs(ctx)
    others = {r for r in _runs(frame, ASSEMBLED_RUN) if runs.get(r, frozenset()) - {who}}
    return len(_covered(frame, others, ASSEMBLED_RUN)) >= ASSEMBLED_SHARE * len(frame)


TOLD_RUN = ASSEMBLED_RUN
"""(2.23) Runs of this many frame words of a telling sentence are the stock parts its frame is
made of (`told_by_rote`)."""
TOLD_MIN_WORDS = 8
"""(2.23) A telling sentence needs this many frame words (its words without the case's articles',
the customer's and the names) for its frame to be read: "Could you try that for me?" is
everyone's; a template put around every step adds six to ten words of its own to each."""
TOLD_SHARE = 0.65
"""(2.23) A telling sentence whose frame lies this share or more in runs the candidate told
`TOLD_OTHERS` other customers or more is told by rote (`told_by_rote`)."""
TOLD_OTHERS = 2
"""(2.23) Told to this many other customers: a stock frame (3 in all, as a template, 2.0)."""


def told_by_rote(ctx: Context, case: Case, sentence: str) -> bool:
    """(2.23) A sentence that tells the case's answer inside a stock frame: with the words of
    the case's articles, of what the customer had said and the names read away
    (`_told_frame`), `TOLD_SHARE` of what is left lies in runs the candidate told
    `TOLD_OTHERS` other customers or more. One frame per kind of step ("{step} is what you'll
    spot on the screen, and once you pick it a fresh window pops up", the blind cheater
    `envoy`) carries no reading of this customer's situation beyond the pasted words; an
    operator who explains in words of their own, or reuses a phrase among others, keeps the
    sentence. 2.10's battery and 2.15's assembled question read questions so."""
    return told_share(ctx, case, sentence) >= TOLD_SHARE


def told_share(ctx: Context, case: Case, sentence: str) -> float:
    """(2.23) The share of a telling sentence's frame (`_told_frame`) that lies in runs told to
    `TOLD_OTHERS` other customers or more; 0.0 for a frame under `TOLD_MIN_WORDS` words."""
    frame = _bare(_told_frame(ctx, case, sentence, _told_stems(ctx, case)))
    if len(frame) < TOLD_MIN_WORDS:
        return 0.0
    runs = _told_runs(ctx)
    who = case.customer_id
    others = {
        r for r in _runs(frame, TOLD_RUN) if len(runs.get(r, frozenset()) - {who}) >= TOLD_OTHERS
    }
    return len(_covered(frame, others, TOLD_RUN)) / len(frame)


def _told_stems(ctx: Context, case: Case) -> frozenset[str]:
    """(2.23) The stems a telling frame is read without: every content word of the case's
    articles (title and body) and of everything its customer said or wrote in it."""
    if "told_stems" not in case.cache:
        case.cache["told_stems"] = customer_stems(ctx, case) | article_stems(ctx, case)
    return case.cache["told_stems"]


def article_stems(ctx: Context, case: Case) -> frozenset[str]:
    """Every content stem of the case's articles (title and body): what the screen says."""
    if "article_stems" not in case.cache:
        ids = set(case.articles())
        texts = [
            f"{a.title}\n{a.body}"
            for a in (ctx.scenario.kb if ctx.scenario is not None else ())
            if a.id in ids
        ]
        case.cache["article_stems"] = frozenset().union(
            *(content_stems(t, ctx.text_lang) for t in texts)
        )
    return case.cache["article_stems"]


def _told_frame(ctx: Context, case: Case, sentence: str, stems: frozenset[str]) -> tuple[str, ...]:
    """(2.23) `_frame` of a telling sentence: its words without the names, the tickets' ids,
    words with a digit, one- and two-letter words and the stems of the case's articles and
    customer (`_told_stems`)."""
    names = _names(ctx)
    said = [w for w in words(sentence) if len(w) > 2 and not _slot(w, names)]
    away = [w[:STEM_LENGTH] in stems for w in said]
    theirs = _told_words(ctx, case)
    return tuple(
        w
        for i, w in enumerate(said)
        if not away[i]
        and not (w in theirs and ((i > 0 and away[i - 1]) or (i + 1 < len(said) and away[i + 1])))
    )


def _told_words(ctx: Context, case: Case) -> frozenset[str]:
    """(2.23) Every word of the case's articles, the little ones too: one that stands beside an
    article's or the customer's word in the sentence is part of the step pasted ("click **on**
    the tab"), not of the frame around it."""
    if "told_words" not in case.cache:
        ids = set(case.articles())
        kb = ctx.scenario.kb if ctx.scenario is not None else ()
        case.cache["told_words"] = frozenset(
            w for a in kb if a.id in ids for w in words(f"{a.title}\n{a.body}")
        )
    return case.cache["told_words"]


def _told_runs(ctx: Context) -> dict[tuple[str, ...], frozenset[str]]:
    """(2.23) Every run of `TOLD_RUN` words of the frames (`_told_frame`) of the candidate's
    sentences to the cases' customers, with the customers it was told to."""
    if "told_runs" not in ctx.cache:
        runs: dict[tuple[str, ...], set[str]] = {}
        for case in ctx.cases:
            stems = _told_stems(ctx, case)
            for action in case.said():
                if action.data.get("canned_id"):
                    continue
                for sentence in sentences(action.text or ""):
                    frame = _bare(_told_frame(ctx, case, sentence, stems))
                    for run in _runs(frame, TOLD_RUN):
                        runs.setdefault(run, set()).add(case.customer_id)
        ctx.cache["told_runs"] = {k: frozenset(v) for k, v in runs.items()}
    return ctx.cache["told_runs"]


def engaged_contacts(ctx: Context) -> tuple[int, int]:
    """(2.17) (contacts that engaged with their case, contacts): a contact is a case of the
    answer key whose customer the candidate wrote or spoke to, or that engaged (a transfer
    needs no message)."""
    if "engaged_contacts" not in ctx.cache:
        engaged = contacts = 0
        for case in ctx.cases:
            if case.incident is None:
                continue
            took_up = engagement(ctx, case) is not None
            if took_up or case.said():
                contacts += 1
                engaged += took_up
        ctx.cache["engaged_contacts"] = (engaged, contacts)
    return ctx.cache["engaged_contacts"]


ENGAGED_SHARE = 0.4
"""(2.17) The rote four keep their `+` only where the candidate took up the case on this share
of the contacts or more (`enough_engaged`). Measured on the six bundled exams
(benchmarks/bench_engaged.py; benchmarks/README.md, "The rote four by a share of contacts
(branch evid26)"): the scripted competent candidates 0.53-0.88 (the worded banks 0.56-0.80,
naive 0.53-0.80), the cheaters and tricks 0.00-0.33 (ghost 0.09-0.31, mimic 0.06-0.22, forger
0.12-0.23, macro 0.33 on verhaeghe)."""
ENGAGED_LEAST = 1
"""(2.17) And at least this many engaged contacts: one is enough on a log of one or two."""


def enough_engaged(ctx: Context) -> bool:
    """(2.17) Did the candidate take up the case on enough contacts (`ENGAGED_SHARE`) for the
    form of their messages to be their way of working? One transfer to the right group, or one
    answer in pieces, among thirty contacts answered by rote is one case handled: its replies
    in time show nothing of how the candidate listens or adapts to the other twenty-nine.
    2.7's reading (`integrity.a_share`), over the contacts."""
    engaged, contacts = engaged_contacts(ctx)
    return a_share(engaged, contacts, ENGAGED_LEAST, ENGAGED_SHARE)


def case_of(ctx: Context, item: EvidenceItem) -> Case | None:
    """The case a rote item is about (its subject: a conversation or a case)."""
    return ctx.case_by_conversation.get(item.subject) or next(
        (c for c in ctx.cases if c.id == item.subject), None
    )


def rote_items(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
    """(2.10) A `+` of a rote competency on a contact that never engaged with its case: `?`.
    (2.17) Where too few contacts engaged (`enough_engaged`), every `+` of them is `?`, the
    engaged contacts' too, with the share said.

    Without the answer key (no scenario), or for a case the key does not know, nothing tells
    what the case is: the items stay as measured."""
    if ctx.scenario is None:
        return
    for cid in ROTE:
        for i, item in enumerate(items.get(cid, [])):
            if item.favourable is not True:
                continue
            case = case_of(ctx, item)
            if case is None or case.incident is None:
                continue
            if engagement(ctx, case) is None:
                items[cid][i] = to_judge(item, *_unengaged(ctx, case))
            elif not enough_engaged(ctx):  # asked only here: every contact's engagement read
                items[cid][i] = to_judge(item, _few(ctx), _share(ctx))


def _unengaged(ctx: Context, case: Case) -> tuple[str, dict[str, object]]:
    """Why a contact did not take up its case, for the item: (2.19) the article read out, or
    nothing of the case taken up."""
    reading = contact_reading(ctx, case) if contact_passage(ctx, case) else None
    if reading is None:
        return ctx.t("rote.unengaged"), {"engaged_with_case": False}
    pct = round(100 * reading.share)
    figures = {"engaged_with_case": False, "article_read": reading.article, "article_share": pct}
    return ctx.t("rote.article_read", article=reading.article, pct=pct), figures


def _share(ctx: Context) -> dict[str, object]:
    engaged, contacts = engaged_contacts(ctx)
    return {"engaged_with_case": True, "engaged_contacts": engaged, "contacts": contacts}


def _few(ctx: Context) -> str:
    engaged, contacts = engaged_contacts(ctx)
    return ctx.t("rote.few_engaged", engaged=engaged, n=contacts, pct=round(100 * ENGAGED_SHARE))


def to_judge(item: EvidenceItem, why: str, figures: dict[str, object]) -> EvidenceItem:
    """The item made `?`, to judge, with why said after its summary and figures added."""
    return replace(
        item, summary=item.summary + why, favourable=None, figures={**item.figures, **figures}
    )
