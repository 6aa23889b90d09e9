"""`simulate` of every bundled scenario under each policy: it finishes, signs, seals and verifies.

The ideal policy breaches no SLA and leaves evidence for every competency the
scenario names; the naive and idle ones breach some. If a bundled scenario
makes this fail, the scenario (or the SLA profile) is what needs a look.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import BUNDLED, by_scenario, on_scenario_runs, played

from helpdesk_tui import paths
from helpdesk_tui.eventlog.verifier import verify_log
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import RunResult
from simulate.evidence import missing

# One scenario's seven runs (the shared setup, made by its first test) take up to 30 s on a
# quiet machine, minutes on a busy one.
pytestmark = pytest.mark.timeout(900)


@pytest.fixture
def scenarios(bundled_scenarios: dict[str, Scenario]) -> dict[str, Scenario]:
    return bundled_scenarios


@pytest.fixture
def runs(bundled_runs: dict[tuple[str, str], RunResult]) -> dict[tuple[str, str], RunResult]:
    return bundled_runs


def test_there_are_bundled_scenarios_in_english_and_dutch(scenarios: dict[str, Scenario]) -> None:
    assert {scenarios[folder.name].language for folder in BUNDLED} >= {"en", "nl"}


@pytest.mark.parametrize(
    ("scenario_id", "policy"), on_scenario_runs(played((f.name for f in BUNDLED), POLICIES))
)
def test_each_run_finishes_and_its_log_verifies(
    runs: dict[tuple[str, str], RunResult],
    scenarios: dict[str, Scenario],
    scenario_id: str,
    policy: str,
) -> None:
    """Every policy on every exam and practice scenario; on a drill the ideal, naive and idle
    and each other policy on one drill (`bundled_kit.plays_on`)."""
    result = runs[(scenario_id, policy)]
    assert result.state.ended and result.state.now == scenarios[scenario_id].duration_s
    assert result.log_path is not None
    verdict = verify_log(result.log_path, None, paths.scenarios_dir() / scenario_id)
    assert verdict.status == "ok", verdict.fault
    assert verdict.summary.seal_reason == "time-up"
    assert verdict.summary.events == len(result.events)


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_ideal_breaches_no_sla(runs: dict[tuple[str, str], RunResult], folder: Path) -> None:
    result = runs[(folder.name, "ideal")]
    assert result.breached_tickets == []
    assert result.refused == 0 and result.notes == []


@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_ideal_leaves_evidence_for_every_competency(
    runs: dict[tuple[str, str], RunResult], scenarios: dict[str, Scenario], folder: Path
) -> None:
    scenario = scenarios[folder.name]
    named = {c for incident in scenario.incidents for c in incident.competencies}
    assert [c for c in missing(runs[(folder.name, "ideal")], scenario) if c in named] == []


@pytest.mark.parametrize("policy", ["naive", "idle"])
@pytest.mark.parametrize("folder", by_scenario(BUNDLED))
def test_naive_and_idle_breach_some(
    runs: dict[tuple[str, str], RunResult],
    scenarios: dict[str, Scenario],
    folder: Path,
    policy: str,
) -> None:
    """Exams and practice scenarios; a drill trains one group of competencies, and one
    made of conversations has no deadline a slow candidate misses (tests/commands/
    test_drill_scenarios.py checks what tells its candidates apart)."""
    if scenarios[folder.name].kind == "drill":
        return
    assert runs[(folder.name, policy)].breached_tickets


def test_every_policy_plays_every_exam_and_a_drill() -> None:
    """What the drills' share keeps: each policy on each scenario that is not a drill, the
    three plain ones on every drill, and every other policy on at least one drill."""
    pairs = set(played((f.name for f in BUNDLED), POLICIES))
    drills = {f.name for f in BUNDLED if 'kind = "drill"' in (f / "scenario.toml").read_text()}
    assert drills and len(drills) < len(BUNDLED)
    for folder in BUNDLED:
        if folder.name not in drills:
            assert {p for s, p in pairs if s == folder.name} == set(POLICIES), folder.name
    on_drills = {p for s, p in pairs if s in drills}
    assert on_drills == set(POLICIES)
    for drill in drills:
        assert {"ideal", "naive", "idle"} <= {p for s, p in pairs if s == drill}, drill
