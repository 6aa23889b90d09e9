"""Benchmark: what each scripted candidate earns on every bundled scenario.

    python benchmarks/bench_evidence.py [--policy NAME ...] [--scenario ID ...] [--detail]
                                        [--margin ADD REMOVE] [--weights DIR]
                                        [--long-words N] [--long-margin M]

Runs `simulate` in memory for each bundled scenario and policy, assesses the
log with the same pipeline `report` uses, and prints a table: scenario x
policy -> competencies whose evidence is favourable (of 22), and SLA breaches.
With `--detail`, the status of every competency per run. The figures the
issue asks for (ideal and worded >= 21, gaming <= 4 and never favourable on
the twelve handling items, idle 0) are asserted by tests/simulate/test_figures.py;
this prints them for the README.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, EvidenceStatus
from helpdesk_tui.language import acts_model
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import RunResult, run_headless


def assess_run(result: RunResult, scenario: Scenario) -> Evidence:
    """The evidence of an in-memory run, as `report` would measure its log."""
    return gather_evidence(enumerate(result.events, start=1), scenario)


def favourable(evidence: Evidence) -> list[str]:
    return [c for c, s in evidence.statuses().items() if s is EvidenceStatus.FAVOURABLE]


def print_detail(evidence: Evidence) -> None:
    """The status of every competency, one a line (`--detail`)."""
    for cid, status in evidence.statuses().items():
        print(f"    {cid:<7} {status.value}")


def bundled() -> list[str]:
    root = paths.scenarios_dir()
    return sorted(p.name for p in root.iterdir() if (p / "scenario.toml").is_file())


def run_arguments(doc: str, argv: list[str] | None, flag: str = "--cases") -> argparse.Namespace:
    """`--policy`, `--scenario` (each repeatable) and one switch (`--cases`: a line per contact
    read, `bench_contact.py`; `--detail`, `bench_told.py`): what a benchmark that watches the
    pipeline is asked."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--scenario", action="append")
    parser.add_argument(flag, action="store_true")
    return parser.parse_args(argv)


def print_run(
    name: str, policy: str, result: RunResult, evidence: Evidence, took: float, detail: bool
) -> None:
    """The table's line of one run (and with `detail` every competency's status)."""
    print(
        f"{name:<28} {policy:<8} {len(favourable(evidence)):>6}/{len(COMPETENCY_IDS)} "
        f"{len(result.breached_tickets):>8} {took:>5.1f}"
    )
    if detail:
        print_detail(evidence)


def each_run(
    scenarios: list[str] | None, policies: list[str] | None
) -> Iterator[tuple[str, str, Evidence]]:
    """Every scenario (all bundled ones by default) x policy, simulated and assessed in memory:
    the loop of the benchmarks that watch the pipeline (`bench_contact.py`)."""
    for name in scenarios or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in policies or list(POLICIES):
            yield name, policy, assess_run(run_headless(scenario, policy), scenario)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--scenario", action="append")
    parser.add_argument("--detail", action="store_true")
    parser.add_argument(
        "--margin",
        nargs=2,
        type=float,
        metavar=("ADD", "REMOVE"),
        help="the act model's margins for this run (acts_model.MARGIN, REMOVE_MARGIN), to measure "
        "another gate than the shipped one",
    )
    parser.add_argument(
        "--weights",
        type=Path,
        metavar="DIR",
        help="read the act model's weights from DIR (train.py --write DIR), not the shipped ones",
    )
    parser.add_argument(
        "--long-words",
        type=int,
        metavar="N",
        help="messages over N words keep acts_model.LONG_MARGIN (a large N: none do)",
    )
    parser.add_argument("--long-margin", type=float, metavar="M", help="acts_model.LONG_MARGIN")
    args = parser.parse_args(argv)
    if args.weights:
        acts_model.WEIGHTS_DIR = args.weights
        print(f"act model weights from {args.weights}")
    if args.margin:
        acts_model.MARGIN, acts_model.REMOVE_MARGIN = args.margin
    if args.long_words is not None:
        acts_model.LONG_WORDS = args.long_words
    if args.long_margin is not None:
        acts_model.LONG_MARGIN = args.long_margin
    print(
        f"act model margins: add {acts_model.MARGIN}, remove {acts_model.REMOVE_MARGIN}; "
        f"{acts_model.LONG_MARGIN} over {acts_model.LONG_WORDS} words"
    )
    policies = args.policy or list(POLICIES)
    names = args.scenario or bundled()
    print(f"{'scenario':<28} {'policy':<8} {'favourable':>10} {'breaches':>8} {'s':>5}")
    for name in names:
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in policies:
            began = time.perf_counter()
            result = run_headless(scenario, policy)
            evidence = assess_run(result, scenario)
            print_run(name, policy, result, evidence, time.perf_counter() - began, args.detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
