"""sec23 left: the HTML reports carried no Content-Security-Policy. Every outside text is
escaped; a strict policy is the second lock if an escape is ever missed: no script, nothing
loaded from anywhere, no form sent, only the report's own inline styles (sec24)."""

from __future__ import annotations

import re

import pytest

from helpdesk_tui.assess.class_report import ClassRow, render_class_html
from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.model import Scenario

from .kit import ideal_steps, play
from .test_group_names import PROVENANCE

POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""The policy as sec24's brief asks for it: no scripts, no remote loads, inline styles."""


def policy_of(page: str) -> str:
    head = page.split("</head>", 1)[0]
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
    assert len(found) == 1, head[:400]
    return found[0]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_report_carries_a_strict_policy_before_anything_it_shows(
    scenario: Scenario, lang: str
) -> None:
    evidence = gather_evidence(play(scenario, ideal_steps(), end_at=900), scenario, language=lang)
    page = render_html(evidence, PROVENANCE, lang)
    assert policy_of(page) == POLICY
    assert page.index("Content-Security-Policy") < page.index("<title>")


def test_the_class_report_carries_it_too() -> None:
    marks = dict.fromkeys(COMPETENCY_IDS, EvidenceStatus.FAVOURABLE)
    rows = [ClassRow("c01", "c01/x.jsonl", "nl-x", "2026-12-05", marks, 0.83, 95.0)]
    assert policy_of(render_class_html(rows, "nl")) == POLICY
