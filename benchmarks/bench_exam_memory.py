"""The exam's memory over many rounds of work, in process (branch mem18).

    python benchmarks/bench_exam_memory.py [--rounds 50,100,200] [--before]

bench_ui's loaded exam (300 tickets, 8 chats, the real signed log) under
`App.run_test()` at 120 x 40 on a driven exam clock (no sleeps). A round is
what sec17's hunt and bench_sitting's candidate do: the clock moves 2 s (a
customer message arrives), F4, a 16-character reply and Enter, F2 and three
cursor keys, F5 and "vpn" typed into the KB search. After each N in
`--rounds`: `gc.collect()`, then the Python heap `tracemalloc` traces (started
after the first frame, one frame deep), the live Textual `Strip`s and the live
`StylesCache`s against the widgets alive (each widget owns two of them).

`--before` puts Textual's own `StylesCache.get_inner_outer` back (an
`lru_cache(1024)` on a method, whose keys hold each widget's StylesCache and
through it every line that widget last painted), to show what the fix in
`helpdesk_tui/ui/styles_colors.py` changed.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual._styles_cache import StylesCache  # noqa: E402

ORIGINAL = StylesCache.__dict__["get_inner_outer"]

from bench_ui import SIZE, loaded_app  # noqa: E402
from textual.strip import Strip  # noqa: E402
from textual.widget import Widget  # noqa: E402

from helpdesk_tui.core.clock import ManualClock  # noqa: E402
from tests.ui.pilot import keys  # noqa: E402


def round_keys(n: int) -> list[str]:
    """One round's keys: a reply, the queue's cursor, a KB search."""
    return ["f4", *f"reply number {n:04d}", "enter", "f2", "down", "down", "down", "f5", *"vpn"]


def census() -> dict[str, float]:
    """What is alive after a full collection (the exam's `gc.freeze` undone first, so the
    objects it froze are counted too)."""
    gc.unfreeze()
    gc.collect()
    objects = gc.get_objects()
    return {
        "traced_mb": tracemalloc.get_traced_memory()[0] / 1e6,
        "strips": sum(isinstance(o, Strip) for o in objects),
        "styles_caches": sum(isinstance(o, StylesCache) for o in objects),
        "widgets": sum(isinstance(o, Widget) for o in objects),
    }


async def run(rounds: list[int]) -> list[tuple[int, dict[str, float], float]]:
    """The rounds up to the largest N, a census after each N in `rounds`."""
    app, _writer = loaded_app(Path(tempfile.mkdtemp(prefix="mem18-")), ManualClock())
    rows = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tracemalloc.start(1)
        start = time.process_time()
        for n in range(1, max(rounds) + 1):
            app.advance(2.0)
            await keys(pilot, *round_keys(n))
            if n in rounds:
                await pilot.pause()
                rows.append((n, census(), time.process_time() - start))
        tracemalloc.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", default="50,100,200")
    parser.add_argument("--before", action="store_true", help="Textual's own colour cache")
    args = parser.parse_args()
    if args.before:
        StylesCache.get_inner_outer = ORIGINAL  # type: ignore[method-assign]
    rounds = sorted(int(n) for n in args.rounds.split(","))
    print(f"{'before' if args.before else 'after'} the fix; rounds {rounds}")
    print("rounds  traced MB  strips  StylesCaches  widgets  CPU s")
    for n, c, cpu in asyncio.run(run(rounds)):
        print(
            f"{n:6d}  {c['traced_mb']:9.2f}  {c['strips']:6d}  {c['styles_caches']:12d}"
            f"  {c['widgets']:7d}  {cpu:5.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
