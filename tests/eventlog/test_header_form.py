"""A session on a parallel form: the header binds the base's hash and the seed, and only then."""

from __future__ import annotations

import dataclasses
import json

import pytest

from helpdesk_tui.eventlog.keys import PublicKey, Signer
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import verify_bytes


def test_a_header_without_a_form_writes_no_form_fields() -> None:
    data = sample_header().to_data()
    assert "form_seed" not in data and "form_base_sha256" not in data


def test_a_form_header_carries_base_and_seed_and_verifies(
    signer: Signer, pubkey: PublicKey
) -> None:
    header = dataclasses.replace(sample_header(), form_base_sha256="cd" * 32, form_seed=17)
    data = build_log_bytes(header, signer, sample_events(5))
    assert verify_bytes(data, pubkey).status == "ok"
    read = SessionHeader.from_record(json.loads(data.splitlines()[0]))
    assert (read.form_seed, read.form_base_sha256) == (17, "cd" * 32)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"form_seed": 3, "form_base_sha256": ""}, "form_base_sha256"),
        ({"form_seed": 3, "form_base_sha256": "XY" * 32}, "form_base_sha256"),
        ({"form_seed": -1, "form_base_sha256": "cd" * 32}, "form_seed"),
        ({"form_seed": True, "form_base_sha256": "cd" * 32}, "form_seed"),
        ({"form_seed": 2**40, "form_base_sha256": "cd" * 32}, "form_seed"),
        ({"form_base_sha256": "cd" * 32}, "form_seed"),
    ],
)
def test_a_wrong_form_binding_is_refused(changes: dict[str, object], says: str) -> None:
    header = sample_header()
    record = {"data": {**header.to_data(), **changes}, "wall": header.created}
    with pytest.raises(ValueError, match=says):
        SessionHeader.from_record(record)
