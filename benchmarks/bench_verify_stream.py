"""Benchmark: `helpdesk-exam verify` of a log just under the 512 MiB limit: peak RSS and time.

    python benchmarks/bench_verify_stream.py [--mib 500] [--repeat 3] [--shape records,padded]
                                             [--main-python /work/main/.venv/bin/python]

Two logs of `--mib` MiB each, written a batch at a time (never held whole here):

- `records`: a valid, signed and sealed practice log of ordinary records (the
  writer's own encoder, the events of `eventlog.testing.iter_sample_events`, about
  240 bytes a record, so some 2 million of them): the most lines, hence the most
  line hashes, a log that size can hold.
- `padded`: a short valid log followed by `--mib` MiB of spaces with no newline,
  the log qa-sitting8 handed to `verify` (then: about 1 GB and 4-8 s).
- `bad`: the `records` log with its third line changed (one hex digit of its `prev`)
  and a torn last line: the first fault is on line 3, and `verify` now reads on to the
  end (counting, keeping nothing) to say how many lines follow and that the log ends in a
  torn line (bugs11; before, it stopped reading at line 3).

Each is verified `--repeat` times in a fresh process under `/usr/bin/time -v`
(`helpdesk-exam verify LOG`, the command an assessor runs), printing its exit code,
wall time and peak RSS. With `--main-python`, the same runs with another tree's
interpreter (e.g. main's venv), interleaved, for a comparison on a shared machine.
Target (sec-fuzz9): **peak RSS < 150 MB** for a 500 MB log.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpdesk_tui.eventlog.chain import ChainEncoder
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import CheckpointPolicy
from helpdesk_tui.eventlog.testing import (
    chain_seed,
    iter_sample_events,
    sample_header,
    seeded_keys,
)


def write_records_log(path: Path, size: int) -> int:
    """A sealed practice log of ordinary records, about `size` bytes; its record count."""
    header = sample_header(mode="practice")
    signer = Signer.ephemeral()
    encoder, first = ChainEncoder.start(
        header, signer, CheckpointPolicy(), seeded_keys(chain_seed(header, signer))
    )
    written, count = len(first), 0
    with path.open("wb", buffering=1 << 20) as out:
        out.write(first)
        for event in iter_sample_events(seed=9, step=0.001):
            batch = encoder.event(event)
            out.write(batch.data)
            encoder.commit(batch)
            written += len(batch.data)
            count += 1
            if written >= size - 2000:
                break
        out.write(encoder.seal("completed", event.exam_time, event.wall_time).data)
    return count


def write_padded_log(path: Path, size: int) -> None:
    header = sample_header(mode="practice")
    signer = Signer.ephemeral()
    encoder, first = ChainEncoder.start(header, signer, CheckpointPolicy())
    with path.open("wb") as out:
        out.write(first)
        for event in iter_sample_events(seed=3):
            batch = encoder.event(event)
            out.write(batch.data)
            encoder.commit(batch)
            if batch.seq >= 6:
                break
        block = b" " * (1 << 20)
        for _ in range(size >> 20):
            out.write(block)


def write_bad_log(path: Path, size: int) -> int:
    """The `records` log, its line 3 changed in place and a torn line added; its records."""
    count = write_records_log(path, size)
    with path.open("r+b") as log:
        offset = sum(len(log.readline()) for _ in range(2))
        line = log.readline()
        at = line.index(b'"prev":"') + len(b'"prev":"')
        log.seek(offset + at)
        log.write(b"0" if line[at : at + 1] != b"0" else b"1")
        log.seek(0, os.SEEK_END)
        log.write(b'{"seq":99,"t":1.0,"wall":"2025-')
    return count


def run_verify(python: str, log: Path) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak RSS (MB) of `verify LOG` in a fresh process."""
    command = ["/usr/bin/time", "-v", python, "-m", "helpdesk_tui.cli", "verify", str(log)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=log.parent)
    wall = time.perf_counter() - started
    said = [line for line in done.stdout.splitlines() if line.startswith(("  after", "  torn"))]
    for line in said:  # what verify says after the fault (bugs11), printed once per run
        print(f"      {line.strip()}")
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    rss = int(found.group(1)) / 1024 if found else float("nan")
    code = re.search(r"Exit status: (\d+)", done.stderr)
    return (int(code.group(1)) if code else -1), wall, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mib", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shape", default="records,padded")
    parser.add_argument("--main-python", default=None)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build the logs here and keep them; reuse them"
    )
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        for shape in args.shape.split(","):
            log = (args.keep or Path(tmp)) / f"{shape}.jsonl"
            started = time.perf_counter()
            if log.exists():
                what = "kept from an earlier run"
            elif shape == "records":
                count = write_records_log(log, args.mib << 20)
                what = f"{count} records"
            elif shape == "bad":
                count = write_bad_log(log, args.mib << 20)
                what = f"{count} records, line 3 changed, a torn last line"
            else:
                write_padded_log(log, args.mib << 20)
                what = f"{args.mib} MiB of padding, no newline"
            size = log.stat().st_size / (1 << 20)
            print(
                f"{shape}: {size:.0f} MiB ({what}), built in {time.perf_counter() - started:.0f} s"
            )
            trees = [("this tree", sys.executable)]
            if args.main_python:
                trees.append(("other tree", args.main_python))
            for run in range(1, args.repeat + 1):
                for name, python in trees:
                    code, wall, rss = run_verify(python, log)
                    print(
                        f"  run {run} {name:<10} exit {code}  wall {wall:6.2f} s  "
                        f"peak RSS {rss:7.1f} MB  (load {os.getloadavg()[0]:.2f})"
                    )


if __name__ == "__main__":
    main()
