"""Reconciling two assessors: agreement per competency, Cohen's kappa, and the outcome.

The standard's rule is strict: a candidate passes only when **both**
assessors mark **all 22** competencies proven. Any disagreement is an item to
discuss; after discussing, the assessors change their own verdict files and
reconcile again. Kappa (over proven / not proven / not observed) tells the
exam centre how consistently its assessors judge; it never changes an outcome.

Kappa is computed with exact fractions, so the degenerate case is exact too:
when both assessors gave every competency one and the same verdict, chance
agreement p_e is 1, kappa = (p_o - p_e) / (1 - p_e) is 0/0, and we report it
as undefined (None) with the reason, not as a number.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from helpdesk_tui.assess.verdicts import (
    PROVEN,
    VERDICT_VALUES,
    VerdictError,
    Verdicts,
    utc_now,
    write_atomically,
)
from helpdesk_tui.printable import escaped_unseen
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

DECISION_FORMAT = 1
DECISION_KIND = "helpdesk-exam decision"
PASS = "pass"
NOT_PASSED = "not_passed"


@dataclass(frozen=True, slots=True)
class Kappa:
    """Observed and chance agreement, and kappa (None when p_e = 1: undefined)."""

    observed: Fraction
    expected: Fraction
    value: float | None

    @property
    def undefined_reason(self) -> str | None:
        if self.value is not None:
            return None
        return "both assessors gave every competency the same verdict (chance agreement is 1)"


def cohen_kappa(
    pairs: Sequence[tuple[str, str]], categories: Sequence[str] = VERDICT_VALUES
) -> Kappa:
    """Cohen's kappa of two raters over nominal categories.

    p_o = share of items both rated alike; p_e = sum over categories of the
    product of each rater's share of that category; kappa = (p_o - p_e) / (1 - p_e).
    """
    if not pairs:
        raise ValueError("kappa needs at least one rated item")
    n = len(pairs)
    unknown = {v for pair in pairs for v in pair} - set(categories)
    if unknown:
        raise ValueError(f"unknown categories {sorted(unknown)}")
    observed = Fraction(sum(1 for a, b in pairs if a == b), n)
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    expected = sum((Fraction(count_a[c] * count_b[c], n * n) for c in categories), Fraction(0))
    if expected == 1:
        return Kappa(observed, expected, None)
    return Kappa(observed, expected, float((observed - expected) / (1 - expected)))


@dataclass(frozen=True, slots=True)
class Agreement:
    competency: str
    a: str
    b: str
    comment_a: str
    comment_b: str

    @property
    def agree(self) -> bool:
        return self.a == self.b


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Both assessors' verdicts side by side, with the outcome the standard's rule gives."""

    a: Verdicts
    b: Verdicts
    rows: tuple[Agreement, ...]
    kappa: Kappa

    @property
    def to_discuss(self) -> tuple[str, ...]:
        """Competencies the assessors judged differently."""
        return tuple(r.competency for r in self.rows if not r.agree)

    @property
    def not_proven_by_both(self) -> tuple[str, ...]:
        """Agreed and not proven: both `not_proven`, or both `not_observed` (the outcome
        line tells the two apart: "not observed by either assessor")."""
        return tuple(r.competency for r in self.rows if r.agree and r.a != PROVEN)

    @property
    def outcome(self) -> str:
        """`pass` only when both marked all 22 proven; anything else is `not_passed`."""
        return PASS if all(r.a == PROVEN and r.b == PROVEN for r in self.rows) else NOT_PASSED

    @property
    def needs_discussion(self) -> bool:
        return bool(self.to_discuss)


def check_same_log(a: Verdicts, b: Verdicts, names: tuple[str, str] = ("A", "B")) -> None:
    """Refuse two files that do not judge the same log, or one assessor twice."""
    if a.log_sha256 != b.log_sha256:
        raise VerdictError(
            f"{names[0]} and {names[1]} judge different logs (log sha256 {a.log_sha256[:16]}... "
            f"and {b.log_sha256[:16]}...); both verdicts must be about the same log file."
        )
    for field_name in ("scenario_id", "candidate_id", "session_id"):
        va, vb = getattr(a, field_name), getattr(b, field_name)
        if va != vb:
            raise VerdictError(
                f"{names[0]} and {names[1]} name the same log but a different {field_name} "
                f"({va!r} and {vb!r}); one of the files was edited by hand."
            )
    if a.assessor.casefold() == b.assessor.casefold():
        raise VerdictError(
            f"{names[0]} and {names[1]} are both by assessor {a.assessor!r}; reconciling needs "
            "the verdicts of two different assessors."
        )


def reconcile(a: Verdicts, b: Verdicts, names: tuple[str, str] = ("A", "B")) -> Reconciliation:
    """Compare two complete verdict sheets on the same log."""
    check_same_log(a, b, names)
    for name, verdicts in zip(names, (a, b), strict=True):
        if verdicts.undecided:
            raise VerdictError(
                f"{name} ({verdicts.assessor}) has not decided {', '.join(verdicts.undecided)}; "
                "every competency needs proven, not_proven or not_observed before reconciling."
            )
    rows = tuple(
        Agreement(
            cid,
            a.items[cid].verdict or "",
            b.items[cid].verdict or "",
            a.items[cid].comment,
            b.items[cid].comment,
        )
        for cid in COMPETENCY_IDS
    )
    return Reconciliation(a, b, rows, cohen_kappa([(r.a, r.b) for r in rows]))


def decision_to_dict(
    rec: Reconciliation, files: tuple[str, str], file_hashes: tuple[str, str], decided_at: str
) -> dict[str, Any]:
    return {
        "format": DECISION_FORMAT,
        "kind": DECISION_KIND,
        "log_sha256": rec.a.log_sha256,
        "scenario_id": rec.a.scenario_id,
        "candidate_id": rec.a.candidate_id,
        "session_id": rec.a.session_id,
        "decided_at": decided_at,
        "outcome": rec.outcome,
        "needs_discussion": rec.needs_discussion,
        "to_discuss": list(rec.to_discuss),
        "not_proven_by_both": list(rec.not_proven_by_both),
        "agreement": {
            "observed": float(rec.kappa.observed),
            "expected": float(rec.kappa.expected),
            "kappa": rec.kappa.value,
            "kappa_note": rec.kappa.undefined_reason,
            "agreed": sum(1 for r in rec.rows if r.agree),
            "total": len(rec.rows),
        },
        "assessors": [
            {"name": v.assessor, "file": f, "file_sha256": h, "signed_by": v.signed_by}
            for v, f, h in zip((rec.a, rec.b), files, file_hashes, strict=True)
        ],
        "competencies": {r.competency: {"a": r.a, "b": r.b, "agree": r.agree} for r in rec.rows},
    }


def write_decision(
    path: Path,
    rec: Reconciliation,
    files: tuple[str, str],
    file_hashes: tuple[str, str],
    decided_at: str | None = None,
) -> dict[str, Any]:
    """Write the decision (JSON) atomically and return what was written."""
    document = decision_to_dict(rec, files, file_hashes, decided_at or utc_now())
    text = escaped_unseen(json.dumps(document, indent=2, ensure_ascii=False))
    write_atomically(Path(path), text + "\n")
    return document
