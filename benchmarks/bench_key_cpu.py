"""CPU time per key press (issue 14, 15): what each kind of key costs the process.

    python benchmarks/bench_key_cpu.py [--keys 120] [--profile KIND] [--top 30]

The same app, load and key mix as `bench_ui.py` (300 tickets, 8 chats, a
customer message every 2 s, the real signed log, 120 x 40, frames turned into
terminal bytes), but what is counted is the process's CPU time
(`time.process_time`) from sending a key to the first frame after its
effect, per kind of key, and how many frames, renders and layouts the key
caused. Wall time on a shared machine is noise; CPU time is what a sitting
of 30 candidates on 2 cores runs out of (bench_sitting.py).

`--profile KIND` runs cProfile over exactly those key presses (sending to
frame) and prints the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import SIZE, FrameClock, loaded_app, percentile, play_mix  # noqa: E402
from textual import events  # noqa: E402
from textual._styles_cache import StylesCache  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widget import Widget  # noqa: E402

KINDS = ("queue cursor", "typing in a chat", "area switch")


class Counts:
    """Per key: frames, layouts, widgets painted (`render_widget` calls: every widget
    under the frame's dirty area, cached or not), content renders, and the CPU time
    spent painting frames (ms)."""

    def __init__(self) -> None:
        self.counter: Counter[str] = Counter()
        counter = self.counter
        render = Widget._render_content
        paint = StylesCache.render_widget
        frame = Screen._on_timer_update
        layout = Screen._refresh_layout

        def counted_render(widget: Widget) -> None:
            counter["content " + type(widget).__name__] += 1
            render(widget)

        def counted_paint(cache: StylesCache, widget: Widget, crop: Any) -> Any:
            counter["painted"] += 1
            return paint(cache, widget, crop)

        def timed_frame(screen: Screen[Any]) -> None:
            start = time.process_time()
            frame(screen)
            counter["frame ms"] += round((time.process_time() - start) * 1000)

        def counted_layout(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            counter["layouts"] += 1
            layout(screen, *args, **kwargs)

        Widget._render_content = counted_render  # type: ignore[method-assign]
        StylesCache.render_widget = counted_paint  # type: ignore[method-assign]
        Screen._on_timer_update = timed_frame  # type: ignore[method-assign]
        Screen._refresh_layout = counted_layout  # type: ignore[method-assign]

    def snapshot(self) -> Counter[str]:
        return Counter(self.counter)


async def measure(
    app: Any, keys: int, profile: str | None, count_calls: bool = False
) -> dict[str, Any]:
    counts = Counts()  # before the app's screens exist: their timers bind the methods
    frame_clock = FrameClock(app)
    frames = frame_clock.frames
    cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
    wall: dict[str, list[float]] = {kind: [] for kind in KINDS}
    per_key: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    profiler = cProfile.Profile() if profile else None
    calls: dict[str, cProfile.Profile] = {kind: cProfile.Profile() for kind in KINDS}
    rng = random.Random(7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        driver = app._driver

        async def press(key: str, char: str | None, done: Any, kind: str) -> None:
            before = counts.snapshot()
            frames_before = len(frames)
            if profiler and kind == profile:
                profiler.enable()
            elif count_calls:
                calls[kind].enable()
            c0, t0 = time.process_time(), time.perf_counter()
            driver.send_message(events.Key(key, char))
            while not done():
                await asyncio.sleep(0)
            handled = time.perf_counter()
            while not frames or frames[-1] < handled:
                await asyncio.sleep(0)
            c1, t1 = time.process_time(), frames[-1]
            if profiler and kind == profile:
                profiler.disable()
            elif count_calls:
                calls[kind].disable()
            cpu[kind].append(c1 - c0)
            wall[kind].append(t1 - t0)
            after = counts.snapshot()
            after.subtract(before)
            per_key[kind].update(+after)
            per_key[kind]["frames"] += len(frames) - frames_before
            await asyncio.sleep(rng.uniform(0.02, 0.06))

        await play_mix(app, pilot, press, keys, rng)
        app.exit()
    called = {
        kind: sum(stat[1] for stat in pstats.Stats(calls[kind]).stats.values())  # type: ignore[attr-defined]
        for kind in KINDS
        if count_calls and cpu[kind]
    }
    return {"cpu": cpu, "wall": wall, "counts": per_key, "profiler": profiler, "calls": called}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=120)
    parser.add_argument("--profile", choices=KINDS, default=None)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--calls",
        action="store_true",
        help="also count Python function calls per key (steady under load; CPU times inflate)",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        app, writer = loaded_app(Path(tmp))
        result = asyncio.run(measure(app, args.keys, args.profile, args.calls))
        writer.close()
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    print("CPU time per key (process_time, key sent to its frame) and wall time:")
    for kind in KINDS:
        cpu, wall = result["cpu"][kind], result["wall"][kind]
        if not cpu:
            continue
        n = len(cpu)
        print(
            f"  {kind:<17} n={n:<4} CPU median {statistics.median(cpu) * 1000:6.2f} ms"
            f" mean {statistics.fmean(cpu) * 1000:6.2f} ms p95 {percentile(cpu, 95) * 1000:6.2f} ms"
            f" | wall median {statistics.median(wall) * 1000:6.2f} ms p95 {percentile(wall, 95) * 1000:6.2f} ms"
        )
        counts = result["counts"][kind]
        top = ", ".join(f"{name} {value / n:.1f}" for name, value in counts.most_common(10))
        if kind in result["calls"]:
            top = f"function calls {result['calls'][kind] / n:,.0f}, " + top
        print(f"      per key: {top}")
    if result["profiler"] is not None:
        stats = pstats.Stats(result["profiler"])
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
