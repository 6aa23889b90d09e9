"""What one exam session costs the server: CPU idle and typing, resident memory.

    python benchmarks/bench_session.py [--idle 20] [--typing 20] [--scenario ID]
                                       [--speed N] [--seed N]

One `helpdesk-exam practice` on a pseudo-terminal of 120 x 40 (as sshd would
give it), read by the same scripted candidate as `bench_sitting.py`:

1. start-up: until the exam screen shows, then 5 s for it to settle (the
   language layer loads its lemma data in the background then);
2. **idle**: nothing typed for `--idle` seconds: the process's CPU time
   (/proc) as a share of one core, and the bytes it wrote to the terminal;
3. **typing**: the scripted candidate types (chat replies, notes, KB searches,
   a key every 200-800 ms) for `--typing` seconds: CPU share, key-to-screen
   p50/p95/p99 and output bytes;
4. RSS (VmRSS) after start-up, after the idle phase and at the end, and the
   peak (VmHWM).

`--speed N` presses the practice speed key first (x2, x4): N = 4 runs the
exam clock four times as fast, so 150 s of wall time is 10 minutes of exam
time, the whole timetable of the compressed scenario included.

It is the per-session figure behind `bench_sitting.py`: a server carries
about (cores x 100 %) / (CPU per session) candidates before the latency goes.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_sitting import (  # noqa: E402
    REPO,
    Candidate,
    load_scenario_copy,
    percentile,
    proc_stat,
    pump,
    rss_mb,
)

CTRL_T = "\x14"
SETTLE_S = 5.0


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Counting(Candidate):
    """A candidate that also counts the bytes the exam wrote to its terminal."""

    out_bytes: int = 0

    def feed(self, data: bytes, now: float) -> None:
        self.out_bytes += len(data)
        super().feed(data, now)


def phase(candidate: Counting, pid: int, seconds: float, typing: bool) -> dict[str, float]:
    stat = proc_stat(pid)
    assert stat is not None, "the exam ended"
    cpu0, out0, t0 = stat[1], candidate.out_bytes, time.monotonic()
    candidate.echo_ms.clear()
    if typing:
        candidate.next_at = t0
    pump([candidate], t0 + seconds, step=typing)
    stat = proc_stat(pid)
    assert stat is not None, "the exam ended"
    wall = time.monotonic() - t0
    return {
        "cpu_pct": 100 * (stat[1] - cpu0) / wall,
        "out_kb_s": (candidate.out_bytes - out0) / 1024 / wall,
        "keys": len(candidate.echo_ms),
        "p50": percentile(candidate.echo_ms, 0.5),
        "p95": percentile(candidate.echo_ms, 0.95),
        "p99": percentile(candidate.echo_ms, 0.99),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of the idle phase")
    parser.add_argument("--typing", type=float, default=20.0, help="seconds of typing")
    parser.add_argument("--scenario", help="a bundled scenario id (default: the compressed one)")
    parser.add_argument("--speed", type=int, choices=(1, 2, 4), default=1)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-session-") as tmp:
        folder = Path(tmp)
        scenario = args.scenario or str(load_scenario_copy(folder / "scenario"))
        argv = [
            str(Path(sys.executable).parent / "helpdesk-exam"), "practice", scenario,
            "--lang", "en", "--logs", str(folder / "logs"), "--candidate", "bench",
        ]  # fmt: skip
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        env["PYTHONPATH"] = str(REPO)
        candidate = Counting("bench", random.Random(args.seed))
        candidate.start(argv, env)
        assert candidate.process is not None
        pid = candidate.process.pid
        started = time.monotonic()
        while b"Queue" not in candidate.seen and time.monotonic() - started < 30:
            pump([candidate], time.monotonic() + 0.05, step=False)
        shown = time.monotonic() - started
        if args.speed > 1:
            for _ in range({2: 1, 4: 2}[args.speed]):
                candidate.send(CTRL_T, time.monotonic(), None, None)
                pump([candidate], time.monotonic() + 0.3, step=False)
        pump([candidate], time.monotonic() + SETTLE_S, step=False)
        candidate.ready = candidate.chat = True
        rss_start = rss_mb(pid)
        idle = phase(candidate, pid, args.idle, typing=False)
        rss_idle = rss_mb(pid)
        typing = phase(candidate, pid, args.typing, typing=True)
        rss_end, peak = rss_mb(pid), peak_mb(pid)
        candidate.close()

    print(f"session: practice, 120 x 40 pty, speed x{args.speed}; load {os.getloadavg()[0]:.1f}")
    print(f"first screen after {shown:.2f} s")
    print(
        f"idle   {args.idle:.0f} s: CPU {idle['cpu_pct']:.2f} % of a core, "
        f"output {idle['out_kb_s']:.1f} KB/s"
    )
    print(
        f"typing {args.typing:.0f} s: CPU {typing['cpu_pct']:.2f} % of a core, "
        f"output {typing['out_kb_s']:.1f} KB/s, {typing['keys']} keys measured, "
        f"key to screen p50 / p95 / p99 {typing['p50']:.1f} / {typing['p95']:.1f} / "
        f"{typing['p99']:.1f} ms"
    )
    print(
        f"RSS after start-up {rss_start:.1f} MB, after idle {rss_idle:.1f} MB, "
        f"at the end {rss_end:.1f} MB, peak {peak:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
