"""sec20: `sitting status` read others' words as Rich markup. A log's file name, the
assessors' names (from their verdict files) and a register's state are not the program's
words: "c01/[red]x[reverse]-y.jsonl" was listed as "c01/x-y.jsonl" (the proctor could not
find the file by the name shown), "[green]An[/]" as "An". And an error naming a file
printed the file's escapes as they were."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from helpdesk_tui.cli import main
from helpdesk_tui.commands.sitting import show

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


def test_the_status_table_shows_names_with_brackets_as_they_are() -> None:
    log = "c01/[red]x[reverse]-y[@click=app.quit]z.jsonl"
    row = {"candidate": "c01", "state": "[bold]odd", "exam_time": 127.0, "resumes": 0}
    row |= {"verified": "OK", "log": log, "assessors": [{"name": "[green]An[/]", "complete": 1}]}
    out = StringIO()
    show({"name": "am", "scenario": "s"}, [row], Console(file=out, width=200))
    text = out.getvalue()
    assert log in text
    assert "[green]An[/]" in text
    assert "1 [bold]odd" in text  # the count per state


@pytest.mark.parametrize("verb", ["observe", "report", "verify", "room"])
def test_an_error_naming_a_file_shows_its_escapes_as_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], verb: str
) -> None:
    """An empty log named "c ESC [ 2 J d.jsonl": the error names it, and printed as it
    was the name cleared the terminal of whoever ran `observe` or `report` on it."""
    log = tmp_path / "c\x1b[2J\x1b]0;x\x07d.jsonl"
    log.write_bytes(b"")
    code = main([verb, str(log)])
    out, err = capsys.readouterr()
    assert code != 0
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "c␛[2J␛]0;x␇d.jsonl" in out + err
