"""bugs20 left: class-report showed two rows "c0042" alike when two logs claim one student.
An instructor grades a student from a row; two rows that read the same cannot be told
apart nor traced to their logs. Each must say which session it is, and the report must
warn that the id is claimed twice, naming the logs (as the room has since bugs20)."""

from __future__ import annotations

import pytest
from rich.console import Console

from helpdesk_tui.assess.class_report import ClassRow, render_class_html, render_class_terminal
from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS


def measured(student: str, log: str, started: str) -> ClassRow:
    statuses = dict.fromkeys(COMPETENCY_IDS, EvidenceStatus.NOT_OBSERVED)
    return ClassRow(student, log, "sc", started, statuses, 0.5, 30.0)


def lines_of(rows: list[ClassRow], lang: str) -> list[str]:
    console = Console(width=100, record=True, color_system=None)
    render_class_terminal(rows, lang, console)
    return console.export_text().splitlines()


def student_cells(lines: list[str], student: str) -> list[str]:
    """The first cell of each table row naming `student`, up to the first competency mark."""
    return [line.split("  ")[0].strip() for line in lines if line.lstrip().startswith(student)]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_two_logs_of_one_student_read_apart_and_are_warned(lang: str) -> None:
    rows = [
        measured("c0042", "logs/a.jsonl", "2026-12-05T09:00:00Z"),
        measured("c0042", "logs/b.jsonl", "2026-12-05T11:30:00Z"),
        measured("c0007", "logs/c.jsonl", "2026-12-05T09:00:00Z"),
    ]
    lines = lines_of(rows, lang)
    cells = student_cells(lines, "c0042")
    assert len(cells) == 2 and cells[0] != cells[1], lines
    assert student_cells(lines, "c0007") == ["c0007"]  # an id claimed once reads as before
    warning = [line for line in lines if "logs/a.jsonl" in line and "logs/b.jsonl" in line]
    assert warning and "c0042" in warning[0] and "‼" in warning[0], lines
    html = render_class_html(rows, lang)
    assert "logs/a.jsonl" in html and "logs/b.jsonl" in html and "‼" in html


def test_same_minute_tells_by_the_second_then_by_the_file() -> None:
    rows = [
        measured("c0042", "logs/a.jsonl", "2026-12-05T09:00:01Z"),
        measured("c0042", "logs/b.jsonl", "2026-12-05T09:00:02Z"),
    ]
    cells = student_cells(lines_of(rows, "en"), "c0042")
    assert len(set(cells)) == 2
    same = [
        measured("c0042", "logs/a.jsonl", "2026-12-05T09:00:01Z"),
        measured("c0042", "logs/b.jsonl", "2026-12-05T09:00:01Z"),
    ]
    cells = student_cells(lines_of(same, "en"), "c0042")
    assert len(set(cells)) == 2 and "a.jsonl" in cells[0] and "b.jsonl" in cells[1]


def test_a_refused_log_of_a_claimed_student_is_told_apart_too() -> None:
    rows = [
        measured("c0042", "logs/a.jsonl", "2026-12-05T09:00:00Z"),
        ClassRow("c0042", "logs/b.jsonl", refused="logs/b.jsonl: it does not verify"),
    ]
    lines = lines_of(rows, "en")
    cells = student_cells(lines, "c0042")
    assert len(cells) == 2 and cells[0] != cells[1], lines


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_long_id_gives_way_to_what_tells_its_rows_apart(lang: str) -> None:
    """bugs22's walk: two simulated students ("simulated-naive", 15 characters) started
    in the same minute read "simulated-naive ‼ 22:39…" on both rows at 100 columns; the
    seconds that tell them apart must show, the id may be cut."""
    rows = [
        measured("simulated-naive", "logs/a.jsonl", "2026-12-05T22:39:52Z"),
        measured("simulated-naive", "logs/b.jsonl", "2026-12-05T22:39:49Z"),
        measured("simulated-ideal", "logs/northwind-ideal.jsonl", "2026-12-05T22:40:01Z"),
        measured("simulated-ideal", "logs/val-de-lesse-ideal.jsonl", "2026-12-05T22:40:01Z"),
    ]
    lines = lines_of(rows, lang)
    cells = student_cells(lines, "simulate")
    assert len(cells) == 4 and "22:39:52" in cells[0] and "22:39:49" in cells[1], lines
    assert len(set(cells)) == 4, lines  # the two logs' names tell the other two apart
