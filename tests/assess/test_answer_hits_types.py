"""perf19: a case's answers are read in its messages, replies and transfers alone
(`solutions.HIT_TYPES`), not in every action of it; the hits must be those of every action
read in turn, as before."""

from __future__ import annotations

from collections import Counter

import pytest
from bundled_kit import on_scenario_runs

from helpdesk_tui.assess.cases import build_cases
from helpdesk_tui.assess.evidence import EvidenceGatherer
from helpdesk_tui.assess.solutions import TRANSFER, _action_hit, answer_hits

RUNS = [
    ("en-northwind-monday", "ideal"),
    ("en-northwind-monday", "shotgun"),
    ("nl-lindeveld-examen", "ideal"),
    ("fr-haute-meuse-examen", "naive"),
]


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(RUNS))
def test_the_hits_are_those_of_every_action_read_in_turn(
    bundled_runs, bundled_scenarios, scenario_id: str, policy: str
) -> None:
    scenario = bundled_scenarios[scenario_id]
    fold = EvidenceGatherer(scenario).feed_all(
        enumerate(bundled_runs[scenario_id, policy].events, 1)
    )
    hows: Counter[str] = Counter()
    for case in build_cases(fold.state, fold.tracker, scenario):
        if case.answer is None:
            continue
        every = [h for a in case.actions if (h := _action_hit(case, case.answer, a)) is not None]
        assert answer_hits(case) == every, case.id
        hows.update(h.how for h in every)
    assert sum(hows.values()) > 0  # a run with no answer read would compare nothing
    if policy == "ideal":
        assert hows[TRANSFER] > 0, hows  # the ideal candidate hands a case to the second line
