"""The header's `event_schema` is a version this program reads, and the one the session
started in (sec13: a header claiming schema 9 verified and reported)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from helpdesk_tui.core.events import make_event
from helpdesk_tui.eventlog import PublicKey, Signer
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import FaultKind, verify_bytes

READS = (1, 2, 3)
"""The versions docs/eventlog-format.md ("Event schema versions") lists."""


def _started(version: int) -> list:
    data = {
        "scenario_id": "en-demo",
        "scenario_title": "Demo",
        "language": "en",
        "duration_s": 600,
        "mode": "exam",
        "sla_profile": {},
        "groups": [],
        "customers": [],
        "categories": [],
        "candidate_id": "C-0001",
        "schema_version": version,
        "kb_articles": [],
        "session_id": "0" * 31 + "1",
    }
    return [make_event("session_started", data, 0.5, "2025-03-03T09:00:00.500Z")]


def _forged(header: SessionHeader, signer: Signer, events: list) -> bytes:
    """Signed as the exam signs, but past the writer's own header check (a forger's
    writer, or a practice log re-signed with a key of one's own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SessionHeader, "check", lambda self: None)
        return build_log_bytes(header, signer, events)


@pytest.mark.parametrize("claimed", [0, 4, 9, -1, 2**40])
def test_a_header_claiming_a_schema_this_program_does_not_read_fails(
    claimed: int, signer: Signer, pubkey: PublicKey
) -> None:
    header = dataclasses.replace(sample_header(), event_schema=claimed)
    result = verify_bytes(_forged(header, signer, sample_events(4)), pubkey)
    assert (result.status, result.exit_code) == ("bad", 1)
    assert result.fault is not None and result.fault.line == 1
    assert result.fault.kind == FaultKind.HEADER_EDITED
    assert "event_schema" in result.fault.message and str(claimed) in result.fault.message


@pytest.mark.parametrize("version", READS)
def test_every_schema_it_reads_verifies(version: int, signer: Signer, pubkey: PublicKey) -> None:
    header = dataclasses.replace(sample_header(), event_schema=version)
    data = build_log_bytes(header, signer, _started(version) + sample_events(4, start=1.0))
    assert verify_bytes(data, pubkey).status == "ok"


def test_a_session_started_in_another_schema_than_its_header_fails(
    signer: Signer, pubkey: PublicKey
) -> None:
    header = dataclasses.replace(sample_header(), event_schema=2)
    data = build_log_bytes(header, signer, _started(1) + sample_events(4, start=1.0))
    result = verify_bytes(data, pubkey)
    assert (result.status, result.exit_code) == ("bad", 1)
    assert result.fault is not None and (result.fault.line, result.fault.seq) == (2, 1)
    assert result.fault.kind == FaultKind.MALFORMED
    assert "schema" in result.fault.message


def test_the_header_check_names_the_versions(signer: Signer) -> None:
    first = build_log_bytes(sample_header(), signer, []).split(b"\n")[0]
    record = json.loads(first)
    record["data"]["event_schema"] = 9
    with pytest.raises(ValueError, match="event_schema.*9.*1 to 3"):
        SessionHeader.from_record(record)
