"""The header names the language layer; logs written before it did stay readable."""

from __future__ import annotations

import json
from typing import Any

import pytest

from helpdesk_tui.eventlog.keys import PublicKey, Signer
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import verify_bytes


def _without_layer(self: SessionHeader) -> dict[str, Any]:
    """What a header written before the language layer held (no layer fields)."""
    data = _ORIGINAL(self)
    del data["language_layer"], data["language_layer_sha256"]
    return data


_ORIGINAL = SessionHeader.to_data


def test_a_log_from_before_the_layer_verifies_and_reads(
    monkeypatch: pytest.MonkeyPatch, signer: Signer, pubkey: PublicKey
) -> None:
    monkeypatch.setattr(SessionHeader, "to_data", _without_layer)
    data = build_log_bytes(sample_header(), signer, sample_events(20))
    monkeypatch.undo()
    first = json.loads(data.splitlines()[0])
    assert "language_layer" not in first["data"]
    assert verify_bytes(data, pubkey).status == "ok"
    header = SessionHeader.from_record(first)
    assert (header.language_layer, header.language_layer_sha256) == ("", "")


def test_a_new_header_carries_the_layer_and_verifies(signer: Signer, pubkey: PublicKey) -> None:
    header = sample_header()
    layered = SessionHeader(**{**header.to_data(), "created": header.created} | {
        "language_layer": "1.0", "language_layer_sha256": "ab" * 32,
    })  # fmt: skip
    data = build_log_bytes(layered, signer, sample_events(5))
    assert verify_bytes(data, pubkey).status == "ok"
    read = SessionHeader.from_record(json.loads(data.splitlines()[0]))
    assert read.language_layer == "1.0" and read.language_layer_sha256 == "ab" * 32


def test_a_bad_layer_hash_is_refused() -> None:
    record = {"data": {**sample_header().to_data(), "language_layer_sha256": "not-hex"}}
    with pytest.raises(ValueError, match="language_layer_sha256"):
        SessionHeader.from_record(record)
