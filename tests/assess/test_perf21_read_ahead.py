"""perf21: the contacts' engagements read ahead in the forked child, taken here as they are.

A long log's report measures COM-5 and the procedure checks in a forked child
(`evidence.measured_apart`); that child then reads every contact's engagement and
contact reading (`evidence.read_ahead`), which only `rote_items` asks for, last, and
this process keeps them in the cases' caches (`take_ahead`). The expected readings
here are not the child's: they are what a fresh fold of the same log reads for
itself, case by case. Readings of another fold (a log cut short, another log) must
never be taken, and a reading this process already made is kept.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import pytest
from bundled_kit import on_scenario_runs, scenario_group

from helpdesk_tui import paths
from helpdesk_tui.assess import evidence, substance
from helpdesk_tui.assess.cases import build_cases
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.evidence import (
    AHEAD_KEYS,
    EvidenceGatherer,
    meet_ahead,
    read_ahead,
    take_ahead,
)
from helpdesk_tui.assess.integrity import contact_reading
from helpdesk_tui.assess.pipeline import verified_events
from helpdesk_tui.assess.substance import engaged_contacts, engagement
from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.loader import load_scenario

CALDER = "en-calder-valley-exam"
RUNS = [(CALDER, "ideal"), (CALDER, "tailor")]
"""ideal takes up its cases; tailor (the 2.19 cheater) reads articles out a step a message, so
its contacts have contact readings and engage with nothing."""


def _events(log: Path, cut: int = 0) -> list[tuple[int, Event]]:
    _, events = verified_events(log.read_bytes())
    return events[: len(events) - cut]


def _context(events: list[tuple[int, Event]], scenario_id: str = CALDER) -> Context:
    """The assessment's context of a fold, as `EvidenceGatherer.result` builds it."""
    scenario = load_scenario(paths.scenarios_dir() / scenario_id)
    gatherer = EvidenceGatherer(scenario).feed_all(events)
    state = gatherer.state
    cases = build_cases(state, gatherer.tracker, scenario)
    return Context(state, gatherer.tracker, scenario, "en", cases, gatherer.tracker.finish(),
                   state.now, text_lang="en")  # fmt: skip


def _own(ctx: Context) -> list[tuple[Any, Any]]:
    """Each case's engagement and contact reading as this context reads them itself."""
    return [
        (engagement(ctx, c), contact_reading(ctx, c)) if c.incident is not None else (None, None)
        for c in ctx.cases
    ]


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(RUNS))
def test_readings_taken_from_the_child_are_the_ones_read_here(
    sim_logs: Any, scenario_id: str, policy: str
) -> None:
    events = _events(sim_logs[(scenario_id, policy)])
    ahead = pickle.loads(pickle.dumps(read_ahead(_context(events))))  # as the pipe sends it
    taker = _context(events)
    take_ahead(taker, ahead)
    taken = [{k: c.cache[k] for k in AHEAD_KEYS if k in c.cache} for c in taker.cases]
    assert sum(len(t) for t in taken) >= len(taker.cases) // 2, "next to nothing was taken"
    expected = _context(events)
    assert [
        (t.get("engagement"), t.get("contact_reading")) if c.incident is not None else (None, None)
        for c, t in zip(taker.cases, taken, strict=True)
    ] == _own(expected)
    assert engaged_contacts(taker) == engaged_contacts(expected)
    if policy == "tailor":  # the test reads contact readings, not only their absence
        assert any(t.get("contact_reading") is not None for t in taken)
    else:
        assert any(t.get("engagement") is not None for t in taken)


@scenario_group(CALDER)
def test_readings_of_another_fold_are_not_taken(sim_logs: Any) -> None:
    """Readings of the log cut short, or of another candidate's log with as many cases, would be
    stale here: none of them is kept."""
    events = _events(sim_logs[(CALDER, "ideal")])
    for other in (
        _context(_events(sim_logs[(CALDER, "ideal")], cut=5)),
        _context(_events(sim_logs[(CALDER, "tailor")])),
    ):
        ctx = _context(events)
        take_ahead(ctx, read_ahead(other))
        assert all(not c.cache for c in ctx.cases)


@scenario_group(CALDER)
def test_a_reading_made_here_is_kept(sim_logs: Any) -> None:
    events = _events(sim_logs[(CALDER, "ideal")])
    ahead = read_ahead(_context(events))
    ctx = _context(events)
    mine = object()
    ctx.cases[0].cache["engagement"] = mine
    take_ahead(ctx, ahead)
    assert ctx.cases[0].cache["engagement"] is mine
    take_ahead(ctx, None)  # no child, or a child that failed: nothing, no error


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(RUNS))
def test_a_reading_stopped_half_way_hands_over_the_cases_it_reached(
    sim_logs: Any, scenario_id: str, policy: str
) -> None:
    """Asked for its readings, the child stops after the case it is reading; this process
    reads the others itself, and reads them as a fresh fold does."""
    events = _events(sim_logs[(scenario_id, policy)])
    asked: list[int] = []

    def stopped() -> bool:
        asked.append(1)
        return len(asked) > 6

    ahead = read_ahead(_context(events), stopped)
    contacts = sum(1 for c in _context(events).cases if c.incident is not None)
    assert 0 < sum(1 for r in ahead[1] if r) < contacts
    taker = _context(events)
    take_ahead(taker, ahead)
    assert _own(taker) == _own(_context(events))
    assert engaged_contacts(taker) == engaged_contacts(_context(events))


@scenario_group(CALDER)
@pytest.mark.parametrize("child_reads", ["all", "none", "until they meet"])
def test_with_a_second_core_this_process_reads_only_what_the_child_did_not(
    sim_logs: Any, monkeypatch: pytest.MonkeyPatch, child_reads: str
) -> None:
    """The evidence is the same with the child's readings, and this process reads only the
    engagements the child did not reach: none when the child reads them all (its stop
    ignored, and this process not reading from the other end, so the test does not depend
    on the two processes' speeds), all when it is stopped at once; as shipped, the two meet
    somewhere. Each engagement read here is counted; the child's are its own copy's."""
    events = _events(sim_logs[(CALDER, "tailor")])
    scenario = load_scenario(paths.scenarios_dir() / CALDER)
    parent, real = os.getpid(), substance._engagement
    here: list[str] = []

    def counted(ctx: Context, case: Any) -> Any:
        if os.getpid() == parent:
            here.append(case.id)
        return real(ctx, case)

    monkeypatch.setattr(substance, "_engagement", counted)
    alone = EvidenceGatherer(scenario).feed_all(events).result()
    contacts = sorted(here)
    assert contacts, "the fold made no engagement reading: the test reads nothing"
    here.clear()
    if child_reads != "until they meet":
        stop_at_once = child_reads == "none"
        monkeypatch.setattr(
            evidence,
            "read_ahead",
            lambda ctx, _stopped, reached: read_ahead(ctx, lambda: stop_at_once, reached),
        )
        if not stop_at_once:
            monkeypatch.setattr(evidence, "meet_ahead", lambda ctx, child_reached: None)
    apart = EvidenceGatherer(scenario).feed_all(events).result(second_core=True)
    if child_reads == "all":
        assert here == []
    elif child_reads == "none":
        assert sorted(here) == contacts
    assert apart == alone


@scenario_group(CALDER)
def test_this_process_reads_from_the_last_case_to_where_the_child_is(
    sim_logs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`meet_ahead` reads the contacts after the child's place, from the last, and no other."""
    events = _events(sim_logs[(CALDER, "tailor")])
    read: list[str] = []
    real = substance._engagement
    monkeypatch.setattr(
        substance, "_engagement", lambda ctx, case: read.append(case.id) or real(ctx, case)
    )
    ctx = _context(events)
    child_at = len(ctx.cases) // 2
    meet_ahead(ctx, lambda: child_at)
    expected = [c.id for c in reversed(ctx.cases[child_at:]) if c.incident is not None]
    assert read == expected and expected
