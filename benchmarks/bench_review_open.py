"""Benchmark: what `review` reads and costs before its screen opens, on the 100,000-record
log, interleaved with another tree's interpreter (the machine is shared).

    python benchmarks/bench_review_open.py [--repeat 3] [--other-python /work/main/.venv/bin/python]

The log and scenario are bench_report.py's (`build_log`). Each run is `open_review` (verify,
measure, replay, bind a sheet: everything before the screen) in a fresh process started
in the log's folder, so that each interpreter imports its own tree. It prints the bytes the
process read from files while opening (`rchar` of /proc/self/io, before and after: the log
is about 21 MB, so a second read shows as twice that), the wall and CPU time and the peak
RSS. bugs11: `review` read the log twice (`_same_bytes` after the assessment); now once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_report import build_log  # noqa: E402
from bench_report_rss import interleaved_arguments  # noqa: E402

CHILD = """
import resource, sys, time
from pathlib import Path
def rchar():
    for line in open("/proc/self/io"):
        if line.startswith("rchar:"):
            return int(line.split()[1])
from helpdesk_tui.ui.review.session import open_review
log, folder, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
before, wall, cpu = rchar(), time.perf_counter(), time.process_time()
open_review(log, "Bench", scenario_dir=folder, out=out)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
read = rchar() - before
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{read} {wall:.2f} {cpu:.2f} {rss:.0f}")
"""


def run_open(python: str, log: Path, folder: Path) -> str:
    out = log.with_name("bench.verdicts.json")
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [python, "-c", CHILD, str(log), str(folder), str(out)],
        capture_output=True, text=True, check=False, cwd=log.parent,
    )  # fmt: skip
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1:]}"
    read, wall, cpu, rss = done.stdout.split()
    return (
        f"read {int(read) / 1e6:6.1f} MB  wall {float(wall):5.2f} s  CPU {float(cpu):5.2f} s  "
        f"peak RSS {float(rss):5.0f} MB"
    )


def main() -> None:
    args, trees = interleaved_arguments(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        log, folder = build_log(Path(tmp), args.records)
        print(f"log: {log.stat().st_size / 1e6:.1f} MB, {args.records} records")
        for run in range(1, args.repeat + 1):
            for name, python in trees:
                said = run_open(python, log, folder)
                print(f"  run {run} {name:<10} {said}  (load {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
