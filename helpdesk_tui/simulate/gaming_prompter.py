"""`prompter`: a thirteenth cheater, written blind from the published documents only (branch evid42).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies,
the macros or the procedures, and never tries to understand a customer's problem. It reads only
what the candidate's screen shows: the customers' names, their words (as strings), the
conversations' subjects, the tickets with their fields and second-line replies, the SLA
profile's levels, the knowledge base (search and hit list), the categories and the groups. A
prompter feeds an actor his lines from the wings: **the customer does the work**, and whatever
they say comes back to them as the operator's restatement, step, progress and summary. Its
strategy, unlike savvy's battery, lawyer's frames, forger's canned replies, mimic's spun
articles, ghost's one open question for the customer's own diagnosis, tailor's drip, clerk's
pieces, usher's descriptions, broker's weave, courier's synonyms, envoy's frames and herald's
new wordings, tells nothing of its own at all (docs/assessment.md: COM-2 counts questions by
their form before the answer; COM-4 reads "<the problem in my words>, is that right?" by
content words given back; SOL-7 reads the answer in what the customer was told):

- **the ticket at once, the greeting with one prompt**: at the customer's first words a ticket
  is made (title: the subject, else their first sentence; description: their message; the
  category whose name shares most words with theirs, else the first; the middle of the SLA's
  levels), and they are greeted by first name, asked for full name and department and asked
  what their screen says, word for word; then the KB is searched with **their own first
  words** (no choice of terms) and the first hit opened and linked, whatever it is;
- **one prompt a turn**, each in one of three wordings chosen by the customer's place in the
  exam: what they already tried, what they think the cause is, what a colleague or the
  helpdesk did last time: four questions, none of them about the case;
- **their words handed back as the restatement**: their longest message, persons turned, in
  runs of five words joined by commas (under the published echo guard of six), "is that
  right?";
- **their suggestion handed back as the step**: the sentence of theirs that says what they
  tried, think or a colleague did ("so let's do what you suggested: ..."), the opened article
  named by its title only, "does it work now?"; when it does not, "what would you try next?"
  once, and that answer handed back the same way;
- **an attentive answer to everything else at once**: any later message gets "I hear you" with
  five of their words and a promise of news within 5 minutes;
- **closing with their words as the summary**: the closing question, then the ticket resolved
  with their suggestion and the article's id, closed, a goodbye, the conversation closed; a
  call the customer ended gets its ticket resolved the same way;
- **the second line relayed**: a group's reply is passed on word for word and noted (it only
  transfers when the customer names a group);
- **written tickets by the same prompts**: taken by queue priority, opened, empty fields
  filled, the KB searched with the ticket's own title, the first hit opened and linked, one
  public reply asking the three prompts and naming the article, resolved with the customer's
  own description and closed two minutes later;
- **never over the customer**: it writes only when the customer has finished typing or
  speaking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.state import ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate import gaming_prompter_words as w
from helpdesk_tui.simulate.queued import QueuedPolicy, Step, written_waiting

MAIL_WAIT_S = 120.0


@dataclass(slots=True)
class Case:
    """What prompter keeps about one conversation: where it is in its script."""

    conv_id: str
    slot: int
    ticket: str | None = None
    article: str | None = None
    title: str = ""
    handled: int = 0
    phase: str = "new"
    prompts: int = 0
    tries: int = 0
    suggestion: str = ""
    resolved: bool = False
    relayed: set[int] = field(default_factory=set)


class PrompterPolicy(QueuedPolicy):
    """Makes the customer do the work and hands their words back as its own."""

    name = "prompter"
    description = "asks the customer what they tried and think, hands their words back"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in w.GREET else "en"
        self.index = KbIndex(scenario.kb)
        self.cases: dict[str, Case] = {}
        self.mails: dict[str, float] = {}
        self.mail_done: set[str] = set()
        self.relayed: set[tuple[str, int]] = set()

    # --- planning ---------------------------------------------------------------------------

    def _plan(self, state: ExamState, now: float) -> None:
        """Queue what comes next: a conversation whose customer finished, then written work."""
        for conv in sorted(state.conversations.values(), key=lambda c: c.opened_at):
            if conv.is_live and not conv.is_busy_at(now):
                self._react(state, conv.id)
            elif not conv.is_live:
                self._wrap_up(state, conv.id)
            if self.queue:
                return
        self._second_line(state)
        if not self.queue:
            self._written(state, now)

    def _react(self, state: ExamState, conv_id: str) -> None:
        conv = state.conversations[conv_id]
        said = [m.text for m in conv.messages if m.author == "customer"]
        case = self.cases.get(conv_id)
        if case is None:
            if not said:
                return
            case = self.cases[conv_id] = Case(conv_id, slot=len(self.cases))
            case.ticket = self._ticket_for(state, conv_id)
        if len(said) <= case.handled:
            return
        new = " ".join(said[case.handled :])
        case.handled = len(said)
        getattr(self, f"_on_{case.phase}")(state, case, new, said)

    def _say(self, case: Case, text: Callable[[ExamState], str]) -> None:
        conv = case.conv_id
        self.queue.append(
            Step(lambda s: ("message_sent", {"conversation_id": conv, "text": text(s)}), conv)
        )

    def _first(self, state: ExamState, conv_id: str) -> str:
        customer = state.customers.get(state.conversations[conv_id].customer_id)
        return customer.name.split()[0] if customer and customer.name else ""

    # --- the script, one phase a customer turn -----------------------------------------------

    def _on_new(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        lang, first = self.language, self._first(state, case.conv_id)
        opening = " ".join(
            [
                w.pick(w.GREET[lang], case.slot).format(first=first),
                w.IDENTIFY[lang],
                w.pick(w.PROMPTS[lang][0], case.slot),
            ]
        )
        self._say(case, lambda s: opening)
        if case.ticket is None:
            self.queue.append(Step(lambda s: self._create(s, case, said[0])))
        self._look_up(case, said[0])
        case.phase, case.prompts = "ask", 1

    def _on_ask(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        lang, first = self.language, self._first(state, case.conv_id)
        if case.prompts < len(w.PROMPTS[lang]):
            prompt = w.pick(w.PROMPTS[lang][case.prompts], case.slot).format(first=first)
            self._say(case, lambda s: prompt)
            case.prompts += 1
            return
        longest = max(said, key=lambda t: len(w.content_words(t)))
        words = w.handed_back(longest, lang)
        text = w.pick(w.RESTATE[lang], case.slot).format(first=first, words=words)
        self._say(case, lambda s: text)
        case.suggestion = self._suggestion(said[1:] or said)
        case.phase = "restated"

    def _on_restated(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        self._offer(state, case, case.suggestion)
        case.phase = "stepped"

    def _on_stepped(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        lang, first = self.language, self._first(state, case.conv_id)
        works = w.YES.search(new) and not w.NO.search(new)
        if works or case.tries >= 2:
            self._say(case, lambda s: w.CLOSING[lang].format(first=first))
            case.phase = "closing"
        elif case.tries == 1:
            self._say(case, lambda s: w.NEXT[lang].format(first=first))
            case.phase = "next"
        else:
            self._transfer_if_named(state, case, " ".join(said))
            self._say(case, lambda s: w.CLOSING[lang].format(first=first))
            case.phase = "closing"

    def _on_next(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        if len(w.content_words(new)) >= 3:
            case.suggestion = self._suggestion([new]) or case.suggestion
        self._offer(state, case, case.suggestion)
        case.phase = "stepped"

    def _on_closing(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        first = self._first(state, case.conv_id)
        self._resolve(case, first)
        self._say(case, lambda s: w.BYE[self.language].format(first=first))
        conv = case.conv_id
        self.queue.append(Step(lambda s: ("conversation_closed", {"conversation_id": conv}), conv))
        case.phase = "done"

    def _on_done(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        self._attend(state, case, new)

    def _on_waiting(self, state: ExamState, case: Case, new: str, said: list[str]) -> None:
        self._attend(state, case, new)

    # --- what the script does ---------------------------------------------------------------

    def _offer(self, state: ExamState, case: Case, suggestion: str) -> None:
        lang, first = self.language, self._first(state, case.conv_id)
        words = w.handed_back(suggestion, lang)
        text = w.pick(w.STEP[lang], case.slot + case.tries).format(
            first=first, words=words, title=case.title or "the guide"
        )
        self._say(case, lambda s: text)
        case.tries += 1

    def _attend(self, state: ExamState, case: Case, new: str) -> None:
        lang, first = self.language, self._first(state, case.conv_id)
        words = " ".join(w.turned(new, lang).split()[:5])
        text = w.pick(w.ATTEND[lang], case.slot).format(first=first, words=words)
        self._say(case, lambda s: text)

    @staticmethod
    def _suggestion(said: list[str]) -> str:
        """The customer's sentence that says what they tried, think or were told last time."""
        sentences = [s for text in said for s in w.sentences(text)]
        for sentence in sentences:
            if w.SUGGESTS.search(sentence):
                return sentence
        return max(sentences, key=lambda s: len(w.content_words(s)), default="")

    def _look_up(self, case: Case, words: str) -> None:
        """Search with the customer's own first words and open the first hit, whatever it is."""
        query = " ".join(w.content_words(words)[:8]) or words[:60]
        top = self._queue_look_up(self.index, query, lambda: case.ticket)
        if top is not None:
            case.article, case.title = top.article_id, top.title

    def _create(self, state: ExamState, case: Case, text: str) -> tuple[str, dict[str, Any]]:
        conv = state.conversations[case.conv_id]
        ticket_id = state.next_ticket_id()
        case.ticket = ticket_id
        title = conv.subject or (w.sentences(text) or [text])[0][:80]
        data: dict[str, Any] = {
            "ticket_id": ticket_id,
            "title": title,
            "customer_id": conv.customer_id,
            "description": text[:500],
            "conversation_id": conv.id,
            **self._fields(state, text),
        }
        return "ticket_created", data

    def _fields(self, state: ExamState, text: str) -> dict[str, str]:
        """Category by the words its name shares with the customer's; the middle levels."""
        out: dict[str, str] = {}
        words = {x[:5] for x in w.content_words(text)}
        best, score = None, -1
        for category in self.scenario.categories:
            if state.categories and category.id not in state.categories:
                continue
            shared = len(words & {x[:5] for x in w.content_words(category.name)})
            if shared > score:
                best, score = category.id, shared
        if best is not None:
            out["category"] = best
        profile = state.sla_profile
        if profile and profile.levels:
            middle = profile.levels[len(profile.levels) // 2]
            out["impact"] = out["urgency"] = middle
        return out

    def _resolve(self, case: Case, first: str) -> None:
        lang = self.language
        case.resolved = True

        def resolve(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            ticket = s.tickets.get(case.ticket or "")
            if ticket is None or not ticket.is_active:
                return None
            words = w.handed_back(case.suggestion or ticket.description, lang)
            solution = w.RESOLVED[lang].format(first=first, words=words, title=case.title)
            data: dict[str, Any] = {"ticket_id": ticket.id, "solution": solution}
            if case.article:
                data["kb_article"] = case.article
            return "ticket_resolved", data

        def close(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            ticket = s.tickets.get(case.ticket or "")
            if ticket is None or ticket.status != TicketStatus.RESOLVED:
                return None
            return "ticket_closed", {"ticket_id": ticket.id}

        self.queue.append(Step(resolve))
        self.queue.append(Step(close))

    def _transfer_if_named(self, state: ExamState, case: Case, said: str) -> None:
        """Transfer only to a group the customer named: they said who does this."""
        low = said.lower()
        for group_id, name in state.groups.items():
            if name and name.lower() in low:

                def transfer(s: ExamState, g: str = group_id) -> tuple[str, dict[str, Any]] | None:
                    if case.ticket is None or case.ticket not in s.tickets:
                        return None
                    return "ticket_transferred", {
                        "ticket_id": case.ticket,
                        "group": g,
                        "reason": "as the customer said",
                    }

                self.queue.append(Step(transfer))
                return

    def _wrap_up(self, state: ExamState, conv_id: str) -> None:
        """A conversation that ended (the caller hung up): its ticket resolved as it stands."""
        case = self.cases.get(conv_id)
        if case is None or case.resolved or case.ticket is None:
            return
        ticket = state.tickets.get(case.ticket)
        if ticket is None or not ticket.is_active or ticket.status == TicketStatus.TRANSFERRED:
            return
        self._resolve(case, self._first(state, conv_id))

    def _ticket_for(self, state: ExamState, conv_id: str) -> str | None:
        """A conversation about a ticket it already has (news, chase) gets no new one."""
        conv = state.conversations[conv_id]
        if conv.about_ticket:
            return conv.about_ticket
        for case in self.cases.values():
            other = state.conversations.get(case.conv_id)
            same = other and other.incident_id and other.incident_id == conv.incident_id
            if same and case.conv_id != conv_id:
                self.cases[conv_id].phase = "waiting"
                return case.ticket
        return None

    def _second_line(self, state: ExamState) -> None:
        """A group's reply passed on word for word to the customer, and noted."""
        for ticket in state.tickets.values():
            for i, (_, group, text) in enumerate(ticket.second_line):
                if (ticket.id, i) in self.relayed:
                    continue
                self.relayed.add((ticket.id, i))
                live = [c for c in ticket.conversation_ids if self._live(state, c)]
                if live:
                    conv = live[0]
                    self.queue.append(
                        Step(
                            lambda s, c=conv, t=text: (
                                "message_sent",
                                {"conversation_id": c, "text": t},
                            ),
                            conv,
                        )
                    )
                else:
                    self.queue.append(
                        Step(
                            lambda s, tid=ticket.id, t=text: (
                                "ticket_reply_added",
                                {"ticket_id": tid, "text": t},
                            )
                        )
                    )
                note = f"{group}: {text}"[:500]
                self.queue.append(
                    Step(
                        lambda s, tid=ticket.id, n=note: (
                            "note_added",
                            {"ticket_id": tid, "text": n},
                        )
                    )
                )

    def _written(self, state: ExamState, now: float) -> None:
        """E-mail and queue tickets: prompts by mail, then resolved two minutes later."""
        mine = {c.ticket for c in self.cases.values()}
        for tid, at in self.mails.items():
            if tid not in self.mail_done and now >= at:
                self.mail_done.add(tid)
                self._resolve_mail(state.tickets[tid])
                return
        ticket = written_waiting(state, mine | set(self.mails))
        if ticket is None:
            return
        self._answer_mail(state, ticket, now)

    def _answer_mail(self, state: ExamState, ticket: Ticket, now: float) -> None:
        tid, lang = ticket.id, self.language
        self.mails[tid] = now + MAIL_WAIT_S
        self.queue.append(Step(lambda s: ("ticket_opened", {"ticket_id": tid})))
        changes = {
            k: v
            for k, v in self._fields(state, f"{ticket.title} {ticket.description}").items()
            if getattr(ticket, k) is None
        }
        if changes:
            self.queue.append(
                Step(lambda s: ("ticket_updated", {"ticket_id": tid, "changes": changes}))
            )
        query = " ".join(w.content_words(ticket.title)[:8]) or ticket.title[:60]
        hits = self.index.search(query, limit=10) if query.strip() else []
        title = "the guide"
        if hits:
            top, ids = hits[0], [h.article_id for h in hits]
            title = top.title
            self.queue.append(Step(lambda s: ("kb_searched", {"query": query, "results": ids})))
            self.queue.append(Step(lambda s: ("kb_article_opened", {"article_id": top.article_id})))
            self.queue.append(
                Step(lambda s: ("ticket_linked", {"ticket_id": tid, "kb_article": top.article_id}))
            )
        customer = state.customers.get(ticket.customer_id)
        first = customer.name.split()[0] if customer and customer.name else ""
        text = w.MAIL[lang].format(first=first, subject=ticket.title, title=title)
        self.queue.append(Step(lambda s: ("ticket_reply_added", {"ticket_id": tid, "text": text})))

    def _resolve_mail(self, ticket: Ticket) -> None:
        tid, lang = ticket.id, self.language
        words = w.handed_back(ticket.description or ticket.title, lang)

        def resolve(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            t = s.tickets.get(tid)
            if t is None or not t.is_active or t.status == TicketStatus.TRANSFERRED:
                return None
            data: dict[str, Any] = {
                "ticket_id": tid,
                "solution": w.RESOLVED[lang].format(first="", words=words, title=""),
            }
            if t.kb_articles:
                data["kb_article"] = t.kb_articles[0]
            return "ticket_resolved", data

        def close(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            t = s.tickets.get(tid)
            if t is None or t.status != TicketStatus.RESOLVED:
                return None
            return "ticket_closed", {"ticket_id": tid}

        self.queue.append(Step(resolve))
        self.queue.append(Step(close))
