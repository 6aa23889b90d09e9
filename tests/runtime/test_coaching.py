"""Practice coaching from the answer key: the hint line and the closed-ticket feedback."""

from __future__ import annotations

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.runtime.coaching import hint_text, key_priority, ticket_feedback
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data


def practice_session(scenario: Scenario) -> ExamSession:
    session = ExamSession(ManualClock(), MemorySink(), Simulation(scenario))
    session.start(session_started_data(scenario, "practice", "me"))
    session.tick()
    return session


def test_the_hint_names_classification_priority_article_and_solution(northwind: Scenario) -> None:
    session = practice_session(northwind)
    ticket = next(t for t in session.state.tickets.values() if t.incident_id)
    answer = next(i for i in northwind.incidents if i.id == ticket.incident_id).answer
    hint = hint_text(session.state, northwind, ticket.id)
    assert hint is not None
    assert answer.category in hint and f"priority {key_priority(session.state, answer)}" in hint
    assert answer.solution in hint
    if answer.kb_article:
        assert answer.kb_article in hint
    assert hint_text(session.state, northwind, None) is None
    assert hint_text(session.state, northwind, "T-404") is None


def test_feedback_on_a_closed_ticket_compares_with_the_key(northwind: Scenario) -> None:
    session = practice_session(northwind)
    ticket = next(t for t in session.state.tickets.values() if t.incident_id)
    answer = next(i for i in northwind.incidents if i.id == ticket.incident_id).answer
    expected = key_priority(session.state, answer)
    session.clock.advance(30)  # type: ignore[attr-defined]
    session.submit("ticket_opened", {"ticket_id": ticket.id})
    data = {"ticket_id": ticket.id, "solution": "Restarted it."}
    if answer.kb_article:
        data["kb_article"] = answer.kb_article
    session.submit("ticket_resolved", data)
    session.submit("ticket_closed", {"ticket_id": ticket.id})
    feedback = ticket_feedback(session.state, northwind, ticket.id)
    assert feedback is not None
    assert feedback.expected_priority == expected
    assert feedback.priority_right == (ticket.priority == expected)
    targets = dict(feedback.sla)
    assert targets["first_response"] is True and targets["resolution"] is True
    if answer.kb_article:
        assert feedback.article == answer.kb_article and feedback.article_right is True
