"""sec20: `sitting status` read others' words as Rich markup. A log's file name, the
assessors' names (from their verdict files) and a register's state are not the program's
words: "c01/[red]x[reverse]-y.jsonl" was listed as "c01/x-y.jsonl" (the proctor could not
find the file by the name shown), "[green]An[/]" as "An"."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from helpdesk_tui.commands.sitting import show


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
