"""Benchmark: what rules 2.26 moves (an answer that did not reach the customer).

    python benchmarks/bench_reach.py [--policy NAME ...] [--scenario ID ...] [--detail]

Runs `simulate` in memory for each bundled scenario and policy once, and assesses the log
twice with the pipeline `report` uses: without 2.26 (`reach.ON` off: the rules before it) and
with it. Prints per run the favourable count before -> after, how many answers were only an
article's title named (`titled`) or words the customer said at once they did not follow
(`not_followed`), the items whose sign moved (competency: before -> after) and the competencies
whose status moved. With `--detail`, every competency's status after, as `bench_evidence.py
--detail` prints it (for comparing with a run of main).
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpdesk_tui.assess import reach
from helpdesk_tui.assess.model import Evidence, EvidenceItem
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.simulate.policies import POLICIES
from helpdesk_tui.simulate.runner import run_headless

sys.path.insert(0, str(Path(__file__).parent))
from bench_evidence import (  # noqa: E402
    assess_run,
    bundled,
    favourable,
    load_scenario,
    paths,
    print_detail,
    run_arguments,
)

SIGN = {True: "+", False: "-", None: "?"}


def _judged(items: dict[str, list[EvidenceItem]], why: str) -> int:
    """SOL-7 items whose not-credited hits name `why` (each answer once)."""
    return sum(
        1
        for item in items.get("SOL-7", [])
        for hit in (item.figures or {}).get("not_credited", [])
        if hit.get("why") == why
    )


def moved(before: Evidence, after: Evidence) -> list[str]:
    """Items whose sign changed (read in order per competency and kind), then competencies
    whose status changed."""
    found = []
    for cid in COMPETENCY_IDS:
        old, new = before.items.get(cid, []), after.items.get(cid, [])
        for a, b in zip(old, new, strict=False):
            if a.favourable is not b.favourable:
                found.append(f"{cid} {a.kind} {SIGN[a.favourable]}->{SIGN[b.favourable]}")
        if len(old) != len(new):
            found.append(f"{cid} items {len(old)}->{len(new)}")
    was, now = before.statuses(), after.statuses()
    return [f"item   {line}" for line in found] + [
        f"status {cid} {was[cid].value} -> {now[cid].value}"
        for cid in COMPETENCY_IDS
        if was[cid] is not now[cid]
    ]


def main(argv: list[str] | None = None) -> int:
    args = run_arguments(__doc__, argv, "--detail")
    print(f"{'scenario':<28} {'policy':<9} {'before':>6} {'after':>5} {'titled':>6} {'lost':>4}")
    for name in args.scenario or bundled():
        scenario = load_scenario(paths.scenarios_dir() / name)
        for policy in args.policy or list(POLICIES):
            result = run_headless(scenario, policy)
            reach.ON = False
            before = assess_run(result, scenario)
            reach.ON = True
            after = assess_run(result, scenario)
            print(
                f"{name:<28} {policy:<9} {len(favourable(before)):>6} {len(favourable(after)):>5} "
                f"{_judged(after.items, reach.TITLED):>6} {_judged(after.items, reach.NOT_FOLLOWED):>4}",
                flush=True,
            )
            print("".join(f"      {line}\n" for line in moved(before, after)), end="")
            if args.detail:
                print_detail(after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
