"""Benchmark (sec14, red team): a 5-hour log of 200,000 records, most of them the records a
candidate can make without doing any work, handed to verify, report, review, the room and
observe's reading.

    python benchmarks/bench_flood_log.py [--records 200000] [--dir DIR] [--only NAME,...] [--normal]
        [--repeat N] [--profile FOLDER]

Each step prints wall, CPU (user + system, the figure to compare under `nice` and a loaded
machine) and peak RSS; `--profile` runs it under cProfile (FOLDER/NAME.prof).

The log is bench_report.py's 5-hour, 48-incident scenario played by the ideal policy, padded
(every padding record checked by the reducer, so the log stays a legal exam) with what a
held key and a shaken terminal write: `lockdown_key_blocked` "ctrl+c" (a held Ctrl+C logs
every repeat) and "terminal too small: 79 x 24" / "terminal large enough: 80 x 24" (before
sec14, one per crossing). Each step runs in a fresh process (`/usr/bin/time`: wall, max
RSS): `verify`, `report --quiet`, `open_review` (what review does before its screen opens),
`settled` (the same as the review command calls it: collected once and frozen, perf20),
the room's model (`Room(folder).poll()` and `rows()`: the room reads a sitting's logs), and
observe's reading (`LogFollower.poll` and the reducer, as its feed folds a log).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_report import message_pool, padded, write_scenario  # noqa: E402

from helpdesk_tui.core.events import Event, make_event  # noqa: E402
from helpdesk_tui.core.reducer import apply, check  # noqa: E402
from helpdesk_tui.core.state import ExamState  # noqa: E402
from helpdesk_tui.eventlog.binding import folder_sha256  # noqa: E402
from helpdesk_tui.eventlog.keys import Signer  # noqa: E402
from helpdesk_tui.eventlog.records import CheckpointPolicy  # noqa: E402
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header  # noqa: E402
from helpdesk_tui.scenario.loader import load_scenario  # noqa: E402
from helpdesk_tui.simulate.runner import run_headless  # noqa: E402

WALL = "2026-03-02T09:00:00.000Z"
KEYS = ("ctrl+c", "terminal too small: 79 x 24", "terminal large enough: 80 x 24")


def flooded(events: list[Event], total: int) -> list[Event]:
    """The events with blocked keys and size records spread evenly between them."""
    extra = max(0, total - len(events))
    per_gap, spare = divmod(extra, max(1, len(events) - 1))
    state, out, n = ExamState(), [], 0
    for index, event in enumerate(events):
        apply(state, event)
        out.append(event)
        if index in (0, len(events) - 1):
            continue
        gap = events[index + 1].exam_time - event.exam_time
        count = per_gap + (1 if index <= spare else 0)
        for k in range(count):
            at = event.exam_time + gap * (k + 1) / (count + 1)
            pad = make_event("lockdown_key_blocked", {"key": KEYS[n % 3]}, at, WALL)
            n += 1
            if check(state, pad) is None:
                apply(state, pad)
                out.append(pad)
    return out


def build(root: Path, records: int, normal: bool = False) -> tuple[Path, Path]:
    folder = write_scenario(root / "bench-five-hours", 48)
    scenario = load_scenario(folder)
    run = run_headless(scenario, "ideal")
    total = int(records / 1.01) - 2
    if normal:  # bench_report's busy candidate, to compare with
        events = padded(run.events, total, message_pool(scenario.language, 3000))
    else:
        events = flooded(run.events, total)
    signer = Signer.ephemeral()
    header = sample_header(
        mode="practice",
        candidate_id="flood",
        scenario_id=scenario.id,
        scenario_sha256=folder_sha256(folder),
    )
    logs = root / "logs" / "c01"
    logs.mkdir(parents=True, exist_ok=True)
    log = logs / "flood.jsonl"
    log.write_bytes(build_log_bytes(header, signer, events, CheckpointPolicy(), "time-up"))
    return log, folder


ROOM = """
import sys
from pathlib import Path
from helpdesk_tui.sitting.room import Room
room = Room(Path(sys.argv[1]))
room.discover()
room.poll()
rows = room.rows()
print(len(rows), rows[0].candidate if rows else None)
"""
OBSERVE = """
import sys
from pathlib import Path
from helpdesk_tui.core.reducer import apply
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog.follow import LogFollower
follower, state = LogFollower(Path(sys.argv[1])), ExamState()
update = follower.poll()
for entry in update.entries:
    apply(state, entry.event, entry.seq)
print(len(update.entries), len(state.session_marks))
"""
REVIEW = """
import sys
from pathlib import Path
from helpdesk_tui.ui.review.session import open_review
open_review(Path(sys.argv[1]), "Bench", scenario_dir=Path(sys.argv[2]), out=Path(sys.argv[3]))
"""
SETTLED = REVIEW.replace("out=Path(sys.argv[3]))", "out=Path(sys.argv[3]), settle=True)")
"""What the review command does before its screen opens: `review` and the collection and
freeze it settles the loaded log with (perf20: `settle=True`; before, `settle_memory()`
after `open_review`, 0.5 s more than `review` measured)."""


def timed(name: str, argv: list[str], profile: Path | None = None) -> None:
    """One step in a fresh process: wall, CPU (user + system: what nice does not change)
    and peak RSS; under cProfile (`profile`: the folder of the .prof files) when asked."""
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
        if argv[0] == "-m":
            argv = ["-m", "cProfile", "-o", str(profile / f"{name}.prof"), "-m", *argv[1:]]
        else:  # -c CODE: cProfile runs a file
            script = profile / f"{name}.py"
            script.write_text(argv[1])
            argv = ["-m", "cProfile", "-o", str(profile / f"{name}.prof"), str(script), *argv[2:]]
    with tempfile.NamedTemporaryFile() as rss:
        start = time.monotonic()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%U %S %M", "-o", rss.name, sys.executable, *argv],
            capture_output=True,
            timeout=1800,
            check=False,
        )
        wall = time.monotonic() - start
        figures = Path(rss.name).read_text().split()
    said = (done.stdout.strip() or done.stderr.strip()).splitlines()[:1]
    first = said[0].decode("utf-8", "replace")[:70] if said else ""
    tb = b"Traceback" in done.stderr
    try:
        cpu = f"{float(figures[-3]) + float(figures[-2]):7.2f} s CPU"
        mb = f"{int(figures[-1]) / 1024:.0f} MB"
    except (IndexError, ValueError):
        cpu, mb = "      ? s CPU", "?"
    print(f"{name:10} exit {done.returncode:3} {wall:7.2f} s wall {cpu} {mb:>8}  tb={tb}  {first}")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--only", default="", help="verify,report,review,settled,room,observe")
    parser.add_argument(
        "--normal", action="store_true", help="bench_report's padding instead (to compare)"
    )
    parser.add_argument("--profile", type=Path, default=None, help="cProfile into this folder")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step")
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="bench-flood-"))
    log = root / "logs" / "c01" / "flood.jsonl"
    folder = root / "bench-five-hours"
    if not log.exists():
        started = time.monotonic()
        log, folder = build(root, args.records, args.normal)
        print(f"built {log} in {time.monotonic() - started:.1f} s")
    lines = sum(1 for _ in log.open("rb"))
    print(f"{lines} records, {log.stat().st_size / 2**20:.1f} MiB; load {os.getloadavg()}")
    only = set(filter(None, args.only.split(",")))
    cli = ["-m", "helpdesk_tui.cli"]
    steps = {
        "verify": [*cli, "verify", str(log)],
        "report": [*cli, "report", str(log), "--scenario", str(folder), "--quiet"],
        "review": ["-c", REVIEW, str(log), str(folder), str(root / "verdicts.json")],
        "settled": ["-c", SETTLED, str(log), str(folder), str(root / "verdicts.json")],
        "room": ["-c", ROOM, str(root / "logs")],
        "observe": ["-c", OBSERVE, str(log)],
    }
    for _ in range(args.repeat):
        for name, argv in steps.items():
            if not only or name in only:
                timed(name, argv, args.profile)
    print(f"load after {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
