"""Benchmark: the CPU a phrase-bank policy adds to the suite's bundled figures.

    python benchmarks/bench_bank_cost.py [--policy worded-f ...] [--repeats 3]

Plays the six bundled exam and practice scenarios (drills excluded, as in
tests/simulate/test_figures.py) with each policy as the suite does: `run_headless`
writing a signed log, then `verified_events` and `gather_evidence` on it. Prints
the CPU seconds (`time.process_time`, this process only, so other helpers' load
shows less than in wall time) of the six simulations and of their assessment,
per repeat. The first repeat pays the language layer's lazy loading, which the
suite pays once for every test. Budget for a new bank (branch e-worded6): about
6 s warm. See benchmarks/README.md, "A sixth blind bank (branch e-worded6)".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.pipeline import verified_events
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import run_headless


def figure_scenarios() -> list[str]:
    """The bundled scenarios the 22-competency figures apply to (not the drills)."""
    root = paths.scenarios_dir()
    return sorted(
        p.name
        for p in root.iterdir()
        if (p / "scenario.toml").is_file()
        and 'kind = "drill"' not in (p / "scenario.toml").read_text(encoding="utf-8")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    policies = args.policy or ["worded-f", "worded-e"]
    scenarios = {n: load_scenario(paths.scenarios_dir() / n) for n in figure_scenarios()}
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in range(args.repeats):
            for policy in policies:
                simulated = assessed = 0.0
                for name, scenario in scenarios.items():
                    began = time.process_time()
                    out = Path(tmp) / f"{repeat}-{policy}-{name}.jsonl"
                    run_headless(scenario, policy, out=out)
                    played = time.process_time()
                    gather_evidence(verified_events(out.read_bytes())[1], scenario)
                    simulated += played - began
                    assessed += time.process_time() - played
                print(
                    f"repeat {repeat} {policy:<9} {len(scenarios)} runs: simulate "
                    f"{simulated:5.2f} s CPU, assess {assessed:5.2f} s CPU, "
                    f"total {simulated + assessed:5.2f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
