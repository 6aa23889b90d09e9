"""Python calls of the one-second SLA tick: its redraw and its frame, on a driven clock.

    python benchmarks/bench_tick_calls.py [--ticks 20] [--top 0]

The bench's app and load (`bench_ui.loaded_app`: 300 tickets, the queue in front) on a
`ManualClock` with no scheduler tick: the clock is moved one second at a time and the
app ticks (`ExamApp.advance`), then its frame comes. Each tick's count of Python
function calls (cProfile) is split into the redraw (the model, the diff, the cells
written) and the frame (what the tick's change costs to paint), and does not move with
the machine's load. Also printed: the queue cells rendered in the frames (DataTable's
`_render_cell` through the queue's cache, and those rendered afresh). `--top N` prints
the N functions with the most calls in the frames, summed.

A customer message arrives every 2 s (bench_ui's load), so the frames are of two
kinds: the clocks alone, and the clocks with an arrival (the conversation list, its
area's title); the median of all ticks falls between the two, so each kind's median
is printed too (branch p-tick12).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import SIZE, FrameClock, loaded_app  # noqa: E402
from textual.widgets import DataTable  # noqa: E402

from helpdesk_tui.core.clock import ManualClock  # noqa: E402

WARM_UP = 3


def calls(profile: cProfile.Profile) -> int:
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


async def measure(ticks: int, top: int) -> dict[str, Any]:
    rendered = {"asked": 0, "fresh": 0}
    ask = DataTable._render_cell
    from helpdesk_tui.ui.widgets import queue as queue_module

    fresh_cell = DataTable._render_cell

    def counted_fresh(self: Any, *args: Any, **kwargs: Any) -> Any:
        rendered["fresh"] += 1
        return fresh_cell(self, *args, **kwargs)

    DataTable._render_cell = counted_fresh  # type: ignore[method-assign]
    table_ask = queue_module.TicketQueue._render_cell

    def counted_ask(self: Any, *args: Any, **kwargs: Any) -> Any:
        rendered["asked"] += 1
        return table_ask(self, *args, **kwargs)

    queue_module.TicketQueue._render_cell = counted_ask  # type: ignore[method-assign]
    del ask
    redraw: list[int] = []
    frame: list[int] = []
    arrived: list[bool] = []
    asked: list[int] = []
    fresh: list[int] = []
    total = pstats.Stats() if top else None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app, writer = loaded_app(Path(tmp), ManualClock())
            frames = FrameClock(app).frames
            async with app.run_test(size=SIZE) as pilot:
                app.tick_interval = None
                await pilot.pause(0.2)
                for n in range(ticks + WARM_UP):
                    await pilot.pause(0.02)
                    shown = len(frames)
                    first, second = cProfile.Profile(), cProfile.Profile()
                    messages = _messages(app)
                    first.enable()
                    app.advance(1.0)
                    first.disable()
                    rendered["asked"] = rendered["fresh"] = 0
                    second.enable()
                    while len(frames) == shown:
                        await asyncio.sleep(0)
                    second.disable()
                    if n >= WARM_UP:
                        redraw.append(calls(first))
                        frame.append(calls(second))
                        arrived.append(_messages(app) != messages)
                        asked.append(rendered["asked"])
                        fresh.append(rendered["fresh"])
                        if total is not None:
                            total.add(second)
                app.exit()
            writer.close()
    finally:
        DataTable._render_cell = fresh_cell  # type: ignore[method-assign]
        queue_module.TicketQueue._render_cell = table_ask  # type: ignore[method-assign]
    return {
        "redraw": redraw,
        "frame": frame,
        "arrived": arrived,
        "asked": asked,
        "fresh": fresh,
        "total": total,
    }


def _messages(app: Any) -> int:
    """The customer messages in the exam so far (a tick that adds one is an arrival)."""
    return sum(len(c.messages) for c in app.controller.state.conversations.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=20)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--sort", default="ncalls", help="pstats order for --top")
    args = parser.parse_args()
    got = asyncio.run(measure(args.ticks, args.top))
    med = statistics.median
    print(
        f"{len(got['frame'])} ticks: redraw calls median {med(got['redraw']):,.0f}"
        f" (max {max(got['redraw']):,}), frame calls median {med(got['frame']):,.0f}"
        f" (max {max(got['frame']):,}); queue cells asked per frame median"
        f" {med(got['asked']):,.0f}, rendered afresh {med(got['fresh']):,.0f}"
    )
    for name, wanted in (("clocks alone", False), ("with an arrival", True)):
        kind = [f for f, a in zip(got["frame"], got["arrived"], strict=True) if a is wanted]
        both = [
            f + r
            for f, r, a in zip(got["frame"], got["redraw"], got["arrived"], strict=True)
            if a is wanted
        ]
        if kind:
            print(
                f"  {name}: {len(kind)} ticks, frame calls median {med(kind):,.0f}"
                f" (min {min(kind):,}, max {max(kind):,}); redraw + frame median {med(both):,.0f}"
            )
    if got["total"] is not None:
        got["total"].sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
