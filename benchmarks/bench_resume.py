"""Resume benchmark: kill -9 an exam at 100 seeded random moments; how many resume with nothing lost?

    python benchmarks/bench_resume.py [--trials 100] [--first-seed 0] [--dir DIR] [--scenario ID]

Each trial (`helpdesk_tui.runtime.crashtest.run_trial`) forks a process running
a whole exam (the scenario's simulation and a scripted candidate on a virtual
clock, every event through the signed log with an fsync), SIGKILLs it after a
seeded random number of acknowledged events (in a third of the trials again
during the resumed run), resumes the log as `helpdesk-exam resume` does, plays
it to the end, seals it and verifies it. A trial counts when every
acknowledged event is in the sealed log at its seq, the log replays against
the scenario, and it verifies with the centre's key. The test suite runs the
first 20 seeds (tests/runtime/test_crash_resume.py).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.eventlog import generate_keypair, load_private_key
from helpdesk_tui.runtime.crashtest import run_trial
from helpdesk_tui.scenario.loader import load_scenario

CHECKOUT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--dir", type=Path, default=CHECKOUT, help="where the logs are written")
    parser.add_argument("--scenario", default="en-northwind-monday")
    args = parser.parse_args()
    scenario = load_scenario(paths.scenarios_dir() / args.scenario)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench-resume-") as tmp:
        folder = Path(tmp)
        generate_keypair(folder / "keys")
        signer = load_private_key(folder / "keys" / "exam-centre.key")
        return run(scenario, signer, folder, args.first_seed, args.trials)


def run(scenario: object, signer: object, folder: Path, first: int, count: int) -> int:
    durations, kills, acked, failures = [], 0, 0, []
    for seed in range(first, first + count):
        began = time.perf_counter()
        trial = run_trial(scenario, signer, folder, seed)  # type: ignore[arg-type]
        durations.append(time.perf_counter() - began)
        kills += trial.kills
        acked += len(trial.acked)
        if not trial.ok:
            failures.append(trial)
    good = count - len(failures)
    print(f"{good}/{count} resumed with nothing lost")
    print(
        f"  kills: {kills} SIGKILLs; {acked} acknowledged events checked; "
        f"per trial median {statistics.median(durations):.2f} s, max {max(durations):.2f} s"
    )
    for trial in failures:
        print(f"  seed {trial.seed}: {trial.problem or ''} missing {trial.missing[:5]}")
    return 0 if not failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
