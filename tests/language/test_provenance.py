"""Every log header and every report names the language layer that read the words."""

from __future__ import annotations

import json
from pathlib import Path

from helpdesk_tui.assess.pipeline import assess_log
from helpdesk_tui.assess.report_json import evidence_to_dict
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.testing import bundled_scenario, simulated_log
from helpdesk_tui.language import LAYER_VERSION, layer_hash
from helpdesk_tui.scenario.session_setup import session_header


def test_the_session_header_names_the_layer() -> None:
    header = session_header(bundled_scenario("en-northwind-monday"), "s-1", "c-1", "practice")
    assert header.language_layer == LAYER_VERSION
    assert header.language_layer_sha256 == layer_hash()


def test_reports_name_the_layer_of_the_exam_and_of_the_report(tmp_path: Path) -> None:
    scenario = bundled_scenario("en-northwind-monday")
    log = simulated_log(tmp_path / "idle.jsonl", "idle", scenario)
    first = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    assert first["data"]["language_layer"] == LAYER_VERSION
    assessed = assess_log(log, None, unverified=True)
    data = evidence_to_dict(assessed.evidence, assessed.provenance)
    assert data["log"]["language_layer"].startswith(LAYER_VERSION + " (sha256 " + layer_hash()[:16])
    assert data["log"]["exam_language_layer"] == data["log"]["language_layer"]
    text = terminal_text(assessed.evidence, assessed.provenance, "en", width=200)
    # a simulated log is a practice: its session is no exam (bugs23)
    assert "Language layer" in text and "as during the practice" in text
