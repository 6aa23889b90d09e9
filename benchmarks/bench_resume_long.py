"""Benchmark (sec17): resume a 5-hour exam's log on a terminal, then verify, report, review it.

    python benchmarks/bench_resume_long.py [--dir DIR] [--stop-before 300] [--seed 1]

The log is a real exam's: bench_simulate's 5-hour, 48-incident scenario, played by the
crash trials' scripted candidate ("naive": fast and busy), and a move between the screen's
areas every 2 s as a person makes them, on a virtual clock through the exam's own runtime and
signed log (`runtime.crashtest.new_exam`, the centre's key, an fsync a record), and left
unsealed `--stop-before` seconds before the end, as a crash leaves it. (`--records N`:
bench_report's padded busy candidate instead, unsealed; resume refuses it, since its padding
is not what the scenario's customers would have answered: verify, report, review only.) Then, in fresh
processes:

- `helpdesk-exam resume LOG --key KEY --scenario DIR` on a pty of 120 x 40: seconds until the
  queue shows, until the first key is answered (F10: the hand-in question shows), and the
  process's RSS and PSS then; the proctor ends it (F12, the code,
  E) and `verify --pubkey` checks the sealed log;
- `verify`, `report --quiet` and the review's opening (`open_review`), each timed as
  bench_flood_log.py times them (wall, CPU, peak RSS: `/usr/bin/time`).

Targets (benchmarks/README.md): report of 100,000 records < 3 s; review 10 s CPU / 300 MB.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_flood_keys import CODE, Exam  # noqa: E402
from bench_flood_log import timed  # noqa: E402
from bench_simulate import write_scenario  # noqa: E402

from helpdesk_tui.eventlog import load_private_key  # noqa: E402
from helpdesk_tui.runtime.crashtest import drive, new_exam  # noqa: E402
from helpdesk_tui.scenario.loader import load_scenario  # noqa: E402
from helpdesk_tui.scenario.session_setup import session_started_data  # noqa: E402
from helpdesk_tui.simulate.policy import Action, Policy  # noqa: E402
from helpdesk_tui.simulate.runner import make_policy  # noqa: E402

CLI = [sys.executable, "-m", "helpdesk_tui.cli"]
REVIEW = """
import sys
from pathlib import Path
from helpdesk_tui.ui.review.session import open_review
open_review(Path(sys.argv[1]), "Bench", scenario_dir=Path(sys.argv[2]), out=Path(sys.argv[3]),
            pubkey=Path(sys.argv[4]))
"""
FOCUS_S = 2.0
"""A move between the screen's areas every this many exam seconds (bench_report's busy
candidate: 55 % of its records are such moves), beside what the scripted candidate does."""
AREAS = ("queue", "ticket", "conversation", "kb")


class Moving(Policy):
    """A scripted candidate who also moves between the screen's areas every `FOCUS_S`."""

    def __init__(self, inner: Policy) -> None:
        self.inner, self.moves, self.due = inner, 0, FOCUS_S

    def observe(self, event: Any, seq: int) -> None:
        self.inner.observe(event, seq)

    def next_action(self, state: Any, now: float) -> Action | None:
        action = self.inner.next_action(state, now)
        if action is not None and action.at <= self.due:
            return action
        area = AREAS[self.moves % len(AREAS)]
        return Action(max(now, self.due), "focus_moved", {"area": area}, label="move")

    def done(self, action: Action, event: Any) -> None:
        if action.label == "move":
            self.moves, self.due = self.moves + 1, action.at + FOCUS_S
        else:
            self.inner.done(action, event)

    def refused(self, action: Action, reason: str) -> None:
        if action.label == "move":
            self.moves, self.due = self.moves + 1, action.at + FOCUS_S
        else:
            self.inner.refused(action, reason)


def play(root: Path, stop_before: float, seed: int) -> tuple[Path, Path, Path]:
    """The scenario, the keys and an unsealed log that stops `stop_before` s before the end."""
    folder = write_scenario(root / "bench-five-hours", 48)
    scenario = load_scenario(folder)
    keys = root / "keys"
    subprocess.run([*CLI, "keys", "init", str(keys), "--proctor-code", CODE], check=True)
    log = root / "logs" / "long.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    runtime = new_exam(scenario, log, load_private_key(keys / "exam-centre.key"))
    header = runtime.writer.header  # the log's own candidate and session (verify, sec21)
    runtime.session.start(
        session_started_data(scenario, "exam", header.candidate_id, header.session_id)
    )
    player = Moving(make_policy("naive", scenario, seed))
    drive(runtime, scenario, seed, player=player, until=runtime.state.duration_s - stop_before)
    return log, folder, keys


def padded_log(root: Path, records: int) -> tuple[Path, Path, Path]:
    """bench_report's busy candidate (the ideal run padded with focus moves, searches, notes
    and messages to `records`) as an unsealed exam log signed with a centre key."""
    from bench_report import message_pool, padded

    from helpdesk_tui.eventlog.chain import ChainEncoder
    from helpdesk_tui.eventlog.records import CheckpointPolicy
    from helpdesk_tui.eventlog.recovery import save_chain_keys
    from helpdesk_tui.eventlog.testing import WALL_START, chain_seed, seeded_keys
    from helpdesk_tui.eventlog.writer import new_session_id
    from helpdesk_tui.scenario.session_setup import session_header
    from helpdesk_tui.simulate.runner import run_headless

    folder = write_scenario(root / "bench-five-hours", 48)
    scenario = load_scenario(folder)
    keys = root / "keys"
    subprocess.run([*CLI, "keys", "init", str(keys), "--proctor-code", CODE], check=True)
    run = run_headless(scenario, "ideal")
    events = [e for e in run.events if e.type != "session_ended"]
    events = padded(events, int(records / 1.01) - 2, message_pool(scenario.language, 3000))
    header = session_header(scenario, new_session_id(), "c-long", "exam")
    signer = load_private_key(keys / "exam-centre.key")
    log = root / "logs" / "long.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    header = dataclasses.replace(header, created=WALL_START)
    source, drawn = seeded_keys(chain_seed(header, signer)), []

    def key() -> Any:  # the chain keys, the last two kept for the resume file
        drawn.append(source())
        return drawn[-1]

    encoder, first = ChainEncoder.start(header, signer, CheckpointPolicy(), key)
    with log.open("wb") as out:
        out.write(first)
        for event in events:
            batch = encoder.event(event)
            out.write(batch.data)
            encoder.commit(batch)
    save_chain_keys(log, drawn[-2:])  # what a crash leaves beside an exam's log
    return log, folder, keys


def memory(pid: int) -> tuple[float, float]:
    """RSS and PSS of a process, MB."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1]) / 1024
        elif line.startswith("Pss:"):
            pss = int(line.split()[1]) / 1024
    return rss, pss


def resume_on_a_pty(root: Path, log: Path, folder: Path, keys: Path) -> None:
    argv = [*CLI, "resume", str(log), "--key", str(keys / "exam-centre.key"), "--scenario",
            str(folder)]  # fmt: skip
    started = time.monotonic()
    exam = Exam(root, argv)
    try:
        shown = exam.wait_for(b"Queue", 120)
        queue_s = time.monotonic() - started
        if not shown:
            said = bytes(exam.screen[-600:]).decode("utf-8", "replace")
            print(f"resume: no queue after {queue_s:.1f} s; the terminal showed: {said!r}")
            return
        typed = time.monotonic()
        exam.write(b"\x1b[21~")  # F10: the hand-in question
        answered = exam.wait_for(b"Hand in your exam?", 60)
        key_s = time.monotonic() - typed
        rss, pss = memory(exam.process.pid)
        print(
            f"resume: queue shown {shown} after {queue_s:.2f} s; the first key answered {answered} "
            f"{key_s * 1000:.0f} ms after it was typed ({queue_s + key_s:.2f} s from the start); "
            f"RSS {rss:.1f} MB, PSS {pss:.1f} MB"
        )
        cpu = sum(map(int, Path(f"/proc/{exam.process.pid}/stat").read_text().split()[13:15]))
        print(f"resume: process CPU until then {cpu / os.sysconf('SC_CLK_TCK'):.2f} s")
        exam.write(b"\x1b")  # Escape: back to the exam
        time.sleep(1)
        exam.end_by_proctor()
    finally:
        exam.stop()
    done = subprocess.run(
        [*CLI, "verify", str(log), "--pubkey", str(keys / "exam-centre.pub")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    print(f"verify after the resume: exit {done.returncode}: {done.stdout.strip()[:100]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--stop-before", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--records", type=int, default=0, help="bench_report's padded busy candidate instead"
    )
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="bench-resume-long-"))
    print(f"load before: {os.getloadavg()}")
    began = time.monotonic()
    if args.records:
        log, folder, keys = padded_log(root, args.records)
    else:
        log, folder, keys = play(root, args.stop_before, args.seed)
    lines = sum(1 for _ in log.open("rb"))
    print(f"played {lines} records ({log.stat().st_size / 2**20:.1f} MiB) in "
          f"{time.monotonic() - began:.1f} s: {log}")  # fmt: skip
    for name, argv in {
        "verify": ["-m", "helpdesk_tui.cli", "verify", str(log)],
        "report": ["-m", "helpdesk_tui.cli", "report", str(log), "--scenario", str(folder),
                   "--quiet", "--unverified"],
    }.items():  # fmt: skip
        timed(name + " (unsealed)", argv)
    resume_on_a_pty(root, log, folder, keys)
    pub = str(keys / "exam-centre.pub")
    timed("verify", ["-m", "helpdesk_tui.cli", "verify", str(log), "--pubkey", pub])
    timed("report", ["-m", "helpdesk_tui.cli", "report", str(log), "--scenario", str(folder),
                     "--quiet", "--pubkey", pub])  # fmt: skip
    timed("review", ["-c", REVIEW, str(log), str(folder), str(root / "verdicts.json"), pub])
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
