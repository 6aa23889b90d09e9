"""French puts a no-break space between a number and its unit or "%" (bugs19).

bugs18 saw "100%" in class-report's French SLA column, where French typography writes
"100 %", as it writes "30 s", "12 min", "5 Mo" and "Humeur : irritée": a space that no
line may break. The project's no-break space is U+00A0 (the one every terminal font has,
the one the catalogue's colons already use); the narrow U+202F of print is not used, so a
terminal shows one space, never a missing glyph. Checked: every French text of the
catalogue and of the reports' tables, and the class report's percentages as a reader
sees them.
"""

from __future__ import annotations

import re

from rich.console import Console

from helpdesk_tui.assess import texts, texts_integrity, texts_problems, texts_session
from helpdesk_tui.assess.class_report import ClassRow, render_class_html, render_class_terminal
from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.i18n import catalog
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

NBSP = "\u00a0"
WRONG = re.compile(r"(?:\d|\})(?:[ \u202f]?%|[ \u202f](?:ms|min|s|h|Mo|Ko|Go)(?![\w'’]))")
"""A number (or a value's field) then "%" with no or a plain space, or a unit after a
plain or narrow space ("0 s'il" is not a unit: a letter or an apostrophe follows)."""


def french_texts() -> dict[str, str]:
    entries = catalog.parse_po(catalog.po_path("fr").read_text("utf-8"))
    found = {e.msgid: t for e in entries if e.msgid for t in [e.msgstr, *e.forms] if t}
    for table in (texts.T, texts_session.T, texts_integrity.T, texts_problems.T):
        found.update({key: fr for key, (_en, _nl, fr) in table.items()})
    return found


def test_the_rule_finds_what_bugs18_saw() -> None:
    assert WRONG.search("100%") and WRONG.search("{pct}%") and WRONG.search("après 30 s")
    assert WRONG.search("{n} min") and WRONG.search("5\u202fMo")
    assert not WRONG.search(f"100{NBSP}%") and not WRONG.search(f"{{n}}{NBSP}min")
    assert not WRONG.search("Sort avec 0 s'il n'y a pas d'erreur")


def test_every_french_number_keeps_its_unit_with_a_no_break_space() -> None:
    wrong = {key: WRONG.findall(text) for key, text in french_texts().items()}
    wrong = {key: found for key, found in wrong.items() if found}
    assert wrong == {}, f"{len(wrong)} French texts, e.g. {list(wrong.items())[:5]}"


def _rows() -> list[ClassRow]:
    marks = dict.fromkeys(COMPETENCY_IDS, EvidenceStatus.MIXED)
    return [
        ClassRow("lena", "lena.jsonl", statuses=marks, sla_met=1.0),
        ClassRow("omar", "omar.jsonl", statuses=marks, sla_met=0.0),
    ]


def test_the_class_reports_share_in_french_and_english() -> None:
    for lang, full, none in (("fr", f"100{NBSP}%", f"0{NBSP}%"), ("en", "100%", "0%")):
        console = Console(width=120, record=True, color_system=None)
        render_class_terminal(_rows(), lang, console)
        lines = console.export_text().splitlines()
        assert full in next(line for line in lines if "lena" in line), lang
        assert none in next(line for line in lines if "omar" in line), lang
    assert f"<td>100{NBSP}%</td>" in render_class_html(_rows(), "fr")
