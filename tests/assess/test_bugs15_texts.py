"""bugs13's French and Dutch reports, played at 100 columns: a duration's units, and the
class overview's width (bugs15)."""

from __future__ import annotations

import pytest
from rich.console import Console

from helpdesk_tui.assess.class_report import ClassRow, render_class_terminal
from helpdesk_tui.assess.course import course_lines
from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.assess.texts import duration
from helpdesk_tui.assess.texts_session import T as SESSION

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("seconds", "en", "fr", "nl"),
    [
        (18, "18s", "18 s", "18s"),
        (245, "4m05s", "4 min 05 s", "4m05s"),
        (3725, "1h02m", "1 h 02 min", "1u02m"),
        (-18, "-18s", "-18 s", "-18s"),
    ],
)
def test_a_duration_in_each_languages_units(seconds: float, en: str, fr: str, nl: str) -> None:
    """French writes a space before its units ("après 18s d'arrêt" in bugs13's French
    report), no-break so a line never wraps inside one; Dutch writes the hour "u"."""
    assert duration(seconds) == duration(seconds, "en") == en
    assert duration(seconds, "fr").replace(NBSP, " ") == fr
    assert NBSP in duration(seconds, "fr")
    assert duration(seconds, "nl") == nl


def test_the_french_resume_line_says_its_duration_in_french() -> None:
    from helpdesk_tui.assess.course import Moment, Resume, SessionCourse

    moment = Moment(at=600.0, seq=40, wall="2026-12-05T09:10:00.000Z")
    course = SessionCourse(resumes=(Resume(moment, 18.0),))
    (text, seqs), *_ = course_lines(course, "fr")
    assert text.replace(NBSP, " ").endswith("après 18 s d'arrêt") and seqs == (40,)
    assert "{down}" in SESSION["session.resumed"][2]


STATUSES = list(EvidenceStatus)


def rows() -> list[ClassRow]:
    from helpdesk_tui.assess.class_report import COMPETENCY_IDS

    marks = {c: STATUSES[i % len(STATUSES)] for i, c in enumerate(COMPETENCY_IDS)}
    return [
        ClassRow("c01-sarah-el-amrani-vd", "c01/x.jsonl", "nl-x", "2026-12-05", marks, 0.83, 95.0),
        ClassRow("c02", "c02/x.jsonl", "nl-x", "2026-12-05", marks, 0.5, 3725.0, verified=False),
        ClassRow("c03", "c03/x.jsonl", refused="c03/x.jsonl: it does not verify"),
    ]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_class_overview_fits_a_terminal_of_100_columns(lang: str) -> None:
    """bugs13: `class-report` was 147 columns wide whatever the terminal (COLUMNS=100 not
    followed), so its rows wrapped at 100. Each student is one line of the table, every
    competency's mark on it (22), in the order of the ids."""
    console = Console(width=100, record=True, color_system=None)
    render_class_terminal(rows(), lang, console)
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 100
    first = next(line for line in lines if line.lstrip().startswith("c01"))
    marks = {
        "favourable": "+",
        "mixed": "±",
        "unfavourable": "-",
        "to_confirm": "?",
        "not_observed": "·",
    }
    expected = "".join(marks[STATUSES[i % len(STATUSES)].value] for i in range(22))
    assert "".join(ch for ch in first[24:] if ch in "+±-?·") == expected
    share = "83\u00a0%" if lang == "fr" else "83%"  # French: a no-break space before % (bugs19)
    assert share in first and first.rstrip().endswith(duration(95.0, lang))
