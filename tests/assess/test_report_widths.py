"""The terminal report read at 80 and 100 columns (a report piped into a file is 80 wide;
an assessor's tmux at 100). Seen in a French report of a Dutch sitting (bugs13): at 100
columns the SLA table's "Résultat" column was squeezed to nothing (no met or breached at
all), and at 80 the ticket ids read "T-…". Every ticket id and its result must be there
whole; the expected words come from the evidence's rows and the report's catalogue."""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.texts import tr

GOOD = Provenance("logs/a.jsonl", "ab" * 32, "ok", True, None, "SHA256:x (per-session)")


def section(text: str, title: str, next_title: str) -> str:
    start = text.index(title)
    end = text.find(next_title, start)
    return text[start : end if end > 0 else None]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("width", [80, 100])
def test_the_sla_table_keeps_every_ticket_and_its_result(
    ideal: Evidence, lang: str, width: int
) -> None:
    text = terminal_text(ideal, GOOD, lang, width=width)
    sla = section(text, tr(lang, "section.sla"), tr(lang, "section.latency"))
    assert ideal.sla
    for row in ideal.sla:
        line = next((x for x in sla.splitlines() if row.ticket_id in x), None)
        assert line is not None, (row.ticket_id, sla)
        key = (
            "result.running"
            if row.met is None
            else ("result.met" if row.met else "result.breached")
        )
        assert tr(lang, key) in line, (line, tr(lang, key))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [80, 100])
def test_the_latency_table_keeps_its_figures(ideal: Evidence, lang: str, width: int) -> None:
    """At 80 columns the reply-time table's figures read "3…", "…": the limit and the
    longest wait of every conversation are there whole."""
    from helpdesk_tui.assess.texts import duration

    text = terminal_text(ideal, GOOD, lang, width=width)
    latency = section(text, tr(lang, "section.latency"), tr(lang, "section.inversions"))
    rows = [lat for lat in ideal.latencies if lat.waits]
    assert rows
    for lat in rows:
        assert duration(lat.limit_s, lang) in latency
        assert duration(lat.max_s or 0.0, lang) in latency
