"""The writer: what it puts on disk, when, and what it does when the disk says no."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpdesk_tui import __version__
from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog import (
    CheckpointPolicy,
    EventLogWriter,
    LogError,
    LogStateError,
    LogWriteError,
    PublicKey,
    Signer,
    read_log,
    verify_log,
)
from helpdesk_tui.eventlog import writer as writer_module
from helpdesk_tui.eventlog.records import CHECKPOINT, SEAL
from helpdesk_tui.eventlog.recovery import session_key_path
from helpdesk_tui.eventlog.testing import (
    build_log_bytes,
    chain_seed,
    sample_events,
    sample_header,
    seeded_keys,
)

WALL = "2025-03-03T09:30:00.000Z"


def note(t: float, text: str = "checked the cable") -> Event:
    return make_event("note_added", {"ticket_id": "T-1", "text": text}, t, WALL)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "logs" / "session.jsonl"


def types_on_disk(path: Path) -> list[str]:
    return [record["type"] for record in read_log(path).records]


def test_create_writes_a_signed_header_that_binds_the_session(
    log: Path, signer: Signer, pubkey: PublicKey
) -> None:
    with EventLogWriter.create(log, sample_header(), signer) as writer:
        assert writer.seq == 0
    header = read_log(log).header
    assert (header.session_id, header.candidate_id, header.mode) == (
        "0" * 31 + "1",
        "C-0001",
        "exam",
    )
    assert header.scenario_sha256 == "5c" * 32 and header.sla_profile_sha256 == "a1" * 32
    assert header.software_version == __version__
    assert header.key_fingerprint == signer.fingerprint
    assert header.checkpoint_policy == {"records": 100, "seconds": 60.0}
    mode = stat.S_IMODE(log.stat().st_mode)
    assert mode & 0o037 == 0 and mode & 0o600 == 0o600  # never writable but by its writer
    assert verify_log(log, pubkey).status == "unsealed"


def test_create_refuses_an_existing_file_and_leaves_it_alone(log: Path, signer: Signer) -> None:
    log.parent.mkdir(parents=True)
    log.write_bytes(b"someone else's log\n")
    with pytest.raises(LogStateError, match="already exists"):
        EventLogWriter.create(log, sample_header(), signer)
    assert log.read_bytes() == b"someone else's log\n"


def test_an_exam_log_needs_an_exam_centre_key(log: Path) -> None:
    with pytest.raises(LogError, match="exam-centre key"):
        EventLogWriter.create(log, sample_header(mode="exam"), Signer.ephemeral())
    assert not log.exists()


def test_each_append_is_on_disk_with_its_seq_when_it_returns(log: Path, signer: Signer) -> None:
    with EventLogWriter.create(log, sample_header(), signer) as writer:
        for expected_seq in (1, 2, 3):
            seq = writer.append(note(float(expected_seq)))
            assert seq == expected_seq == writer.seq
            last = log.read_bytes().splitlines()[-1]
            assert f'"seq":{seq},'.encode() in last


def test_the_writer_writes_exactly_what_the_in_memory_builder_builds(
    log: Path, signer: Signer
) -> None:
    events = sample_events(23, seed=5)
    policy = CheckpointPolicy(records=4, seconds=30)
    keys = seeded_keys(chain_seed(sample_header(), signer))
    with EventLogWriter.create(log, sample_header(), signer, policy, keys) as writer:
        for event in events:
            writer.append(event)
        writer.seal("completed", events[-1].exam_time, events[-1].wall_time)
    assert log.read_bytes() == build_log_bytes(sample_header(), signer, events, policy)


def test_a_checkpoint_follows_every_n_records(log: Path, signer: Signer) -> None:
    with EventLogWriter.create(log, sample_header(), signer, CheckpointPolicy(records=3)) as writer:
        for t in range(7):
            writer.append(note(float(t)))
        assert writer.unsigned_records == 1
    assert types_on_disk(log)[:9] == [
        "log.header",
        *["note_added"] * 3,
        CHECKPOINT,
        *["note_added"] * 3,
        CHECKPOINT,
    ]


def test_a_checkpoint_follows_t_seconds_of_exam_time(log: Path, signer: Signer) -> None:
    policy = CheckpointPolicy(records=1000, seconds=60)
    with EventLogWriter.create(log, sample_header(), signer, policy) as writer:
        writer.append(note(10.0))
        writer.append(note(59.9))
        assert not writer.checkpoint_due(59.9)
        writer.append(note(61.0))
        assert writer.unsigned_records == 0
        writer.append(note(100.0))
        assert writer.checkpoint_due(121.0) and not writer.checkpoint_due(120.0)
    on_disk = read_log(log)
    assert [c.exam_time for c in on_disk.checkpoints][:1] == [61.0]
    assert on_disk.checkpoints[0].records == 4


def test_an_explicit_checkpoint_is_skipped_when_everything_is_signed(
    log: Path, signer: Signer
) -> None:
    with EventLogWriter.create(log, sample_header(), signer) as writer:
        writer.checkpoint(0.0, WALL)
        assert writer.seq == 0
        writer.append(note(1.0))
        writer.checkpoint(2.0, WALL)
        writer.checkpoint(3.0, WALL)
        assert writer.seq == 2
    assert types_on_disk(log).count(CHECKPOINT) == 1


def test_the_seal_ends_the_log(log: Path, signer: Signer, pubkey: PublicKey) -> None:
    writer = EventLogWriter.create(log, sample_header(), signer)
    writer.append(note(1.0))
    with pytest.raises(ValueError, match="seal reason"):
        writer.seal("bored", 2.0, WALL)
    writer.seal("handed-in", 2.0, WALL)
    assert writer.sealed
    with pytest.raises(LogStateError, match="sealed"):
        writer.append(note(3.0))
    writer.close()
    result = verify_log(log, pubkey)
    assert (result.status, result.summary.seal_reason, result.summary.records) == (
        "ok",
        "handed-in",
        3,
    )
    assert types_on_disk(log)[-1] == SEAL


def test_close_signs_what_is_unsigned(log: Path, signer: Signer, pubkey: PublicKey) -> None:
    writer = EventLogWriter.create(log, sample_header(), signer)
    writer.append(note(1.0))
    writer.append(note(2.0))
    writer.close()
    writer.close()  # twice is harmless
    result = verify_log(log, pubkey)
    assert (result.status, result.unsigned_records, result.summary.checkpoints) == (
        "unsealed",
        0,
        1,
    )
    with pytest.raises(LogStateError, match="closed"):
        writer.append(note(3.0))


def test_an_event_outside_the_closed_set_is_refused_and_nothing_written(
    log: Path, signer: Signer
) -> None:
    with EventLogWriter.create(log, sample_header(), signer) as writer:
        size = log.stat().st_size
        with pytest.raises(ValueError, match="unknown event type"):
            writer.append(Event("ticket_teleported", {}, 1.0, WALL))
        with pytest.raises(ValueError, match="finite"):
            writer.append(Event("ticket_opened", {"ticket_id": "T-1"}, float("nan"), WALL))
        assert (log.stat().st_size, writer.seq) == (size, 0)


def test_a_second_writer_on_the_same_log_is_refused(log: Path, signer: Signer) -> None:
    with (
        EventLogWriter.create(log, sample_header(), signer),
        pytest.raises(LogStateError, match="another process"),
    ):
        EventLogWriter.reopen(log, signer)


# --- the disk says no --------------------------------------------------------------


def _fail_half_way(monkeypatch: pytest.MonkeyPatch, error: int = errno.ENOSPC) -> None:
    """The next write puts half the bytes on disk, then the disk is full."""
    calls = {"n": 0}

    def write(fd: int, data: memoryview) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return os.write(fd, data[: len(data) // 2])
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(writer_module, "_os_write", write)


def test_disk_full_half_way_leaves_nothing_and_the_append_can_be_retried(
    log: Path, signer: Signer, pubkey: PublicKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = EventLogWriter.create(log, sample_header(), signer)
    writer.append(note(1.0))
    before = log.read_bytes()
    _fail_half_way(monkeypatch)
    with pytest.raises(LogWriteError) as caught:
        writer.append(note(2.0))
    assert str(log) in str(caught.value) and "No space left" in str(caught.value)
    assert log.read_bytes() == before and writer.seq == 1
    monkeypatch.undo()
    assert writer.append(note(2.0)) == 2
    writer.seal("completed", 3.0, WALL)
    writer.close()
    assert verify_log(log, pubkey).status == "ok"


def test_a_failed_fsync_is_not_an_acknowledgement(
    log: Path, signer: Signer, pubkey: PublicKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = EventLogWriter.create(log, sample_header(), signer)
    before = log.read_bytes()
    real_sync = writer_module._sync
    failures = iter([True])

    def sync(fd: int) -> None:
        if next(failures, False):
            raise OSError(errno.EIO, "Input/output error")
        real_sync(fd)

    monkeypatch.setattr(writer_module, "_sync", sync)
    with pytest.raises(LogWriteError, match="Input/output error"):
        writer.append(note(1.0))
    assert log.read_bytes() == before
    assert writer.append(note(1.0)) == 1
    writer.close()
    assert verify_log(log, pubkey).status == "unsealed"


def test_a_half_record_that_cannot_be_cut_off_at_once_is_cut_before_the_next_write(
    log: Path, signer: Signer, pubkey: PublicKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = EventLogWriter.create(log, sample_header(), signer)
    good = log.read_bytes()
    _fail_half_way(monkeypatch)

    def no_truncate(fd: int, length: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(writer_module.os, "ftruncate", no_truncate)
    with pytest.raises(LogWriteError):
        writer.append(note(1.0))
    assert len(log.read_bytes()) > len(good)  # the half record is still there
    monkeypatch.undo()
    assert writer.append(note(1.0)) == 1
    writer.close()
    assert verify_log(log, pubkey).status == "unsealed"
    assert log.read_bytes().startswith(good)


def test_a_real_file_size_limit_mid_record_is_survived(
    tmp_path: Path, key_dir: Path, pubkey: PublicKey
) -> None:
    """The OS itself stops the write half-way (RLIMIT_FSIZE); raising the limit lets the same append through."""
    log = tmp_path / "full.jsonl"
    script = textwrap.dedent(
        f"""
        import os, resource, signal
        from helpdesk_tui.eventlog import EventLogWriter, LogWriteError, load_private_key
        from helpdesk_tui.eventlog.testing import sample_events, sample_header
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        writer = EventLogWriter.create({str(log)!r}, sample_header(), load_private_key({str(key_dir / "exam-centre.key")!r}))
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (os.path.getsize({str(log)!r}) + 700, hard))
        events = iter(sample_events(50, seed=2))
        event = next(events)
        failures = 0
        while failures == 0:
            try:
                writer.append(event)
                event = next(events)
            except LogWriteError as exc:
                failures += 1
                print("refused", writer.seq, exc)
        resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
        print("retried", writer.append(event))
        writer.seal("completed", event.exam_time, event.wall_time)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    refused, retried = done.stdout.splitlines()[:2]
    assert "File too large" in refused
    assert int(retried.split()[1]) == int(refused.split()[1]) + 1
    assert verify_log(log, pubkey).status == "ok"


# --- practice logs ------------------------------------------------------------------


def test_a_practice_log_with_a_per_session_key_says_so_and_never_passes_as_an_exam_log(
    log: Path, pubkey: PublicKey
) -> None:
    writer = EventLogWriter.create(log, sample_header(mode="practice"), Signer.ephemeral())
    assert stat.S_IMODE(session_key_path(log).stat().st_mode) == 0o600
    writer.append(note(1.0))
    writer.seal("completed", 2.0, WALL)
    writer.close()
    assert not session_key_path(log).exists()  # after the seal nobody can re-sign it
    own = verify_log(log, None)
    assert own.status == "ok" and own.per_session_key
    with_centre_key = verify_log(log, pubkey)
    assert with_centre_key.status == "bad"
    assert (
        with_centre_key.fault is not None
        and with_centre_key.fault.kind == "signed-with-another-key"
    )
