"""The report's fast path (issue 12/16 speed) reads a log exactly as the straightforward one does.

Fast: the lemma tables read back from the disk cache, the verifier's parsed
records reused instead of parsing the log again, every analysis and pattern
look-up answered once per text. Straightforward: tables built in memory, the
log parsed a second time, every cache of the layer and the evidence emptied
first. The JSON reports of the bundled scenarios' simulated logs must be equal.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from bundled_kit import on_scenario_runs

from helpdesk_tui.assess.evidence import bulk_load, gather_evidence
from helpdesk_tui.assess.measure_sol import _first_search_finding
from helpdesk_tui.assess.pipeline import assess_log, verified_events
from helpdesk_tui.assess.report_json import evidence_to_dict
from helpdesk_tui.assess.tracker import Action
from helpdesk_tui.eventlog.verifier import verify_bytes
from helpdesk_tui.language import compiled, lemmas

LOGS = [
    ("en-northwind-monday", "ideal"),
    ("nl-lindeveld-examen", "ideal"),
    ("en-calder-valley-exam", "ideal"),
    ("fr-haute-meuse-examen", "ideal"),
    ("nl-verhaeghe-dinsdag", "idle"),
]


def _empty_every_cache() -> int:
    """Clear the functools caches of the layer, the customers and the evidence modules."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith(
            ("helpdesk_tui.language", "helpdesk_tui.assess", "helpdesk_tui.customers")
        ):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                value.cache_clear()
                cleared += 1
    return cleared


def _straightforward(log: Path, assessed_scenario) -> dict:
    """Verify without keeping records, parse again, tables built in memory, no warm cache."""
    data = log.read_bytes()
    assert verify_bytes(data, None).status == "ok"
    with bulk_load():
        _, entries = verified_events(data)
        return gather_evidence(entries, assessed_scenario)


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs(LOGS))
def test_the_fast_report_is_the_straightforward_one(
    sim_logs: dict[tuple[str, str], Path],
    scenario_id: str,
    policy: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    log = sim_logs[(scenario_id, policy)]
    monkeypatch.setenv(compiled.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(lemmas, "load_counts", Counter())

    def as_a_new_process() -> None:
        monkeypatch.setattr(lemmas, "_tables", {})
        assert _empty_every_cache() > 10

    as_a_new_process()
    if policy != "idle":  # the first run on a machine writes the tables to the cache, on
        lemmas.load(scenario_id[:2])  # the path its assessment takes (`_load_tables`)
    as_a_new_process()
    fast = assess_log(log, None)  # a later one reads them back
    lang = fast.evidence.language
    assert lang == scenario_id[:2]
    if policy == "idle":  # not one word written: no table is loaded at all
        assert not lemmas.load_counts
    else:
        assert lemmas.load_counts == Counter({(lang, "built"): 1, (lang, "read"): 1})
    assert fast.provenance.verified

    monkeypatch.setenv(compiled.ENV, "")  # the cache off: tables built in memory
    as_a_new_process()
    slow = _straightforward(log, fast.scenario)
    assert lemmas.load_counts[(lang, "built")] == (0 if policy == "idle" else 2)
    provenance = fast.provenance
    assert evidence_to_dict(slow, provenance) == evidence_to_dict(fast.evidence, provenance)


def test_the_verifier_keeps_the_records_it_parsed_only_when_asked(
    sim_logs: dict[tuple[str, str], Path],
) -> None:
    import json

    data = sim_logs[("en-northwind-monday", "ideal")].read_bytes()
    assert verify_bytes(data, None).records is None
    kept = verify_bytes(data, None, keep_records=True).records
    assert kept == [json.loads(line) for line in data.splitlines()]
    assert verified_events(data, kept) == verified_events(data)


def _search(seq: int, at: float, results: list[object]) -> Action:
    return Action(seq, at, "kb_searched", {"query": "q", "results": results}, ("kb", None), (), ())


class _Searches:
    """What `_first_search_finding` reads of a Context: the searches and the shared cache."""

    def __init__(self, actions: list[Action]) -> None:
        self.actions, self.cache = actions, {}

    def of_type(self, kind: str) -> list[Action]:
        return [a for a in self.actions if a.type == kind]


def _scan(actions: list[Action], articles: list[str], since: float) -> Action | None:
    """The straightforward reading (before the index): the first search in log order at
    or after `since` whose results hold one of the articles."""
    wanted = set(articles)
    return next(
        (a for a in actions if a.at >= since and not wanted.isdisjoint(a.data["results"])),
        None,
    )


def test_the_search_index_finds_the_search_a_scan_finds() -> None:
    """SOL-2's first search that found the case's article, from the index made once."""
    searches = [
        _search(3, 10.0, ["kb-1", "kb-2"]),
        _search(5, 20.0, ["kb-3"]),
        _search(8, 20.0, ["kb-2", "kb-2", 7, None]),
        _search(9, 35.0, []),
        _search(12, 40.0, ["kb-3", "kb-1"]),
    ]
    cases = [
        (["kb-1"], 0.0), (["kb-1"], 10.0), (["kb-1"], 10.5), (["kb-2", "kb-3"], 15.0),
        (["kb-3", "kb-2"], 20.0), (["kb-2"], 21.0), (["kb-9"], 0.0), ([], 0.0), (["kb-3"], 41.0),
    ]  # fmt: skip
    found = [_first_search_finding(_Searches(searches), a, at) for a, at in cases]  # type: ignore[arg-type]
    assert found == [_scan(searches, a, at) for a, at in cases]
    assert [f.seq if f else None for f in found] == [3, 3, 12, 5, 5, None, None, None, None]
