"""Benchmark: the share of contacts that took up their case (rules 2.10's engagement).

    python benchmarks/bench_engaged.py [--policy NAME ...] [--scenario ID ...] [--cases]

Runs `simulate` in memory for each bundled scenario and policy, assesses the log with the
pipeline `report` uses, and prints per run the contacts (cases of the answer key the
candidate wrote or spoke to, or handed on), how many engaged with their case
(`substance.engagement`: answer, transfer, question), that share, and how many contacts carry
a `+` of the rote four (SIM-2, SIM-3, COM-3, COM-5) before rules 2.17's share and how many of
those took up their case, and the same share over chats and calls only (not shipped: printed
to compare, e-mail tickets left out). The share the
rote four need (`substance.ENGAGED_SHARE`) is chosen between the competent banks' and the
cheaters' figures printed here (benchmarks/README.md, "The rote four by a share of contacts
(branch evid26)"). With `--cases`, how each engaged contact engaged.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.assess import evidence as evidence_module
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.substance import ROTE, case_of, engaged_contacts, engagement
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import run_headless

sys.path.insert(0, str(Path(__file__).parent))
from bench_evidence import assess_run, bundled  # noqa: E402

Rote = Callable[[Context, dict[str, list[EvidenceItem]]], None]


def watching(seen: list[str], show_cases: bool, rote: Rote) -> Rote:
    """`rote_items` that first notes the run's contacts and the rote `+` on them."""

    def watched(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
        engaged, contacts = engaged_contacts(ctx)
        plus = set()
        for cid in ROTE:
            for item in items.get(cid, []):
                case = case_of(ctx, item) if item.favourable is True else None
                if case is not None and case.incident is not None:
                    plus.add(case.id)
        on_engaged = sum(1 for c in ctx.cases if c.id in plus and engagement(ctx, c))
        share = engaged / contacts if contacts else 0.0
        talks = [c for c in ctx.cases if c.incident is not None and c.conversations and c.said()]
        took = sum(1 for c in talks if engagement(ctx, c))
        talk_share = f"{took / len(talks):.2f}" if talks else "-"
        seen.append(
            f"{engaged:>7} {contacts:>8} {share:>6.2f} {len(plus):>6} {on_engaged:>9} "
            f"{took:>3}/{len(talks):<3} {talk_share:>5}"
        )
        if show_cases:
            for case in ctx.cases:
                how = engagement(ctx, case) if case.incident is not None else None
                if how is not None:
                    seen.append(f"      {case.id:<28} {how.how:<9} seq {how.seq} {how.fact}")
        rote(ctx, items)

    return watched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="append", choices=list(POLICIES))
    parser.add_argument("--scenario", action="append")
    parser.add_argument("--cases", action="store_true")
    args = parser.parse_args(argv)
    seen: list[str] = []
    evidence_module.rote_items = watching(seen, args.cases, evidence_module.rote_items)
    print(
        f"{'scenario':<28} {'policy':<9} {'engaged':>7} {'contacts':>8} {'share':>6} "
        f"{'rote+':>6} {'+engaged':>9} {'chats+calls':>13}"
    )
    for name in args.scenario or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in args.policy or list(POLICIES):
            seen.clear()
            assess_run(run_headless(scenario, policy), scenario)
            head, *rest = seen or ["      -        -      -      -         -"]
            print(f"{name:<28} {policy:<9} {head}")
            for line in rest:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
