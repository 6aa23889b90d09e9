"""Event-log benchmark: append+fsync latency and verify throughput. Prints figures.

    python benchmarks/bench_eventlog.py [--appends 5000] [--records 100000] [--dir DIR]

Targets (issue 3): append+fsync p99 < 2 ms on the exam machine's disk; verify
>= 100,000 records/s, so a 5-hour exam log verifies in about a second. This is
a measurement to read, not a timed test: disks and machines differ.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from helpdesk_tui.eventlog import CheckpointPolicy, EventLogWriter, Signer, verify_log
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header

CHECKOUT = Path(__file__).resolve().parents[1]


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def bench_raw_fsync(directory: Path, count: int, size: int = 222) -> None:
    """The disk's own floor: os.write + os.fsync of a line, no log code at all."""
    durations = []
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        fd = os.open(Path(tmp) / "raw", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        line = b"x" * (size - 1) + b"\n"
        for _ in range(count):
            start = time.perf_counter_ns()
            os.write(fd, line)
            os.fsync(fd)
            durations.append((time.perf_counter_ns() - start) / 1e6)
        os.close(fd)
    durations.sort()
    print(f"baseline: raw write + fsync of a {size}-byte line, {count} times:")
    print(
        f"  median {statistics.median(durations):.3f} ms   p99 {percentile(durations, 0.99):.3f} ms"
    )


def bench_append(directory: Path, count: int) -> None:
    """Time each append (write + fsync, and the checkpoint when one falls due)."""
    signer = Signer.ephemeral()
    events = sample_events(count, seed=1, step=0.5)
    durations, with_checkpoint = [], []
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        path = Path(tmp) / "bench.jsonl"
        writer = EventLogWriter.create(
            path, sample_header(mode="practice"), signer, CheckpointPolicy()
        )
        for event in events:
            signed_before = writer.unsigned_records
            start = time.perf_counter_ns()
            writer.append(event)
            elapsed = (time.perf_counter_ns() - start) / 1e6
            durations.append(elapsed)
            if writer.unsigned_records < signed_before + 1:
                with_checkpoint.append(elapsed)
        writer.close()
        size = path.stat().st_size
    durations.sort()
    print(f"append + fsync, {count} records on {directory} ({size / count:.0f} bytes/record):")
    print(
        f"  median {statistics.median(durations):.3f} ms   p99 {percentile(durations, 0.99):.3f} ms   "
        f"max {durations[-1]:.3f} ms   (target p99 < 2 ms)"
    )
    if with_checkpoint:
        print(
            f"  appends that carried a checkpoint ({len(with_checkpoint)}): "
            f"median {statistics.median(with_checkpoint):.3f} ms"
        )


def bench_verify(directory: Path, records: int, rounds: int = 3) -> None:
    """Verify a sealed log of `records` events (plus its checkpoints); best of `rounds`."""
    signer = Signer.ephemeral()
    data = build_log_bytes(
        sample_header(mode="practice"), signer, sample_events(records, seed=2, step=0.18)
    )
    lines = data.count(b"\n")
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        path = Path(tmp) / "big.jsonl"
        path.write_bytes(data)
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            result = verify_log(path, None)
            best = min(best, time.perf_counter() - start)
        assert result.status == "ok", result.fault
    print(
        f"verify, {records} events = {lines} records ({len(data) / 1e6:.1f} MB, "
        f"{result.summary.checkpoints} checkpoints), best of {rounds}:"
    )
    print(f"  {best:.3f} s   {lines / best:,.0f} records/s   (target >= 100,000 records/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--appends", type=int, default=5000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=CHECKOUT, help="where the temporary logs go")
    args = parser.parse_args()
    bench_raw_fsync(args.dir, args.appends)
    bench_append(args.dir, args.appends)
    bench_verify(args.dir, args.records)


if __name__ == "__main__":
    main()
