"""The annotated example in docs/eventlog-format.md is a real log that still verifies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.verifier import verify_bytes

DOC = Path(__file__).resolve().parents[2] / "docs" / "eventlog-format.md"


def test_the_documented_example_verifies_with_the_documented_key() -> None:
    if not DOC.exists():
        pytest.skip("docs/eventlog-format.md is not in this checkout")
    text = DOC.read_text(encoding="utf-8")
    log = re.search(r"```jsonl\n(.*?)```", text, re.S)
    pem = re.search(r"(-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----)", text, re.S)
    assert log and pem
    key = PublicKey(load_pem_public_key(pem.group(1).encode()))  # type: ignore[arg-type]
    result = verify_bytes(log.group(1).encode(), key)
    assert result.status == "ok", result.fault
    assert result.format == 2 and result.exit_code == 0  # the current, forward-secure layout
    assert (result.summary.records, result.summary.checkpoints, result.summary.seal_reason) == (
        7,
        1,
        "handed-in",
    )
