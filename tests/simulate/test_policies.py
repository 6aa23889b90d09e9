"""The scripted candidates on the kit scenario: what each one does, and what it proves."""

from __future__ import annotations

import pytest

from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.simulate.runner import RunResult, run_headless
from simulate.evidence import missing
from simulate.kit import all_competencies_named, make_scenario


@pytest.fixture(scope="module")
def runs() -> dict[str, RunResult]:
    scenario = make_scenario()
    return {name: run_headless(scenario, name) for name in ("ideal", "naive", "idle")}


def commands(result: RunResult) -> list[str]:
    return [e.type for e in result.events if e.kind.value == "command"]


def test_the_kit_scenario_names_every_competency() -> None:
    assert all_competencies_named(make_scenario())


def test_ideal_breaches_no_sla_and_closes_everything(runs: dict[str, RunResult]) -> None:
    ideal = runs["ideal"]
    assert ideal.breached_tickets == []
    assert {t.status for t in ideal.tickets} == {"closed"}
    assert ideal.refused == 0 and ideal.notes == []


def test_ideal_leaves_evidence_for_all_22_competencies(runs: dict[str, RunResult]) -> None:
    assert missing(runs["ideal"], make_scenario()) == []
    assert len(COMPETENCY_IDS) == 22


def test_ideal_never_interrupts_nor_uses_jargon_with_a_novice(runs: dict[str, RunResult]) -> None:
    flagged = {f["flag"] for f in runs["ideal"].state.flags}
    assert not flagged & {"interruption", "jargon"}


def test_naive_asks_nothing_uses_jargon_and_breaches(runs: dict[str, RunResult]) -> None:
    naive = runs["naive"]
    flagged = [f["flag"] for f in naive.state.flags]
    assert "clarifying_question" not in flagged and "paraphrase" not in flagged
    assert "jargon" in flagged
    assert naive.breached_tickets
    assert "message_sent" in commands(naive)


def test_naive_works_first_come_first_served(runs: dict[str, RunResult]) -> None:
    touched = []
    for e in runs["naive"].events:
        incident = e.data.get("incident_id")
        ticket = runs["naive"].state.tickets.get(e.data.get("ticket_id", ""))
        owner = incident or (ticket.incident_id if ticket else None)
        if e.kind.value == "command" and owner and owner not in touched:
            touched.append(owner)
    arrival = [i.id for i in sorted(make_scenario().incidents, key=lambda i: i.at_s)]
    assert touched == [i for i in arrival if i in touched]


def test_idle_does_nothing_and_breaches(runs: dict[str, RunResult]) -> None:
    idle = runs["idle"]
    assert commands(idle) == []
    assert idle.breached_tickets and idle.state.flags == []
    assert idle.state.ended and idle.state.end_reason == "time-up"


def test_every_run_lasts_the_scenario(runs: dict[str, RunResult]) -> None:
    assert {r.state.now for r in runs.values()} == {make_scenario().duration_s}


def test_the_same_seed_gives_the_same_log() -> None:
    scenario = make_scenario()
    first, again = (run_headless(scenario, "naive", seed=3) for _ in range(2))
    other = run_headless(scenario, "naive", seed=4)

    def body(r: RunResult) -> list[object]:
        return [(e.type, e.exam_time, e.data) for e in r.events[1:]]

    assert body(first) == body(again)
    assert body(first) != body(other)


def test_the_second_lines_final_reply_is_the_authors_when_written() -> None:
    import dataclasses

    scenario = make_scenario()
    crm = scenario.incident("crm")
    assert crm.second_line is not None
    authored = dataclasses.replace(
        crm, second_line=dataclasses.replace(crm.second_line, final_reply="Database restarted.")
    )
    scenario = dataclasses.replace(
        scenario, incidents=tuple(authored if i.id == "crm" else i for i in scenario.incidents)
    )
    replies = [e.data["text"] for e in run_headless(scenario, "ideal").events
               if e.type == "second_line_reply"]  # fmt: skip
    assert replies[-1] == "Database restarted."
