"""The verifier's verdicts and summaries (the tamper suite covers the faults one by one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog import (
    CheckpointPolicy,
    KeyFileError,
    LogReadError,
    PublicKey,
    Signer,
    folder_sha256,
    verify_log,
)
from helpdesk_tui.eventlog.records import KEY_PER_SESSION, b64encode
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header, write_log
from helpdesk_tui.eventlog.verifier import FaultKind, verify_bytes

from .kit import enc, join, rec, split

POLICY = CheckpointPolicy(records=4, seconds=3600)


def test_an_intact_sealed_log_is_ok_with_its_summary(
    tmp_path: Path, signer: Signer, pubkey: PublicKey
) -> None:
    events = sample_events(10, seed=4)
    log = write_log(tmp_path / "s.jsonl", sample_header(), signer, events, POLICY)
    result = verify_log(log, pubkey)
    assert (result.status, result.exit_code, result.fault) == ("ok", 0, None)
    s = result.summary
    assert (s.candidate_id, s.scenario_id, s.mode, s.software_version) == (
        "C-0001",
        "en-demo",
        "exam",
        "0.1.0",
    )
    assert (s.records, s.events, s.checkpoints, s.seal_reason) == (14, 10, 2, "completed")
    assert s.duration_s == events[-1].exam_time and s.ended == events[-1].wall_time
    assert s.key_fingerprint == signer.fingerprint and not result.per_session_key
    assert (result.signed_records, result.unsigned_records) == (14, 0)


def test_an_unsealed_log_says_what_the_last_checkpoint_covers(
    signer: Signer, pubkey: PublicKey
) -> None:
    data = build_log_bytes(sample_header(), signer, sample_events(10, seed=4), POLICY, seal=None)
    result = verify_bytes(data, pubkey)
    assert (result.status, result.exit_code, result.fault) == ("unsealed", 3, None)
    assert (result.signed_records, result.unsigned_records, result.last_checkpoint_line) == (
        11,
        2,
        11,
    )


def test_a_log_without_checkpoints_is_covered_by_its_signed_header(
    signer: Signer, pubkey: PublicKey
) -> None:
    data = build_log_bytes(sample_header(), signer, sample_events(3), POLICY, seal=None)
    result = verify_bytes(data, pubkey)
    assert (result.signed_records, result.unsigned_records, result.last_checkpoint_line) == (
        1,
        3,
        None,
    )


def test_the_scenario_folder_is_checked_against_the_header(
    tmp_path: Path, signer: Signer, pubkey: PublicKey
) -> None:
    scenario = tmp_path / "scenario"
    scenario.mkdir()
    (scenario / "scenario.toml").write_text("id = 'en-demo'\n")
    header = sample_header(scenario_sha256=folder_sha256(scenario))
    log = write_log(tmp_path / "s.jsonl", header, signer, sample_events(3), POLICY)
    assert verify_log(log, pubkey, scenario).summary.scenario_checked
    assert verify_log(log, pubkey, scenario / "scenario.toml").status == "ok"
    (scenario / "scenario.toml").write_text("id = 'en-demo'  # edited\n")
    result = verify_log(log, pubkey, scenario)
    assert result.fault is not None and result.fault.kind == FaultKind.SCENARIO_DIFFERS


def test_an_exam_log_cannot_be_verified_without_the_centre_key(signer: Signer) -> None:
    data = build_log_bytes(sample_header(), signer, sample_events(2), POLICY)
    with pytest.raises(KeyFileError, match="--pubkey"):
        verify_bytes(data, None)


def test_a_practice_log_verifies_with_its_own_key_and_says_so() -> None:
    data = build_log_bytes(
        sample_header(mode="practice"), Signer.ephemeral(), sample_events(2), POLICY
    )
    result = verify_bytes(data, None)
    assert (
        result.status == "ok"
        and result.per_session_key
        and result.summary.key_kind == KEY_PER_SESSION
    )


def test_a_practice_log_with_a_swapped_session_key_is_caught() -> None:
    lines = split(
        build_log_bytes(
            sample_header(mode="practice"), Signer.ephemeral(), sample_events(2), POLICY
        )
    )
    header = rec(lines[0])
    header["data"]["session_public_key"] = Signer.ephemeral().public_key.raw.hex()
    result = verify_bytes(join([enc(header), *lines[1:]]), None)
    assert result.fault is not None and (result.fault.line, result.fault.kind) == (
        1,
        FaultKind.HEADER_EDITED,
    )


def test_an_exam_header_claiming_a_per_session_key_is_refused(
    signer: Signer, pubkey: PublicKey
) -> None:
    lines = split(build_log_bytes(sample_header(), signer, sample_events(2), POLICY))
    header = rec(lines[0])
    header["data"]["key_kind"] = KEY_PER_SESSION
    header["data"]["session_public_key"] = b64encode(signer.public_key.raw)
    result = verify_bytes(join([enc(header), *lines[1:]]), pubkey)
    assert result.fault is not None and result.fault.kind == FaultKind.HEADER_EDITED
    assert "exam-centre key" in result.fault.message


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff\xfe binary junk \x89PNG\r\n\x1a\n", b"just some text\n", b"[1,2,3]\n"],
)
def test_files_that_are_not_logs_are_bad_with_a_missing_header(
    content: bytes, pubkey: PublicKey
) -> None:
    result = verify_bytes(content, pubkey)
    assert result.status == "bad" and result.exit_code == 1
    assert result.fault is not None and (result.fault.line, result.fault.kind) == (
        1,
        FaultKind.HEADER_MISSING,
    )


def test_torn_bytes_after_the_seal_are_bad(signer: Signer, pubkey: PublicKey) -> None:
    data = build_log_bytes(sample_header(), signer, sample_events(2), POLICY) + b'{"da'
    result = verify_bytes(data, pubkey)
    assert result.fault is not None and result.fault.kind == FaultKind.AFTER_SEAL


def test_an_unknown_event_type_is_a_malformed_record(signer: Signer, pubkey: PublicKey) -> None:
    lines = split(build_log_bytes(sample_header(), signer, sample_events(3), POLICY, seal=None))
    record = rec(lines[2])
    record["type"] = "candidate_cheated"
    lines[2] = enc(record)
    result = verify_bytes(join(lines), pubkey)
    assert result.fault is not None and (result.fault.line, result.fault.kind) == (
        3,
        FaultKind.MALFORMED,
    )


def test_a_missing_log_or_a_folder_is_an_input_error(tmp_path: Path, pubkey: PublicKey) -> None:
    with pytest.raises(LogReadError, match="does not exist"):
        verify_log(tmp_path / "none.jsonl", pubkey)
    with pytest.raises(LogReadError, match="is a folder"):
        verify_log(tmp_path, pubkey)


def test_a_long_log_verifies(signer: Signer, pubkey: PublicKey) -> None:
    data = build_log_bytes(sample_header(), signer, sample_events(5_000, seed=9, step=0.5))
    result = verify_bytes(data, pubkey)
    assert result.status == "ok" and result.summary.events == 5_000
    assert result.summary.checkpoints == 50  # one per 100 records; 60 s take 120 events here


@pytest.mark.parametrize("tail", [b'{"data":{"te', b" " * (3 << 20)])
def test_after_the_first_fault_the_rest_is_counted_and_a_torn_end_reported(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, tail: bytes
) -> None:
    """sec-fuzz9: the streamed verify stopped at the first fault, so a bad log's torn last
    line (a write cut short, or more bytes than any record) was no longer reported."""
    data = build_log_bytes(sample_header(), signer, sample_events(10), POLICY, seal=None)
    lines = data.split(b"\n")  # 13 complete lines and the empty string after the last newline
    lines[4] = lines[4].replace(b'"t":', b'"t":1', 1)  # line 5 changed
    log = tmp_path / "bad.jsonl"
    log.write_bytes(b"\n".join(lines) + tail)
    streamed = verify_log(log, pubkey)
    assert streamed.status == "bad" and streamed.fault is not None and streamed.fault.line == 5
    assert (streamed.lines, streamed.lines_after_fault, streamed.tail_bytes) == (13, 8, len(tail))
    held = verify_bytes(log.read_bytes(), pubkey)  # the in-memory verifier says the same
    assert (held.lines, held.lines_after_fault, held.tail_bytes) == (13, 8, len(tail))
    assert held.fault == streamed.fault


def test_a_fault_on_the_last_line_leaves_nothing_after_it(
    tmp_path: Path, signer: Signer, pubkey: PublicKey
) -> None:
    data = build_log_bytes(sample_header(), signer, sample_events(10), POLICY, seal=None)
    log = tmp_path / "bad.jsonl"
    log.write_bytes(data + b"not json\n")
    result = verify_log(log, pubkey)
    assert result.status == "bad" and result.fault is not None and result.fault.line == 14
    assert (result.lines, result.lines_after_fault, result.tail_bytes) == (14, 0, None)
