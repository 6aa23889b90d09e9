"""sec19 (red team): `verify` printed a header's words to the assessor's terminal as they are.

The header is the log's: a candidate id or a software version holding U+202E (RIGHT-TO-LEFT
OVERRIDE) passes the verifier (it refuses C0/C1 controls, not bidi controls, sec13) and
`verify` printed it raw, so a terminal that honours it showed the rest of the line reversed
("Trojan Source"). `report`, `class-report` and the screens already show such a control
as U+FFFD (`printable`, sec13); `verify` now does too. Expected from that rule, not from
this command: no bidi control reaches the terminal, its place is marked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header

BIDI = ("\u202e", "\u2066", "\u202a")


@pytest.mark.parametrize("bidi", BIDI)
def test_a_bidi_control_in_the_header_is_shown_as_a_mark(
    tmp_path: Path, bidi: str, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "practice.jsonl"
    header = sample_header(mode="practice", candidate_id=f"c00{bidi}42")
    log.write_bytes(build_log_bytes(header, Signer.ephemeral(), sample_events(4, seed=5)))
    assert main(["verify", str(log)]) == 0
    out = capsys.readouterr().out
    assert bidi not in out
    assert f"c00\u27e8U+{ord(bidi):04X}\u27e942" in out  # its code point since sec21
