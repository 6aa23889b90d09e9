"""CPU per second of each kind of episode bench_sitting's candidates play (issue 15).

    python benchmarks/bench_episode_cpu.py [--seconds 15] [--episodes idle,chat,note,kb]

The real app as an exam session builds it (`practice.prepare`, the real signed
log and clock, the scheduler's ticks), on bench_sitting's scenario (the
bundled `en-northwind-monday`, timetable compressed 15 times), headless at
120 x 40. For each kind of episode, a fresh session waits 3 s, then repeats
the episode with bench_sitting's key gaps (200-800 ms) for `--seconds`:

- idle: no key (the scheduler's ticks and the customers alone);
- chat: F4, a sentence, Enter;
- note: F2, Down, `i`, a sentence, Ctrl+S;
- kb: F5, a query, F2.

Printed per episode: the process's CPU time per wall second
(`time.process_time`, all threads), frames per second, how many of those
frames had to lay the screen out again first (the costly kind), and the
garbage collector's CPU per second with its full collections (how many, the
longest: a key that arrives during one waits for it). The sitting's
per-session CPU is about the mix of these weighted by the episodes' shares
(chat 5, note 3, kb 2 once chats are open). Wall time here is not measured.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sitting  # noqa: E402
from textual.screen import Screen  # noqa: E402

from helpdesk_tui.commands import practice  # noqa: E402

EPISODES: dict[str, list[str]] = {
    "idle": [],
    "chat": ["f4", *"thanks for waiting", "enter"],
    "note": ["f2", "down", "i", *"called back", "ctrl+s"],
    "kb": ["f5", *"password reset", "f2"],
}
FRAMES: Counter[str] = Counter()
COLLECTIONS: list[tuple[int, float]] = []
"""(generation, thread CPU ms) of each garbage collection in the measured window."""
_started: list[float] = []


def time_collections(phase: str, info: dict[str, int]) -> None:
    """gc.callbacks hook: each collection's CPU time (a key arriving during one waits)."""
    if phase == "start":
        _started[:] = [time.thread_time()]
    elif _started:
        COLLECTIONS.append((info["generation"], (time.thread_time() - _started[0]) * 1000))


def count_frames() -> None:
    """Count frames, and those that needed a layout, by wrapping the screen's frame."""
    original = Screen._on_timer_update

    def counted(self: Screen[object]) -> None:
        FRAMES["frames"] += 1
        FRAMES["layout"] += bool(self._layout_required)
        original(self)

    Screen._on_timer_update = counted  # type: ignore[method-assign]


async def episode(name: str, seconds: float, folder: Path) -> dict[str, float]:
    scenario_folder = bench_sitting.load_scenario_copy(folder / "scenario")
    logs = folder / "logs"
    logs.mkdir()
    args = argparse.Namespace(
        scenario=str(scenario_folder), candidate="bench", logs=logs, lang="en"
    )
    run = practice.prepare(args, scenario=practice.load(scenario_folder))
    rng = random.Random(3)
    try:
        async with run.app.run_test(size=(bench_sitting.COLS, bench_sitting.ROWS)) as pilot:
            await pilot.pause(3.0)
            FRAMES.clear()
            COLLECTIONS.clear()
            cpu0, wall0 = time.process_time(), time.monotonic()
            while time.monotonic() < wall0 + seconds:
                if not EPISODES[name]:
                    await asyncio.sleep(1.0)
                for key in EPISODES[name]:
                    await pilot.press(key)
                    await asyncio.sleep(rng.uniform(*bench_sitting.KEY_GAP_S))
            cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    finally:
        run.writer.close()
    full = sorted(ms for generation, ms in COLLECTIONS if generation == 2)
    return {"cpu_ms_s": cpu * 1000 / wall, "frames_s": FRAMES["frames"] / wall,
            "layout_s": FRAMES["layout"] / wall, "full_gc": len(full),
            "full_gc_max_ms": max(full, default=0.0),
            "gc_ms_s": sum(ms for _, ms in COLLECTIONS) / wall}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--episodes", default="idle,chat,note,kb")
    args = parser.parse_args()
    names = args.episodes.split(",")
    if not all(name in EPISODES for name in names) or not 1 <= args.seconds <= 600:
        parser.error(f"--episodes from {','.join(EPISODES)}; --seconds 1..600")
    count_frames()
    gc.callbacks.append(time_collections)
    print(f"{'episode':8} {'CPU ms/s':>9} {'frames/s':>9} {'layout/s':>9} {'GC ms/s':>8} "
          f"{'full GCs':>9} {'max full ms':>12}")  # fmt: skip
    for name in names:
        with tempfile.TemporaryDirectory() as folder:
            row = asyncio.run(episode(name, args.seconds, Path(folder)))
        print(f"{name:8} {row['cpu_ms_s']:9.1f} {row['frames_s']:9.2f} {row['layout_s']:9.2f} "
              f"{row['gc_ms_s']:8.2f} {row['full_gc']:9d} {row['full_gc_max_ms']:12.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
