"""The evidence as JSON, for other tools (a results database, the review TUI, a spreadsheet).

Stable keys, plain values: ids and machine `kind`s are in English whatever the
report language; `summary` and `detail` are in the report's language. Times are
exam seconds. `format` is bumped when a key changes meaning.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.overview import competency_rows
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

JSON_FORMAT = 1


def evidence_to_dict(evidence: Evidence, provenance: Provenance) -> dict[str, Any]:
    """Everything the report shows, as one JSON-ready dict."""
    rows = {r.id: r for r in competency_rows(evidence, evidence.language)}
    return {
        "format": JSON_FORMAT,
        "kind": "helpdesk-exam evidence",
        "unverified": not provenance.verified,
        "log": asdict(provenance),
        "rules": dict(evidence.rules),
        "session": {
            "scenario_id": evidence.scenario_id,
            "scenario_title": evidence.scenario_title,
            "candidate_id": evidence.candidate_id,
            "session_id": evidence.session_id,
            "mode": evidence.mode,
            "language": evidence.language,
            "duration_s": evidence.duration_s,
            "ended_at_s": evidence.ended_at,
            "end_reason": evidence.end_reason,
            "events": evidence.events,
            "last_seq": evidence.last_seq,
            "hints": evidence.hints,
            "answer_key": evidence.has_answer_key,
        },
        "competencies": {
            cid: {
                "name": rows[cid].name,
                "status": rows[cid].status.value,
                "for": rows[cid].n_for,
                "against": rows[cid].n_against,
                "to_judge": rows[cid].n_judge,
                "items": [asdict(item) for item in evidence.for_competency(cid)],
            }
            for cid in COMPETENCY_IDS
        },
        "sla": [{**asdict(row), "met": row.met, "breached": row.breached} for row in evidence.sla],
        "sla_met_ratio": evidence.sla_met_ratio,
        "latencies": [
            {
                **asdict(lat),
                "median_s": lat.median_s,
                "max_s": lat.max_s,
                "over_limit": lat.over_limit,
                "answered_while_busy": lat.while_busy,
            }
            for lat in evidence.latencies
        ],
        "median_reply_s": evidence.median_reply_s,
        "inversions": [asdict(i) for i in evidence.inversions],
        "moods": [asdict(m) for m in evidence.moods],
        "procedures": [
            {**asdict(p), "in_order": p.in_order, "missing": list(p.missing)}
            for p in evidence.procedures
        ],
    }


def render_json(evidence: Evidence, provenance: Provenance) -> str:
    return json.dumps(evidence_to_dict(evidence, provenance), indent=2, ensure_ascii=False) + "\n"


def write_json(path: Path, evidence: Evidence, provenance: Provenance) -> None:
    Path(path).write_text(render_json(evidence, provenance), encoding="utf-8")
