"""How a scripted candidate handles one incident: its steps, in the procedure's order.

The plan follows the procedure of the answer key's category step by step
(COM-1, SOL-1): a step detected in what the candidate writes becomes a
message that contains one of its patterns (a canned reply where one fits,
DATA-5); a step detected by an event becomes that action. Around the
procedure the plan adds what the answer key asks for: clarifying questions
for the hidden facts and a paraphrase before looking anything up (COM-2,
COM-4), the knowledge-base look-up (SOL-2), the solution or the fitting
option (SOL-7, SOL-8), the transfer and its follow-up (DATA-3, SOL-5), the
resolution and closing (DATA-4). A `Style` switches parts off for the naive
candidate.

Steps build their command only when they run, from the state at that moment
(the customer's words so far, the facts revealed, the ticket's fields).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helpdesk_tui.assess.procedures import telling_acts
from helpdesk_tui.core.state import ExamState, TicketStatus
from helpdesk_tui.customers import dialogue
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import Channel, Fact, ProcedureStep, Scenario
from helpdesk_tui.simulate import restate
from helpdesk_tui.simulate.jobs import Command, Job, Said, Step, Style
from helpdesk_tui.simulate.texts import Texts, address_name, sentences

__all__ = ["Job", "Planner", "Step", "Style", "Texts", "sentences"]

EMPATHY_KEYS = ("empathy", "empathy_1", "empathy_2", "empathy_3")
"""The phrases' empathy wordings, one per upset customer in turn (four: a wording reaches a
third customer only from the ninth on, `assess.integrity.TEMPLATE_CUSTOMERS`)."""


class Planner:
    """Turns an incident into the steps of a `Job`, for one scenario and style."""

    def __init__(
        self, scenario: Scenario, style: Style, kb: KbIndex, note: Callable[[str], None]
    ) -> None:
        self.scenario = scenario
        self.style = style
        self.kb = kb
        self.note = note
        self.t = Texts(scenario, style)
        self.empathy_of: dict[str, str] = {}
        """(evid15) The empathy wording each customer gets: the next of `EMPATHY_KEYS` for each
        new one, as a person's words vary; never one formula for every upset customer."""

    # ---------------------------------------------------------------- plan

    def plan(self, job: Job) -> list[Step]:
        incident = job.incident
        procedure = self.scenario.procedure_for(incident.answer.category)
        done: set[str] = set()
        steps: list[Step] = []
        for proc_step in procedure.steps:
            if not proc_step.applies_in(incident):
                continue
            if proc_step.patterns:
                steps += self._pattern_step(job, proc_step, done)
            else:
                steps += self._event_step(job, proc_step.events, done)
        for block in self._missing(job):
            steps += self._ensure(job, block, done)
        if incident.channel == Channel.CALL and self.style.search_while_listening:
            steps.insert(0, self._listening_search())
        return steps

    def _listening_search(self) -> Step:
        """A caller's first words typed into the KB search while they are still speaking (SIM-3)."""

        def make(state: ExamState, j: Job) -> Command | None:
            conv = state.conversations.get(j.conv_id or "")
            said = [m.text for m in conv.messages if m.author == "customer"] if conv else []
            if not said:
                return None
            query = " ".join(said[0].split()[:6])
            return "kb_searched", {
                "query": query,
                "results": [h.article_id for h in self.kb.search(query, limit=5)],
            }

        return Step("search while listening", "do", make, cost=3.0)

    def _missing(self, job: Job) -> tuple[str, ...]:
        """Blocks every plan ends with, in this order, when the procedure left them out."""
        transfer = ("transfer", "inform") if self._transfers(job) else ()
        if not job.incident.is_conversation:
            return ("open", "classify", "kb", "reply", *transfer, "resolve", "close_ticket")
        start = ("ticket", "explore", "kb", "solution", *transfer)
        if (
            transfer and job.incident.channel == Channel.CALL
        ):  # no caller waits on hold for the second line
            return (*start, "closing", "close_conv", "resolve", "close_ticket")
        return (*start, "resolve", "closing", "close_conv", "close_ticket")

    def _transfers(self, job: Job) -> bool:
        return job.incident.answer.transfer_group is not None

    def _ensure(self, job: Job, block: str, done: set[str]) -> list[Step]:
        """The block's steps, with what must come before it, unless already planned."""
        if block in done:
            return []
        before = {
            "kb": ("ticket", "explore") if job.incident.is_conversation else ("open",),
            "solution": ("kb",),
            "reply": ("kb",),
            "transfer": ("kb",),
            "inform": ("transfer",),
            "follow": ("transfer",),
            "resolve": ("follow",) if self._transfers(job) else ("kb",),
            "close_ticket": ("resolve",),
            "close_conv": ("closing",),
        }.get(block, ())
        steps: list[Step] = []
        for need in before:
            steps += self._ensure(job, need, done)
        done.add(block)
        return steps + self._block(job, block)

    def _block(self, job: Job, block: str) -> list[Step]:
        conv = job.incident.is_conversation
        builders: dict[str, Callable[[Job], list[Step]]] = {
            "ticket": self._create if conv else _nothing,
            "explore": self._explore if conv else _nothing,
            "kb": self._kb,
            "solution": self._solution_say if conv else _nothing,
            "open": _nothing if conv else self._open,
            "classify": self._update_facts if conv else self._classify,
            "reply": _nothing if conv else self._written_reply,
            "transfer": self._transfer if self._transfers(job) else _nothing,
            "inform": self._inform,
            "follow": self._follow if self._transfers(job) else _nothing,
            "resolve": self._resolve,
            "closing": self._closing if conv else _nothing,
            "close_conv": self._close_conv if conv else _nothing,
            "close_ticket": self._close_ticket,
        }
        return builders[block](job)

    def _event_step(self, job: Job, events: tuple[str, ...], done: set[str]) -> list[Step]:
        names = set(events)
        if names & {"ticket_transferred", "ticket_resolved", "ticket_pending"}:
            if "ticket_transferred" in names and self._transfers(job):
                return self._ensure(job, "transfer", done)
            return self._ensure(job, "resolve", done)
        if names & {"note_added", "ticket_updated"} and "transfer" in done:
            return self._ensure(job, "follow", done)
        mapping = {
            "ticket_created": "ticket",
            "ticket_opened": "open",
            "ticket_updated": "classify",
            "note_added": "classify",
            "kb_article_opened": "kb",
            "kb_searched": "kb",
            "ticket_reply_added": "reply",
            "ticket_closed": "close_ticket",
            "conversation_closed": "close_conv",
        }
        blocks = [mapping[e] for e in events if e in mapping]
        steps: list[Step] = []
        for block in blocks[:1]:
            steps += self._ensure(job, block, done)
            if block == "kb" and job.incident.is_conversation:
                steps += self._ensure(job, "solution", done)  # the answer (or workaround) now
        return steps

    def _pattern_step(self, job: Job, step: ProcedureStep, done: set[str]) -> list[Step]:
        if not job.incident.is_conversation:
            return []
        role = self.t.role(step)
        if role in ("identify", "question", "check", "closing") and not self.style.ask_questions:
            return []
        before: list[Step] = []
        if role == "check":
            before = self._ensure(job, "solution", done)
        elif role == "inform":
            before = self._ensure(job, "transfer", done) if self._transfers(job) else []
            done.add("inform")
        elif role == "closing":
            before = self._ensure(job, "solution", done) if not self._transfers(job) else []
            done.add("closing")
        elif role == "question" and "instruction" in telling_acts(step.patterns, self.t.language):
            before = self._ensure(job, "kb", done)  # (evid15) advice after reading the article
        say = self._say_step(job, step, role)
        after = self._empathy() if role == "greeting" and self.style.empathy else []
        if role == "closing" and self._transfers(job) and job.incident.channel == Channel.CALL:
            after = self._ensure(job, "close_conv", done)
        return before + [say] + after

    # ---------------------------------------------------------------- conversation steps

    def _say_step(self, job: Job, step: ProcedureStep, role: str) -> Step:
        def make(state: ExamState, j: Job) -> Said | None:
            novice = self.t.novice(state, j.incident.customer)
            if role == "inform" and j.transferred_at is None:
                return self._inform_text(state, j, novice), None
            if role == "inform":
                canned = self.t.canned_for(step.patterns)
                return canned or (self._inform_text(state, j, novice), None)
            return self.t.for_step(step, role, novice, j.incident)

        return Step(
            f"{role}: {step.id}", "say", make, patterns=step.patterns, written=role == "inform"
        )

    def _empathy(self) -> list[Step]:
        def make(state: ExamState, job: Job) -> Said | None:
            customer = state.customers.get(job.incident.customer)
            if customer is None or customer.mood == "calm":
                return None
            key = self.empathy_of.setdefault(
                customer.id, EMPATHY_KEYS[len(self.empathy_of) % len(EMPATHY_KEYS)]
            )
            return self.t.phrase(key, name=address_name(customer.name)), None

        return [Step("empathy", "say", make)]

    def _explore(self, job: Job) -> list[Step]:
        steps: list[Step] = self._empathy() if self.style.empathy else []
        if self.style.ask_questions:
            steps += [
                self._fact_step(f)
                for f in job.incident.facts
                if not _for_second_line(job, f, self.t.language)
            ]
        if self.style.paraphrase:
            steps.append(Step("paraphrase", "say", self._paraphrase))
        steps += self._update_facts(job)
        return steps

    def _fact_step(self, fact: Fact) -> Step:
        def make(state: ExamState, job: Job) -> Said | None:
            if fact.id in job.revealed:
                return None
            novice = self.t.novice(state, job.incident.customer)
            pattern = self.t.best_ask(fact, novice)
            if novice and dialogue.jargon_in(pattern, self.scenario.glossary, self.t.language):
                self.note(f"{job.incident.id}: fact '{fact.id}' can only be asked with jargon")
                return None
            return self.t.question(pattern), None

        return Step(f"ask: {fact.id}", "say", make)

    def _paraphrase(self, state: ExamState, job: Job) -> Said | None:
        facts = [f for f in job.incident.facts if f.id in job.revealed]
        chosen = [f for f in facts if f.key] or facts
        novice = self.t.novice(state, job.incident.customer)
        if chosen:
            summary = self.t.summary(chosen, job.incident, novice)
            if not summary:
                return None  # nothing of the problem to restate that does not tell the answer
        else:
            conv = state.conversations.get(job.conv_id or "")
            said = [m.text for m in conv.messages if m.author == "customer"] if conv else []
            if not said:
                return None
            summary = said[0]
        message = self.t.phrase("paraphrase", summary=summary)
        if chosen:
            message = self._in_own_frame(message, summary, chosen, job, novice)
        return self.t.plain(message, novice), None

    def _in_own_frame(
        self, message: str, summary: str, facts: list[Fact], job: Job, novice: bool
    ) -> str:
        """(evid19) The summary in the message's frame gives back none of the customer's words
        in a row either: "... et la petite flèche descend" + ", c'est ça hein ?" is Josiane's
        "la petite flèche descend. C'est à devenir folle" (an echo, COM-4). When the frame
        completes one, the summary is chosen again with the frame's words around it."""
        theirs = self.t.customer_runs(job.incident)
        if not restate.runs(message) & theirs:
            return message
        body = summary.rstrip(".")
        at = message.casefold().find(body.casefold())
        if at < 0:
            return message
        before, after = message[:at], message[at + len(body) :]
        again = self.t.summary(facts, job.incident, novice, around=(before, after))
        if not again:
            return message
        again = again.rstrip(".")
        return before + (again[:1].upper() + again[1:] if at == 0 else again) + after

    def _solution_say(self, job: Job) -> list[Step]:
        if self._transfers(job) and job.incident.answer.fitting_option is None:
            return []

        def make(state: ExamState, j: Job) -> Said | None:
            novice = self.t.novice(state, j.incident.customer)
            text, workaround = self.t.solution(j.incident, novice)
            lead = self.t.phrase("workaround" if workaround else "solution", solution=text)
            return self.t.with_jargon(lead), None

        return [Step("solution", "say", make, written=True)]

    def _inform(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Said | None:
            return self._inform_text(state, j, self.t.novice(state, j.incident.customer)), None

        return [Step("inform", "say", make, written=True)]

    def _inform_text(self, state: ExamState, job: Job, novice: bool) -> str:
        group_id = job.incident.answer.transfer_group
        if group_id is None or job.transferred_at is None:
            return self.t.phrase("hold")
        group = self.scenario.group(group_id).name
        return self.t.plain(
            self.t.phrase("transferred", ticket=job.ticket_id or "", group=group), novice
        )

    def _closing(self, job: Job) -> list[Step]:
        if not self.style.ask_questions:
            return []

        def make(state: ExamState, j: Job) -> Said | None:
            canned = self.t.canned_for_act("closing")
            return canned or (self.t.phrase("closing"), None)

        return [Step("closing", "say", make)]

    def _close_conv(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            conv = state.conversations.get(j.conv_id or "")
            if conv is None or not conv.is_live:
                return None
            return "conversation_closed", {"conversation_id": conv.id}

        return [Step("close conversation", "do", make, needs_reply=True, cost=2.0)]

    # ---------------------------------------------------------------- ticket steps

    def _create(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            if j.ticket_id is not None:
                return None
            conv = state.conversations.get(j.conv_id or "")
            said = [m.text for m in conv.messages if m.author == "customer"] if conv else []
            answer = j.incident.answer
            data: dict[str, Any] = {
                "ticket_id": state.next_ticket_id(),
                "title": j.incident.title,
                "customer_id": j.incident.customer,
                "description": " ".join(said)[:600] or j.incident.title,
                "category": answer.category,
                "impact": answer.impact,
                "urgency": answer.urgency,
            }
            if conv is not None:
                data["conversation_id"] = conv.id
            return "ticket_created", data

        return [Step("create ticket", "do", make, cost=8.0)]

    def _update_facts(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            ticket = j.ticket(state)
            facts = [f.answer for f in j.incident.facts if f.id in j.revealed]
            if ticket is None or not facts:
                return None
            note = self.t.phrase("note_facts", facts=" ".join(facts))
            changes = {"description": f"{ticket.description}\n{note}"[:2000]}
            return "ticket_updated", {"ticket_id": ticket.id, "changes": changes}

        return [Step("record the facts", "do", make, needs_reply=True, cost=5.0)]

    def _open(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            ticket = j.ticket(state)
            if ticket is None or ticket.status != TicketStatus.NEW:
                return None
            return "ticket_opened", {"ticket_id": ticket.id}

        return [Step("open ticket", "do", make, cost=4.0)]

    def _classify(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            ticket = j.ticket(state)
            if ticket is None:
                return None
            answer = j.incident.answer
            wanted = {
                "category": answer.category,
                "impact": answer.impact,
                "urgency": answer.urgency,
            }
            if not self.style.correct_fields:
                wanted = {k: v for k, v in wanted.items() if getattr(ticket, k) is None}
            changes = {k: v for k, v in wanted.items() if getattr(ticket, k) != v}
            if not changes:
                return None
            return "ticket_updated", {"ticket_id": ticket.id, "changes": changes}

        return [Step("classify", "do", make, cost=5.0)]

    def _kb(self, job: Job) -> list[Step]:
        found: dict[str, str | None] = {}

        def search(state: ExamState, j: Job) -> Command | None:
            query, results = self._search(j)
            found["article"] = results[0] if results and not self.style.pick_right_article else None
            return "kb_searched", {"query": query, "results": results}

        def open_(state: ExamState, j: Job) -> Command | None:
            article = (
                self.t.target_article(j.incident)
                if self.style.pick_right_article
                else found.get("article")
            )
            if article is None:
                return None
            found["opened"] = article
            return "kb_article_opened", {"article_id": article}

        def link(state: ExamState, j: Job) -> Command | None:
            article, ticket = found.get("opened"), j.ticket(state)
            if article is None or ticket is None or article in ticket.kb_articles:
                return None
            return "ticket_linked", {"ticket_id": ticket.id, "kb_article": article}

        return [
            Step("search the KB", "do", search, cost=5.0),
            Step("open the article", "do", open_, cost=4.0),
            Step("link the article", "do", link, cost=2.0),
        ]

    def _search(self, job: Job) -> tuple[str, list[str]]:
        """The ideal searches for its article's title; the naive one types the customer's words."""
        incident = job.incident
        target = self.t.target_article(incident)
        if self.style.pick_right_article and target is not None:
            article = self.scenario.article(target)
            for query in (article.title, " ".join(article.tags)):
                results = [h.article_id for h in self.kb.search(query, limit=5)]
                if target in results:
                    return query, results
            return article.title, results
        words = (
            incident.subject or (incident.messages[0].text if incident.messages else incident.title)
        ).split()
        query = " ".join(words[:6])
        return query, [h.article_id for h in self.kb.search(query, limit=5)]

    def _written_reply(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Said | None:
            novice = self.t.novice(state, j.incident.customer)
            text, _ = self.t.solution(j.incident, novice)
            parts = [self.t.phrase("email_ack"), self.t.with_jargon(text)]
            if not self._transfers(j) and self.style.ask_questions:
                parts.append(self.t.phrase("closing"))
            return " ".join(parts), None

        return [Step("reply in the ticket", "say", make, written=True)]

    def _transfer(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            ticket, group = j.ticket(state), j.incident.answer.transfer_group
            if ticket is None or group is None or ticket.status == TicketStatus.TRANSFERRED:
                return None
            article = self.t.target_article(j.incident) or "-"
            reason = self.t.phrase(
                "transfer_reason",
                title=j.incident.title,
                article=article,
                group=self.scenario.group(group).name,
            )
            return "ticket_transferred", {"ticket_id": ticket.id, "group": group, "reason": reason}

        def categorise(state: ExamState, j: Job) -> Command | None:
            """What the transfer form asks of a ticket without a category (bugs14): the
            category, saved before the transfer."""
            ticket, group = j.ticket(state), j.incident.answer.transfer_group
            if ticket is None or group is None or ticket.category is not None:
                return None
            if ticket.status == TicketStatus.TRANSFERRED:
                return None
            changes = {"category": j.incident.answer.category}
            return "ticket_updated", {"ticket_id": ticket.id, "changes": changes}

        return [
            Step("category for the transfer", "do", categorise, cost=2.0),
            Step("transfer", "do", make, cost=6.0),
        ]

    def _follow(self, job: Job) -> list[Step]:
        """Wait for the second line; relay its question and record the answer; pass its news on.

        A candidate who does not relay the question waits for a fix that never
        comes: the ticket stays with the second line (what SOL-5 is about).
        """
        second = job.incident.second_line
        steps = [Step("wait for the second line", "wait", lambda s, j: bool(j.second_line))]
        rounds = len(second.questions) if second is not None else 0
        for index in range(rounds if self.style.relay else 0):
            if index:
                steps.append(Step("wait for the next question", "wait", _asked(index)))
            steps += [
                Step("relay the question", "say", self._relay_text_of(index), written=True),
                Step("record the answer", "do", self._record_answer, needs_reply=True, cost=4.0),
            ]
        if rounds:
            steps.append(Step("wait for the fix", "wait", _fixed_after_relay))
        steps.append(Step("pass the news on", "say", self._news_text, written=True))
        return steps

    def _relay_text_of(self, index: int) -> Callable[[ExamState, Job], Said | None]:
        """Relaying the group's question of round `index` (0: its first reply)."""

        def make(state: ExamState, job: Job) -> Said | None:
            asked = [text for _, text, q, _ in job.second_line if q]
            second = job.incident.second_line
            if len(asked) <= index or second is None or len(second.questions) <= index:
                return None
            group = self.scenario.group(second.group).name
            question = _without_sender(asked[index], group)
            text = self.t.phrase("relay", group=group, question=question)
            relay = second.questions[index].relay_patterns
            if relay and not dialogue.first_mention(relay, text, self.t.language):
                text += f" ({relay[0]})"
            return self.t.plain(text, self.t.novice(state, job.incident.customer)), None

        return make

    def _record_answer(self, state: ExamState, job: Job) -> Command | None:
        ticket = job.ticket(state)
        conv = state.conversations.get(job.conv_id or "")
        if ticket is None or job.relayed_at is None:
            return None
        answers = (
            [m.text for m in conv.messages if m.author == "customer" and m.at > job.relayed_at]
            if conv
            else []
        )
        second = job.incident.second_line
        group = self.scenario.group(second.group).name if second else ""
        text = self.t.phrase("note_answer", group=group, answer=" ".join(answers) or "-")
        return "note_added", {"ticket_id": ticket.id, "text": text}

    def _news_text(self, state: ExamState, job: Job) -> Said | None:
        news = [(text, group) for _, text, q, group in job.second_line if not q]
        if not news:
            return None
        text, group = news[-1]
        name = self.scenario.group(group).name if group else ""
        message = self.t.phrase("fixed", group=name, text=_without_sender(text, name))
        return self.t.plain(message, self.t.novice(state, job.incident.customer)), None

    def _resolve(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            ticket = j.ticket(state)
            if (
                ticket is None
                or ticket.resolved_at is not None
                or ticket.status == TicketStatus.CLOSED
            ):
                return None
            data: dict[str, Any] = {
                "ticket_id": ticket.id,
                "solution": self.t.resolution(j.incident),
            }
            article = self.t.target_article(j.incident)
            if article and (state.kb_articles is None or article in state.kb_articles):
                data["kb_article"] = article
            return "ticket_resolved", data

        return [Step("resolve", "do", make, needs_reply=True, cost=6.0)]

    def _close_ticket(self, job: Job) -> list[Step]:
        def make(state: ExamState, j: Job) -> Command | None:
            ticket = j.ticket(state)
            if ticket is None or ticket.status != TicketStatus.RESOLVED:
                return None
            return "ticket_closed", {"ticket_id": ticket.id}

        return [Step("close ticket", "do", make, cost=2.0)]


def _nothing(job: Job) -> list[Step]:
    return []


def _asked(index: int) -> Callable[[ExamState, Job], bool]:
    """The second line has asked its question of round `index` (counted from 0)."""

    def asked(state: ExamState, job: Job) -> bool:
        return sum(1 for _, _, q, _ in job.second_line if q) > index

    return asked


def _fixed_after_relay(state: ExamState, job: Job) -> bool:
    """The second line's news after the question (after the relay, when there was one)."""
    since = job.relayed_at if job.relayed_at is not None else -1.0
    return any(at > since and not q for at, _, q, _ in job.second_line)


def _without_sender(text: str, group: str) -> str:
    """A second line's message without its "Network team:" opening, to pass it on."""
    head, sep, rest = text.partition(":")
    if sep and dialogue.words(head) == dialogue.words(group):
        return rest.strip()
    return text


def _for_second_line(job: Job, fact: Fact, lang: str) -> bool:
    """A fact only the second line's question brings up (the candidate relays it, SOL-5)."""
    second = job.incident.second_line
    if second is None or not second.question:
        return False
    patterns = tuple(p for q in second.questions for p in q.relay_patterns)
    return any(dialogue.first_mention(patterns, ask, lang) for ask in fact.ask)
