"""What `exam` tells the proctor at the end, in the exam's language (branch qa-sitting10)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.commands import exam


@pytest.mark.parametrize(
    ("lang", "said", "english"),
    [
        ("nl", "gestopt door de surveillant", "stopped by"),
        ("fr", "arrêtée par le surveillant", "stopped by"),
    ],
)
def test_the_proctors_stop_is_said_in_the_exams_language(
    lang: str, said: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen in a Dutch exam stopped with the proctor code's S: "De sessie werd onderbroken
    (stopped by the proctor); ..." (the reason was put in as the log has it)."""
    started = SimpleNamespace(
        log_path=Path("/logs/c06/x.jsonl"), writer=SimpleNamespace(sealed=False)
    )
    i18n.set_language(lang)
    try:
        assert exam.report(started, Path("/keys/exam-centre.key"), None, "stopped by the proctor")
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert said in out and english not in out
    assert "resume /logs/c06/x.jsonl --key /keys/exam-centre.key" in out
