"""The SLA tick of a 300-ticket queue over many ticks: its calls, its time and its tail.

    python benchmarks/bench_sla_tick.py [--ticks 1000] [--profile-ticks 60]

`bench_ui.py`'s SLA tick (its app, queue and manual clock; 200 ticks there): each tick
the clock moves a second and the queue is brought in line (`controller.queue.rows`, the
model; `TicketQueue.sync`, the table's diff). Printed:

- Python calls per tick (cProfile: the same work gives the same count whatever the
  machine's load), the model and the diff apart, over `--profile-ticks` ticks;
- wall time and the thread's CPU time per tick (model + diff), median / p95 / p99 / max
  over `--ticks` ticks, and the same for the ticks in which a garbage collection ran and
  for those without one (what part of the tail the collector makes);
- the collections that ran in ticks, per generation, with their median and longest pause.

Wall time measures the machine's load as much as the tick: say the load with the figures.
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
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import SIZE, TICKETS, loaded_app, percentile  # noqa: E402


def calls_of(profile: cProfile.Profile) -> int:
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


class Collections:
    """The collector's runs (generation, pause) as they happen."""

    def __init__(self) -> None:
        self.runs: list[tuple[int, float]] = []
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.runs.append((info["generation"], time.perf_counter() - self._start))


async def run(folder: Path, ticks: int, profiled: int) -> dict[str, Any]:
    from helpdesk_tui.core.clock import ManualClock

    clock = ManualClock()
    app, writer = loaded_app(folder, clock)
    collections = Collections()
    out: dict[str, Any] = {"model": [], "diff": [], "wall": [], "cpu": [], "gc": [], "runs": []}
    try:
        async with app.run_test(size=SIZE) as pilot:
            app.tick_interval = None
            await pilot.pause()
            controller, queue = app.controller, app.main.queue
            for _ in range(profiled):
                clock.advance(1.0)
                now = controller.now()
                model = cProfile.Profile()
                model.enable()
                rows = controller.queue.rows(controller.state, now)
                model.disable()
                diff = cProfile.Profile()
                diff.enable()
                queue.sync(rows)
                diff.disable()
                out["model"].append(calls_of(model))
                out["diff"].append(calls_of(diff))
            assert len(rows) == TICKETS
            gc.callbacks.append(collections)
            try:
                for _ in range(ticks):
                    clock.advance(1.0)
                    now = controller.now()
                    before = len(collections.runs)
                    cpu, wall = time.thread_time(), time.perf_counter()
                    queue.sync(controller.queue.rows(controller.state, now))
                    out["wall"].append(time.perf_counter() - wall)
                    out["cpu"].append(time.thread_time() - cpu)
                    out["gc"].append(len(collections.runs) > before)
                    out["runs"] += collections.runs[before:]
            finally:
                gc.callbacks.remove(collections)
    finally:
        writer.close()
    return out


def ms(values: list[float]) -> str:
    if not values:
        return "-"
    return (
        f"{statistics.median(values) * 1e3:.2f} / {percentile(values, 95) * 1e3:.2f} /"
        f" {percentile(values, 99) * 1e3:.2f} / {max(values) * 1e3:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=1000)
    parser.add_argument("--profile-ticks", type=int, default=60)
    args = parser.parse_args()
    start_load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out = asyncio.run(run(Path(tmp), args.ticks, args.profile_ticks))
    med = statistics.median
    both = [m + d for m, d in zip(out["model"], out["diff"], strict=True)]
    print(f"load average {start_load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    print(
        f"calls per tick ({args.profile_ticks} ticks), median: model {med(out['model']):,.0f},"
        f" diff {med(out['diff']):,.0f}, both {med(both):,.0f} (max {max(both):,})"
    )
    print(f"model + diff, {args.ticks} ticks, ms median / p95 / p99 / max:")
    print(f"  wall {ms(out['wall'])}   thread CPU {ms(out['cpu'])}")
    with_gc = [w for w, g in zip(out["wall"], out["gc"], strict=True) if g]
    without = [w for w, g in zip(out["wall"], out["gc"], strict=True) if not g]
    print(f"  wall, ticks with a collection ({len(with_gc)}): {ms(with_gc)}")
    print(f"  wall, ticks without ({len(without)}): {ms(without)}")
    for generation in sorted({g for g, _ in out["runs"]}):
        pauses = [p for g, p in out["runs"] if g == generation]
        print(
            f"  collections of generation {generation}: {len(pauses)},"
            f" pause median {med(pauses) * 1e3:.3f} ms, max {max(pauses) * 1e3:.3f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
