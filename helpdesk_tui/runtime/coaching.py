"""Practice coaching: a hint from the answer key, and feedback on each closed ticket.

Both read the scenario's answer key for the ticket's incident, so they exist
only for tickets that belong to an incident (queue tickets, e-mails, and
tickets the candidate made from a conversation). Pure data here; the
practice UI words it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from helpdesk_tui.assess.solutions import resolution_articles, transfer_groups
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.core.sla import SlaState, ticket_sla
from helpdesk_tui.core.state import ExamState, Ticket
from helpdesk_tui.scenario.model import Answer, Incident, Scenario


def incident_of(scenario: Scenario | None, ticket: Ticket | None) -> Incident | None:
    if scenario is None or ticket is None or not ticket.incident_id:
        return None
    return next((i for i in scenario.incidents if i.id == ticket.incident_id), None)


def key_priority(state: ExamState, answer: Answer) -> str | None:
    """The priority the answer key's impact and urgency give under the session's SLA profile."""
    profile = state.sla_profile
    return profile.priority_for(answer.impact, answer.urgency) if profile else None


def hint_text(
    state: ExamState,
    scenario: Scenario | None,
    ticket_id: str | None,
    level: Callable[[str, str], str] = lambda use, key: key,
) -> str | None:
    """One line from the answer key: classification, priority, article, and the way out.

    It is logged with the `hint_requested` event (English around the
    scenario's own words, so an assessor reads what the student was told);
    it is a `Phrase`, so the practice UI shows it in the student's language,
    and `level(use, key)` words the impact and urgency levels for the screen
    (French "impact bas", "urgence basse"); the logged line keeps the keys.
    """
    ticket = state.tickets.get(ticket_id) if ticket_id else None
    incident = incident_of(scenario, ticket)
    if incident is None:
        return None
    answer = incident.answer
    priority = key_priority(state, answer)
    classified = {
        "category": answer.category,
        "impact": level("impact", answer.impact),
        "urgency": level("urgency", answer.urgency),
    }
    parts: list[str] = [
        Phrase(
            "{category}, impact {impact}, urgency {urgency} (priority {priority})",
            priority=priority,
            **classified,
        )
        if priority
        else Phrase("{category}, impact {impact}, urgency {urgency}", **classified)
    ]
    if answer.kb_article:
        parts.append(Phrase("KB {article}", article=answer.kb_article))
    if answer.transfer_group:
        parts.append(Phrase("transfer to {group}", group=answer.transfer_group))
    if answer.solution:
        parts.append(answer.solution)
    slots = {f"part{n}": part for n, part in enumerate(parts)}
    return Phrase(" · ".join("{" + name + "}" for name in slots), **slots)


@dataclass(frozen=True, slots=True)
class TicketFeedback:
    """How a closed ticket went against its SLA and the answer key."""

    ticket_id: str
    sla: tuple[tuple[str, bool], ...]
    """(target, met) for each target that applied: first_response, update, resolution."""
    priority: str | None
    expected_priority: str | None
    article: str | None
    """The article the ticket was resolved with (or linked last), if any."""
    expected_articles: frozenset[str]
    transfer_expected: bool

    @property
    def priority_right(self) -> bool | None:
        if self.expected_priority is None:
            return None
        return self.priority == self.expected_priority

    @property
    def article_right(self) -> bool | None:
        """None when the key names no article (e.g. the ticket was to be transferred)."""
        if not self.expected_articles:
            return None
        return self.article in self.expected_articles


def ticket_feedback(
    state: ExamState, scenario: Scenario | None, ticket_id: str
) -> TicketFeedback | None:
    """Feedback for a ticket (meant for when it is closed); None if it has no answer key."""
    ticket = state.tickets.get(ticket_id)
    incident = incident_of(scenario, ticket)
    if ticket is None or incident is None or state.sla_profile is None:
        return None
    sla = ticket_sla(ticket, state.sla_profile, state.now)
    targets = tuple(
        (str(t.target), t.state is not SlaState.BREACHED)
        for t in sla.targets
        if t.state is not SlaState.OK or t.met_at is not None
    )
    article = ticket.solution_article or (ticket.kb_articles[-1] if ticket.kb_articles else None)
    answer = incident.answer
    return TicketFeedback(
        ticket_id=ticket.id,
        sla=targets,
        priority=ticket.priority,
        expected_priority=key_priority(state, answer),
        article=article,
        expected_articles=resolution_articles(answer),
        transfer_expected=bool(transfer_groups(answer)),
    )
