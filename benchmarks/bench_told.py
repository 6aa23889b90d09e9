"""Benchmark: rules 2.23's telling frames, and what each scripted candidate earns with them.

    python benchmarks/bench_told.py [--policy NAME ...] [--scenario ID ...] [--detail]

One simulation per scenario and policy, assessed as `report` does: the line and `--detail` of
`bench_evidence.py` (so the lead's verdict tables read it), then a line `told:` with the share of
contacts that took up their case (2.10, 2.17), the same share with 2.23's reading of telling
frames switched off (`substance.told_by_rote`), how many sentences that reading read away on how
many contacts, and on how many contacts it took the engagement away. What 2.23's thresholds
were chosen on (benchmarks/README.md, "A formulaic cheater with a good search (branch
evid37)").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.assess import evidence as evidence_module
from helpdesk_tui.assess import substance
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import run_headless

sys.path.insert(0, str(Path(__file__).parent))
from bench_evidence import assess_run, bundled, print_run, run_arguments  # noqa: E402

READ_AWAY: dict[str, int] = {}
"""Per case id, how many sentences 2.23 read away in this run."""
SEEN: list[str] = []


SHARES: dict[tuple[str, str], float] = {}
"""Per (case id, sentence) asked about, its frame's share told to other customers."""
LINES = (0.5, 0.6, 0.7, 0.8, 0.9)
"""The shares whose reach is printed: how many sentences and contacts each would read away."""


def _counting(case: object, sentence: str, ctx: Context) -> bool:
    share = substance.told_share(ctx, case, sentence)  # type: ignore[arg-type]
    SHARES[(case.id, sentence)] = share  # type: ignore[attr-defined]
    found = share >= substance.TOLD_SHARE
    if found:
        READ_AWAY[case.id] = READ_AWAY.get(case.id, 0) + 1  # type: ignore[attr-defined]
    return found


def _reach() -> str:
    """At each of `LINES`: sentences read away / contacts they were on."""
    parts = []
    for line in LINES:
        hit = [c for (c, _), share in SHARES.items() if share >= line]
        parts.append(f"{line}:{len(hit)}/{len(set(hit))}")

    return " ".join(parts)


def _watch(rote=evidence_module.rote_items):
    def watched(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
        engaged, contacts = substance.engaged_contacts(ctx)
        lost = 0
        real = substance.told_by_rote
        substance.told_by_rote = lambda *_: False
        try:
            for case in ctx.cases:
                if case.id in READ_AWAY and substance.engagement(ctx, case) is None:
                    lost += substance._engagement(ctx, case) is not None
        finally:
            substance.told_by_rote = real
        off = engaged + lost
        share = engaged / contacts if contacts else 0.0
        share_off = off / contacts if contacts else 0.0
        SEEN.append(
            f"  told: engaged {engaged}/{contacts} {share:.2f} (without 2.23 {off}/{contacts} "
            f"{share_off:.2f}); read away {sum(READ_AWAY.values())} sentences on "
            f"{len(READ_AWAY)} contacts; engagement lost on {lost}; at shares {_reach()}"
        )
        rote(ctx, items)

    return watched


def main(argv: list[str] | None = None) -> int:
    args = run_arguments(__doc__, argv, "--detail")
    substance.told_by_rote = lambda ctx, case, sentence: _counting(case, sentence, ctx)
    evidence_module.rote_items = _watch()
    print(f"{'scenario':<28} {'policy':<8} {'favourable':>10} {'breaches':>8} {'s':>5}")
    for name in args.scenario or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in args.policy or list(POLICIES):
            READ_AWAY.clear()
            SHARES.clear()
            SEEN.clear()
            began = time.perf_counter()
            result = run_headless(scenario, policy)
            evidence = assess_run(result, scenario)
            print_run(name, policy, result, evidence, time.perf_counter() - began, args.detail)
            for line in SEEN:
                print(line)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
