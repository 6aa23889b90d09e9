"""Fairness: the same actions at the same exam times give the same messages, always.

Whatever a candidate does and whenever they do it, replaying the same
actions at the same times gives the same log, however often the UI's timer
happened to fire in between (a tick is only `fire_due`).
"""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from simulate.kit import Driver

from helpdesk_tui.core.reducer import Refused

TEXTS = (
    "Good morning, service desk!",
    "Which printer is it?",
    "Since when?",
    "Please flush the DNS.",
    "I'm sorry, I understand.",
    "Remove the tape from the toner.",
    "Anyone else affected?",
    "Which version do you run?",
    "Is there anything else?",
    "One moment please.",
)
Action = tuple[float, str, str]

actions = st.lists(
    st.tuples(
        st.floats(min_value=55, max_value=900, allow_nan=False).map(lambda t: round(t, 2)),
        st.sampled_from(("C-printer", "C-crm", "ticket", "transfer", "close")),
        st.sampled_from(TEXTS),
    ),
    max_size=14,
)


def play(script: list[Action], tick: float | None) -> list[tuple[str, float, dict[str, Any]]]:
    """Run the kit scenario with these actions; tick the session every `tick` seconds."""
    d = Driver()
    now = 0.0
    for t, target, text in sorted(script):
        if tick:
            while now + tick < t:
                now += tick
                d.at(now)
        now = max(now, t)
        with contextlib.suppress(Refused):
            _act(d, t, target, text)
    d.at(1200)
    return [(e.type, e.exam_time, e.data) for e in d.events]


def _act(d: Driver, t: float, target: str, text: str) -> None:
    state = d.at(t).state
    if target.startswith("C-"):
        d.send(t, target, text)
    elif target == "ticket":
        d.submit(
            t,
            "ticket_created",
            ticket_id=state.next_ticket_id(),
            title="CRM",
            customer_id="marc",
            conversation_id="C-crm",
        )
    elif target == "transfer":
        mine = [tid for tid, tk in state.tickets.items() if tk.incident_id == "crm"]
        d.submit(
            t, "ticket_transferred", ticket_id=mine[0] if mine else "T-9", group="apps", reason="x"
        )
    else:
        d.submit(t, "conversation_closed", conversation_id="C-printer")


@settings(max_examples=40, deadline=None)
@given(script=actions, tick=st.sampled_from([0.25, 1.0, 7.5]))
def test_the_same_actions_at_the_same_times_give_the_same_log(
    script: list[Action], tick: float
) -> None:
    reference = play(script, tick=None)
    assert play(script, tick=None) == reference
    assert play(script, tick=tick) == reference


@settings(max_examples=15, deadline=None)
@given(script=actions)
def test_what_happens_before_the_first_action_does_not_depend_on_it(script: list[Action]) -> None:
    idle = play([], tick=None)
    busy = play(script, tick=None)
    first = min((t for t, _, _ in script), default=1200.0)
    assert [e for e in busy if e[1] < first] == [e for e in idle if e[1] < first]
