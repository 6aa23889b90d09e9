"""Benchmark: `helpdesk-exam report` of the 100,000-record log: wall, CPU and peak RSS,
interleaved with another tree's interpreter (the machine is shared: compare runs made
side by side, not with figures taken at another load).

    python benchmarks/bench_report_rss.py [--repeat 3] [--other-python /work/main/.venv/bin/python]

The log and scenario are bench_report.py's (`build_log`: the 5-hour, 48-incident
scenario played by the ideal policy, padded to 100,000 records). Each run is
`helpdesk-exam report LOG --quiet --scenario DIR --html F --json F` in a fresh process
under `/usr/bin/time -v`, started in the log's folder so that each interpreter imports
its own tree. Target: the report < 3 s (issue 6); its memory is what `REPORT_MAX_BYTES`
(assess/pipeline.py) bounds.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_report import build_log  # noqa: E402


def run_report(python: str, log: Path, folder: Path) -> tuple[int, float, float, float]:
    """Exit code, wall s, CPU s and peak RSS (MB) of one report in a fresh process."""
    out = log.parent
    command = ["/usr/bin/time", "-v", python, "-m", "helpdesk_tui.cli", "report", str(log)]
    command += ["--quiet", "--scenario", str(folder)]
    command += ["--html", str(out / "r.html"), "--json", str(out / "r.json")]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=out)
    wall = time.perf_counter() - began
    err = done.stderr

    def number(label: str) -> float:
        found = re.search(rf"{label}: ([\d.]+)", err)
        return float(found.group(1)) if found else float("nan")

    cpu = number(r"User time \(seconds\)") + number(r"System time \(seconds\)")
    code = int(number("Exit status")) if "Exit status" in err else -1
    return code, wall, cpu, number(r"Maximum resident set size \(kbytes\)") / 1024


def interleaved_arguments(doc: str) -> tuple[argparse.Namespace, list[tuple[str, str]]]:
    """--repeat, --records and --other-python, and the trees to run: this one, the other."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--other-python", default=None)
    args = parser.parse_args()
    trees = [("this tree", sys.executable)]
    if args.other_python:
        trees.append(("other tree", args.other_python))
    return args, trees


def main() -> None:
    args, trees = interleaved_arguments(__doc__)
    with tempfile.TemporaryDirectory(prefix="bench-report-rss-") as tmp:
        began = time.perf_counter()
        log, folder = build_log(Path(tmp), args.records)
        size = log.stat().st_size / (1 << 20)
        print(
            f"log: {args.records:,} records, {size:.1f} MiB, built in {time.perf_counter() - began:.0f} s"
        )
        for run in range(1, args.repeat + 1):
            for name, python in trees:
                code, wall, cpu, rss = run_report(python, log, folder)
                load = os.getloadavg()[0]
                print(
                    f"  run {run} {name:<10} exit {code}  wall {wall:5.2f} s  CPU {cpu:5.2f} s  "
                    f"peak RSS {rss:6.1f} MB  (load {load:.2f})"
                )


if __name__ == "__main__":
    main()
