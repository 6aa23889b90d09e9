"""A gaming candidate's KB look-ups are kept per query: the same answers as a fresh search, once.

`GamingCandidate.kb_hits` searches a case's first words for every reply, solution and
resolution; it keeps each (words, limit) answer for the run (the suite plays the gaming
policies on every bundled exam: benchmarks/README.md, "The suite's time (branch
suite-time15)"). What it hands out must stay what a new index finds for the same words.
"""

from __future__ import annotations

from typing import Any

from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.simulate.gaming import ShotgunPolicy
from helpdesk_tui.simulate.runner import run_headless
from simulate.kit import make_scenario


def test_kept_hits_are_a_fresh_search_and_each_query_is_searched_once() -> None:
    scenario = make_scenario()
    player = ShotgunPolicy(scenario)
    searched: list[tuple[str, int]] = []
    search = player.kb.search

    def counted(query: str, limit: int = 20) -> Any:
        searched.append((query, limit))
        return search(query, limit)

    player.kb.search = counted  # type: ignore[method-assign]
    run_headless(scenario, player)
    said = [c for c in player.cases if c.customer_said]
    assert said and searched, "the run made no search to keep"
    assert len(searched) == len(set(searched))

    fresh = KbIndex(scenario.kb)  # the run closed its own index: only kept answers are asked
    checked = set()
    for case in said:
        words = " ".join(case.customer_said[0].split()[:8])
        for limit in {n for q, n in searched if q == words}:
            expected = [h.article_id for h in fresh.search(words, limit=limit)]
            got = player.kb_hits(case, limit)
            assert got == expected, (words, limit)
            got.append("kb-not-an-article")  # the caller's own list
            assert player.kb_hits(case, limit) == expected, (words, limit)
            checked.add((words, limit))
    assert checked == set(searched)
    assert len({n for _, n in checked}) > 1, "one limit only: the key's limit is not tried"
