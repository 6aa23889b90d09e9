"""A read-only stand-in for the exam controller, over a bare `ExamState`.

The candidate UI's render functions (`render_ticket`, `render_transcript`,
`list_prompt`) ask a controller for the state, customer names and priority
labels. Review and observe have no session to control, only a state rebuilt
from the log, so they hand those functions this reader instead: the same
words on the assessor's screen as on the candidate's, and nothing here that
could change the exam.
"""

from __future__ import annotations

from typing import Any, cast

from helpdesk_tui.core.state import Conversation, ExamState, Ticket
from helpdesk_tui.scenario.model import KbArticle, Scenario


class StateReader:
    """What the render functions read from an `ExamController`, without its commands."""

    def __init__(self, state: ExamState, scenario: Scenario | None = None) -> None:
        self.state = state
        self.scenario = scenario
        self._articles = {a.id: a for a in scenario.kb} if scenario is not None else {}

    def ticket(self, ticket_id: str | None) -> Ticket | None:
        return self.state.tickets.get(ticket_id) if ticket_id else None

    def conversation(self, conversation_id: str | None) -> Conversation | None:
        return self.state.conversations.get(conversation_id) if conversation_id else None

    def customer_name(self, customer_id: str) -> str:
        customer = self.state.customers.get(customer_id)
        return customer.name if customer else customer_id

    def priority_label(self, priority: str | None) -> str:
        profile = self.state.sla_profile
        if priority is None:
            return "–"
        if profile and priority in profile.priorities:
            return f"{priority} {profile.priorities[priority].name}"
        return priority

    def article(self, article_id: str | None) -> KbArticle | None:
        return self._articles.get(article_id) if article_id else None

    def as_controller(self) -> Any:
        """Typed as the controller the render functions declare (they only read)."""
        return cast(Any, self)
