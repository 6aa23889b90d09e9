"""`broker`: a ninth cheater, written blind from the published documents only (branch evid33).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies
or the procedures, and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names, their words (as strings), the conversations'
subjects, the tickets with their queue priority and fields, the SLA profile's levels and update
interval, the knowledge base (search and articles), the categories and the groups. A broker
owns nothing it sells: it stands between the article and the customer and mixes their words,
so every sentence is half one's and half the other's and belongs to neither. Its strategy,
unlike savvy's battery, lawyer's frames, forger's canned replies and stalling, mimic's
filler-spun articles, ghost's script dumps, tailor's drip-fed steps, clerk's sentences filed
last part first and usher's descriptions with the verb last, reads the published measure of
borrowed text (docs/assessment.md, 2.15: a clause is the article's or the customer's when 0.8
of its content words lie in that order in one stretch of it; 2.20: pieces are cut at commas,
brackets and dashes, "a cheater who drops the commas keeps what 2.15 gave it there") and
stays under it by *weaving*, not by fillers, order or grammar:

- **every article step woven with the customer's words**: the article's steps keep all their
  words in their order, commas, brackets and dashes dropped, and after every second content
  word one of the customer's own content words is put in ("Unlock the account Monday admin
  portal laptop Users search ..."), so a third of each clause is the customer's: under 0.8 of
  the article, under 0.8 of the customer's, and no piece to cut;
- **the ticket first, the article behind it**: at the customer's first words a ticket is made
  (title: the subject, else their first sentence; description: their message; the category
  whose name shares most words with theirs and the article's; the middle of the SLA's levels),
  the KB searched for their three most frequent content words, the top hit opened and linked;
- **the greeting with an identification request**, by first name, then **one question** in a
  frame rotated over the customers (four a language), holding one word of theirs and one of
  the article's title, so no two customers get the same text;
- **the restatement woven the other way**: the customer's longest message, persons turned,
  with one of the article's title and tag words after every second of theirs, "is that
  right?": two thirds theirs (a paraphrase by count), their runs broken;
- **the whole answer at once**: up to five steps of the article's resolution section (else its
  first list, else its first sentences), each woven, in one message behind a lead, then "Does
  it work now?"; when the reply does not say it works, a group the article names gets the
  ticket and the customer a promise naming the group and a time inside the SLA's update
  interval; with no group named, the second hit's steps the same way, once;
- **the second line brokered too**: each second-line message woven with the customer's words
  and passed on (in the conversation, else as a ticket reply) and noted word for word; a
  customer who writes while the case waits gets a promise naming the group and a time;
- **closing when it works, or when nothing is left**: the closing question, then the ticket
  resolved with the customer's first message woven with the steps' words and the article's id,
  closed, and the conversation closed;
- **written tickets the same way**: taken by queue priority, opened, empty fields filled, the top
  article opened and linked, one public reply (greeting, the woven steps, "let me know"),
  resolved and closed two minutes later;
- **never over the customer**: it writes only when the customer has finished typing or
  speaking, and sends no timed update on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex, plain_text
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate import gaming_broker_words as words
from helpdesk_tui.simulate.policy import Action, Policy

TITLES = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "mevr.", "dhr.", "m.", "mme"})
MAX_STEPS = 5
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


@dataclass
class _Case:
    """One conversation as broker works it: where it stands, and what it found."""

    conv_id: str
    customer_id: str
    index: int
    stage: str = "new"
    ticket_id: str | None = None
    article: str | None = None
    results: list[str] = field(default_factory=list)
    second_tried: bool = False
    group: str | None = None
    relayed: int = 0
    promises: int = 0
    news_for: str | None = None
    last_sent: float = -1.0
    ended_at: float | None = None


@dataclass
class _Written:
    """A ticket that came in writing, worked step by step."""

    ticket_id: str
    stage: str = "open"
    article: str | None = None
    results: list[str] = field(default_factory=list)
    replied_at: float = 0.0


class BrokerPolicy(Policy):
    """A cheater that weaves the article's steps and the customer's words into one text."""

    name = "broker"
    description = "every article step woven with the customer's own words, a third each clause"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language
        self.articles: dict[str, KbArticle] = {a.id: a for a in scenario.kb}
        self.names = {c.id: c.name for c in scenario.customers}
        self.index = KbIndex(scenario.kb, use_fts=False)
        self.cases: dict[str, _Case] = {}
        self.written: dict[str, _Written] = {}
        self.free_at = 0.0

    # --- the loop -----------------------------------------------------------------

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The earliest thing to do: a conversation's next step, else a written ticket's."""
        self._take_new(state)
        proposals = [self._for_case(state, c, now) for c in list(self.cases.values())]
        proposals.append(self._for_written(state, now))
        found = [p for p in proposals if p is not None]
        if not found:
            return None
        return min(found, key=lambda a: a.at)

    def done(self, action: Action, event: Event) -> None:
        self.free_at = event.exam_time + action.cost
        self._advance(action, event.exam_time)

    def refused(self, action: Action, reason: str) -> None:
        self.note(f"{action.label} refused: {reason}")
        self._advance(action, self.free_at)

    def _advance(self, action: Action, at: float) -> None:
        """Move the case the action belongs to on to the stage it named, and record what the
        action settled (only once it was done: a proposal overtaken by a stimulus is not)."""
        target, stage, settled = action.origin
        target.stage = stage
        for name, value in settled.items():
            setattr(target, name, value)
        if isinstance(target, _Case) and action.type == "message_sent":
            target.last_sent = at
        if isinstance(target, _Written) and action.type == "ticket_reply_added":
            target.replied_at = at

    def _act(
        self,
        at: float,
        kind: str,
        data: dict[str, Any],
        origin: tuple[Any, ...],
        cost: float,
        **settled: Any,
    ) -> Action:
        """An action at `at` or when broker is free; done, it moves `origin` on."""
        target, stage = origin
        label = f"{kind} {stage}"
        return Action(max(at, self.free_at), kind, data, cost, label, (target, stage, settled))

    def _say(
        self, at: float, conv: Conversation, text: str, case: _Case, stage: str, **settled: Any
    ) -> Action:
        data = {"conversation_id": conv.id, "text": text}
        return self._act(at, "message_sent", data, (case, stage), len(text) / 12.0, **settled)

    # --- who is there ---------------------------------------------------------------

    def _take_new(self, state: ExamState) -> None:
        """Every new conversation becomes a case; a ticket of news about a case, a news case."""
        for conv in state.conversations.values():
            if conv.id in self.cases:
                continue
            case = _Case(conv.id, conv.customer_id, len(self.cases))
            case.news_for = self._news_ticket(state, conv)
            if case.news_for is not None:
                case.stage = "news"
            self.cases[conv.id] = case

    def _news_ticket(self, state: ExamState, conv: Conversation) -> str | None:
        """The ticket a conversation asks about: the one it opened about, or a case's own."""
        if conv.about_ticket:
            return conv.about_ticket
        for case in self.cases.values():
            if conv.id.startswith(case.conv_id + "-") and case.ticket_id:
                return case.ticket_id
        return None

    # --- a conversation ---------------------------------------------------------------

    def _for_case(self, state: ExamState, case: _Case, now: float) -> Action | None:
        conv = state.conversations[case.conv_id]
        said = [m for m in conv.messages if m.author == "customer"]
        if not said or case.stage == "done":
            return None
        if not conv.is_live:
            return self._after_the_call(state, case, now)
        if case.stage == "news":
            return self._news(state, conv, case, now)
        setup = self._setup(state, conv, case, now)
        if setup is not None:
            return setup
        return self._talk(state, conv, case, now)

    def _ready(self, conv: Conversation, case: _Case, now: float) -> float | None:
        """When the customer has answered broker's last message and finished: else None."""
        last = conv.messages[-1]
        if last.author != "customer" or last.at <= case.last_sent:
            return None
        return max(now, conv.busy_until + 0.5)

    def _setup(
        self, state: ExamState, conv: Conversation, case: _Case, now: float
    ) -> Action | None:
        """The ticket, the search, the article opened and linked: one action each."""
        if case.stage == "new":
            said = self._customer_text(conv)
            case.ticket_id = state.next_ticket_id()
            data = self._ticket_data(state, conv, case.ticket_id, said)
            return self._act(now, "ticket_created", data, (case, "created"), 4.0)
        if case.stage == "created":
            case.results = self._search(self._query(conv, state))
            data = {"query": self._query(conv, state), "results": case.results}
            return self._act(now, "kb_searched", data, (case, "searched"), 3.0)
        return self._open_and_link(case, now)

    def _open_and_link(self, target: _Case | _Written, now: float) -> Action | None:
        """The top hit opened, then linked to the ticket (nothing found: nothing to link)."""
        if target.stage == "searched":
            if not target.results:
                target.stage = "linked"
                return None
            target.article = target.results[0]
            data = {"article_id": target.article}
            return self._act(now, "kb_article_opened", data, (target, "read"), 3.0)
        if target.stage == "read":
            data = {"ticket_id": target.ticket_id, "kb_article": target.article}
            return self._act(now, "ticket_linked", data, (target, "linked"), 2.0)
        return None

    def _talk(self, state: ExamState, conv: Conversation, case: _Case, now: float) -> Action | None:
        """The next message, once the customer has answered the last one."""
        if case.stage in ("waiting", "noted"):
            relay = self._relay_due(state, conv, case, now)
            if relay is not None:
                return relay
        at = self._ready(conv, case, now)
        if at is None:
            return None
        first = self._first_name(state, case.customer_id)
        if case.stage == "linked":
            return self._say(
                at, conv, words.frame(self.language, "greet").format(first=first), case, "greeted"
            )
        if case.stage == "greeted":
            return self._say(at, conv, self._question(conv, case, first), case, "asked")
        if case.stage == "asked":
            return self._say(
                at, conv, self._restatement(state, conv, case, first), case, "restated"
            )
        if case.stage == "restated":
            return self._answer(at, conv, case, first, case.article)
        if case.stage == "answered":
            return self._after_answer(state, at, conv, case, first)
        if case.stage == "transferred":
            return self._promise(state, at, conv, case, first)
        if case.stage == "waiting" and self._asks(conv) and case.promises < 3:
            return self._promise(state, at, conv, case, first)
        if case.stage == "relayed":
            text = words.frame(self.language, "close").format(first=first)
            return self._say(at, conv, text, case, "closing")
        if case.stage == "closing":
            return self._resolve(state, case, at, "resolved")
        if case.stage == "resolved":
            return self._close_ticket(case, at, "ticket_closed")
        if case.stage == "ticket_closed":
            data = {"conversation_id": conv.id}
            return self._act(at, "conversation_closed", data, (case, "done"), 1.0)
        return None

    def _after_answer(
        self, state: ExamState, at: float, conv: Conversation, case: _Case, first: str
    ) -> Action | None:
        """It works: the closing question; else a group the article names, else the second hit."""
        reply = conv.messages[-1].text
        if words.says_it_works(reply, self.language):
            return self._say(
                at, conv, words.frame(self.language, "close").format(first=first), case, "closing"
            )
        group = self._named_group(state, case.article)
        if group is not None and case.group is None:
            data = {"ticket_id": case.ticket_id, "group": group, "reason": self._reason(conv, case)}
            return self._act(
                at, "ticket_transferred", data, (case, "transferred"), 4.0, group=group
            )
        if not case.second_tried and len(case.results) > 1:
            return self._answer(at, conv, case, first, case.results[1], second_tried=True)
        return self._say(
            at, conv, words.frame(self.language, "close").format(first=first), case, "closing"
        )

    # --- waiting on a group ---------------------------------------------------------------

    def _relay_due(
        self, state: ExamState, conv: Conversation | None, case: _Case, now: float
    ) -> Action | None:
        """A second-line message not yet passed on: the note first, then the customer."""
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None or case.group is None or len(ticket.second_line) <= case.relayed:
            return None
        entry = ticket.second_line[case.relayed]
        text = str(entry[-1])
        group = state.groups.get(case.group, case.group)
        if case.stage == "waiting":
            note = words.frame(self.language, "noted").format(group=group, text=text)
            return self._act(
                now, "note_added", {"ticket_id": ticket.id, "text": note}, (case, "noted"), 3.0
            )
        if case.stage != "noted":
            return None
        others = self._customer_words(state, case)
        first = self._first_name(state, case.customer_id)
        said = words.frame(self.language, "relay").format(
            first=first, group=group, woven=words.weave(text, others, case.relayed) + "."
        )
        stage = "relayed" if "?" not in text else "waiting"
        if conv is not None and conv.is_live:
            at = max(now, conv.busy_until + 0.5)
            return self._say(at, conv, said, case, stage, relayed=case.relayed + 1)
        data = {"ticket_id": ticket.id, "text": said}
        return self._act(
            now,
            "ticket_reply_added",
            data,
            (case, stage),
            len(said) / 12.0,
            relayed=case.relayed + 1,
        )

    def _promise(
        self, state: ExamState, at: float, conv: Conversation, case: _Case, first: str
    ) -> Action:
        """Just transferred, or a customer who asks while the case waits: the group and a
        time (at most three a case, so an "okay" and a promise do not ping-pong)."""
        kind = "transfer" if case.stage == "transferred" else "news"
        text = words.frame(self.language, kind).format(
            first=first,
            ticket=case.ticket_id,
            group=self._group_name(state, case.group),
            minutes=self._minutes(state, case.ticket_id),
        )
        return self._say(at, conv, text, case, "waiting", promises=case.promises + 1)

    def _asks(self, conv: Conversation) -> bool:
        """The customer's last message asks something (a question, or four content words)."""
        last = conv.messages[-1].text
        return "?" in last or len(words.content_words(last)) >= 4

    def _news(self, state: ExamState, conv: Conversation, case: _Case, now: float) -> Action | None:
        """A conversation about a ticket already worked: a promise, then it is closed."""
        if case.last_sent >= 0:
            at = max(now, case.last_sent + 60, conv.busy_until + 0.5)
            data = {"conversation_id": conv.id}
            return self._act(at, "conversation_closed", data, (case, "done"), 1.0)
        at = self._ready(conv, case, now)
        if at is None:
            return None
        first = self._first_name(state, case.customer_id)
        owner = next((c for c in self.cases.values() if c.ticket_id == case.news_for), None)
        group = owner.group if owner is not None else None
        text = words.frame(self.language, "news").format(
            first=first,
            ticket=case.news_for,
            group=self._group_name(state, group),
            minutes=self._minutes(state, case.news_for),
        )
        return self._say(at, conv, text, case, "news")

    def _after_the_call(self, state: ExamState, case: _Case, now: float) -> Action | None:
        """The call ended or the chat was closed: relay by ticket, then resolve and close."""
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is None or case.stage in ("news", "done"):
            return None
        if case.ended_at is None:
            case.ended_at = now
        if ticket.status == TicketStatus.CLOSED:
            case.stage = "done"
            return None
        relay = self._relay_due(state, None, case, now)
        if relay is not None:
            return relay
        if ticket.status == TicketStatus.RESOLVED:
            return self._close_ticket(case, now, "done")
        if ticket.status == TicketStatus.TRANSFERRED and case.stage != "relayed":
            return None
        return self._resolve(state, case, max(now, case.ended_at + 60), "resolved")

    # --- texts ------------------------------------------------------------------------

    def _question(self, conv: Conversation, case: _Case, first: str) -> str:
        theirs = self._their_words(conv, self._name(conv.customer_id, first)) or ["problem"]
        title = self._article_words(case.article) or theirs
        frame = words.frame(self.language, "ask", case.index)
        return frame.format(first=first, c=theirs[0], a=title[0])

    def _restatement(self, state: ExamState, conv: Conversation, case: _Case, first: str) -> str:
        said = [m.text for m in conv.messages if m.author == "customer"]
        longest = max(said, key=lambda t: len(words.content_words(t)))
        theirs = words.turn_persons(longest, self.language)
        own = {w[:5] for w in words.content_words(theirs)}
        extra = [w for w in self._article_words(case.article) if w[:5] not in own] or ["case"]
        woven = words.weave(theirs, extra, case.index)
        return words.frame(self.language, "restate").format(first=first, woven=woven)

    def _answer(
        self,
        at: float,
        conv: Conversation,
        case: _Case,
        first: str,
        article: str | None,
        **settled: Any,
    ) -> Action:
        steps = self._woven_steps(
            article, self._their_words(conv, self._name(conv.customer_id, first)), case.index
        )
        text = words.frame(self.language, "answer").format(first=first, steps=steps)
        return self._say(at, conv, text, case, "answered", **settled)

    def _woven_steps(self, article: str | None, theirs: list[str], start: int) -> str:
        steps = self._steps(article)
        out = [words.weave(s, theirs, start + 3 * i) + "." for i, s in enumerate(steps)]
        return " ".join(s[0].upper() + s[1:] for s in out if len(s) > 1)

    def _reason(self, conv: Conversation, case: _Case) -> str:
        first = next(m.text for m in conv.messages if m.author == "customer")
        return words.weave(first, self._article_words(case.article) or ["case"]) or "escalated"

    def _resolve(self, state: ExamState, case: _Case, at: float, stage: str) -> Action:
        conv = state.conversations[case.conv_id]
        said = next(m.text for m in conv.messages if m.author == "customer")
        step_words = [w for s in self._steps(case.article) for w in words.content_words(s)]
        woven = words.weave(said, step_words or ["done"]) + "."
        first = self._first_name(state, case.customer_id)
        text = words.frame(self.language, "resolved").format(
            first=first, woven=woven, article=case.article or "-"
        )
        data: dict[str, Any] = {"ticket_id": case.ticket_id, "solution": text}
        if case.article:
            data["kb_article"] = case.article
        return self._act(at, "ticket_resolved", data, (case, stage), 5.0)

    def _close_ticket(self, target: _Case | _Written, at: float, stage: str) -> Action:
        data = {"ticket_id": target.ticket_id}
        return self._act(at, "ticket_closed", data, (target, stage), 1.0)

    # --- written tickets --------------------------------------------------------------

    def _for_written(self, state: ExamState, now: float) -> Action | None:
        """The next step on a written ticket: the one in hand, else the queue's first."""
        busy = [w for w in self.written.values() if w.stage != "done"]
        job = busy[0] if busy else self._next_written(state)
        if job is None:
            return None
        ticket = state.tickets[job.ticket_id]
        if ticket.status == TicketStatus.CLOSED:
            job.stage = "done"
            return None
        for _ in range(8):  # a step with nothing to do moves the stage on: try the next one
            stage = job.stage
            action = self._written_step(state, ticket, job, now)
            if action is not None or job.stage == stage:
                return action
        return None

    def _next_written(self, state: ExamState) -> _Written | None:
        ours = {c.ticket_id for c in self.cases.values()}
        waiting = [
            t
            for t in state.tickets.values()
            if t.id not in ours
            and t.id not in self.written
            and not t.conversation_ids
            and t.status in (TicketStatus.NEW, TicketStatus.OPEN)
        ]
        if not waiting:
            return None
        ticket = min(waiting, key=lambda t: (t.priority or "~", t.created_at, t.id))
        self.written[ticket.id] = _Written(ticket.id)
        return self.written[ticket.id]

    def _written_step(
        self, state: ExamState, ticket: Ticket, job: _Written, now: float
    ) -> Action | None:
        text = f"{ticket.title} {ticket.description}"
        if job.stage == "open":
            if ticket.status != TicketStatus.NEW:
                job.stage = "opened"
                return None
            return self._act(now, "ticket_opened", {"ticket_id": ticket.id}, (job, "opened"), 2.0)
        if job.stage == "opened":
            job.results = self._search(self._top_words(text))
            changes = self._empty_fields(state, ticket, text, job.results)
            if not changes:
                job.stage = "filled"
                return None
            data = {"ticket_id": ticket.id, "changes": changes}
            return self._act(now, "ticket_updated", data, (job, "filled"), 4.0)
        if job.stage == "filled":
            data = {"query": self._top_words(text), "results": job.results}
            return self._act(now, "kb_searched", data, (job, "searched"), 3.0)
        if job.stage in ("searched", "read"):
            return self._open_and_link(job, now)
        if job.stage == "linked":
            reply = self._written_reply(state, ticket, job)
            data = {"ticket_id": ticket.id, "text": reply}
            return self._act(now, "ticket_reply_added", data, (job, "replied"), len(reply) / 12)
        if job.stage == "replied":
            return self._resolve_written(state, ticket, job, max(now, job.replied_at + 120))
        if job.stage == "resolved":
            return self._close_ticket(job, now, "done")
        return None

    def _written_reply(self, state: ExamState, ticket: Ticket, job: _Written) -> str:
        first = self._first_name(state, ticket.customer_id)
        theirs = self._their_text_words(
            f"{ticket.title} {ticket.description}", self._name(ticket.customer_id, first)
        )
        steps = self._woven_steps(job.article, theirs, len(self.written))
        return words.frame(self.language, "written").format(
            first=first, c=(theirs or ["request"])[0], steps=steps
        )

    def _resolve_written(
        self, state: ExamState, ticket: Ticket, job: _Written, at: float
    ) -> Action:
        step_words = [w for s in self._steps(job.article) for w in words.content_words(s)]
        woven = words.weave(ticket.description or ticket.title, step_words or ["done"]) + "."
        text = words.frame(self.language, "resolved").format(
            first=self._first_name(state, ticket.customer_id),
            woven=woven,
            article=job.article or "-",
        )
        data: dict[str, Any] = {"ticket_id": ticket.id, "solution": text}
        if job.article:
            data["kb_article"] = job.article
        return self._act(at, "ticket_resolved", data, (job, "resolved"), 5.0)

    # --- reading the screen -------------------------------------------------------------

    def _customer_text(self, conv: Conversation) -> str:
        return " ".join(m.text for m in conv.messages if m.author == "customer")

    def _their_words(self, conv: Conversation, name: str) -> list[str]:
        return self._their_text_words(self._customer_text(conv) or conv.subject, name)

    def _their_text_words(self, text: str, name: str) -> list[str]:
        """The customer's content words, once each (by their first five letters), most used
        first, none of their name."""
        seen: set[str] = {w[:5] for w in words.content_words(name)}
        counts = Counter(w[:5] for w in words.own_words(text))
        out: list[str] = []
        ranked = words.own_words(words.turn_persons(text, self.language))
        ranked.sort(key=lambda w: -counts[w[:5]])  # stable: ties keep their order
        for word in ranked:
            if word[:5] not in seen:
                seen.add(word[:5])
                out.append(word)
        return out

    def _customer_words(self, state: ExamState, case: _Case) -> list[str]:
        conv = state.conversations[case.conv_id]
        return self._their_words(conv, self._full_name(state, case.customer_id))

    def _top_words(self, text: str, n: int = 3) -> str:
        counts = Counter(words.content_words(text))
        ranked = sorted(counts, key=lambda w: (-counts[w], text.lower().find(w)))
        return " ".join(ranked[:n])

    def _query(self, conv: Conversation, state: ExamState) -> str:
        name = set(words.content_words(self._full_name(state, conv.customer_id)))
        text = self._customer_text(conv)
        query = " ".join(w for w in self._top_words(text, 4).split() if w not in name)
        return query or conv.subject or "help"

    def _search(self, query: str) -> list[str]:
        return [h.article_id for h in self.index.search(query, limit=10)]

    def _article_words(self, article: str | None) -> list[str]:
        found = self.articles.get(article or "")
        if found is None:
            return []
        return words.content_words(found.title + " " + " ".join(found.tags))

    def _steps(self, article: str | None) -> list[str]:
        """Up to five steps: the resolution section's list, else the first list, else text."""
        found = self.articles.get(article or "")
        if found is None:
            return []
        sections = _list_sections(found.body)
        for heading, items in sections:
            if items and heading.startswith(words.RESOLUTION_HEADINGS):
                return items[:MAX_STEPS]
        lists = [items for _, items in sections if items]
        if lists:
            return lists[0][:MAX_STEPS]
        text = plain_text(found.body)
        return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()][:3]

    def _ticket_data(
        self, state: ExamState, conv: Conversation, ticket_id: str, said: str
    ) -> dict[str, Any]:
        title = conv.subject or re.split(r"(?<=[.!?])\s", said.strip())[0][:80] or "Contact"
        data: dict[str, Any] = {
            "ticket_id": ticket_id,
            "title": title,
            "customer_id": conv.customer_id,
            "description": said[:500],
            "conversation_id": conv.id,
        }
        data.update(self._fields(state, said, self._search(self._query(conv, state))))
        return data

    def _fields(self, state: ExamState, text: str, results: list[str]) -> dict[str, str]:
        """The category that shares most words with the text and its article; middle levels."""
        out: dict[str, str] = {}
        pool = {w[:5] for w in words.content_words(text)}
        pool |= {w[:5] for w in self._article_words(results[0] if results else None)}
        cats = [
            c for c in self.scenario.categories if not state.categories or c.id in state.categories
        ]
        if cats:
            best = max(
                cats,
                key=lambda c: len(
                    pool
                    & {w[:5] for w in words.content_words(f"{c.id} {c.name}".replace("-", " "))}
                ),
            )
            out["category"] = best.id
        levels = state.sla_profile.levels if state.sla_profile else ()
        if levels:
            out["impact"] = out["urgency"] = levels[len(levels) // 2]
        return out

    def _empty_fields(
        self, state: ExamState, ticket: Ticket, text: str, results: list[str]
    ) -> dict[str, str]:
        fields = self._fields(state, text, results)
        return {k: v for k, v in fields.items() if getattr(ticket, k) is None}

    def _named_group(self, state: ExamState, article: str | None) -> str | None:
        """The group whose name the article mentions first."""
        found = self.articles.get(article or "")
        if found is None:
            return None
        body = found.body.lower()
        places = [(body.find(name.lower()), gid) for gid, name in state.groups.items()]
        named = sorted(p for p in places if p[0] >= 0)
        return named[0][1] if named else None

    def _group_name(self, state: ExamState, group: str | None) -> str:
        if group is None:
            return next(iter(state.groups.values()), "the team")
        return state.groups.get(group, group)

    def _minutes(self, state: ExamState, ticket_id: str | None) -> int:
        """Half the update interval of the ticket's priority, in whole minutes."""
        ticket = state.tickets.get(ticket_id or "")
        profile = state.sla_profile
        if ticket is None or profile is None or ticket.priority not in profile.priorities:
            return 15
        return max(5, int(profile.priorities[ticket.priority].update_s / 120))

    def _name(self, customer_id: str, first: str) -> str:
        return self.names.get(customer_id, first)

    def _full_name(self, state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        return customer.name if customer is not None else ""

    def _first_name(self, state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        parts = customer.name.split() if customer is not None else []
        named = [p for p in parts if p.lower() not in TITLES]
        return named[0] if named else (parts[0] if parts else "")


def _list_sections(body: str) -> list[tuple[str, list[str]]]:
    """Each heading of an article (lower case) with the list items under it, markdown gone."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in body.splitlines():
        if line.lstrip().startswith("#"):
            sections.append((line.strip("# ").lower(), []))
            continue
        item = LIST_ITEM.match(line)
        items = sections[-1][1]
        if item:
            items.append(item.group(1).strip())
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
    return sections
