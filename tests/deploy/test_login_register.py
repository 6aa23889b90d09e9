"""The login wrapper keeps the sitting's register up to date, and never waits on it for long.

The wrapper runs with the fake `helpdesk-exam` (tests/deploy/kit.py), which
passes `sitting ...` to the real command: the register here is the real one.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpdesk_tui.sitting import Sitting
from tests.deploy.kit import WRAPPER, Sandbox, run_in_pty
from tests.sitting.kit import first_events, unsealed_log

pytestmark = pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")


@pytest.fixture
def box(tmp_path: Path) -> Sandbox:
    box = Sandbox(tmp_path)
    box.logs.rmdir()
    Sitting.create(box.logs, "en-test", server="exam-1").add(["c0001", "c0042"])
    return box


def login(box: Sandbox, candidate: str = "c0042"):
    return run_in_pty([str(WRAPPER)], box.env(SUDO_USER=candidate))


def rows(box: Sandbox) -> dict[str, dict]:
    return {row["candidate"]: row for row in Sitting(box.logs).rows()}


def test_a_login_adds_a_candidate_the_sitting_did_not_expect(box: Sandbox) -> None:
    run = login(box, "c0777")
    assert run.returncode == 0, run.output
    assert "FAKE-EXAM" in run.output
    assert rows(box)["c0777"]["state"] == "waiting"  # there, the exam's own start takes it on
    assert [c["argv"][:2] for c in box.calls() if c["argv"][:1] == ["sitting"]] == [
        ["sitting", "update"]
    ]


def test_a_login_after_a_crash_shows_the_candidate_interrupted_with_their_log(box: Sandbox) -> None:
    assert rows(box)["c0042"]["state"] == "waiting"
    unsealed_log(box.candidate_dir() / "en-test-1.jsonl", "c0042", list(first_events()))
    run = login(box)
    assert "Resuming your exam" in run.output, run.output
    row = rows(box)["c0042"]
    assert row["state"] == "interrupted" and row["log"] == "c0042/en-test-1.jsonl"
    assert row["resumes"] == 1 and row["server"] == "exam-1"
    assert rows(box)["c0001"]["state"] == "waiting"  # the others untouched


def test_a_locked_register_delays_the_login_by_register_s_at_most(box: Sandbox) -> None:
    box.write_conf(register_s=1)
    with Sitting(box.logs).file.locked():
        started = time.monotonic()
        run = login(box)
        took = time.monotonic() - started
    assert run.returncode == 0 and "FAKE-EXAM" in run.output, run.output
    assert took < 8  # the lock's own wait is 10 s: register_s cut it short
    assert rows(box)["c0042"]["state"] == "waiting"  # not updated, and no harm done


def test_a_damaged_register_never_stops_an_exam(box: Sandbox) -> None:
    (box.logs / "sitting.json").write_text("{damaged")
    run = login(box)
    assert run.returncode == 0 and "FAKE-EXAM" in run.output, run.output


def test_a_bad_register_s_is_named(box: Sandbox) -> None:
    box.write_conf(register_s=0)
    run = login(box)
    assert run.returncode != 0 and "register_s must be a number" in run.output
