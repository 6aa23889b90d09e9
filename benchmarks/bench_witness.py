"""Witness throughput: does one witness keep up with 60 exams on a 2-core machine? (issue 11)

    python benchmarks/bench_witness.py [--logs 60] [--seconds 30] [--rate 2] [--speed 10]

A writer process appends to `--logs` logs at once (`--rate` events a second
each, fsynced, default checkpoint policy: 100 records or 60 s of exam time;
exam time runs `--speed` times the wall clock so checkpoints come every few
seconds instead of every minute and the run stays short). The witness runs in
this process, scanning every 0.25 s as `helpdesk-exam witness` does, and
writes its own fsynced witness file. Printed: cosignatures, the latency from
a checkpoint being written to its cosignature (p50, p99, max), and the
witness's CPU time as a share of one core. Keeping up means the latency stays
near the scan interval and the CPU share well under one core.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from helpdesk_tui.core.events import make_event
from helpdesk_tui.eventlog import EventLogWriter, Signer
from helpdesk_tui.eventlog.records import CheckpointPolicy
from helpdesk_tui.eventlog.testing import sample_header
from helpdesk_tui.eventlog.witness import Witness, WitnessFile, read_witness_file


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def write_logs(folder: Path, logs: int, seconds: float, rate: float, speed: float) -> None:
    """The exams: `logs` writers appending in turn, each at `rate` events a wall second."""
    root = Signer.ephemeral()
    writers = [
        EventLogWriter.create(
            folder / f"exam-{i:02d}.jsonl",
            sample_header(session_id=f"{i:032x}", mode="practice"),
            root,
            CheckpointPolicy(),
        )
        for i in range(logs)
    ]
    start = time.monotonic()
    step = 1.0 / (rate * logs)
    n = 0
    while (elapsed := time.monotonic() - start) < seconds:
        writer = writers[n % logs]
        data = {"area": "queue", "target": f"T-{n % 7}"}
        writer.append(make_event("focus_moved", data, round(elapsed * speed, 3), _now_iso()))
        n += 1
        time.sleep(max(0.0, start + n * step - time.monotonic()))
    for writer in writers:
        writer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--logs", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=2.0, help="events a second per exam")
    parser.add_argument("--speed", type=float, default=10.0, help="exam seconds per wall second")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent.parent) as tmp:
        folder = Path(tmp) / "logs"
        folder.mkdir()
        wsigner = Signer.generate()
        file = WitnessFile(Path(tmp) / "witness.jsonl", wsigner)
        witness = Witness(folder, file)
        writer = multiprocessing.Process(
            target=write_logs, args=(folder, args.logs, args.seconds, args.rate, args.speed)
        )
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.monotonic()
        writer.start()
        while writer.is_alive():
            witness.scan()
            time.sleep(0.25)
        witness.scan()
        wall = time.monotonic() - t0
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        file.close()
        book = read_witness_file(file.path, wsigner.public_key)
        latencies = _latencies(folder, book.entries)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    lat = sorted(latencies)
    print(f"logs {args.logs}, {args.rate:g} events/s each, {wall:.1f} s wall")
    print(f"cosignatures {witness.cosigned}, refusals {witness.refusals}")
    if lat:
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        print(
            f"cosign latency (checkpoint written -> cosigned): p50 {statistics.median(lat) * 1000:.0f} ms, "
            f"p99 {p99 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms ({len(lat)} checkpoints)"
        )
    print(f"witness CPU {cpu:.2f} s = {cpu / wall * 100:.1f}% of one core")


def _latencies(folder: Path, entries: list[dict]) -> list[float]:
    """Cosignature time minus the checkpoint's own wall time, per cosigned checkpoint."""
    import json

    written: dict[tuple[str, int], str] = {}
    for path in folder.glob("*.jsonl"):
        for line in path.read_bytes().split(b"\n"):
            if b'"log.checkpoint"' in line:
                record = json.loads(line)
                written[(record["data"]["session"], record["seq"])] = record["wall"]
    out = []
    for entry in entries:
        if entry["type"] == "witness.cosign" and entry["kind"] == "checkpoint":
            wall = written.get((entry["session"], entry["seq"]))
            if wall:
                out.append(_seconds(entry["time"]) - _seconds(wall))
    return out


def _seconds(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


if __name__ == "__main__":
    main()
