"""The bundled exams (issue 16) are fit for an exam: `validate --exam` and `vary --check 5`.

Every bundled scenario of kind "exam" is held to the same checks, so a new
exam is picked up without touching this file. The expected figures come from
docs/authoring-exams.md's checklist (150 minutes, at least 30 incidents over
the four channels, 3 customers per competency, 0 errors and 0 warnings, forms
equivalent within the default tolerance), and the expected language from the
scenario's id (`nl-`, `en-`, `fr-`), not from the scenario itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import cli, paths
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.loader import load_scenario

EXAMS = sorted(
    p
    for p in paths.scenarios_dir().iterdir()
    if (p / "scenario.toml").is_file() and 'kind = "exam"' in (p / "scenario.toml").read_text()
)


def test_there_is_a_bundled_exam_in_dutch_and_in_english() -> None:
    assert {"nl-lindeveld-examen", "en-calder-valley-exam"} <= {p.name for p in EXAMS}


@pytest.mark.parametrize("exam", EXAMS, ids=lambda p: p.name)
def test_an_exam_lasts_150_minutes_with_at_least_30_incidents_on_every_channel(
    exam: Path,
) -> None:
    scenario = load_scenario(exam)
    assert scenario.kind == "exam"
    assert scenario.language == exam.name.split("-")[0]
    assert scenario.duration_s == 150 * 60
    assert len(scenario.incidents) >= 30
    assert {i.channel.value for i in scenario.incidents} == {"chat", "call", "email", "queue"}


@pytest.mark.parametrize("exam", EXAMS, ids=lambda p: p.name)
def test_validate_exam_passes_with_no_error_and_no_warning(
    exam: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["scenario", "validate", "--exam", str(exam)]) == 0
    printed = capsys.readouterr().out
    assert "0 errors, 0 warnings" in printed
    rows = {
        line.split()[0]: int(line.split()[1])
        for line in printed.splitlines()
        if line.strip() and line.split()[0] in COMPETENCY_IDS
    }
    assert sorted(rows) == sorted(COMPETENCY_IDS)
    assert min(rows.values()) >= 3, rows
    assert not any(line.lstrip().startswith("!") for line in printed.splitlines())


@pytest.mark.parametrize("exam", EXAMS, ids=lambda p: p.name)
def test_five_forms_of_an_exam_measure_the_same(
    exam: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """About 11 s of CPU per exam: the base and five forms, each played by three candidates."""
    assert cli.main(["scenario", "vary", str(exam), "--check", "5"]) == 0
    printed = capsys.readouterr().out
    assert "the base and 5 forms" in printed
    rows = {
        tuple(line.split()[:2]): line.split()[2:8]
        for line in printed.splitlines()
        if line.startswith("  ") and line.split()[1] in ("breaches", "favourable")
    }
    for policy in ("ideal", "naive", "idle"):
        for figure in ("breaches", "favourable"):
            assert len(set(rows[(policy, figure)])) == 1, (policy, figure, rows[(policy, figure)])
    assert rows[("ideal", "breaches")][0] == "0"
    assert rows[("idle", "favourable")][0] == "0"
    assert int(rows[("naive", "favourable")][0]) < int(rows[("ideal", "favourable")][0])
    assert printed.rstrip().endswith("equivalent within a tolerance of 1 per figure")
