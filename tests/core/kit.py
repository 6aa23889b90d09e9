"""Small builders for core tests: events at an exam time, and folds from a payload."""

from __future__ import annotations

from typing import Any

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.core.reducer import apply, reduce
from helpdesk_tui.core.state import ExamState

WALL = "2026-03-02T09:00:00.000Z"


def ev(event_type: str, t: float = 0.0, /, **data: Any) -> Event:
    """An event of `event_type` at exam time `t` with `data` as its fields."""
    return make_event(event_type, data, t, WALL)


def fold(payload: dict[str, Any], *events: Event) -> ExamState:
    """The state after session_started (with `payload`) and `events`."""
    return reduce([ev("session_started", 0.0, **payload), *events])


def then(state: ExamState, *events: Event) -> ExamState:
    """Apply more events to `state` (in place) and return it."""
    for event in events:
        apply(state, event)
    return state


def email(ticket_id: str, t: float, customer: str = "c-ann", **extra: Any) -> Event:
    """An e-mail ticket from a customer."""
    return ev(
        "email_received",
        t,
        ticket_id=ticket_id,
        customer_id=customer,
        title=f"Problem {ticket_id}",
        description="It does not work.",
        **extra,
    )


def created(ticket_id: str, t: float, customer: str = "c-ann", **extra: Any) -> Event:
    """A ticket the candidate creates."""
    return ev(
        "ticket_created",
        t,
        ticket_id=ticket_id,
        title="Printer jams",
        customer_id=customer,
        **extra,
    )
