"""`mimic`: a fourth cheater, written blind from the published documents only (branch evid23).

It never reads the answer key, a hidden fact, a dialogue rule or the glossary, and never tries
to understand a customer's problem: everything it says is made of what somebody else said.
It reads only what the candidate's screen shows: the customers' names and words (as strings),
the tickets and the queue's priorities, the SLA profile's update interval, the knowledge base
(search and articles), the categories and the groups. It uses no canned reply and no procedure
pattern. Its strategy, unlike savvy's battery, lawyer's frames and forger's canned replies,
mirrored questions, stalling and pasted articles:

- **Everything is said back**: each customer message with three content words or more is
  given back in the second person ("my printer" -> "your printer", "je n'arrive" -> "vous
  n'arrivez", "ik krijg" -> "u krijgt"), articles dropped and a short filler put in wherever
  four of the customer's words would follow each other, between an opener and a tag of its
  own grammar ("so if I follow you, ..., is that right?"); at most three a conversation;
- **one open question** a contact, two aspects of six chosen per customer so no two customers
  get the same question ("Walk me through it: since when the printer has been like this and
  what you have already tried with the printer?"), with a request for name and department;
- **empathy mirrored**: said only when the customer's own words show upset ("unacceptable",
  "again!", "are you still there"), so calm customers never get it;
- **the KB spun**: the top hit for the customer's most frequent content words; its first
  numbered list (else its longest list) told item by item behind connectors of its own,
  articles dropped and a filler wherever six of the article's words would follow each other,
  so no run of eight is left; then one sentence echoing the customer's words as what it fixes;
- **escalation mirrored**: a transfer (with a category) only when the customer's words say
  many people are hit and the top article names a group;
- **promise and re-promise**: every ticket that waits (transferred, pending, chased) gets
  "you'll hear from me within N minutes" inside the SLA's update interval, with the
  customer's own noun; the second line's words relayed in the second person, and noted;
- **closing with the customer's own words**: the resolution is the customer's first message in
  the third person ("Anna cannot print ..."), the article's id and one spun step; a
  conversation's ticket is resolved and closed after the check and the closing question, a
  written ticket two minutes after its reply;
- **fields mirrored**: the category by the words its name shares with the customer's and the
  top article's title and tags; impact and urgency from the customer's words ("everyone":
  high impact, "deadline": high urgency, else the middle level); a queue ticket's given
  fields kept; written tickets taken by the queue's priority.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Message, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex, fold, passage_text
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate.gaming_mimic_words import WORDS
from helpdesk_tui.simulate.policy import Action, Policy

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*['’]?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LIST_LINE = re.compile(r"^\s*(\d+\.|-)\s+(.*)$")
_EDGE = re.compile(r"^([^\w']*)(.*?)([^\w']*)$", re.UNICODE)

CUSTOMER_RUN = 4
"""The most of the customer's words `mimic` leaves in a row (the published echo is six)."""
ARTICLE_RUN = 6
"""The most of an article's words in a row (the published "stuffed" and 2.5 runs are eight)."""
MAX_RESTATEMENTS = 3
STEPS_TOLD = 4
WAIT_S = {
    "ask": 25.0,
    "listen": 40.0,
    "answer": 20.0,
    "check": 40.0,
    "closing": 40.0,
    "close": 30.0,
}
"""How long `mimic` waits for the customer before going on with the next step anyway."""
WRITTEN_RESOLVE_S = 120.0
MESSAGE_LIMIT = 1800
_MODALS = {"can", "could", "will", "would", "should", "might", "must", "cannot", "may", "shall"}
_KEEP_PENDING = {"ne", "y", "en", "le", "la", "les", "lui", "leur", "se", "te", "vous", "niet"}


@dataclass(slots=True)
class ConvPlan:
    """Where `mimic` stands in one conversation."""

    cid: str
    followup: bool
    stage: str = "greet"
    handled: int = 0
    """The seq of the last customer message answered."""
    last_sent: float | None = None
    restated: int = 0
    empathised: int = 0
    ticket: str | None = None
    searched: bool = False
    article: str | None = None
    linked: bool = False
    group: str | None = None
    transferred: bool = False
    said_bye: bool = False


@dataclass(slots=True)
class TicketPlan:
    """What `mimic` did on one ticket (written or from a conversation)."""

    tid: str
    written: bool
    taken: bool = False
    fields_done: bool = False
    searched: bool = False
    article: str | None = None
    linked: bool = False
    group: str | None = None
    transferred: bool = False
    replied_at: float | None = None
    relayed: int = 0
    noted: int = 0
    mails: int = 0
    resolve_after: float | None = None
    resolved: bool = False
    closed: bool = False
    failed: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Task:
    ready: float
    type: str
    data: dict[str, Any]
    cost: float
    done: Callable[[Event], None]
    failed: Callable[[], None]


class MimicPolicy(Policy):
    """Says back what it hears, spins the KB's top hit, promises, closes with the customer's words."""

    name = "mimic"
    description = "blind cheater: says the customer's words back, spins the KB, promises"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.lang = scenario.language if scenario.language in WORDS else "en"
        self.w = WORDS[self.lang]
        self.kb = KbIndex(scenario.kb)
        self.articles: dict[str, KbArticle] = {a.id: a for a in scenario.kb}
        self.stop = set(self.w["stop"].split())
        self.generic = set(self.w["generic"].split())
        self.busy_until = 0.0
        self.convs: dict[str, ConvPlan] = {}
        self.tickets: dict[str, TicketPlan] = {}
        self.customer_index: dict[str, int] = {}
        self.turn = 0
        self.opened: set[tuple[str, str | None]] = set()

    # ------------------------------------------------------------------ the runner's interface

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest task of all conversations and tickets, once `mimic` is free."""
        self._discover(state)
        tasks = [*self._conversation_tasks(state, now), *self._ticket_tasks(state, now)]
        if not tasks:
            return None
        task = min(tasks, key=lambda t: t.ready)
        at = max(now, self.busy_until, task.ready)
        return Action(at, task.type, task.data, task.cost, task.type, origin=task)

    def done(self, action: Action, event: Event) -> None:
        self.busy_until = event.exam_time + action.cost
        self.turn += 1
        action.origin.done(event)

    def refused(self, action: Action, reason: str) -> None:
        self.note(f"{action.type} refused: {reason}")
        action.origin.failed()

    # ------------------------------------------------------------------ what is on the screen

    def _discover(self, state: ExamState) -> None:
        for conv in state.conversations.values():
            if conv.id not in self.convs:
                followup = conv.about_ticket is not None or bool(conv.ticket_ids)
                plan = ConvPlan(conv.id, followup)
                if conv.ticket_ids:
                    plan.ticket = conv.ticket_ids[0]
                elif conv.about_ticket:
                    plan.ticket = conv.about_ticket
                self.convs[conv.id] = plan
            self._index_of(conv.customer_id)
        for ticket in state.tickets.values():
            if ticket.id not in self.tickets:
                written = not ticket.conversation_ids
                self.tickets[ticket.id] = TicketPlan(ticket.id, written)
                self._index_of(ticket.customer_id)

    def _index_of(self, customer_id: str) -> int:
        return self.customer_index.setdefault(customer_id, len(self.customer_index))

    def _first(self, state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        name = customer.name if customer else customer_id
        parts = name.split()
        if len(parts) > 2 and parts[0].rstrip(".").lower() in {"dr", "mr", "mrs", "ms", "prof"}:
            return f"{parts[0]} {parts[-1]}"
        return parts[0] if parts else name

    def _pick(self, key: str, customer_id: str, shift: int = 0) -> str:
        options = self.w[key]
        return options[(self._index_of(customer_id) + shift) % len(options)]

    # ------------------------------------------------------------------ words

    def _tokens(self, text: str) -> list[str]:
        return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]

    def _content(
        self, text: str, customer_id: str | None = None, state: ExamState | None = None
    ) -> list[str]:
        names: set[str] = set()
        if customer_id and state and customer_id in state.customers:
            names = {n.lower() for n in state.customers[customer_id].name.split()}
        return [
            t
            for t in self._tokens(text)
            if (len(t) >= 4 or any(c.isdigit() for c in t))
            and t not in self.stop
            and t not in names
        ]

    def _noun(self, texts: list[str], customer_id: str, state: ExamState) -> str:
        words = [
            w for t in texts for w in self._content(t, customer_id, state) if w not in self.generic
        ]
        words = [w for w in words if w.isalpha()]
        if not words:
            return {"en": "problem", "nl": "probleem", "fr": "problème"}[self.lang]
        counts = Counter(words)
        return max(words, key=lambda w: (counts[w], -words.index(w)))

    def _upset(self, text: str) -> bool:
        low = fold(text)
        return any(fold(cue) in low for cue in self.w["upset"])

    def _cue(self, texts: list[str], key: str) -> bool:
        low = fold(" ".join(texts))
        return any(fold(cue) in low for cue in self.w[key])

    def _shift(self, text: str, person: str, first: str) -> list[tuple[str, bool]]:
        """The text's words in the second person (or the third, by name); each with whether
        it is still the customer's own word."""
        table = self.w["shift"] if person == "you" else self.w["third"]
        verbs = self.w["verb_you"] if person == "you" else self.w["verb_third"]
        out: list[tuple[str, bool]] = []
        pending = False
        for raw in text.split():
            lead, core, trail = _EDGE.match(raw).groups()  # type: ignore[union-attr]
            low = core.lower().replace("’", "'")
            word, changed = core, False
            if low in table:
                word, changed = table[low].format(first=first), True
                pending = low in ("i", "ik", "je")
            elif self.lang == "fr" and low[:2] in ("j'", "m'") and len(low) > 2:
                word = table[low[:2]].format(first=first) + self._verb(low[2:], verbs, person)
                changed, pending = True, False
            elif pending and low.startswith("n'") and len(low) > 2:
                word, changed, pending = "n'" + self._verb(low[2:], verbs, person), True, False
            elif pending and low in _KEEP_PENDING:
                pass
            elif pending and low.isalpha():
                new = self._verb(low, verbs, person)
                word, changed, pending = new, new != low, False
            else:
                pending = False
            out.append((f"{lead}{word}{trail}", not changed))
        return out

    def _verb(self, verb: str, table: dict[str, str], person: str) -> str:
        if verb in table:
            return table[verb]
        if self.lang == "nl" and verb.isalpha() and not verb.endswith(("t", "d")) and len(verb) > 2:
            return verb + "t"
        if self.lang == "fr" and person == "you" and verb.endswith("e"):
            return verb + "z"
        third = self.lang == "en" and person == "third" and verb.isalpha()
        if third and verb not in _MODALS and not verb.endswith(("ed", "s")):
            return verb + "s"
        return verb

    def _spin(self, words: list[tuple[str, bool]], run: int, seed: int) -> str:
        """Determiners dropped, a filler wherever `run` borrowed words would follow each other."""
        fillers = self.w["fillers"]
        determiners = set(self.w["determiners"])
        out: list[str] = []
        borrowed = 0
        for i, (word, own) in enumerate(words):
            if own and word.lower().strip(".,;:!?") in determiners and i + 1 < len(words):
                borrowed = 0
                continue
            if own:
                borrowed += 1
                if borrowed > run:
                    out.append(fillers[(seed + len(out)) % len(fillers)])
                    borrowed = 1
            else:
                borrowed = 0
            out.append(word)
        return " ".join(out).strip(" ,;:")

    def _said_back(
        self, text: str, customer_id: str, state: ExamState, person: str = "you"
    ) -> str | None:
        """The customer's statements, given back in the second (or third) person, spun."""
        yours = set(self.w["you_words"])
        sentences = [
            s
            for s in _SENTENCE_END.split(text.strip())
            if s and not s.rstrip().endswith("?") and not yours & set(self._tokens(s))
        ]
        scored = [
            (len(self._content(s, customer_id, state)), i, s) for i, s in enumerate(sentences)
        ]
        best = sorted(sorted(scored, reverse=True)[:2], key=lambda x: x[1])
        if sum(n for n, _, _ in best) < 3:
            return None
        first = self._first(state, customer_id)
        words = [w for _, _, s in best for w in self._shift(s, person, first)]
        body = self._spin(words, CUSTOMER_RUN, self._index_of(customer_id))
        return body.rstrip(".!") if body else None

    # ------------------------------------------------------------------ the KB

    def _search(
        self, texts: list[str], customer_id: str, state: ExamState
    ) -> tuple[str, list[str]]:
        words = [w for t in texts for w in self._content(t, customer_id, state)]
        top = [w for w, _ in Counter(words).most_common(4)]
        query = " ".join(top) or " ".join(texts)[:60]
        hits = self.kb.search(query, limit=10)
        return query[:200], [h.article_id for h in hits]

    def _steps(self, article_id: str | None) -> list[str]:
        if article_id is None or article_id not in self.articles:
            return []
        lists: list[list[tuple[bool, str]]] = []
        current: list[tuple[bool, str]] = []
        for line in passage_text(self.articles[article_id].body).splitlines():
            item = _LIST_LINE.match(line)
            if item is not None and not line.startswith(" "):
                current.append((item.group(1) != "-", item.group(2)))
            elif item is None:
                if current:
                    lists.append(current)
                current = []
        if current:
            lists.append(current)
        numbered = [items for items in lists if items[0][0]]
        chosen = numbered[0] if numbered else max(lists, key=len, default=[])
        told = []
        for _, text in chosen[:STEPS_TOLD]:
            kept = [s for s in _SENTENCE_END.split(text) if s and not s.rstrip().endswith("?")]
            if kept:
                told.append(" ".join(kept))
        return told

    def _spun_steps(self, article_id: str | None, seed: int) -> list[str]:
        spun = []
        for i, step in enumerate(self._steps(article_id)):
            words = [(w, True) for w in step.split()]
            spun.append(self._spin(words, ARTICLE_RUN, seed + i))
        return spun

    def _group_named(self, article_id: str | None) -> str | None:
        if article_id is None or article_id not in self.articles:
            return None
        body = fold(passage_text(self.articles[article_id].body))
        for group in self.scenario.groups:
            if fold(group.name) in body:
                return group.id
        return None

    def _category(self, texts: list[str], article_id: str | None, state: ExamState) -> str | None:
        said = {w[:5] for t in texts for w in self._content(t)}
        article = self.articles.get(article_id) if article_id else None
        about = (
            {w[:5] for w in self._content(f"{article.title} {' '.join(article.tags)}")}
            if article
            else set()
        )
        best, best_score = None, -1
        for category in self.scenario.categories:
            if category.id not in state.categories and state.categories:
                continue
            words = {
                w[:5]
                for w in self._tokens(f"{category.id.replace('-', ' ')} {category.name}")
                if len(w) >= 3
            }
            score = len(words & said) + 2 * len(words & about)
            if score > best_score:
                best, best_score = category.id, score
        return best

    def _levels(self, texts: list[str], state: ExamState) -> tuple[str, str]:
        levels = state.sla_profile.levels if state.sla_profile else ("high", "medium", "low")
        middle = levels[len(levels) // 2]
        impact = levels[0] if self._cue(texts, "many") else middle
        urgency = levels[0] if self._cue(texts, "now") else middle
        return impact, urgency

    # ------------------------------------------------------------------ conversations

    def _customer_texts(self, conv: Conversation) -> list[str]:
        return [m.text for m in conv.messages if m.author == "customer"]

    def _conversation_tasks(self, state: ExamState, now: float) -> list[_Task]:
        tasks: list[_Task] = []
        for conv in state.conversations.values():
            plan = self.convs[conv.id]
            if plan.stage == "done":
                continue
            tasks.extend(self._conv_ticket_tasks(state, conv, plan))
            if conv.is_live:
                message = self._conv_message_task(state, conv, plan, now)
                if message is not None:
                    tasks.append(message)
        return tasks

    def _new_customer(self, conv: Conversation, plan: ConvPlan) -> list[Message]:
        return [m for m in conv.messages if m.author == "customer" and m.seq > plan.handled]

    def _conv_message_task(
        self, state: ExamState, conv: Conversation, plan: ConvPlan, now: float
    ) -> _Task | None:
        fresh = self._new_customer(conv, plan)
        if fresh:
            trigger = max(m.at + m.duration_s for m in fresh)
        elif plan.last_sent is None:
            trigger = conv.opened_at + WAIT_S["ask"]
        else:
            trigger = plan.last_sent + WAIT_S.get(plan.stage, 30.0)
        if plan.stage == "answer" and not self._answer_ready(state, plan):
            return None
        if plan.stage == "close":
            return self._close_task(state, conv, plan, trigger)
        text, next_stage, empathy, restated = self._compose(state, conv, plan, fresh)
        ready = max(trigger + 2.0 + min(len(text) / 15.0, 10.0), conv.busy_until + 0.5)
        last = max((m.seq for m in conv.messages if m.author == "customer"), default=plan.handled)

        def sent(event: Event) -> None:
            plan.handled = max(plan.handled, last)
            plan.last_sent = event.exam_time
            plan.stage = next_stage
            plan.empathised += empathy
            plan.restated += restated

        def failed() -> None:
            plan.stage = "done"

        data = {"conversation_id": conv.id, "text": text[:MESSAGE_LIMIT]}
        return _Task(ready, "message_sent", data, 1.0, sent, failed)

    def _answer_ready(self, state: ExamState, plan: ConvPlan) -> bool:
        """The look-up done (searched, the top hit opened and linked), a transfer made."""
        if not plan.searched or (plan.article is not None and not plan.linked):
            return False
        return not (plan.group and not plan.transferred)

    def _compose(
        self, state: ExamState, conv: Conversation, plan: ConvPlan, fresh: list[Message]
    ) -> tuple[str, str, int, int]:
        """The next message, the stage after it, and whether it holds empathy, a restatement."""
        cid = conv.customer_id
        first = self._first(state, cid)
        latest = " ".join(m.text for m in fresh)
        parts: list[str] = []
        empathy = restated = 0
        if fresh and plan.last_sent is not None and fresh[-1].at - plan.last_sent > 45.0:
            parts.append(self._pick("apology", cid, plan.handled).format(first=first))
        if fresh and self._upset(latest) and plan.empathised < 2:
            parts.append(self._pick("empathy", cid, plan.empathised).format(first=first))
            empathy = 1
        stage = plan.stage
        if stage in ("greet", "listen"):
            back = self._restatement(state, cid, latest, plan.restated)
            restated = int(back is not None)
        if stage == "greet":
            parts.insert(0, self._pick("greet", cid).format(first=first))
            parts.append(back or self._pick("what", cid))
            if plan.followup:
                parts.append(self._promise_text(state, plan.ticket, cid))
                return " ".join(parts), "close", empathy, restated
            return " ".join(parts), "ask", empathy, restated
        if stage == "ask":
            parts += [self._question(state, conv), self._pick("identify", cid)]
            return " ".join(parts), "listen", empathy, 0
        if stage == "listen":
            parts += [back] if back else []
            parts.append(self._pick("hold", cid))
            return " ".join(parts), "answer", empathy, restated
        if stage == "answer":
            parts.append(self._answer_text(state, conv, plan))
            return " ".join(parts), "closing" if plan.transferred else "check", empathy, 0
        if stage == "check":
            noun = self._noun(self._customer_texts(conv), cid, state)
            parts.append(self._pick("check", cid).format(first=first, noun=noun))
            return " ".join(parts), "closing", empathy, 0
        parts.append(self._pick("closing", cid))
        return " ".join(parts), "close", empathy, 0

    def _restatement(self, state: ExamState, cid: str, text: str, done: int) -> str | None:
        if done >= MAX_RESTATEMENTS or not text:
            return None
        body = self._said_back(text, cid, state)
        if body is None:
            return None
        opener = self._pick("openers", cid, done)
        tag = self._pick("tags", cid, 2 * done + 1)
        return f"{opener[0].upper()}{opener[1:]} {_lower_first(body)}, {tag}"

    def _question(self, state: ExamState, conv: Conversation) -> str:
        cid = conv.customer_id
        i = self._index_of(cid)
        aspects = self.w["aspects"]
        a = i % len(aspects)
        b = (i + 1 + i // len(aspects)) % len(aspects)
        if b == a:
            b = (a + 1) % len(aspects)
        noun = self._noun(self._customer_texts(conv), cid, state)
        opener = self._pick("ask_open", cid, i // len(aspects))
        first = aspects[a].format(noun=noun)
        second = aspects[b].format(noun=noun)
        return f"{opener} {first} {self.w['and']} {second}?"

    def _answer_text(self, state: ExamState, conv: Conversation, plan: ConvPlan) -> str:
        cid = conv.customer_id
        first = self._first(state, cid)
        texts = self._customer_texts(conv)
        noun = self._noun(texts, cid, state)
        if plan.transferred and plan.group:
            n = self._update_minutes(state, plan.ticket)
            group = state.groups.get(plan.group, plan.group)
            return self._pick("transfer", cid).format(first=first, noun=noun, group=group, n=n)
        return self._told(state, cid, texts, plan.article)

    def _told(self, state: ExamState, cid: str, texts: list[str], article: str | None) -> str:
        first = self._first(state, cid)
        seed = self._index_of(cid)
        steps = self._spun_steps(article, seed)
        connectors = self.w["steps"]
        told = [self._pick("answer", cid).format(first=first)]
        for i, step in enumerate(steps):
            connector = connectors[-1] if i == len(steps) - 1 and i > 0 else connectors[min(i, 3)]
            told.append(f"{connector} {step[0].lower()}{step[1:]}".rstrip(".") + ".")
        frag = self._said_back(texts[0], cid, state) if texts else None
        if frag:
            told.append(self._pick("echo", cid).format(frag=" ".join(frag.split()[:8])))
        return " ".join(told)

    def _close_task(
        self, state: ExamState, conv: Conversation, plan: ConvPlan, trigger: float
    ) -> _Task | None:
        ticket = state.tickets.get(plan.ticket) if plan.ticket else None
        if ticket is not None and not plan.followup and not plan.transferred:
            task = self._resolve_tasks(
                state, ticket, self._customer_texts(conv), plan.article, trigger
            )
            if task is not None:
                return task
        ready = max(trigger + 2.0, conv.busy_until + 0.5)
        if not plan.said_bye:
            first = self._first(state, conv.customer_id)
            text = self._pick("bye", conv.customer_id).format(first=first)

            def bye(event: Event) -> None:
                plan.said_bye = True
                plan.handled = max([plan.handled, *(m.seq for m in conv.messages)])
                plan.last_sent = event.exam_time

            def no_bye() -> None:
                plan.said_bye = True

            data = {"conversation_id": conv.id, "text": text}
            return _Task(ready, "message_sent", data, 1.0, bye, no_bye)

        def ended(event: Event) -> None:
            plan.stage = "done"

        def stuck() -> None:
            plan.stage = "done"

        return _Task(
            ready + 1.0, "conversation_closed", {"conversation_id": conv.id}, 1.0, ended, stuck
        )

    def _conv_ticket_tasks(
        self, state: ExamState, conv: Conversation, plan: ConvPlan
    ) -> list[_Task]:
        if plan.last_sent is None or plan.followup:
            return []
        texts = self._customer_texts(conv)
        ready = plan.last_sent + 1.0
        if plan.ticket is None:
            return [self._create_task(state, conv, plan, texts, ready)]
        ticket = state.tickets.get(plan.ticket)
        if ticket is None or plan.stage in ("greet", "ask"):
            return []
        if not plan.searched:
            return [self._search_task(texts, conv.customer_id, state, ready, plan)]
        if plan.article and not plan.linked:
            return [self._link_task(ticket, plan, ready, texts)]
        if plan.group and not plan.transferred and ticket.status in _TRANSFERABLE:
            return [self._transfer_task(state, ticket, plan, texts, ready)]
        return []

    def _create_task(
        self, state: ExamState, conv: Conversation, plan: ConvPlan, texts: list[str], ready: float
    ) -> _Task:
        tid = state.next_ticket_id()
        title = " ".join((texts[0] if texts else conv.subject or conv.id).split()[:8])[:80]
        impact, urgency = self._levels(texts, state)
        data: dict[str, Any] = {
            "ticket_id": tid,
            "title": title or conv.id,
            "customer_id": conv.customer_id,
            "description": "\n".join(texts)[:3000] or title,
            "impact": impact,
            "urgency": urgency,
            "conversation_id": conv.id,
        }
        category = self._category(texts, None, state)
        if category:
            data["category"] = category

        def created(event: Event) -> None:
            plan.ticket = tid
            self.tickets[tid] = TicketPlan(tid, written=False, taken=True, fields_done=True)

        def failed() -> None:
            plan.followup = True

        return _Task(ready, "ticket_created", data, 8.0, created, failed)

    def _search_task(
        self, texts: list[str], cid: str, state: ExamState, ready: float, plan: Any
    ) -> _Task:
        query, hits = self._search(texts, cid, state)

        def searched(event: Event) -> None:
            plan.searched = True
            plan.article = hits[0] if hits else None

        def failed() -> None:
            plan.searched = True

        return _Task(
            ready, "kb_searched", {"query": query or "?", "results": hits}, 3.0, searched, failed
        )

    def _link_task(self, ticket: Ticket, plan: Any, ready: float, texts: list[str]) -> _Task:
        """Open the top hit (a logged look-up), then link it to the ticket."""
        article = plan.article
        if (ticket.id, article) not in self.opened:

            def was_opened(event: Event) -> None:
                self.opened.add((ticket.id, article))

            def not_opened() -> None:
                self.opened.add((ticket.id, article))

            return _Task(
                ready, "kb_article_opened", {"article_id": article}, 5.0, was_opened, not_opened
            )

        def linked(event: Event) -> None:
            plan.linked = True
            plan.group = self._group_named(article) if self._cue(texts, "many") else None

        def failed() -> None:
            plan.linked = True

        data = {"ticket_id": ticket.id, "kb_article": article}
        return _Task(ready, "ticket_linked", data, 1.0, linked, failed)

    def _transfer_task(
        self, state: ExamState, ticket: Ticket, plan: Any, texts: list[str], ready: float
    ) -> _Task:
        reason = (
            self._said_back(" ".join(texts), ticket.customer_id, state, "third") or ticket.title
        )
        data = {"ticket_id": ticket.id, "group": plan.group, "reason": reason[:900]}
        if ticket.category is None:
            category = self._category(texts, plan.article, state)
            if category is not None:
                return self._field_task(ticket, {"category": category}, ready, plan)

        def moved(event: Event) -> None:
            plan.transferred = True
            self.tickets.setdefault(ticket.id, TicketPlan(ticket.id, False)).transferred = True

        def failed() -> None:
            plan.group = None

        return _Task(ready, "ticket_transferred", data, 6.0, moved, failed)

    def _field_task(
        self, ticket: Ticket, changes: dict[str, str], ready: float, plan: Any
    ) -> _Task:
        def updated(event: Event) -> None:
            if isinstance(plan, TicketPlan):
                plan.fields_done = True

        def failed() -> None:
            if isinstance(plan, TicketPlan):
                plan.fields_done = True
            else:
                plan.group = None

        data = {"ticket_id": ticket.id, "changes": changes}
        return _Task(ready, "ticket_updated", data, 4.0, updated, failed)

    # ------------------------------------------------------------------ tickets

    def _ticket_tasks(self, state: ExamState, now: float) -> list[_Task]:
        tasks: list[_Task] = []
        current = self._current_written(state)
        if current is not None:
            task = self._written_task(state, current, now)
            if task is not None:
                tasks.append(task)
        for tid, plan in self.tickets.items():
            ticket = state.tickets.get(tid)
            if ticket is None or plan.closed:
                continue
            task = self._follow_task(state, ticket, plan, now)
            if task is not None:
                tasks.append(task)
        return tasks

    def _current_written(self, state: ExamState) -> TicketPlan | None:
        waiting = [
            (state.tickets[tid], plan)
            for tid, plan in self.tickets.items()
            if plan.written
            and plan.replied_at is None
            and tid in state.tickets
            and state.tickets[tid].is_active
            and "reply" not in plan.failed
        ]
        if not waiting:
            return None
        ranked = sorted(
            waiting, key=lambda tp: (tp[0].priority or "P9", tp[0].created_at, tp[0].id)
        )
        return ranked[0][1]

    def _written_texts(self, ticket: Ticket) -> list[str]:
        return [ticket.title, ticket.description, *(text for _, text in ticket.customer_mails)]

    def _written_task(self, state: ExamState, plan: TicketPlan, now: float) -> _Task | None:
        ticket = state.tickets[plan.tid]
        texts = self._written_texts(ticket)
        ready = now
        if not plan.taken and ticket.status == TicketStatus.NEW:
            return self._take_task(ticket, plan, ready)
        plan.taken = True
        if not plan.searched:
            return self._search_task(texts, ticket.customer_id, state, ready, plan)
        if not plan.fields_done:
            changes = self._missing_fields(state, ticket, texts, plan.article)
            if changes:
                return self._field_task(ticket, changes, ready, plan)
            plan.fields_done = True
        if plan.article and not plan.linked:
            return self._link_task(ticket, plan, ready, texts)
        if plan.group and not plan.transferred and ticket.status in _TRANSFERABLE:
            return self._transfer_task(state, ticket, plan, texts, ready)
        return self._written_reply(state, ticket, plan, texts, ready)

    def _take_task(self, ticket: Ticket, plan: TicketPlan, ready: float) -> _Task:
        def taken(event: Event) -> None:
            plan.taken = True

        def failed() -> None:
            plan.taken = True

        return _Task(ready, "ticket_opened", {"ticket_id": ticket.id}, 2.0, taken, failed)

    def _missing_fields(
        self, state: ExamState, ticket: Ticket, texts: list[str], article: str | None
    ) -> dict[str, str]:
        impact, urgency = self._levels(texts, state)
        changes: dict[str, str] = {}
        if ticket.category is None:
            category = self._category(texts, article, state)
            if category:
                changes["category"] = category
        if ticket.impact is None:
            changes["impact"] = impact
        if ticket.urgency is None:
            changes["urgency"] = urgency
        return changes

    def _written_reply(
        self, state: ExamState, ticket: Ticket, plan: TicketPlan, texts: list[str], ready: float
    ) -> _Task:
        cid = ticket.customer_id
        first = self._first(state, cid)
        parts = [self._pick("greet_mail", cid).format(first=first)]
        back = self._said_back(ticket.description, cid, state)
        if back:
            opener = self._pick("openers", cid)
            parts.append(f"{opener[0].upper()}{opener[1:]} {_lower_first(back)}.")
        if plan.transferred and plan.group:
            noun = self._noun(texts, cid, state)
            n = self._update_minutes(state, ticket.id)
            group = state.groups.get(plan.group, plan.group)
            parts.append(
                self._pick("transfer", cid).format(first=first, noun=noun, group=group, n=n)
            )
        else:
            parts.append(self._told(state, cid, [ticket.description], plan.article))
        text = " ".join(parts)[:3900]

        def replied(event: Event) -> None:
            plan.replied_at = event.exam_time
            if not plan.transferred:
                plan.resolve_after = event.exam_time + WRITTEN_RESOLVE_S

        def failed() -> None:
            plan.failed.add("reply")

        return _Task(
            ready + 2.0 + min(len(text) / 20.0, 15.0),
            "ticket_reply_added",
            {"ticket_id": ticket.id, "text": text},
            1.0,
            replied,
            failed,
        )

    def _follow_task(
        self, state: ExamState, ticket: Ticket, plan: TicketPlan, now: float
    ) -> _Task | None:
        """Second-line replies relayed and noted, chases answered, promises kept, resolutions due."""
        if len(ticket.second_line) > plan.relayed:
            return self._relay_task(state, ticket, plan)
        if len(ticket.second_line) > plan.noted:
            return self._note_task(ticket, plan)
        if len(ticket.customer_mails) > plan.mails and ticket.is_active:
            return self._promise_task(
                state, ticket, plan, ticket.customer_mails[-1][0] + 20.0, mail=True
            )
        if plan.resolve_after is not None and not plan.resolved and "resolve" not in plan.failed:
            texts = self._texts_of(state, ticket)
            return self._resolve_tasks(state, ticket, texts, plan.article, plan.resolve_after)
        if plan.resolved and not plan.closed and ticket.status == TicketStatus.RESOLVED:
            return self._resolve_tasks(state, ticket, [], plan.article, now)
        if ticket.status in _WAITING:
            since = (
                ticket.last_response_at
                if ticket.last_response_at is not None
                else ticket.updated_at
            )
            due = since + max(60.0, self._update_s(state, ticket.id) - 60.0)
            return self._promise_task(state, ticket, plan, due, mail=False)
        return None

    def _texts_of(self, state: ExamState, ticket: Ticket) -> list[str]:
        texts = [
            m.text
            for cid in ticket.conversation_ids
            if cid in state.conversations
            for m in state.conversations[cid].messages
            if m.author == "customer"
        ]
        return texts or [ticket.description]

    def _live_conversation(self, state: ExamState, ticket: Ticket) -> Conversation | None:
        for cid in reversed(ticket.conversation_ids):
            conv = state.conversations.get(cid)
            if conv is not None and conv.is_live:
                return conv
        return None

    def _tell(
        self,
        state: ExamState,
        ticket: Ticket,
        text: str,
        ready: float,
        done: Callable[[Event], None],
        failed: Callable[[], None],
    ) -> _Task:
        conv = self._live_conversation(state, ticket)
        if conv is not None:
            ready = max(ready, conv.busy_until + 0.5)
            return _Task(
                ready,
                "message_sent",
                {"conversation_id": conv.id, "text": text[:MESSAGE_LIMIT]},
                1.0,
                done,
                failed,
            )
        return _Task(
            ready,
            "ticket_reply_added",
            {"ticket_id": ticket.id, "text": text[:3900]},
            1.0,
            done,
            failed,
        )

    def _relay_task(self, state: ExamState, ticket: Ticket, plan: TicketPlan) -> _Task:
        at, group_id, said = ticket.second_line[plan.relayed]
        cid = ticket.customer_id
        first = self._first(state, cid)
        group = state.groups.get(group_id, group_id)
        words = [(w, True) for w in said.split()]
        text = self._pick("relay", cid, plan.relayed).format(
            first=first, group=group, text=self._spin(words, CUSTOMER_RUN, plan.relayed)
        )

        def relayed(event: Event) -> None:
            plan.relayed += 1
            if "?" not in said:
                plan.resolve_after = event.exam_time + 60.0
                plan.resolved = False

        def failed() -> None:
            plan.relayed += 1

        return self._tell(state, ticket, text, at + 15.0, relayed, failed)

    def _note_task(self, ticket: Ticket, plan: TicketPlan) -> _Task:
        at, group_id, said = ticket.second_line[plan.noted]

        def noted(event: Event) -> None:
            plan.noted += 1

        def failed() -> None:
            plan.noted += 1

        return _Task(
            at + 20.0,
            "note_added",
            {"ticket_id": ticket.id, "text": f"{group_id}: {said}"[:3900]},
            3.0,
            noted,
            failed,
        )

    def _promise_text(self, state: ExamState, tid: str | None, cid: str) -> str:
        ticket = state.tickets.get(tid) if tid else None
        first = self._first(state, cid)
        texts = self._texts_of(state, ticket) if ticket else []
        noun = self._noun(texts, cid, state)
        group = ""
        if ticket is not None and ticket.group:
            group = self.w["with_group"].format(group=state.groups.get(ticket.group, ticket.group))
        n = self._update_minutes(state, tid)
        shift = len(ticket.replies) if ticket else 0
        return self._pick("promise", cid, shift).format(first=first, noun=noun, group=group, n=n)

    def _promise_task(
        self, state: ExamState, ticket: Ticket, plan: TicketPlan, ready: float, mail: bool
    ) -> _Task:
        text = self._promise_text(state, ticket.id, ticket.customer_id)
        count = len(ticket.customer_mails)

        def promised(event: Event) -> None:
            if mail:
                plan.mails = count

        def failed() -> None:
            plan.mails = count
            plan.closed = True

        return self._tell(state, ticket, text, ready, promised, failed)

    def _update_s(self, state: ExamState, tid: str | None) -> float:
        ticket = state.tickets.get(tid) if tid else None
        profile = state.sla_profile
        if profile is None or ticket is None or ticket.priority not in profile.priorities:
            return 600.0
        return profile.priorities[ticket.priority].update_s

    def _update_minutes(self, state: ExamState, tid: str | None) -> int:
        return max(2, int(self._update_s(state, tid) // 60) - 1)

    def _resolve_tasks(
        self, state: ExamState, ticket: Ticket, texts: list[str], article: str | None, ready: float
    ) -> _Task | None:
        plan = self.tickets.setdefault(ticket.id, TicketPlan(ticket.id, False))
        if ticket.status == TicketStatus.RESOLVED and not plan.closed:

            def closed(event: Event) -> None:
                plan.closed = True

            def not_closed() -> None:
                plan.closed = True

            return _Task(ready, "ticket_closed", {"ticket_id": ticket.id}, 1.0, closed, not_closed)
        if ticket.status not in _RESOLVABLE or plan.resolved or "resolve" in plan.failed:
            return None
        if ticket.category is None:
            category = self._category(texts, article, state)
            if category and "category" not in plan.failed:
                task = self._field_task(ticket, {"category": category}, ready, plan)
                task.failed = lambda: plan.failed.add("category")
                return task
        solution = self._resolution(state, ticket, texts, article)

        def resolved(event: Event) -> None:
            plan.resolved = True

        def failed() -> None:
            plan.failed.add("resolve")

        data: dict[str, Any] = {"ticket_id": ticket.id, "solution": solution}
        if article:
            data["kb_article"] = article
        return _Task(ready, "ticket_resolved", data, 6.0, resolved, failed)

    def _resolution(
        self, state: ExamState, ticket: Ticket, texts: list[str], article: str | None
    ) -> str:
        cid = ticket.customer_id
        first = self._first(state, cid)
        source = next(
            (t for t in texts if self._said_back(t, cid, state, "third")), ticket.description
        )
        frag = self._said_back(source, cid, state, "third") or ticket.title
        steps = self._spun_steps(article, self._index_of(cid) + 3)
        step = steps[0] if steps else ""
        if ticket.second_line:
            step = self._spin(
                [(w, True) for w in ticket.second_line[-1][2].split()], CUSTOMER_RUN, 1
            )
        key = "resolved" if article else "resolved_no_kb"
        return self._pick(key, cid).format(first=first, frag=frag, kb=article, step=step)[:3900]


_SMALL_WORDS = frozenset(
    [
        "and",
        "but",
        "so",
        "the",
        "it",
        "there",
        "this",
        "that",
        "en",
        "maar",
        "dus",
        "de",
        "het",
        "er",
        "dat",
        "et",
        "mais",
        "donc",
        "le",
        "la",
        "les",
        "il",
        "elle",
        "ça",
        "on",
    ]
)


def _lower_first(text: str) -> str:
    """ "And there's ..." after an opener reads "and there's ..."; "I" and names stay."""
    head = text.split(" ", 1)[0].lower()
    return text[0].lower() + text[1:] if head in _SMALL_WORDS else text


_TRANSFERABLE = frozenset(
    {
        TicketStatus.NEW,
        TicketStatus.OPEN,
        TicketStatus.PENDING_CUSTOMER,
        TicketStatus.PENDING_THIRD_PARTY,
    }
)
_RESOLVABLE = frozenset(
    {
        TicketStatus.NEW,
        TicketStatus.OPEN,
        TicketStatus.PENDING_CUSTOMER,
        TicketStatus.PENDING_THIRD_PARTY,
        TicketStatus.TRANSFERRED,
    }
)
_WAITING = frozenset(
    {TicketStatus.TRANSFERRED, TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_THIRD_PARTY}
)
