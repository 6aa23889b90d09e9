"""`dispatcher`: a seventeenth cheater, written blind from the published documents (branch evid44).

It never reads the answer key, a hidden fact, a dialogue rule, the glossary, the canned replies
or the procedures, and never tries to understand a customer's problem. It reads only what the
candidate's screen shows: the customers' names, the conversations' subjects, the tickets with
their queue priority and second-line replies, the SLA profile's levels and update interval, the
knowledge base (search and articles), the categories and the groups. Unlike the sixteen before it, which all game the *words* (batteries, frames, pasted, woven, drip-fed
or handed-back text), the dispatcher games the **process**: it says almost nothing and moves
tickets, so that every clock, form and status the evidence reads looks kept
(docs/assessment.md: SOL-3 "the clock stops while pending", "a target still running then is
neither met nor breached"; SOL-4 priorities as the queue showed them; SOL-5 and SOL-6 relays
and timed updates; DATA-5 tools used; 2.10 "the transfer" takes up a case):

- **every contact registered at once, at the lowest priority**: at the customer's first words a
  ticket is made (title: the subject, else their first words; the category whose name shares
  most words with theirs; impact and urgency the *least* severe of the SLA's levels, so its
  targets are the loosest), the customer greeted by first name with the ticket's number: a
  first response within seconds;
- **a look-up for the file**: the KB searched for the customer's first content words, the top
  hit opened and linked to the ticket, and never used;
- **escalated or parked, never solved**: when the top article names a group, the ticket goes to
  it and the customer is told who has it and when they hear next; otherwise the ticket is set **pending, waiting on the customer**, without
  asking them anything, so its resolution clock stops for the rest of the exam, and the customer
  is told it is "on hold"; then the closing question, goodbye, and the conversation is closed;
- **written tickets re-prioritised down**: taken in the queue's order of priority, opened, the
  impact and urgency set to the least severe levels (whatever they were), the category filled
  in when empty, the top article opened and linked, one public reply with the ticket's number,
  then escalated or parked the same way;
- **the second line relayed word for word**, in the live conversation else as a ticket reply,
  and noted; a question of theirs waits for the customer, whose next words are noted on the
  ticket as they stand; an answer is then the ticket's resolution ("Handled by <group>: <their words>"),
  resolved and closed; a reply that hands the ticket back ("not for our team") parks it,
  pending on a third party, so it never closes on an untold wait;
- **timed updates on every waiting ticket**: "Update on T-1004: the Network team has it; next
  update within N minutes", inside the SLA's update interval, as a public reply, whatever
  happened; a customer who writes while the case waits gets the same promise;
- **never over the customer**: it writes only when the customer has finished typing or speaking.

What a real assessor would refuse: no question asked, nothing restated, no answer of its own to
any case, tickets downgraded against what the customer said, "on hold" without a reason, and
resolutions that are the second line's words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpdesk_tui.core.state import ExamState, Ticket, TicketStatus
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate import gaming_dispatcher_words as w
from helpdesk_tui.simulate import gaming_prompter_words as pw
from helpdesk_tui.simulate.queued import QueuedPolicy, Step, written_waiting

WAITING = (
    TicketStatus.TRANSFERRED,
    TicketStatus.PENDING_CUSTOMER,
    TicketStatus.PENDING_THIRD_PARTY,
)


@dataclass(slots=True)
class Case:
    """What the dispatcher keeps about one conversation or written ticket."""

    slot: int
    conv_id: str | None = None
    ticket: str | None = None
    article: str | None = None
    group: str | None = None
    phase: str = "new"
    handled: int = 0
    told_at: float = 0.0
    closed: bool = False
    routed: bool = False


class DispatcherPolicy(QueuedPolicy):
    """Registers, escalates or parks every case and keeps the clocks; solves nothing."""

    name = "dispatcher"
    description = "registers every case at the lowest priority, escalates or parks it, relays"

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(scenario, seed)
        self.language = scenario.language if scenario.language in w.GREET else "en"
        self.index = KbIndex(scenario.kb)
        self.cases: dict[str, Case] = {}
        """By conversation id, or by ticket id for written tickets."""
        self.relayed: set[tuple[str, int]] = set()

    # --- planning ---------------------------------------------------------------------------

    def _plan(self, state: ExamState, now: float) -> None:
        """Conversations first, then the second line, then timed updates, then written work."""
        for conv in sorted(state.conversations.values(), key=lambda c: c.opened_at):
            if conv.is_live and not conv.is_busy_at(now):
                self._react(state, conv.id, now)
            if self.queue:
                return
        self._second_line(state, now)
        if not self.queue:
            self._updates(state, now)
        if not self.queue:
            self._written(state, now)

    def _react(self, state: ExamState, conv_id: str, now: float) -> None:
        conv = state.conversations[conv_id]
        said = [m.text for m in conv.messages if m.author == "customer"]
        case = self.cases.get(conv_id)
        if case is None:
            if not said:
                return
            case = self.cases[conv_id] = Case(slot=len(self.cases), conv_id=conv_id)
            case.ticket = conv.about_ticket or self._incident_ticket(state, conv_id)
            if case.ticket is not None:
                case.phase = "waiting"
        if len(said) <= case.handled:
            return
        case.handled = len(said)
        first = self._first(state, conv.customer_id)
        lang, slot = self.language, case.slot
        if case.phase == "new":
            self.queue.append(Step(lambda s: self._create(s, case, said[0])))
            self._say(
                case, lambda s: w.pick(w.GREET[lang], slot).format(first=first, ticket=case.ticket)
            )
            self._look_up(case, f"{conv.subject} {said[0]}")
            self._route(case, first)
            self._say(case, lambda s: w.pick(w.CLOSING[lang], slot).format(first=first))
            case.phase = "closing"
        elif case.phase == "closing":
            self._say(case, lambda s: w.pick(w.BYE[lang], slot).format(first=first))
            self.queue.append(
                Step(lambda s: ("conversation_closed", {"conversation_id": conv_id}), conv_id)
            )
            case.phase = "done"
        else:
            self._say(case, lambda s: self._promise(s, case, w.NOTED, first))
            self._file(case, said[-1])

    # --- what it does -----------------------------------------------------------------------

    def _say(self, case: Case, text: Callable[[ExamState], str]) -> None:
        conv = case.conv_id
        self.queue.append(
            Step(lambda s: ("message_sent", {"conversation_id": conv, "text": text(s)}), conv)
        )

    def _tell(self, case: Case, text: Callable[[ExamState], str]) -> None:
        """In the live conversation, else as a public reply on the ticket."""

        def build(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            if case.conv_id and self._live(s, case.conv_id):
                return "message_sent", {"conversation_id": case.conv_id, "text": text(s)}
            if case.ticket is None or case.ticket not in s.tickets:
                return None
            return "ticket_reply_added", {"ticket_id": case.ticket, "text": text(s)}

        self.queue.append(Step(build))

    def _promise(
        self, state: ExamState, case: Case, lines: dict[str, list[str]], first: str
    ) -> str:
        ticket = state.tickets.get(case.ticket or "")
        return w.pick(lines[self.language], case.slot).format(
            first=first,
            ticket=case.ticket or "",
            group=self._group_name(case.group),
            minutes=self._minutes(state, ticket),
        )

    def _route(self, case: Case, first: str) -> None:
        """Escalate to the group the top article names, else park the ticket pending."""
        lang = self.language

        def move(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            ticket = s.tickets.get(case.ticket or "")
            if ticket is None or ticket.status not in (TicketStatus.NEW, TicketStatus.OPEN):
                return None
            case.routed = True
            group = self._named_group(case)
            if group is not None:
                case.group = group
                reason = w.TRANSFER_REASON[lang]
                return "ticket_transferred", {
                    "ticket_id": ticket.id,
                    "group": case.group,
                    "reason": reason,
                }
            reason = w.HOLD_REASON[lang]
            return "ticket_pending", {
                "ticket_id": ticket.id,
                "waiting_on": "customer",
                "reason": reason,
            }

        def told(s: ExamState) -> str:
            case.told_at = s.now
            lines = w.ROUTED if case.group else w.PARKED
            return self._promise(s, case, lines, first)

        self.queue.append(Step(move))
        self._tell(case, told)

    def _look_up(self, case: Case, text: str) -> None:
        """The KB searched with the first words, the top hit opened and linked, never used."""
        query = " ".join(pw.content_words(text)[:8]) or text[:60]
        if not query.strip():
            return
        top = self._queue_look_up(self.index, query, lambda: case.ticket)
        if top is not None:
            case.article = top.article_id

    def _create(self, state: ExamState, case: Case, text: str) -> tuple[str, dict[str, Any]]:
        conv = state.conversations[case.conv_id or ""]
        case.ticket = state.next_ticket_id()
        title = conv.subject or " ".join(text.split()[:10])
        return "ticket_created", {
            "ticket_id": case.ticket,
            "title": title[:80],
            "customer_id": conv.customer_id,
            "description": text[:500],
            "conversation_id": conv.id,
            "category": self._category(state, text),
            **self._lowest(state),
        }

    def _lowest(self, state: ExamState) -> dict[str, str]:
        """The least severe impact and urgency: the loosest SLA targets the matrix gives."""
        profile = state.sla_profile
        if profile is None or not profile.levels:
            return {}
        return {"impact": profile.levels[-1], "urgency": profile.levels[-1]}

    def _category(self, state: ExamState, text: str) -> str:
        words = w.stems(text)
        scores = [len(words & w.stems(c.name)) for c in self.scenario.categories]
        return self.scenario.categories[scores.index(max(scores))].id

    def _named_group(self, case: Case) -> str | None:
        """The first group the top article names: the one the file is escalated to."""
        if not case.article:
            return None
        body = self.scenario.article(case.article).body.lower()
        groups = self.scenario.groups
        named = [(body.find(g.name.lower()), g.id) for g in groups if g.name.lower() in body]
        return min(named)[1] if named else None

    def _group_name(self, group_id: str | None) -> str:
        for g in self.scenario.groups:
            if g.id == group_id:
                return g.name
        return w.OUR_TEAM[self.language]

    def _second_line(self, state: ExamState, now: float) -> None:
        """Each group reply relayed word for word and noted; an answer resolves, a bounce parks."""
        lang = self.language
        for case in self.cases.values():
            ticket = state.tickets.get(case.ticket or "")
            if ticket is None or case.closed:
                continue
            for i, (_, group, text) in enumerate(ticket.second_line):
                if (ticket.id, i) in self.relayed:
                    continue
                self.relayed.add((ticket.id, i))
                first = self._first(state, ticket.customer_id)
                name = self._group_name(group)
                relay = w.RELAY[lang].format(first=first, group=name, text=text)
                self._tell(case, lambda s, r=relay: r)
                tid = ticket.id
                note = f"{name}: {text}"[:500]
                self.queue.append(
                    Step(lambda s, t=tid, n=note: ("note_added", {"ticket_id": t, "text": n}))
                )
                if w.BOUNCE.search(text):
                    self.queue.append(Step(lambda s, t=tid: self._park(s, t, "third_party")))
                elif "?" not in text:
                    solution = w.RESOLVED[lang].format(group=name, ticket=tid, text=text)[:1000]
                    self._resolve(case, solution)
                return

    def _file(self, case: Case, text: str) -> None:
        """What the customer wrote while the case waits, put on the ticket as a note for the group."""

        def note(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            if case.ticket is None or case.closed or case.ticket not in s.tickets:
                return None
            return "note_added", {"ticket_id": case.ticket, "text": text[:500]}

        self.queue.append(Step(note))

    def _park(
        self, state: ExamState, tid: str, waiting_on: str
    ) -> tuple[str, dict[str, Any]] | None:
        ticket = state.tickets.get(tid)
        if ticket is None or ticket.status not in (
            TicketStatus.OPEN,
            TicketStatus.TRANSFERRED,
            TicketStatus.NEW,
        ):
            return None
        return "ticket_pending", {
            "ticket_id": tid,
            "waiting_on": waiting_on,
            "reason": w.HOLD_REASON[self.language],
        }

    def _resolve(self, case: Case, solution: str) -> None:
        case.closed = True
        tid = case.ticket or ""

        def resolve(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            t = s.tickets.get(tid)
            if t is None or not t.is_active:
                return None
            data: dict[str, Any] = {"ticket_id": tid, "solution": solution}
            if case.article:
                data["kb_article"] = case.article
            return "ticket_resolved", data

        def close(s: ExamState) -> tuple[str, dict[str, Any]] | None:
            t = s.tickets.get(tid)
            if t is None or t.status != TicketStatus.RESOLVED:
                return None
            return "ticket_closed", {"ticket_id": tid}

        self.queue.append(Step(resolve))
        self.queue.append(Step(close))

    def _updates(self, state: ExamState, now: float) -> None:
        """A timed public update on every waiting ticket, inside the SLA's update interval.

        A parked ticket the customer's reply took back to open is parked again at once: the
        dispatcher holds every case, so its resolution clock never runs for long.
        """
        for case in self.cases.values():
            ticket = state.tickets.get(case.ticket or "")
            if ticket is None or case.closed:
                continue
            if case.routed and ticket.status == TicketStatus.OPEN:
                waiting_on = "third_party" if case.group else "customer"
                self.queue.append(Step(lambda s, t=ticket.id, o=waiting_on: self._park(s, t, o)))
                return
            if ticket.status not in WAITING:
                continue
            if now < case.told_at + self._update_s(state, ticket) * 0.6:
                continue
            first = self._first(state, ticket.customer_id)
            case.told_at = now
            text = self._promise(state, case, w.UPDATE, first)
            self.queue.append(
                Step(
                    lambda s, t=ticket.id, x=text: (
                        "ticket_reply_added",
                        {"ticket_id": t, "text": x},
                    )
                )
            )
            return

    def _written(self, state: ExamState, now: float) -> None:
        """Queue and e-mail tickets, by the queue's priority: downgraded, replied to, routed."""
        mine = {c.ticket for c in self.cases.values()}
        ticket = written_waiting(state, mine)
        if ticket is None:
            return
        tid = ticket.id
        case = self.cases[tid] = Case(slot=len(self.cases), ticket=tid, told_at=now)
        self.queue.append(Step(lambda s: ("ticket_opened", {"ticket_id": tid})))
        changes: dict[str, str] = dict(self._lowest(state))
        if not ticket.category:
            changes["category"] = self._category(state, f"{ticket.title} {ticket.description}")
        self.queue.append(
            Step(lambda s: ("ticket_updated", {"ticket_id": tid, "changes": changes}))
        )
        self._look_up(case, ticket.title)
        first = self._first(state, ticket.customer_id)
        lang, slot = self.language, case.slot
        greet = w.pick(w.GREET[lang], slot).format(first=first, ticket=tid)
        self.queue.append(Step(lambda s: ("ticket_reply_added", {"ticket_id": tid, "text": greet})))
        self._route(case, first)

    # --- small readings ---------------------------------------------------------------------

    def _incident_ticket(self, state: ExamState, conv_id: str) -> str | None:
        """A second conversation of one incident (a chase) keeps the first one's ticket."""
        conv = state.conversations[conv_id]
        for other_id, case in self.cases.items():
            other = state.conversations.get(other_id)
            same = other and conv.incident_id and other.incident_id == conv.incident_id
            if same and other_id != conv_id:
                return case.ticket
        return None

    def _update_s(self, state: ExamState, ticket: Ticket | None) -> float:
        profile = state.sla_profile
        if profile is None or ticket is None or ticket.priority not in profile.priorities:
            return 600.0
        return profile.priorities[ticket.priority].update_s

    def _minutes(self, state: ExamState, ticket: Ticket | None) -> int:
        return max(2, int(self._update_s(state, ticket) * 0.6 // 60))

    @staticmethod
    def _first(state: ExamState, customer_id: str) -> str:
        customer = state.customers.get(customer_id)
        return customer.name.split()[0] if customer and customer.name else ""
