"""`herald`: a twelfth cheater, written blind from the published documents only (branch evid38).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies,
the macros or the procedures, and never tries to understand a customer's problem. It reads only
what the candidate's screen shows: the customers' names and departments, their words (as
strings), the conversations, the tickets with their fields, the SLA profile's levels and update
intervals, the knowledge base (search, hit list, articles), the categories and the groups. A
herald announces someone else's message in words that are new each time: it has read 2.23
(docs/assessment.md: "the reading needs the same wording told to several customers: a cheater
with a new frame for every customer, or one that varies its frames enough, is not read by it").
Its strategy, unlike savvy's battery, lawyer's frames, forger's canned replies, mimic's spun
articles, ghost's echoes, tailor's drip, clerk's pieces, usher's descriptions, broker's weave,
courier's synonyms and envoy's one frame per kind of verb:

- **a good search, as a reader does it**: the customer's content words ranked by how few
  articles hold them, the three rarest searched, then their subject or the next three; the
  hits of both lists scored by the customer's words in their titles, tags and snippets, the
  best two opened, the one whose body holds most of the customer's words kept (the other kept
  as a second try);
- **every step in a frame built for this customer and this step**: a lead, a change of person
  or mood ("you'll ...", "let's ...", "il suffit de ...", "wat u nu doet: ..."), one of the
  customer's own words echoed ("for your printer"), and a tail, each drawn from pools of a
  dozen by a generator seeded per customer and step, the least used pieces first and no whole
  frame ever given twice; the clause order turned three ways; two steps a message;
- **the intake**: a greeting by first name from a product of pools, a request for name and
  department, one open question naming the customer's rarest word; a restatement of four of
  their words (never two in their order) behind an opener and a tag of their own pools;
  an apology only when their words are upset;
- **the check, the closing**: "does it work now" in a fresh wording; on yes a closing question
  (three pools), the ticket resolved with a resolution sentence assembled from three pools
  (the customer's name and words, the article's title and id), closed, the conversation closed;
- **escalation when the article names a group**: on no, the ticket (with its category) is
  transferred to the group the article names, the customer promised news within half the
  update interval, and updated before each interval runs out; a second-line reply is passed on
  in a frame and noted; a final answer told, checked and resolved; with no group named, the
  second article told once, then closed;
- **written tickets**: opened, empty fields filled, searched, linked, one reply (greeting,
  steps framed, a courtesy), transferred when the article names a group, else resolved and
  closed two minutes later;
- **fields**: the category whose name shares most words with the customer's and the article's
  title and tags; impact and urgency the middle level, the top one when their words say many
  people are hit;
- **never over the customer**: it writes only when they have finished; 90 s of silence is an
  answer.
"""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbHit, KbIndex
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate import gaming_herald_words as W
from helpdesk_tui.simulate.policy import Action, Policy

_WORD = re.compile(r"[^\W\d_][\w'-]*")
_LIST = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+(.*)$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
LATE = frozenset({"transfer_written", "transferring", "promised", "final"})
"""The stages after a transfer, the same for a conversation and a written ticket."""
WAITING = frozenset({"asked", "restated", "told", "checked", "closed_q", "bye"})
"""The stages that wait for the customer's answer first."""
WAIT_S = 90.0
"""A customer who says nothing for this long is taken as having answered."""


def words(text: str, language: str) -> list[str]:
    """The content words of a text: four letters or more, not a stop word, lower-cased."""
    stop = W.STOP.get(language, frozenset())
    return [
        w
        for w in (m.lower().strip("'-") for m in _WORD.findall(text))
        if len(w) >= 4 and w not in stop
    ]


def _stem(word: str) -> str:
    return word[:5]


def article_steps(article: KbArticle) -> list[str]:
    """The article's steps: its list items from the first one up to the first line of prose (a
    blank line does not end the list, so two lists with only blank lines between them are read
    as one), else its body's sentences; first sentence of each, markdown dropped, items of
    fewer than three words left out, at most six."""
    lines = article.body.splitlines()
    items: list[str] = []
    for line in lines:
        match = _LIST.match(line)
        if match:
            items.append(match.group(1))
        elif items and line.strip():
            break
    if not items:
        prose = " ".join(
            ln for ln in lines if ln.strip() and not ln.lstrip().startswith(("#", "|"))
        )
        items = re.split(r"(?<=[.!?])\s+", prose)
    steps = []
    for item in items:
        text = _LINK.sub(r"\1", item).replace("**", "").replace("`", "").replace("_", " ")
        text = re.split(r"(?<=[.!?])\s+", text.strip())[0].rstrip(" .:;")
        if len(text.split()) >= 3:
            steps.append(text)
    return steps[:6]


def _stable(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


class FrameMaker:
    """Builds frames from the pools: seeded per customer, least-used pieces first, no whole
    frame twice across the exam."""

    def __init__(self, language: str, seed: int) -> None:
        self.language = language if language in W.GREETING else "en"
        self.seed = seed
        self.used: Counter[tuple[str, str]] = Counter()
        self.given: set[str] = set()
        self.memo: dict[tuple[object, ...], str] = {}

    def pick(self, pool_id: str, pool: tuple[str, ...], rng: random.Random) -> str:
        """The least-used piece of the pool, ties broken by the customer's generator."""
        order = list(range(len(pool)))
        rng.shuffle(order)
        best = min(order, key=lambda i: self.used[(pool_id, pool[i])])
        self.used[(pool_id, pool[best])] += 1
        return pool[best]

    def rng(self, *key: object) -> random.Random:
        return random.Random(_stable(self.seed, *key))

    def fresh(self, build: Callable[[random.Random], str], *key: object) -> str:
        """A text not given before (tries the generator a few times); the same key, the same text."""
        if key in self.memo:
            return self.memo[key]
        rng = self.rng(*key)
        text = build(rng)
        for _ in range(12):
            if text not in self.given:
                break
            text = build(rng)
        self.given.add(text)
        self.memo[key] = text
        return text

    def product(
        self, name: str, pools: tuple[tuple[str, ...], ...], rng: random.Random
    ) -> list[str]:
        return [self.pick(f"{name}{i}", pool, rng) for i, pool in enumerate(pools)]

    def step(self, step: str, echo: str, key: tuple[object, ...]) -> str:
        """One step in a frame of its own: lead, person or mood, echo, tail, in one of three orders."""
        lang = self.language

        def build(rng: random.Random) -> str:
            lead = self.pick("lead", W.STEP_LEAD[lang], rng)
            person = self.pick("person", W.STEP_PERSON[lang], rng)
            tail = self.pick("tail", W.STEP_TAIL[lang], rng)
            echoed = self.pick("echo", W.STEP_ECHO[lang], rng).format(e=echo) if echo else ""
            body = person.format(s=step, l=_lower_first(step), i=_infinitive(step))
            shape = rng.randrange(3)
            if shape == 0:
                text = f"{lead}, {body} {echoed}, {tail}"
            elif shape == 1:
                text = f"{_upper_first(echoed or lead)}: {body}; {tail}"
            else:
                text = f"{lead}, {tail}: {body} {echoed}"
            return _upper_first(re.sub(r"\s+", " ", text).replace(" ,", ",").strip()) + "."

        return self.fresh(build, "step", step, echo, *key)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _infinitive(step: str) -> str:
    """The French imperative's verb put back in the infinitive ("Cliquez" -> "cliquer")."""
    first, _, rest = step.partition(" ")
    low = first.lower()
    if low.endswith("ez"):
        return f"{low[:-2]}er {rest}".strip()
    return f"suivre ceci : {_lower_first(step)}"


@dataclass
class Case:
    """One customer's case: a conversation, a written ticket, or both."""

    key: str
    customer_id: str
    conversation_id: str | None = None
    ticket_id: str | None = None
    stage: str = "start"
    said_at_ask: int = 0
    asked_at: float = 0.0
    article: str | None = None
    second: str | None = None
    second_used: bool = False
    steps: list[str] = field(default_factory=list)
    step_index: int = 0
    screen: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    group: str | None = None
    last_update: float = 0.0
    relayed: int = 0
    resolve_at: float = 0.0
    mails_seen: int = 0
    prepared: bool = False


class HeraldPolicy(Policy):
    name = "herald"
    description = "good search; every step in a frame generated per customer (blind)"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in W.GREETING else "en"
        self.kb = KbIndex(scenario.kb)
        self.articles = {a.id: a for a in scenario.kb}
        self.frames = FrameMaker(self.language, _stable(scenario.id, seed))
        self.cases: dict[str, Case] = {}
        self.refusals: set[tuple[str, str]] = set()
        self.counts = Counter(
            w
            for a in scenario.kb
            for w in {
                _stem(x)
                for x in words(a.title + " " + " ".join(a.tags) + " " + a.body, self.language)
            }
        )

    # --- what the customer said -------------------------------------------------------------
    def _said(self, state: ExamState, case: Case) -> list[str]:
        texts: list[str] = []
        conv = state.conversations.get(case.conversation_id or "")
        if conv:
            texts += [m.text for m in conv.messages if m.author == "customer"]
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket and not conv:
            texts += [ticket.title, ticket.description] + [t for _, t in ticket.customer_mails]
        return texts

    def _telling(self, state: ExamState, case: Case) -> list[str]:
        """The customer's content words, rarest in the KB first (names left out)."""
        name = (
            {w.lower() for w in state.customers[case.customer_id].name.split()}
            if case.customer_id in state.customers
            else set()
        )
        seen: dict[str, str] = {}
        for text in self._said(state, case):
            for w in words(text, self.language):
                if w not in name and _stem(w) not in {_stem(s) for s in seen}:
                    seen[w] = w
        return sorted(
            seen, key=lambda w: (self.counts.get(_stem(w), 0) == 0, self.counts.get(_stem(w), 0))
        )

    # --- the search -----------------------------------------------------------------------
    def _search_plan(
        self, state: ExamState, case: Case, subject: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """Two searches, then the best two hits opened, as a reader compares a hit list."""
        telling = self._telling(state, case)
        queries = [" ".join(telling[:3])]
        other = " ".join(words(subject, self.language)[:3]) or " ".join(telling[3:6])
        if other and other != queries[0]:
            queries.append(other)
        plan: list[tuple[str, dict[str, Any]]] = []
        hits: dict[str, KbHit] = {}
        for query in queries:
            if not query.strip():
                continue
            found = self.kb.search(query, limit=10)
            plan.append(("kb_searched", {"query": query, "results": [h.article_id for h in found]}))
            for hit in found:
                hits.setdefault(hit.article_id, hit)
        mine = {_stem(w) for w in telling}

        def listed(hit: KbHit) -> int:
            art = self.articles.get(hit.article_id)
            text = hit.title + " " + hit.snippet + " " + (" ".join(art.tags) if art else "")
            return len(mine & {_stem(w) for w in words(text, self.language)})

        best = sorted(hits.values(), key=lambda h: (-listed(h), -h.score))[:2]
        for hit in best:
            plan.append(("kb_article_opened", {"article_id": hit.article_id}))

        def body(aid: str) -> int:
            art = self.articles[aid]
            return len(mine & {_stem(w) for w in words(art.title + " " + art.body, self.language)})

        ranked = sorted((h.article_id for h in best), key=lambda a: -body(a))
        case.article = ranked[0] if ranked else None
        case.second = ranked[1] if len(ranked) > 1 else None
        case.steps = article_steps(self.articles[case.article]) if case.article else []
        case.group = self._group_named(state, case.article)
        return plan

    def _group_named(self, state: ExamState, article_id: str | None) -> str | None:
        if not article_id:
            return None
        body = self.articles[article_id].body.lower()
        for gid, gname in state.groups.items():
            if gname.lower() in body:
                return gid
        return None

    def _category(self, state: ExamState, case: Case) -> str | None:
        mine = {_stem(w) for w in self._telling(state, case)}
        if case.article:
            art = self.articles[case.article]
            mine |= {_stem(w) for w in words(art.title + " " + " ".join(art.tags), self.language)}
        names = {c.id: c.name for c in self.scenario.categories}
        best = max(
            state.categories,
            key=lambda c: len(mine & {_stem(w) for w in words(names.get(c, c), self.language)}),
            default=None,
        )
        return best

    def _levels(self, state: ExamState, case: Case) -> tuple[str, str]:
        levels = state.sla_profile.levels if state.sla_profile else ("high", "medium", "low")
        middle = levels[len(levels) // 2]
        said = " ".join(self._said(state, case)).lower()
        many = any(m in said for m in W.MANY[self.language])
        return (levels[0] if many else middle), middle

    # --- texts --------------------------------------------------------------------------------
    def _first(self, state: ExamState, cid: str) -> str:
        cust = state.customers.get(cid)
        return cust.name.split()[0] if cust else ""

    def _intake(self, state: ExamState, case: Case) -> str:
        lang, first = self.language, self._first(state, case.customer_id)
        telling = self._telling(state, case)
        echo = telling[0] if telling else ""

        def build(rng: random.Random) -> str:
            hello, who = self.frames.product("greet", W.GREETING[lang], rng)
            ident = self.frames.pick("ident", W.IDENTIFY[lang], rng)
            parts = [f"{hello} {first}, {who}."]
            if self._upset(state, case):
                parts.append(self.frames.pick("apology", W.APOLOGY[lang], rng))
            parts.append(ident)
            if echo:
                q1, q2 = self.frames.product("question", W.QUESTION[lang], rng)
                parts.append(
                    f"{q1.format(w=echo)} {q2}?".replace(" ?", " ?" if lang == "fr" else "?")
                )
            return " ".join(parts)

        return self.frames.fresh(build, "intake", case.key, echo, self._upset(state, case))

    def _restate(self, state: ExamState, case: Case) -> str | None:
        lang = self.language
        telling = self._telling(state, case)[:4]
        if len(telling) < 3:
            return None
        order = list(reversed(telling))

        def build(rng: random.Random) -> str:
            opener, tag = self.frames.product("restate", W.RESTATE[lang], rng)
            join = {"en": "and", "nl": "en", "fr": "et"}[lang]
            listed = ", ".join(order[:-1]) + f" {join} {order[-1]}"
            return f"{opener}: {listed}, {tag}"

        return self.frames.fresh(build, "restate", case.key, *order)

    def _steps_text(self, state: ExamState, case: Case, pair: list[str]) -> str:
        telling = self._telling(state, case) or [""]
        out = []
        for i, step in enumerate(pair):
            idx = case.step_index + i
            echo = telling[idx % len(telling)]
            out.append(self.frames.step(step, echo, (case.key, case.article, idx)))
        return " ".join(out)

    def _check(self, case: Case) -> str:
        def build(rng: random.Random) -> str:
            a, b = self.frames.product("check", W.CHECK[self.language], rng)
            return f"{a} {b}"

        return self.frames.fresh(build, "check", case.key, case.step_index)

    def _closing(self, case: Case) -> str:
        def build(rng: random.Random) -> str:
            return " ".join(
                p for p in self.frames.product("closing", W.CLOSING[self.language], rng) if p
            )

        return self.frames.fresh(build, "closing", case.key)

    def _minutes(self, state: ExamState, ticket: Ticket | None) -> int:
        interval = self._interval(state, ticket)
        return max(2, int(interval / 60 / 2))

    def _interval(self, state: ExamState, ticket: Ticket | None) -> float:
        prof = state.sla_profile
        if prof and ticket and ticket.priority in prof.priorities:
            return prof.priorities[ticket.priority].update_s
        if prof and prof.priorities:
            return min(p.update_s for p in prof.priorities.values())
        return 600.0

    def _promise(self, state: ExamState, case: Case, n: int) -> str:
        gname = state.groups.get(case.group or "", case.group or "")

        def build(rng: random.Random) -> str:
            a, b = self.frames.product("promise", W.PROMISE[self.language], rng)
            return _upper_first(
                f"{a.format(g=gname)}; {b.format(n=self._minutes(state, state.tickets.get(case.ticket_id or '')))}."
            )

        return self.frames.fresh(build, "promise", case.key, n, gname)

    def _relay(self, state: ExamState, case: Case, group: str, text: str) -> str:
        gname = state.groups.get(group, group)

        def build(rng: random.Random) -> str:
            return self.frames.pick("relay", W.RELAY[self.language], rng).format(g=gname, t=text)

        return self.frames.fresh(build, "relay", case.key, case.relayed, text)

    def _resolution(self, state: ExamState, case: Case) -> str:
        cust = state.customers.get(case.customer_id)
        telling = self._telling(state, case)[:3]
        art = self.articles.get(case.article or "")

        def build(rng: random.Random) -> str:
            a, b, c = self.frames.product("resolve", W.RESOLVE[self.language], rng)
            w = ", ".join(telling) or "?"
            head = a.format(c=cust.name if cust else "", w=w)
            how = b.format(a=art.title if art else "", k=art.id if art else "") if art else ""
            return f"{head} {how} {c}".strip()

        return self.frames.fresh(build, "resolution", case.key, case.article, *telling)

    def _upset(self, state: ExamState, case: Case) -> bool:
        said = " ".join(self._said(state, case)[-2:]).lower()
        return "!" in said or any(u in said for u in W.UPSET[self.language])

    def _works(self, reply: str) -> bool | None:
        low = f" {reply.lower()} "
        no = any(re.search(rf"\b{re.escape(n)}\b", low) for n in W.NO[self.language])
        yes = any(re.search(rf"\b{re.escape(y)}\b", low) for y in W.YES[self.language])
        if no:
            return False
        return True if yes else None

    # --- the policy -------------------------------------------------------------------------
    def next_action(self, state: ExamState, now: float) -> Action | None:
        self._sync(state)
        best: Action | None = None
        for case in list(self.cases.values()):
            action = self._case_action(state, case, now)
            if action is not None and (best is None or action.at < best.at):
                best = action
        return best

    def _sync(self, state: ExamState) -> None:
        """A case for every new conversation and every written ticket not made by us."""
        for conv in state.conversations.values():
            if conv.id in self.cases or not conv.is_live:
                continue
            linked = next(
                (
                    c
                    for c in self.cases.values()
                    if c.customer_id == conv.customer_id
                    and c.ticket_id
                    and (c.ticket_id == conv.about_ticket or c.group)
                ),
                None,
            )
            case = Case(conv.id, conv.customer_id, conversation_id=conv.id)
            if linked is not None:
                case.stage = "news"
                case.ticket_id = linked.ticket_id
                case.group = linked.group
            self.cases[conv.id] = case
        for ticket in state.tickets.values():
            if (
                any(c.ticket_id == ticket.id for c in self.cases.values())
                or ticket.id in self.cases
            ):
                continue
            if ticket.is_active:
                self.cases[ticket.id] = Case(
                    ticket.id, ticket.customer_id, ticket_id=ticket.id, stage="ticket"
                )

    def _act(
        self,
        case: Case,
        at: float,
        type_: str,
        data: dict[str, Any],
        then: Callable[[], None],
        cost: float = 2.0,
    ) -> Action | None:
        if (case.key, f"{type_}:{case.stage}:{case.step_index}") in self.refusals:
            then()
            return None
        return Action(
            at=at,
            type=type_,
            data=data,
            cost=cost,
            label=f"{case.key}:{type_}",
            origin=(case, then, type_),
        )

    def done(self, action: Action, event: Any) -> None:
        if action.origin:
            action.origin[1]()

    def refused(self, action: Action, reason: str) -> None:
        self.note(f"refused {action.type}: {reason}")
        if action.origin:
            case, then, type_ = action.origin
            self.refusals.add((case.key, f"{type_}:{case.stage}:{case.step_index}"))
            then()

    def _say(
        self, case: Case, conv: Conversation, now: float, text: str, then: Callable[[], None]
    ) -> Action | None:
        at = max(now, conv.busy_until + 0.5)
        return self._act(
            case,
            at,
            "message_sent",
            {"conversation_id": conv.id, "text": text},
            then,
            cost=min(20.0, len(text) / 8),
        )

    def _answered(self, conv: Conversation, case: Case, now: float) -> float:
        """When the customer can be taken to have answered: their new message done, or 90 s."""
        count = sum(1 for m in conv.messages if m.author == "customer")
        if count > case.said_at_ask and not conv.is_busy_at(now):
            return max(now, conv.busy_until + 0.5)
        return max(now, case.asked_at + WAIT_S, conv.busy_until + 0.5)

    def _asked(
        self, case: Case, conv: Conversation | None, now: float, stage: str
    ) -> Callable[[], None]:
        def then() -> None:
            case.stage = stage
            case.asked_at = now
            if conv is not None:
                case.said_at_ask = sum(1 for m in conv.messages if m.author == "customer")

        return then

    def _next_screen(self, case: Case, now: float) -> Action | None:
        if not case.screen:
            return None
        type_, data = case.screen[0]

        def then() -> None:
            case.screen.pop(0)

        return self._act(case, now, type_, data, then)

    def _case_action(self, state: ExamState, case: Case, now: float) -> Action | None:
        conv = state.conversations.get(case.conversation_id or "")
        if conv is None or not conv.is_live:
            return self._ticket_action(state, case, now, conv)
        if case.stage == "start":
            if not any(m.author == "customer" for m in conv.messages):
                now = max(now, conv.opened_at + 20)
            return self._say(
                case, conv, now, self._intake(state, case), self._asked(case, conv, now, "asked")
            )
        if case.stage in LATE:
            return self._ticket_action(state, case, now, conv)
        screen = self._next_screen(case, now)
        if screen is not None:
            return screen
        return self._conversation_stage(state, case, conv, now)

    def _prepare(self, state: ExamState, case: Case, conv: Conversation | None) -> None:
        """The screen work, queued once the customer's first answer is in: search, open, the
        ticket with its fields, linked."""
        case.prepared = True
        subject = conv.subject if conv else ""
        case.screen += self._search_plan(state, case, subject)
        if case.ticket_id is None and conv is not None:
            ticket_id = state.next_ticket_id()
            telling = self._telling(state, case)
            impact, urgency = self._levels(state, case)
            title = " ".join(telling[:4]) or conv.subject or "?"
            desc = " / ".join(self._said(state, case))[:400] or title
            data = {
                "ticket_id": ticket_id,
                "title": title,
                "customer_id": case.customer_id,
                "description": desc,
                "impact": impact,
                "urgency": urgency,
                "conversation_id": conv.id,
            }
            category = self._category(state, case)
            if category:
                data["category"] = category
            case.ticket_id = ticket_id
            case.screen.append(("ticket_created", data))
        if case.ticket_id and case.article:
            link: dict[str, Any] = {"ticket_id": case.ticket_id, "kb_article": case.article}
            case.screen.append(("ticket_linked", link))

    def _conversation_stage(
        self, state: ExamState, case: Case, conv: Conversation, now: float
    ) -> Action | None:
        stage = case.stage
        if stage == "news":
            return self._say(
                case,
                conv,
                now,
                self._promise(state, case, len(conv.messages)),
                self._asked(case, conv, now, "bye"),
            )
        if stage == "asked" and not case.prepared:
            self._prepare(state, case, conv)
            return self._next_screen(case, now)
        if stage in WAITING:
            now = self._answered(conv, case, now)
        if stage == "asked":
            text = self._restate(state, case)
            if text is None:
                case.stage = "restated"
                return self._conversation_stage(state, case, conv, now)
            return self._say(case, conv, now, text, self._asked(case, conv, now, "restated"))
        if stage == "restated" or stage == "told":
            if case.step_index < len(case.steps):
                pair = case.steps[case.step_index : case.step_index + 2]

                def then() -> None:
                    self._asked(case, conv, now, "told")()
                    case.step_index += len(pair)

                return self._say(case, conv, now, self._steps_text(state, case, pair), then)
            return self._say(
                case, conv, now, self._check(case), self._asked(case, conv, now, "checked")
            )
        if stage == "checked":
            reply = next((m.text for m in reversed(conv.messages) if m.author == "customer"), "")
            works = self._works(reply)
            if works is False and case.group and case.ticket_id:
                return self._transfer(state, case, now, conv)
            if works is False and case.second and not case.second_used:
                case.second_used, case.article = True, case.second
                case.steps, case.step_index = article_steps(self.articles[case.second]), 0
                case.stage = "told"
                return self._conversation_stage(state, case, conv, now)
            return self._say(
                case, conv, now, self._closing(case), self._asked(case, conv, now, "closed_q")
            )
        if stage == "closed_q":
            return self._finish(state, case, now, conv)
        if stage == "bye":
            return self._act(
                case,
                now,
                "conversation_closed",
                {"conversation_id": conv.id},
                lambda: setattr(case, "stage", "over"),
            )
        return None

    def _transfer(
        self, state: ExamState, case: Case, now: float, conv: Conversation | None
    ) -> Action | None:
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None or case.group is None:
            case.stage = "closed_q"
            return None
        if not ticket.category:
            category = self._category(state, case)
            if category:
                return self._act(
                    case,
                    now,
                    "ticket_updated",
                    {"ticket_id": ticket.id, "changes": {"category": category}},
                    lambda: None,
                )
        reason = " ".join(self._telling(state, case)[:3])

        def then() -> None:
            case.stage = "transferring"
            case.last_update = now

        return self._act(
            case,
            now,
            "ticket_transferred",
            {"ticket_id": ticket.id, "group": case.group, "reason": reason or "?"},
            then,
        )

    def _transferred(
        self, state: ExamState, case: Case, now: float, conv: Conversation | None
    ) -> Action | None:
        """While the group has it: relay each reply, note it, update in time; the final answer told."""
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None:
            return None
        if len(ticket.second_line) > case.relayed:
            at, group, text = ticket.second_line[case.relayed]
            relay = self._relay(state, case, group, text)

            def then() -> None:
                case.relayed += 1
                case.last_update = now
                case.screen.append(("note_added", {"ticket_id": ticket.id, "text": relay}))
                if "?" not in text:
                    case.stage = "final"

            return self._tell(state, case, now, conv, relay, then)
        due = case.last_update + self._interval(state, ticket) * 0.6
        if ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
            return None
        text = self._promise(state, case, int(due))

        def updated() -> None:
            case.last_update = max(now, due)

        if conv is not None and conv.is_live:
            return self._act(
                case,
                max(now, due, conv.busy_until + 0.5),
                "message_sent",
                {"conversation_id": conv.id, "text": text},
                updated,
            )
        return self._act(
            case,
            max(now, due),
            "ticket_reply_added",
            {"ticket_id": ticket.id, "text": text},
            updated,
        )

    def _tell(
        self,
        state: ExamState,
        case: Case,
        now: float,
        conv: Conversation | None,
        text: str,
        then: Callable[[], None],
    ) -> Action | None:
        if conv is not None and conv.is_live:
            return self._say(case, conv, now, text, then)
        return self._act(
            case, now, "ticket_reply_added", {"ticket_id": case.ticket_id, "text": text}, then
        )

    def _finish(
        self, state: ExamState, case: Case, now: float, conv: Conversation | None
    ) -> Action | None:
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is not None and ticket.status not in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
            data: dict[str, Any] = {
                "ticket_id": ticket.id,
                "solution": self._resolution(state, case),
            }
            if case.article:
                data["kb_article"] = case.article
            return self._act(case, now, "ticket_resolved", data, lambda: None)
        if ticket is not None and ticket.status == TicketStatus.RESOLVED:
            return self._act(case, now, "ticket_closed", {"ticket_id": ticket.id}, lambda: None)
        if conv is not None and conv.is_live:
            return self._act(
                case,
                now,
                "conversation_closed",
                {"conversation_id": conv.id},
                lambda: setattr(case, "stage", "over"),
            )
        case.stage = "over"
        return None

    def _ticket_action(
        self, state: ExamState, case: Case, now: float, conv: Conversation | None
    ) -> Action | None:
        """A written ticket, or a conversation's ticket once the conversation is over."""
        screen = self._next_screen(case, now)
        if screen is not None:
            return screen
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None or case.stage == "over":
            return None
        if case.stage == "transfer_written":
            return self._transfer(state, case, now, conv)
        if case.stage == "transferring":
            return self._tell(
                state,
                case,
                now,
                conv,
                self._promise(state, case, 0),
                lambda: setattr(case, "stage", "promised"),
            )
        if case.stage == "promised":
            return self._transferred(state, case, now, conv)
        if case.stage == "final":
            return self._finish(state, case, now, conv)
        if case.stage == "ticket":
            return self._written(state, case, now)
        if case.stage == "replied":
            if len(ticket.customer_mails) > case.mails_seen:
                n = len(ticket.customer_mails)
                return self._tell(
                    state,
                    case,
                    now,
                    None,
                    self._check(case),
                    lambda: setattr(case, "mails_seen", n),
                )
            return self._finish(state, case, max(now, case.resolve_at), None)
        if conv is not None and not conv.is_live and case.stage not in ("start",):
            if not case.prepared:
                self._prepare(state, case, None)
                return self._next_screen(case, now)
            return self._finish(state, case, now, None)
        return None

    def _written(self, state: ExamState, case: Case, now: float) -> Action | None:
        ticket = state.tickets[case.ticket_id or ""]
        if not ticket.worked_on and not case.prepared:
            return self._act(
                case,
                now,
                "ticket_opened",
                {"ticket_id": ticket.id},
                lambda: self._prepare_written(state, case),
            )
        if not case.prepared:
            self._prepare_written(state, case)
            return self._next_screen(case, now)
        first = self._first(state, case.customer_id)

        def build(rng: random.Random) -> str:
            return self.frames.pick("reply_open", W.REPLY_OPEN[self.language], rng).format(f=first)

        opening = self.frames.fresh(build, "reply", case.key)
        steps = self._steps_text(state, case, case.steps) if case.steps else ""
        close = self.frames.fresh(
            lambda rng: self.frames.pick("reply_close", W.REPLY_CLOSE[self.language], rng),
            "replyclose",
            case.key,
        )
        text = " ".join(p for p in (opening, steps, close) if p)

        def then() -> None:
            case.step_index = len(case.steps)
            case.mails_seen = len(ticket.customer_mails)
            if case.group:
                case.stage = "transfer_written"
            else:
                case.stage = "replied"
                case.resolve_at = now + 120

        action = self._act(
            case,
            now,
            "ticket_reply_added",
            {"ticket_id": ticket.id, "text": text},
            then,
            cost=min(30.0, len(text) / 8),
        )
        return action

    def _prepare_written(self, state: ExamState, case: Case) -> None:
        ticket = state.tickets[case.ticket_id or ""]
        self._prepare(state, case, None)
        changes: dict[str, Any] = {}
        impact, urgency = self._levels(state, case)
        if not ticket.category:
            category = self._category(state, case)
            if category:
                changes["category"] = category
        if not ticket.impact:
            changes["impact"] = impact
        if not ticket.urgency:
            changes["urgency"] = urgency
        if changes:
            case.screen.insert(
                len(case.screen) - (1 if case.article else 0),
                ("ticket_updated", {"ticket_id": ticket.id, "changes": changes}),
            )
