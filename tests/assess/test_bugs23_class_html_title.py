"""class-report's HTML names each row's scenario by its title, as an instructor knows it.

bugs22's walk read "en-northwind-monday" under each student: the id a log carries, not
the scenario an instructor chose. The title is written here from the bundled scenario's
file as a reader sees it; the id stays in the hover text.
"""

from __future__ import annotations

from pathlib import Path

from helpdesk_tui.assess.class_report import class_row, render_class_html
from helpdesk_tui.assess.pipeline import assess_log
from helpdesk_tui.assess.testing import simulated_log

TITLE = "Monday morning at the Northwind service desk"


def test_the_html_names_the_scenario_by_its_title(tmp_path: Path) -> None:
    log = simulated_log(tmp_path / "idle.jsonl", "idle")
    html = render_class_html([class_row(assess_log(log, None, unverified=True))], "en")
    student_cell = html.split('<td class="name">', 1)[1].split("</td>", 1)[0]
    assert TITLE in student_cell, student_cell
    assert 'title="en-northwind-monday"' in student_cell, student_cell
