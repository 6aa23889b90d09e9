"""walk27: `sitting status` at 80 columns, once both assessors and the outcome were in, cut
every cell ("0:00:…", "NIET GESLAA…", "verificat…") and dropped the log column altogether:
the proctor could read neither the time nor the outcome nor which log. Now every cell is
whole; a log the table has no room for is listed under it, whole."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from helpdesk_tui import i18n
from helpdesk_tui.commands.sitting import show

LOG = "c0001/nl-verhaeghe-dinsdag-20261206T065555Z-2a6a4a50.jsonl"
OUTCOME = {"en": "NOT PASSED", "nl": "NIET GESLAAGD", "fr": "NON RÉUSSI"}
"""`not_passed` as the catalogue says it (helpdesk_exam.po)."""


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize("width", [80, 100])
def test_every_cell_and_the_log_are_whole_at_80_columns(lang: str, width: int) -> None:
    row = {"candidate": "c0001", "state": "handed-in", "exam_time": 47.0, "resumes": 0}
    row |= {"verified": "OK", "log": LOG, "outcome": "not_passed"}
    row["assessors"] = [
        {"name": "An Peeters", "complete": True},
        {"name": "Bo Claes", "complete": True},
    ]
    out = StringIO()
    i18n.set_language(lang)
    try:
        show(
            {"name": "am", "scenario": "nl-verhaeghe-dinsdag"},
            [row],
            Console(file=out, width=width),
        )
    finally:
        i18n.set_language("en")
    text = out.getvalue()
    lines = text.splitlines()
    assert "…" not in text, text  # nothing cut
    assert max(len(line.rstrip()) for line in lines) <= width, text
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("c0001"))
    assert "0:00:47" in lines[first] and "OK" in lines[first], text
    row_words = " ".join(lines[first : first + 3]).split()  # a cell may wrap at a space
    assert all(word in row_words for word in OUTCOME[lang].split()), text
    # the log: in its column, folded (qa-sitting8), or on a line of its own under the table
    at = lines[first].find("c0001/")
    if at >= 0:
        pieces = [line[at:].strip() for line in lines[first:] if line[at:].strip()]
        assert "".join(pieces).startswith(LOG), pieces
    else:
        assert any(line.rstrip().endswith(LOG) for line in lines[first:]), text
