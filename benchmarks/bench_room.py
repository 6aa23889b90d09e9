"""The proctor's room (issue 15): what following a whole sitting costs, per look at the logs.

    python benchmarks/bench_room.py [--candidates 40] [--ticks 120] [--dir DIR]

Setup: the bundled scenario played headless by the ideal candidate gives one
real session's records; each of N candidates gets a signed log of them (own
header and session id) in SITTING/cNNN/, half written. Then, tick by tick, a
quarter of the candidates (chosen at random) each gain the next 1-3 records,
appended as whole lines, as a running exam writes them.

- catch-up: the room's first look, when every log is read whole and verified
  (opening the room in the middle of a sitting).
- tick, model: `Room.poll()` (only new bytes read, each record verified and
  folded) plus `Room.rows()` (every row's figures at that moment, SLA clocks
  included). Median and p95 per tick.
- tick, on screen: the same through the running Textual app (headless, 120 x
  40): `RoomApp.poll()` then the table's update by difference, to the next
  idle point. Median and p95.
- idle tick: nothing new anywhere (the cost of the clocks alone), on screen.

The room polls once a second by default: the tick figures are the share of
one core it takes (e.g. 20 ms a tick is 2 % of a core).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpdesk_tui.assess.testing import bundled_scenario  # noqa: E402
from helpdesk_tui.eventlog.keys import Signer  # noqa: E402
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header  # noqa: E402
from helpdesk_tui.simulate.runner import run_headless  # noqa: E402
from helpdesk_tui.sitting.room import Room  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(value: float) -> str:
    return f"{value * 1000:.2f} ms"


def make_sitting(folder: Path, candidates: int) -> dict[str, list[bytes]]:
    """Every candidate's log lines; the first half of each is written."""
    events = run_headless(bundled_scenario(), "ideal").events
    lines: dict[str, list[bytes]] = {}
    for n in range(candidates):
        name = f"c{n:03d}"
        header = dataclasses.replace(
            sample_header(mode="practice", candidate_id=name, scenario_id="en-northwind-monday"),
            session_id=f"{n:032x}",
        )
        data = build_log_bytes(header, Signer.ephemeral(), events, seal=None)
        lines[name] = data.splitlines(keepends=True)
        (folder / name).mkdir(parents=True)
        (folder / name / "exam.jsonl").write_bytes(b"".join(lines[name][: len(lines[name]) // 2]))
    return lines


class Growth:
    """Appends the next records of a random quarter of the logs, each tick."""

    def __init__(self, folder: Path, lines: dict[str, list[bytes]], seed: int = 7) -> None:
        self.folder, self.lines = folder, lines
        self.written = {name: len(ls) // 2 for name, ls in lines.items()}
        self.random = random.Random(seed)

    def tick(self) -> int:
        names = self.random.sample(sorted(self.lines), max(1, len(self.lines) // 4))
        added = 0
        for name in names:
            start = self.written[name]
            stop = min(len(self.lines[name]), start + self.random.randint(1, 3))
            with open(self.folder / name / "exam.jsonl", "ab") as handle:
                handle.write(b"".join(self.lines[name][start:stop]))
            self.written[name] = stop
            added += stop - start
        return added


def bench_model(folder: Path, lines: dict[str, list[bytes]], ticks: int) -> None:
    room = Room(folder)
    started = time.perf_counter()
    room.poll()
    room.rows()
    catch_up = time.perf_counter() - started
    records = sum(w.follower.lines for w in room.watches.values())
    print(
        f"catch-up: {len(room.watches)} logs, {records} records read and verified in {ms(catch_up)}"
    )
    growth = Growth(folder, lines)
    times: list[float] = []
    for _ in range(ticks):
        growth.tick()
        started = time.perf_counter()
        room.poll()
        room.rows()
        times.append(time.perf_counter() - started)
    print(f"tick, model: median {ms(statistics.median(times))}, p95 {ms(percentile(times, 95))}")


async def bench_screen(folder: Path, lines: dict[str, list[bytes]], ticks: int) -> None:
    from helpdesk_tui.ui.room.app import RoomApp

    app = RoomApp(Room(folder), poll_interval=None)
    growth = Growth(folder, lines, seed=11)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        busy: list[float] = []
        idle: list[float] = []
        for n in range(ticks):
            quiet = n % 4 == 3
            if not quiet:
                growth.tick()
            started = time.perf_counter()
            app.poll()
            await pilot.pause()
            (idle if quiet else busy).append(time.perf_counter() - started)
    print(f"tick, on screen: median {ms(statistics.median(busy))}, p95 {ms(percentile(busy, 95))}")
    print(
        f"idle tick, on screen: median {ms(statistics.median(idle))}, p95 {ms(percentile(idle, 95))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=40)
    parser.add_argument("--ticks", type=int, default=120)
    parser.add_argument("--dir", type=Path, default=None, help="where the logs go (a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp) / "sitting"
        lines = make_sitting(folder, args.candidates)
        size = sum(p.stat().st_size for p in folder.rglob("*.jsonl"))
        print(f"{args.candidates} candidates, logs half written: {size / 1e6:.1f} MB")
        bench_model(folder, lines, args.ticks)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp) / "sitting"
        lines = make_sitting(folder, args.candidates)
        asyncio.run(bench_screen(folder, lines, args.ticks))


if __name__ == "__main__":
    main()
