"""Benchmark: what rules 2.11's "closed unsolved" DATA-4 check changes, policy by policy.

    python benchmarks/bench_closed_unsolved.py [--policy NAME ...] [--scenario ID ...]

Runs `simulate` in memory once per scenario and policy (as bench_evidence.py does) and
assesses the same log twice: with the check (`integrity.closed_unsolved`) and with it
switched off (rules 2.9's DATA-4). Prints per run the favourable count both ways, DATA-4's
status both ways, how many DATA-4 items the check turned against and which tickets, and any
other competency whose status moved (there should be none: the check is DATA-4's alone).
"""

from __future__ import annotations

import argparse
import sys
import time
from unittest import mock

from bench_evidence import assess_run, bundled, favourable

from helpdesk_tui import paths
from helpdesk_tui.assess import integrity
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import run_headless


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--scenario", action="append")
    args = parser.parse_args(argv)
    policies = args.policy or list(POLICIES)
    print(f"{'scenario':<28} {'policy':<9} {'2.9':>5} {'2.11':>5} {'DATA-4 2.9 -> 2.11':<28} "
          f"{'turned':>6} {'s':>5}")  # fmt: skip
    for name in args.scenario or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in policies:
            began = time.perf_counter()
            result = run_headless(scenario, policy)
            new = assess_run(result, scenario)
            with mock.patch.object(integrity, "closed_unsolved", lambda ctx, ticket_id: False):
                old = assess_run(result, scenario)
            took = time.perf_counter() - began
            before, after = old.statuses(), new.statuses()
            turned = [
                i.subject
                for i in new.items["DATA-4"]
                if i.favourable is False and _unsolved(i.summary)
            ]
            moved = [c for c in after if c != "DATA-4" and after[c] != before[c]]
            print(
                f"{name:<28} {policy:<9} {len(favourable(old)):>5} {len(favourable(new)):>5} "
                f"{before['DATA-4'].value + ' -> ' + after['DATA-4'].value:<28} "
                f"{len(turned):>6} {took:>5.1f}"
                + (f"  tickets {', '.join(t or '-' for t in turned)}" if turned else "")
                + (f"  OTHER MOVED {moved}" if moved else "")
            )
    return 0


def _unsolved(summary: str) -> bool:
    """The check's reason (texts_integrity's `data4.why_unsolved`), in any of the languages."""
    marks = ("no solution reached", "geen oplossing bereikt", "aucune solution n'avait")
    return any(m in summary for m in marks)


if __name__ == "__main__":
    sys.exit(main())
