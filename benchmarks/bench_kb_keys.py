"""CPU of the keys of a KB search, the first result list's key apart (issue 15).

    python benchmarks/bench_kb_keys.py [--episodes 10]

The real app (`practice.prepare`, the real signed log) on bench_sitting's
scenario, headless at 120 x 40, on a driven exam clock (no scheduler tick),
a minute into the exam. Each episode is bench_sitting's KB search: F5, one
of its queries typed a letter at a time with 0.25 s between letters (more
than the search's debounce, so each letter's results come before the next
letter), then F2. Per letter from the third on: the process's CPU
(`time.process_time`, all threads: the ranking runs in a worker thread)
from the key to 0.25 s later, the CPU in `KbPanel._show_results` and in
frames, and the layouts. "first" is the third letter, whose results are the
episode's first list (in bench_sitting the next letter, the episode's first
measured key, meets them); "later" the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sitting  # noqa: E402
from textual.screen import Screen  # noqa: E402

from helpdesk_tui.commands import practice  # noqa: E402
from helpdesk_tui.core.clock import ManualClock  # noqa: E402
from helpdesk_tui.ui.widgets.kb import KbPanel  # noqa: E402

CPU: Counter[str] = Counter()
COUNTS: Counter[str] = Counter()
GAP_S = 0.25


def instrument() -> None:
    """Time the result lists and the frames; count layouts."""
    show = KbPanel._show_results
    frame = Screen._on_timer_update

    def shown(panel: KbPanel, query: str, hits: list[Any]) -> None:
        start = time.process_time()
        show(panel, query, hits)
        CPU["show"] += time.process_time() - start

    def framed(screen: Screen[Any]) -> None:
        COUNTS["layouts"] += bool(screen._layout_required)
        start = time.process_time()
        frame(screen)
        CPU["frames"] += time.process_time() - start

    KbPanel._show_results = shown  # type: ignore[method-assign]
    Screen._on_timer_update = framed  # type: ignore[method-assign]


async def run(episodes: int, folder: Path) -> dict[str, list[tuple[float, float, float, int]]]:
    """(CPU, result list, frames in ms; layouts) per measured letter, first and later."""
    scenario = bench_sitting.load_scenario_copy(folder / "scenario")
    (folder / "logs").mkdir()
    args = argparse.Namespace(
        scenario=str(scenario), candidate="bench", logs=folder / "logs", lang="en"
    )
    options = {"tick_interval": None, "handle_signals": False}
    run = practice.prepare(
        args, clock=ManualClock(), app_options=options, scenario=practice.load(scenario)
    )
    keys: dict[str, list[tuple[float, float, float, int]]] = {"first": [], "later": []}
    try:
        async with run.app.run_test(size=(bench_sitting.COLS, bench_sitting.ROWS)) as pilot:
            await pilot.pause()
            run.app.advance(60)
            await pilot.pause(0.5)  # what arrived is drawn; the language loads
            for episode in range(episodes):
                query = bench_sitting.QUERIES[episode % len(bench_sitting.QUERIES)]
                await pilot.press("f5")
                await pilot.pause(0.1)
                for index, char in enumerate(query):
                    CPU.clear()
                    COUNTS.clear()
                    start = time.process_time()
                    await pilot.press("space" if char == " " else char)
                    await asyncio.sleep(GAP_S)  # the debounce, the ranking and the frame
                    if index >= 2:
                        cpu = (time.process_time() - start) * 1000
                        row = (cpu, CPU["show"] * 1000, CPU["frames"] * 1000, COUNTS["layouts"])
                        keys["first" if index == 2 else "later"].append(row)
                await pilot.press("f2")
                await pilot.pause(0.3)
    finally:
        run.writer.close()
    return keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=10)
    args = parser.parse_args()
    if not 1 <= args.episodes <= 200:
        parser.error("--episodes 1..200")
    instrument()
    with tempfile.TemporaryDirectory() as folder:
        keys = asyncio.run(run(args.episodes, Path(folder)))
    print(
        f"{'letters':8} {'n':>4} {'CPU p50':>8} {'max':>6} {'list p50':>9} {'frames p50':>11} layouts"
    )
    for name, rows in keys.items():
        print(
            f"{name:8} {len(rows):4} {statistics.median(r[0] for r in rows):8.1f}"
            f" {max(r[0] for r in rows):6.1f} {statistics.median(r[1] for r in rows):9.1f}"
            f" {statistics.median(r[2] for r in rows):11.1f} {sum(r[3] for r in rows):7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
