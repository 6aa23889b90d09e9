"""Evidence from the logs `helpdesk-exam simulate` writes, on the bundled practice scenarios and the exams."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.assess.model import EvidenceStatus
from helpdesk_tui.assess.pipeline import assess_log
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

SCENARIOS = (
    "en-northwind-monday",
    "nl-verhaeghe-dinsdag",
    "nl-lindeveld-examen",
    "en-calder-valley-exam",
)
EXAMS = ("nl-lindeveld-examen", "en-calder-valley-exam")


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_ideal_policy_has_evidence_for_all_22(
    sim_logs: dict[tuple[str, str], Path], scenario_id: str
) -> None:
    assessed = assess_log(sim_logs[(scenario_id, "ideal")], None)
    evidence = assessed.evidence
    assert assessed.provenance.verified and assessed.scenario is not None
    for cid in COMPETENCY_IDS:
        speaking_for = [
            i for i in evidence.for_competency(cid) if i.observed and i.favourable is not False
        ]
        assert speaking_for, f"{cid}: {[i.summary for i in evidence.for_competency(cid)]}"
    # The simulation's own flags made it into the evidence.
    assert any(i.kind == "flag" or i.figures.get("flags") for i in evidence.for_competency("COM-4"))
    assert evidence.sla_met_ratio == 1.0


@pytest.mark.parametrize("scenario_id", EXAMS)
def test_an_exam_observes_every_competency_three_times_in_the_ideal_run(
    sim_logs: dict[tuple[str, str], Path], scenario_id: str
) -> None:
    """Issue 16: one slip must not decide a competency, so the ideal run leaves 3 items or more."""
    evidence = assess_log(sim_logs[(scenario_id, "ideal")], None).evidence
    for cid in COMPETENCY_IDS:
        observed = [i for i in evidence.for_competency(cid) if i.observed]
        assert len(observed) >= 3, (cid, [i.summary for i in observed])


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_idle_policy_has_evidence_for_none_of_the_handling_items(
    sim_logs: dict[tuple[str, str], Path], scenario_id: str
) -> None:
    evidence = assess_log(sim_logs[(scenario_id, "idle")], None).evidence
    for cid in COMPETENCY_IDS:
        favourable = [i.summary for i in evidence.for_competency(cid) if i.favourable]
        assert favourable == [], cid
    statuses = evidence.statuses()
    # What the idle candidate failed to do is on record, not merely missing.
    for cid in ("SIM-2", "DATA-1", "SOL-3", "SOL-7"):
        assert statuses[cid] is EvidenceStatus.UNFAVOURABLE, cid
    assert all(not w.reply_seq for lat in evidence.latencies for w in lat.waits)
