"""`usher`: an eighth cheater, written blind from the published documents only (branch evid31).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies
or the procedures, and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names, their words (as strings), the conversations'
subjects, the tickets with their queue priority and fields, the SLA profile's levels and update
interval, the knowledge base (search and articles), the categories and the groups. An usher
does not know the play, it shows people to the seat their ticket names: the top article's
*symptoms* become its questions, its *steps* become the answer, told as descriptions. Its
strategy, unlike savvy's battery, lawyer's frames, forger's canned replies and stalling,
mimic's filler-spun articles, ghost's script dumps, tailor's drip-fed steps and clerk's
sentences filed last part first, reads the published limits of 2.15 and 2.20
(docs/assessment.md: "a clause whose parts are swapped with no comma, bracket or dash between
them ... is read in its order"; "a cheater who drops the commas keeps what 2.15 gave it
there"):

- **the ticket first, the article behind it**: at the customer's first words a ticket is made
  (title: the subject, else their sentence with most content words; description: their
  message; the category whose name shares most words with theirs; the middle of the SLA's
  levels) and a greeting sent by first name with who is speaking and a request for full name
  and department; at their reply the KB is searched for their two most frequent words that an
  article's title or tags show and few articles hold (their own name left out), the top hit
  opened and linked; before the steps it is searched again with all they said by then;
- **the article's symptoms asked as questions**: up to two, one a message, each a line of the
  top article's symptoms section (else its title's alternatives) put behind one of four
  frames ("Do you recognise this: <symptom>?"), the line chosen by the customer's place in
  the day so two customers on one article get different lines;
- **the reply restated with its halves swapped**: the two clauses of theirs with most content
  words, persons turned, each cut at the preposition or conjunction nearest its middle and
  given back second half first, with no punctuation between the halves ("since Monday your
  printer shows offline"), then "is that right?";
- **every step told as a description, in one message**: the article's resolution list (else
  its first numbered list), at most five steps, each imperative turned round so its verb
  comes after its object ("the router needs restarting", "de bedoeling is dat u de router
  herstart", "le routeur est à redémarrer"), an object of six words or more also swapped at
  its middle; a step that does not open on a verb and its object swapped at its middle; only
  a step's first sentence, asides in brackets and commas dropped; then "Does it work now?";
- **shown to the group when it fails**: when the reply does not say it works, a group the
  article names gets the ticket (with its category) and the customer a timed promise naming
  the group and "within N minutes" inside the SLA's update interval; with no group named, the
  second hit's steps the same way, once; the second line's answer quoted to the customer and
  noted;
- **closing when it works**: the closing question, then the ticket resolved with the steps
  described and the article's id, closed, and the conversation closed; a customer who asks
  something while the case waits gets a promise ("noted on T-..., within N minutes"), an
  "okay" gets nothing;
- **written tickets the same way**: taken by queue priority, opened, empty fields filled, the
  top article opened and linked, one public reply (greeting, the steps described, "let me
  know if it works"), resolved and closed two minutes later; a customer's later e-mail gets a
  timed promise;
- **never over the customer**: it writes only when the customer has finished typing or
  speaking, and sends no timed update on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate import gaming_usher_words as words
from helpdesk_tui.simulate.policy import Action, Policy

PAUSE_S = 0.6
"""How long after the customer finished it writes."""
NO_REPLY_S = 90.0
"""How long it waits for a reply before it goes on anyway."""
MAIL_RESOLVE_S = 120.0
"""A written ticket is resolved this long after its reply."""
MAX_STEPS = 5
MAX_HOLDS = 3
MAX_QUESTIONS = 2


@dataclass(eq=False)
class Item:
    """A planned command: when, what, and what it does to the plan once logged."""

    at: float
    order: int
    type: str
    data: dict[str, Any]
    cost: float = 1.0
    conversation: str | None = None
    snap: int = -1
    """Customer messages the conversation had when it was planned (-1: not tied to one)."""
    stage: str | None = None
    """The conversation's next stage once this is logged."""
    effect: Callable[[], None] | None = None
    """What else changes in the plan once it is logged (a question counted, a hit moved on)."""


@dataclass
class Contact:
    """What the usher keeps about one chat or call."""

    index: int
    stage: str = "greet"
    seen: int = 0
    ticket: str | None = None
    articles: list[str] = field(default_factory=list)
    hit: int = 0
    questions: list[str] = field(default_factory=list)
    asked: int = 0
    given: list[str] = field(default_factory=list)
    group: str | None = None
    worked: bool = False
    holds: int = 0
    planned: bool = False
    reply_from: int = 0


class UsherPolicy(Policy):
    name = "usher"
    description = "cheater: article symptoms asked, steps told as descriptions, halves swapped"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in words.FRAMES else "en"
        self.kb = KbIndex(scenario.kb, use_fts=False)
        self.contacts: dict[str, Contact] = {}
        self.spread: dict[str, int] = {}
        self.headings = {
            w[:5]
            for a in scenario.kb
            for w in words.content_words(f"{a.title} {' '.join(a.tags)}", self.language)
        }
        """The stems of the words the KB's titles and tags show (its result list)."""
        self.items: list[Item] = []
        self.order = 0
        self.mine: set[str] = set()
        self.mails_done: set[str] = set()
        self.mail_replies: dict[str, int] = {}
        self.relayed: set[tuple[str, int]] = set()

    # ------------------------------------------------------------------ the runner's side

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """Plan what the screen calls for, then the earliest planned command still valid."""
        self._plan(state, now)
        while self.items:
            self.items.sort(key=lambda i: (i.at, i.order))
            item = self.items[0]
            if not self._still_valid(item, state, now):
                self.items = [i for i in self.items if i is not item]
                continue
            at = max(item.at, now)
            conv = state.conversations.get(item.conversation or "")
            if item.type == "message_sent" and conv is not None and conv.is_busy_at(at):
                item.at = conv.busy_until + PAUSE_S
                continue
            return Action(at, item.type, item.data, cost=item.cost, label=item.type, origin=item)
        return None

    def done(self, action: Action, event: Event) -> None:
        self._finish(action.origin)

    def refused(self, action: Action, reason: str) -> None:
        self.note(f"refused {action.type}: {reason}")
        self._finish(action.origin)

    def observe(self, event: Event, seq: int) -> None:
        """Remembers the tickets it made itself (they are not written tickets to take up)."""
        if event.type == "ticket_created":
            self.mine.add(event.data["ticket_id"])

    def _finish(self, item: Item | None) -> None:
        if item is None:
            return
        self.items = [i for i in self.items if i is not item]
        if item.effect is not None:
            item.effect()
        contact = self.contacts.get(item.conversation or "")
        if contact is not None and item.stage is not None:
            contact.stage = item.stage
            contact.planned = False

    def _still_valid(self, item: Item, state: ExamState, now: float) -> bool:
        """A message planned before the customer said more is dropped (and planned again)."""
        if item.conversation is None:
            return True
        conv = state.conversations.get(item.conversation)
        contact = self.contacts.get(item.conversation)
        if conv is None or contact is None:
            return False
        if item.type == "message_sent" and not conv.is_live:
            contact.planned = False
            return False
        if item.snap >= 0 and _customer_count(conv) != item.snap:
            contact.planned = False
            self.items = [
                i for i in self.items if i.conversation != item.conversation or i.snap < 0
            ]
            return False
        return True

    def _push(self, at: float, type_: str, data: dict[str, Any], **extra: Any) -> Item:
        self.order += 1
        cost = extra.pop("cost", None)
        if cost is None:
            text = str(data.get("text", ""))
            cost = 1.0 + len(text) / 12.0 if text else 1.5
        item = Item(at, self.order, type_, data, cost=cost, **extra)
        self.items.append(item)
        return item

    # ------------------------------------------------------------------ planning

    def _plan(self, state: ExamState, now: float) -> None:
        for conv in state.conversations.values():
            self._plan_contact(state, conv, now)
        self._plan_second_line(state, now)
        self._plan_mails(state, now)

    def _plan_contact(self, state: ExamState, conv: Conversation, now: float) -> None:
        contact = self.contacts.get(conv.id)
        if contact is None:
            contact = self.contacts[conv.id] = Contact(index=len(self.contacts))
        count = _customer_count(conv)
        if contact.planned or count == 0 or not conv.is_live:
            if not conv.is_live and contact.stage == "close":
                self._close_ticket(state, contact, now)
            return
        new = count > contact.seen
        waited = conv.last_candidate_at is not None and now >= conv.last_candidate_at + NO_REPLY_S
        if not new and not (waited and contact.stage not in ("greet", "done", "wait")):
            return
        at = max(now, conv.busy_until) + PAUSE_S
        contact.reply_from = contact.seen
        contact.seen = count
        contact.planned = True
        self._plan_stage(state, conv, contact, at, count)

    def _plan_stage(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float, snap: int
    ) -> None:
        stage = contact.stage
        if stage == "greet":
            self._plan_greet(state, conv, contact, at, snap)
        elif stage == "ask":
            self._plan_ask(state, conv, contact, at, snap)
        elif stage == "restate":
            self._plan_restate(state, conv, contact, at, snap)
        elif stage == "fix":
            self._plan_fix(state, conv, contact, at, snap)
        elif stage == "check":
            self._plan_check(state, conv, contact, at, snap)
        elif stage == "close":
            self._plan_close(state, conv, contact, at)
        else:
            self._plan_hold(state, conv, contact, at, snap)

    def _say(
        self,
        conv: Conversation,
        at: float,
        text: str,
        snap: int,
        stage: str,
        effect: Callable[[], None] | None = None,
    ) -> None:
        self._push(
            at,
            "message_sent",
            {"conversation_id": conv.id, "text": text},
            conversation=conv.id,
            snap=snap,
            stage=stage,
            effect=effect,
        )

    def _plan_greet(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float, snap: int
    ) -> None:
        said = _customer_text(conv)
        first = _first_name(state, conv.customer_id)
        text = words.frame(self.language, "greet", contact.index).format(first=first)
        self._say(conv, at, text, snap, "ask")
        if contact.ticket is not None:  # the greeting was dropped for more words of theirs
            return
        tid = conv.about_ticket or (conv.ticket_ids[0] if conv.ticket_ids else None)
        if tid is None:
            tid = state.next_ticket_id()
            title = conv.subject or self._title(said) or first
            self._push(
                at - PAUSE_S,
                "ticket_created",
                {
                    "ticket_id": tid,
                    "title": title[:80],
                    "customer_id": conv.customer_id,
                    "description": said[:600] or title,
                    "conversation_id": conv.id,
                    **self._fields(said, None),
                },
                conversation=conv.id,
            )
        contact.ticket = tid

    def _look_up(self, state: ExamState, conv: Conversation, contact: Contact, at: float) -> None:
        """The KB searched for everything they said so far (their names left out), the top hit
        opened and linked; its symptom lines, rotated by the customer's place, are the
        questions."""
        said = self._their_words(state, conv)
        articles = self._search(said, conv.subject)
        contact.articles = articles
        if not articles:
            return
        article = self._article(articles[0])
        questions = _questions(article, self.language)
        if questions:
            turn = contact.index % len(questions)
            contact.questions = questions[turn:] + questions[:turn]
        query = self._query(said, conv.subject)
        self._push(at, "kb_searched", {"query": query, "results": articles}, conversation=conv.id)
        self._push(at, "kb_article_opened", {"article_id": article.id}, conversation=conv.id)
        if contact.ticket is not None:
            link = {"ticket_id": contact.ticket, "kb_article": article.id}
            self._push(at, "ticket_linked", link, conversation=conv.id)

    def _plan_ask(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float, snap: int
    ) -> None:
        if not contact.articles:
            self._look_up(state, conv, contact, at - PAUSE_S)
        if contact.asked >= min(MAX_QUESTIONS, len(contact.questions)):
            self._plan_restate(state, conv, contact, at, snap)
            return
        first = _first_name(state, conv.customer_id)
        text = words.frame(self.language, "ask", contact.index + contact.asked).format(
            first=first, item=contact.questions[contact.asked]
        )

        def counted() -> None:
            contact.asked += 1

        self._say(conv, at, text, snap, "ask", counted)

    def _plan_restate(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float, snap: int
    ) -> None:
        parts = self._their_parts(conv, since=1) or self._their_parts(conv, since=0)
        if not parts:
            self._plan_fix(state, conv, contact, at, snap)
            return
        first = _first_name(state, conv.customer_id)
        text = words.frame(self.language, "restate").format(first=first, parts=parts)
        self._say(conv, at, text, snap, "fix")

    def _plan_fix(
        self,
        state: ExamState,
        conv: Conversation,
        contact: Contact,
        at: float,
        snap: int,
        hit: int = 0,
    ) -> None:
        """The steps of hit `hit` (the first with a list), described, in one message; before
        the first, the KB searched again for all they have said by now."""
        if hit == 0:
            self._look_again(state, conv, contact, at - PAUSE_S)
        steps: list[str] = []
        while hit < min(2, len(contact.articles)):
            steps = _described_steps(self._article(contact.articles[hit]), self.language)
            if steps:
                break
            hit += 1
        if not steps:
            self._plan_closing(conv, contact, at, snap)
            return
        article_id = contact.articles[hit]
        if hit > 0:
            self._push(
                at - PAUSE_S, "kb_article_opened", {"article_id": article_id}, conversation=conv.id
            )
        first = _first_name(state, conv.customer_id)
        text = words.frame(self.language, "fix", contact.index + hit).format(
            first=first, steps=". ".join(_capital(s) for s in steps)
        )

        def given() -> None:
            contact.hit, contact.given = hit, steps

        self._say(conv, at, text, snap, "check", given)

    def _look_again(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float
    ) -> None:
        found = self._search(self._their_words(state, conv), conv.subject)
        if not found or found[:1] == contact.articles[:1]:
            return
        contact.articles = found
        query = self._query(self._their_words(state, conv), conv.subject)
        self._push(at, "kb_searched", {"query": query, "results": found}, conversation=conv.id)
        self._push(at, "kb_article_opened", {"article_id": found[0]}, conversation=conv.id)
        if contact.ticket is not None:
            link = {"ticket_id": contact.ticket, "kb_article": found[0]}
            self._push(at, "ticket_linked", link, conversation=conv.id)

    def _plan_check(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float, snap: int
    ) -> None:
        reply = " ".join(m.text for m in _customer_messages(conv)[contact.reply_from :])
        if reply and words.says_it_works(reply, self.language):
            self._plan_closing(conv, contact, at, snap, worked=True)
            return
        article = self._article(contact.articles[contact.hit])
        group = self._named_group(article)
        if group is not None and contact.ticket is not None:
            self._plan_transfer(state, conv, contact, at, snap, group)
            return
        self._plan_fix(state, conv, contact, at, snap, hit=contact.hit + 1)

    def _plan_transfer(
        self,
        state: ExamState,
        conv: Conversation,
        contact: Contact,
        at: float,
        snap: int,
        group: str,
    ) -> None:
        assert contact.ticket is not None
        first = _first_name(state, conv.customer_id)
        ticket = state.tickets.get(contact.ticket)
        if ticket is not None and ticket.category is None and self.scenario.categories:
            changes = {"category": self._category(_customer_text(conv), None)}
            self._push(
                at - PAUSE_S,
                "ticket_updated",
                {"ticket_id": contact.ticket, "changes": changes},
                conversation=conv.id,
                snap=snap,
            )
        reason = words.frame(self.language, "reason").format(
            article=contact.articles[contact.hit],
            first=first,
            parts=self._their_parts(conv, since=contact.reply_from) or "-",
        )
        self._push(
            at - PAUSE_S,
            "ticket_transferred",
            {"ticket_id": contact.ticket, "group": group, "reason": reason[:500]},
            conversation=conv.id,
            snap=snap,
        )
        text = words.frame(self.language, "transfer").format(
            ticket=contact.ticket,
            group=self.scenario.group(group).name,
            minutes=self._minutes(ticket),
        )

        def handed() -> None:
            contact.group = group

        self._say(conv, at, text, snap, "wait", handed)

    def _plan_closing(
        self, conv: Conversation, contact: Contact, at: float, snap: int, worked: bool = False
    ) -> None:
        text = words.frame(self.language, "closing")

        def heard() -> None:
            contact.worked = worked

        self._say(conv, at, text, snap, "close", heard)

    def _plan_close(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float
    ) -> None:
        self._close_ticket(state, contact, at)
        self._push(
            at,
            "conversation_closed",
            {"conversation_id": conv.id},
            conversation=conv.id,
            stage="done",
        )

    def _close_ticket(self, state: ExamState, contact: Contact, at: float) -> None:
        """The ticket resolved with the steps described and closed (once)."""
        tid = contact.ticket
        if tid is None or contact.stage == "done" or contact.group is not None:
            return
        contact.stage = "done"
        first = self._ticket_first(tid, state)
        article = (
            contact.articles[min(contact.hit, len(contact.articles) - 1)]
            if contact.articles
            else "-"
        )
        outcome = words.frame(self.language, "worked" if contact.worked else "unknown")
        solution = words.frame(self.language, "solution").format(
            first=first,
            steps="; ".join(contact.given[:3]) or "-",
            article=article,
            outcome=outcome,
        )
        data: dict[str, Any] = {"ticket_id": tid, "solution": solution[:900]}
        if contact.articles:
            data["kb_article"] = article
        self._push(at, "ticket_resolved", data)
        self._push(at, "ticket_closed", {"ticket_id": tid})

    def _plan_hold(
        self, state: ExamState, conv: Conversation, contact: Contact, at: float, snap: int
    ) -> None:
        """A question of theirs while the case waits gets a promise; an "okay" gets nothing."""
        latest = " ".join(m.text for m in _customer_messages(conv)[contact.reply_from :])
        if contact.holds >= MAX_HOLDS or contact.ticket is None or "?" not in latest:
            contact.planned = False
            return
        text = words.frame(self.language, "hold").format(
            first=_first_name(state, conv.customer_id),
            ticket=contact.ticket,
            minutes=self._minutes(state.tickets.get(contact.ticket)),
        )

        def counted() -> None:
            contact.holds += 1

        self._say(conv, at, text, snap, contact.stage, counted)

    # ------------------------------------------------------------------ tickets

    def _plan_second_line(self, state: ExamState, now: float) -> None:
        """Every group answer quoted to the ticket's customer and noted, once."""
        for ticket in state.tickets.values():
            for n, (_, group, text) in enumerate(ticket.second_line):
                if (ticket.id, n) in self.relayed:
                    continue
                self.relayed.add((ticket.id, n))
                name = self._group_name(group)
                message = words.frame(self.language, "relay").format(
                    group=name, ticket=ticket.id, text=text
                )
                live = [
                    state.conversations[c]
                    for c in ticket.conversation_ids
                    if c in state.conversations and state.conversations[c].is_live
                ]
                if live:
                    self._push(
                        now + PAUSE_S,
                        "message_sent",
                        {"conversation_id": live[0].id, "text": message[:900]},
                    )
                else:
                    self._push(
                        now + PAUSE_S,
                        "ticket_reply_added",
                        {"ticket_id": ticket.id, "text": message[:900]},
                    )
                self._push(
                    now + PAUSE_S,
                    "note_added",
                    {"ticket_id": ticket.id, "text": f"{name}: {text}"[:900]},
                )

    def _plan_mails(self, state: ExamState, now: float) -> None:
        """Written tickets by queue priority, one at a time; a later e-mail gets a promise."""
        for ticket in state.tickets.values():
            seen = self.mail_replies.get(ticket.id, 0)
            if ticket.id in self.mails_done and len(ticket.customer_mails) > seen:
                self.mail_replies[ticket.id] = len(ticket.customer_mails)
                text = words.frame(self.language, "hold").format(
                    first=self._ticket_first(ticket.id, state),
                    ticket=ticket.id,
                    minutes=self._minutes(ticket),
                )
                self._push(
                    now + PAUSE_S, "ticket_reply_added", {"ticket_id": ticket.id, "text": text}
                )
        if any(
            i.conversation is None and i.type != "ticket_resolved" and i.type != "ticket_closed"
            for i in self.items
        ):
            return
        waiting = [t for t in state.tickets.values() if self._is_written(t)]
        if not waiting:
            return
        waiting.sort(key=lambda t: (t.priority or "~", t.created_at, t.id))
        self._plan_mail(state, waiting[0], now)

    def _is_written(self, ticket: Ticket) -> bool:
        return (
            ticket.id not in self.mine
            and ticket.id not in self.mails_done
            and not ticket.conversation_ids
            and ticket.status in (TicketStatus.NEW, TicketStatus.OPEN)
        )

    def _plan_mail(self, state: ExamState, ticket: Ticket, now: float) -> None:
        self.mails_done.add(ticket.id)
        self.mail_replies[ticket.id] = len(ticket.customer_mails)
        said = f"{ticket.title}. {ticket.description}"
        articles = self._search(said, ticket.title)
        article = self._article(articles[0]) if articles else None
        self._push(now, "ticket_opened", {"ticket_id": ticket.id})
        changes = {
            k: v for k, v in self._fields(said, article).items() if getattr(ticket, k) is None
        }
        if changes:
            self._push(now, "ticket_updated", {"ticket_id": ticket.id, "changes": changes})
        first = self._ticket_first(ticket.id, state)
        steps: list[str] = []
        if article is not None:
            self._push(
                now, "kb_searched", {"query": self._query(said, ticket.title), "results": articles}
            )
            self._push(now, "kb_article_opened", {"article_id": article.id})
            self._push(now, "ticket_linked", {"ticket_id": ticket.id, "kb_article": article.id})
            steps = _described_steps(article, self.language)
        shown = ". ".join(_capital(s) for s in steps) or "-"
        text = words.frame(self.language, "mail").format(first=first, steps=shown)
        self._push(now, "ticket_reply_added", {"ticket_id": ticket.id, "text": text[:1500]})
        solution = words.frame(self.language, "solution").format(
            first=first,
            steps="; ".join(steps[:3]) or "-",
            article=article.id if article else "-",
            outcome=words.frame(self.language, "unknown"),
        )
        data: dict[str, Any] = {"ticket_id": ticket.id, "solution": solution[:900]}
        if article is not None:
            data["kb_article"] = article.id
        self._push(now + MAIL_RESOLVE_S, "ticket_resolved", data)
        self._push(now + MAIL_RESOLVE_S, "ticket_closed", {"ticket_id": ticket.id})

    # ------------------------------------------------------------------ what the screen shows

    def _query(self, said: str, subject: str) -> str:
        """Their two most frequent content words that an article's title or tags show and
        few articles hold, else their three most frequent ones."""
        counts = Counter(words.content_words(f"{subject} {said}", self.language))
        most = max(3, len(self.scenario.kb) // 4)
        telling = [w for w in counts if w[:5] in self.headings and 1 <= self._spread(w) <= most]
        if telling:
            telling.sort(key=lambda w: (-counts[w], self._spread(w), -len(w), w))
            return " ".join(telling[:2])
        ranked = sorted(counts, key=lambda w: (-counts[w], -len(w), w))
        return " ".join(ranked[:3])

    def _spread(self, word: str) -> int:
        """How many articles the KB search lists for one word (remembered)."""
        if word not in self.spread:
            self.spread[word] = len(self.kb.search(word, limit=100))
        return self.spread[word]

    def _their_words(self, state: ExamState, conv: Conversation) -> str:
        """Everything the customer said, their own name and department left out."""
        customer = state.customers.get(conv.customer_id)
        own = set()
        if customer is not None:
            own = {w.lower() for w in words.WORD.findall(f"{customer.name} {customer.department}")}
        said = _customer_text(conv)
        return " ".join(w for w in words.WORD.findall(said) if w.lower() not in own)

    def _title(self, said: str) -> str:
        """Their sentence with most content words, as the ticket's title."""
        clauses = _clauses(said)
        if not clauses:
            return ""
        best = max(clauses, key=lambda c: len(words.content_words(c, self.language)))
        return best[:80]

    def _search(self, said: str, subject: str) -> list[str]:
        """The article ids the KB search lists for their three most frequent content words."""
        query = self._query(said, subject)
        hits = self.kb.search(query, limit=5) if query else []
        if not hits and query:
            hits = self.kb.search(query.split()[0], limit=5)
        return [h.article_id for h in hits]

    def _article(self, article_id: str) -> KbArticle:
        return self.scenario.article(article_id)

    def _fields(self, said: str, article: KbArticle | None) -> dict[str, str]:
        levels = self.scenario.sla.levels
        middle = levels[len(levels) // 2] if levels else None
        fields: dict[str, str] = {}
        if self.scenario.categories:
            fields["category"] = self._category(said, article)
        if middle is not None:
            fields["impact"] = middle
            fields["urgency"] = middle
        return fields

    def _category(self, said: str, article: KbArticle | None) -> str:
        """The category whose name shares most words (first five letters) with theirs and the
        article's title and tags."""
        pool = said + (f" {article.title} {' '.join(article.tags)}" if article else "")
        stems = {w[:5] for w in words.content_words(pool, self.language)}
        scores = [
            sum(w[:5] in stems for w in words.content_words(f"{c.name} {c.id}", self.language))
            for c in self.scenario.categories
        ]
        return self.scenario.categories[scores.index(max(scores))].id

    def _named_group(self, article: KbArticle) -> str | None:
        """The first group whose name the article's escalation section (else body) names."""
        section = _section(article.body, words.SECTIONS["escalate"]) or article.body
        low = section.lower()
        found = [
            (low.find(g.name.lower()), g.id) for g in self.scenario.groups if g.name.lower() in low
        ]
        return min(found)[1] if found else None

    def _group_name(self, group_id: str) -> str:
        for g in self.scenario.groups:
            if g.id == group_id:
                return g.name
        return group_id

    def _minutes(self, ticket: Ticket | None) -> int:
        """A promise inside the SLA's update interval for the ticket's priority."""
        sla = self.scenario.sla
        key = ticket.priority if ticket is not None and ticket.priority else None
        targets = sla.priorities.get(key or "") or sla.priorities.get(sla.lowest_priority())
        update = targets.update_s if targets is not None else 1800.0
        return max(1, int(update // 60) - 1)

    def _ticket_first(self, tid: str, state: ExamState) -> str:
        ticket = state.tickets.get(tid)
        return _first_name(state, ticket.customer_id) if ticket is not None else ""

    def _their_parts(self, conv: Conversation, since: int) -> str:
        """Their two clauses with most content words, persons turned, halves swapped."""
        said = " ".join(m.text for m in _customer_messages(conv)[since:])
        clauses = [c for c in _clauses(said) if len(words.content_words(c, self.language)) >= 2]
        clauses.sort(key=lambda c: -len(words.content_words(c, self.language)))
        parts = [
            words.swap_halves(words.turn_persons(c, self.language), self.language)
            for c in clauses[:2]
        ]
        joiner = {"en": " and ", "nl": " en ", "fr": " et "}[self.language]
        return joiner.join(p for p in parts if p)


def _customer_messages(conv: Conversation) -> list[Any]:
    return [m for m in conv.messages if m.author == "customer"]


def _customer_count(conv: Conversation) -> int:
    return len(_customer_messages(conv))


def _customer_text(conv: Conversation) -> str:
    return " ".join(m.text for m in _customer_messages(conv))


def _first_name(state: ExamState, customer_id: str) -> str:
    customer = state.customers.get(customer_id)
    if customer is None or not customer.name.split():
        return ""
    return customer.name.split()[0]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[.!?;:\n]+", text) if c.strip()]


def _section(body: str, names: tuple[str, ...]) -> str:
    """The text under the first heading that starts with one of `names`, to the next heading."""
    out: list[str] = []
    inside = False
    for line in body.splitlines():
        if line.lstrip().startswith("#"):
            heading = line.lstrip("# ").strip().lower()
            if inside:
                break
            inside = any(heading.startswith(n) for n in names)
            continue
        if inside:
            out.append(line)
    return "\n".join(out)


def _list_items(text: str, numbered: bool | None) -> list[str]:
    """The items of the first list in `text` (numbered, bulleted or either), continuations
    joined."""
    items: list[str] = []
    started = False
    for line in text.splitlines():
        number = re.match(r"\s*\d+[.)]\s+(.*)", line)
        bullet = re.match(r"\s*[-*+]\s+(.*)", line)
        head = number if numbered is True else bullet if numbered is False else number or bullet
        if head:
            items.append(head.group(1))
            started = True
        elif started and line.startswith((" ", "\t")) and line.strip() and items:
            items[-1] += " " + line.strip()
        elif started and not line.strip():
            continue
        elif started:
            break
    return [words.clean(i) for i in items if i.strip()]


def _described_steps(article: KbArticle, language: str) -> list[str]:
    """The article's resolution list (else its first numbered list), each step's first
    sentence described with its verb after its object."""
    section = _section(article.body, words.SECTIONS["steps"])
    steps = _list_items(section, None) if section else []
    if not steps:
        steps = _list_items(article.body, True)
    out = []
    for step in steps[:MAX_STEPS]:
        first = step.split(". ")[0]
        head = first.split(": ")[0] if len(first.split(": ")[0].split()) >= 2 else first
        described = words.describe(head, language)
        if described:
            out.append(described)
    return out


def _questions(article: KbArticle, language: str) -> list[str]:
    """The symptom lines of the article (else its title's alternatives), as plain text."""
    section = _section(article.body, words.SECTIONS["symptoms"])
    lines = _list_items(section, None) if section else []
    if lines:
        return [line.rstrip(".").rstrip() for line in lines]

    parts = re.split(r"\(|\)| or | of | ou |,", article.title)
    return [p.strip(" :.") for p in parts if len(p.strip().split()) >= 2]
