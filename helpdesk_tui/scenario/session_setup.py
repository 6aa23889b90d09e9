"""What a session's first event carries about its scenario.

The `session_started` event holds everything the reducer needs (SLA profile,
groups, customers, categories, article ids), so a log can be replayed and
reported without the scenario folder: the log alone is the truth.
"""

from __future__ import annotations

import uuid
from typing import Any

from helpdesk_tui.core.events import SCHEMA_VERSION
from helpdesk_tui.scenario.model import Scenario


def session_started_data(
    scenario: Scenario,
    mode: str,
    candidate_id: str = "",
    session_id: str | None = None,
) -> dict[str, Any]:
    return {
        "scenario_id": scenario.id,
        "scenario_title": scenario.title,
        "language": scenario.language,
        "duration_s": scenario.duration_s,
        "mode": mode,
        "candidate_id": candidate_id,
        "session_id": session_id or uuid.uuid4().hex,
        "schema_version": SCHEMA_VERSION,
        "sla_profile": scenario.sla.to_dict(),
        "groups": [{"id": g.id, "name": g.name} for g in scenario.groups],
        "categories": [c.id for c in scenario.categories],
        "kb_articles": [a.id for a in scenario.kb],
        "customers": [
            {
                "id": c.id,
                "name": c.name,
                "technical_level": c.technical_level.value,
                "mood": c.mood.value,
                "patience_s": c.patience_s,
                "department": c.department or "",
            }
            for c in scenario.customers
        ],
    }
