"""The figures of issue 13, per bundled scenario and per policy, from the assessment itself.

Each bundled scenario is played by every scripted candidate and assessed as
`report` would; the number of competencies whose evidence is favourable is
held against what the issue asks:

- ideal and worded: at least 21 of 22;
- shotgun, macro, parrot (who never read the answer key): at most 4, and
  never favourable on the twelve competencies a trick must not buy;
- naive: fewer than ideal, more than idle; idle: none.

`benchmarks/bench_evidence.py` prints the same table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, EvidenceStatus
from helpdesk_tui.assess.pipeline import verified_events
from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import RunResult
from simulate.conftest import BUNDLED_RUNS

BUNDLED = sorted(
    p
    for p in paths.scenarios_dir().iterdir()
    if (p / "scenario.toml").is_file() and 'kind = "drill"' not in (p / "scenario.toml").read_text()
)
"""Drills train one group of competencies: the 22-competency figures do not apply to them."""
POLICIES = ("ideal", "worded", "naive", "idle", "shotgun", "macro", "parrot")
GAMING = ("shotgun", "macro", "parrot")
NEVER_BOUGHT = (
    "DATA-1", "DATA-2", "DATA-3", "COM-1", "COM-4", "COM-6",
    "SOL-1", "SOL-2", "SOL-5", "SOL-6", "SOL-7", "SOL-8",
)  # fmt: skip
LAYER_GAPS = (
    "the language layer does not read several of the phrase bank's restate, check and "
    "empathy phrasings as their acts (COM-4, COM-1/SOL-1 check step); see docs/simulation.md"
)
WORDED_SHORT: dict[str, str] = {
    "en-northwind-monday": f"18 of 22 (2026-12-03, i13-format): {LAYER_GAPS}; the KB sentences picked for the new "
    "starter leave out 'other user' (SOL-7, SOL-3); an update without news the layer reads "
    "(SOL-6)",
    "nl-verhaeghe-dinsdag": f"16 of 22: {LAYER_GAPS}; SOL-7/SOL-3/SOL-8 on KB wording",
    "fr-val-de-lesse-garde": f"18 of 22: {LAYER_GAPS}; SOL-6 (progress phrasings)",
    "nl-lindeveld-examen": f"16 of 22: {LAYER_GAPS} (measured 2026-12-03 on the merged main)",
    "en-calder-valley-exam": f"17 of 22: {LAYER_GAPS}; pasting a whole KB article that lists "
    "every option gives several options at once (SIM-1 on the card-reader call, SOL-3 on three "
    "tickets with options); steps out of the procedure's order (COM-1, SOL-1) "
    "(measured 2026-12-03)",
}
"""Bundled scenarios where `worded` does not reach 21 yet, with why (see docs/simulation.md).

An expected failure, strict: when a change makes worded reach 21, the test says so
and the entry must go."""


# Playing every bundled scenario (the shared setup) takes 25 s on a quiet machine, minutes on a busy one.
pytestmark = [pytest.mark.xdist_group(BUNDLED_RUNS), pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def assessed(
    bundled_runs: dict[tuple[str, str], RunResult], bundled_scenarios: dict[str, Scenario]
) -> dict[tuple[str, str], Evidence]:
    return {
        (folder.name, policy): gather_evidence(
            logged(bundled_runs[(folder.name, policy)]), bundled_scenarios[folder.name]
        )
        for folder in BUNDLED
        for policy in POLICIES
    }


def logged(run: RunResult) -> list[tuple[int, Event]]:
    """The run's events with their seqs in its signed log, as `report` reads them
    (checkpoints take seqs too: the evidence's references are log seqs)."""
    assert run.log_path is not None
    return verified_events(run.log_path.read_bytes())[1]


def favourable(evidence: Evidence) -> set[str]:
    return {c for c, s in evidence.statuses().items() if s is EvidenceStatus.FAVOURABLE}


def test_there_is_a_bundled_scenario_in_each_language() -> None:
    languages = {load_scenario(f).language for f in BUNDLED}
    assert {"en", "nl"} <= languages


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_ideal_is_favourable_on_at_least_21(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    good = favourable(assessed[(folder.name, "ideal")])
    assert len(good) >= 21, sorted(set(assessed[(folder.name, "ideal")].statuses()) - good)


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_worded_is_favourable_on_at_least_21(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    good = favourable(assessed[(folder.name, "worded")])
    reached = len(good) >= 21
    if folder.name in WORDED_SHORT:
        assert not reached, f"worded reaches {len(good)} now: drop it from WORDED_SHORT"
        pytest.xfail(WORDED_SHORT[folder.name])
    assert reached, sorted(set(assessed[(folder.name, "worded")].statuses()) - good)


@pytest.mark.parametrize("policy", GAMING)
@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_gaming_buys_at_most_4_and_none_of_the_twelve(
    assessed: dict[tuple[str, str], Evidence], folder: Path, policy: str
) -> None:
    good = favourable(assessed[(folder.name, policy)])
    assert len(good) <= 4, sorted(good)
    assert not good & set(NEVER_BOUGHT), sorted(good & set(NEVER_BOUGHT))


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_naive_lies_between_idle_and_ideal(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    naive = len(favourable(assessed[(folder.name, "naive")]))
    assert 0 < naive < len(favourable(assessed[(folder.name, "ideal")]))


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_idle_is_favourable_on_nothing(
    assessed: dict[tuple[str, str], Evidence], folder: Path
) -> None:
    assert favourable(assessed[(folder.name, "idle")]) == set()
