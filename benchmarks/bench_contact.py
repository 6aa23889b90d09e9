"""Benchmark: how much of a contact is one article's steps (rules 2.19; 2.20: any order).

    python benchmarks/bench_contact.py [--policy NAME ...] [--scenario ID ...] [--cases]

Runs `simulate` in memory for each bundled scenario and policy, assesses the log with the
pipeline `report` uses, and prints per run the contacts (cases of the answer key the
candidate wrote or spoke to), and for the contacts whose text holds two steps or more of one
article (2.20: in any order) over two messages or more (`integrity.contact_reading`) the share of the
contact's text those steps are: how many reach 0.3, 0.4, 0.5 and 0.6 and the highest; for the
other contacts with an article's step (one step, or steps in one message: 2.15's reading) how
many and the highest share; the contacts taken up (2.10's engagement, 2.19 applied) and the
competencies favourable (of 22, as bench_evidence.py prints them). The share
(`CONTACT_ARTICLE_SHARE`) is chosen between the competent banks' and the cheaters' figures
printed here (benchmarks/README.md, "A contact read against its article (branch evid28)").
With `--cases`, every such contact: its case, article, steps, messages, words and share.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from helpdesk_tui.assess import evidence as evidence_module
from helpdesk_tui.assess.context import Context
from helpdesk_tui.assess.integrity import contact_reading
from helpdesk_tui.assess.model import EvidenceItem
from helpdesk_tui.assess.substance import engaged_contacts, engagement

sys.path.insert(0, str(Path(__file__).parent))
from bench_evidence import each_run, favourable, run_arguments  # noqa: E402

Rote = Callable[[Context, dict[str, list[EvidenceItem]]], None]
LEVELS = (0.3, 0.4, 0.5, 0.6)


def watching(seen: list[str], show_cases: bool, rote: Rote) -> Rote:
    """`rote_items` that first notes every contact's reading against its article."""

    def watched(ctx: Context, items: dict[str, list[EvidenceItem]]) -> None:
        shares, single = [], []
        for case in ctx.cases:
            if case.incident is None or not case.said():
                continue
            reading = contact_reading(ctx, case)
            if reading is None:
                continue
            if len(reading.steps) < 2 or reading.messages < 2:
                single.append(reading.share)
                continue
            shares.append(reading.share)
            if show_cases:
                took = engagement(ctx, case)
                seen.append(
                    f"      {case.id:<30} {reading.article:<28} {len(reading.steps):>2} steps "
                    f"{reading.messages:>2} msgs {reading.words:>3}/{reading.of:<4} "
                    f"{reading.share:.2f} {took.how if took else '-'}"
                )
        engaged, contacts = engaged_contacts(ctx)
        counts = " ".join(f"{sum(1 for s in shares if s >= level):>4}" for level in LEVELS)
        top = f"{max(shares):.2f}" if shares else "-"
        one = f"{max(single):.2f}" if single else "-"
        share = f"{engaged / contacts:.2f}" if contacts else "-"
        seen.insert(
            0,
            f"{contacts:>8} {len(shares):>6} {counts} {top:>5} {len(single):>4} {one:>5} "
            f"{engaged:>4}/{contacts:<4} {share:>5}",
        )
        rote(ctx, items)

    return watched


def main(argv: list[str] | None = None) -> int:
    args = run_arguments(__doc__, argv)
    seen: list[str] = []
    evidence_module.rote_items = watching(seen, args.cases, evidence_module.rote_items)
    levels = " ".join(f">={level:.1f}" for level in LEVELS)
    print(
        f"{'scenario':<28} {'policy':<9} {'contacts':>8} {'read':>6} {levels} {'max':>5} "
        f"{'one':>4} {'max1':>5} {'engaged':>9} {'share':>5}  favourable"
    )
    for name, policy, evidence in each_run(args.scenario, args.policy):
        head, *rest = seen or ["-"]
        won = favourable(evidence)
        print(f"{name:<28} {policy:<9} {head}  {len(won)} {','.join(won)}", *rest, sep="\n")
        seen.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
