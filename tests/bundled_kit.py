"""Every bundled scenario played once by every policy, shared by the tests that judge those runs.

Playing them is the suite's most expensive setup (some 70 runs, three of them
150-minute exams under seven policies); tests/simulate/test_bundled.py checks the
logs, tests/simulate/test_figures.py and tests/assess/test_simulated.py the
evidence of the same runs (fixtures `bundled_scenarios` and `bundled_runs` in
tests/conftest.py). A run is made when a test first asks for it (`LazyMap`), and the tests of one scenario carry that scenario's
xdist group (`by_scenario`): under pytest-xdist the scenarios spread over the
workers, and each scenario's runs are still made once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import pytest

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.policies import POLICIES

BUNDLED = sorted(p for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file())
DRILLS = [p.name for p in BUNDLED if 'kind = "drill"' in (p / "scenario.toml").read_text()]
"""Drills train one group of competencies in 12-15 minutes; the 22-competency figures
(tests/simulate/test_figures.py) are not held on them."""
ON_EVERY_DRILL = ("ideal", "naive", "idle")


@cache
def bundled_scenario(folder: Path) -> Scenario:
    """A bundled scenario, loaded once per process (some 40 ms each): the parameters of
    several test modules read them at collection, in every xdist worker, and the
    `bundled_scenarios` fixture hands out the same ones."""
    return load_scenario(folder)


K = TypeVar("K")
V = TypeVar("V")


class LazyMap(dict[K, V], Generic[K, V]):
    """A dict that makes a missing value on first look-up and keeps it.

    A session fixture returning one of these costs nothing until a test asks
    for a key, so a worker makes only the runs its own tests judge."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self._make(key)
        return value


def scenario_group(name: str) -> pytest.MarkDecorator:
    """The xdist group of the tests that judge one bundled scenario's runs."""
    return pytest.mark.xdist_group(f"bundled-{name}")


def on_scenario_runs(keys: Iterable[tuple[str, str]]) -> list[Any]:
    """Parameters for `parametrize(("scenario_id", "policy"), ...)` of a test that reads
    `bundled_runs`: each in its scenario's xdist group, so the run is the one the
    scenario's other tests made on that worker, not played again on the other
    (a 150-minute exam's run is 1-3 s of CPU)."""
    return [pytest.param(name, policy, marks=scenario_group(name)) for name, policy in keys]


def by_scenario(folders: Iterable[Path]) -> list[Any]:
    """Parameters for `parametrize("folder", ...)`: each folder in its scenario's xdist group."""
    return [pytest.param(f, id=f.name, marks=scenario_group(f.name)) for f in folders]


def plays_on(name: str) -> tuple[str, ...]:
    """The policies the suite plays on a bundled scenario: every one on an exam or a practice
    scenario; on a drill the ideal, the naive and the idle, and a share of the others in turn
    (each phrase bank and each cheater on one drill), so each policy still finishes and signs
    a drill's log while the drills, held to no figure under banks and cheaters, cost a quarter
    of what all policies on all four cost (benchmarks/README.md, "The suite's time (branch
    suite-time14)")."""
    if name not in DRILLS:
        return tuple(POLICIES)
    others = [p for p in POLICIES if p not in ON_EVERY_DRILL]
    return ON_EVERY_DRILL + tuple(others[DRILLS.index(name) :: len(DRILLS)])


def played(names: Iterable[str], policies: Iterable[str]) -> list[tuple[str, str]]:
    """The (scenario, policy) pairs of `names` x `policies` the suite plays (`plays_on`)."""
    wanted = tuple(policies)
    return [(n, p) for n in names for p in wanted if p in plays_on(n)]
