"""CPU of the input guard (`ui/input_guard.py`) per read, in process, no terminal.

    python benchmarks/bench_input_guard.py [--module PATH] [--repeat 5]

Feeds one `InputGuard` what a terminal sends: typing (one to three characters a
read, with arrow keys and F-keys among them), a 1 MB bracketed paste of random
bytes in 4 KB reads, the same bytes without markers (a flood), and 1,000 stray
terminal sequences (OSC 52, DCS answers, unknown CSI). Prints the CPU time
(`time.process_time`) per typing read in microseconds and per MB of paste or
flood in milliseconds, the best and the spread of `--repeat` runs. `--module`
loads another version of the guard (e.g. `git show main:helpdesk_tui/ui/input_guard.py
> /tmp/old.py`) to compare in the same process conditions.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load(path: str | None) -> ModuleType:
    if path is None:
        from helpdesk_tui.ui import input_guard

        return input_guard
    spec = importlib.util.spec_from_file_location("guard_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def typing_reads(count: int) -> list[bytes]:
    rng = random.Random(5)
    keys = [b"a", b"e", b" ", b"\r", b"\x1b[A", b"\x1b[B", b"\x1b[14~", b"\x7f", "é".encode()]
    return [b"".join(rng.choice(keys) for _ in range(rng.randint(1, 3))) for _ in range(count)]


def chunks(data: bytes, size: int = 4096) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def run(module: ModuleType) -> dict[str, float]:
    figures = {}
    reads = typing_reads(20_000)
    guard = module.InputGuard()
    start = time.process_time()
    for data in reads:
        guard.feed(data)
    figures["typing us/read"] = (time.process_time() - start) / len(reads) * 1e6
    noise = random.Random(11).randbytes(1 << 20)
    for name, data in (
        ("paste ms/MB", b"\x1b[200~" + noise + b"\x1b[201~"),
        ("flood ms/MB", noise.replace(b"\x1b[200~", b"")),
    ):
        guard = module.InputGuard()
        start = time.process_time()
        for part in chunks(data):
            guard.feed(part, waited=0.0)
        figures[name] = (time.process_time() - start) * 1e3
    strays = (b"\x1b]52;c;SGVsbG8=\x07", b"\x1bP1$r0m\x1b\\", b"\x1b[8;99;99t", b"x")
    data = b"".join(strays * 1000)  # 3,000 stray sequences between typed letters
    guard = module.InputGuard()
    start = time.process_time()
    for part in chunks(data, 64):
        guard.feed(part, waited=0.05)
    figures["strays ms/1000"] = (time.process_time() - start) * 1e3 / 3
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    module = load(args.module)
    runs = [run(module) for _ in range(args.repeat)]
    for name in runs[0]:
        values = sorted(r[name] for r in runs)
        print(
            f"{name:16} best {values[0]:8.2f}  median {values[len(values) // 2]:8.2f}  worst {values[-1]:8.2f}"
        )


if __name__ == "__main__":
    main()
