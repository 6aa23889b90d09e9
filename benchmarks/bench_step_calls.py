"""Python calls per queue cursor step or area switch, on a clock that stands still.

    python benchmarks/bench_step_calls.py [--keys 72] [--area | --fresh]

The bench's app and load (`bench_ui.loaded_app`) on a `ManualClock`, with no scheduler
tick: no SLA second, customer message or tick falls into a key, so each key's count of
Python function calls (cProfile) is its own work and does not move with the machine's
load. The first 24 keys warm up (tickets seen once); the rest are counted, split into
the calls until the key's effect is done and the calls until its frame.
`--fresh`: the cursor only goes down, onto a ticket not shown before at every step
(the first 2 keys are not counted), as a candidate's first pass down the queue.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import SIZE, FrameClock, loaded_app  # noqa: E402
from textual import events  # noqa: E402

from helpdesk_tui.core.clock import ManualClock  # noqa: E402
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail  # noqa: E402

WARM_UP = 24


def calls(profile: cProfile.Profile) -> int:
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


async def measure(keys: int, area: bool, fresh: bool = False) -> tuple[list[int], list[int]]:
    with tempfile.TemporaryDirectory() as tmp:
        app, writer = loaded_app(Path(tmp), ManualClock())
        frames = FrameClock(app).frames
        before: list[int] = []
        frame: list[int] = []
        async with app.run_test(size=SIZE) as pilot:
            app.tick_interval = None
            await pilot.pause()
            main = app.main
            driver = app._driver
            assert driver is not None
            detail = main.query_one(TicketDetail)
            for n in range(keys):
                if area:
                    key = "f4" if n % 2 == 0 else "f2"
                    want = "conversation" if key == "f4" else "queue"

                    def done(want: str = want) -> bool:
                        return main.area == want
                else:
                    key = "down" if fresh or (n // 12) % 2 == 0 else "up"
                    row = main.queue.cursor_row

                    def done(row: int = row) -> bool:
                        moved = main.queue.cursor_row != row
                        return moved and detail.ticket_id == main.queue.selected_id

                shown = len(frames)
                first, second = cProfile.Profile(), cProfile.Profile()
                first.enable()
                driver.send_message(events.Key(key, None))
                while not done():
                    await asyncio.sleep(0)
                first.disable()
                second.enable()
                while len(frames) == shown:
                    await asyncio.sleep(0)
                second.disable()
                if n >= (2 if fresh else WARM_UP):
                    before.append(calls(first))
                    frame.append(calls(second))
                await pilot.pause(0.02)
            app.exit()
        writer.close()
    return before, frame


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=72)
    parser.add_argument("--area", action="store_true", help="F2/F4 instead of the cursor")
    parser.add_argument(
        "--fresh", action="store_true", help="the cursor down onto a new ticket at every step"
    )
    args = parser.parse_args()
    before, frame = asyncio.run(measure(args.keys, args.area, args.fresh))
    kind = "area switch" if args.area else "queue cursor" + (" (fresh)" if args.fresh else "")
    total = [a + b for a, b in zip(before, frame, strict=True)]
    print(
        f"{kind}, {len(total)} keys: calls until done median {statistics.median(before):,.0f},"
        f" in the frame median {statistics.median(frame):,.0f},"
        f" total mean {statistics.fmean(total):,.0f}, max {max(total):,}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
