"""Which keys of bench_ui's mix make its tail, and which frames: the key's own or a tick's.

    python benchmarks/bench_mix_tail.py [--keys 320] [--phase 0.5] [--runs 1] [--top 0]

The same app, load, key mix and frame clock as `bench_ui.py` (the real exam clock, the
app's scheduler tick, a customer message every 2 s, the signed log). Each key, from
sending it to its frame, is counted in Python calls (cProfile: the same work gives the
same count whatever the machine's load) in three parts: the key's handling (sent until
its effect is in the widgets), the scheduler ticks that ran inside it (`refresh_now`:
what fell due, the redraw), and the frame (its effect in the widgets until the frame
that shows it, which paints whatever else changed since the last frame too).

A typing key that made the reply box take another line is its own kind, "typing, box
grows" (issue 14: it laid out the whole screen before branch p-compose12).

Each key is put in one cause: `tick` when a redraw that turned the clocks' second ran
after the frame on screen when the key was sent and before the key's frame (its paint
is in the key's frame, or its redraw in the key), `arrival` when such a redraw drew a
customer's message or a changed ticket without turning the second, `own` otherwise.
The table gives per kind and cause: n, its share of the mix, calls median / p95 / max
and the medians of the three parts; then what the mix's top 5 % by calls is made of,
and by wall time (under cProfile: a gauge, not a figure). `--top N` prints the N
functions with the most calls in the top 5 %'s frames, summed.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import mix_rig, percentile, play_mix  # noqa: E402
from textual import events  # noqa: E402

from helpdesk_tui.ui.app import ExamApp  # noqa: E402
from helpdesk_tui.ui.screens.main import MainScreen  # noqa: E402


def calls_of(profile: cProfile.Profile) -> int:
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


@dataclass
class Tick:
    start: float
    end: float
    turned: bool  # the clocks' second turned
    drew: bool  # a message, a ticket or a customer changed


@dataclass
class Key:
    kind: str
    sent: float
    shown: float
    handle: int
    tick: int
    frame: int
    cause: str = "own"
    frame_profile: cProfile.Profile | None = None
    handle_profile: cProfile.Profile | None = None

    @property
    def calls(self) -> int:
        return self.handle + self.tick + self.frame


class Recorder:
    """The scheduler's ticks as they run; a tick inside a key is profiled apart."""

    def __init__(self) -> None:
        self.ticks: list[Tick] = []
        self.active: cProfile.Profile | None = None  # the key's profile, while one runs
        self.tick_calls = 0
        recorder = self
        refresh = ExamApp.refresh_now
        redraw = MainScreen.redraw

        def counted_refresh(app: ExamApp) -> None:
            main = app.main
            second = main._second
            recorder._drew = False
            key_profile = recorder.active
            start = time.perf_counter()
            if key_profile is None:
                refresh(app)
            else:
                key_profile.disable()
                own = cProfile.Profile()
                own.enable()
                refresh(app)
                own.disable()
                recorder.tick_calls += calls_of(own)
                key_profile.enable()
            turned = main._second != second
            recorder.ticks.append(Tick(start, time.perf_counter(), turned, recorder._drew))

        def watched_redraw(screen: MainScreen, *, force: bool = False) -> None:
            take = screen.controller.take_changes

            def taken() -> Any:
                changes = take()
                if changes.tickets or changes.customers or changes.arrivals:
                    recorder._drew = True
                return changes

            screen.controller.take_changes = taken  # type: ignore[method-assign]
            try:
                redraw(screen, force=force)
            finally:
                del screen.controller.take_changes

        self._drew = False
        ExamApp.refresh_now = counted_refresh  # type: ignore[method-assign]
        MainScreen.redraw = watched_redraw  # type: ignore[method-assign]


async def play(keys: int, phase: float | None, recorder: Recorder) -> list[Key]:
    out: list[Key] = []
    async with mix_rig(phase) as rig:
        frames = rig.clock.frames

        box = rig.app.main.conversations.input

        async def press(key: str, char: str | None, done: Any, kind: str) -> None:
            rows = box.outer_size.height
            recorder.tick_calls = 0
            handling, painting = cProfile.Profile(), cProfile.Profile()
            recorder.active = handling
            handling.enable()
            sent = time.perf_counter()
            rig.driver.send_message(events.Key(key, char))
            while not done():
                await asyncio.sleep(0)
            handled = time.perf_counter()
            handling.disable()
            recorder.active = painting
            painting.enable()
            while not frames or frames[-1] < handled:
                await asyncio.sleep(0)
            painting.disable()
            recorder.active = None
            ticks = recorder.tick_calls
            if kind == "typing in a chat" and box.outer_size.height != rows:
                kind = "typing, box grows"  # the reply box took another line: its own row
            # the tick's calls were counted apart, not in either profile
            out.append(Key(kind, sent, frames[-1], calls_of(handling), ticks, calls_of(painting)))
            out[-1].frame_profile = painting
            out[-1].handle_profile = handling
            await asyncio.sleep(rig.rng.uniform(0.02, 0.06))

        await play_mix(rig.app, rig.pilot, press, keys, rig.rng)
    classify(out, recorder.ticks, frames)
    return out


def classify(keys: list[Key], ticks: list[Tick], frames: list[float]) -> None:
    """A tick lands on a key when it ran after the frame on screen at the key's sending
    (its change was not shown yet) and before the key's frame."""
    import bisect

    for key in keys:
        at = bisect.bisect_right(frames, key.sent) - 1
        on_screen = frames[at] if at >= 0 else -1.0
        landed = [t for t in ticks if on_screen < t.start < key.shown]
        if any(t.turned for t in landed):
            key.cause = "tick"
        elif any(t.drew for t in landed):
            key.cause = "arrival"


def report(keys: list[Key], top: int, each: int = 0) -> None:
    total = len(keys)
    med = statistics.median
    print(
        f"{'kind':<17} {'cause':<8} {'n':>4} {'share':>6}  {'calls p50':>9} {'p95':>7} {'max':>7}"
        f"   {'handle':>7} {'tick':>6} {'frame':>6}  (medians of the parts)"
    )
    for kind in sorted({k.kind for k in keys}):
        for cause in ("own", "arrival", "tick", "all"):
            of = [k for k in keys if k.kind == kind and (cause == "all" or k.cause == cause)]
            if not of:
                continue
            calls = [k.calls for k in of]
            print(
                f"{kind:<17} {cause:<8} {len(of):4d} {len(of) / total:6.1%}  {med(calls):9,.0f}"
                f" {percentile(calls, 95):7,.0f} {max(calls):7,}   {med(k.handle for k in of):7,.0f}"
                f" {med(k.tick for k in of):6,.0f} {med(k.frame for k in of):6,.0f}"
            )
    every = [k.calls for k in keys]
    print(
        f"the mix: n={total}, calls p50 {med(every):,.0f}, p95 {percentile(every, 95):,.0f},"
        f" p99 {percentile(every, 99):,.0f}"
    )
    count = max(1, total - int(round(0.95 * (total - 1))))
    for title, order in (
        ("by calls", lambda k: k.calls),
        ("by wall time under cProfile (a gauge)", lambda k: k.shown - k.sent),
    ):
        tail = sorted(keys, key=order)[-count:]
        made = Counter((k.kind, k.cause) for k in tail)
        print(f"the top 5 % ({count} keys) {title}:")
        for (kind, cause), n in made.most_common():
            of = [k for k in tail if (k.kind, k.cause) == (kind, cause)]
            print(
                f"  {n:3d}  {kind:<17} {cause:<8} calls {min(k.calls for k in of):,}-"
                f"{max(k.calls for k in of):,}, frame {med(k.frame for k in of):,.0f},"
                f" tick {med(k.tick for k in of):,.0f}"
            )
    if each:
        tail = sorted(keys, key=lambda k: k.calls)[-count:]
        for k in tail:
            print(
                f"-- {k.kind} ({k.cause}): handle {k.handle:,}, tick {k.tick:,}, frame {k.frame:,}"
            )
            for part, profile in (("handle", k.handle_profile), ("frame", k.frame_profile)):
                stats = pstats.Stats(profile)  # type: ignore[arg-type]
                rows = sorted(
                    stats.stats.items(),  # type: ignore[attr-defined]
                    key=lambda item: -item[1][3],
                )
                named = [
                    f"{Path(f).name}:{line}({name}) {stat[3] * 1000:.1f}"
                    for (f, line, name), stat in rows
                    if "helpdesk_tui" in f or "_compositor" in f or "widget.py" in f
                ][:each]
                print(f"   {part}: " + "; ".join(named))
    if top:
        tail = sorted(keys, key=lambda k: k.calls)[-count:]
        stats = pstats.Stats(tail[0].frame_profile)  # type: ignore[arg-type]
        for k in tail[1:]:
            stats.add(k.frame_profile)  # type: ignore[arg-type]
        print(f"the top 5 %'s frames, summed, by cumulative time (top {top}):")
        stats.sort_stats("cumulative").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=320)
    parser.add_argument("--phase", type=float, default=0.5, help="the app's tick phase (0-1)")
    parser.add_argument("--runs", type=int, default=1, help="runs, their keys pooled")
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument(
        "--each", type=int, default=0, help="for each key of the top 5 %%: its N heaviest calls"
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start; tick phase {args.phase}")
    recorder = Recorder()
    keys: list[Key] = []
    for _ in range(args.runs):
        recorder.ticks = []
        keys += asyncio.run(play(args.keys, args.phase, recorder))
    report(keys, args.top, args.each)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
