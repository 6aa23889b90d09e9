"""Benchmark: the share of conversations that show the customer was heard (rules 2.25).

    python benchmarks/bench_heard.py [--policy NAME ...] [--scenario ID ...] [--cases]

Runs `simulate` in memory for each bundled scenario and policy, assesses the log with the
pipeline `report` uses, and prints per run the conversations the candidate wrote in whose case
the answer key knows, how many show that the customer was heard (`proof.heard`: a fact they
told used afterwards in the candidate's own sentences), and that share. SIM-2's and COM-3's `+`
need it on their contact (`proof.BY_ABSENCE`). With `--cases`, the conversations that do not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from helpdesk_tui.assess import evidence as evidence_module
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.proof import heard

sys.path.insert(0, str(Path(__file__).parent))
from bench_evidence import each_run, run_arguments  # noqa: E402

Absence = Callable[[Context, dict[str, list[EvidenceItem]]], None]


def watching(seen: list[str], show_cases: bool, absence: Absence) -> Absence:
    """`absence_items` that first notes the run's conversations and which showed hearing."""

    def watched(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
        talks = [c for c in ctx.cases if c.incident is not None and c.conversations and c.said()]
        unheard = [c.id for c in talks if heard(ctx, c) is None]
        share = (len(talks) - len(unheard)) / len(talks) if talks else 0.0
        seen.append(f"{len(talks) - len(unheard):>5}/{len(talks):<5} {share:>5.2f}")
        if show_cases:
            seen.extend(f"      not heard: {case}" for case in unheard)
        absence(ctx, items)

    return watched


def main(argv: list[str] | None = None) -> int:
    args = run_arguments(__doc__, argv)
    seen: list[str] = []
    evidence_module.absence_items = watching(seen, args.cases, evidence_module.absence_items)
    print(f"{'scenario':<28} {'policy':<9} {'heard':>11} {'share':>5}", flush=True)
    for name, policy, _ in each_run(args.scenario, args.policy):
        head, *rest = seen or ["    -/-     -"]
        print(f"{name:<28} {policy:<9} {head}", flush=True)
        for line in rest:
            print(line)
        seen.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
