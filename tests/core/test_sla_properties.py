"""Property tests of the SLA engine's invariants, on random ticket histories.

Each example is an e-mail or candidate ticket linked to a chat, then a random
run of legal events at increasing exam times (pending / open toggles, replies,
chat messages, priority changes and overrides, resolve, reopen, transfer...),
with probes at random times between them. Each probe reads the SLA from the
state as it was at that time, the way the live queue would have shown it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import apply, check, reduce
from helpdesk_tui.core.sla import (
    SlaProfile,
    SlaState,
    TargetStatus,
    breached_targets_at,
    met_deadlines_at,
    settled_at,
    ticket_sla,
)
from helpdesk_tui.core.state import ExamState, Ticket

from .kit import created, email, ev

Payload = Callable[..., dict[str, Any]]
EPS = 1e-6
LEVELS = ("high", "medium", "low")
PRIORITIES = ("P1", "P2", "P3", "P4")
ACTIONS = (
    "pending_customer",
    "pending_third_party",
    "open",
    "open",
    "reply",
    "chat_reply",
    "customer_writes",
    "second_line",
    "note",
    "classify",
    "override",
    "clear_override",
    "resolve",
    "reopen",
    "transfer",
)

# Steps that divide the profile's targets make the boundaries (a pause that
# starts exactly on a deadline, a reply exactly at it) likely; whole seconds
# and fractions cover the rest.
gap = st.one_of(
    st.sampled_from([0.0, 150.0, 300.0, 600.0, 900.0]),
    st.sampled_from([0.0, 150.0, 300.0, 600.0, 900.0]),
    st.integers(0, 2500).map(float),
    st.floats(0, 2500, allow_nan=False, allow_infinity=False),
)
step = st.tuples(
    gap,
    st.sampled_from(ACTIONS),
    st.sampled_from(LEVELS),
    st.sampled_from(LEVELS),
    st.sampled_from(PRIORITIES),
    st.floats(0, 1),
)
opening = st.one_of(
    st.tuples(
        st.just("email"),
        st.one_of(st.sampled_from([0.0, -300.0, -1200.0]), st.integers(-4000, 0).map(float)),
        st.none(),
        st.none(),
    ),
    st.tuples(st.just("created"), st.just(0.0), st.sampled_from(LEVELS), st.sampled_from(LEVELS)),
)

SETTINGS = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def command(action: str, t: float, impact: str, urgency: str, priority: str) -> Event:
    tid = {"ticket_id": "T-1"}
    match action:
        case "pending_customer":
            return ev("ticket_pending", t, **tid, waiting_on="customer")
        case "pending_third_party":
            return ev("ticket_pending", t, **tid, waiting_on="third_party")
        case "open":
            return ev("ticket_opened", t, **tid)
        case "reply":
            return ev("ticket_reply_added", t, **tid, text="An update")
        case "chat_reply":
            return ev("message_sent", t, conversation_id="chat-1", text="Still with you")
        case "customer_writes":
            return ev("customer_message", t, conversation_id="chat-1", text="Any news?")
        case "second_line":
            return ev("second_line_reply", t, **tid, group="network", text="Done on our side")
        case "note":
            return ev("note_added", t, **tid, text="internal")
        case "classify":
            return ev("ticket_updated", t, **tid, changes={"impact": impact, "urgency": urgency})
        case "override":
            return ev(
                "ticket_updated",
                t,
                **tid,
                changes={},
                priority_override=priority,
                override_reason="judgement",
            )
        case "clear_override":
            return ev("ticket_updated", t, **tid, changes={}, priority_override=None)
        case "resolve":
            return ev("ticket_resolved", t, **tid, solution="Fixed")
        case "reopen":
            return ev("ticket_reopened", t, **tid)
        case "transfer":
            return ev("ticket_transferred", t, **tid, group="network", reason="Cabling")
    raise AssertionError(action)


def play(
    payload: dict[str, Any], start: tuple[Any, ...], steps: list[tuple[Any, ...]]
) -> tuple[list[Event], list[tuple[float, Ticket, Event | None]], ExamState]:
    """Apply the legal events; snapshot the ticket after each, with the event that made it."""
    kind, created_at, impact, urgency = start
    first = (
        email("T-1", 0.0, created_at=created_at)
        if kind == "email"
        else created("T-1", 0.0, impact=impact, urgency=urgency)
    )
    events = [
        ev("session_started", 0.0, **payload),
        ev("chat_opened", 0.0, conversation_id="chat-1", customer_id="c-ann"),
        first,
        ev("ticket_linked", 0.0, ticket_id="T-1", conversation_id="chat-1"),
    ]
    state = reduce(events)
    snaps: list[tuple[float, Ticket, Event | None]] = [
        (0.0, copy.deepcopy(state.tickets["T-1"]), None)
    ]
    t = 0.0
    for dt, action, imp, urg, prio, _ in steps:
        t += dt
        event = command(action, t, imp, urg, prio)
        if check(state, event) is not None:
            continue
        apply(state, event)
        events.append(event)
        snaps.append((t, copy.deepcopy(state.tickets["T-1"]), event))
    return events, snaps, state


def probes(
    snaps: list[tuple[float, Ticket, Event | None]], fracs: list[float], tail: float
) -> list[tuple[int, float]]:
    """(snapshot index, exam time) in time order: each snapshot from its own time to the next."""
    out: list[tuple[int, float]] = []
    for i, (t, _, _) in enumerate(snaps):
        end = snaps[i + 1][0] if i + 1 < len(snaps) else t + tail
        out.append((i, t))
        out.append((i, t + fracs[i % len(fracs)] * (end - t)))
        out.append((i, end))
    return out


@SETTINGS
@given(
    start=opening,
    steps=st.lists(step, min_size=1, max_size=30),
    tail=st.floats(0, 20_000),
)
def test_sla_invariants_hold_on_any_ticket_history(
    session_started_data: Payload,
    start: tuple[Any, ...],
    steps: list[tuple[Any, ...]],
    tail: float,
) -> None:
    payload = session_started_data(duration_s=10**7)
    profile = SlaProfile.from_dict(payload["sla_profile"])
    _, snaps, _ = play(payload, start, steps)
    fracs = [s[5] for s in steps]
    seen_breached: set[str] = set()
    met: dict[str, tuple[SlaState, float | None, float | None]] = {}
    previous: tuple[int, float, tuple[TargetStatus, ...]] | None = None
    for i, now in probes(snaps, fracs, tail):
        ticket, made_by = snaps[i][1], snaps[i][2]
        if made_by is not None and made_by.type == "ticket_reopened":
            met.pop("resolution", None)  # the only way a met target runs again
        sla = ticket_sla(ticket, profile, now)
        assert sla.paused == ticket.is_paused_at(now)
        _settles_in_one_reading(ticket, profile, now)
        for target in sla.targets:
            # Breaching is final for that target.
            if target.target in seen_breached:
                assert target.state == SlaState.BREACHED, (target, now)
            if target.state == SlaState.BREACHED:
                seen_breached.add(target.target)
            # A met target keeps its outcome and deadline, whatever changes later.
            if target.met_at is not None:
                outcome = (target.state, target.deadline, target.met_at)
                assert met.setdefault(target.target, outcome) == outcome, (target, now)
            else:
                assert target.target not in met, (target, now)
        if previous is not None and previous[0] == i:
            _check_between_events(ticket, previous[1], now, previous[2], sla.targets)
        previous = (i, now, sla.targets)


def _settles_in_one_reading(ticket: Ticket, profile: SlaProfile, now: float) -> None:
    """perf19: the reducer settles a ticket from one reading (`settled_at`); before, it read
    the breaches, recorded them on the ticket, then read the ticket again for the met
    deadlines. Both ways give the same."""
    before = copy.deepcopy(ticket)
    breached = breached_targets_at(before, profile, now)
    before.sla_breached |= breached
    met = met_deadlines_at(before, profile, now)
    assert settled_at(ticket, profile, now) == (breached, met), now


def _check_between_events(
    ticket: Ticket,
    t1: float,
    t2: float,
    before: tuple[TargetStatus, ...],
    after: tuple[TargetStatus, ...],
) -> None:
    """No event between t1 and t2: the clock runs or stands still, nothing else."""
    elapsed = t2 - t1
    paused = ticket.is_paused_at(t1)
    assert ticket.is_paused_at(t2) == paused
    for a, b in zip(before, after, strict=True):
        if a.time_left is None:
            assert b.time_left is None and b.deadline is None
            continue
        assert b.time_left is not None and a.deadline is not None and b.deadline is not None
        if a.met_at is not None:  # met: its figures are final
            assert (b.deadline, b.time_left, b.met_at) == (a.deadline, a.time_left, a.met_at)
            continue
        if not paused:
            # Time left never grows while the clock runs and the ticket is not paused;
            # it shrinks by exactly the time that passed.
            assert b.time_left <= a.time_left + EPS
            assert b.time_left == pytest.approx(a.time_left - elapsed, abs=EPS)
            assert b.deadline == pytest.approx(a.deadline, abs=EPS)
        elif a.time_left >= 0:
            # A paused ticket's deadlines move by exactly the paused time.
            assert b.deadline == pytest.approx(a.deadline + elapsed, abs=EPS)
            assert b.time_left == pytest.approx(a.time_left, abs=EPS)
        else:
            # Already overdue when it paused: the breach does not move away.
            assert b.deadline == pytest.approx(a.deadline, abs=EPS)


@SETTINGS
@given(
    start=opening,
    steps=st.lists(step, min_size=1, max_size=30),
)
def test_a_wait_moves_running_deadlines_by_exactly_its_length(
    session_started_data: Payload, start: tuple[Any, ...], steps: list[tuple[Any, ...]]
) -> None:
    """Across `pending` then `opened`, with nothing between: deadline += time waited."""
    payload = session_started_data(duration_s=10**7)
    profile = SlaProfile.from_dict(payload["sla_profile"])
    _, snaps, _ = play(payload, start, steps)
    for k in range(1, len(snaps) - 1):
        t_p, _, pending = snaps[k]
        t_o, after, opened = snaps[k + 1]
        if not (
            pending is not None
            and opened is not None
            and pending.type == "ticket_pending"
            and opened.type == "ticket_opened"
        ):
            continue
        before = ticket_sla(snaps[k - 1][1], profile, t_p)
        if before.paused or not ticket_sla(snaps[k][1], profile, t_p).paused:
            continue  # already stopped, or a pending status before any response
        now = ticket_sla(after, profile, t_o)
        for a, b in zip(before.targets, now.targets, strict=True):
            if a.deadline is None or a.met_at is not None or a.time_left is None or a.time_left < 0:
                continue
            assert b.deadline == pytest.approx(a.deadline + (t_o - t_p), abs=EPS)
            assert b.time_left == pytest.approx(a.time_left, abs=EPS)


@SETTINGS
@given(
    start=opening,
    steps=st.lists(step, min_size=1, max_size=30),
)
def test_the_same_events_give_the_same_state_even_through_json(
    session_started_data: Payload, start: tuple[Any, ...], steps: list[tuple[Any, ...]]
) -> None:
    payload = session_started_data(duration_s=10**7)
    events, _, live = play(payload, start, steps)
    assert reduce(events) == live
    again = [Event.from_dict(json.loads(json.dumps(e.to_dict()))) for e in events]
    assert again == events
    assert reduce(again) == live
