"""Resuming after a crash or power loss: replay, torn tails moved aside, resume on the record."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog import (
    CheckpointPolicy,
    EventLogWriter,
    LogError,
    LogStateError,
    PublicKey,
    Signer,
    read_log,
    verify_log,
)
from helpdesk_tui.eventlog.recovery import session_key_path
from helpdesk_tui.eventlog.testing import (
    build_log_bytes,
    sample_events,
    sample_header,
    save_resume_key,
)

POLICY = CheckpointPolicy(records=4, seconds=3600)
NOW = "2025-03-03T10:00:00.000Z"


@pytest.fixture
def events() -> list[Event]:
    return sample_events(10, seed=11)


def unsealed_log(path: Path, signer: Signer, events: list[Event]) -> Path:
    path.write_bytes(build_log_bytes(sample_header(), signer, events, POLICY, seal=None))
    save_resume_key(path, sample_header(), signer)
    return path


def test_reopen_replays_the_events_and_continues_the_chain(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, events: list[Event]
) -> None:
    log = unsealed_log(tmp_path / "s.jsonl", signer, events)
    writer, recovered = EventLogWriter.reopen(log, signer)
    assert recovered.events == events
    assert [e.seq for e in recovered.entries][:4] == [1, 2, 3, 4]
    assert recovered.last_seq == writer.seq == 12  # 10 events, 2 checkpoints
    assert recovered.header.candidate_id == "C-0001" and not recovered.sealed
    assert recovered.unsigned_records == 2 and recovered.torn is None
    resumed = recovered.resume_event(NOW)
    assert resumed.type == "session_resumed" and resumed.exam_time == events[-1].exam_time
    assert resumed.data["downtime_s"] == pytest.approx(3600 - events[-1].exam_time, abs=0.01)
    assert writer.append(resumed) == 13
    writer.seal("time-up", resumed.exam_time, NOW)
    writer.close()
    result = verify_log(log, pubkey)
    assert (result.status, result.summary.events, result.summary.seal_reason) == (
        "ok",
        11,
        "time-up",
    )


def test_a_sealed_log_cannot_be_reopened(
    tmp_path: Path, signer: Signer, events: list[Event]
) -> None:
    log = tmp_path / "s.jsonl"
    log.write_bytes(build_log_bytes(sample_header(), signer, events, POLICY))
    with pytest.raises(LogStateError, match="sealed"):
        EventLogWriter.reopen(log, signer)


def test_a_tampered_log_is_not_resumed(tmp_path: Path, signer: Signer, events: list[Event]) -> None:
    log = unsealed_log(tmp_path / "s.jsonl", signer, events)
    lines = log.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b'"t":', b'"t": ')
    log.write_bytes(b"\n".join(lines))
    with pytest.raises(LogError, match="line 4"):
        EventLogWriter.reopen(log, signer)


def test_reopen_with_another_key_is_refused(
    tmp_path: Path, signer: Signer, other_signer: Signer, events: list[Event]
) -> None:
    log = unsealed_log(tmp_path / "s.jsonl", signer, events)
    with pytest.raises(LogError, match="signed with key"):
        EventLogWriter.reopen(log, other_signer)
    with pytest.raises(LogError, match="exam-centre private key"):
        EventLogWriter.reopen(log)
    with pytest.raises(LogError, match="does not exist"):
        EventLogWriter.reopen(tmp_path / "none.jsonl", signer)


def test_a_torn_tail_is_moved_aside_never_dropped(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, events: list[Event]
) -> None:
    log = unsealed_log(tmp_path / "s.jsonl", signer, events)
    good = log.read_bytes()
    for round_number, torn in enumerate((b'{"data":{"text":"hal', b"\x00\x00\x00"), 1):
        log.write_bytes(log.read_bytes() + torn)
        assert verify_log(log, pubkey).torn is not None
        writer, recovered = EventLogWriter.reopen(log, signer)
        writer.close()
        expected_name = "s.jsonl.torn" if round_number == 1 else "s.jsonl.torn.2"
        assert recovered.torn_path == tmp_path / expected_name
        assert recovered.torn_path.read_bytes() == torn
        assert "torn bytes moved to" in recovered.resume_event(NOW).data["reason"]
    assert log.read_bytes().startswith(good)
    assert verify_log(log, pubkey).torn is None


@pytest.mark.parametrize("seed", range(3))
def test_power_loss_at_any_byte_keeps_every_complete_record(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, seed: int
) -> None:
    """Cut a log at seeded random offsets, as a power cut would; each cut resumes and seals."""
    full = build_log_bytes(sample_header(), signer, sample_events(15, seed=seed), POLICY)
    rng = random.Random(seed)
    for cut in sorted(rng.sample(range(len(full.split(b"\n", 1)[0]) + 1, len(full)), 10)):
        log = tmp_path / f"cut-{cut}.jsonl"
        log.write_bytes(full[:cut])
        save_resume_key(log, sample_header(), signer)
        complete = full[:cut].count(b"\n")
        result = verify_log(log, pubkey)
        assert result.status == "unsealed" and result.summary.records == complete
        assert (result.torn is not None) == (not full[:cut].endswith(b"\n"))
        writer, recovered = EventLogWriter.reopen(log, signer)
        assert recovered.last_seq == complete - 1
        if recovered.torn_path:
            assert full[:cut].endswith(recovered.torn_path.read_bytes())
        writer.append(recovered.resume_event(NOW))
        writer.seal("completed", recovered.last_exam_time, NOW)
        writer.close()
        assert verify_log(log, pubkey).status == "ok"


def test_a_practice_session_resumes_with_its_saved_session_key(
    tmp_path: Path, events: list[Event]
) -> None:
    log = tmp_path / "practice.jsonl"
    writer = EventLogWriter.create(log, sample_header(mode="practice"), Signer.ephemeral())
    writer.append(events[0])
    writer._close_fd()  # the process died: no close(), no checkpoint
    writer, recovered = EventLogWriter.reopen(log)
    assert recovered.events == [events[0]]
    writer.append(recovered.resume_event(NOW))
    writer.seal("completed", 5.0, NOW)
    writer.close()
    assert verify_log(log, None).status == "ok"


def test_a_practice_log_whose_session_key_is_gone_cannot_be_continued(
    tmp_path: Path, events: list[Event]
) -> None:
    log = tmp_path / "practice.jsonl"
    EventLogWriter.create(log, sample_header(mode="practice"), Signer.ephemeral()).close()
    session_key_path(log).unlink()
    with pytest.raises(LogError, match="is gone"):
        EventLogWriter.reopen(log)


def test_downtime_is_zero_when_wall_times_cannot_be_read(
    tmp_path: Path, signer: Signer, events: list[Event]
) -> None:
    log = unsealed_log(tmp_path / "s.jsonl", signer, events)
    writer, recovered = EventLogWriter.reopen(log, signer)
    writer.close()
    assert recovered.downtime_s("not a time") == 0.0
    assert recovered.downtime_s("2020-01-01T00:00:00Z") == 0.0  # clock went back: never negative
    assert read_log(log).last_seq == recovered.last_seq + 1  # close() signed the tail
