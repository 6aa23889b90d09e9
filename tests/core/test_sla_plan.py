"""A ticket's SLA plan gives exactly what `ticket_sla` gives at every later time.

The queue asks a plan (made once per change of the ticket) instead of walking
the ticket's pauses and targets every second; a plan that drifted by a
rounding error would show another second, or flip a state a second early.
The histories are those of the SLA property tests (random legal runs with
boundaries made likely); each snapshot's plan is asked at its own time, at
times up to the next change, and long after it, and must equal `ticket_sla`
bit for bit (floats compared with ==).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk_tui.core.reducer import reduce
from helpdesk_tui.core.sla import SlaProfile, sla_inputs, sla_plan, ticket_sla

from .kit import created, email, ev
from .test_sla_properties import SETTINGS, opening, play, step

Payload = Callable[..., dict[str, Any]]


@SETTINGS
@given(
    start=opening,
    steps=st.lists(step, min_size=1, max_size=30),
    later=st.lists(
        st.one_of(st.floats(0, 20_000), st.sampled_from([0.5, 1.0, 299.0, 300.0, 900.0])),
        min_size=1,
        max_size=6,
    ),
)
def test_a_plan_equals_ticket_sla_until_the_ticket_changes(
    session_started_data: Payload,
    start: tuple[Any, ...],
    steps: list[tuple[Any, ...]],
    later: list[float],
) -> None:
    payload = session_started_data(duration_s=10**7)
    profile = SlaProfile.from_dict(payload["sla_profile"])
    _, snaps, _ = play(payload, start, steps)
    for i, (t, ticket, _event) in enumerate(snaps):
        plan = sla_plan(ticket, profile, t)
        assert plan is not None
        end = snaps[i + 1][0] if i + 1 < len(snaps) else None
        times = [t, *(t + d for d in later)]
        if end is not None:
            times += [end, (t + end) / 2]
        for now in times:
            exact = ticket_sla(ticket, profile, now)
            assert plan.at(now) == exact, (i, now)
            lefts = [
                t.time_left for t in exact.targets if t.time_left is not None and t.met_at is None
            ]
            assert plan.glance(now) == (min(lefts) if lefts else None, exact.worst), (i, now)
        if not plan.running:  # nothing moves: the same figures much later
            assert ticket_sla(ticket, profile, t + 10_000) == plan.at(t)


def test_a_plan_refuses_a_time_before_it(session_started_data: Payload) -> None:
    payload = session_started_data(duration_s=10**7)
    state = reduce([ev("session_started", 0.0, **payload), created("T-1", 0.0)])
    plan = sla_plan(state.tickets["T-1"], SlaProfile.from_dict(payload["sla_profile"]), 60.0)
    assert plan is not None
    with pytest.raises(ValueError):
        plan.at(59.0)


def test_no_plan_before_a_change_already_in_the_ticket(session_started_data: Payload) -> None:
    """A replayed moment before the ticket's pause: only `ticket_sla` is right there."""
    payload = session_started_data(duration_s=10**7)
    state = reduce(
        [
            ev("session_started", 0.0, **payload),
            email("T-1", 0.0),
            ev("ticket_opened", 10.0, ticket_id="T-1"),
            ev("ticket_reply_added", 20.0, ticket_id="T-1", text="On it"),
            ev("ticket_pending", 100.0, ticket_id="T-1", waiting_on="customer"),
        ]
    )
    ticket = state.tickets["T-1"]
    assert ticket.pauses  # the pending status stopped the clock at 100
    profile = SlaProfile.from_dict(payload["sla_profile"])
    assert sla_plan(ticket, profile, 50.0) is None
    assert sla_plan(ticket, profile, 100.0) is not None


def test_the_inputs_change_with_every_change_the_clocks_read(
    session_started_data: Payload,
) -> None:
    payload = session_started_data(duration_s=10**7)
    events = [
        ev("session_started", 0.0, **payload),
        email("T-1", 0.0),
        ev("ticket_opened", 10.0, ticket_id="T-1"),
        ev("ticket_reply_added", 20.0, ticket_id="T-1", text="On it"),
        ev("ticket_pending", 30.0, ticket_id="T-1", waiting_on="customer"),
        ev("ticket_opened", 40.0, ticket_id="T-1"),
        ev("ticket_resolved", 50.0, ticket_id="T-1", solution="Fixed"),
    ]
    seen = [sla_inputs(reduce(events[:n]).tickets["T-1"]) for n in range(2, len(events) + 1)]
    changed = [a != b for a, b in zip(seen, seen[1:], strict=False)]
    assert changed[1:] == [True] * (len(changed) - 1)  # opening alone stops no clock
