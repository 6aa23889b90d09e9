"""Reconcile: agreement, Cohen's kappa against hand calculations, and the outcome rule."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from helpdesk_tui.assess.reconcile import NOT_PASSED, PASS, cohen_kappa, reconcile, write_decision
from helpdesk_tui.assess.verdicts import VerdictError, Verdicts, new_verdicts
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

P, N, U = "proven", "not_proven", "not_observed"  # U: unobserved


def sheet(assessor: str, verdicts: list[str], log_sha: str = "ab" * 32) -> Verdicts:
    result = new_verdicts(log_sha, "en-demo", "cand-1", assessor, "s-1")
    for cid, value in zip(COMPETENCY_IDS, verdicts, strict=True):
        result.set(cid, value, f"{assessor}: {cid}")
    return result


def test_kappa_against_a_hand_calculation() -> None:
    # 22 competencies:
    #   17 x (proven, proven), 1 x (proven, not_proven), 2 x (not_proven, not_proven),
    #   1 x (not_proven, not_observed), 1 x (not_observed, not_observed)
    # p_o = (17 + 2 + 1) / 22 = 20/22
    # A: proven 18, not_proven 3, not_observed 1;  B: proven 17, not_proven 3, not_observed 2
    # p_e = (18*17 + 3*3 + 1*2) / 22^2 = 317/484
    # kappa = (440/484 - 317/484) / (1 - 317/484) = 123/167 = 0.73653...
    pairs = [(P, P)] * 17 + [(P, N)] + [(N, N)] * 2 + [(N, U)] + [(U, U)]
    kappa = cohen_kappa(pairs)
    assert kappa.observed == Fraction(20, 22)
    assert kappa.expected == Fraction(317, 484)
    assert kappa.value == pytest.approx(123 / 167)


def test_kappa_is_negative_when_the_only_disagreements_hit_the_rare_verdicts() -> None:
    # 20 x (proven, proven), 1 x (not_observed, proven), 1 x (proven, not_proven)
    # p_o = 20/22; A: proven 21, not_observed 1; B: proven 21, not_proven 1
    # p_e = (21*21 + 0 + 0) / 484 = 441/484; kappa = (440 - 441) / (484 - 441) = -1/43
    pairs = [(P, P)] * 20 + [(U, P), (P, N)]
    assert cohen_kappa(pairs).value == pytest.approx(-1 / 43)


def test_kappa_is_one_for_full_agreement_over_two_verdicts() -> None:
    # p_o = 1; p_e = (20^2 + 2^2) / 22^2 = 404/484; kappa = (1 - p_e) / (1 - p_e) = 1
    assert cohen_kappa([(P, P)] * 20 + [(N, N)] * 2).value == 1.0


def test_kappa_is_undefined_when_chance_agreement_is_one() -> None:
    # Both marked all 22 proven: p_o = 1 and p_e = 22*22/484 = 1, so kappa = 0/0.
    kappa = cohen_kappa([(P, P)] * 22)
    assert kappa.expected == 1 and kappa.value is None
    assert "same verdict" in (kappa.undefined_reason or "")


def test_a_pass_only_when_both_mark_all_22_proven() -> None:
    everything = [P] * 22
    assert reconcile(sheet("Ann", everything), sheet("Bo", everything)).outcome == PASS
    one_short = [P] * 21 + [U]
    rec = reconcile(sheet("Ann", everything), sheet("Bo", one_short))
    assert rec.outcome == NOT_PASSED and rec.to_discuss == ("SOL-8",)
    both_short = reconcile(sheet("Ann", one_short), sheet("Bo", one_short))
    assert both_short.outcome == NOT_PASSED and not both_short.needs_discussion
    assert both_short.not_proven_by_both == ("SOL-8",)


def test_the_items_to_discuss_carry_both_comments() -> None:
    a = [P] * 22
    b = [P] * 22
    b[COMPETENCY_IDS.index("COM-4")] = N
    rec = reconcile(sheet("Ann", a), sheet("Bo", b))
    row = next(r for r in rec.rows if r.competency == "COM-4")
    assert not row.agree and (row.comment_a, row.comment_b) == ("Ann: COM-4", "Bo: COM-4")
    assert rec.kappa.value == 0.0  # p_o = 21/22, p_e = 22*21/484 = 21/22


def test_verdicts_on_different_logs_are_refused() -> None:
    with pytest.raises(VerdictError, match="judge different logs"):
        reconcile(sheet("Ann", [P] * 22), sheet("Bo", [P] * 22, log_sha="cd" * 32))


def test_one_assessor_twice_is_refused() -> None:
    with pytest.raises(VerdictError, match="both by assessor"):
        reconcile(sheet("Ann", [P] * 22), sheet("ann", [P] * 22))


def test_undecided_competencies_are_refused() -> None:
    undecided = new_verdicts("ab" * 32, "en-demo", "cand-1", "Bo", "s-1")
    with pytest.raises(VerdictError, match="has not decided SIM-1, SIM-2"):
        reconcile(sheet("Ann", [P] * 22), undecided)


def test_the_decision_file(tmp_path: Path) -> None:
    b = [P] * 22
    b[0] = N
    rec = reconcile(sheet("Ann", [P] * 22), sheet("Bo", b))
    path = tmp_path / "decision.json"
    write_decision(path, rec, ("a.json", "b.json"), ("1" * 64, "2" * 64), "2026-03-02T12:00:00Z")
    decision = json.loads(path.read_text())
    assert decision["outcome"] == "not_passed" and decision["to_discuss"] == ["SIM-1"]
    assert decision["agreement"]["agreed"] == 21 and decision["agreement"]["kappa"] == 0.0
    assert decision["competencies"]["SIM-1"] == {"a": "proven", "b": "not_proven", "agree": False}
    assert [a["name"] for a in decision["assessors"]] == ["Ann", "Bo"]
