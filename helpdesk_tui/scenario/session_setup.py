"""What a session's first event carries about its scenario.

The `session_started` event holds everything the reducer needs (SLA profile,
groups, customers, categories, article ids), so a log can be replayed and
reported without the scenario folder: the log alone is the truth.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from helpdesk_tui.core.events import SCHEMA_VERSION
from helpdesk_tui.eventlog.binding import file_sha256, folder_sha256
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.language import LAYER_VERSION, layer_hash
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.variation import read_marker


def sla_profile_file(scenario: Scenario) -> Path:
    """The SLA profile file the scenario was loaded with (the loader lists it second)."""
    for path in scenario.source_files:
        if path.suffix == ".toml" and path.name != "scenario.toml":
            return path
    return scenario.folder / f"{scenario.sla_profile}.toml"


def session_header(
    scenario: Scenario,
    session_id: str,
    candidate_id: str,
    mode: str,
    created: str | None = None,
) -> SessionHeader:
    """The log header that binds a session to this scenario's files.

    One place for practice, exam, simulate and the crash trials, so every log
    binds the scenario folder and its SLA profile the same way and
    `verify --scenario` checks them all alike. It also names the language
    layer (version and hash) that read the candidate's words live.
    """
    extra: dict[str, Any] = {} if created is None else {"created": created}
    form = read_marker(scenario.folder)
    if form is not None:
        extra |= {"form_base_sha256": form.base_sha256, "form_seed": form.seed}
    return SessionHeader(
        session_id=session_id,
        candidate_id=candidate_id,
        mode=mode,
        scenario_id=scenario.id,
        scenario_sha256=folder_sha256(scenario.folder),
        sla_profile_sha256=file_sha256(sla_profile_file(scenario)),
        language_layer=LAYER_VERSION,
        language_layer_sha256=layer_hash(),
        **extra,
    )


def session_started_data(
    scenario: Scenario,
    mode: str,
    candidate_id: str = "",
    session_id: str | None = None,
    ui_language: str | None = None,
) -> dict[str, Any]:
    """The `session_started` data; `ui_language` (practice, exam) is the language the
    candidate's screens speak, which `resume` comes back in."""
    extra = {} if ui_language is None else {"ui_language": ui_language}
    return extra | {
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
