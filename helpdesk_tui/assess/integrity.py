"""Was the job done, or only the words typed? The checks the evidence rules share.

A candidate can make a log look busy without helping anyone: open every
article, paste one macro to every customer, repeat the customer's words,
stuff the resolution with key words. These functions find those patterns
in the log, each with the records it is measured from, so the measurements
(`measure_*.py`) can refuse credit and say why:

- **template**: the same text (normalised) sent to `TEMPLATE_CUSTOMERS` or
  more different customers, not as one of the scenario's canned replies.
- **scattershot**: a burst of article look-ups (`SCATTER_ARTICLES` or more
  distinct articles, or more than half of a small knowledge base, each within
  `SCATTER_GAP_S` of the last): none of them counts as looking the answer up.
- **KB copy**: a text that holds a run of `KB_RUN_WORDS` words of an article;
  from two articles or more at once it is **stuffed**.
- **echo**: a message holding a run of `ECHO_RUN_WORDS` words of what the
  customer wrote or said before it.
- **aligned** (rules 2.15): a clause whose content words are, `BORROWED_SHARE_ALIGNED` of them
  in their order, in one stretch of an article or of what the customer had said or written:
  borrowed whatever short words were put between, dropped or turned (`aligned_clauses`);
  (2.20) its pieces (cut at commas, brackets, dashes) each in order, the pieces in any order.
- **woven** (rules 2.22): a clause whose content words are nearly all an article's stretch and,
  for the rest, words the customer had said, the article giving at least as many: the customer's
  own words put between an article's steps (`woven_borrowed`), borrowed from the article.
- **an article read out** (rules 2.19): a contact whose messages, read together, are mostly one
  article's steps (2.20: in whatever order), a step a message (`contact_passage`): the passage
  spread over messages is borrowed as a passage in one message is.
- **wrong recipient**: a message to one customer that names another case's
  customer, ticket or distinctive fact (a code, a number, a name).
- **closed unsolved** (rules 2.11): a ticket resolved before anything of a solution reached
  its customer (no word of the answer key told, no transfer, no "it works" from them).
- **empathy to everyone** (rules 2.7): the candidate's empathy reached customers who
  were calm and had never been upset, `FORMULA_CALM_CUSTOMERS` or more and at least
  `FORMULA_CALM_SHARE` of the calm customers they spoke to: a formula said whatever
  the mood, not an answer to this customer's (COM-6).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from helpdesk_tui import language
from helpdesk_tui.assess.cases import Case
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.procedures import Shows, shows_plainly
from helpdesk_tui.assess.tracker import CUSTOMER_FACING, Action
from helpdesk_tui.assess.wording import acts, find_any, sentences, words
from helpdesk_tui.customers.content_words import STEM_LENGTH, content_sequence, content_stems
from helpdesk_tui.customers.content_words import words as content_words
from helpdesk_tui.customers.dialogue import acts_in, asks_closing, solution_patterns, told
from helpdesk_tui.customers.in_context import acts_at, confirms_fix, proposes, steps_at
from helpdesk_tui.customers.mood import calming_in
from helpdesk_tui.customers.telling import pattern_acts, tells_in
from helpdesk_tui.language.lemmas import lemma
from helpdesk_tui.language.normalise import fold, name_words
from helpdesk_tui.scenario.model import ProcedureStep

TEMPLATE_CUSTOMERS = 3
TEMPLATE_MIN_WORDS = 4
"""Shorter texts ("Thank you.", "One moment") are everyone's words, not a template."""
SCATTER_ARTICLES = 5
SCATTER_GAP_S = 30.0
KB_RUN_WORDS = 8
ECHO_RUN_WORDS = 6
NAME_MIN_LENGTH = 3
FORMULA_CALM_CUSTOMERS = 3
FORMULA_CALM_SHARE = 0.25
"""(2.7) Empathy said to this many calm, never-upset customers, and to at least this share of
the calm customers spoken to, is said to everyone (`empathy_to_everyone`). Measured: the
scripted competent candidates 0-2 such customers and at most 2 of 24 (0.08); `savvy`, whose
opening says empathy to every customer, 3 of 7 and 14 of 24 (benchmarks/README.md, evid16)."""


# ---------------------------------------------------------------------- who got a message


def recipient(ctx: Context, action: Action) -> str | None:
    """The customer who read or heard a message (their conversation or their ticket)."""
    if action.type == "message_sent":
        conv = ctx.state.conversations.get(action.conversation_id or "")
        return conv.customer_id if conv is not None else None
    if action.type == "ticket_reply_added":
        ticket = ctx.state.tickets.get(action.ticket_id or "")
        return ticket.customer_id if ticket is not None else None
    return None


def _said(ctx: Context) -> list[Action]:
    """What reached a customer in words, in log order (shared: several checks read it)."""
    said = ctx.cache.get("said")
    if said is None:
        said = ctx.cache["said"] = [a for a in ctx.of_type(*CUSTOMER_FACING) if a.text]
    return said


def _own_words(ctx: Context) -> list[tuple[Action, str, str]]:
    """The candidate's own words (not a canned reply) to a known customer, in log order:
    (action, text, customer). What templates and stock sentences are made of."""
    found = ctx.cache.get("own_words")
    if found is None:
        found = ctx.cache["own_words"] = [
            (action, action.text or "", who)
            for action in _said(ctx)
            if not action.data.get("canned_id") and (who := recipient(ctx, action)) is not None
        ]
    return found


# ---------------------------------------------------------------------- templates


def templates(ctx: Context) -> dict[int, int]:
    """Seq of every templated message -> how many customers got the same text."""
    if "templates" in ctx.cache:
        return ctx.cache["templates"]
    by_text: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for action, text, who in _own_words(ctx):
        key = words(text)
        if len(key) >= TEMPLATE_MIN_WORDS:
            by_text.setdefault(key, []).append((action.seq, who))
    found: dict[int, int] = {}
    for sent in by_text.values():
        customers = {who for _, who in sent}
        if len(customers) >= TEMPLATE_CUSTOMERS:
            found.update({seq: len(customers) for seq, _ in sent})
    ctx.cache["templates"] = found
    return found


def templated(ctx: Context, action: Action) -> bool:
    """A template, or a message that holds a whole template with words added around it."""
    return template_reach(ctx, action) > 0


def template_reach(ctx: Context, action: Action) -> int:
    """How many customers got the template this message is or holds (0: none).

    A message that wraps a template in words of its own is not in `templates`, yet the
    assessor's sentence names how far the template went: it is the widest one it holds.
    """
    made = templates(ctx)
    if action.seq in made:
        return made[action.seq]
    if "template_texts" not in ctx.cache:
        by_seq = {a.seq: a for a in _said(ctx)}
        reach: dict[str, int] = {}
        for seq, n in made.items():
            if seq in by_seq:
                text = " ".join(words(by_seq[seq].text or ""))
                reach[text] = max(reach.get(text, 0), n)
        ctx.cache["template_texts"] = reach
    known = ctx.cache.setdefault("templated_texts", {})
    text = action.text or ""
    if text not in known:  # a long log sends the same texts many times
        mine = f" {' '.join(words(text))} "
        held = ctx.cache["template_texts"].items()
        known[text] = max((n for t, n in held if f" {t} " in mine), default=0)
    return known[text]


def stock_sentences(ctx: Context) -> set[tuple[str, ...]]:
    """Sentences (normalised) that reached `TEMPLATE_CUSTOMERS` customers or more, not canned."""
    if "stock" in ctx.cache:
        return ctx.cache["stock"]
    by_sentence: dict[tuple[str, ...], set[str]] = {}
    keys_of: dict[str, list[tuple[str, ...]]] = {}
    # A long log sends the same texts to the same customers many times: each pair once.
    for text, who in dict.fromkeys((text, who) for _, text, who in _own_words(ctx)):
        keys = keys_of.get(text)
        if keys is None:
            keys = keys_of[text] = [
                key
                for sentence in sentences(text)
                if len(key := words(sentence)) >= TEMPLATE_MIN_WORDS
            ]
        for key in keys:
            by_sentence.setdefault(key, set()).add(who)
    found = {k for k, who in by_sentence.items() if len(who) >= TEMPLATE_CUSTOMERS}
    ctx.cache["stock"] = found
    return found


def personal_sentences(ctx: Context, action: Action) -> list[str]:
    """The sentences of a message that are not stock (all of them for a canned reply)."""
    text = action.text or ""
    if action.data.get("canned_id"):
        return sentences(text)
    stock = stock_sentences(ctx)
    return [s for s in sentences(text) if words(s) not in stock]


# ---------------------------------------------------------------------- empathy to everyone


def upset_before(ctx: Context, customer_id: str, seq: int) -> bool:
    """Was the customer irritated or angry at the start or at any point before `seq`?"""
    start = ctx.tracker.initial_moods.get(customer_id, "calm")
    if start != "calm":
        return True
    return any(
        mood != "calm" and at_seq is not None and at_seq < seq
        for _, mood, _, at_seq in ctx.tracker.moods.get(customer_id, [])
    )


def empathy_to_the_calm(ctx: Context) -> tuple[int, int]:
    """(customers who got empathy in the candidate's own words while calm and never upset
    before, customers spoken to while so): canned replies do not count."""
    if "empathy_to_calm" in ctx.cache:
        return ctx.cache["empathy_to_calm"]
    calm: set[str] = set()
    comforted: set[str] = set()
    for action, text, who in _own_words(ctx):
        if upset_before(ctx, who, action.seq):
            continue
        calm.add(who)
        if "empathy" in calming_in(text, ctx.text_lang):  # sentence by sentence, as the mood
            comforted.add(who)
    found = ctx.cache["empathy_to_calm"] = (len(comforted), len(calm))
    return found


def empathy_to_everyone(ctx: Context) -> bool:
    """(2.7) The candidate says empathy whatever the customer's mood (module docstring)."""
    comforted, calm = empathy_to_the_calm(ctx)
    return a_share(comforted, calm, FORMULA_CALM_CUSTOMERS, FORMULA_CALM_SHARE)


def a_share(count: int, of: int, least: int, share: float) -> bool:
    """(2.7) `count` of `of` customers is a habit, not an accident: `least` of them or more and
    `share` of them or more. One reading for every "to everyone" and "to enough" of the rules
    (2.7's empathy to the calm, 2.17's contacts that took up their case)."""
    return count >= least and count >= share * of


# ---------------------------------------------------------------------- scattershot


@dataclass(frozen=True, slots=True)
class Burst:
    """Article look-ups in quick succession, too many to be reading any of them."""

    seqs: tuple[int, ...]
    articles: tuple[str, ...]
    start: float
    end: float


def scattershot(ctx: Context) -> list[Burst]:
    if "bursts" in ctx.cache:
        return ctx.cache["bursts"]
    opens = ctx.of_type("kb_article_opened")
    groups: list[list[Action]] = []
    for action in opens:
        if groups and action.at - groups[-1][-1].at <= SCATTER_GAP_S:
            groups[-1].append(action)
        else:
            groups.append([action])
    bursts = []
    threshold = scatter_threshold(ctx)
    for group in groups:
        articles = tuple(dict.fromkeys(a.article_id or "" for a in group))
        if len(articles) >= threshold:
            bursts.append(Burst(tuple(a.seq for a in group), articles, group[0].at, group[-1].at))
    ctx.cache["bursts"] = bursts
    return bursts


def scatter_threshold(ctx: Context) -> int:
    """`SCATTER_ARTICLES` distinct articles, or more than half of a small knowledge base (at least 3)."""
    size = len(ctx.scenario.kb) if ctx.scenario is not None else len(ctx.state.kb_articles or ())
    return min(SCATTER_ARTICLES, max(3, size // 2 + 1)) if size else SCATTER_ARTICLES


def scattered_seqs(ctx: Context) -> frozenset[int]:
    return frozenset(s for b in scattershot(ctx) for s in b.seqs)


def credited_lookups(ctx: Context, case: Case) -> list[Action]:
    """The case's relevant articles opened after it arrived, outside any scattershot burst."""
    relevant = set(case.articles())
    scattered = scattered_seqs(ctx)
    return [
        a for a in ctx.of_type("kb_article_opened")
        if a.article_id in relevant and a.at >= case.arrival_at and a.seq not in scattered
    ]  # fmt: skip


# ---------------------------------------------------------------------- KB copies, echoes


def _runs(text_words: tuple[str, ...], size: int) -> set[tuple[str, ...]]:
    return {text_words[i : i + size] for i in range(len(text_words) - size + 1)}


def _covered(mine: tuple[str, ...], runs: set[tuple[str, ...]], size: int) -> set[int]:
    return {
        i + k
        for i in range(len(mine) - size + 1)
        if mine[i : i + size] in runs
        for k in range(size)
    }


def kb_copies(ctx: Context, text: str) -> list[str]:
    """The articles of which the text holds a run of `KB_RUN_WORDS` words."""
    if ctx.scenario is None or not text:
        return []
    known = ctx.cache.setdefault("kb_copies", {})
    if text in known:  # the same text is asked about by several rules, and sent again
        return known[text]
    mine = _runs(words(text), KB_RUN_WORDS)
    if not mine:
        known[text] = []
        return []
    index = ctx.cache.get("kb_runs")
    if index is None:
        index = {a.id: _runs(words(a.body), KB_RUN_WORDS) for a in ctx.scenario.kb}
        ctx.cache["kb_runs"] = index
    known[text] = [article for article, runs in index.items() if not mine.isdisjoint(runs)]
    return known[text]


STUFFED_OWN_WORDS = 12
"""Words a pasted article must bring that no other pasted article brings, to count as pasted."""


def stuffed(ctx: Context, text: str) -> bool:
    """Text pasted from two articles or more at once (each bringing words of its own).

    Articles share boilerplate ("verify the customer's identity first"): a
    sentence of one that is also in another does not make two pastes.
    """
    copied = kb_copies(ctx, text)
    if len(copied) < 2:
        return False
    mine = words(text)
    covered: dict[str, set[int]] = {}
    for article in copied:
        covered[article] = _covered(mine, ctx.cache["kb_runs"][article], KB_RUN_WORDS)
    own = [
        a for a in copied
        if len(covered[a] - set().union(*(covered[b] for b in copied if b != a)))
        >= STUFFED_OWN_WORDS
    ]  # fmt: skip
    return len(own) >= 2


def echo_of(case: Case, action: Action) -> str | None:
    """The customer's words this message repeats (a run of `ECHO_RUN_WORDS`), else None.

    Not (2.15) the aligned share (`customer_borrowed`): a restatement that gives the
    customer's words back with the pronouns turned ("Dus als ik het goed begrijp: op de
    computer onder uw bureau brandt een wit lampje") is one, for COM-4 (the scripted banks'
    COM-4 fell on verhaeghe with it, benchmarks/README.md, evid24)."""
    mine = words(action.text or "")
    runs = _runs(mine, ECHO_RUN_WORDS)
    if not runs:
        return None
    for said in case.customer_said_before(action.seq):
        theirs = words(said)
        shared = runs & _runs(theirs, ECHO_RUN_WORDS)
        if shared:
            return " ".join(theirs)
    return None


BORROWED_SHARE = 0.5
"""A message with this share of its words or more in runs pasted from the knowledge base or given
back from the customer's own messages is mostly borrowed: it earns no personal calming (COM-6)."""


def borrowed_share(ctx: Context, case: Case, action: Action) -> float:
    """The share of a message's words that are in a run of `KB_RUN_WORDS` words of an article
    or of `ECHO_RUN_WORDS` words of what the customer said before it, or (2.15) in a clause of
    an article's passage (`aligned_clauses`) (0.0 for no words)."""
    text = action.text or ""
    mine = words(text)
    if not mine:
        return 0.0
    covered: set[int] = set()
    if kb_copies(ctx, text):
        for article in kb_copies(ctx, text):
            covered |= _covered(mine, ctx.cache["kb_runs"][article], KB_RUN_WORDS)
    theirs: set[tuple[str, ...]] = set()
    for said in case.customer_said_before(action.seq):
        theirs |= _runs(words(said), ECHO_RUN_WORDS)
    covered |= _covered(mine, theirs, ECHO_RUN_WORDS)
    from_kb = aligned_clauses(ctx, case, action)[0]
    aligned = sum(
        len(words(c))
        for c in from_kb
        if not kb_copies(ctx, c) and _runs(words(c), ECHO_RUN_WORDS).isdisjoint(theirs)
    )
    return min(1.0, (len(covered) + aligned) / len(mine))


def own_sentences(ctx: Context, case: Case, action: Action) -> list[str]:
    """The message's sentences in the candidate's own words: not stock (`personal_sentences`),
    not pasted from an article (a KB run, or (2.15) a clause of a passage that is the article's
    words in their order with short words put between, dropped or turned: `aligned_clauses`)
    and not the customer's words given back (an echo run); none at all when the message is
    mostly borrowed (`BORROWED_SHARE`). The customer's words in their order with the pronouns
    turned take a sentence only where something is asked of it or told by it (`own_telling`):
    a restatement gives the customer's words back a piece at a time ("en u bewaart alles sinds
    2009 en met de scans als bijlage"), and calms as one (the scripted banks' COM-6 fell on
    lindeveld and verhaeghe when it did not, benchmarks/README.md, evid24)."""
    if borrowed_share(ctx, case, action) >= BORROWED_SHARE:
        return []
    theirs: set[tuple[str, ...]] = set()
    for said in case.customer_said_before(action.seq):
        theirs |= _runs(words(said), ECHO_RUN_WORDS)
    from_kb = aligned_clauses(ctx, case, action)[0]
    return [
        s
        for s in personal_sentences(ctx, action)
        if not kb_copies(ctx, s)
        and _runs(words(s), ECHO_RUN_WORDS).isdisjoint(theirs)
        and from_kb.isdisjoint(_CLAUSE.split(s))
    ]


def own_telling(ctx: Context, case: Case, action: Action) -> list[str]:
    """(2.15) `own_sentences` without those that hold a clause of the customer's own words in
    their order (`aligned_clauses`), and none when such clauses and the borrowed runs make most
    of the message (`BORROWED_SHARE`): the case's answer told and the question that drew a
    fact (2.10's engagement) are not the customer's "Op kassa staat 'Printerfout: snijmes'"
    given back, which tells and asks them nothing they had not said."""
    theirs = aligned_clauses(ctx, case, action)[1]
    mine = words(action.text or "")
    given = sum(len(words(c)) for c in theirs)
    if mine and borrowed_share(ctx, case, action) + given / len(mine) >= BORROWED_SHARE:
        return []
    return [
        s for s in own_sentences(ctx, case, action) if theirs.isdisjoint(_CLAUSE.split(s))
    ]  # fmt: skip


# ---------------------------------------------------------------------- borrowed text (2.15)


BORROWED_SHARE_ALIGNED = 0.8
"""(2.15) A sentence whose content words (`content_words.content_sequence`: no short or stop
words, compared on their stems) are found in this share or more, in their order, in one stretch
of an article or of what the customer had said is borrowed from it, whatever short words were
put between them, dropped or turned ("so", "yes", "dus", "donc", my -> your). Measured on every
scripted bank and cheater (benchmarks/bench_borrowed.py, benchmarks/README.md "Borrowed text
with inserted words (branch evid24)"). (2.21) In any order, each word by its lemma's stem
(`aligned_share`, `_lemma_stems`; re-measured in "Steps told as descriptions (branch evid32)")."""
BORROWED_MIN_WORDS = 5
"""A sentence needs this many content words to be measured: "Is the printer on?" shares its
two with every customer who has a printer."""
WINDOW_SLACK = 0.5
"""The stretch of the source a sentence of n content words is aligned with is n * 1.5 words
long: the words a borrower dropped, and no more (a long article holds any few words in order)."""


def aligned_share(mine: str, source: str) -> float:
    """(2.21) How much of `mine` (a string of one character per content stem, `_coded_words`)
    the best stretch of `source` holds, over the length of `mine`: each of its stems counted as
    often as the stretch holds it, in whatever order (`_held`). 2.15 read the stems in their
    order (rapidfuzz's LCS), 2.20 each piece in its order and the pieces in any order; both are
    special cases of this reading, which cannot be lower than either: the stretch's length, not
    the order, keeps an operator's own sentence that shares a few of an article's words theirs."""
    return aligned_at(mine, source)[0]


def _width(m: int) -> int:
    """The stretch of a source a clause of `m` stems is read in: its length and half again."""
    return m + int(m * WINDOW_SLACK)


def aligned_at(mine: str, source: str) -> tuple[float, int]:
    """`aligned_share` and where in `source` its best stretch starts: every stretch of `width`
    stems (the clause's and half again, `WINDOW_SLACK`) read once, sliding a stem at a time."""
    m = len(mine)
    if not m:
        return 0.0, 0
    width = _width(m)
    need = Counter(mine)
    have: Counter[str] = Counter()
    held = best = at = 0
    for end, ch in enumerate(source):
        held += _held(need, have, ch, 1)
        if end >= width:
            held += _held(need, have, source[end - width], -1)
        if held > best:
            best, at = held, max(0, end - width + 1)
            if best == m:
                break
    return best / m, at


def _held(need: Counter[str], have: Counter[str], ch: str, step: int) -> int:
    """(2.21) How many of the clause's stems the stretch holds more (1), fewer (-1) or as many (0)
    once `ch` comes in (`step` 1) or goes out (-1): a stem counts as often as both hold it, so
    a clause that says "router" twice is not found twice in one "router" of the article (the
    borrowed steps told as descriptions, verb last, of the blind cheater `usher`,
    benchmarks/README.md "Steps told as descriptions (branch evid32)")."""
    if ch not in need:
        return 0
    before = have[ch]
    have[ch] = before + step
    return int(min(have[ch], need[ch]) - min(before, need[ch]))


def _content_code(ctx: Context, text: str) -> str:
    """A text's content stems in order, one character per stem (`_coded`'s code), kept per text:
    every clause is aligned with every article, so an article is read once, not per clause."""
    known: dict[str, str] = ctx.cache.setdefault("content_codes", {})
    if text not in known:
        known[text] = _coded_words(ctx, _lemma_stems(ctx, text))
    return known[text]


def _lemma_stems(ctx: Context, text: str, named: bool = False) -> tuple[str, ...]:
    """(2.21) The text's content words (2.15's `content_sequence`: no short or stop words) in
    order, each read by its lemma's stem ("typing", "types" -> "type"; "klikt", "klik" ->
    "klikken"; "cliquez", "cliquer" -> "cliquer"); with `named`, the customers' names left out
    (`_named_away`). A step turned into a description changes its verb's form ("the code needs
    typing in", "de bedoeling is dat u op ... klikt", "est à cliquer"), not its lemma."""
    names = _customer_names(ctx) if named else frozenset()
    lang = ctx.text_lang
    return tuple(
        lemma(w, lang)[:STEM_LENGTH]
        for w in content_words(text)
        if content_sequence(w, lang) and w[:STEM_LENGTH] not in names
    )


def _coded_words(ctx: Context, seq: Iterable[str]) -> str:
    """Content stems as one character each, the same character for the same stem in a log."""
    code: dict[str, str] = ctx.cache.setdefault("content_code", {})
    return "".join(code.setdefault(w, chr(0x100 + len(code) % 0x10FE00)) for w in seq)


def _stem_set(ctx: Context, text: str) -> frozenset[str]:
    known: dict[str, frozenset[str]] = ctx.cache.setdefault("content_sets", {})
    if text not in known:
        known[text] = frozenset(_content_code(ctx, text))
    return known[text]


def borrowed_from(ctx: Context, sentence: str, sources: Iterable[str]) -> tuple[float, str]:
    """(2.15) The highest `aligned_share` of the sentence in one of the texts, and that text
    ((0.0, "") when the sentence has fewer than `BORROWED_MIN_WORDS` content words). A text
    that holds too few of the sentence's distinct stems to reach the share is not aligned."""
    mine = _content_code(ctx, sentence)
    if len(mine) < BORROWED_MIN_WORDS:
        return 0.0, ""
    wanted = set(mine)
    best: tuple[float, str] = (0.0, "")
    for text in sources:
        if len(wanted & _stem_set(ctx, text)) >= BORROWED_SHARE_ALIGNED * len(wanted):
            best = max(best, (aligned_share(mine, _content_code(ctx, text)), text))
    return best


def kb_borrowed(ctx: Context, sentence: str) -> float:
    """(2.15) `borrowed_from` the knowledge base's articles (kept per sentence)."""
    if ctx.scenario is None:
        return 0.0
    known = ctx.cache.setdefault("kb_borrowed", {})
    if sentence not in known:
        known[sentence] = borrowed_from(ctx, sentence, (a.body for a in ctx.scenario.kb))[0]
    return known[sentence]


def customer_wrote(case: Case, action: Action) -> tuple[str, ...]:
    """(2.15) What the case's customer had said or written before the action: their messages
    in its conversations and their e-mails (the description of a ticket that came in by
    e-mail or stood in the queue, its chases; not a ticket the candidate wrote)."""
    mails = [
        text
        for t in case.tickets
        for text in (
            [t.description] if t.source != "candidate" and t.created_at <= action.at else []
        )
        + [text for at, text in t.customer_mails if at < action.at]
    ]
    return (*case.customer_said_before(action.seq), *mails)


WOVEN_SHARE = 0.9
"""(2.22) A clause whose content stems are, this share of them or more, the article's (its best
stretch, 2.21's bag) and, for the rest, words the customer had said anywhere in the contact, the
article giving at least as many as the customer's words add, is borrowed from the article: the
customer's own words woven between an article's steps (the blind cheater `broker`) are no
operator's words. A competent operator's one step quoted with the customer's things in it reads
as high (benchmarks/README.md "The customer's words woven in (branch evid35)": 111 competent
clauses at 0.9 or more); 2.15's passage (`KB_PASSAGE_CLAUSES` such clauses in a message) is what
tells the woven list from it. 0.85 moved naive's COM-5 on verhaeghe; 0.9 moved only broker's."""


def woven_borrowed(ctx: Context, case: Case, sentence: str, action: Action) -> float:
    """(2.22) The share of the clause's content stems (`_content_code`) read in one source made of
    two: the best stretch of an article (2.21's `aligned_at`) and, for the stems that stretch does
    not hold, everything the customer had said or written before (`customer_wrote`), as one bag.
    0.0 when the customer's words alone give `BORROWED_SHARE_ALIGNED` of the clause (their words
    given back, 2.15's `customer_borrowed`, a few of them also the article's: worded-h's
    restatement on northwind), when the article gives fewer of it than the customer's words add,
    when no article can reach `WOVEN_SHARE` with them, or the clause is too short to measure."""
    mine = _content_code(ctx, sentence)
    if len(mine) < BORROWED_MIN_WORDS or ctx.scenario is None:
        return 0.0
    theirs = _customer_stems(ctx, case, action)
    if sum(1 for ch in mine if ch in theirs) >= BORROWED_SHARE_ALIGNED * len(mine):
        return 0.0
    width = _width(len(mine))
    wanted = set(mine)
    not_theirs = wanted - theirs
    by_stem = _articles_by_stem(ctx)
    held = Counter(place for ch in not_theirs for place in by_stem.get(ch, ()))
    kb = ctx.scenario.kb
    # an article that holds none of the stems the customer does not give reaches the share
    # only when the customer's words alone nearly do: then every article is read, as before
    every = len(wanted) - len(not_theirs) >= WOVEN_SHARE * len(wanted)
    best = 0.0
    for place in range(len(kb)) if every else sorted(held):
        outside = len(not_theirs) - held[place]  # len(not_theirs - the article's stems)
        if len(wanted) - outside < WOVEN_SHARE * len(wanted):
            continue
        source = _content_code(ctx, kb[place].body)
        share, at = aligned_at(mine, source)
        left = Counter(mine) - Counter(source[at : at + width])
        extra = sum(n for ch, n in left.items() if ch in theirs) / len(mine)
        if share >= extra:
            best = max(best, share + extra)
    return best


def _articles_by_stem(ctx: Context) -> dict[str, tuple[int, ...]]:
    """(2.22) For each content stem of the knowledge base, the articles (their places in
    `scenario.kb`) that hold it; kept for the log. `woven_borrowed` reads every clause of
    every message against every article (15,286 calls on the 100,000-record log, perf22):
    an article can only reach `WOVEN_SHARE` by holding the clause's stems the customer does
    not give, and most articles hold none of them."""
    if "articles_by_stem" not in ctx.cache:
        by: dict[str, list[int]] = {}
        for place, article in enumerate(ctx.scenario.kb if ctx.scenario is not None else ()):
            for stem in _stem_set(ctx, article.body):
                by.setdefault(stem, []).append(place)
        ctx.cache["articles_by_stem"] = {stem: tuple(places) for stem, places in by.items()}
    return ctx.cache["articles_by_stem"]


def _customer_stems(ctx: Context, case: Case, action: Action) -> frozenset[str]:
    """(2.22) Every content stem of what the customer had said or written before the action
    (`customer_wrote`), kept per message: each of its clauses is read against the same words."""
    known: dict[int, frozenset[str]] = case.cache.setdefault("customer_stems", {})
    if action.seq not in known:
        texts = customer_wrote(case, action)
        known[action.seq] = frozenset().union(*(_stem_set(ctx, t) for t in texts))
    return known[action.seq]


def customer_borrowed(ctx: Context, case: Case, sentence: str, action: Action) -> tuple[float, str]:
    """(2.15) `borrowed_from` what the case's customer had said or written (`customer_wrote`)."""
    return borrowed_from(ctx, sentence, customer_wrote(case, action))


_CLAUSE = re.compile(r"[:;]\s+")


def clauses(text: str) -> list[str]:
    """The text's sentences, each cut after a colon or semicolon: "Here is what will fix it:
    <the article's step>" is a frame of one's own and a borrowed clause."""
    return [c for s in sentences(text) for c in _CLAUSE.split(s) if c.strip()]


KB_PASSAGE_CLAUSES = 2
"""(2.15) A message holds a passage of an article when this many of its clauses or more are the
article's words in their order: one step quoted ("Meteen: geen enkele melding meer goedkeuren,
nu haar wachtwoord wijzigen") is an operator choosing the step for this customer, as the
scripted banks do (their COM-6 fell on verhaeghe when one counted); the article's list, step
after step, is the article."""


def aligned_clauses(ctx: Context, case: Case, action: Action) -> tuple[frozenset[str], ...]:
    """(2.15) The message's clauses that are an article's words in their order (only when
    `KB_PASSAGE_CLAUSES` or more are) and those that are the customer's (kept per message).
    Clauses too short to measure are read with the ones after them (`_chunks`): an article's
    list, one short step a sentence, is a passage too. (2.19) And the message's steps of the
    contact's passage (`contact_passage`): an article read out a step a message is a passage
    spread over the messages."""
    kb, theirs = _message_aligned(ctx, case, action)
    spread = frozenset(c for seq, c in contact_passage(ctx, case) if seq == action.seq)
    return (kb | spread, theirs)


def _message_aligned(ctx: Context, case: Case, action: Action) -> tuple[frozenset[str], ...]:
    """(2.15) `aligned_clauses` read in the message alone."""
    known = case.cache.setdefault("aligned_clauses", {})
    if action.seq not in known:
        chunks = _text_chunks(ctx, action.text or "")
        borrowed = [
            c
            for c in chunks
            if kb_borrowed(ctx, " ".join(c)) >= BORROWED_SHARE_ALIGNED
            or woven_borrowed(ctx, case, " ".join(c), action) >= WOVEN_SHARE
        ]
        kb = [c for chunk in borrowed for c in chunk]
        steps = sum(max(len(chunk), _steps_spanned(ctx, " ".join(chunk))) for chunk in borrowed)
        theirs = [
            c
            for chunk in chunks
            if customer_borrowed(ctx, case, " ".join(chunk), action)[0] >= BORROWED_SHARE_ALIGNED
            for c in chunk
        ]
        known[action.seq] = _clause_sets(kb if steps >= KB_PASSAGE_CLAUSES else (), theirs)
    return known[action.seq]


_NO_CLAUSES: frozenset[str] = frozenset()
_NOTHING_ALIGNED = (_NO_CLAUSES, _NO_CLAUSES)


def _clause_sets(kb: Iterable[str], theirs: Iterable[str]) -> tuple[frozenset[str], ...]:
    """The two sets `_message_aligned` keeps per message, the empty ones shared: most
    messages align with nothing, and each empty frozenset is 216 bytes of its own (10 MB of
    the padded 200,000-record review's peak, perf20)."""
    pair = (frozenset(kb) or _NO_CLAUSES, frozenset(theirs) or _NO_CLAUSES)
    return _NOTHING_ALIGNED if pair == _NOTHING_ALIGNED else pair


STEP_STEMS = 3
"""(2.21) A clause of the article gives a borrowed clause this many of its stems or more to count
as one of the article's steps in it (`_steps_spanned`)."""


_WRAPPED = re.compile(r"[ \t]*\n(?![ \t]*(?:\d+[.)]\s|[-*+#>]|\n))[ \t]*")
"""A line break inside a paragraph or a list item (not before a list item, heading, quote or
blank line): the article's source wraps its sentences, its steps do not end there."""


SPANNED_STEPS = 3
"""(2.21) A long clause counts as the article's steps it spans only when they are this many or
more: two of an article's sentences told as one ("Alle afdrukken gaan naar de volg-mij-wachtrij
en komen pas uit de printer als ze zich aanmeldt", the scripted `naive`'s answer on verhaeghe)
are an explanation quoted, as one step is (naive's COM-6 there fell with two)."""


def _steps_spanned(ctx: Context, text: str) -> int:
    """(2.21) How many of an article's clauses (its sentences and list items, cut at colons and
    semicolons: its steps) give the borrowed text `STEP_STEMS` of its stems or more, in the
    article's stretch it is found in, when they are `SPANNED_STEPS` or more; else 1, and 1 for a
    text too short to hold two steps (under twice `BORROWED_MIN_WORDS` content words). An
    article's whole list told in one clause, with no punctuation between the steps, is the
    article's passage as the same steps one a sentence are; one step quoted stays one step."""
    mine = _content_code(ctx, text)
    if len(mine) < 2 * BORROWED_MIN_WORDS or ctx.scenario is None:
        return 1
    share, body = borrowed_from(ctx, text, (a.body for a in ctx.scenario.kb))
    if share < BORROWED_SHARE_ALIGNED:
        return 1
    source, owner = _article_steps(ctx, body)
    _, at = aligned_at(mine, source)
    need = Counter(mine)
    given: Counter[int] = Counter()
    for pos in range(at, min(len(source), at + _width(len(mine)))):
        if need[source[pos]] > 0:
            need[source[pos]] -= 1
            given[owner[pos]] += 1
    spanned = sum(1 for n in given.values() if n >= STEP_STEMS)
    return spanned if spanned >= SPANNED_STEPS else 1


def _article_steps(ctx: Context, body: str) -> tuple[str, tuple[int, ...]]:
    """(2.21) An article's content stems coded as `_content_code` codes them, with the number
    of the step (its clause, line wraps read away) each stem is in; kept per article."""
    known: dict[str, tuple[str, tuple[int, ...]]] = ctx.cache.setdefault("article_steps", {})
    if body not in known:
        parts = [_content_code(ctx, c) for c in clauses(_WRAPPED.sub(" ", body))]
        owner = tuple(k for k, part in enumerate(parts) for _ in part)
        known[body] = ("".join(parts), owner)
    return known[body]


def _text_chunks(ctx: Context, text: str) -> tuple[tuple[str, ...], ...]:
    """`_chunks` of the text's `clauses`, kept per text: a message is cut once, though both
    its own reading (`_message_aligned`) and its contact's (`_contact_reading`) read it, and
    the same stock sentence is cut once for every customer it was sent to."""
    known: dict[str, tuple[tuple[str, ...], ...]] = ctx.cache.setdefault("text_chunks", {})
    if text not in known:
        known[text] = tuple(tuple(chunk) for chunk in _chunks(ctx, clauses(text)))
    return known[text]


def _chunks(ctx: Context, parts: list[str]) -> list[list[str]]:
    """(2.15) The clauses to measure: one that holds `BORROWED_MIN_WORDS` content words alone,
    and consecutive shorter ones together once they do (what is left short is not measured).
    A long clause is never read with a short one before it: "Guido, dit zou het moeten
    oplossen" is the operator's, the step after it the article's."""
    chunks: list[list[str]] = []
    short: list[str] = []
    for part in parts:
        if len(_content_code(ctx, part)) >= BORROWED_MIN_WORDS:
            chunks += [short, [part]] if short else [[part]]
            short = []
            continue
        short.append(part)
        if len(_content_code(ctx, " ".join(short))) >= BORROWED_MIN_WORDS:
            chunks.append(short)
            short = []
    return [c for c in chunks + [short] if c]


# ---------------------------------------------------------------------- a contact read whole (2.19)


CONTACT_ARTICLE_SHARE = 0.5
"""(2.19) A contact whose candidate text is this share or more one article's steps (2.20: in
whatever order, `contact_reading`) is the article read out, a step a message: its steps are no
own sentences. Measured on every scripted bank and cheater (benchmarks/bench_contact.py,
benchmarks/README.md "A contact read against its article (branch evid28)")."""


@dataclass(frozen=True, slots=True)
class ContactReading:
    """The article a contact's candidate text follows most, and how much of the text it is.

    `steps` are the (seq, clause) pairs that are the article's words in order (2.15's aligned
    reading, clause by clause; 2.20: in whatever order they came); `words` their
    content words; `of` the content words of everything the candidate wrote or said on the
    contact (stock sentences and the customers' names left out: the frames and fillers);
    `messages` how many messages the steps came in."""

    article: str
    steps: frozenset[tuple[int, str]]
    words: int
    of: int
    messages: int

    @property
    def share(self) -> float:
        return self.words / self.of if self.of else 0.0


def contact_reading(ctx: Context, case: Case) -> ContactReading | None:
    """(2.19) The article whose steps (2.20: in any order) make most of what the candidate wrote or
    said on the case's contact (over all its messages), or None (no clause is an article's)."""
    if "contact_reading" not in case.cache:
        case.cache["contact_reading"] = _contact_reading(ctx, case)
    return case.cache["contact_reading"]


def _contact_reading(ctx: Context, case: Case) -> ContactReading | None:
    if ctx.scenario is None:
        return None
    placed: dict[str, list[tuple[int, tuple[str, ...], int]]] = {}
    others: dict[int, list[str]] = {}
    for action in case.said():
        if action.data.get("canned_id"):
            continue
        theirs = _message_aligned(ctx, case, action)[1]
        said = (" ".join(customer_wrote(case, action)),)
        asked = {c for q in sentences(action.text or "") if "?" in q for c in _CLAUSE.split(q)}
        for chunk in _text_chunks(ctx, action.text or ""):
            text = " ".join(chunk)
            given = theirs.intersection(chunk) or _given_back(ctx, text, said)
            places = [] if given else _kb_places(ctx, text)
            for article, _ in places:
                size = len(_named_away(ctx, text))
                placed.setdefault(article, []).append((action.seq, chunk, size))
            others.setdefault(action.seq, []).extend(c for c in chunk if c not in asked)
    best: ContactReading | None = None
    for article, found in placed.items():  # 2.20: the steps in whatever order they came
        words_in = sum(size for _, _, size in found)
        if best is None or words_in > best.words:
            steps = frozenset((seq, c) for seq, chunk, _ in found for c in chunk)
            rest = sum(
                _own_content(ctx, c)
                for seq, cs in others.items()
                for c in cs
                if (seq, c) not in steps
            )
            seqs = {seq for seq, _, _ in found}
            best = ContactReading(article, steps, words_in, words_in + rest, len(seqs))
    return best


def _given_back(ctx: Context, text: str, said: tuple[str, ...]) -> bool:
    """(2.20) The text is what the customer had said, read as one text (their messages in
    order): a restatement that gives back words of two of their messages ("In de app Camera en
    alleen zwart; en lampje: naast, camera, brandt, klein") is theirs, not an article's step,
    though the article says the same (the worded banks' restatement on lindeveld's black camera
    was read as its article's steps when a contact's steps were read in any order)."""
    return borrowed_from(ctx, text, said)[0] >= BORROWED_SHARE_ALIGNED


def _kb_places(ctx: Context, text: str) -> list[tuple[str, int]]:
    """(2.19) The articles of which the text is the words in order (`BORROWED_SHARE_ALIGNED`,
    2.15's measure, the customers' names read away: a name put in every few words is a filler),
    with where in each it lies (kept per text)."""
    known = ctx.cache.setdefault("kb_places", {})
    if text not in known:
        mine = _coded_words(ctx, _lemma_stems(ctx, text, named=True))
        found = []
        if len(mine) >= BORROWED_MIN_WORDS and ctx.scenario is not None:
            wanted = set(mine)
            for article in ctx.scenario.kb:
                if len(wanted & _stem_set(ctx, article.body)) < BORROWED_SHARE_ALIGNED * len(
                    wanted
                ):
                    continue
                share, at = aligned_at(mine, _content_code(ctx, article.body))
                if share >= BORROWED_SHARE_ALIGNED:
                    found.append((article.id, at))
        known[text] = found
    return known[text]


def _customer_names(ctx: Context) -> frozenset[str]:
    """The stems of the customers' names: a name put in every few words is no content."""
    if "contact_names" not in ctx.cache:
        ctx.cache["contact_names"] = frozenset(
            w[:STEM_LENGTH]
            for c in ctx.state.customers.values()
            for w in (*name_words(c.name), *words(c.name))
        )
    return ctx.cache["contact_names"]


def _named_away(ctx: Context, text: str) -> tuple[str, ...]:
    """The text's content words (2.15's `content_sequence`), the customers' names left out."""
    names = _customer_names(ctx)
    return tuple(w for w in content_sequence(text, ctx.text_lang) if w not in names)


FRAME_RUN = 3
"""(2.19) Runs of this many content words (names left out) said to `TEMPLATE_CUSTOMERS`
customers or more are a frame's words ("Next one, {first}: ...", "Pour votre ticket sur ...")."""


def _frame_words(ctx: Context) -> set[tuple[str, ...]]:
    """(2.19) The runs of `FRAME_RUN` content words the candidate said to `TEMPLATE_CUSTOMERS`
    customers or more: frames and fillers, whatever slot they were filled with."""
    if "contact_frames" not in ctx.cache:
        by: dict[tuple[str, ...], set[str]] = {}
        runs_of: dict[str, set[tuple[str, ...]]] = {}  # a text sent to many: read once
        for text, who in dict.fromkeys((text, who) for _, text, who in _own_words(ctx)):
            if text not in runs_of:
                runs_of[text] = {
                    run
                    for part in clauses(text)
                    for run in _runs(_named_away(ctx, part), FRAME_RUN)
                }
            for run in runs_of[text]:
                by.setdefault(run, set()).add(who)
        ctx.cache["contact_frames"] = {r for r, who in by.items() if len(who) >= TEMPLATE_CUSTOMERS}
    return ctx.cache["contact_frames"]


def _own_content(ctx: Context, text: str) -> int:
    """(2.19) The text's content words (names left out) that are in no frame (`_frame_words`),
    kept per text: a contact's reading counts its clauses again for each article that reads more
    of it than the one before, and the same clause is sent to many customers."""
    known: dict[str, int] = ctx.cache.setdefault("own_content", {})
    if text not in known:
        mine = _named_away(ctx, text)
        known[text] = len(mine) - len(_covered(mine, _frame_words(ctx), FRAME_RUN))
    return known[text]


CONTACT_STEPS = KB_PASSAGE_CLAUSES
"""(2.19) Steps (clauses that are the article's words) a contact needs, in two messages or more,
for its reading to count: one step quoted stays the operator's, as in one message (2.15)."""


def contact_passage(ctx: Context, case: Case) -> frozenset[tuple[int, str]]:
    """(2.19) The (seq, clause) pairs of the contact's article passage: the steps of
    `contact_reading` when they are `CONTACT_STEPS` or more, over two messages or more, and
    `CONTACT_ARTICLE_SHARE` of the contact's text or more; else none. An article read out a step
    a message, a frame and a check around each, is the article's passage spread over messages,
    as two of its clauses in one message are (2.15)."""
    reading = contact_reading(ctx, case)
    if (
        reading is None
        or len(reading.steps) < CONTACT_STEPS
        or reading.messages < 2
        or reading.share < CONTACT_ARTICLE_SHARE
    ):
        return frozenset()
    return reading.steps


# ---------------------------------------------------------------------- wrong recipient


@dataclass(frozen=True, slots=True)
class WrongRecipient:
    action: Action
    case: Case
    other: Case
    named: str


def wrong_recipients(ctx: Context) -> list[WrongRecipient]:
    """Messages to one case's customer that name another case's customer, ticket or fact.

    A full name, a ticket id or a distinctive fact (a code, a number) of
    another case anywhere in the message; another customer's first name only
    where a message addresses someone (its first `ADDRESS_WORDS` words: "Hi
    Tom"), since a first name alone also turns up in articles and examples.
    """
    if "wrong" in ctx.cache:
        return ctx.cache["wrong"]
    marks = {case.id: _marks(ctx, case) for case in ctx.cases}
    every_anywhere = set().union(*(anywhere for anywhere, _ in marks.values()))
    every_addressed = set().union(*(addressed for _, addressed in marks.values()))
    lengths = {len(m) for m in every_anywhere | every_addressed}
    found = []
    read: dict[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]] | None] = {}
    for case in ctx.cases:
        own = marks[case.id][0] | marks[case.id][1]
        for action in case.said():
            text = action.text or ""
            if text not in read:  # a phrase sent again (to any case) is read once
                read[text] = _named_grams(text, lengths, every_anywhere, every_addressed)
            named = read[text]
            if named is None:
                continue
            grams, head = named
            addressee = _addressee_named(head, marks[case.id][1], action.text or "", ctx)
            for other in ctx.cases:
                if other is case or other.customer_id == case.customer_id:
                    continue
                anywhere, addressed = marks[other.id]
                hit = next((m for m in anywhere - own if m in grams), None) or next(
                    (m for m in addressed - own if m in head and addressee(m)), None
                )
                if hit is not None:
                    found.append(WrongRecipient(action, case, other, " ".join(hit)))
                    break
    ctx.cache["wrong"] = found
    return found


def _named_grams(
    text: str,
    lengths: set[int],
    every_anywhere: set[tuple[str, ...]],
    every_addressed: set[tuple[str, ...]],
) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]] | None:
    """The message's runs of words (all, and at its head), or None when it names no case.

    Most messages name no case at all: one set look-up each, not one scan per other case
    and mark (that scan was most of `report`'s time on a long log). A function of the text
    alone within one `wrong_recipients` (perf19: 24,000 messages of 3,100 texts in a
    padded 200,000-record log)."""
    text_words = name_words(text)
    grams = _grams(text_words, lengths)
    head = _grams(text_words[:ADDRESS_WORDS], lengths)
    if grams.isdisjoint(every_anywhere) and head.isdisjoint(every_addressed):
        return None
    return grams, head


ADDRESS_WORDS = 3


def _addressee_named(
    head: set[tuple[str, ...]], own_first: set[tuple[str, ...]], text: str, ctx: Context
) -> Callable[[tuple[str, ...]], bool]:
    """Does a first name at the head of a message name whom it addresses?

    Not when the message already addresses its own customer by name ("Nathalie,
    bonjour, Didier à l'appareil": the other name is the operator's), nor when the
    layer reads the name as part of a greeting, the operator introducing themselves
    ("Didier à l'appareil", "Didier speaking"). A sixth bank's operator named Didier
    lost DATA-2 and COM-1 on fr-haute-meuse, where a customer is called Didier
    (e-worded6)."""
    if own_first & head:
        return lambda name: False

    @cache
    def greeting() -> frozenset[str]:
        # read only when another customer's first name is at the head: `mark_cases` runs
        # before the worker's analyses are met (tests/assess/test_prime.py)
        return frozenset(
            word
            for match in language.analyse(text, ctx.state.language or "en").matches
            if match.kind == "greeting"
            for word in name_words(" ".join(match.words))
        )

    return lambda name: not set(name) <= greeting()


def _marks(ctx: Context, case: Case) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """What only this case's messages should name: anywhere (full name, tickets, codes), and
    where a message addresses its reader (the first name)."""
    anywhere: set[tuple[str, ...]] = set()
    addressed: set[tuple[str, ...]] = set()
    customer = ctx.state.customers.get(case.customer_id)
    if customer is not None:
        anywhere.add(name_words(customer.name))
        first = name_words(customer.name)[:1]
        if first and len(first[0]) >= NAME_MIN_LENGTH and _unique_first(ctx, first[0]):
            addressed.add(first)
    anywhere |= {words(t.id) for t in case.tickets}
    if case.incident is not None:
        for fact in case.incident.facts:
            anywhere |= {(w,) for w in words(fact.answer) if _distinctive(w)}
    return {m for m in anywhere if m}, {m for m in addressed if m}


def _unique_first(ctx: Context, first: str) -> bool:
    firsts = [name_words(c.name)[:1] for c in ctx.state.customers.values()]
    return sum(1 for f in firsts if f == (first,)) == 1


def _distinctive(word: str) -> bool:
    """A code or number a customer gave (PRN-2-14, 4250): letters and digits, or long digits."""
    digits = sum(c.isdigit() for c in word)
    return digits >= 3 or (digits >= 1 and len(word) >= 4 and any(c.isalpha() for c in word))


def _grams(text_words: tuple[str, ...], lengths: set[int]) -> set[tuple[str, ...]]:
    """Every run of consecutive words of the given lengths: a mark is named in a message
    exactly when it is one of them."""
    return {text_words[i : i + n] for n in lengths for i in range(len(text_words) - n + 1) if n > 0}


def seqs_of(actions: Iterable[Action]) -> list[int]:
    return [a.seq for a in actions]


def mark_cases(ctx: Context) -> None:
    """Tell each case which of its messages cannot be credited as the answer, and why.

    An echo is not among them: a solution may well reuse the customer's words
    ("log off on the pc in the workshop"); `solutions.mere_echo` catches a
    paraphrase that holds nothing else.
    """
    wrong = {w.action.seq for w in wrong_recipients(ctx)}
    for case in ctx.cases:
        judged: dict[int, str] = {}
        for action in case.said():
            if action.seq in wrong:
                judged[action.seq] = "wrong_recipient"
            elif stuffed(ctx, action.text or ""):
                judged[action.seq] = "stuffed"
        case.cache["judged"] = judged


WORDED_ACTS = frozenset({"greeting", "identify", "check", "closing"})
"""Steps said in many ways, that a message shows by its act as well as by the step's patterns."""


def step_acts(step: ProcedureStep, lang: str) -> frozenset[str]:
    """The acts a spoken step's patterns carry, among those a message may show in its own words."""
    if not step.patterns:
        return frozenset()
    return pattern_acts(step.patterns, lang) & WORDED_ACTS


def _greets(ctx: Context, step: ProcedureStep, action: Action, first_name: str | None) -> bool:
    """A greeting of the candidate's own (or the scenario's canned one), not pasted to everyone.

    Addressing the customer by name at the start ("Dear Doris, ...") greets
    them, whatever words go with it: that is the point of greeting by name.
    """
    if not action.text or templated(ctx, action):
        return False
    if action.data.get("canned_id"):
        return shows_plainly(step, action, ctx.text_lang)
    if first_name and first_name in name_words(action.text)[:ADDRESS_WORDS]:
        return True
    for sentence in personal_sentences(ctx, action):
        if "greeting" in acts(sentence, ctx.text_lang) or (
            find_any(step.patterns, sentence, ctx.text_lang)
            and tells_in(step.patterns, sentence, ctx.text_lang)
        ):
            return True
    return False


def _first_name(ctx: Context, customer_id: str) -> str | None:
    customer = ctx.state.customers.get(customer_id)
    first = name_words(customer.name)[:1] if customer is not None else ()
    return first[0] if first and len(first[0]) >= NAME_MIN_LENGTH else None


def greeting_step(step: ProcedureStep, lang: str) -> bool:
    """A spoken step whose patterns are greetings (the procedure's "greet the customer")."""
    return bool(step.patterns) and "greeting" in pattern_acts(step.patterns, lang)


def procedure_reading(ctx: Context, case: Case) -> Shows:
    """How the evidence reads a procedure step in the log, for COM-1 and SOL-1.

    - A greeting counts in a canned greeting or a message of the candidate's
      own (the greeting act: "Hi Tom" is a greeting), never in a template
      sent to several customers.
    - A knowledge-base step counts only for the case's own articles, opened
      outside a scattershot burst.
    - A closing step in a sentence that asks the closing question, not in another act that
      shares its words (`_closes`, rules 2.4).
    - Anything else as written (patterns, events), or by the step's act (`step_acts`).
    """
    lookups = {a.seq for a in credited_lookups(ctx, case)}

    first_name = _first_name(ctx, case.customer_id)

    def shows(step: ProcedureStep, action: Action, lang: str) -> bool:
        if "kb_article_opened" in step.events and action.type == "kb_article_opened":
            return action.seq in lookups
        if greeting_step(step, ctx.text_lang):
            if "greeting" in acts(action.text or "", ctx.text_lang) and (
                "greeting" not in _acts_at(ctx, case, action)
            ):
                return False  # (2.8) "Dag!" at the chat's end takes leave: the closing
            return _greets(ctx, step, action, first_name)
        wanted = step_acts(step, ctx.text_lang)
        if "closing" in wanted:
            return _closes(ctx, case, step, action)
        if shows_plainly(step, action, lang):
            return True
        return bool(wanted) and bool(wanted & _acts_at(ctx, case, action))

    return shows


def _closes(ctx: Context, case: Case, step: ProcedureStep, action: Action) -> bool:
    """(rules 2.4) A closing step is shown by a sentence that asks the closing question, in the
    step's patterns or in the closing act, and is not plainly another act: a clarifying question,
    a restatement's invitation to add, the thanks of a greeting or an empathy sentence before
    anything was proposed (`customers.dialogue.asks_closing`, the customer's reading too).
    Only for closing: an identification or a check asked as a question ("Which team are you
    in?") is still that step."""
    if action.type not in CUSTOMER_FACING or not action.text:
        return action.type in step.events
    place = case.place(action.seq, ctx.text_lang)
    return asks_closing(
        action.text, ctx.text_lang, step.patterns, place.proposed, place.customer_said,
        place.spoke_before,
    )  # fmt: skip


IN_TURN = frozenset({"check", "question", "greeting"})
"""(rules 2.8) Acts a procedure step reads at the message's place in the case, as the customer
does (`in_context.read_at`): "Do you still see the error?" before any step or fix is a
clarifying question, not the check step; "Is it still dropping?" after one is the check; a
bare "Dag!" after the candidate has spoken takes leave (the closing), it greets no more."""


def _acts_at(ctx: Context, case: Case, action: Action) -> set[str]:
    """A step's acts in a message: `IN_TURN` at its place (the raw text, as the customer reads
    it), the others by the message (`wording.acts`, quotes taken off)."""
    text = action.text or ""
    found = set(acts(text, ctx.text_lang))
    if action.type in CUSTOMER_FACING and text:
        turn = case.turn(action.seq, ctx.text_lang)
        at = acts_at(text, ctx.text_lang, *turn, case.customer_said_before(action.seq))
        found = set(steps_at(text, ctx.text_lang, found, at, IN_TURN))
    return found


def wrong_recipient_items(ctx: Context, competency: str) -> list[EvidenceItem]:
    """One item per message meant for someone else (DATA-2: the wrong record; COM-1: the wrong person)."""
    return [
        ctx.item(
            competency, "wrong_recipient",
            ctx.t("wrong.named", customer=ctx.customer_name(w.case.customer_id), named=w.named,
                  other=w.other.title),
            seqs=[w.action.seq], favourable=False,
            figures={"named": w.named, "other_case": w.other.id, "case": w.case.id},
            subject=w.case.id,
        )
        for w in wrong_recipients(ctx)
    ]  # fmt: skip


def resolution_problem(ctx: Context, ticket_id: str, solution: str) -> tuple[str, dict] | None:
    """Why a resolution does not document its case: pasted KB text, or the same text on many tickets."""
    copied = kb_copies(ctx, solution)
    if stuffed(ctx, solution):
        return "data4.why_kb", {"articles": ", ".join(copied[:4])}
    same = _same_resolutions(ctx).get(words(solution), 0)
    if same >= TEMPLATE_CUSTOMERS:
        return "data4.why_template", {"n": same}
    framed = _framed_resolutions(ctx).get(ticket_id, 0)
    if framed >= TEMPLATE_CUSTOMERS:
        return "data4.why_frame", {"n": framed}
    share = _pasted_share(ctx, ticket_id, solution)
    if share >= PASTED_RESOLUTION_SHARE:
        return "data4.why_pasted", {"pct": round(100 * share)}
    if closed_unsolved(ctx, ticket_id):
        return "data4.why_unsolved", {}
    return None


def closed_unsolved(ctx: Context, ticket_id: str) -> bool:
    """(2.11) The ticket was resolved when nothing of a solution had reached its customer.

    A documented resolution states what was done and how it ended, and is true to the log: a
    ticket closed as resolved where the customer was never told any word of the answer key
    (its keywords, an alternative's or any option's, in a sentence that tells, as the
    simulated customer hears a solution: `customers.dialogue.told`), the case was never
    transferred, and the customer never said it works, records a fix that was not given
    (evid21: the blind cheater `forger` closed every ticket as soon as it had asked whether
    it worked, with a short note). Read up to the ticket's last resolution; a case whose
    key has no keywords and no group cannot be read so and is left alone."""
    case = ctx.case_by_ticket.get(ticket_id)
    ticket = ctx.state.tickets.get(ticket_id)
    if case is None or case.incident is None or ticket is None:
        return False
    answer = case.incident.answer
    patterns = _solution_words(case)
    if not patterns and not answer.transfer_group:
        return False
    resolved = [h.seq for h in ticket.history if h.type == "ticket_resolved"]
    if not resolved:
        return False
    until = resolved[-1]
    for action in case.actions:
        if action.seq > until:
            continue
        if action.type == "ticket_transferred":
            return False
        if action.type in CUSTOMER_FACING and action.text and _tells_solution(case, action):
            return False
    return not _confirmed(case, until)


def _confirmed(case: Case, until: int) -> bool:
    """(2.13) Did the customer say the fix works, before the resolution, in answer to a message
    that asked whether it works or put a step, a fix or the key's solution to them
    (`in_context.confirms_fix`: "Let me try... it connects!", "Top, het werkt terug", "Ça
    remarche")? Before 2.13 only the simulated customer's own line counted ("Yes, it works now.
    Thank you!"), so a scenario author's wording of the same confirmation (a dialogue rule's
    reply) did not. Elsewhere their words describe the problem ("Wayne Crossley, Planned
    Works.", "It worked on Thursday.", "working from home")."""
    said = case.said()
    theirs = [
        (m.seq, m.text) for c in case.conversations for m in c.messages if m.author == "customer"
    ]
    heard = [text for seq, text in theirs if seq < until and _answers_a_check(case, said, seq)]
    for ticket in case.tickets:
        for at, text in ticket.customer_mails:
            before = [a for a in said if a.at < at]
            if before and _asks_or_proposes(case, before[-1]):
                heard.append(text)
    return any(confirms_fix(text or "", case.language) for text in heard)


def _answers_a_check(case: Case, said: list[Action], seq: int) -> bool:
    before = [a for a in said if a.seq < seq]
    return bool(before) and _asks_or_proposes(case, before[-1])


def _asks_or_proposes(case: Case, action: Action) -> bool:
    """Did the candidate's message ask whether it works, or put a step, a fix or the key's
    solution to the customer?"""
    text = action.text or ""
    return (
        "check" in acts_in(text, case.language)
        or proposes(text, case.language)
        or _tells_solution(case, action)
    )


def _solution_words(case: Case) -> tuple[str, ...]:
    """The words that show a solution was told: the customer's (`dialogue.solution_patterns`)
    and every option's, fitting or not (which option fits is SOL-8's question, not DATA-4's)."""
    assert case.incident is not None
    found = list(solution_patterns(case.incident))
    for option in case.incident.answer.options:
        found += (f.strip() for k in option.solution_keywords for f in k.split("|") if f.strip())
    return tuple(dict.fromkeys(found))


def _tells_solution(case: Case, action: Action) -> bool:
    seen = case.cache.setdefault("tells_solution", {})
    if action.seq not in seen:
        seen[action.seq] = told(_solution_words(case), action.text or "", case.language) is not None
    return seen[action.seq]


PASTED_RESOLUTION_SHARE = 0.75
"""A resolution with this share of its words or more in runs of one article (`KB_RUN_WORDS`) or
of the ticket's own text and the customer's words (`ECHO_RUN_WORDS`: its title, description,
e-mails, what the customer said in its conversations) says nothing of what was done for this
case (evid14: the article's text with the title in front documented nothing). Not (2.15) the
aligned share: a competent resolution documents the article's fix in the article's words (the
scripted banks' DATA-4 fell on four exams of six with it, benchmarks/README.md, evid24)."""


def _pasted_share(ctx: Context, ticket_id: str, solution: str) -> float:
    mine = words(solution)
    ticket = ctx.state.tickets.get(ticket_id)
    if not mine or ticket is None:
        return 0.0
    covered: set[int] = set()
    for article in kb_copies(ctx, solution):
        covered |= _covered(mine, ctx.cache["kb_runs"][article], KB_RUN_WORDS)
    given = [ticket.title, ticket.description, *(text for _, text in ticket.customer_mails)]
    for conv_id in ticket.conversation_ids:
        conv = ctx.state.conversations.get(conv_id)
        given += [m.text for m in conv.messages if m.author == "customer"] if conv else []
    theirs: set[tuple[str, ...]] = set()
    for text in given:
        theirs |= _runs(words(text or ""), ECHO_RUN_WORDS)
    covered |= _covered(mine, theirs, ECHO_RUN_WORDS)
    return len(covered) / len(mine)


FRAME_SIMILARITY = 0.8
"""(2.9) Two resolutions whose words, with the case's slots read away (`resolution_frame`),
agree on this share or more (rapidfuzz's Indel similarity over words: twice the longest
common subsequence over both lengths) are one frame filled in twice."""
FRAME_MIN_WORDS = 6
"""A frame needs this many words of its own besides the slots: "Solved, see P1." is not one."""
SLOT = "\u00b7"


def resolution_frame(
    ctx: Context,
    solution: str,
    more: list[tuple[str, ...]] | None = None,
    stems: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """(2.9) The resolution's words with what differs from case to case read away: words with a
    digit (ticket ids, times, priorities), KB article ids, the customers' names and the groups'
    names and ids each become one slot; consecutive slots are one. (2.23) `told_frame` adds
    runs (`more`: the articles' titles) and the words of `stems` (the customer's) as slots."""
    slots = ctx.cache.get("frame_slots")
    if slots is None:
        runs: set[tuple[str, ...]] = set()
        if ctx.scenario is not None:
            runs |= {words(a.id) for a in ctx.scenario.kb}
            runs |= {words(g.id) for g in ctx.scenario.groups}
            runs |= {words(g.name) for g in ctx.scenario.groups}
        runs |= {words(g) for g in ctx.state.groups} | {words(n) for n in ctx.state.groups.values()}
        single = {w for c in ctx.state.customers.values() for w in words(c.name)}
        slots = ctx.cache["frame_slots"] = (
            sorted((r for r in runs if len(r) > 1), key=len, reverse=True),
            single | {r[0] for r in runs if len(r) == 1},
        )
    long_runs, single = slots
    mine = list(words(solution))
    out: list[str] = []
    i = 0
    while i < len(mine):
        run = next(
            (r for r in (*(more or ()), *long_runs) if tuple(mine[i : i + len(r)]) == r), None
        )
        slot = (
            run is not None
            or mine[i] in single
            or any(ch.isdigit() for ch in mine[i])
            or mine[i][:STEM_LENGTH] in stems
        )
        if slot and out and out[-1] == SLOT:
            pass
        else:
            out.append(SLOT if slot else mine[i])
        i += len(run) if run is not None else 1
    return tuple(out)


def told_frame(ctx: Context, ticket_id: str, solution: str) -> tuple[str, ...]:
    """(2.23) `resolution_frame` with two more slots: the KB articles' titles (as its ids are)
    and every word whose stem the ticket's customer had said or written in the case. "Karen
    Lloyd reported boardroom / laptops / phone. Talked them through '<title>' (kb-...)
    (network); confirmed." is one frame on every ticket, whichever of the customer's words and
    article fill it (the blind cheater `envoy`); a resolution that says what was done keeps
    its own words (the steps, the finding, how it ended)."""
    titles = ctx.cache.get("title_runs")
    if titles is None:
        kb = ctx.scenario.kb if ctx.scenario is not None else ()
        titles = ctx.cache["title_runs"] = sorted(
            {words(a.title) for a in kb if words(a.title)}, key=len, reverse=True
        )
    case = ctx.case_by_ticket.get(ticket_id)
    theirs = customer_stems(ctx, case) if case is not None else frozenset()
    return resolution_frame(ctx, solution, titles, theirs)


def customer_stems(ctx: Context, case: Case) -> frozenset[str]:
    """(2.23) The content stems of everything the case's customer said or wrote in it: what
    DATA-4's resolution frames and a told step's frame (`substance._told_stems`) read away."""
    if "ticket_customer_stems" not in case.cache:
        texts = [*case.customer_said_before(1 << 62)]
        texts += [t.description for t in case.tickets if t.source != "candidate"]
        texts += [text for t in case.tickets for _, text in t.customer_mails]
        case.cache["ticket_customer_stems"] = frozenset().union(
            *(content_stems(t, ctx.text_lang) for t in texts)
        )
    return case.cache["ticket_customer_stems"]


def _framed_resolutions(ctx: Context) -> dict[str, int]:
    """(2.9) Per ticket, on how many tickets (itself included) its resolution's frame stands:
    the same words around different ids, names, times, articles and groups."""
    if "framed" not in ctx.cache:
        # 2.9's frame decides whether a resolution is long enough to be one; (2.23) the frames
        # are compared with the ticket's customer's words and the articles' titles read away too
        frames = {
            t.id: told_frame(ctx, t.id, t.solution)
            for t in ctx.state.tickets.values()
            if t.solution
            and sum(w != SLOT for w in resolution_frame(ctx, t.solution)) >= FRAME_MIN_WORDS
        }
        # Identical frames are compared once (a cheater's are mostly identical).
        distinct: dict[tuple[str, ...], list[str]] = {}
        for ticket_id, frame in frames.items():
            distinct.setdefault(frame, []).append(ticket_id)
        order = list(distinct)[:FRAMES_COMPARED]
        coded = _coded(order)
        alike: dict[str, int] = {}
        for i, a in enumerate(order):
            found = process.extract(
                coded[i], coded, scorer=Indel.normalized_similarity,
                score_cutoff=FRAME_SIMILARITY, limit=None,
            )  # fmt: skip
            n = sum(len(distinct[order[j]]) for _, _, j in found)
            alike.update(dict.fromkeys(distinct[a], n))
        ctx.cache["framed"] = alike
    return ctx.cache["framed"]


FRAMES_COMPARED = 2_000
"""At most this many distinct frames are compared with each other (in ticket order): a log of
thousands of tickets a candidate made costs the assessment half a second, not minutes."""


def _coded(frames: list[tuple[str, ...]]) -> list[str]:
    """Each frame as a string of one character per word (the same word, the same character), so
    rapidfuzz compares words, not letters, at C speed."""
    code: dict[str, str] = {}
    return [
        "".join(code.setdefault(w, chr(0x100 + len(code) % 0x10FE00)) for w in f) for f in frames
    ]


def _same_resolutions(ctx: Context) -> dict[tuple[str, ...], int]:
    if "resolutions" not in ctx.cache:
        counts: dict[tuple[str, ...], set[str]] = {}
        for ticket in ctx.state.tickets.values():
            if ticket.solution:
                counts.setdefault(words(ticket.solution), set()).add(ticket.id)
        ctx.cache["resolutions"] = {k: len(v) for k, v in counts.items()}
    return ctx.cache["resolutions"]


# ---------------------------------------------------------------------- word lists


_LIST_SEPARATOR = re.compile(r"[,;:]|\b(?:en|and|et|of|or|ou)\b")
WORD_LIST_ITEMS = 4
"""(2.12) A sentence of this many items or more, most of one or two words, is a word list."""
WORD_LIST_SHARE = 0.6


CHECKLIST_ITEMS = 5
"""(2.12) A question sentence of this many list items or more is a checklist."""


def list_items(sentence: str) -> list[tuple[str, ...]]:
    """The sentence's items, split at commas, colons, semicolons and and/en/et/or/of/ou."""
    return [w for part in _LIST_SEPARATOR.split(fold(sentence)) if (w := words(part))]


def checklist(sentence: str) -> bool:
    """(2.12) A sentence of `CHECKLIST_ITEMS` items or more ("what exactly happens, since when,
    do you see an error message, what have you tried already, and are colleagues affected
    too?"): asked as a question it is the intake form, everything asked of everyone, and a
    fact the customer tells in reply was drawn by the form, not by a question about their
    problem (2.10's engagement). A question about the problem asks one thing or two ("What
    does the screen say, and what have you tried?")."""
    return len(list_items(sentence)) >= CHECKLIST_ITEMS


def word_list(sentence: str) -> bool:
    """(2.12) A sentence that lists words with nothing said between them ("toch en versta, goed
    en veel, lawaai en doen"): items of one or two words split by commas and "and", four or
    more, and most of the sentence. It restates no understanding and asks nothing: a customer
    it calms (their restatement rule heard their words) was not calmed by the candidate's
    doing (COM-6), and a fact told in reply was not asked for (2.10's engagement). A
    restatement in sentences ("the scanners in hall 3 drop off since Monday, and restarting
    did not help") has items of its own words and is no list."""
    items = list_items(sentence)
    short = [i for i in items if len(i) <= 2]
    return len(short) >= WORD_LIST_ITEMS and len(short) >= WORD_LIST_SHARE * len(items)
