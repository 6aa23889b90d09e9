"""`courier`: a tenth cheater, written blind from the published documents only (branch evid34).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies
or the procedures, and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names, their words (as strings), the conversations'
subjects, the tickets with their fields, the SLA profile's levels and update interval, the
knowledge base (search and articles), the categories and the groups. A courier carries a parcel
he never opens in a wrapping of his own: the article's content goes out whole, but hardly a
word of it is the article's. Its strategy, unlike savvy's battery, lawyer's frames, forger's
canned replies and stalling, mimic's filler-spun articles, ghost's script dumps, tailor's
drip-fed steps, clerk's sentences filed last part first, usher's descriptions with the verb
last and broker's woven words, reads the published limit of 2.21 (docs/assessment.md: "the
reading compares words, not meanings. A step told in other words of the same meaning is the
operator's telling") and stays outside the lemma bag by **translation**, not by order, fillers
or weaving:

- **every borrowed word re-wrapped**: each word of an article step, of the customer's message
  and of the second line's answer that a fixed near-synonym table of its own holds (about
  ninety words a language: "restart" -> "reboot", "click" -> "press", "account" -> "profile",
  "herstart" -> "start opnieuw op", "cliquez" -> "appuyez") is swapped for its synonym, the
  rest left as it was, markdown and brackets dropped; the steps keep their order and their
  punctuation, so the text reads as a fluent answer of its own;
- **the ticket first, the article behind it**: at the customer's first words a ticket is made
  (title: the subject, else their first sentence; description: their message; the category
  whose name shares most words with theirs and the article's; the middle of the SLA's levels),
  the KB searched for their three most frequent content words, the top hit opened and linked;
- **a greeting, an identification request and one open question** with the customer's first
  name and their most frequent word in it ("what exactly happens with the printer?"), in a
  frame rotated over the customers (four a language), so no two customers get the same text;
- **the customer's words re-wrapped as the restatement**: their longest message, persons
  turned and passed through the synonym table, "did I get that right?";
- **the whole answer at once**: up to five steps of the article's resolution section (else its
  first numbered list, else its first bullets), translated, in one message behind a lead of its
  own, then "Does it work now?"; when the reply does not say it works, a group the article
  names gets the ticket (with its category) and the customer a promise naming the group and a
  time inside the SLA's update interval; with no group named, the second hit's steps the same
  way, once;
- **the second line re-wrapped too**: each second-line message translated and passed on (in the
  conversation, else as a ticket reply) and noted as it came; a customer who writes while the
  case waits gets a promise naming the group and a time;
- **closing when it works, or when nothing is left**: the closing question, then the ticket
  resolved with the translated steps and the article's id, closed, and the conversation closed;
- **written tickets the same way**: taken by queue priority, opened, empty fields filled, the
  top article opened and linked, one public reply (greeting, the translated steps, "let me
  know"), transferred when the article names a group, else resolved and closed two minutes
  later; a customer's later e-mail gets a timed promise;
- **never over the customer**: it writes only when the customer has finished typing or
  speaking, a customer who does not answer in 90 s is taken as having answered, and it sends
  no timed update on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import Conversation, ExamState, Ticket
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import KbArticle, Scenario
from helpdesk_tui.simulate.gaming_courier_words import (
    FRAMES,
    PERSONS,
    STOP,
    SYNONYMS,
    TEXTS,
    WORKS,
    WORKS_NOT,
)
from helpdesk_tui.simulate.policy import Action, Policy

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STEP_HEADINGS = (
    "resolution", "solution", "steps", "fix", "what to do", "oplossing", "stappen", "aanpak",
    "wat te doen", "résolution", "étapes", "procédure", "que faire",
)  # fmt: skip
_WAIT_S = 90.0
"""A customer who does not answer in this long is taken as having answered."""
_GAP_S = 0.5
"""How long after the customer stops typing or speaking it writes."""

Build = Callable[[ExamState, float], Action | None]


def words(text: str) -> list[str]:
    """The words of a text, as written."""
    return _WORD.findall(text)


def content_words(text: str, language: str) -> list[str]:
    """The lower-cased words that are not stop words and have three letters or more."""
    stop = STOP.get(language, STOP["en"])
    return [w.lower() for w in words(text) if len(w) > 2 and w.lower() not in stop]


def _keep_case(original: str, new: str) -> str:
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


def translate(text: str, language: str, persons: bool = False) -> str:
    """Each word the synonym table holds swapped for its synonym (persons turned too)."""
    table = dict(SYNONYMS.get(language, {}))
    if persons:
        table.update(PERSONS.get(language, {}))

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = table.get(word.lower())
        if new is None and ("'" in word or "’" in word):
            head, _, tail = word.replace("’", "'").partition("'")
            swapped = table.get(tail.lower())
            return word if swapped is None else f"{head}'{swapped}"
        return word if new is None else _keep_case(word, new)

    return _WORD.sub(swap, text)


def plain(markdown: str) -> str:
    """A line of markdown as text: emphasis, code marks and asides in brackets dropped."""
    text = re.sub(r"[*_`]+", "", markdown)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _sections(body: str) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in body.splitlines():
        if line.startswith("#"):
            sections.append((line.lstrip("#").strip().lower(), []))
        else:
            sections[-1][1].append(line)
    return sections


def _items(lines: list[str], numbered: bool) -> list[str]:
    """The list items of some lines, continuation lines joined to their item."""
    mark = re.compile(r"^\s*\d+[.)]\s+" if numbered else r"^\s*[-*]\s+")
    items: list[str] = []
    for line in lines:
        if mark.match(line):
            items.append(mark.sub("", line))
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
        elif not line.strip() and items:
            items.append("")
    return [plain(i) for i in items if i.strip()]


def article_steps(article: KbArticle, limit: int = 5) -> list[str]:
    """Up to `limit` steps: the resolution section's list, else the first numbered list,
    else the first bullets, else the first sentences."""
    sections = _sections(article.body)
    for heading, lines in sections:
        if any(h in heading for h in _STEP_HEADINGS):
            found = _items(lines, True) or _items(lines, False)
            if found:
                return found[:limit]
    for numbered in (True, False):
        for heading, lines in sections:
            if "symptom" in heading or "sympt" in heading:
                continue
            found = _items(lines, numbered)
            if found:
                return found[:limit]
    text = plain(" ".join(line for _, ls in sections for line in ls if line.strip()))
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s][:limit]


def says_it_works(text: str, language: str) -> bool:
    """The customer's reply says the fix worked (and does not say it did not)."""
    low = text.lower()
    if any(re.search(p, low) for p in WORKS_NOT.get(language, WORKS_NOT["en"])):
        return False
    return any(re.search(p, low) for p in WORKS.get(language, WORKS["en"]))


def _asks(text: str) -> bool:
    """A customer message that wants an answer: a question or a long message, not an "okay"."""
    return "?" in text or len(words(text)) >= 8


@dataclass(slots=True)
class Case:
    """What courier keeps about one conversation (or one written ticket)."""

    key: str
    index: int
    ticket_id: str | None = None
    article: str | None = None
    second: str | None = None
    phase: str = "new"
    waiting_since: float = 0.0
    replies_seen: int = 0
    tried_second: bool = False
    group: str | None = None
    relayed: int = 0
    steps_given: list[str] = field(default_factory=list)
    done_at: float | None = None
    promises: int = 0


class CourierPolicy(Policy):
    name = "courier"
    description = "cheater: every borrowed word swapped by a fixed synonym table (blind, evid34)"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in SYNONYMS else "en"
        self.texts = TEXTS[self.language]
        self.index = KbIndex(scenario.kb, use_fts=False)
        self.cases: dict[str, Case] = {}
        self.queue: list[Build] = []
        self.busy_until = 0.0
        self.written: dict[str, Case] = {}

    # --- what it sees --------------------------------------------------------------------

    def observe(self, event: Event, seq: int) -> None:
        """Nothing is read from events: the screen (state) says all it uses."""

    def done(self, action: Action, event: Event) -> None:
        if self.queue and action.origin is self.queue[0]:
            self.queue.pop(0)

    def refused(self, action: Action, reason: str) -> None:
        if self.queue and action.origin is self.queue[0]:
            self.queue.pop(0)

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The queued step first; else plan the next steps of the first case that can move."""
        for _ in range(8):
            if self.queue:
                build = self.queue[0]
                action = build(state, now)
                if action is None:
                    self.queue.pop(0)
                    continue
                return Action(
                    max(action.at, now, self.busy_until),
                    action.type,
                    action.data,
                    action.cost,
                    action.label,
                    origin=build,
                )
            if not self._plan(state, now):
                break
        return self._wake(state, now)

    def _wake(self, state: ExamState, now: float) -> Action | None:
        """Nothing to do now: come back when a waiting customer's silence runs out."""
        due = [
            c.waiting_since + _WAIT_S
            for c in self.cases.values()
            if c.phase.startswith("wait") and c.waiting_since + _WAIT_S > now
        ]
        due += [c.done_at for c in self.written.values() if c.done_at and c.done_at > now]
        if not due:
            return None
        return Action(min(due), "focus_moved", {"area": "queue"}, origin=None)

    # --- planning ------------------------------------------------------------------------

    def _plan(self, state: ExamState, now: float) -> bool:
        """Queue the next steps of one case; False when no case can move now."""
        for conv in state.conversations.values():
            if self._plan_conversation(state, conv, now):
                return True
        for ticket in sorted(state.tickets.values(), key=lambda t: (t.priority or "P9", t.id)):
            if self._plan_written(state, ticket, now):
                return True
        return False

    def _customer_messages(self, conv: Conversation) -> list[str]:
        return [m.text for m in conv.messages if m.author == "customer"]

    def _plan_conversation(self, state: ExamState, conv: Conversation, now: float) -> bool:
        case = self.cases.get(conv.id)
        said = self._customer_messages(conv)
        if case is None:
            if not conv.is_live or not said or conv.is_busy_at(now):
                return False
            case = Case(conv.id, len(self.cases))
            self.cases[conv.id] = case
            self._open(state, conv, case)
            return True
        if case.phase == "closed":
            return False
        if not conv.is_live:
            self._finish(case, conv, state, close_conv=False)
            return True
        if conv.is_busy_at(now):
            return False
        if case.phase == "transferred":
            return self._while_transferred(state, conv, case, now)
        if not case.phase.startswith("wait"):
            return False
        answered = len(said) > case.replies_seen
        if not answered and now < case.waiting_since + _WAIT_S:
            return False
        reply = said[-1] if answered else ""
        case.replies_seen = len(said)
        self._advance(state, conv, case, reply)
        return True

    def _advance(self, state: ExamState, conv: Conversation, case: Case, reply: str) -> None:
        """The customer answered (or kept silent): the next message of the script."""
        if case.phase == "wait-question":
            self._restate(conv, case)
        elif case.phase == "wait-restate":
            self._research(state, conv, case)
            self._answer(state, conv, case, case.article)
        elif case.phase == "wait-steps":
            if says_it_works(reply, self.language):
                self._closing(conv, case)
            elif self._group_of(case.article, state) and case.group is None:
                self._transfer(state, conv, case)
            elif case.second and not case.tried_second:
                case.tried_second = True
                self._answer(state, conv, case, case.second)
            else:
                self._closing(conv, case)
        elif case.phase == "wait-closing":
            self._finish(case, conv, state, close_conv=True)

    def _while_transferred(
        self, state: ExamState, conv: Conversation, case: Case, now: float
    ) -> bool:
        ticket = state.tickets.get(case.ticket_id or "")
        said = self._customer_messages(conv)
        if ticket is not None and self._relay(state, case, ticket, lambda t: self._say(conv.id, t)):
            self._closing(conv, case)
            return True
        if len(said) > case.replies_seen:
            case.replies_seen = len(said)
            if _asks(said[-1]) and case.promises < 3:
                case.promises += 1
                self._say(conv.id, self._promise(state, case))
            return True
        return False

    def _plan_written(self, state: ExamState, ticket: Ticket, now: float) -> bool:
        case = self.written.get(ticket.id)
        if case is None:
            if ticket.conversation_ids or not ticket.is_active or ticket.id in self._own_tickets():
                return False
            case = Case(ticket.id, len(self.cases) + len(self.written), ticket_id=ticket.id)
            self.written[ticket.id] = case
            self._written_reply(state, ticket, case)
            return True
        if case.phase == "written-sent" and case.done_at is not None and now >= case.done_at:
            case.phase = "closed"
            self._resolve(case, ticket.id)
            return True
        if case.phase == "transferred":
            if self._relay(state, case, ticket, lambda t: self._reply(ticket.id, t)):
                if ticket.status.value != "transferred":
                    case.phase = "written-sent"
                    case.done_at = now + 120.0
                return True
            if len(ticket.customer_mails) > case.replies_seen:
                case.replies_seen = len(ticket.customer_mails)
                self._reply(ticket.id, self._promise(state, case))
                return True
        if case.phase == "closed" and len(ticket.customer_mails) > case.replies_seen:
            case.replies_seen = len(ticket.customer_mails)
            self._reply(ticket.id, self._promise(state, case))
            return True
        return False

    def _relay(
        self, state: ExamState, case: Case, ticket: Ticket, send: Callable[[str], None]
    ) -> bool:
        """Each second-line message not yet passed on: translated, sent, and noted as it came."""
        if len(ticket.second_line) <= case.relayed:
            return False
        news = ticket.second_line[case.relayed :]
        case.relayed = len(ticket.second_line)
        for _, group, text in news:
            relay = translate(text, self.language)
            send(self.texts["relay"].format(group=self._group_name(group, state), text=relay))
            self._note(case, self.texts["noted"].format(text=text))
        return True

    def _own_tickets(self) -> set[str]:
        return {c.ticket_id for c in self.cases.values() if c.ticket_id}

    # --- the script ----------------------------------------------------------------------

    def _search(self, text: str) -> list[str]:
        query = self._query(text)
        hits = self.index.search(query, limit=3) if query else []
        return [h.article_id for h in hits]

    def _category(self, state: ExamState, text: str) -> str | None:
        mine = set(content_words(text, self.language))
        best: tuple[int, str] | None = None
        for cat in self.scenario.categories:
            score = len(mine & set(content_words(cat.name, self.language)))
            if best is None or score > best[0]:
                best = (score, cat.id)
        return best[1] if best else None

    def _middle(self, state: ExamState) -> str | None:
        levels = state.sla_profile.levels if state.sla_profile else ()
        return levels[len(levels) // 2] if levels else None

    def _first_name(self, state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        return customer.name.split()[0] if customer and customer.name else ""

    def _open(self, state: ExamState, conv: Conversation, case: Case) -> None:
        """Ticket, search, article, link, then greeting + identification + one question."""
        first = self._customer_messages(conv)[0]
        everything = " ".join(self._customer_messages(conv)) + " " + conv.subject
        everything = self._without_name(state, conv.customer_id, everything)
        hits = self._search(everything)
        case.article = hits[0] if hits else None
        case.second = hits[1] if len(hits) > 1 else None
        title = conv.subject or re.split(r"(?<=[.!?])\s", first)[0][:80]
        article_text = self._article_words(case.article)
        category = self._category(state, f"{first} {title} {article_text}")
        level = self._middle(state)

        def create(st: ExamState, now: float) -> Action:
            tid = st.next_ticket_id()
            case.ticket_id = tid
            data = {"ticket_id": tid, "title": title, "customer_id": conv.customer_id,
                    "description": first, "conversation_id": conv.id}  # fmt: skip
            if category:
                data["category"] = category
            if level:
                data["impact"] = level
                data["urgency"] = level
            return Action(now, "ticket_created", data, cost=8.0)

        self.queue.append(create)
        query = self._query(everything)
        if query:
            self._push("kb_searched", {"query": query, "results": hits}, 3.0)
        if case.article:
            self._push("kb_article_opened", {"article_id": case.article}, 2.0)
            self.queue.append(
                lambda st, now: Action(now, "ticket_linked",
                                       {"ticket_id": case.ticket_id, "kb_article": case.article})
                if case.ticket_id else None
            )  # fmt: skip
        name = self._first_name(state, conv.customer_id)
        topic = self._topic(self._customer_messages(conv), state, conv.customer_id)
        frame = FRAMES[self.language][case.index % len(FRAMES[self.language])]
        self._say(conv.id, frame.format(name=name, topic=topic))
        case.phase = "wait-question"
        case.replies_seen = len(self._customer_messages(conv))

    def _topic(self, said: list[str], state: ExamState, customer_id: str) -> str:
        text = self._without_name(state, customer_id, " ".join(said))
        counts = Counter(content_words(text, self.language))
        return counts.most_common(1)[0][0] if counts else self.texts["it"]

    def _article_words(self, article_id: str | None) -> str:
        if not article_id:
            return ""
        art = self.scenario.article(article_id)
        return f"{art.title} {' '.join(art.tags)}"

    def _research(self, state: ExamState, conv: Conversation, case: Case) -> None:
        """Before the steps: the KB searched again with all the customer said by then."""
        said = " ".join(self._customer_messages(conv))
        hits = self._search(self._without_name(state, conv.customer_id, said))
        if not hits or hits[0] == case.article:
            return
        case.article = hits[0]
        case.second = hits[1] if len(hits) > 1 else None
        query = self._query(self._without_name(state, conv.customer_id, said))
        self._push("kb_searched", {"query": query, "results": hits}, 3.0)
        self._push("kb_article_opened", {"article_id": case.article}, 2.0)
        self.queue.append(
            lambda st, now: Action(now, "ticket_linked",
                                   {"ticket_id": case.ticket_id, "kb_article": case.article})
            if case.ticket_id else None
        )  # fmt: skip

    def _without_name(self, state: ExamState, customer_id: str, text: str) -> str:
        customer = state.customers.get(customer_id)
        names = {n.lower() for n in words(customer.name)} if customer else set()
        return " ".join(w for w in words(text) if w.lower() not in names)

    def _query(self, text: str) -> str:
        return " ".join(w for w, _ in Counter(content_words(text, self.language)).most_common(3))

    def _restate(self, conv: Conversation, case: Case) -> None:
        said = self._customer_messages(conv)
        longest = max(said, key=lambda t: len(content_words(t, self.language)))
        text = translate(plain(longest), self.language, persons=True).rstrip(" .!?")
        self._say(conv.id, self.texts["restate"].format(text=text))
        case.phase = "wait-restate"

    def _steps_text(self, article_id: str | None) -> list[str]:
        if not article_id:
            return []
        steps = article_steps(self.scenario.article(article_id))
        return [translate(s, self.language).rstrip(" .") for s in steps]

    def _answer(
        self, state: ExamState, conv: Conversation, case: Case, article_id: str | None
    ) -> None:
        steps = self._steps_text(article_id)
        if not steps:
            self._closing(conv, case)
            return
        case.steps_given = steps
        body = " ".join(f"{self.texts['ordinals'][i]} {s}." for i, s in enumerate(steps))
        self._say(conv.id, f"{self.texts['lead']} {body} {self.texts['check']}")
        case.phase = "wait-steps"

    def _group_of(self, article_id: str | None, state: ExamState) -> str | None:
        if not article_id:
            return None
        body = self.scenario.article(article_id).body.lower()
        for gid, gname in state.groups.items():
            if gname and gname.lower() in body:
                return gid
        return None

    def _group_name(self, group: str, state: ExamState) -> str:
        return state.groups.get(group, group)

    def _minutes(self, state: ExamState, case: Case) -> int:
        ticket = state.tickets.get(case.ticket_id or "")
        profile = state.sla_profile
        if profile and ticket and ticket.priority in profile.priorities:
            update = profile.priorities[ticket.priority].update_s
            return max(5, int(update // 60) - 5)
        return 15

    def _promise(self, state: ExamState, case: Case) -> str:
        group = self._group_name(case.group or "", state) or self.texts["team"]
        return self.texts["promise"].format(
            group=group, ticket=case.ticket_id or "", minutes=self._minutes(state, case)
        )

    def _transfer(self, state: ExamState, conv: Conversation, case: Case) -> None:
        group = self._group_of(case.article, state)
        case.group = group
        tid = case.ticket_id
        if tid is None or group is None:
            self._closing(conv, case)
            return
        reason = self.texts["reason"].format(steps="; ".join(case.steps_given)[:300])
        self._push("ticket_transferred", {"ticket_id": tid, "group": group, "reason": reason}, 5.0)
        self._say(conv.id, self._promise(state, case))
        case.phase = "transferred"

    def _closing(self, conv: Conversation, case: Case) -> None:
        self._say(conv.id, self.texts["closing"])
        case.phase = "wait-closing"

    def _finish(self, case: Case, conv: Conversation, state: ExamState, close_conv: bool) -> None:
        """Resolve and close the ticket (unless a group has it), then the conversation."""
        ticket = state.tickets.get(case.ticket_id or "")
        if ticket is not None and ticket.is_active:
            if ticket.status.value != "transferred" or ticket.second_line:
                self._resolve(case, ticket.id)
            elif not close_conv:
                self.written[ticket.id] = case
                case.phase = "transferred"
                case.replies_seen = len(ticket.customer_mails)
                return
        if close_conv and conv.is_live:
            self._push("conversation_closed", {"conversation_id": conv.id}, 1.0)
        case.phase = "closed"

    def _resolve(self, case: Case, ticket_id: str) -> None:
        steps = "; ".join(case.steps_given) or self.texts["it"]
        solution = self.texts["solution"].format(steps=steps[:400], article=case.article or "-")
        data = {"ticket_id": ticket_id, "solution": solution}
        if case.article:
            data["kb_article"] = case.article
        self._push("ticket_resolved", data, 10.0)
        self._push("ticket_closed", {"ticket_id": ticket_id}, 1.0)

    def _written_reply(self, state: ExamState, ticket: Ticket, case: Case) -> None:
        """A written ticket: opened, fields filled, article linked, one reply, then closed."""
        text = f"{ticket.title} {ticket.description}"
        self._push("ticket_opened", {"ticket_id": ticket.id}, 3.0)
        hits = self._search(text)
        case.article = hits[0] if hits else None
        changes: dict[str, str] = {}
        if not ticket.category:
            category = self._category(state, f"{text} {self._article_words(case.article)}")
            if category:
                changes["category"] = category
        level = self._middle(state)
        for fld in ("impact", "urgency"):
            if not getattr(ticket, fld) and level:
                changes[fld] = level
        if changes:
            self._push("ticket_updated", {"ticket_id": ticket.id, "changes": changes}, 6.0)
        if case.article:
            self._push("kb_article_opened", {"article_id": case.article}, 2.0)
            self._push("ticket_linked", {"ticket_id": ticket.id, "kb_article": case.article}, 1.0)
        steps = self._steps_text(case.article)
        case.steps_given = steps
        name = self._first_name(state, ticket.customer_id)
        body = " ".join(f"{self.texts['ordinals'][i]} {s}." for i, s in enumerate(steps))
        self._reply(ticket.id, self.texts["written"].format(name=name, steps=body))
        group = self._group_of(case.article, state)
        if group and ticket.group != group:
            case.group = group
            reason = self.texts["reason"].format(steps="; ".join(steps)[:300])
            self._push("ticket_transferred", {"ticket_id": ticket.id, "group": group,
                                              "reason": reason}, 5.0)  # fmt: skip
            case.phase = "transferred"
            case.replies_seen = len(ticket.customer_mails)
            return
        case.phase = "written-sent"
        case.done_at = state.now + 120.0
        case.replies_seen = len(ticket.customer_mails)

    # --- queueing ------------------------------------------------------------------------

    def _push(self, kind: str, data: dict[str, object], cost: float = 2.0) -> None:
        self.queue.append(lambda st, now: Action(now, kind, dict(data), cost=cost))

    def _say(self, conversation_id: str, text: str) -> None:
        cost = min(30.0, 2.0 + len(text) / 15)

        def build(st: ExamState, now: float) -> Action | None:
            conv = st.conversations.get(conversation_id)
            if conv is None or not conv.is_live:
                return None
            at = max(now, conv.busy_until + _GAP_S) if conv.is_busy_at(now) else now
            return Action(at, "message_sent", {"conversation_id": conversation_id, "text": text},
                          cost=cost)  # fmt: skip

        self.queue.append(build)
        case = self.cases.get(conversation_id)
        if case is not None:
            case.waiting_since = 0.0
            self.queue.append(self._stamp(case))

    def _stamp(self, case: Case) -> Build:
        """A no-op step that starts the case's wait at the moment its message went out."""

        def build(st: ExamState, now: float) -> Action | None:
            case.waiting_since = now
            return None

        return build

    def _reply(self, ticket_id: str, text: str) -> None:
        self._push("ticket_reply_added", {"ticket_id": ticket_id, "text": text},
                   min(30.0, 2.0 + len(text) / 15))  # fmt: skip

    def _note(self, case: Case, text: str) -> None:
        self.queue.append(
            lambda st, now: Action(now, "note_added", {"ticket_id": case.ticket_id, "text": text},
                                   cost=4.0) if case.ticket_id else None
        )  # fmt: skip
