"""The replay: every moment of real logs equals a fresh fold of the same prefix."""

from __future__ import annotations

import random

import pytest
from bundled_kit import LazyMap, scenario_group

from helpdesk_tui.assess.replay import Replay, copy_state
from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.core.reducer import apply, reduce
from helpdesk_tui.simulate.runner import RunResult

RUNS = [
    ("en-northwind-monday", "ideal"),
    ("en-northwind-monday", "naive"),
    ("nl-verhaeghe-dinsdag", "naive"),
]
NORTHWIND = scenario_group("en-northwind-monday")
"""The tests that read only Northwind's runs: in its xdist group, where `bundled_runs` plays
them for the other tests of those runs (tests/bundled_kit.py)."""


@pytest.fixture
def runs(
    bundled_runs: LazyMap[tuple[str, str], RunResult],
) -> dict[tuple[str, str], list[tuple[int, Event]]]:
    """Simulated exams (the suite's shared runs, each played once per worker), numbered as a
    log numbers them (checkpoints leave gaps in the seqs). A test asks only for its own."""
    return LazyMap(
        lambda key: [(i + 1 + i // 10, e) for i, e in enumerate(bundled_runs[key].events)]
    )


@pytest.mark.parametrize(
    "key", [pytest.param(key, marks=scenario_group(key[0]), id="-".join(key)) for key in RUNS]
)
@pytest.mark.parametrize("every", [1, 7, 1000])
def test_every_moment_equals_a_fresh_fold(
    runs: dict[tuple[str, str], list[tuple[int, Event]]], key: tuple[str, str], every: int
) -> None:
    """The snapshots share what the reducer never changes; a reducer that starts to change
    such an object in place makes some moment differ from a fresh fold here."""
    entries = runs[key]
    replay = Replay(entries, every=every)
    for index in range(len(entries) + 1):
        assert replay.state_after(index) == reduce(entries[:index]), (key, every, index)
    assert replay.snapshots == len(entries) // every + 1


@NORTHWIND
def test_a_state_handed_out_is_the_callers_own(
    runs: dict[tuple[str, str], list[tuple[int, Event]]],
) -> None:
    entries = runs[("en-northwind-monday", "ideal")]
    replay = Replay(entries, every=50)
    early = replay.state_after(120)
    for seq, event in entries[120:200]:
        apply(early, event, seq)  # the caller folds on: the replay must not notice
    for index in random.Random(3).sample(range(len(entries) + 1), 40):
        assert replay.state_after(index) == reduce(entries[:index])


@NORTHWIND
def test_copy_state_copies_what_the_reducer_changes(
    runs: dict[tuple[str, str], list[tuple[int, Event]]],
) -> None:
    state = reduce(runs[("en-northwind-monday", "ideal")][:150])
    copy = copy_state(state)
    assert copy == state
    for ticket_id, ticket in state.tickets.items():
        assert copy.tickets[ticket_id] is not ticket
        assert copy.tickets[ticket_id].history is not ticket.history
        assert copy.tickets[ticket_id].sla_breached is not ticket.sla_breached
    for conv_id, conv in state.conversations.items():
        assert copy.conversations[conv_id].messages is not conv.messages
    assert copy.kb_lookups is not state.kb_lookups


@NORTHWIND
def test_moments_by_time_and_by_seq(runs: dict[tuple[str, str], list[tuple[int, Event]]]) -> None:
    entries = runs[("en-northwind-monday", "naive")]
    replay = Replay(entries, every=25)
    t = entries[80][1].exam_time
    at = replay.state_at(t + 0.5)
    assert at.now == t + 0.5
    assert at.last_seq == max(seq for seq, e in entries if e.exam_time <= t + 0.5)
    seq = entries[80][0]
    assert replay.state_at_seq(seq) == reduce(entries[:81])
    gap = seq + 1 if seq + 1 not in {s for s, _ in entries} else seq
    assert replay.state_at_seq(gap).last_seq == seq  # a checkpoint's seq: the event before it
    assert replay.state_at(-1.0) == reduce([])
    assert replay.state_after(10**6) == reduce(entries)
    assert replay.time_of_index(0) == 0.0 and replay.seq_of_index(0) is None
    assert replay.end_time == entries[-1][1].exam_time


@NORTHWIND
def test_an_event_the_reducer_refuses_is_skipped_at_every_moment(
    runs: dict[tuple[str, str], list[tuple[int, Event]]],
) -> None:
    """Only a log that did not verify can hold one (reviewed with --unverified)."""
    entries = list(runs[RUNS[0]][:60])
    t = entries[30][1].exam_time
    bad = make_event("message_sent", {"conversation_id": "nobody", "text": "hi"}, t, "w")
    entries.insert(31, (entries[30][0] + 1, bad))
    renumbered = [(i + 1, e) for i, (_, e) in enumerate(entries)]
    replay = Replay(renumbered, every=10)
    assert list(replay.refused) == [32]
    good = [entry for entry in renumbered if entry[0] != 32]
    assert replay.state_after(len(renumbered)) == reduce(good)
    assert replay.state_after(40) == reduce([e for e in renumbered[:40] if e[0] != 32])


def test_snapshots_need_a_positive_interval() -> None:
    with pytest.raises(ValueError):
        Replay([], every=0)
    empty = Replay([])
    assert len(empty) == 0 and empty.end_time == 0.0 and not empty.state_after(5).started
