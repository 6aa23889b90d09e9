"""What a fast typist's words and Enter look like on a pty, and what the input guard makes
of them (bugs20).

A writer thread types lines into a pseudo-terminal, key by key, at a fast typist's pace
(gaps drawn from `--gap-ms`, each line ending in Enter); the reader reads the other end
as the exam's input thread does (`select`, `os.read`, `ReadTimes`, `InputGuard.feed`,
`idle`), and stalls now and then as a busy app does (`--stall-ms`), so keys queue and
come several to a read. Also: each line written at once (tmux `send-keys "word" Enter`,
a line-mode terminal). Printed per case: reads, the largest read, keys a read held
(mean), reads taken for a paste (`Pasted`) and the guard's flood count, for the exam's
bound (`FLOOD_CHARS`) and a viewer's (1, its own screen: letters read together are a
paste there by design; in a text box it takes the exam's since bugs20).

    python benchmarks/bench_typed_lines.py [--lines 25] [--seed 7]   (about 6 minutes, asleep)
"""

from __future__ import annotations

import argparse
import os
import pty
import random
import selectors
import statistics
import threading
import time
import tty

from helpdesk_tui.ui.input_guard import FLOOD_CHARS, READ_SIZE, InputGuard, Pasted, ReadTimes

SENTENCE = (
    "ok thanks i will restart the router now can you try again please 0:01:00 #120 "
    "vpn password reset printer queue"
)
WORDS = SENTENCE.split()


def lines(count: int, rng: random.Random) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8))) for _ in range(count)]


def writer(
    fd: int, text: list[str], gap_ms: tuple[float, float], at_once: bool, rng: random.Random
) -> None:
    for line in text:
        if at_once:
            os.write(fd, (line + "\r").encode())
            time.sleep(0.4)  # the next line a while later: a person reads the answer
            continue
        for ch in line + "\r":
            os.write(fd, ch.encode())
            time.sleep(rng.uniform(*gap_ms) / 1000)
        time.sleep(0.3)


def read_all(
    fd: int, bound: int, stall_ms: float, stop: threading.Event, rng: random.Random
) -> dict[str, float]:
    guard = InputGuard(bound)
    times = ReadTimes(time.monotonic)
    selector = selectors.SelectSelector()
    selector.register(fd, selectors.EVENT_READ)
    sizes: list[int] = []
    pasted = 0
    quiet = 0.0
    while not (stop.is_set() and quiet > 0.5):
        if selector.select(0.03):
            data = os.read(fd, READ_SIZE)
            waited, since = times.read()
            sizes.append(len(data))
            pieces = guard.feed(data, waited=waited, since=since)
            pasted += sum(isinstance(p, Pasted) for p in pieces)
            if stall_ms and rng.random() < 0.3:
                time.sleep(rng.uniform(0, stall_ms) / 1000)  # the app busy: keys queue
            times.handled()
            quiet = 0.0
        else:
            pieces = guard.idle(times.silent())
            pasted += sum(isinstance(p, Pasted) for p in pieces)
            quiet += 0.03
    return {
        "reads": len(sizes),
        "largest": max(sizes, default=0),
        "mean": statistics.fmean(sizes) if sizes else 0.0,
        "pasted": pasted,
        "floods": guard.floods,
    }


def run(
    case: str, bound: int, count: int, gap: tuple[float, float], stall: float, seed: int
) -> None:
    rng = random.Random(seed)
    text = lines(count, rng)
    main, side = pty.openpty()
    tty.setraw(side)
    stop = threading.Event()
    result: dict[str, float] = {}

    def reader() -> None:
        result.update(read_all(side, bound, stall, stop, random.Random(seed + 1)))

    thread = threading.Thread(target=reader)
    thread.start()
    writer(main, text, gap, case == "line at once", rng)
    stop.set()
    thread.join()
    os.close(main)
    os.close(side)
    keys = sum(len(line) + 1 for line in text)
    print(
        f"{case:14s} bound {bound:4d} gaps {gap[0]:.0f}-{gap[1]:.0f} ms stall<= {stall:4.0f} ms: "
        f"{keys} keys in {result['reads']:.0f} reads (largest {result['largest']:.0f}, "
        f"mean {result['mean']:.1f}); pasted {result['pasted']:.0f}, floods {result['floods']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=25)  # ~6 min of wall (sleeps)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    for bound in (FLOOD_CHARS, 1):
        for gap, stall in (((40, 120), 0), ((25, 80), 0), ((25, 80), 300), ((15, 50), 1000)):
            run("key by key", bound, args.lines, gap, stall, args.seed)
        run("line at once", bound, args.lines, (0, 0), 0, args.seed)


if __name__ == "__main__":
    main()
