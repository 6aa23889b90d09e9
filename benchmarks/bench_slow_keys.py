"""A profile of the slowest keys of bench_ui's mix (issue 14): where their calls go.

    python benchmarks/bench_slow_keys.py [--keys 320] [--slowest 0.05] [--top 25]

The same app, load, key mix and frame clock as `bench_ui.py` (the real exam clock, the
app's scheduler tick, a customer message every 2 s, the signed log). Each key, from
sending it to its frame, runs under its own cProfile; its Python calls (deterministic
for the same work, whatever the machine's load) and its CPU time are kept, with what
fell inside it: the garbage collector's time per generation, fsyncs made on the event
loop and on the log writer's thread. The keys with the most calls (`--slowest`, a
share of the mix) are then summed into one profile and its top functions printed, by
own time and by calls, beside the same for the median keys of each kind.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import os
import pstats
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import mix_rig, percentile, play_mix  # noqa: E402


@dataclass
class Key:
    kind: str
    calls: int
    cpu_ms: float
    wall_ms: float
    profile: cProfile.Profile
    inside: Counter[str] = field(default_factory=Counter)


class Watch:
    """Collections (ms per generation) and fsyncs (loop or thread, ms) as they happen."""

    def __init__(self) -> None:
        self.spans: list[tuple[str, float, float]] = []
        self._gc_start = 0.0
        gc.callbacks.append(self._collected)
        fsync = os.fsync
        spans = self.spans

        def timed_fsync(fd: int) -> None:
            start = time.perf_counter()
            fsync(fd)
            where = "loop" if threading.current_thread() is threading.main_thread() else "thread"
            spans.append((f"fsync {where}", start, time.perf_counter()))

        os.fsync = timed_fsync

    def _collected(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.spans.append((f"gc{info['generation']}", self._gc_start, time.perf_counter()))

    def between(self, start: float, end: float) -> Counter[str]:
        inside: Counter[str] = Counter()
        for kind, a, b in self.spans:
            if a < end and b > start:
                inside[kind] += (min(b, end) - max(a, start)) * 1000
        return inside


async def play(keys: int, watch: Watch, phase: float | None) -> list[Key]:
    out: list[Key] = []
    async with mix_rig(phase) as rig:
        print(f"the tick's phase in the second: {rig.app.tick_phase:.2f}")

        async def press(key: str, char: str | None, done: Any, kind: str) -> None:
            profile = cProfile.Profile()
            c0 = time.process_time()
            profile.enable()
            t0, t1 = await rig.clock.key_to_frame(rig.driver, key, char, done)
            profile.disable()
            c1 = time.process_time()
            calls = sum(s[1] for s in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]
            record = Key(kind, calls, (c1 - c0) * 1000, (t1 - t0) * 1000, profile)
            record.inside = watch.between(t0, t1)
            out.append(record)
            await asyncio.sleep(rig.rng.uniform(0.02, 0.06))

        await play_mix(rig.app, rig.pilot, press, keys, rig.rng)
    return out


def top(profiles: list[cProfile.Profile], n: int, sort: str) -> None:
    stats = pstats.Stats(profiles[0])
    for profile in profiles[1:]:
        stats.add(profile)
    stats.sort_stats(sort).print_stats(n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=320)
    parser.add_argument("--slowest", type=float, default=0.05)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--phase",
        type=float,
        default=None,
        help="the app's tick phase (0-1; default: bench_ui's, from the process id)",
    )
    parser.add_argument("--kind", default=None, help="profile only this kind's slowest keys")
    parser.add_argument(
        "--sort", default="tottime,ncalls", help="pstats sort keys, comma-separated"
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    watch = Watch()
    keys = asyncio.run(play(args.keys, watch, args.phase))
    by_calls = sorted(keys, key=lambda k: k.calls)
    print("per kind: n, calls median / p95 / max, CPU ms median / p95 (under cProfile)")
    for kind in sorted({k.kind for k in keys}):
        of = [k for k in keys if k.kind == kind]
        calls = [k.calls for k in of]
        cpu = [k.cpu_ms for k in of]
        print(
            f"  {kind:<17} {len(of):4d}  {statistics.median(calls):8,.0f} /"
            f" {percentile(calls, 95):8,.0f} / {max(calls):8,.0f}"
            f"   {statistics.median(cpu):6.2f} / {percentile(cpu, 95):6.2f}"
        )
    count = max(1, round(len(keys) * args.slowest))
    slow = by_calls[-count:]
    if args.kind:
        of_kind = [k for k in by_calls if k.kind == args.kind]
        slow = of_kind[-max(1, round(len(of_kind) * args.slowest)) :]
        count = len(slow)
    print(f"the {count} keys with the most calls (kind, calls, CPU ms, what fell inside in ms):")
    for k in slow:
        inside = ", ".join(f"{what} {ms:.1f}" for what, ms in sorted(k.inside.items()))
        print(f"  {k.kind:<17} {k.calls:8,d}  {k.cpu_ms:6.2f}  {inside}")
    gc_all = Counter[str]()
    for k in keys:
        gc_all.update({w: ms for w, ms in k.inside.items() if w.startswith("gc")})
    for where in ("loop", "thread"):
        spans = [b - a for kind, a, b in watch.spans if kind == f"fsync {where}"]
        inside = sum(k.inside.get(f"fsync {where}", 0.0) for k in keys)
        print(
            f"fsyncs on the {where}: {len(spans)} over the run, {sum(spans) * 1000:.1f} ms;"
            f" {inside:.1f} ms of them inside keys"
        )
    print(
        "collections inside keys over the run (ms): "
        + ", ".join(f"{w} {ms:.1f}" for w, ms in sorted(gc_all.items()))
    )
    for sort in args.sort.split(","):
        print(
            f"\nthe slowest {count} keys{' (' + args.kind + ')' if args.kind else ''}, summed, by {sort}:"
        )
        top([k.profile for k in slow], args.top, sort)
    return 0


if __name__ == "__main__":
    sys.exit(main())
