"""Records whose fsync may wait (`SYNC_LATER`, where the candidate looks): written at
once, fsynced with the next durable record, by `sync_pending` or at close; a
process killed right after one keeps it, and the log verifies and resumes."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event, make_event, utc_now_iso
from helpdesk_tui.eventlog import (
    CheckpointPolicy,
    EventLogWriter,
    PublicKey,
    Signer,
    read_log,
    verify_log,
)
from helpdesk_tui.eventlog import writer as writer_module
from helpdesk_tui.eventlog.records import CHECKPOINT
from helpdesk_tui.eventlog.testing import sample_header

WALL = "2025-03-03T09:30:00.000Z"


def focus(t: float, area: str = "kb") -> Event:
    return make_event("focus_moved", {"area": area}, t, WALL)


def note(t: float) -> Event:
    return make_event("note_added", {"ticket_id": "T-1", "text": "checked the cable"}, t, WALL)


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each fsync of a log record, counted (and still made)."""
    made: list[int] = []
    real = writer_module._sync

    def counted(fd: int) -> None:
        made.append(fd)
        real(fd)

    monkeypatch.setattr(writer_module, "_sync", counted)
    return made


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The writer's monotonic clock, moved by hand (`clock[0] += s`)."""
    now = [100.0]
    monkeypatch.setattr(writer_module, "_monotonic", lambda: now[0])
    return now


def new_writer(path: Path, signer: Signer, records: int = 100) -> EventLogWriter:
    policy = CheckpointPolicy(records=records, seconds=1e9)
    return EventLogWriter.create(path, sample_header(), signer, policy)


def test_a_focus_move_is_written_at_once_without_an_fsync(
    tmp_path: Path, signer: Signer, fsyncs: list[int]
) -> None:
    log = tmp_path / "s.jsonl"
    with new_writer(log, signer) as writer:
        fsyncs.clear()
        seq = writer.append(focus(1.0))
        assert fsyncs == []  # main fsynced it here: one
        assert writer.unsynced
        on_disk = read_log(log).records  # another reader sees it in the file already
        assert (on_disk[-1]["seq"], on_disk[-1]["type"]) == (seq, "focus_moved")


def test_the_next_durable_record_fsyncs_the_focus_moves_before_it(
    tmp_path: Path, signer: Signer, fsyncs: list[int]
) -> None:
    with new_writer(tmp_path / "s.jsonl", signer) as writer:
        fsyncs.clear()
        writer.append(focus(1.0, "kb"))
        writer.append(focus(2.0, "queue"))
        writer.append(note(3.0))
        assert len(fsyncs) == 1  # one fsync for all three
        assert not writer.unsynced
        assert writer.sync_pending() is False  # nothing left to flush


def test_sync_pending_flushes_once_the_oldest_is_old_enough(
    tmp_path: Path, signer: Signer, fsyncs: list[int], clock: list[float]
) -> None:
    with new_writer(tmp_path / "s.jsonl", signer) as writer:
        fsyncs.clear()
        writer.append(focus(1.0, "kb"))
        clock[0] += 0.3
        writer.append(focus(2.0, "queue"))  # the oldest still counts from the first
        assert writer.sync_pending(0.5) is False
        clock[0] += 0.2
        assert writer.sync_pending(0.5) is True
        assert len(fsyncs) == 1
        assert not writer.unsynced


def test_a_focus_move_that_carries_a_checkpoint_is_fsynced(
    tmp_path: Path, signer: Signer, fsyncs: list[int]
) -> None:
    log = tmp_path / "s.jsonl"
    with new_writer(log, signer, records=2) as writer:
        writer.append(note(1.0))
        fsyncs.clear()
        writer.append(focus(2.0))  # the second unsigned record: a checkpoint rides along
        assert len(fsyncs) == 1
        assert not writer.unsynced
    assert read_log(log).records[-1]["type"] == CHECKPOINT


def test_close_fsyncs_what_waits_and_the_log_verifies(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, fsyncs: list[int]
) -> None:
    log = tmp_path / "s.jsonl"
    writer = new_writer(log, signer)
    writer.append(focus(1.0))
    writer.close(sign=False)  # no checkpoint: only the pending fsync
    assert fsyncs[-1:] and not writer.unsynced
    result = verify_log(log, pubkey)
    assert result.fault is None, result.fault


KILLED_AFTER_A_FOCUS_MOVE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from helpdesk_tui.core.events import make_event
    from helpdesk_tui.eventlog import CheckpointPolicy, EventLogWriter, load_private_key
    from helpdesk_tui.eventlog.testing import sample_header
    log, key = Path(sys.argv[1]), Path(sys.argv[2])
    writer = EventLogWriter.create(
        log, sample_header(), load_private_key(key), CheckpointPolicy(records=100, seconds=1e9)
    )
    wall = "2025-03-03T09:30:00.000Z"
    writer.append(make_event("note_added", {"ticket_id": "T-1", "text": "x"}, 1.0, wall))
    writer.append(make_event("focus_moved", {"area": "kb"}, 2.0, wall))
    assert writer.unsynced
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_kill_9_right_after_a_focus_move_loses_nothing_and_resumes(
    tmp_path: Path, key_dir: Path, signer: Signer, pubkey: PublicKey
) -> None:
    log = tmp_path / "s.jsonl"
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_AFTER_A_FOCUS_MOVE,
            str(log),
            str(key_dir / "exam-centre.key"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert [r["type"] for r in read_log(log).records][1:] == ["note_added", "focus_moved"]
    killed = verify_log(log, pubkey)
    assert (killed.status, killed.fault) == ("unsealed", None)
    writer, recovered = EventLogWriter.reopen(log, signer)
    assert recovered.last_seq == 2
    writer.append(recovered.resume_event(utc_now_iso()))
    writer.seal("completed", recovered.last_exam_time, utc_now_iso())
    writer.close()
    assert verify_log(log, pubkey).status == "ok"
