"""What one idle second of an exam costs: CPU per tick and what its frame paints (issue 15).

    python benchmarks/bench_idle_tick.py [--ticks 60] [--start 300] [--start 30] [--behind-form]

The real app (`practice.prepare`, the real signed log) on bench_sitting's
scenario (`en-northwind-monday`, timetable compressed 15 times), headless at
120 x 40, but on a driven exam clock: from exam second `--start`, the clock
is moved one second at a time and the app ticks as its timer would (the
scheduler's tick, then the frame it causes). Nobody types. Printed per
start: the process's CPU per tick (`time.process_time`, all threads; the
driving loop's sleeps included), frames and layouts, the CPU spent in the
screen's redraw and in frames, and per widget the lines its frame painted
and the CPU that took.

Unlike `bench_episode_cpu.py --episodes idle` (real clock, the first minute
of the exam with its arrivals) this repeats the same seconds whatever the
machine's speed, so two versions compare on the same work; it measures the
tick itself, not the arrivals (a second start after the timetable's first
minutes shows the plain tick).

With `--behind-form` the note form is open over the exam while the seconds
pass (issue 15: the exam behind a dialog is redrawn, dimmed, under the
form): the figures are then those of the covered redraws, and "a frame" is
the CPU of one frame that shows a change behind the form.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sitting  # noqa: E402
from textual._styles_cache import StylesCache  # noqa: E402
from textual.screen import Screen  # noqa: E402

from helpdesk_tui.commands import practice  # noqa: E402
from helpdesk_tui.core.clock import ManualClock  # noqa: E402
from helpdesk_tui.ui.screens.main import MainScreen  # noqa: E402

CPU: Counter[str] = Counter()
LINES: Counter[str] = Counter()
COUNTS: Counter[str] = Counter()


def instrument() -> None:
    """Time the redraw, the frames and each widget's painting; count frames and layouts."""
    paint = StylesCache.render_widget
    frame = Screen._on_timer_update
    redraw = MainScreen.redraw

    def painted(cache: StylesCache, widget: Any, crop: Any) -> Any:
        start = time.process_time()
        try:
            return paint(cache, widget, crop)
        finally:
            name = f"{type(widget).__name__}#{widget.id or ''}"
            CPU["paint " + name] += time.process_time() - start
            LINES[name] += crop.height

    def framed(screen: Screen[Any]) -> None:
        COUNTS["frames"] += 1
        COUNTS["layouts"] += bool(screen._layout_required)
        start = time.process_time()
        frame(screen)
        CPU["frames"] += time.process_time() - start

    def redrawn(screen: MainScreen, *args: Any, **kwargs: Any) -> None:
        start = time.process_time()
        redraw(screen, *args, **kwargs)
        CPU["redraw"] += time.process_time() - start

    StylesCache.render_widget = painted  # type: ignore[method-assign]
    Screen._on_timer_update = framed  # type: ignore[method-assign]
    MainScreen.redraw = redrawn  # type: ignore[method-assign]


async def run(ticks: int, start: float, folder: Path, behind_form: bool = False) -> float:
    """CPU seconds per tick over `ticks` idle seconds from exam second `start`."""
    scenario = bench_sitting.load_scenario_copy(folder / "scenario")
    (folder / "logs").mkdir()
    args = argparse.Namespace(
        scenario=str(scenario), candidate="bench", logs=folder / "logs", lang="en"
    )
    options = {"tick_interval": None, "handle_signals": False}
    run = practice.prepare(
        args, clock=ManualClock(), app_options=options, scenario=practice.load(scenario)
    )
    try:
        async with run.app.run_test(size=(bench_sitting.COLS, bench_sitting.ROWS)) as pilot:
            await pilot.pause()
            run.app.advance(start)
            await pilot.pause(0.5)  # what arrived meanwhile is drawn; the language loads
            if behind_form:
                await pilot.press("i")  # the note form, on the selected ticket
                await pilot.pause(0.5)
                assert run.app.screen is not run.app.main, "the note form did not open"
            for counter in (CPU, LINES, COUNTS):
                counter.clear()
            cpu = time.process_time()
            for _ in range(ticks):
                run.app.advance(1.0)
                await asyncio.sleep(0.05)  # the frame comes (one frame period is 1/60 s)
            return (time.process_time() - cpu) / ticks
    finally:
        run.writer.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ticks", type=int, default=60)
    parser.add_argument("--start", type=float, action="append", help="exam second (repeatable)")
    parser.add_argument(
        "--behind-form", action="store_true", help="the seconds pass behind an open note form"
    )
    args = parser.parse_args()
    starts = args.start or [300.0]
    if not 1 <= args.ticks <= 3600 or not all(0 <= s <= 36000 for s in starts):
        parser.error("--ticks 1..3600, --start 0..36000")
    instrument()
    for start in starts:
        with tempfile.TemporaryDirectory() as folder:
            per_tick = asyncio.run(run(args.ticks, start, Path(folder), args.behind_form))
        n = args.ticks
        print(
            f"from exam second {start:g}, {n} idle ticks: CPU {per_tick * 1000:.2f} ms a tick; "
            f"frames {COUNTS['frames'] / n:.2f} a tick, layouts {COUNTS['layouts']}; "
            f"redraw {CPU['redraw'] * 1000 / n:.2f} ms, frames {CPU['frames'] * 1000 / n:.2f} ms"
            f" ({CPU['frames'] * 1000 / max(1, COUNTS['frames']):.2f} ms a frame)"
        )
        for name, lines in LINES.most_common():
            cpu = CPU["paint " + name] * 1000 / n
            print(f"    {name:36} {lines / n:6.1f} lines {cpu:6.2f} ms a tick")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
