"""Resume after SIGKILL at 20 seeded random moments: every acknowledged event survives.

Each trial forks a process running a whole exam (scripted candidate, virtual
clock, fsync per event), SIGKILLs it after a seeded number of acknowledged
events (sometimes a second time during the resumed run), resumes the log as
`helpdesk-exam resume` does, plays it to the end and seals it. See
`helpdesk_tui.runtime.crashtest`; `benchmarks/bench_resume.py` runs 100.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog import Signer
from helpdesk_tui.runtime.crashtest import run_trial
from helpdesk_tui.scenario.model import Scenario

SEEDS = range(20)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_killed_exam_resumes_with_nothing_lost(
    seed: int, tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    trial = run_trial(northwind, signer, tmp_path, seed)
    assert trial.problem is None
    assert trial.kills >= 1 and trial.acked
    assert trial.missing == []
