"""The worded candidate's solution: the article's words, applied to the case (issue 13).

Expected texts come from reading the bundled scenarios' articles and answer keys.
"""

from __future__ import annotations

from helpdesk_tui import paths
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.simulate.worded import WordedPolicy, _sentences


def _solution(scenario_id: str, incident_id: str) -> str:
    scenario = load_scenario(paths.scenarios_dir() / scenario_id)
    incident = next(i for i in scenario.incidents if i.id == incident_id)
    return WordedPolicy(scenario).planner.t.solution(incident, False)[0]


def test_an_abbreviation_does_not_end_a_sentence() -> None:
    text = "Click Other user (e.g. jamie.reid) and type the password. Then wait."
    assert _sentences(text) == [
        "Click Other user (e.g. jamie.reid) and type the password.",
        "Then wait.",
    ]


def test_the_new_starter_is_told_to_click_other_user() -> None:
    assert "Other user" in _solution("en-northwind-monday", "new-starter-sign-in")


def test_with_options_only_the_fitting_way_is_told_with_the_case_details() -> None:
    said = _solution("nl-lindeveld-examen", "kevin-belpic-vingerafdruk")
    assert "loket 5" in said  # the free counter of this case, which the article cannot name
    assert "werkplekbeheer" not in said.casefold()  # the other option: the hardware team


def test_the_owner_is_named_from_the_case() -> None:
    assert "Vermeulen" in _solution("nl-verhaeghe-dinsdag", "yannick-mailbox-facturatie")
