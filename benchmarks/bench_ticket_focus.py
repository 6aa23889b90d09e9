"""The area switch into and out of the ticket area, widened or not (branch bugs13).

    python benchmarks/bench_ticket_focus.py [--switches 40] [--rounds 3]

Since bugs13 the ticket area takes 7 of 12 columns while it has the focus (the queue 5),
so F3 and the key that leaves it re-lay the top row out (the queue table and the ticket's
thread at a new width). This measures what that costs: the exam app on `bench_ui`'s load
(300 tickets, 8 chats, a customer message every 2 s, the real signed log), headless at
120 x 40, F3 then F2 in turn, each timed from the key to the first frame after the area
is entered (as `bench_ui`), CPU (`time.process_time`) and wall. The same app with a
stylesheet that keeps the split at 8 and 4 (the class still toggles; nothing moves) is
measured in the same process, the two interleaved round by round, so the machine's load
falls on both alike. CPU is the figure to compare on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_ui  # noqa: E402  (sets the frame rate before Textual is imported)
from textual import events  # noqa: E402

NARROW_CSS = """
MainScreen #work.-reading-ticket #queue-area { column-span: 8 !important; }
MainScreen #work.-reading-ticket #ticket-area { column-span: 4 !important; }
"""


async def measure(folder: Path, switches: int, narrow: bool) -> dict[str, list[float]]:
    app, _writer = bench_ui.loaded_app(folder)
    frames = bench_ui.FrameClock(app)
    out: dict[str, list[float]] = {"cpu": [], "wall": []}
    async with app.run_test(size=bench_ui.SIZE) as pilot:
        await pilot.pause(0.5)
        if narrow:
            app.stylesheet.add_source(NARROW_CSS, read_from=("bench", "narrow"))
            app.stylesheet.parse()
            app.refresh_css()
            await pilot.pause(0.1)
        driver = app._driver
        assert driver is not None
        main = app.main
        for n in range(switches * 2):
            key, area = ("f3", "ticket") if n % 2 == 0 else ("f2", "queue")
            await pilot.pause(0.05)
            t0, c0 = time.perf_counter(), time.process_time()
            driver.send_message(events.Key(key, None))
            while main.area != area:
                await asyncio.sleep(0)
            handled = time.perf_counter()
            while not frames.frames or frames.frames[-1] < handled:
                await asyncio.sleep(0)
            if n == 0:
                out.setdefault("width", []).append(main.query_one("#ticket-area").region.width)
            if n >= 2:  # the first round trip warms the caches
                out["cpu"].append(time.process_time() - c0)
                out["wall"].append(frames.frames[-1] - t0)
        app.exit()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the start")
    results: dict[str, dict[str, list[float]]] = {"widened": {}, "narrow": {}}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.rounds):
            for name in ("widened", "narrow"):
                got = asyncio.run(measure(Path(folder), args.switches, name == "narrow"))
                for k, v in got.items():
                    results[name].setdefault(k, []).extend(v)
    for name, got in results.items():
        cpu, wall = got["cpu"], got["wall"]
        print(
            f"{name:8} ticket area {int(got['width'][0])} columns wide in focus; F3/F2 switches {len(cpu)}: CPU median {statistics.median(cpu) * 1000:.1f} ms"
            f" p95 {bench_ui.percentile(cpu, 95) * 1000:.1f} ms; wall median "
            f"{statistics.median(wall) * 1000:.1f} ms p95 {bench_ui.percentile(wall, 95) * 1000:.1f} ms"
        )
    print(f"load {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
