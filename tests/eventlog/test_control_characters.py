"""A log whose texts hold a control character is refused: printed, ESC drives the reader's terminal.

Made by hand: the log is signed correctly (the signer writes whatever text it is given), so
only the new rule can refuse it; the expected results come from what a terminal does with
ESC ] 0 (retitle) and ESC [ 2 J (clear), not from the reader's code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.core.events import make_event
from helpdesk_tui.eventlog import CheckpointPolicy, LogReadError, PublicKey, Signer, read_log
from helpdesk_tui.eventlog.testing import _wall, build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import verify_log


def _log(tmp_path: Path, signer: Signer, text: str) -> Path:
    events = sample_events(4, seed=3)
    said = make_event(
        "message_sent", {"conversation_id": "chat-1", "text": text}, 20.0, _wall(20.0)
    )
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        build_log_bytes(sample_header(), signer, [*events, said], CheckpointPolicy(records=50))
    )
    return path


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sorry \x1b]0;PWNED\x07 really", "001B"),
        ("clear\x1b[2Jed", "001B"),
        ("a C1 CSI \x9b2J", "009B"),
        ("back\bspace", "0008"),
        ("form\ffeed", "000C"),
        ("nul\x00", "0000"),
        ("del\x7f", "007F"),
    ],
)
def test_a_text_with_a_control_character_does_not_verify_nor_read(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, text: str, code: str
) -> None:
    path = _log(tmp_path, signer, text)
    result = verify_log(path, pubkey)
    assert result.status == "bad" and result.fault is not None
    assert result.fault.line == 6  # the header, four events, then the text
    assert f"data.text holds the control character U+{code}" in result.fault.message
    with pytest.raises(LogReadError, match=f"U\\+{code}"):
        read_log(path)


@pytest.mark.parametrize(
    "text",
    [
        "two lines\nand a\ttab, a return\r\n",
        "Bonjour Noël, ça marche ? Ja — dank u 👍",
        "a path C:\\backup\\files and \\u001b written out",  # backslashes, no control character
    ],
)
def test_line_breaks_tabs_returns_and_backslashes_are_texts_like_any_other(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, text: str
) -> None:
    path = _log(tmp_path, signer, text)
    assert verify_log(path, pubkey).status == "ok"
    assert read_log(path).events[-1].data["text"] == text
