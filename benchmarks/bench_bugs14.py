"""What bugs14's fixes cost (branch bugs14).

    python benchmarks/bench_bugs14.py [--rounds 5]

- `printable.without_bidi`, which every frame of `review`, `observe`, `room` (and the exam)
  now goes through on its way to the terminal (`ui.terminal.SafeWriter.write`): CPU per
  frame of 18.6 kB (a full 100 x 30 frame with its escape codes) without a bidi control
  (the case of every frame of an honest log) and with one.
- `language probe` refusing standard input past its bound: 10,001 lines, 20,000 blank lines
  and a 9 MB line, each in a subprocess, wall time to the refusal.

CPU (`time.process_time`) is the figure to compare on a shared machine; each figure is
given for every round (median, min-max), so the machine's load shows as a spread.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from helpdesk_tui.printable import without_bidi

FRAME = "\x1b[1;97;46m ●2 VPN from hom…\x1b[0m" * 600


def per_frame_us(text: str, number: int) -> float:
    start = time.process_time()
    for _ in range(number):
        without_bidi(text)
    return (time.process_time() - start) / number * 1e6


def probe_refusal_s(data: bytes) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "helpdesk_tui.cli", "language", "probe", "--lang", "en"],
        input=data,
        capture_output=True,
    )
    return time.perf_counter() - start, done.returncode


def spread(values: list[float], unit: str, digits: int = 1) -> str:
    return (
        f"median {statistics.median(values):.{digits}f} {unit} "
        f"(min {min(values):.{digits}f}, max {max(values):.{digits}f}, n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    clean = [per_frame_us(FRAME, 2000) for _ in range(args.rounds)]
    bent = [per_frame_us(FRAME + "\u202e", 200) for _ in range(args.rounds)]
    print(f"without_bidi, 18.6 kB frame, none in it: {spread(clean, 'us')}")
    print(f"without_bidi, 18.6 kB frame, one in it:  {spread(bent, 'us')}")
    inputs = {
        "10,001 lines": b"Hello\n" * 10_001,
        "20,000 blank lines": b"\n" * 20_000,
        "a 9 MB line": b"x" * (9 * 1024 * 1024),
    }
    for name, data in inputs.items():
        runs = [probe_refusal_s(data) for _ in range(max(1, args.rounds // 2))]
        codes = {code for _t, code in runs}
        print(f"probe refuses {name}: {spread([t for t, _c in runs], 's', 2)}, exit {codes}")


if __name__ == "__main__":
    main()
