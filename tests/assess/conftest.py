"""Evidence from scripted exams (fast, exact) and from simulated ones (realistic)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import LazyMap

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence
from helpdesk_tui.assess.pipeline import AssessedLog, assess_log
from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import RunResult

from .kit import ideal_steps, idle_steps, load_test_scenario, play


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return load_test_scenario()


@pytest.fixture(scope="session")
def ideal_events(scenario: Scenario) -> list[tuple[int, Event]]:
    return play(scenario, ideal_steps(), end_at=900)


@pytest.fixture(scope="session")
def idle_events(scenario: Scenario) -> list[tuple[int, Event]]:
    return play(scenario, idle_steps(), end_at=900)


@pytest.fixture(scope="session")
def ideal(scenario: Scenario, ideal_events: list[tuple[int, Event]]) -> Evidence:
    return gather_evidence(ideal_events, scenario)


@pytest.fixture(scope="session")
def idle(scenario: Scenario, idle_events: list[tuple[int, Event]]) -> Evidence:
    return gather_evidence(idle_events, scenario)


@pytest.fixture(scope="session")
def sim_logs(bundled_runs: LazyMap[tuple[str, str], RunResult]) -> LazyMap[tuple[str, str], Path]:
    """Logs `helpdesk-exam simulate` would write ((scenario, policy) -> path): the runs of
    `bundled_runs` (the same `run_headless` call `assess.testing.simulated_log` makes),
    so a scenario test_simulated and tests/simulate both judge is played once."""

    def log(key: tuple[str, str]) -> Path:
        path = bundled_runs[key].log_path
        assert path is not None
        return path

    return LazyMap(log)


@pytest.fixture(scope="session")
def assessed_logs(
    sim_logs: LazyMap[tuple[str, str], Path],
) -> LazyMap[tuple[str, str], AssessedLog]:
    """(scenario, policy) -> `assess_log(log, None)` of that simulated log, as `report` reads
    it, made once per worker when a test first asks (the tests only read it). A test that
    assesses with other arguments (a language, a key) calls `assess_log` itself."""
    return LazyMap(lambda key: assess_log(sim_logs[key], None))
