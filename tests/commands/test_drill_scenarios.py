"""The four bundled Dutch drills (issue 16 item 4): short, one group of competencies each.

What a drill must be comes from the issue: 10 to 15 minutes, `kind = "drill"`
with an aim, validating, playable by `simulate`, and listed apart by
`scenario list`. Their coverage warning is off by design (a drill trains one
group); the exam's is not.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import cli, paths
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.scenario.loader import check_scenario, load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.simulate.runner import run_headless

DRILLS = {
    "nl-lindeveld-oefening-gelijktijdig": {"SIM-1", "SIM-2", "SIM-3", "COM-3"},
    "nl-lindeveld-oefening-ticketgegevens": {"DATA-1", "DATA-2", "DATA-3", "DATA-4", "DATA-5"},
    "nl-lindeveld-oefening-communicatie": {"COM-1", "COM-2", "COM-3", "COM-4", "COM-5", "COM-6"},
    "nl-lindeveld-oefening-wachtrij": {"SOL-3", "SOL-4", "DATA-2"},
}


@pytest.mark.parametrize("drill", sorted(DRILLS))
def test_each_drill_is_short_aimed_and_validates_clean(drill: str) -> None:
    scenario, problems = check_scenario(paths.scenarios_dir() / drill)
    assert scenario is not None
    assert [str(p) for p in problems] == []
    assert scenario.kind == "drill" and scenario.aim
    assert scenario.language == "nl"
    assert 10 * 60 <= scenario.duration_s <= 15 * 60
    named = {c for i in scenario.incidents for c in i.competencies}
    assert DRILLS[drill] <= named, DRILLS[drill] - named


def _favourable_in_aim(scenario: Scenario, policy: str, aim: set[str]) -> tuple[int, list]:
    result = run_headless(scenario, policy)
    statuses = gather_evidence(list(enumerate(result.events, 1)), scenario).statuses()
    return sum(statuses[c] is EvidenceStatus.FAVOURABLE for c in aim), result.breached_tickets


@pytest.mark.parametrize("drill", sorted(DRILLS))
def test_each_drill_tells_the_ideal_candidate_from_the_naive_and_the_idle_one(drill: str) -> None:
    """Within the drill's own group: the ideal candidate earns more than the naive one,
    the naive one more than nothing; the ideal one breaches no SLA."""
    scenario = load_scenario(paths.scenarios_dir() / drill)
    aim = DRILLS[drill] - {"COM-4"}  # COM-4 is always for the assessor to read
    ideal, ideal_breaches = _favourable_in_aim(scenario, "ideal", aim)
    naive, _ = _favourable_in_aim(scenario, "naive", aim)
    idle, _ = _favourable_in_aim(scenario, "idle", aim)
    assert ideal_breaches == []
    assert ideal == len(aim), (drill, ideal, aim)
    assert idle == 0
    assert naive < ideal


def test_list_shows_the_drills_with_their_aim_apart_from_the_exam(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["scenario", "list"]) == 0
    printed = capsys.readouterr().out
    exams, _, rest = printed.partition("Practice")
    assert "nl-lindeveld-examen" in exams
    drills = rest[rest.index("Drills") :]
    for drill in DRILLS:
        assert drill in drills
    assert "DATA-1..5" in drills  # the aim is shown


def test_the_default_is_still_the_short_practice_scenario(
    capsys: pytest.CaptureFixture[str],
) -> None:
    default = [
        f.name
        for f in paths.scenarios_dir().iterdir()
        if (f / "scenario.toml").is_file() and load_scenario(f).default
    ]
    assert default == ["en-northwind-monday"]
