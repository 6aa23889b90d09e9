"""composite (branch evid46): the cheaters run side by side, each on its own customers.

Checked against the log the session wrote (who each conversation and ticket belongs to is the
session's state, not the policy's maps), and against the other cheaters' own names, not
against what composite computes. Its figures are in test_figures.py (COMPOSITE_MEASURED).
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from helpdesk_tui import paths
from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.gaming_composite import CompositePolicy
from helpdesk_tui.simulate.policy import Action
from helpdesk_tui.simulate.runner import RunResult, run_headless

LESSE = paths.scenarios_dir() / "fr-val-de-lesse-garde"
CALLS = ("call_started", "chat_opened")


class Recorder(CompositePolicy):
    """A composite that writes down which cheater proposed each command that was logged."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.authors: list[tuple[str, Action, Event]] = []

    def done(self, action: Action, event: Event) -> None:
        self.authors.append((self.proposed[id(action)][0], action, event))
        super().done(action, event)


@pytest.fixture(scope="module")
def lesse() -> tuple[Recorder, RunResult]:
    policy = Recorder(load_scenario(LESSE), 0)
    return policy, run_headless(load_scenario(LESSE), policy)


def customer_of(result: RunResult, data: dict[str, object]) -> str | None:
    """The customer a command concerns, from the session's own state at the end."""
    state = result.state
    conv = data.get("conversation_id")
    if isinstance(conv, str) and conv in state.conversations:
        return state.conversations[conv].customer_id
    ticket = data.get("ticket_id")
    if isinstance(ticket, str) and ticket in state.tickets:
        return state.tickets[ticket].customer_id
    return None


def test_each_customer_hears_from_one_cheater_only(lesse: tuple[Recorder, RunResult]) -> None:
    """No two tricks work on one customer's case: a caller restated by lawyer and parked by
    dispatcher would be two candidates, not one who combines."""
    policy, result = lesse
    who: defaultdict[str, set[str]] = defaultdict(set)
    for author, _, event in policy.authors:
        customer = customer_of(result, event.data)
        if customer is not None:
            who[customer].add(author)
    assert len(who) >= 5, dict(who)
    assert all(len(authors) == 1 for authors in who.values()), dict(who)


def test_callers_go_to_the_word_tricks_and_writers_to_the_dispatcher(
    lesse: tuple[Recorder, RunResult],
) -> None:
    """The routing by channel: whoever called or chatted to a word cheater (the four named in
    the issue's verdict tables), whoever only wrote to the process cheater."""
    policy, result = lesse
    callers = {e.data["customer_id"] for e in result.events if e.type in CALLS}
    writers = {t.customer_id for t in result.state.tickets.values()} - callers
    assert callers and writers
    by: defaultdict[str, set[str]] = defaultdict(set)
    for author, _, event in policy.authors:
        customer = customer_of(result, event.data)
        if customer is not None:
            by[customer].add(author)
    for customer in callers & set(by):
        assert by[customer] <= {"envoy", "lawyer", "savvy", "herald"}, (customer, by[customer])
    for customer in writers & set(by):
        assert by[customer] == {"dispatcher"}, (customer, by[customer])
    assert {a for c in callers for a in by.get(c, ())} == {"envoy", "lawyer", "savvy", "herald"}


def test_it_is_one_candidate_busy_with_one_thing_at_a_time(
    lesse: tuple[Recorder, RunResult],
) -> None:
    """Four cheaters at once must not type faster than one: each command starts after the
    previous one's cost has run out."""
    policy, _ = lesse
    assert len(policy.authors) > 20
    for (_, before, first), (_, _, second) in zip(policy.authors, policy.authors[1:], strict=False):
        assert second.exam_time >= first.exam_time + before.cost - 1e-6
