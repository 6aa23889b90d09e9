"""Evidence from scripted exams (fast, exact) and from simulated ones (realistic)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence
from helpdesk_tui.core.events import Event
from helpdesk_tui.scenario.model import Scenario

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
def sim_logs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Logs `helpdesk-exam simulate` would write: the bundled scenarios of test_simulated, ideal and idle."""
    from helpdesk_tui.assess.testing import bundled_scenario, simulated_log

    folder = tmp_path_factory.mktemp("sim")
    logs = {}
    for scenario_id in (
        "en-northwind-monday",
        "nl-verhaeghe-dinsdag",
        "nl-lindeveld-examen",
        "en-calder-valley-exam",
    ):
        scenario = bundled_scenario(scenario_id)
        for policy in ("ideal", "idle"):
            path = folder / f"{scenario_id}-{policy}.jsonl"
            logs[(scenario_id, policy)] = simulated_log(path, policy, scenario)
    return logs
