"""Crash tests: SIGKILL a writer at seeded random moments; nothing acknowledged is lost.

A child process appends events and prints each acknowledged seq; the parent
kills it after a seeded random number of acks (the kill lands wherever the
child happens to be: mid-write, mid-fsync, mid-checkpoint). Then every
acknowledged record must be in the log, the log must verify as intact and
unsealed, and the session must resume (sometimes after a second kill during
the resumed run) and seal into a log that verifies.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk_tui.core.events import utc_now_iso
from helpdesk_tui.eventlog import EventLogWriter, PublicKey, Signer, read_log
from helpdesk_tui.eventlog.reader import read_bytes
from helpdesk_tui.eventlog.verifier import verify_bytes, verify_log

CHILD = Path(__file__).with_name("crash_child.py")
SEEDS = range(20)


def run_and_kill(log: Path, key: Path, mode: str, seed: int, kill_after: int) -> list[int]:
    """Run the child until it has acknowledged `kill_after` records, SIGKILL it, return all acks."""
    every = 3 + seed % 5
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(log), str(key), mode, str(seed), str(every)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    acked: list[int] = []
    for line in child.stdout:  # after the kill: drain acks printed before it died
        acked.append(int(line.split()[1]))
        if len(acked) == kill_after:
            child.send_signal(signal.SIGKILL)
    child.wait()
    stderr = child.stderr.read() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL, stderr
    return acked


def check_survivors(log: Path, pubkey: PublicKey, acked: list[int]) -> None:
    """Every acknowledged seq is in the log, and the log is intact up to its last complete record."""
    result = verify_bytes(read_bytes(log), pubkey)
    assert result.status == "unsealed", result.fault
    assert result.fault is None
    on_disk = {record["seq"] for record in read_log(log).records}
    assert set(acked) <= on_disk
    assert max(on_disk) >= max(acked)


@pytest.mark.parametrize("seed", SEEDS)
def test_sigkill_loses_no_acknowledged_record(
    seed: int, tmp_path: Path, key_dir: Path, signer: Signer, pubkey: PublicKey
) -> None:
    rng = random.Random(seed)
    log, key = tmp_path / "session.jsonl", key_dir / "exam-centre.key"
    acked = run_and_kill(log, key, "create", seed, kill_after=rng.randint(1, 120))
    check_survivors(log, pubkey, acked)
    if rng.random() < 0.35:  # killed again while running after a resume
        acked += run_and_kill(log, key, "reopen", seed + 1000, kill_after=rng.randint(1, 60))
        check_survivors(log, pubkey, acked)
    writer, recovered = EventLogWriter.reopen(log, signer)
    assert recovered.last_seq >= max(acked)
    writer.append(recovered.resume_event(utc_now_iso()))
    writer.seal("completed", recovered.last_exam_time, utc_now_iso())
    writer.close()
    assert verify_log(log, pubkey).status == "ok"
