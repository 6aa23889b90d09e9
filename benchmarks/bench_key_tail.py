"""What falls inside the slowest keys of bench_ui's mix (issue 14: the mix's tail).

    python benchmarks/bench_key_tail.py [--keys 320]

The same app, load, key mix and frame clock as `bench_ui.py`; each key's window (sent
to its frame, wall time) is tagged with what overlapped it: the scheduler's tick (with
an SLA second: `tick+second`; with events such as a customer message: `+events`),
each `os.fsync`, each collection of the garbage collector (`gc0`..`gc2`). It prints the
mix's percentiles, the keys with nothing inside, and the tags of the slowest 10 %.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import mix_rig, percentile, play_mix  # noqa: E402

from helpdesk_tui.ui.screens.main import MainScreen  # noqa: E402

Span = tuple[str, float, float]


def watch(spans: list[Span]) -> None:
    """Record ticks, fsyncs and collections as (kind, start, end)."""
    refresh_now = MainScreen.refresh_now

    def timed_refresh(screen: MainScreen) -> None:
        controller = screen.controller
        start, seq = time.perf_counter(), controller.state.last_seq
        second = screen.shown_second(controller.now()) != screen._second
        refresh_now(screen)
        kind = "tick+second" if second else "tick"
        if controller.state.last_seq != seq:
            kind += "+events"
        spans.append((kind, start, time.perf_counter()))

    fsync = os.fsync

    def timed_fsync(fd: int) -> None:
        start = time.perf_counter()
        fsync(fd)
        spans.append(("fsync", start, time.perf_counter()))

    started: dict[str, float] = {}

    def collected(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started["at"] = time.perf_counter()
        else:
            spans.append((f"gc{info['generation']}", started["at"], time.perf_counter()))

    MainScreen.refresh_now = timed_refresh  # type: ignore[method-assign]
    os.fsync = timed_fsync
    gc.callbacks.append(collected)


async def play(keys: int) -> list[Span]:
    samples: list[Span] = []
    async with mix_rig() as rig:

        async def press(key: str, char: str | None, done: Any, kind: str) -> None:
            sent, shown = await rig.clock.key_to_frame(rig.driver, key, char, done)
            samples.append((kind, sent, shown))
            await asyncio.sleep(rig.rng.uniform(0.02, 0.06))

        await play_mix(rig.app, rig.pilot, press, keys, rig.rng)
    return samples


def inside(spans: list[Span], start: float, end: float) -> list[Span]:
    return [span for span in spans if span[1] < end and span[2] > start]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=320)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    spans: list[Span] = []
    watch(spans)
    samples = asyncio.run(play(args.keys))
    keys = sorted(((end - start) * 1000, kind, start, end) for kind, start, end in samples)
    every = [ms for ms, *_ in keys]
    print(
        f"the mix n={len(every)} p50 {percentile(every, 50):.2f} p95 {percentile(every, 95):.2f}"
        f" p99 {percentile(every, 99):.2f} ms"
    )
    clean = [ms for ms, _kind, start, end in keys if not inside(spans, start, end)]
    if clean:
        print(
            f"keys with nothing inside: n={len(clean)} median {percentile(clean, 50):.2f}"
            f" p95 {percentile(clean, 95):.2f} ms"
        )
    slow = Counter[tuple[str, str]]()
    bar = percentile(every, 90)
    for ms, kind, start, end in keys:
        if ms >= bar:
            tags = ",".join(sorted({span[0] for span in inside(spans, start, end)})) or "-"
            slow[(kind, tags)] += 1
    print(f"the slowest 10 % (>= {bar:.2f} ms): kind, what fell inside")
    for (kind, tags), count in slow.most_common():
        print(f"  {count:3d}  {kind:<17} {tags}")
    print("the slowest 8, with what fell inside (ms):")
    for ms, kind, start, end in keys[-8:]:
        what = [
            (span[0], round((span[2] - span[1]) * 1000, 1)) for span in inside(spans, start, end)
        ]
        print(f"  {ms:6.2f}  {kind:<17} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
