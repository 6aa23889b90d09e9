"""`clerk`: a seventh cheater, written blind from the published documents only (branch evid29).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies
or the procedures, and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names, their words (as strings), the conversations'
subjects, the tickets with their queue priority, the SLA profile's levels, the knowledge base
(search and articles) and the categories. A clerk does not solve cases, it files them: every
message but the closing question cites the ticket's id as a file number, and whatever comes in (the customer's words,
an article's steps) is filed back *in the other order*. Its strategy, unlike savvy's battery,
lawyer's frames, forger's canned replies and stalling, mimic's filler-spun articles and
second-person echoes, ghost's script dumps and chunked lists and tailor's drip-fed steps and
timed updates, reads the published measures of borrowed text (docs/assessment.md, 2.15: a
clause is the article's or the customer's when 0.8 of its content words are found *in that
order*; 2.12 and 2.15: a question is a battery when its frame, names and the customer's own
words read away, goes to two customers or more) and plays on their boundary:

- **everything filed in the other order**: a sentence is cut at its commas and before its
  conjunctions and prepositions, and its parts are given back last part first ("Restart the
  router, then wait two minutes" -> "Then wait two minutes, restart the router"); one with no
  place to cut is turned round its first word ("The router — restart"). Nothing borrowed keeps
  its words in their order, so no clause reads as the article's or the customer's;
- **the file opened first, the greeting copied**: a ticket is made at the customer's first
  words (title: the subject; description: their message filed the other way round, a middle
  impact and urgency, the category whose name shares most words with theirs and the article's),
  then the customer's own greeting word is said back with their first name, the file number
  and a request for full name and department;
- **one question from the customer's own last noun** ("Re T-1004: and the printer, when did
  that start?"), in one of eight frames, the file number in it so that no two customers get the
  same frame; a second one, from the last noun of their reply, only when the reply told nothing
  new (fewer than three new content words);
- **the reply restated the other way round**: what they told since the question, its clauses
  in reverse order, the persons turned and one synonym per known noun, cut at five words a
  part ("It's" counting two: no run of six of theirs), "For file T-1004, so: ... Is that right?";
- **the whole article at once**: the top KB hit for the customer's most frequent content words
  (searched, opened and linked to the file while they type), the list under its resolution
  heading (else its first list, else its first sentences), every step filed the other way
  round, in one message behind a lead of its own, then "Does it work now?"; when the reply does
  not say it works, the second hit the same way, once;
- **transfers nothing, closes everything with a summary**: the closing question, then the
  ticket resolved ("Summary T-1004: <their first message, filed the other way round>. Given:
  <the first step given>. Article kb-...") and closed, and the chat or call closed;
- **written tickets filed the same way**: taken by queue priority, opened, fields filled where
  empty, the top article opened and linked, one public reply (greeting, the description filed
  the other way round, the steps, "let me know"), resolved and closed with the summary two
  minutes later;
- **never over the customer**: it writes only when the customer has finished typing or
  speaking, half a second later, and never sends a timed status update.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex, passage_text
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate.gaming_clerk_words import EN, WORDS, ClerkWords
from helpdesk_tui.simulate.policy import Action, Policy

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_LIST_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.*)$")
_HEADING = re.compile(r"^\s*#+\s*(.*)$")
_NOUN_MIN = 4
"""Letters a word needs to be taken for a noun of the customer's."""
PART_WORDS = 5
"""A part of the customer's words given back is cut at this many (their six in a row is an echo)."""
MAX_STEPS = 6
"""Steps of an article filed in one answer."""
REPLY_DELAY_S = 0.5
"""After the customer finished typing or speaking: never over them."""
WRITTEN_RESOLVE_AFTER_S = 120.0
"""A written ticket is resolved and closed this long after its reply."""
SILENCE_S = 45.0
"""A customer silent this long after the clerk's message is taken to have nothing to add."""
MAX_TRIES = 2
"""Articles given in one contact (the top hit, then the second)."""


def _crc(text: str) -> int:
    """A stable number for a text (hash() changes between runs)."""
    return zlib.crc32(text.encode("utf-8"))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _content(text: str, words: ClerkWords) -> list[str]:
    """The customer's content words, lower case, in their order."""
    out = []
    for w in _words(text):
        low = w.lower()
        if len(low) >= _NOUN_MIN and low not in words.stop and not low.isdigit():
            out.append(low)
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _parts(sentence: str, words: ClerkWords) -> list[str]:
    """A sentence cut at its commas and before its conjunctions and prepositions."""
    out: list[str] = []
    for piece in re.split(r"[,;:]\s*", sentence.strip().rstrip(".!?…").strip()):
        tokens = piece.split()
        current: list[str] = []
        for token in tokens:
            if current and token.lower().strip("'’") in words.cuts and len(current) >= 2:
                out.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            out.append(" ".join(current))
    return [p for p in out if p.strip()]


def file_backwards(sentence: str, words: ClerkWords) -> str:
    """The sentence's parts in the other order; one part is turned round its first word."""
    parts = _parts(sentence, words)
    if not parts:
        return ""
    if len(parts) == 1:
        tokens = parts[0].split()
        if len(tokens) < 2:
            return parts[0]
        return f"{' '.join(tokens[1:])} — {tokens[0].lower()}"
    return ", ".join(reversed(parts))


def _turn(token: str, words: ClerkWords, swapped: set[str]) -> str:
    """The person turned; the first time a known noun comes, its synonym."""
    low = token.lower()
    if low in words.persons:
        return words.persons[low].strip()
    for prefix in ("j'", "j’", "m'", "m’"):
        if low.startswith(prefix) and prefix[0] + "'" in words.persons:
            return f"vous {token[2:]}"
    bare = low.strip(".,!?;:\"'()")
    if bare in words.synonyms and bare not in swapped:
        swapped.add(bare)
        return words.synonyms[bare]
    return token


def restate_backwards(text: str, words: ClerkWords) -> str:
    """The customer's clauses, last first, persons turned, a synonym a noun, five words a part."""
    swapped: set[str] = set()
    pieces: list[str] = []
    for sentence in reversed(_sentences(text)):
        for part in reversed(_parts(sentence, words)):
            tokens = _at_most(part.split(), PART_WORDS)
            tokens = [_turn(t, words, swapped) for t in tokens]
            if tokens:
                pieces.append(" ".join(tokens))
    return ", ".join(pieces[:6]).strip(" ,")


def _at_most(tokens: list[str], limit: int) -> list[str]:
    """The first tokens holding at most `limit` words, a word being a run of letters or digits
    ("It's" is two: a word split that reads letters counts it so)."""
    out: list[str] = []
    count = 0
    for token in tokens:
        count += len(re.findall(r"[^\W_]+", token))
        if count > limit:
            break
        out.append(token)
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


@dataclass(slots=True)
class Contact:
    """The clerk's file on one chat or call."""

    conversation_id: str
    customer_id: str
    slot: int
    """Which of its wordings this customer gets (rotated over the customers)."""
    ticket_id: str | None = None
    stage: str = "greet"
    handled: int = 0
    """Customer messages already answered."""
    asked: int = 0
    asked_at: int = 0
    """Customer messages there were when the last question went."""
    first_asked_at: int = 0
    """Customer messages there were when the first question went (the restatement's start)."""
    hits: list[str] = field(default_factory=list)
    searched: bool = False
    opened: list[str] = field(default_factory=list)
    linked: bool = False
    tries: int = 0
    first_step: str = ""
    given_article: str | None = None


@dataclass(slots=True)
class Written:
    """The clerk's file on a ticket that came in writing (e-mail or queue)."""

    ticket_id: str
    slot: int
    stage: str = "open"
    article: str | None = None
    replied_at: float | None = None
    first_step: str = ""


class ClerkPolicy(Policy):
    """Files every case the other way round; transfers nothing, closes everything."""

    name = "clerk"
    description = "a blind cheater: files words in reverse order, one noun question, no transfers"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.words = WORDS.get(scenario.language, EN)
        self.kb = KbIndex(scenario.kb)
        self.articles: dict[str, KbArticle] = {a.id: a for a in scenario.kb}
        self.contacts: dict[str, Contact] = {}
        self.customer_names = {c.id: c.name for c in scenario.customers}
        self.written: dict[str, Written] = {}
        self.free_at = 0.0
        self.slots = 0
        self.skip: set[tuple[str, str]] = set()

    # ------------------------------------------------------------------ the runner's calls

    def observe(self, event: Event, seq: int) -> None:
        """Open a file for every chat or call, and for every ticket that came in writing."""
        d = event.data
        if event.type in ("chat_opened", "call_started"):
            cid = d["conversation_id"]
            if cid not in self.contacts:
                contact = Contact(cid, d["customer_id"], self._next_slot())
                contact.ticket_id = d.get("ticket_id")
                self.contacts[cid] = contact
        elif event.type in ("email_received", "ticket_preloaded"):
            tid = d["ticket_id"]
            if tid not in self.written:
                self.written[tid] = Written(tid, self._next_slot())

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest thing to do of every open file; conversations before written tickets."""
        best: Action | None = None
        for contact in self.contacts.values():
            action = self._contact_action(state, now, contact)
            if action is not None and (best is None or action.at < best.at):
                best = action
        if best is None or best.at > now + 1.0:
            written = self._written_action(state, now)
            if written is not None and (best is None or written.at < best.at):
                best = written
        if best is None:
            return None
        at = max(best.at, self.free_at, now)
        return Action(at, best.type, best.data, best.cost, best.label, best.origin)

    def done(self, action: Action, event: Event) -> None:
        self.free_at = event.exam_time + action.cost
        kind, key, extra, count = action.origin
        if kind == "contact":
            self._contact_done(self.contacts[key], action, extra, count)
        else:
            self._written_done(self.written[key], event, extra)

    def refused(self, action: Action, reason: str) -> None:
        """Never the same thing twice: a refused look-up or link is skipped, anything else
        ends the file."""
        kind, key, extra, _ = action.origin
        self.skip.add((key, extra))
        if kind == "contact" and not extra.startswith(("open:", "search", "link")):
            self.contacts[key].stage = "done"
        elif kind == "written":
            self.written[key].stage = "done"

    # ------------------------------------------------------------------ contacts

    def _next_slot(self) -> int:
        self.slots += 1
        return self.slots - 1 + self.seed

    @staticmethod
    def _pick(options: tuple[str, ...], slot: int, turn: int = 0) -> str:
        return options[(slot + turn) % len(options)]

    def _first_name(self, state: ExamState, customer_id: str) -> str:
        """The first name, or title and surname ("Dr Lhoest")."""
        customer = state.customers.get(customer_id)
        parts = customer.name.split() if customer is not None else []
        titles = ("dr", "prof", "mr", "mrs", "ms", "m", "mme", "mevr", "dhr")
        if len(parts) > 1 and parts[0].rstrip(".").lower() in titles:
            return f"{parts[0]} {parts[-1]}"
        return parts[0] if parts else ""

    @staticmethod
    def _said(conv: Conversation) -> list[str]:
        return [m.text for m in conv.messages if m.author == "customer"]

    def _contact_action(self, state: ExamState, now: float, c: Contact) -> Action | None:
        conv = state.conversations.get(c.conversation_id)
        if conv is None or c.stage == "done":
            return None
        said = self._said(conv)
        if not said:
            return None
        ready = max(now, conv.busy_until + REPLY_DELAY_S)
        if c.ticket_id is None and conv.ticket_ids:
            c.ticket_id = conv.ticket_ids[0]
        if c.ticket_id is None:
            return self._create_for(state, c, conv, said, ready)
        if not conv.is_live:
            return self._wrap_up(state, c, now, closing_conv=False)
        reply_due = len(said) > c.handled
        if c.stage == "greet":
            return self._say(c, ready, self._opening(state, c, said), "greet", len(said))
        kb = self._kb_step(c, said, now)
        if kb is not None and (not reply_due or c.stage in ("answer", "retry")):
            return kb
        if reply_due:
            return self._reply(state, c, said, ready)
        last = conv.last_candidate_at
        if last is not None and c.stage not in ("greet", "done"):
            return self._reply(state, c, said, max(ready, last + SILENCE_S))
        return None

    def _create_for(
        self, state: ExamState, c: Contact, conv: Conversation, said: list[str], at: float
    ) -> Action:
        first = _sentences(said[0]) or [said[0]]
        telling = [x for x in first if len(_content(x, self.words)) >= 3] or first
        title = (conv.subject or telling[0]).strip()[:80] or c.conversation_id
        description = " ".join(f"{file_backwards(s, self.words)}." for s in first[:4])
        data = {
            "ticket_id": state.next_ticket_id(),
            "title": title,
            "customer_id": c.customer_id,
            "description": description[:600] or title,
            "impact": self._middle(),
            "urgency": self._middle(),
            "conversation_id": c.conversation_id,
        }
        category = self._category(said[0])
        if category:
            data["category"] = category
        return Action(at, "ticket_created", data, 8.0, "file", self._origin(c, "create"))

    @staticmethod
    def _origin(c: Contact, extra: str, count: int = 0) -> tuple[str, str, str, int]:
        return ("contact", c.conversation_id, extra, count)

    def _kb_step(self, c: Contact, said: list[str], at: float) -> Action | None:
        """Search once, open the article this try needs, link the first to the file."""
        key = c.conversation_id
        if not c.searched and (key, "search") not in self.skip:
            query, hits = self._search(" ".join(said), self._names(c.customer_id))
            c.hits = hits
            data = {"query": query, "results": hits[:10]}
            return Action(at, "kb_searched", data, 3.0, "search", self._origin(c, "search"))
        want = c.hits[c.tries] if c.tries < len(c.hits) else None
        if want is not None and want not in c.opened and (key, f"open:{want}") not in self.skip:
            data = {"article_id": want}
            return Action(
                at, "kb_article_opened", data, 4.0, "open", self._origin(c, f"open:{want}")
            )
        if not c.linked and c.opened and c.ticket_id and (key, "link") not in self.skip:
            data = {"ticket_id": c.ticket_id, "kb_article": c.opened[0]}
            return Action(at, "ticket_linked", data, 1.0, "link", self._origin(c, "link"))
        return None

    def _reply(self, state: ExamState, c: Contact, said: list[str], at: float) -> Action | None:
        """The next message of the file's course, answering everything the customer said."""
        first = self._first_name(state, c.customer_id)
        ref = c.ticket_id or ""
        w = self.words
        n = len(said)
        if c.stage == "ask":
            noun = self._last_noun(said[0], state, c)
            text = self._pick(w.ask, c.slot, c.asked).format(noun=noun, ref=ref)
            return self._say(c, at, text, "ask", n)
        if c.stage == "heard":
            told = said[c.asked_at :]
            seen = set(_content(" ".join(said[: c.asked_at]), w))
            new = [x for x in _content(" ".join(told), w) if x not in seen]
            if len(new) < 3 and c.asked < 2:
                noun = self._last_noun(said[-1], state, c)
                text = self._pick(w.ask, c.slot, c.asked).format(noun=noun, ref=ref)
                return self._say(c, at, text, "ask", n)
            body = restate_backwards(" ".join(said[c.first_asked_at :]) or said[0], w)
            text = self._pick(w.restate, c.slot).format(ref=ref, text=body)
            return self._say(c, at, text, "restate", n)
        if c.stage in ("answer", "retry"):
            article = c.opened[c.tries] if c.tries < len(c.opened) else None
            if article is None:
                kb = self._kb_step(c, said, at)
                return kb or self._say(c, at, self._closing(c, first), "closing", n)
            return self._say(c, at, self._answer(c, article), f"answer:{article}", n)
        if c.stage == "check":
            if self._works(said[-1]) or c.tries >= min(MAX_TRIES, len(c.hits)):
                return self._say(c, at, self._closing(c, first), "closing", n)
            c.stage = "retry"
            return self._reply(state, c, said, at)
        if c.stage == "closing":
            return self._wrap_up(state, c, at, closing_conv=True)
        return None

    def _closing(self, c: Contact, first: str) -> str:
        return self._pick(self.words.closing, c.slot).format(first=first).strip(", ")

    def _say(self, c: Contact, at: float, text: str, step: str, count: int) -> Action:
        data = {"conversation_id": c.conversation_id, "text": text}
        cost = min(12.0, max(2.0, len(text) / 15.0))
        return Action(at, "message_sent", data, cost, step, self._origin(c, step, count))

    def _opening(self, state: ExamState, c: Contact, said: list[str]) -> str:
        """The customer's own greeting word back, their name, the file, the identification."""
        start = said[0].strip()
        greeting = self.words.default_greeting
        for word in self.words.greetings:
            if re.match(rf"{re.escape(word)}\b", start, re.IGNORECASE):
                greeting = start[: len(word)]
                break
        first = self._first_name(state, c.customer_id)
        text = self._pick(self.words.opening, c.slot).format(
            greeting=_cap(greeting), first=first, ref=c.ticket_id
        )
        return text.replace(" ,", ",").replace("  ", " ")

    def _answer(self, c: Contact, article_id: str) -> str:
        """Every step of the article, each filed the other way round, and the check."""
        filed = [
            _cap(file_backwards(s, self.words)) for s in self._steps(self.articles[article_id])
        ]
        filed = [f for f in filed if f]
        if not c.first_step and filed:
            c.first_step = filed[0]
        lead = self._pick(self.words.answer_lead, c.slot, c.tries).format(ref=c.ticket_id)
        body = " ".join(f"{i}) {f}." for i, f in enumerate(filed, 1))
        check = self._pick(self.words.check, c.slot, c.tries)
        return f"{lead} {body} {check}"

    def _wrap_up(
        self, state: ExamState, c: Contact, at: float, closing_conv: bool
    ) -> Action | None:
        """Resolve the file with its summary, close it, close the conversation."""
        key = c.conversation_id
        ticket = state.tickets.get(c.ticket_id or "")
        conv = state.conversations.get(key)
        if ticket is not None and ticket.is_active and (key, "resolve") not in self.skip:
            said = self._said(conv) if conv is not None else []
            first_said = said[0] if said else ticket.title
            article = c.given_article or (c.opened[0] if c.opened else "")
            return self._resolve(
                ticket, at, c.first_step, article, first_said, self._origin(c, "resolve")
            )
        resolved = ticket is not None and ticket.status == TicketStatus.RESOLVED
        if resolved and ticket is not None and (key, "close_ticket") not in self.skip:
            data = {"ticket_id": ticket.id}
            return Action(at, "ticket_closed", data, 1.0, "close", self._origin(c, "close_ticket"))
        if (
            closing_conv
            and conv is not None
            and conv.is_live
            and (key, "close_conv") not in self.skip
        ):
            data = {"conversation_id": key}
            return Action(
                at, "conversation_closed", data, 1.0, "bye", self._origin(c, "close_conv")
            )
        c.stage = "done"
        return None

    def _resolve(
        self,
        ticket: Ticket,
        at: float,
        step: str,
        article: str,
        first_said: str,
        origin: tuple[str, str, str, int],
    ) -> Action:
        """The summary: what they said, filed the other way round, the step given, the article."""
        if ticket.category is None:
            changes = {"category": self._category(first_said)}
            data: dict[str, Any] = {"ticket_id": ticket.id, "changes": changes}
            return Action(at, "ticket_updated", data, 3.0, "category", (*origin[:2], "category", 0))
        problem = " ".join(f"{file_backwards(s, self.words)}" for s in _sentences(first_said)[:2])
        text = self.words.summary.format(
            ref=ticket.id,
            problem=problem[:300] or ticket.title,
            step=step[:200] or "-",
            article=article or "-",
        )
        data = {"ticket_id": ticket.id, "solution": text}
        if article:
            data["kb_article"] = article
        return Action(at, "ticket_resolved", data, 6.0, "resolve", origin)

    def _contact_done(self, c: Contact, action: Action, extra: str, count: int) -> None:
        """Move the file on; a message answers every customer message up to `count`."""
        if extra == "create":
            c.ticket_id = action.data["ticket_id"]
        elif extra == "search":
            c.searched = True
        elif extra.startswith("open:"):
            c.opened.append(extra[5:])
        elif extra == "link":
            c.linked = True
        if action.type != "message_sent":
            return
        c.handled = count
        if extra == "greet":
            c.stage = "ask"
        elif extra == "ask":
            if c.asked == 0:
                c.first_asked_at = count
            c.asked += 1
            c.asked_at = count
            c.stage = "heard"
        elif extra == "restate":
            c.stage = "answer"
        elif extra.startswith("answer:"):
            c.given_article = c.given_article or extra[7:]
            c.tries += 1
            c.stage = "check"
        elif extra == "closing":
            c.stage = "closing"

    # ------------------------------------------------------------------ written tickets

    def _written_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest step of the written files, the queue's priority breaking ties."""
        best: tuple[float, str, int] | None = None
        chosen: Action | None = None
        for w in self.written.values():
            ticket = state.tickets.get(w.ticket_id)
            if w.stage == "done" or ticket is None:
                continue
            action = self._written_step(state, now, w, ticket)
            if action is None:
                continue
            rank = (action.at, ticket.priority or "P9", w.slot)
            if best is None or rank < best:
                best, chosen = rank, action
        return chosen

    def _written_step(self, state: ExamState, now: float, w: Written, t: Ticket) -> Action | None:
        key = w.ticket_id
        if t.status == TicketStatus.CLOSED or (t.conversation_ids and w.stage == "open"):
            w.stage = "done"
            return None
        if w.stage == "open" and t.status != TicketStatus.NEW:
            w.stage = "fields"
        if w.stage == "open":
            return Action(
                now, "ticket_opened", {"ticket_id": key}, 2.0, "take", ("written", key, "take", 0)
            )
        if w.stage == "fields":
            changes: dict[str, str] = {}
            if t.category is None:
                changes["category"] = self._category(f"{t.title} {t.description}")
            if t.impact is None:
                changes["impact"] = self._middle()
            if t.urgency is None:
                changes["urgency"] = self._middle()
            if not changes.get("category", "x"):
                del changes["category"]
            if changes:
                data = {"ticket_id": key, "changes": changes}
                return Action(
                    now, "ticket_updated", data, 6.0, "fields", ("written", key, "fields", 0)
                )
            w.stage = "search"
        if w.stage == "search":
            query, hits = self._search(f"{t.title} {t.description}")
            w.article = hits[0] if hits else None
            data = {"query": query, "results": hits[:10]}
            return Action(now, "kb_searched", data, 3.0, "search", ("written", key, "search", 0))
        if w.stage == "open_article" and w.article:
            data = {"article_id": w.article}
            return Action(
                now, "kb_article_opened", data, 4.0, "open", ("written", key, "open_article", 0)
            )
        if w.stage == "link" and w.article:
            data = {"ticket_id": key, "kb_article": w.article}
            return Action(now, "ticket_linked", data, 1.0, "link", ("written", key, "link", 0))
        if w.stage in ("open_article", "link"):
            w.stage = "reply"
        if w.stage == "reply":
            data = self._written_reply(state, w, t)
            return Action(
                now, "ticket_reply_added", data, 10.0, "reply", ("written", key, "reply", 0)
            )
        if w.stage == "resolve" and w.replied_at is not None:
            at = max(now, w.replied_at + WRITTEN_RESOLVE_AFTER_S)
            if t.status == TicketStatus.RESOLVED:
                return Action(
                    at,
                    "ticket_closed",
                    {"ticket_id": key},
                    1.0,
                    "close",
                    ("written", key, "close", 0),
                )
            origin = ("written", key, "resolve", 0)
            return self._resolve(
                t, at, w.first_step, w.article or "", t.description or t.title, origin
            )
        return None

    def _written_reply(self, state: ExamState, w: Written, t: Ticket) -> dict[str, Any]:
        """Greeting, the description filed the other way round, the steps, the check."""
        first = self._first_name(state, t.customer_id)
        restated = restate_backwards(t.description or t.title, self.words)
        restate = self._pick(self.words.restate, w.slot).format(ref=t.id, text=restated)
        parts = [f"{self.words.default_greeting} {first},".replace(" ,", ","), restate]
        if w.article:
            steps = [
                _cap(file_backwards(s, self.words)) for s in self._steps(self.articles[w.article])
            ]
            steps = [s for s in steps if s]
            w.first_step = steps[0] if steps else ""
            lead = self._pick(self.words.answer_lead, w.slot).format(ref=t.id)
            parts.append(lead + " " + " ".join(f"{i}) {s}." for i, s in enumerate(steps, 1)))
        parts.append(self._pick(self.words.check, w.slot))
        return {"ticket_id": t.id, "text": "\n".join(parts)}

    @staticmethod
    def _written_done(w: Written, event: Event, extra: str) -> None:
        following = {
            "take": "fields",
            "fields": "search",
            "search": "open_article",
            "open_article": "link",
            "link": "reply",
            "reply": "resolve",
            "category": "resolve",
            "resolve": "resolve",
            "close": "done",
        }
        if extra == "reply":
            w.replied_at = event.exam_time
        w.stage = following.get(extra, w.stage)

    # ------------------------------------------------------------------ shared readings

    def _names(self, customer_id: str) -> frozenset[str]:
        """The customer's name, lower case, word by word: never searched or asked about."""
        customer = self.customer_names.get(customer_id, "")
        return frozenset(x.lower() for x in _words(customer))

    def _search(self, text: str, names: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
        """The most frequent content words as the query; fewer until something is found."""
        counts = Counter(x for x in _content(text, self.words) if x not in names)
        top = [w for w, _ in counts.most_common(4)]
        for n in (3, 2, 1):
            query = " ".join(top[:n])
            if not query:
                break
            hits = [h.article_id for h in self.kb.search(query)]
            if hits:
                return query, hits
        return (top[0] if top else "help"), []

    def _steps(self, article: KbArticle) -> list[str]:
        """The list under a resolution heading, else the first list, else the first sentences."""
        raw = article.body.splitlines()
        start = 0
        for i, line in enumerate(raw):
            m = _HEADING.match(line)
            if m and any(h in m.group(1).lower() for h in self.words.resolution_heads):
                start = i + 1
                break
        items: list[str] = []
        for line in raw[start:]:
            if _HEADING.match(line) and items:
                break
            m = _LIST_LINE.match(line)
            if m:
                items.append(_plain(m.group(1)))
            elif items and line.startswith(" ") and line.strip():
                items[-1] = f"{items[-1]} {_plain(line)}"
            elif items and line.strip():
                break
        if not items:
            lines = passage_text(article.body).splitlines()
            text = " ".join(x for x in lines if x and not x.startswith("#"))
            items = _sentences(text)[:4]
        return items[:MAX_STEPS]

    def _category(self, text: str) -> str:
        """The category whose name and id share most words with the text and the top article."""
        _, hits = self._search(text)
        extra = ""
        if hits and hits[0] in self.articles:
            art = self.articles[hits[0]]
            extra = f"{art.title} {' '.join(art.tags)}"
        seen = {x[:5] for x in _content(f"{text} {extra}", self.words)}
        best, score = "", -1
        for cat in self.scenario.categories:
            mine = {x[:5] for x in _content(f"{cat.name} {cat.id.replace('-', ' ')}", self.words)}
            if len(mine & seen) > score:
                best, score = cat.id, len(mine & seen)
        return best

    def _middle(self) -> str:
        levels = self.scenario.sla.levels
        return levels[len(levels) // 2]

    def _last_noun(self, text: str, state: ExamState, c: Contact) -> str:
        """The customer's last content word that is not their own name."""
        customer = state.customers.get(c.customer_id)
        names = {p.lower() for p in (customer.name.split() if customer else [])}
        found = [x for x in _content(text, self.words) if x not in names]
        tokens = [t.lower() for t in _words(text)]
        after = [
            b
            for a, b in zip(tokens, tokens[1:], strict=False)
            if a in self.words.determiners and b in found
        ]
        found = after or found
        if not found:
            conv = state.conversations.get(c.conversation_id)
            found = _content(conv.subject if conv else "", self.words)
        fallback = {"nl": "probleem", "fr": "souci"}.get(self.scenario.language, "problem")
        return found[-1] if found else fallback

    def _works(self, text: str) -> bool:
        """Their reply says it works (a works word, no negation)."""
        low = {x.lower() for x in _words(text.replace("n't", " not"))}
        return bool(low & self.words.works) and not (low & self.words.negations)


def _plain(text: str) -> str:
    """A list line without its Markdown marks."""
    return re.sub(r"[*_`]+", "", text).strip()
