"""Every bundled scenario played once by every policy, shared by the modules that judge those runs.

Playing them is the suite's most expensive setup (some 60 exams); `test_bundled`
checks the logs and `test_figures` the evidence of the same runs. Under
pytest-xdist both modules are kept on one worker (`xdist_group`) so the runs are
made once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import RunResult, run_headless

BUNDLED = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())
BUNDLED_RUNS = "bundled-runs"
"""The xdist group of the modules that use `bundled_runs`."""


@pytest.fixture(scope="session")
def bundled_scenarios() -> dict[str, Scenario]:
    return {folder.name: load_scenario(folder) for folder in BUNDLED}


@pytest.fixture(scope="session")
def bundled_runs(
    bundled_scenarios: dict[str, Scenario], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], RunResult]:
    """(scenario folder name, policy) -> the signed, sealed run (its log on disk)."""
    logs: Path = tmp_path_factory.mktemp("bundled-logs")
    return {
        (name, policy): run_headless(scenario, policy, out=logs / f"{name}-{policy}.jsonl")
        for name, scenario in bundled_scenarios.items()
        for policy in POLICIES
    }
