"""A transfer group is named as the scenario names it, everywhere in the report (bugs11:
the SLA table's Transfer column, the SVG timeline and a relay flag's reason showed the id,
"0:04:26 network", "la question du groupe network")."""

from __future__ import annotations

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.svg_timeline import timeline_svgs
from helpdesk_tui.assess.texts import T
from helpdesk_tui.customers.evidence_flags import relay_flag
from helpdesk_tui.scenario.model import Scenario

from .kit import ideal_steps, play

PROVENANCE = Provenance("x.jsonl", "0" * 64, "ok", True)


def network_name(scenario: Scenario) -> str:
    (name,) = [g.name for g in scenario.groups if g.id == "network"]
    return name


@pytest.fixture(scope="module")
def relayed(scenario: Scenario) -> list:
    """The ideal run, with the simulation's flag on the relayed question (as it logs it)."""
    flag = relay_flag("version", "network", None, 0).event_data()
    return play(scenario, [*ideal_steps(), (521, "evidence_flagged", flag)], end_at=900)


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_sla_table_and_the_timeline_name_the_group(
    scenario: Scenario, relayed: list, lang: str
) -> None:
    evidence: Evidence = gather_evidence(relayed, scenario, language=lang)
    name = network_name(scenario)
    (row,) = [r for r in evidence.sla if r.transfers]
    assert [g for _, g, _ in row.transfers] == ["network"]  # the JSON keeps the id
    text = terminal_text(evidence, PROVENANCE, lang, width=300)
    assert f"0:04:26 {name}" in text and "0:04:26 network" not in text
    svg = "".join(timeline_svgs(evidence.sla, evidence.duration_s, evidence.ended_at, lang))
    assert f"0:04:26 {name} seq" in svg and "0:04:26 network" not in svg
    page = render_html(evidence, PROVENANCE, lang)
    assert f"0:04:26 {name}" in page and "0:04:26 network" not in page


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_relay_flag_names_the_group(scenario: Scenario, relayed: list, lang: str) -> None:
    evidence = gather_evidence(relayed, scenario, language=lang)
    text = " ".join(terminal_text(evidence, PROVENANCE, lang, width=300).split())
    index = ("en", "nl", "fr").index(lang)
    reason = T["flag.reason.relayed"][index].format(group=network_name(scenario), pattern="version")
    wrong = T["flag.reason.relayed"][index].format(group="network", pattern="version")
    assert " ".join(reason.split()) in text
    assert " ".join(wrong.split()) not in text
