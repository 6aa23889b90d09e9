"""Opening a form on the bench_ui load: CPU time and wall time per open (issue 14).

    python benchmarks/bench_form_open.py [--key e] [--opens 20] [--profile]

The exam app on `bench_ui`'s load (300 tickets, 8 chats, a customer message every
2 s, the real signed log), headless at 120 x 40. A form key (`e` edit, `r` reply,
`i` note, `s` resolve, `t` transfer, `w` pending, `ctrl+n` new ticket) is sent,
and the open is timed until the form has its focus and the next frame is drawn
(as `bench_ui`), then Escape closes it. CPU time (`time.process_time`) is the
figure to compare on a shared machine; wall time is printed beside it with the
load. The first open builds the form; the others reuse it (`FormShelf`), so the
first is printed on its own. `--profile` prints the top of a cProfile of the
later opens.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_ui  # noqa: E402  (sets the frame rate before Textual is imported)
from textual import events  # noqa: E402

from helpdesk_tui.ui.screens.form_base import FormScreen  # noqa: E402


async def measure(folder: Path, key: str, opens: int, profile: cProfile.Profile | None) -> None:
    app, _writer = bench_ui.loaded_app(folder)
    frames = bench_ui.FrameClock(app)
    cpu: list[float] = []
    wall: list[float] = []
    async with app.run_test(size=bench_ui.SIZE) as pilot:
        await pilot.pause(0.5)
        await pilot.press("f2", "down")
        driver = app._driver
        assert driver is not None
        for n in range(opens):
            await pilot.pause(0.1)
            t0, c0 = time.perf_counter(), time.process_time()
            if profile is not None and n > 0:
                profile.enable()
            driver.send_message(events.Key(key, key if len(key) == 1 else None))
            while not (isinstance(app.screen, FormScreen) and app.screen.focused is not None):
                await asyncio.sleep(0)
            handled = time.perf_counter()
            while not frames.frames or frames.frames[-1] < handled:
                await asyncio.sleep(0)
            if profile is not None:
                profile.disable()
            cpu.append(time.process_time() - c0)
            wall.append(frames.frames[-1] - t0)
            await pilot.pause(0.1)
            driver.send_message(events.Key("escape", None))
            while app.screen is not app.main:
                await asyncio.sleep(0)
        app.exit()
    later_cpu, later_wall = cpu[1:] or cpu, wall[1:] or wall
    print(f"form {key!r}, {opens} opens, load {os.getloadavg()[0]:.1f}")
    print(f"  first open: CPU {cpu[0] * 1000:.1f} ms, wall {wall[0] * 1000:.1f} ms")
    print(
        f"  later opens: CPU median {statistics.median(later_cpu) * 1000:.1f} ms, "
        f"wall median {statistics.median(later_wall) * 1000:.1f} ms, "
        f"p95 {bench_ui.percentile(later_wall, 95) * 1000:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", default="e")
    parser.add_argument("--opens", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    profile = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure(Path(folder), args.key, max(2, args.opens), profile))
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
