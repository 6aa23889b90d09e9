"""`envoy`: an eleventh cheater, written blind from the published documents only (branch evid36).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies
or the procedures, and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names and departments, their words (as strings), the
conversations' subjects, the tickets with their queue priority and fields, the SLA profile's
levels and update interval, the knowledge base (search, hit list and articles), the categories
and the groups. An envoy speaks for a principal in phrases of his own: the article's content
goes out, but told as what the customer will *see*, in sentences whose verbs, frames and
endings are the envoy's, with the article's nouns carried inside them. Its strategy, unlike
savvy's battery, lawyer's frames, forger's canned replies and stalling, mimic's filler-spun
articles, ghost's script dumps, tailor's drip-fed steps, clerk's sentences filed last part
first, usher's descriptions with the verb last, broker's woven customer words and courier's
synonym table, reads the published limits of 2.21 and 2.22 (docs/assessment.md: "words an
article does not hold, put in among its words, thin a clause out of its reach"; "a weave with
words from neither source ... thins the clause as before"; "a step explained in the operator's
own words ... is the operator's telling"):

- **a good search, done as a person does it**: the customer's own content words (their name
  and small words left out) ranked by how few articles hold them, the three most telling ones
  searched; the subject searched too when it says something else; the hits of both lists
  compared as a reader of the list would (the customer's words in each hit's title, tags and
  snippet), the best two opened, and the one whose body holds most of the customer's words
  kept; searched again with everything they said once they answered the question, and the
  article changed only when the new reading is clearly better;
- **each step told by its verb, as what the customer will see**: the step's verb (found in its
  first words by a table of its own, about thirty verbs a language, or by the French "-ez")
  is taken out and the rest put into a template of that verb's kind ("... you'll spot it on
  the screen, and once you pick it a fresh window pops up", "bij ... gaan de lampjes even uit",
  "... va dans la case qui apparaît"); only a step's first sentence, markdown dropped; the
  steps **merged in pairs** behind ordinals of its own, a line from the published examples of
  an operator's own words ("I'll stay on the line while you do this") between the pairs;
- **the hit list as the question**: the greeting by first name, who is speaking, a request for
  full name and department, and one question that names the customer's most telling word and
  asks which of the two best hits' titles it is more like, in one of four frames rotated over
  the customers;
- **the customer's nouns in a frame**: the restatement puts up to four of the customer's
  telling words, never two in their order, into a sentence of its own ending on "have I
  understood you correctly?";
- **apology mirrored**: said only when the customer's own words show upset (an exclamation
  mark, "again", "urgent", "unacceptable", "weer", "dringend", "encore", "inadmissible");
- **escalation by the article**: when the customer's reply does not say it works and the
  article names a group, the ticket goes there (with its category) and the customer gets a
  promise naming the group and a time inside the SLA's update interval; with no group named,
  the second article of the comparison told the same way, once; the second line's answer
  passed on in a frame of its own and noted; a timed update naming the group and a time
  before each update interval runs out while the group has it;
- **closing when it works, or when nothing is left**: the closing question, then the ticket
  resolved with the customer's telling words, the article's title and id, closed, and the
  conversation closed;
- **written tickets the same way**: conversations first, then the queue by priority; opened,
  empty fields filled, searched and compared, the article linked, one public reply (greeting,
  the steps told, "let me know"), transferred when the article names a group, else resolved
  and closed two minutes later; a later e-mail from the customer gets a timed promise;
- **fields**: the category whose name shares most words with the customer's and the article's
  title and tags; impact and urgency the middle of the SLA's levels, the top one when the
  customer's words say many people are hit or it is urgent; a queue ticket's given fields kept;
- **never over the customer**: it writes only when the customer has finished typing or
  speaking, a customer who does not answer in 90 s is taken as having answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex, fold, plain_text
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate.gaming_envoy_words import (
    ASIDES,
    CHECKS,
    CLOSING,
    GREETINGS,
    HOLD,
    NOT_WORKS,
    ORDINALS,
    QUESTIONS,
    RELAY,
    RESTATE,
    SORRY,
    STEP_THEN,
    STOPWORDS,
    UPDATE,
    UPSET,
    URGENT,
    VERB_KINDS,
    VERB_TEMPLATES,
    WIDE,
    WORKS,
    Table,
    Words,
)
from helpdesk_tui.simulate.policy import Action, Policy

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W\d_]+)*")
_MARKUP = re.compile(r"[*_`#>]+")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_WAIT_FOR_REPLY_S = 90.0
_PAUSE_S = 0.5
_ELIDED = re.compile(r"^(?:[ldjnmstc]|qu)['’]", re.I)


def stem(word: str) -> str:
    """Words compared on their first five letters, folded: 'printers' is 'printer'."""
    return fold(word)[:5]


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(slots=True)
class Case:
    """One contact the envoy works: a conversation or a written ticket."""

    key: str
    customer_id: str
    conversation_id: str | None = None
    ticket_id: str | None = None
    stage: str = "new"
    handled: int = 0
    """Customer messages already reacted to."""
    waiting_since: float = 0.0
    article: str | None = None
    second: str | None = None
    tried_second: bool = False
    group: str | None = None
    steps_told: str = ""
    last_update: float | None = None
    resolve_at: float | None = None
    relay_seen: int = 0
    mails_seen: int = 0
    hits: list[str] = field(default_factory=list)


class EnvoyPolicy(Policy):
    """The eleventh blind cheater: a careful search, every step retold as what will be seen."""

    name = "envoy"
    description = "searches well, then tells each step as what you will see, in templates"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.lang = scenario.language if scenario.language in ("en", "nl", "fr") else "en"
        self.words: Words = Words(self.lang)
        self.index = KbIndex(scenario.kb)
        self.articles: dict[str, KbArticle] = {a.id: a for a in scenario.kb}
        self.doc_freq = self._doc_freq()
        self.headline = {
            stem(w) for a in scenario.kb for w in words_of(f"{a.title} {' '.join(a.tags)}")
        }
        """Stems a reader sees in the hit list's titles and tags: the words worth typing."""
        self.cases: dict[str, Case] = {}
        self.plan: list[Action] = []
        self.customer_order: dict[str, int] = {}
        self.second_line: list[tuple[str, str, str, bool]] = []
        self.busy_until = 0.0
        """The envoy is typing or filling in a form until then (`Action.cost`)."""

    # --- reading the screen -------------------------------------------------

    def _doc_freq(self) -> dict[str, int]:
        """In how many articles a stem occurs: a reader's sense of which words are telling."""
        freq: dict[str, int] = {}
        for article in self.articles.values():
            text = f"{article.title} {' '.join(article.tags)} {plain_text(article.body)}"
            for s in {stem(w) for w in words_of(text)}:
                freq[s] = freq.get(s, 0) + 1
        return freq

    def _content(self, text: str, customer_id: str, state: ExamState) -> list[str]:
        """The customer's content words: no small words, no names, no digits-only tokens."""
        names = set()
        customer = state.customers.get(customer_id)
        if customer is not None:
            names = {fold(n) for n in words_of(customer.name)}
        out = []
        for w in words_of(text):
            w = _ELIDED.sub("", w)
            f = fold(w)
            if len(f) < 3 or f in STOPWORDS[self.lang] or f in names:
                continue
            out.append(w)
        return out

    def _telling(self, text: str, customer_id: str, state: ExamState, n: int) -> list[str]:
        """The `n` words a person would type: in some article, in few, said most often."""
        words = self._content(text, customer_id, state)
        counts: dict[str, int] = {}
        first: dict[str, str] = {}
        for w in words:
            s = stem(w)
            counts[s] = counts.get(s, 0) + 1
            first.setdefault(s, fold(w))
        total = max(1, len(self.articles))
        ranked = sorted(
            (s for s in counts if self.doc_freq.get(s, 0) > 0),
            key=lambda s: (-(counts[s] * self._weight(s, total)), s),
        )
        return [first[s] for s in ranked[:n]]

    def _weight(self, s: str, total: int) -> float:
        """Rare in the KB, and a word the titles and tags use: what a person would type."""
        return (1.0 + total / self.doc_freq[s]) * (3.0 if s in self.headline else 1.0)

    def _hit_score(self, article_id: str, stems: set[str], snippet: str) -> float:
        """How a reader of the hit list rates a hit: the customer's words in title, tags, text."""
        article = self.articles[article_id]
        title = {stem(w) for w in words_of(article.title)}
        tags = {stem(w) for t in article.tags for w in words_of(t)}
        snip = {stem(w) for w in words_of(snippet)}
        return 3.0 * len(stems & title) + 2.0 * len(stems & tags) + len(stems & snip)

    def _body_score(self, article_id: str, stems: set[str]) -> float:
        """After opening: how much of what the customer said the article speaks of."""
        article = self.articles[article_id]
        body = {stem(w) for w in words_of(plain_text(article.body))}
        total = max(1, len(self.articles))
        return sum(1.0 + total / self.doc_freq.get(s, total) for s in stems & body)

    def _search(
        self, case: Case, text: str, subject: str, state: ExamState, now: float
    ) -> list[str]:
        """Search like a person: the telling words, the subject too; compare and open two."""
        stems = {stem(w) for w in self._content(f"{subject} {text}", case.customer_id, state)}
        queries = []
        for n in (3, 2, 1):
            terms = self._telling(f"{subject} {text}", case.customer_id, state, n)
            if terms:
                q = " ".join(terms)
                if self.index.search(q, limit=5):
                    queries.append(q)
                    break
        if subject:
            sub = " ".join(self._telling(subject, case.customer_id, state, 3))
            if sub and sub not in queries:
                queries.append(sub)
        scores: dict[str, float] = {}
        for q in queries:
            hits = self.index.search(q, limit=5)
            self._do(now, "kb_searched", {"query": q, "results": [h.article_id for h in hits]}, 2)
            for rank, h in enumerate(hits):
                s = self._hit_score(h.article_id, stems, h.snippet) + (5 - rank) * 0.5
                scores[h.article_id] = max(scores.get(h.article_id, 0.0), s)
        shortlist = sorted(scores, key=lambda a: (-scores[a], a))[:2]
        for a in shortlist:
            self._do(now, "kb_article_opened", {"article_id": a}, 3)
        return sorted(shortlist, key=lambda a: (-self._body_score(a, stems), a))

    # --- the planner ---------------------------------------------------------

    def _do(self, at: float, type_: str, data: dict, cost: float = 2.0, label: str = "") -> None:
        self.plan.append(Action(at, type_, data, cost=cost, label=label or type_))

    def _say(self, case: Case, at: float, text: str, state: ExamState) -> None:
        """To the customer: in their conversation while it is live, else on their ticket."""
        conv = state.conversations.get(case.conversation_id or "")
        if conv is not None and conv.is_live:
            cost = 3.0 + len(text) / 40.0
            self._do(at, "message_sent", {"conversation_id": conv.id, "text": text}, cost)
        elif case.ticket_id is not None:
            self._do(at, "ticket_reply_added", {"ticket_id": case.ticket_id, "text": text}, 4)

    def observe(self, event: Event, seq: int) -> None:
        if event.type == "second_line_reply":
            d = event.data
            self.second_line.append(
                (d["ticket_id"], d["group"], d["text"], bool(d.get("question")))
            )

    def next_action(self, state: ExamState, now: float) -> Action | None:
        if not self.plan:
            self._think(state, now)
        self._drop_stale(state)
        if not self.plan:
            return self._next_timer(state, now)
        if self.plan[0].type == "ticket_created":
            self._renumber(state)
        action = self.plan[0]
        at = max(now, action.at, self.busy_until)
        conv_id = action.data.get("conversation_id") if action.type == "message_sent" else None
        conv = state.conversations.get(conv_id or "")
        if conv is not None and conv.is_busy_at(at):
            at = conv.busy_until + _PAUSE_S
        return Action(at, action.type, action.data, action.cost, action.label, origin=action)

    def _drop_stale(self, state: ExamState) -> None:
        """A call hung up while the envoy typed: what it meant to say goes on the ticket."""
        while self.plan and self.plan[0].type in ("message_sent", "conversation_closed"):
            action = self.plan[0]
            conv = state.conversations.get(action.data["conversation_id"])
            if conv is not None and conv.is_live:
                return
            self.plan.pop(0)
            if action.type == "message_sent" and conv is not None and conv.ticket_ids:
                data = {"ticket_id": conv.ticket_ids[0], "text": action.data["text"]}
                self.plan.insert(0, Action(action.at, "ticket_reply_added", data, 4.0))
                return

    def _next_timer(self, state: ExamState, now: float) -> Action | None:
        """Nothing to do now: wake at the earliest timer (a reply timeout, an update)."""
        times = [t for t in self._timers(state) if t > now]
        if not times:
            return None
        return Action(min(times), "focus_moved", {"area": "queue"}, label="wait")

    def _timers(self, state: ExamState) -> list[float]:
        out = []
        for case in self.cases.values():
            if case.stage in ("asked", "restated", "told", "told2", "closing"):
                out.append(case.waiting_since + _WAIT_FOR_REPLY_S)
            if case.resolve_at is not None:
                out.append(case.resolve_at)
            if case.stage == "transferred" and case.last_update is not None:
                out.append(case.last_update + self._update_gap(state, case))
        return out

    def done(self, action: Action, event: Event) -> None:
        self.busy_until = max(self.busy_until, event.exam_time + action.cost)
        if self.plan and action.origin is self.plan[0]:
            self.plan.pop(0)

    def refused(self, action: Action, reason: str) -> None:
        if self.plan and action.origin is self.plan[0]:
            self.plan.pop(0)
            self.note(f"envoy: {action.type} refused: {reason}")

    def _think(self, state: ExamState, now: float) -> None:
        for conv in sorted(state.conversations.values(), key=lambda c: c.opened_at):
            self._conversation(conv, state, now)
            if self.plan:
                return
        for case in list(self.cases.values()):
            self._follow_up(case, state, now)
            if self.plan:
                return
        self._queue(state, now)

    # --- conversations --------------------------------------------------------

    def _order(self, customer_id: str) -> int:
        return self.customer_order.setdefault(customer_id, len(self.customer_order))

    def _first(self, state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        return customer.name.split()[0] if customer and customer.name else ""

    def _said(self, conv: Conversation, since: int = 0) -> str:
        msgs = [m.text for m in conv.messages if m.author == "customer"]
        return " ".join(msgs[since:])

    def _conversation(self, conv: Conversation, state: ExamState, now: float) -> None:
        case = self.cases.get(conv.id)
        customer_msgs = sum(1 for m in conv.messages if m.author == "customer")
        if case is None:
            if not conv.is_live or customer_msgs == 0 or conv.is_busy_at(now):
                return
            case = Case(conv.id, conv.customer_id, conversation_id=conv.id)
            self.cases[conv.id] = case
            if conv.about_ticket and conv.about_ticket in state.tickets:
                self._chase(case, conv, state, now)
            else:
                self._open(case, conv, state, now)
            case.handled = customer_msgs
            case.waiting_since = now
            return
        if case.stage in ("done", "chase-done") or conv.is_busy_at(now):
            return
        answered = customer_msgs > case.handled
        timed_out = now >= case.waiting_since + _WAIT_FOR_REPLY_S
        if not answered and not (timed_out and case.stage in _WAITING):
            return
        reply = self._said(conv, case.handled)
        case.handled = customer_msgs
        case.waiting_since = now
        self._advance(case, conv, reply, state, now)

    def _open(self, case: Case, conv: Conversation, state: ExamState, now: float) -> None:
        """The first turn: ticket, search and comparison, then greeting and question."""
        said = self._said(conv)
        tid = self._new_ticket_id(state)
        case.ticket_id = tid
        hits = self._search(case, said, conv.subject, state, now)
        case.hits = hits
        case.article = hits[0] if hits else None
        case.second = hits[1] if len(hits) > 1 else None
        self._do(now, "ticket_created", self._ticket_fields(tid, case, conv, said, state), 5)
        if case.article:
            self._do(now, "ticket_linked", {"ticket_id": tid, "kb_article": case.article}, 2)
        self._say(case, now, self._greeting(case, said, state), state)
        case.stage = "asked"

    def _new_ticket_id(self, state: ExamState) -> str:
        return state.next_ticket_id()

    def _renumber(self, state: ExamState) -> None:
        """An e-mail took the id the plan gave its new ticket: the plan takes the next one."""
        planned = self.plan[0].data["ticket_id"]
        fresh = state.next_ticket_id()
        if planned == fresh:
            return
        for i, action in enumerate(self.plan):
            if action.data.get("ticket_id") == planned:
                data = {**action.data, "ticket_id": fresh}
                self.plan[i] = Action(action.at, action.type, data, action.cost, action.label)
        for case in self.cases.values():
            if case.ticket_id == planned:
                case.ticket_id = fresh

    def _advance(
        self, case: Case, conv: Conversation, reply: str, state: ExamState, now: float
    ) -> None:
        if case.stage == "asked":
            self._restate(case, conv, reply, state, now)
        elif case.stage == "restated":
            self._tell(case, case.article, state, now)
            case.stage = "told"
        elif case.stage in ("told", "told2"):
            self._after_steps(case, reply, state, now)
        elif case.stage == "closing":
            self._close(case, state, now)
        elif case.stage == "transferred":
            recent = case.last_update is not None and now - case.last_update < 120.0
            if "?" in reply or (self._expects_answer(reply) and not recent):
                self._promise(case, state, now)
        elif case.stage == "relayed-question":
            self._do(
                now,
                "note_added",
                {"ticket_id": case.ticket_id, "text": self._relay_note(case, reply, state)},
                4,
            )
            self._say(case, now, self._hold(case, state), state)
            case.stage = "transferred"
        elif case.stage == "relayed-fix":
            self._closing_question(case, state, now)
        elif case.stage == "chase":
            self._say(
                case,
                now,
                self.words.pick(CLOSING, self._order(case.customer_id)).format(
                    name=self._first(state, case.customer_id)
                ),
                state,
            )
            self._do(now + 1, "conversation_closed", {"conversation_id": case.conversation_id}, 1)
            case.stage = "chase-done"

    def _restate(
        self, case: Case, conv: Conversation, reply: str, state: ExamState, now: float
    ) -> None:
        """Search again with everything said; then the customer's telling words in a frame."""
        said = self._said(conv)
        stems = {stem(w) for w in self._content(said, case.customer_id, state)}
        terms = self._telling(said, case.customer_id, state, 3)
        if terms:
            q = " ".join(terms)
            hits = self.index.search(q, limit=5)
            self._do(now, "kb_searched", {"query": q, "results": [h.article_id for h in hits]}, 2)
            best = hits[0].article_id if hits else None
            if best and case.article and best != case.article:
                old, new = self._body_score(case.article, stems), self._body_score(best, stems)
                if new > 1.5 * old:
                    self._do(now, "kb_article_opened", {"article_id": best}, 6)
                    case.second = case.article
                    case.article = best
                    self._do(
                        now, "ticket_linked", {"ticket_id": case.ticket_id, "kb_article": best}, 2
                    )
        words = self._telling(said, case.customer_id, state, 4)
        for w in self._content(said, case.customer_id, state):
            if len(words) >= 4:
                break
            if stem(w) not in {stem(x) for x in words}:
                words.append(fold(w))
        text = self._restatement(case, words, state)
        if self._upset(reply):
            text = (
                self.words.pick(SORRY, self._order(case.customer_id)).format(
                    name=self._first(state, case.customer_id)
                )
                + " "
                + text
            )
        self._say(case, now, text, state)
        case.stage = "restated"

    def _after_steps(self, case: Case, reply: str, state: ExamState, now: float) -> None:
        if self._works(reply):
            self._closing_question(case, state, now)
            return
        group = self._group_named(case.article, state)
        if group is not None and case.group is None:
            self._transfer(case, group, state, now)
            return
        if case.second and not case.tried_second:
            case.tried_second = True
            self._tell(case, case.second, state, now, again=True)
            case.stage = "told2"
            return
        self._closing_question(case, state, now)

    def _closing_question(self, case: Case, state: ExamState, now: float) -> None:
        text = self.words.pick(CLOSING, self._order(case.customer_id))
        self._say(case, now, text.format(name=self._first(state, case.customer_id)), state)
        case.stage = "closing"

    def _close(self, case: Case, state: ExamState, now: float) -> None:
        tid = case.ticket_id
        if tid is None or tid not in state.tickets:
            case.stage = "done"
            return
        data = {"ticket_id": tid, "solution": self._resolution(case, state)}
        if case.article:
            data["kb_article"] = case.article
        self._do(now, "ticket_resolved", data, 6)
        self._do(now, "ticket_closed", {"ticket_id": tid}, 1)
        conv = state.conversations.get(case.conversation_id or "")
        if conv is not None and conv.is_live:
            self._do(now, "conversation_closed", {"conversation_id": conv.id}, 1)
        case.stage = "done"

    def _transfer(self, case: Case, group: str, state: ExamState, now: float) -> None:
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None:
            return
        if ticket.category is None:
            cat = self._category(ticket.title + " " + ticket.description, case.article)
            if cat:
                self._do(
                    now, "ticket_updated", {"ticket_id": ticket.id, "changes": {"category": cat}}, 3
                )
        reason = self.words.transfer_reason(
            state.customers[case.customer_id].name if case.customer_id in state.customers else "",
            self._telling(ticket.description, case.customer_id, state, 3),
            self.articles[case.article].title if case.article else "",
        )
        self._do(
            now, "ticket_transferred", {"ticket_id": ticket.id, "group": group, "reason": reason}, 8
        )
        case.group = group
        case.stage = "transferred"
        self._promise(case, state, now)

    def _promise(self, case: Case, state: ExamState, now: float) -> None:
        """A promise with news: who has it, and when the customer hears next."""
        self._news(case, state, now, HOLD, self._order(case.customer_id) + len(self.plan))

    def _news(self, case: Case, state: ExamState, now: float, table: Table, i: int) -> None:
        """The group that has the ticket and a time, in frame `i` of `table` (HOLD, UPDATE)."""
        text = self.words.pick(table, i).format(
            name=self._first(state, case.customer_id),
            group=state.groups.get(case.group or "", case.group or ""),
            minutes=self._minutes(state, case),
            ticket=case.ticket_id,
        )
        self._say(case, now, text, state)
        case.last_update = now

    # --- follow-up: second line, timers, chases -----------------------------------

    def _follow_up(self, case: Case, state: ExamState, now: float) -> None:
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None:
            return
        for tid, group, text, question in self.second_line[case.relay_seen :]:
            case.relay_seen += 1
            if tid != ticket.id:
                continue
            self._relay(case, group, text, question, state, now)
            return
        if case.resolve_at is not None and now >= case.resolve_at:
            case.resolve_at = None
            self._close(case, state, now)
            return
        if len(ticket.customer_mails) > case.mails_seen:
            case.mails_seen = len(ticket.customer_mails)
            if ticket.is_active:
                self._promise(case, state, now)
            return
        gap_over = case.last_update is not None and (
            now >= case.last_update + self._update_gap(state, case)
        )
        if case.stage == "transferred" and gap_over:
            self._update(case, state, now)
            return
        conv = state.conversations.get(case.conversation_id or "")
        if conv is not None and not conv.is_live and case.stage in _WAITING:
            self._call_gone(case, state, now)

    def _call_gone(self, case: Case, state: ExamState, now: float) -> None:
        """The customer hung up or left: what was left to tell goes on the ticket."""
        if case.stage in ("asked", "restated"):
            self._tell(case, case.article, state, now)
            case.resolve_at = now + 120.0
        group = self._group_named(case.article, state)
        if group is not None and case.group is None:
            self._transfer(case, group, state, now)
            return
        case.stage = "done" if case.resolve_at is None else "written"
        if case.stage == "done":
            self._close(case, state, now)

    def _relay(
        self, case: Case, group: str, text: str, question: bool, state: ExamState, now: float
    ) -> None:
        name = state.groups.get(group, group)
        frame = self.words.pick(RELAY, self._order(case.customer_id))
        said = frame.format(
            name=self._first(state, case.customer_id), group=name, text=text.strip()
        )
        self._say(case, now, said, state)
        self._do(
            now, "note_added", {"ticket_id": case.ticket_id, "text": f"{name}: {text.strip()}"}, 3
        )
        case.last_update = now
        conv = state.conversations.get(case.conversation_id or "")
        live = conv is not None and conv.is_live
        if question:
            case.stage = "relayed-question" if live else "transferred"
        else:
            case.stage = "relayed-fix" if live else "transferred"
            if not live:
                case.resolve_at = now + 120.0
        case.waiting_since = now

    def _update(self, case: Case, state: ExamState, now: float) -> None:
        """A timed update while the group has it: the frame turns with the minute."""
        self._news(case, state, now, UPDATE, self._order(case.customer_id) + int(now) // 60)

    def _chase(self, case: Case, conv: Conversation, state: ExamState, now: float) -> None:
        """A customer chasing a ticket: news of it, the group and a time."""
        ticket = state.tickets[conv.about_ticket or ""]
        own = next(
            (c for c in self.cases.values() if c.ticket_id == ticket.id and c is not case), None
        )
        case.ticket_id = ticket.id
        case.group = ticket.group or (own.group if own else None)
        self._do(now, "ticket_linked", {"ticket_id": ticket.id, "conversation_id": conv.id}, 2)
        greeting = self.words.pick(GREETINGS, self._order(case.customer_id)).format(
            name=self._first(state, case.customer_id)
        )
        hold = self.words.pick(HOLD, self._order(case.customer_id) + 1).format(
            name=self._first(state, case.customer_id),
            group=state.groups.get(case.group or "", case.group or self.words.desk),
            minutes=self._minutes(state, case),
            ticket=ticket.id,
        )
        self._say(case, now, f"{greeting} {hold}", state)
        if own is not None:
            own.last_update = now
        case.stage = "chase"

    # --- written tickets -------------------------------------------------------------

    def _queue(self, state: ExamState, now: float) -> None:
        mine = {c.ticket_id for c in self.cases.values()}
        waiting = [
            t
            for t in state.tickets.values()
            if t.id not in mine
            and t.status in (TicketStatus.NEW, TicketStatus.OPEN)
            and not t.conversation_ids
        ]
        if not waiting:
            return
        waiting.sort(key=lambda t: (t.priority or "~", t.created_at, t.id))
        self._written(waiting[0], state, now)

    def _written(self, ticket: Ticket, state: ExamState, now: float) -> None:
        case = Case(ticket.id, ticket.customer_id, ticket_id=ticket.id)
        case.mails_seen = len(ticket.customer_mails)
        self.cases[ticket.id] = case
        self._do(now, "ticket_opened", {"ticket_id": ticket.id}, 3)
        text = f"{ticket.title} {ticket.description}"
        hits = self._search(case, ticket.description, ticket.title, state, now)
        case.article = hits[0] if hits else None
        case.second = hits[1] if len(hits) > 1 else None
        changes = self._missing_fields(ticket, text, case.article, state)
        if changes:
            self._do(now, "ticket_updated", {"ticket_id": ticket.id, "changes": changes}, 6)
        if case.article:
            self._do(now, "ticket_linked", {"ticket_id": ticket.id, "kb_article": case.article}, 2)
        greeting = self.words.pick(GREETINGS, self._order(ticket.customer_id)).format(
            name=self._first(state, ticket.customer_id)
        )
        steps = self._steps_text(case, case.article, state)
        ending = self.words.pick(CHECKS, self._order(ticket.customer_id) + 2).format(
            name=self._first(state, ticket.customer_id)
        )
        reply = " ".join(p for p in (greeting, steps, self.words.let_me_know, ending) if p)
        self._do(now, "ticket_reply_added", {"ticket_id": ticket.id, "text": reply}, 12)
        group = self._group_named(case.article, state)
        if group is not None:
            case.stage = "transferred"
            ticket_category = ticket.category or changes.get("category")
            if ticket_category is None:
                cat = self._category(text, case.article)
                if cat:
                    self._do(
                        now,
                        "ticket_updated",
                        {"ticket_id": ticket.id, "changes": {"category": cat}},
                        3,
                    )
            reason = self.words.transfer_reason(
                state.customers[ticket.customer_id].name
                if ticket.customer_id in state.customers
                else "",
                self._telling(text, ticket.customer_id, state, 3),
                self.articles[case.article].title if case.article else "",
            )
            self._do(
                now,
                "ticket_transferred",
                {"ticket_id": ticket.id, "group": group, "reason": reason},
                8,
            )
            case.group = group
            case.last_update = now
        else:
            case.stage = "written"
            case.resolve_at = now + 120.0

    # --- what is said --------------------------------------------------------------------

    def _greeting(self, case: Case, said: str, state: ExamState) -> str:
        first = self._first(state, case.customer_id)
        order = self._order(case.customer_id)
        greeting = self.words.pick(GREETINGS, order).format(name=first)
        telling = self._telling(said, case.customer_id, state, 1)
        noun = telling[0] if telling else self.words.problem
        titles = [self._short_title(a) for a in case.hits[:2]]
        if len(titles) < 2:
            titles = titles + [self.words.something_else] * (2 - len(titles))
        question = self.words.pick(QUESTIONS, order).format(noun=noun, a=titles[0], b=titles[1])
        parts = [greeting, self.words.ident]
        if self._upset(said):
            parts.insert(1, self.words.pick(SORRY, order).format(name=first))
        parts.append(question)
        return " ".join(parts)

    def _short_title(self, article_id: str) -> str:
        title = self.articles[article_id].title
        return re.split(r"[:(;,]", title)[0].strip().lower()

    def _restatement(self, case: Case, words: list[str], state: ExamState) -> str:
        """Up to four telling words, never two in their order, in a frame of the envoy's."""
        words = list(reversed(words[:4]))
        if not words:
            words = [self.words.problem]
        while len(words) < 4:
            words.append(words[-1])
        frame = self.words.pick(RESTATE, self._order(case.customer_id))
        return frame.format(
            name=self._first(state, case.customer_id),
            a=words[0],
            b=words[1],
            c=words[2],
            d=words[3],
        )

    def _tell(
        self, case: Case, article_id: str | None, state: ExamState, now: float, again: bool = False
    ) -> None:
        text = self._steps_text(case, article_id, state, again)
        check = self.words.pick(CHECKS, self._order(case.customer_id) + (1 if again else 0))
        self._say(
            case,
            now,
            f"{text} {check.format(name=self._first(state, case.customer_id))}".strip(),
            state,
        )

    def _steps_text(
        self, case: Case, article_id: str | None, state: ExamState, again: bool = False
    ) -> str:
        """The steps, each told by its verb's template, merged in pairs with asides between."""
        if article_id is None:
            return self.words.no_article
        steps = [self._retell(s) for s in article_steps(self.articles[article_id])[:6]]
        steps = [s for s in steps if s]
        if not steps:
            return self.words.no_article
        order = self._order(case.customer_id)
        sentences = []
        for i in range(0, len(steps), 2):
            ordinal = ORDINALS[self.lang][min(i // 2, len(ORDINALS[self.lang]) - 1)]
            pair = steps[i : i + 2]
            body = f" {STEP_THEN[self.lang]} ".join(pair)
            sentences.append(f"{ordinal} {body}.")
            if i + 2 < len(steps):
                sentences.append(self.words.pick(ASIDES, order + i))
        case.steps_told = " ".join(sentences)
        lead = self.words.lead_again if again else self.words.lead
        return f"{lead} {case.steps_told}"

    def _retell(self, step: str) -> str:
        """A step told by its verb's template: the verb out, the rest carried inside."""
        first = re.split(r"(?<=[.!?])\s", step.strip(), maxsplit=1)[0]
        first = _MARKUP.sub("", first).strip().rstrip(".:;!")
        first = re.sub(r"\s*\([^)]*\)", "", first)
        tokens = first.split()
        kind, at = None, -1
        for i, tok in enumerate(tokens[:8]):
            k = VERB_KINDS[self.lang].get(fold(tok).strip(",.:;'\"«»“”‘’"))
            if k is None and self.lang == "fr" and fold(tok).endswith("ez") and len(tok) > 4:
                k = "other"
            if k is not None:
                kind, at = k, i
                break
        if kind is None:
            rest = first
            kind = "other"
        else:
            rest = " ".join(tokens[:at] + tokens[at + 1 :])
        rest = rest.strip(" ,;:-")
        if not rest:
            return ""
        head = fold(rest.split()[0])
        if head in STOPWORDS[self.lang] or head in _DETERMINERS:
            rest = rest[0].lower() + rest[1:]
        return VERB_TEMPLATES[self.lang][kind].format(rest=rest)

    def _resolution(self, case: Case, state: ExamState) -> str:
        customer = state.customers.get(case.customer_id)
        ticket = state.tickets.get(case.ticket_id or "")
        source = ticket.description if ticket else ""
        conv = state.conversations.get(case.conversation_id or "")
        if conv is not None:
            source = self._said(conv)
        words = self._telling(source, case.customer_id, state, 3)
        title = self.articles[case.article].title if case.article else ""
        return self.words.resolution(
            customer.name if customer else "", words, title, case.article or "", case.group
        )

    def _relay_note(self, case: Case, reply: str, state: ExamState) -> str:
        words = self._telling(reply, case.customer_id, state, 4)
        return self.words.relay_note(self._first(state, case.customer_id), words)

    def _hold(self, case: Case, state: ExamState) -> str:
        return self.words.pick(HOLD, self._order(case.customer_id) + 2).format(
            name=self._first(state, case.customer_id),
            group=state.groups.get(case.group or "", case.group or self.words.desk),
            minutes=self._minutes(state, case),
            ticket=case.ticket_id,
        )

    # --- fields, groups, timing ---------------------------------------------------------

    def _ticket_fields(
        self, tid: str, case: Case, conv: Conversation, said: str, state: ExamState
    ) -> dict:
        title = conv.subject or " ".join(words_of(said)[:8]) or self.words.problem
        impact, urgency = self._levels(said, state)
        data = {
            "ticket_id": tid,
            "title": title[:80],
            "customer_id": case.customer_id,
            "description": said[:500] or title,
            "impact": impact,
            "urgency": urgency,
            "conversation_id": conv.id,
        }
        cat = self._category(f"{conv.subject} {said}", case.article)
        if cat:
            data["category"] = cat
        return {k: v for k, v in data.items() if v is not None}

    def _levels(self, text: str, state: ExamState) -> tuple[str | None, str | None]:
        levels = state.sla_profile.levels if state.sla_profile else ()
        if not levels:
            return None, None
        middle = levels[len(levels) // 2]
        stems = {stem(w) for w in words_of(text)}
        impact = levels[0] if stems & WIDE[self.lang] else middle
        urgency = levels[0] if stems & URGENT[self.lang] else middle
        return impact, urgency

    def _missing_fields(
        self, ticket: Ticket, text: str, article: str | None, state: ExamState
    ) -> dict[str, str]:
        impact, urgency = self._levels(text, state)
        changes: dict[str, str] = {}
        if ticket.category is None:
            cat = self._category(text, article)
            if cat:
                changes["category"] = cat
        if ticket.impact is None and impact:
            changes["impact"] = impact
        if ticket.urgency is None and urgency:
            changes["urgency"] = urgency
        return changes

    def _category(self, text: str, article_id: str | None) -> str | None:
        """The category whose name shares most words with the customer's and the article's."""
        stems = {stem(w) for w in words_of(text) if len(w) > 2}
        if article_id:
            a = self.articles[article_id]
            stems |= {stem(w) for w in words_of(f"{a.title} {' '.join(a.tags)}") if len(w) > 2}
        best, score = None, -1
        for cat in self.scenario.categories:
            s = len(stems & {stem(w) for w in words_of(f"{cat.name} {cat.id}") if len(w) > 2})
            if s > score:
                best, score = cat.id, s
        return best

    def _group_named(self, article_id: str | None, state: ExamState) -> str | None:
        """The first group the article's text names, by its name or its id."""
        if article_id is None:
            return None
        body = fold(plain_text(self.articles[article_id].body))
        found = []
        for gid, name in state.groups.items():
            for label in (name, gid):
                at = body.find(fold(label))
                if len(label) > 3 and at >= 0:
                    found.append((at, gid))
        return min(found)[1] if found else None

    def _update_gap(self, state: ExamState, case: Case) -> float:
        ticket = state.tickets.get(case.ticket_id or "")
        if state.sla_profile is None:
            return 600.0
        prio = (
            ticket.priority if ticket and ticket.priority else state.sla_profile.lowest_priority()
        )
        targets = state.sla_profile.priorities.get(prio)
        return 0.7 * targets.update_s if targets else 600.0

    def _minutes(self, state: ExamState, case: Case) -> int:
        return max(2, int(self._update_gap(state, case) / 60.0))

    def _works(self, reply: str) -> bool:
        text = f" {fold(reply)} "
        if any(n in text for n in NOT_WORKS[self.lang]):
            return False
        return any(w in text for w in WORKS[self.lang])

    def _expects_answer(self, text: str) -> bool:
        """A question or a message of some length; not "Okay, thank you." """
        return "?" in text or len(self._content(text, "", ExamState())) >= 3

    def _upset(self, text: str) -> bool:
        if "!" in text:
            return True
        stems = {stem(w) for w in words_of(text)}
        return bool(stems & UPSET[self.lang])


_DETERMINERS = frozenset(
    {"the", "a", "an", "de", "het", "een", "le", "la", "les", "l'", "un", "une"}
)

_WAITING = ("asked", "restated", "told", "told2", "closing", "relayed-question", "relayed-fix")

_RESOLUTION_HEADINGS = (
    "resol",
    "oploss",
    "stappen",
    "steps",
    "marche",
    "solution",
    "procéd",
    "proced",
    "wat te doen",
    "what to do",
    "fix",
)


def article_steps(article: KbArticle) -> list[str]:
    """The steps a reader takes from an article: the list under a resolution heading, else
    the first numbered list, else the first bullets, else its first sentences."""
    lines = article.body.splitlines()
    lists: list[tuple[bool, bool, list[str]]] = []
    heading_ok = False
    current: list[str] | None = None
    for line in lines:
        if line.lstrip().startswith("#"):
            h = fold(line)
            heading_ok = any(k in h for k in _RESOLUTION_HEADINGS)
            current = None
            continue
        m = _NUMBERED.match(line) or _BULLET.match(line)
        if m:
            if current is None:
                current = []
                lists.append((heading_ok, bool(_NUMBERED.match(line)), current))
            current.append(m.group(1).strip())
        elif line.startswith(("   ", "\t")) and current:
            current[-1] += " " + line.strip()
        elif line.strip():
            current = None
    for pick in (lambda h, n: h, lambda h, n: n, lambda h, n: True):
        for h, n, items in lists:
            if pick(h, n) and items:
                return items
    text = plain_text(article.body)
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3][1:4]
