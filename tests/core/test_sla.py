"""The SLA engine: first response, next update and resolution, paused while waiting.

The profile (tests/conftest.py), in exam seconds:
P1 300 / 900 / 3600, P2 600 / 1800 / 7200 (warning at 75 % used),
P3 1200 / 3600 / 14400, P4 2400 / 7200 / 28800 (warning at 80 % used).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from helpdesk_tui.core.sla import (
    PriorityTargets,
    SlaProfile,
    SlaState,
    Target,
    TicketSla,
    paused_seconds,
    ticket_sla,
)
from helpdesk_tui.core.state import ExamState

from .kit import created, email, ev, fold, then

Payload = Callable[..., dict[str, Any]]
OK, WARNING, BREACHED, MET = SlaState.OK, SlaState.WARNING, SlaState.BREACHED, SlaState.MET


def sla(state: ExamState, now: float, ticket_id: str = "T-1") -> TicketSla:
    assert state.sla_profile is not None
    return ticket_sla(state.tickets[ticket_id], state.sla_profile, now)


def p2(payload: dict[str, Any], at: float = 0.0) -> ExamState:
    """A P2 ticket (impact high, urgency medium) the candidate created at `at`."""
    return fold(payload, created("T-1", at, impact="high", urgency="medium"))


def test_first_response_runs_from_creation_to_warning_to_breach(
    session_started_data: Payload,
) -> None:
    state = p2(session_started_data(), at=100)
    first = sla(state, 100).first_response
    assert (first.deadline, first.time_left, first.state) == (700.0, 600.0, OK)
    assert sla(state, 549).first_response.state == OK
    assert sla(state, 550).first_response.state == WARNING  # 75 % of 600 s used
    at_deadline = sla(state, 700).first_response
    assert (at_deadline.time_left, at_deadline.state) == (0.0, WARNING)
    late = sla(state, 700.5).first_response
    assert (late.time_left, late.state) == (-0.5, BREACHED)
    assert sla(state, 700.5).breaches == (Target.FIRST_RESPONSE,)


def test_a_first_response_in_time_is_met_and_stops_its_clock(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()), ev("ticket_reply_added", 400, ticket_id="T-1", text="On it")
    )
    for now in (400, 5000):
        first = sla(state, now).first_response
        assert (first.state, first.met_at, first.deadline, first.time_left) == (
            MET,
            400.0,
            600.0,
            200.0,
        )


def test_a_late_first_response_stays_breached(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()), ev("ticket_reply_added", 800, ticket_id="T-1", text="Sorry")
    )
    first = sla(state, 900).first_response
    assert (first.state, first.met_at, first.time_left) == (BREACHED, 800.0, -200.0)


def test_a_ticket_without_priority_gets_the_lowest(session_started_data: Payload) -> None:
    state = fold(session_started_data(), email("T-1", 0))
    s = sla(state, 0)
    assert (s.first_response.deadline, s.resolution.deadline) == (2400.0, 28800.0)


def test_pending_pauses_every_running_clock_by_exactly_the_time_waited(
    session_started_data: Payload,
) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 100, ticket_id="T-1", text="Which printer is it?"),
        ev("ticket_pending", 200, ticket_id="T-1", waiting_on="customer"),
    )
    during = [sla(state, now) for now in (200, 300, 450)]
    assert all(s.paused for s in during)
    assert [s.update.time_left for s in during] == [1700.0, 1700.0, 1700.0]
    assert [s.update.deadline for s in during] == [1900.0, 2000.0, 2150.0]
    assert [s.resolution.time_left for s in during] == [7000.0, 7000.0, 7000.0]
    then(state, ev("ticket_opened", 500, ticket_id="T-1"))
    after = sla(state, 600)
    assert not after.paused
    assert after.update.deadline == 2200.0  # 1900 + 300 s waited
    assert after.resolution.deadline == 7500.0


def test_pending_before_any_response_stops_no_clock(session_started_data: Payload) -> None:
    """Issue 14, finding 6: `w` on a ticket nobody answered parked its first-response
    clock; waiting on someone needs a first contact."""
    state = then(
        p2(session_started_data()),
        ev("ticket_pending", 200, ticket_id="T-1", waiting_on="customer"),
    )
    waiting = sla(state, 450)
    assert not waiting.paused
    assert waiting.first_response.time_left == 150.0  # 600 s from creation, not stopped
    assert waiting.resolution.time_left == 6750.0
    assert sla(state, 700).first_response.state == BREACHED
    # The first reply lets the pending status stop the clocks from then on.
    then(state, ev("ticket_reply_added", 300, ticket_id="T-1", text="Which printer is it?"))
    later = sla(state, 1300)
    assert later.paused
    assert later.resolution.time_left == 6900.0  # ran 0..300, stopped since
    assert state.tickets["T-1"].pauses == [(300.0, None)]


def test_waiting_on_a_third_party_pauses_too(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 50, ticket_id="T-1", text="We are on it"),
        ev("ticket_pending", 100, ticket_id="T-1", waiting_on="third_party"),
    )
    assert sla(state, 10_000).resolution.time_left == 7100.0


def test_resolving_counts_as_the_first_response(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()), ev("ticket_resolved", 250, ticket_id="T-1", solution="Fixed")
    )
    first = sla(state, 300).first_response
    assert (first.state, first.met_at) == (MET, 250.0)


def test_resolution_is_met_when_resolved_and_resumes_if_reopened(
    session_started_data: Payload,
) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 150, ticket_id="T-1", text="Is the cable in?"),
        ev("ticket_pending", 200, ticket_id="T-1", waiting_on="customer"),
        ev("ticket_opened", 500, ticket_id="T-1"),
        ev("ticket_resolved", 1000, ticket_id="T-1", solution="Swapped the cable"),
    )
    done = sla(state, 1500)
    assert (done.resolution.state, done.resolution.deadline, done.resolution.time_left) == (
        MET,
        7500.0,
        6500.0,
    )
    assert done.update.state == MET
    assert done.worst == MET
    assert done.next_deadline_left is None  # nothing runs any more
    then(state, ev("ticket_reopened", 2000, ticket_id="T-1"))
    again = sla(state, 2000).resolution
    # The 1000 s it stayed resolved do not count against it.
    assert (again.state, again.deadline, again.time_left, again.met_at) == (
        OK,
        8500.0,
        6500.0,
        None,
    )


def test_the_update_target_runs_from_the_last_public_response(
    session_started_data: Payload,
) -> None:
    state = p2(session_started_data())
    before = sla(state, 50).update
    assert (before.deadline, before.time_left, before.state) == (None, None, OK)
    then(state, ev("ticket_reply_added", 100, ticket_id="T-1", text="Looking"))
    assert sla(state, 100).update.deadline == 1900.0
    assert sla(state, 1450).update.state == WARNING
    then(state, ev("note_added", 1500, ticket_id="T-1", text="internal"))
    assert sla(state, 1500).update.deadline == 1900.0  # a note is not an update
    then(state, ev("ticket_reply_added", 1600, ticket_id="T-1", text="Still on it"))
    update = sla(state, 1600).update
    assert (update.deadline, update.time_left, update.state) == (3400.0, 1800.0, OK)


def test_the_update_window_pauses_while_pending(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 100, ticket_id="T-1", text="Which printer?"),
        ev("ticket_pending", 100, ticket_id="T-1", waiting_on="customer"),
    )
    assert sla(state, 9000).update.time_left == 1800.0


def test_a_missed_update_stays_breached_after_later_updates(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 100, ticket_id="T-1", text="Looking"),
    )
    assert sla(state, 2000).update.state == BREACHED
    then(state, ev("ticket_reply_added", 2100, ticket_id="T-1", text="Sorry for the wait"))
    update = sla(state, 2100).update
    assert (update.state, update.deadline, update.time_left) == (BREACHED, 3900.0, 1800.0)
    then(state, ev("ticket_resolved", 2200, ticket_id="T-1", solution="Done"))
    assert sla(state, 2200).update.state == BREACHED


def test_an_update_target_never_missed_is_met_on_resolution(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 100, ticket_id="T-1", text="Looking"),
        ev("ticket_resolved", 1000, ticket_id="T-1", solution="Done"),
    )
    update = sla(state, 1000).update
    assert (update.state, update.deadline) == (MET, None)


def test_a_priority_change_moves_deadlines_but_never_undoes_a_breach(
    session_started_data: Payload,
) -> None:
    state = fold(session_started_data(), created("T-1", 0, impact="low", urgency="low"))
    assert sla(state, 1000).first_response.state == OK  # P4: 2400 s
    then(
        state,
        ev("ticket_updated", 1000, ticket_id="T-1", changes={"impact": "high", "urgency": "high"}),
    )
    assert state.tickets["T-1"].priority == "P1"
    assert sla(state, 1000).first_response.state == BREACHED  # P1: 300 s, long gone
    then(
        state,
        ev("ticket_updated", 1001, ticket_id="T-1", changes={"impact": "low", "urgency": "low"}),
    )
    first = sla(state, 1001).first_response
    assert (first.deadline, first.state) == (2400.0, BREACHED)
    assert state.tickets["T-1"].sla_breached == {Target.FIRST_RESPONSE}


def test_a_target_met_in_time_stays_met_when_the_priority_rises_later(
    session_started_data: Payload,
) -> None:
    state = fold(session_started_data(), created("T-1", 0, impact="low", urgency="low"))
    then(
        state,
        ev("ticket_reply_added", 1000, ticket_id="T-1", text="On it"),  # P4: due at 2400
        ev("ticket_resolved", 5000, ticket_id="T-1", solution="Fixed"),  # P4: due at 28800
        ev("ticket_updated", 5100, ticket_id="T-1", changes={"impact": "high", "urgency": "high"}),
    )
    assert state.tickets["T-1"].priority == "P1"  # P1 would have wanted 300 s and 3600 s
    s = sla(state, 5100)
    assert (s.first_response.state, s.first_response.deadline) == (MET, 2400.0)
    assert (s.resolution.state, s.resolution.deadline) == (MET, 28800.0)
    then(state, ev("ticket_reopened", 5200, ticket_id="T-1"))
    # Reopened, the resolution runs again under the priority now in force.
    assert sla(state, 5200).resolution.state == BREACHED
    assert sla(state, 5200).first_response.deadline == 2400.0


def test_a_pause_that_starts_on_the_deadline_stops_the_clock_at_zero(
    session_started_data: Payload,
) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 0, ticket_id="T-1", text="Looking into it"),
        ev("ticket_pending", 1800, ticket_id="T-1", waiting_on="customer"),
    )
    waiting = sla(state, 5000).update
    assert (waiting.time_left, waiting.state) == (0.0, WARNING)
    then(state, ev("ticket_opened", 6000, ticket_id="T-1"))
    assert sla(state, 6000).update.state == WARNING
    assert sla(state, 6000.5).update.state == BREACHED


def test_a_pause_after_a_breach_does_not_hide_it(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_pending", 700, ticket_id="T-1", waiting_on="customer"),
    )
    late = sla(state, 9000).first_response
    assert (late.deadline, late.state) == (600.0, BREACHED)


def test_linking_a_chat_answers_the_ticket_but_cannot_undo_a_missed_update(
    session_started_data: Payload,
) -> None:
    state = fold(
        session_started_data(),
        ev("chat_opened", 0, conversation_id="chat-1", customer_id="c-ann"),
        created("T-1", 0, impact="high", urgency="medium"),
        ev("ticket_reply_added", 10, ticket_id="T-1", text="Looking"),
        ev("message_sent", 20, conversation_id="chat-1", text="Hi"),
        ev("ticket_linked", 2500, ticket_id="T-1", conversation_id="chat-1"),
    )
    assert state.tickets["T-1"].last_response_at == 2500.0
    assert sla(state, 2500).update.state == BREACHED  # the window closed at 1810


def test_worst_state_and_the_nearest_deadline(session_started_data: Payload) -> None:
    state = p2(session_started_data())
    s = sla(state, 100)
    assert (s.worst, s.next_deadline_left) == (OK, 500.0)
    assert sla(state, 500).worst == WARNING
    late = sla(state, 800)
    assert (late.worst, late.next_deadline_left) == (BREACHED, 6400.0)
    assert [t.target for t in late.targets] == [
        Target.FIRST_RESPONSE,
        Target.UPDATE,
        Target.RESOLUTION,
    ]
    overdue = dataclasses.replace(
        late, resolution=dataclasses.replace(late.resolution, state=BREACHED, time_left=-5.0)
    )
    assert overdue.next_deadline_left == -200.0  # nothing running: the most overdue


def test_a_closed_ticket_keeps_its_figures(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_resolved", 300, ticket_id="T-1", solution="Fixed"),
        ev("ticket_closed", 400, ticket_id="T-1"),
    )
    s = sla(state, 10_000)
    assert s.worst == MET
    assert s.resolution.time_left == 6900.0
    assert s.paused


def test_a_profile_decides_which_states_pause(
    session_started_data: Payload, sla_profile: SlaProfile
) -> None:
    profile = dataclasses.replace(sla_profile, pausing_states=frozenset({"new", "transferred"}))
    state = fold(
        session_started_data(sla_profile=profile.to_dict()),
        email("T-1", 0, created_at=0),
        ev("ticket_opened", 1000, ticket_id="T-1"),
        ev("ticket_transferred", 1100, ticket_id="T-1", group="network", reason="Cabling"),
        ev("ticket_pending", 1200, ticket_id="T-1", waiting_on="customer"),
    )
    t = state.tickets["T-1"]
    assert t.pauses == [(0.0, 1000.0), (1100.0, 1200.0)]
    # New and transferred paused; pending_customer runs in this profile.
    assert sla(state, 1300).first_response.time_left == 2400 - 100 - 100
    assert not sla(state, 1300).paused


def test_paused_seconds_counts_only_the_window(session_started_data: Payload) -> None:
    state = then(
        p2(session_started_data()),
        ev("ticket_reply_added", 50, ticket_id="T-1", text="Which printer?"),
        ev("ticket_pending", 100, ticket_id="T-1", waiting_on="customer"),
        ev("ticket_opened", 200, ticket_id="T-1"),
        ev("ticket_pending", 300, ticket_id="T-1", waiting_on="third_party"),
    )
    t = state.tickets["T-1"]
    assert paused_seconds(t, 0, 250) == 100.0
    assert paused_seconds(t, 150, 350) == 100.0
    assert paused_seconds(t, 0, 1000) == 800.0
    assert paused_seconds(t, 210, 290) == 0.0


def test_the_profile_matrix_and_its_plain_form(sla_profile: SlaProfile) -> None:
    assert sla_profile.priority_for("high", "high") == "P1"
    assert sla_profile.priority_for("low", "medium") == "P4"
    assert sla_profile.priority_for("high", None) is None
    assert sla_profile.priority_for("extreme", "high") is None
    assert sla_profile.lowest_priority() == "P4"
    assert SlaProfile.from_dict(sla_profile.to_dict()) == sla_profile
    targets = sla_profile.priorities["P1"]
    assert [targets.seconds(t) for t in Target] == [300.0, 900.0, 3600.0]
    assert PriorityTargets("X", 1, 2, 3, 0.5).seconds(Target.UPDATE) == 2


@pytest.mark.parametrize(("now", "state"), [(0, OK), (1919, OK), (1920, WARNING), (2400, WARNING)])
def test_the_warning_threshold_is_a_share_of_the_target(
    session_started_data: Payload, now: float, state: SlaState
) -> None:
    # P4's first response: 2400 s, warning once 80 % is used.
    s = fold(session_started_data(), created("T-1", 0, impact="low", urgency="low"))
    assert sla(s, now).first_response.state == state
