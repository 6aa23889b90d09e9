"""The reply box growing a line: the key's Python calls, and what follows it.

    python benchmarks/bench_box_growth.py [--rounds 4]

bench_ui's app and load (`mix_rig`). In the chat's reply box, letters are typed until the
box has grown by a line twice (3 -> 4 -> 5 rows), `--rounds` times (the box emptied in
between). For each key that grew the box: its calls from sending it to its frame
(cProfile: the same work gives the same count whatever the machine's load), the calls
and frames that followed it until the app was idle again (Textual laid the screen out a
second time when the box's scroll bar came and went), and which roots were arranged
(`MainScreen`: the whole screen, by a layout, a scroll's reflow or a rebuild of the map;
`conv-main`: the conversation's column alone), with Textual's whole layouts and scroll
reflows counted apart. What follows a key also holds the exam's tick and customer
messages when they fall into the pause (more often on a loaded machine). For scale,
the median of the keys that did not grow the box, and the calls of an idle pause.
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui import mix_rig  # noqa: E402
from textual import events  # noqa: E402
from textual._compositor import Compositor  # noqa: E402

PAUSE_S = 0.05
"""The pause after each key (a typist's), in which what follows a key is counted."""


def calls_of(profile: cProfile.Profile) -> int:
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


async def grow(rounds: int) -> tuple[list[dict[str, Any]], list[int], list[int]]:
    roots: Counter[str] = Counter()
    arrange = Compositor._arrange_root

    def counted(self: Compositor, root: Any, size: Any, visible_only: bool = True) -> Any:
        roots[root.id or type(root).__name__] += 1
        return arrange(self, root, size, visible_only)

    reflow, reflow_visible = Compositor.reflow, Compositor.reflow_visible

    def whole(self: Compositor, parent: Any, size: Any) -> Any:
        roots["whole layout"] += 1
        return reflow(self, parent, size)

    def scrolled(self: Compositor, parent: Any, size: Any) -> Any:
        roots["scroll reflow"] += 1
        return reflow_visible(self, parent, size)

    Compositor._arrange_root = counted  # type: ignore[method-assign]
    Compositor.reflow = whole  # type: ignore[method-assign]
    Compositor.reflow_visible = scrolled  # type: ignore[method-assign]
    grown: list[dict[str, Any]] = []
    steady: list[int] = []
    idle: list[int] = []
    async with mix_rig(0.5) as rig:
        app, frames = rig.app, rig.clock.frames
        main = app.main

        async def counted_pause() -> tuple[int, int]:
            profile, shown = cProfile.Profile(), len(frames)
            profile.enable()
            await rig.pilot.pause()
            await asyncio.sleep(PAUSE_S)
            await rig.pilot.pause()
            profile.disable()
            return calls_of(profile), len(frames) - shown

        await rig.pilot.press("f4")
        await rig.pilot.pause()
        box = main.conversations.input
        for _round in range(rounds):
            box.value = ""
            await rig.pilot.pause()
            idle.append((await counted_pause())[0])
            growths = 0
            while growths < 2:
                rows, length = box.outer_size.height, len(box.value)
                roots.clear()
                profile = cProfile.Profile()
                profile.enable()
                rig.driver.send_message(events.Key("a", "a"))
                while len(box.value) <= length:
                    await asyncio.sleep(0)
                handled = time.perf_counter()
                while not frames or frames[-1] < handled:
                    await asyncio.sleep(0)
                profile.disable()
                key = calls_of(profile)
                key_roots = dict(roots)
                after, after_frames = await counted_pause()
                if box.outer_size.height == rows:
                    steady.append(key)
                    continue
                growths += 1
                grown.append(
                    {
                        "rows": f"{rows} -> {box.outer_size.height}",
                        "key": key,
                        "after": after,
                        "after_frames": after_frames,
                        "arranged": key_roots,
                        "arranged_after": {k: v - key_roots.get(k, 0) for k, v in roots.items()},
                    }
                )
        app.exit()
    Compositor._arrange_root = arrange  # type: ignore[method-assign]
    Compositor.reflow, Compositor.reflow_visible = reflow, reflow_visible  # type: ignore[method-assign]
    return grown, steady, idle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    grown, steady, idle = asyncio.run(grow(args.rounds))
    for row in grown:
        after = {k: v for k, v in row["arranged_after"].items() if v}
        print(
            f"box {row['rows']}: key {row['key']:,} calls (arranged {row['arranged']}),"
            f" then {row['after']:,} calls and {row['after_frames']} frame(s)"
            f" until idle (arranged {after})"
        )
    keys = [row["key"] for row in grown]
    print(
        f"growing keys: n={len(keys)}, calls median {statistics.median(keys):,.0f},"
        f" max {max(keys):,}; what followed: median"
        f" {statistics.median(row['after'] for row in grown):,.0f}"
    )
    print(
        f"other typing keys: n={len(steady)}, calls median {statistics.median(steady):,.0f};"
        f" an idle pause of {PAUSE_S * 1000:.0f} ms: median {statistics.median(idle):,.0f} calls"
    )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
