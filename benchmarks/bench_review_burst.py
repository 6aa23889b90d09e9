"""Benchmark: verdict keys typed 0.10-0.15 s apart into `review` on a pty, kept or lost.

    python benchmarks/bench_review_burst.py [--runs 3] [--pairs 22]

Starts `helpdesk-exam review` on a simulated log (idle candidate) in a pseudo-terminal,
types `n` then Down, `pairs` times, each key 0.10-0.15 s after the last (as an assessor
does, and as qa-sitting8 did through tmux at load 9-12: 19 of 22 decided), saves with
Ctrl+S and counts the competencies decided in the verdict file. Keys that queue while the
review draws come in one read; before qa-play9 two letters in one read were a paste and
were dropped. Prints each run and the machine's load (run it while others work: the loss
shows under load). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpdesk_tui.assess.testing import simulated_log  # noqa: E402
from tests.ui.test_exam_pty import Terminal, until  # noqa: E402


def one_run(log: Path, out: Path, pairs: int, rng: random.Random) -> int:
    term = Terminal("review", str(log), "--assessor", "Bench", "--out", str(out), "--lang", "en",
                    cwd=out.parent)  # fmt: skip
    try:
        until(lambda: b"Competencies" in term.output, "the review screen", timeout=60)
        time.sleep(1.0)
        for _ in range(pairs):
            for key in ("n", "\x1b[B"):
                term.send(key)
                time.sleep(rng.uniform(0.10, 0.15))
        time.sleep(1.5)
        term.send("\x13")  # Ctrl+S
        until(out.exists, "the verdicts saved", timeout=30)
        term.send("q")
        term.wait_exit(timeout=30)
    finally:
        term.close()
    verdicts = json.loads(out.read_text())["verdicts"]
    return sum(1 for v in verdicts.values() if v.get("verdict"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=22)
    args = parser.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as folder:
        log = simulated_log(Path(folder) / "idle.jsonl", "idle", candidate_id="c0042")
        for run in range(args.runs):
            load = os.getloadavg()[0]
            kept = one_run(log, Path(folder) / f"v{run}.json", args.pairs, rng)
            print(f"run {run + 1}: {kept} of {args.pairs} verdict keys decided "
                  f"(load {load:.1f} at the start)")  # fmt: skip


if __name__ == "__main__":
    main()
