"""Benchmark: the same logs assessed again under a candidate rule (what a rule alone changes).

    python benchmarks/bench_reassess.py play --scenario S [--policy P ...] --dir DIR
    python benchmarks/bench_reassess.py assess --scenario S [--policy P ...] --dir DIR [--detail]

`play` runs each (scenario, policy) once on the virtual clock and pickles its events to DIR;
`assess` reads them back and prints the favourable competencies (of 22) with the rules now in
the tree. The play does not read the evidence rules, so one play serves every rule measured:
the counts differ only by the rule (benchmarks/README.md, "The cheaters under the cap").
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from bench_evidence import bundled, favourable, print_detail

from helpdesk_tui import paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import run_headless


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("play", "assess"))
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--scenario", action="append")
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    policies = args.policy or [p for p in POLICIES if p != "idle"]
    for name in args.scenario or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in policies:
            path = args.dir / f"{name}.{policy}.pickle"
            began = time.perf_counter()
            if args.mode == "play":
                events = run_headless(scenario, policy).events
                path.write_bytes(pickle.dumps(events))
                print(f"{name:<28} {policy:<9} played {time.perf_counter() - began:6.1f} s")
                continue
            events = pickle.loads(path.read_bytes())
            evidence = gather_evidence(enumerate(events, start=1), scenario)
            good = favourable(evidence)
            print(f"{name:<28} {policy:<9} {len(good):>2} {' '.join(sorted(good))}")
            if args.detail:
                print_detail(evidence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
