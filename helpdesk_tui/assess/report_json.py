"""The evidence as JSON, for other tools (a results database, the review TUI, a spreadsheet).

Stable keys, plain values: ids and machine `kind`s are in English whatever the
report language; `summary` and `detail` are in the report's language. Times are
exam seconds. `format` is bumped when a key changes meaning.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

from helpdesk_tui.assess.course import course_json, course_lines
from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.overview import competency_rows, problem_text
from helpdesk_tui.printable import escaped_unseen, well_formed
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

JSON_FORMAT = 1


def evidence_to_dict(evidence: Evidence, provenance: Provenance) -> dict[str, Any]:
    """Everything the report shows, as one JSON-ready dict."""
    rows = {r.id: r for r in competency_rows(evidence, evidence.language)}
    return {
        "format": JSON_FORMAT,
        "kind": "helpdesk-exam evidence",
        "unverified": not provenance.verified,
        "log": _log(provenance, evidence.language),
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
        "course": {
            **course_json(evidence.course),
            "lines": [text for text, _ in course_lines(evidence.course, evidence.language)],
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


def _log(provenance: Provenance, lang: str) -> dict[str, Any]:
    """The provenance, its problem worded in the report's language like the other prose."""
    log = asdict(provenance)
    del log["problem_parts"]
    log["problem"] = problem_text(provenance, lang)
    return log


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def asdict(obj: Any) -> Any:
    """`dataclasses.asdict`, made faster for what a report holds: the same dict (the same
    keys in the same order, lists as lists, tuples as tuples), without a `deepcopy` call
    per string and number and a `fields()` call per object (a fifth of the JSON report of
    a 100,000-record log). Anything else (a subclass of list, tuple or dict, an enum, a
    set) goes the way `dataclasses.asdict` takes it (tests/assess/test_report_json.py)."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: asdict(getattr(obj, name)) for name in names}
    if kind is list:
        return [asdict(value) for value in obj]
    if kind is tuple:
        return tuple(asdict(value) for value in obj)
    if kind is dict:
        return {asdict(key): asdict(value) for key, value in obj.items()}
    if isinstance(obj, (list, tuple, dict)):
        return dataclasses._asdict_inner(obj, dict)  # type: ignore[attr-defined]
    return copy.deepcopy(obj)


def render_json(evidence: Evidence, provenance: Provenance) -> str:
    """The report as JSON, the log's texts as they are but for a lone surrogate (U+FFFD):
    UTF-8 cannot hold one, and writing the file ended in a traceback (sec23). Invisible
    characters (bidi controls, zero-width ones) are written as JSON escapes: the same
    values, and nothing a terminal or an editor would obey or hide (`escaped_unseen`)."""
    data = json.dumps(evidence_to_dict(evidence, provenance), indent=2, ensure_ascii=False)
    return escaped_unseen(well_formed(data)) + "\n"


def write_json(path: Path, evidence: Evidence, provenance: Provenance) -> None:
    Path(path).write_text(render_json(evidence, provenance), encoding="utf-8")
