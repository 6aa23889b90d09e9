"""Property: no single-byte change anywhere in a sealed log passes verification."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk_tui.eventlog import CheckpointPolicy, PublicKey, Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import verify_bytes

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def sealed(signer: Signer) -> bytes:
    return build_log_bytes(
        sample_header(), signer, sample_events(12, seed=3), CheckpointPolicy(records=4)
    )


def test_the_untouched_log_verifies(sealed: bytes, pubkey: PublicKey) -> None:
    assert verify_bytes(sealed, pubkey).status == "ok"


@SETTINGS
@given(data=st.data())
def test_any_single_byte_change_is_detected(
    sealed: bytes, pubkey: PublicKey, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(sealed) - 1), label="index")
    value = data.draw(st.integers(0, 255).filter(lambda b: b != sealed[index]), label="byte")
    changed = sealed[:index] + bytes([value]) + sealed[index + 1 :]
    assert verify_bytes(changed, pubkey).status != "ok"


@SETTINGS
@given(data=st.data())
def test_any_single_byte_removed_or_added_is_detected(
    sealed: bytes, pubkey: PublicKey, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(sealed)), label="index")
    if data.draw(st.booleans(), label="remove") and index < len(sealed):
        changed = sealed[:index] + sealed[index + 1 :]
    else:
        changed = sealed[:index] + bytes([data.draw(st.integers(0, 255))]) + sealed[index:]
    assert verify_bytes(changed, pubkey).status != "ok"
