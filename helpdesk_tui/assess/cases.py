"""Cases: each incident of the scenario with the tickets, conversations and actions that belong to it.

The answer key is written per incident; the log speaks of tickets,
conversations and KB look-ups. A case joins them: a conversation carries its
incident id, a ticket gets it from its e-mail or from the conversation it was
linked to, and an action belongs to a case through the ticket or conversation
it names. A KB look-up names neither, so it belongs to the case whose answer
key lists the article, or else to the case the candidate had in focus.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.assess.tracker import CUSTOMER_FACING, Action, Tracker
from helpdesk_tui.core.state import Conversation, ExamState, Ticket
from helpdesk_tui.customers.dialogue import solution_patterns, told
from helpdesk_tui.customers.in_context import Place, proposes
from helpdesk_tui.scenario.model import Answer, Incident, Scenario


@dataclass(slots=True)
class Case:
    """One incident as it played out (or a ticket the answer key does not know)."""

    id: str
    title: str
    incident: Incident | None
    customer_id: str
    arrival_at: float
    arrival_seq: int
    conversations: list[Conversation] = field(default_factory=list)
    tickets: list[Ticket] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    language: str = "en"
    """The scenario's language: the customer's and the candidate's words are in it."""
    paraphrases: frozenset[int] = frozenset()
    """Seqs of the candidate's messages the simulation flagged as paraphrases."""
    cache: dict[str, Any] = field(default_factory=dict)
    """Results worked out once per case and shared by several measurements."""

    @property
    def answer(self) -> Answer | None:
        return self.incident.answer if self.incident is not None else None

    @property
    def channel(self) -> str:
        if self.incident is not None:
            return self.incident.channel.value
        return self.conversations[0].channel if self.conversations else "ticket"

    @property
    def is_conversation(self) -> bool:
        return bool(self.conversations)

    def articles(self) -> tuple[str, ...]:
        """Every KB article the answer key accepts for this case."""
        answer = self.answer
        if answer is None:
            return ()
        found = [answer.kb_article, *(a.kb_article for a in answer.alternatives)]
        found += [o.kb_article for o in answer.options]
        return tuple(dict.fromkeys(a for a in found if a))

    def said(self) -> list[Action]:
        """What the candidate wrote or said to this case's customer, in order."""
        if "said" not in self.cache:
            self.cache["said"] = [a for a in self.actions if a.type in CUSTOMER_FACING and a.text]
        return self.cache["said"]

    def of_types(self, types: tuple[str, ...]) -> list[Action]:
        """This case's actions of these types, in order (kept per tuple of types: a
        procedure's action steps ask it for every case, over thousands of focus moves)."""
        known = self.cache.get("of_types")
        if known is None:  # one pass: type -> (place, action), in order
            known = self.cache["of_types"] = {}
            for place, action in enumerate(self.actions):
                known.setdefault(action.type, []).append((place, action))
        found = known.get(types)
        if found is None:
            placed = [p for t in dict.fromkeys(types) for p in known.get(t, ())]
            found = known[types] = [action for _, action in sorted(placed, key=_place)]
        return found

    def customer_said_before(self, seq: int) -> tuple[str, ...]:
        """What the customer wrote or said in this case's conversations before `seq`, in the
        order of its conversations (kept: every competency reading a message at its place
        asks it again). Kept per how many of the customer's messages came before `seq`,
        which decides which ones they are: the seqs between two of the customer's messages
        share one tuple (one a seq was 8 MB of the padded 200,000-record review's peak)."""
        said = self.cache.get("customer_said")
        if said is None:
            said = self.cache["customer_said"] = [
                (m.seq, m.text)
                for conv in self.conversations
                for m in conv.messages
                if m.author == "customer"
            ]
            self.cache["customer_said_seqs"] = sorted(at for at, _ in said)
        count = bisect_left(self.cache["customer_said_seqs"], seq)
        kept = self.cache.setdefault("customer_said_before", {})
        if count not in kept:
            kept[count] = tuple(text for at, text in said if at < seq)
        return kept[count]

    def place(self, seq: int, language: str) -> Place:
        """(rules 2.8) Where the candidate's action `seq` stands in the case, for the one reading
        in context (`customers.in_context.read_at`, the customer's too): a step or fix told
        to the customer before it (any conversation, ticket replies), what the customer said
        before it, and whether the candidate had said anything to them."""
        proposed, spoke = self.turn(seq, language)
        return Place(proposed, self.customer_said_before(seq), spoke)

    def turn(self, seq: int, language: str) -> tuple[bool, bool]:
        """`place` without what the customer said: (proposed, spoke_before)."""
        key = f"first_proposal:{language}"
        if key not in self.cache:
            key_words = solution_patterns(self.incident) if self.incident else ()
            self.cache[key] = (
                next((a.seq for a in self.said() if proposes(a.text or "", language)), INF),
                next((a.seq for a in self.said() if told(key_words, a.text or "", language)), INF),
            )
        proposal, solution = self.cache[key]
        said = self.said()
        spoke = bool(said) and said[0].seq < seq
        # the key's solution told counts from its own message on, as the customer hears it
        return proposal < seq or solution <= seq, spoke

    def first(self, *types: str) -> Action | None:
        return next((a for a in self.actions if a.type in types), None)


INF = float("inf")


def _place(placed: tuple[int, Action]) -> int:
    return placed[0]


def build_cases(state: ExamState, tracker: Tracker, scenario: Scenario | None) -> list[Case]:
    """The cases of the exam in order of arrival, each with its own actions."""
    by_incident: dict[str, Case] = {}
    cases: list[Case] = []
    for conv in state.conversations.values():
        case = _case_for(by_incident, cases, scenario, conv.incident_id, conv.id, conv.customer_id)
        if case.arrival_seq == -1 or tracker.conversation_started[conv.id] < case.arrival_seq:
            case.arrival_seq, case.arrival_at = (
                tracker.conversation_started[conv.id],
                conv.opened_at,
            )
        case.conversations.append(conv)
    for ticket in state.tickets.values():
        case = _case_for(
            by_incident, cases, scenario, ticket.incident_id, ticket.id, ticket.customer_id
        )
        seq, at = tracker.arrivals.get(ticket.id, (0, ticket.created_at))
        if case.arrival_seq == -1 or seq < case.arrival_seq:
            case.arrival_seq, case.arrival_at = seq, at
        case.tickets.append(ticket)
    cases.sort(key=lambda c: c.arrival_seq)
    _attribute(cases, tracker)
    paraphrases = frozenset(
        f["ref_seq"] for f in state.flags if f.get("flag") == "paraphrase" and "ref_seq" in f
    )
    for case in cases:
        case.paraphrases = paraphrases
        case.language = state.language
    return cases


def _case_for(
    by_incident: dict[str, Case],
    cases: list[Case],
    scenario: Scenario | None,
    incident_id: str | None,
    own_id: str,
    customer_id: str,
) -> Case:
    incident = _incident(scenario, incident_id)
    key = incident_id if incident_id is not None else f"#{own_id}"
    case = by_incident.get(key)
    if case is None:
        title = incident.title if incident is not None else own_id
        case = Case(key if incident_id else own_id, title, incident, customer_id, 0.0, -1)
        by_incident[key] = case
        cases.append(case)
    return case


def _incident(scenario: Scenario | None, incident_id: str | None) -> Incident | None:
    if scenario is None or incident_id is None:
        return None
    try:
        return scenario.incident(incident_id)
    except KeyError:
        return None


def _attribute(cases: list[Case], tracker: Tracker) -> None:
    """Give each candidate action to the case it concerns (if any)."""
    by_ticket = {t.id: c for c in cases for t in c.tickets}
    by_conv = {v.id: c for c in cases for v in c.conversations}
    by_article: dict[str, list[Case]] = {}
    for case in cases:
        for article in case.articles():
            by_article.setdefault(article, []).append(case)
    for action in tracker.actions:
        case = _owner(action, by_ticket, by_conv, by_article)
        if case is not None:
            case.actions.append(action)


def _owner(
    action: Action,
    by_ticket: dict[str, Case],
    by_conv: dict[str, Case],
    by_article: dict[str, list[Case]],
) -> Case | None:
    data = action.data  # each id read once (perf25: 98,370 actions in a 100k log)
    case = by_conv.get(data.get("conversation_id"))  # type: ignore[arg-type]
    if case is not None:
        return case
    case = by_ticket.get(data.get("ticket_id"))  # type: ignore[arg-type]
    if case is not None:
        return case
    if action.type == "focus_moved":  # six actions in ten: the focus is not asked for
        target = data.get("target")
        return by_ticket.get(target) or by_conv.get(target)
    focused = _focused(action, by_ticket, by_conv)
    articles = _articles_of(action)
    owners = [c for a in articles for c in by_article.get(a, ()) if c.arrival_at <= action.at]
    if owners:
        return focused if focused in owners else owners[-1]
    return focused


def _articles_of(action: Action) -> list[str]:
    if action.type == "kb_searched":
        return [r for r in action.data.get("results", []) if isinstance(r, str)]
    article = action.article_id
    return [article] if article else []


def _focused(action: Action, by_ticket: dict[str, Case], by_conv: dict[str, Case]) -> Case | None:
    area, target = action.focus
    if target is None:
        return None
    return by_ticket.get(target) or by_conv.get(target)
