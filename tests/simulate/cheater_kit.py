"""What every blind cheater's own tests check the same way, for one policy class at a time.

A cheater's module (tests/simulate/test_gaming_<name>.py) names its drill, its policy class and
its peeker; these helpers play them: the same actions under another answer key, and a fresh run
equal to the suite's signed one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_kit import DRILLS, plays_on

from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policy import Policy
from helpdesk_tui.simulate.runner import RunResult, run_headless
from simulate.test_gaming_mimic import another_key, assert_plays_blind, commands
from simulate.test_gaming_tailor import Blind as TailorBlind


class Blind(TailorBlind):
    """The scenario as a cheater may see it (tailor's screen): the answer key, the glossary,
    canned replies, macros and procedures raise when touched."""


def played_blind(make: type[Policy], folder: Path) -> RunResult:
    """A whole scenario played by a cheater handed the scenario behind `Blind`."""
    scenario = load_scenario(folder)
    return run_headless(scenario, make(Blind(scenario)))  # type: ignore[arg-type]


def other_drill(policy: str, but: Path) -> list[str]:
    """A drill the suite does not play `policy` on, and not `but` (the key tests' drill)."""
    return [n for n in DRILLS if policy not in plays_on(n) and n != but.name][:1]


def under_both_keys(make: type[Policy], folder: Path) -> tuple[list[object], list[object]]:
    """The commands of a policy handed the real scenario, and of one handed another answer key
    (the customers play the real scenario in both)."""
    scenario = load_scenario(folder)
    real = commands(run_headless(scenario, make(scenario)))
    return real, commands(run_headless(scenario, make(another_key(scenario))))


def fresh_run(make: type[Policy], folder: Path) -> list[object]:
    """The commands of a fresh run, to compare with the suite's signed one (`RunResult`)."""
    scenario = load_scenario(folder)
    return commands(run_headless(scenario, make(scenario)))


def suite_commands(runs: dict[tuple[str, str], RunResult], name: str, policy: str) -> list[object]:
    return commands(runs[(name, policy)])


FORBIDDEN = ("incidents", "glossary", "canned", "macros", "procedures", "procedure_for")
"""What `Blind` raises on: the answer key and everything else a candidate's screen hides."""


def blind_job_types(make: type[Policy], folder: Path) -> set[str]:
    """The event types of a whole blind run, after checking that the guard can fail (each
    forbidden name raises) and that the run was played without a refusal."""
    for name in FORBIDDEN:
        with pytest.raises(AssertionError):
            getattr(Blind(load_scenario(folder)), name)  # the guard the runs go through
    result = played_blind(make, folder)
    assert_plays_blind(result)
    return {e.type for e in result.events}
