"""What reading the noted scenario costs `report`: the same log, --scenario DIR against the note.

    python benchmarks/bench_noted_scenario.py LOG DIR [--runs 7]

LOG must have `LOG.scenario` beside it naming DIR (the folder the exam noted). Runs
`helpdesk-exam report LOG --quiet --json OUT` alternately with `--scenario DIR` and
without it (the note read, the folder hashed and checked against the header once), in
fresh processes, and `noted_scenario` alone in this process; prints each run's time
and the median and spread of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def in_process(log: Path, runs: int) -> list[float]:
    """`noted_scenario` alone (read the note, hash the folder, compare), in this process."""
    from helpdesk_tui.assess.pipeline import noted_scenario
    from helpdesk_tui.eventlog.reader import read_header

    header = read_header(log)
    assert header is not None
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        found = noted_scenario(log, header)
        out.append(time.perf_counter() - start)
        assert found is not None and found.matches
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("log", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.log.with_name(args.log.name + ".scenario").is_file():
        print(f"{args.log}.scenario is missing: write the folder's path into it first")
        return 2
    base = [sys.executable, "-m", "helpdesk_tui.cli", "report", str(args.log), "--quiet"]
    times: dict[str, list[float]] = {"--scenario": [], "noted": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = ["--json", str(Path(tmp) / "r.json")]
        for _ in range(args.runs):
            times["--scenario"].append(timed([*base, *out, "--scenario", str(args.folder)]))
            times["noted"].append(timed([*base, *out]))
    times["in-process"] = in_process(args.log, args.runs * 3)
    for name, runs in times.items():
        ms = [t * 1000 for t in runs]
        shown = " ".join(f"{t:.1f}" for t in ms)
        print(
            f"{name:<11} median {statistics.median(ms):.1f} ms  "
            f"min {min(ms):.1f}  max {max(ms):.1f}  ({shown})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
