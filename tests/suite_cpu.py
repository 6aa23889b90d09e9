"""What a run recorded with HELPDESK_SUITE_CPU costs, test by test (docs/known-issues.md).

    HELPDESK_SUITE_CPU=/tmp/cpu python -m pytest      # each worker writes /tmp/cpu/gwN.tsv
    python tests/suite_cpu.py /tmp/cpu [--top 30]

Prints the CPU by file (the worker's own and its waited-for children's, e.g. an exam
in a pseudo-terminal), the sleep the pilot's idle waits asked for (time a quiet
machine spends doing nothing), the sums, and the critical path on two workers: the
tests as xdist's `loadgroup` hands them out (a group's tests, `...@group`, go to one
worker, the largest groups first, then the rest in `suite_speed.SLOW_FIRST`'s order)
on a quiet machine,
each costing its CPU plus its asked-for sleep. Real runs add the collection (some
11 s of CPU per worker), pty tests' real-time waits and the machine's other load.
"""

from __future__ import annotations

import argparse
import heapq
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from suite_speed import slow_first_cost


class Row(NamedTuple):
    nodeid: str
    cpu: float
    children: float
    wall: float
    slept: float

    @property
    def quiet(self) -> float:
        """Its time on a quiet machine: CPU (own and children's) and asked-for sleep."""
        return self.cpu + self.children + self.slept


def read(folder: Path) -> list[Row]:
    rows = []
    for path in sorted(folder.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            slept = float(f[7]) if len(f) > 7 else 0.0
            rows.append(Row(f[0], float(f[1]), float(f[2]), float(f[3]), slept))
    return rows


def critical_path(rows: list[Row], workers: int = 2) -> tuple[float, list[float]]:
    """The longest worker's time when the units go, in loadgroup's order, to whichever
    worker is free first."""
    units: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        group = row.nodeid.rpartition("@")[2] if "@" in row.nodeid else row.nodeid
        units[group].append(row)
    # xdist's order: the largest groups first, then conftest's slow-first order
    # (`suite_speed.SLOW_FIRST`), then the node ids (about the collection order).
    order = sorted(
        units.values(), key=lambda u: (-len(u), -slow_first_cost(u[0].nodeid), u[0].nodeid)
    )
    free = [(0.0, w) for w in range(workers)]
    loads = [0.0] * workers
    for unit in order:
        at, worker = heapq.heappop(free)
        loads[worker] = at + sum(r.quiet for r in unit)
        heapq.heappush(free, (loads[worker], worker))
    return max(loads), loads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=25, help="files shown (default 25)")
    args = parser.parse_args()
    rows = read(args.folder)
    by_file: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_file[row.nodeid.split("::")[0]].append(row)
    print(f"{'cpu s':>8} {'child s':>8} {'sleep s':>8} {'tests':>6}  file")
    ranked = sorted(by_file.items(), key=lambda kv: -sum(r.quiet for r in kv[1]))
    for name, file_rows in ranked[: args.top]:
        cpu, kids = sum(r.cpu for r in file_rows), sum(r.children for r in file_rows)
        slept = sum(r.slept for r in file_rows)
        print(f"{cpu:8.1f} {kids:8.1f} {slept:8.1f} {len(file_rows):6d}  {name}")
    cpu, kids = sum(r.cpu for r in rows), sum(r.children for r in rows)
    slept = sum(r.slept for r in rows)
    print(f"{cpu:8.1f} {kids:8.1f} {slept:8.1f} {len(rows):6d}  all ({len(by_file)} files)")
    longest, loads = critical_path(rows)
    shown = ", ".join(f"{load:.0f}" for load in loads)
    print(f"two workers on a quiet machine: {longest:.0f} s on the longer ({shown} s)")


if __name__ == "__main__":
    main()
