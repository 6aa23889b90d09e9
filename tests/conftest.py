"""Fixtures shared by every test package: an SLA profile and a session_started payload.

Keep this file small; fixtures one package needs belong in that package's tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpdesk_tui.core.events import SCHEMA_VERSION
from helpdesk_tui.core.sla import PriorityTargets, SlaProfile

_LEVELS = ("high", "medium", "low")
_MATRIX = {
    "high": {"high": "P1", "medium": "P2", "low": "P3"},
    "medium": {"high": "P2", "medium": "P3", "low": "P4"},
    "low": {"high": "P3", "medium": "P4", "low": "P4"},
}
# Exam seconds: first response, update interval, resolution; warning at a fraction used.
_TARGETS = {
    "P1": ("Critical", 300, 900, 3600, 0.75),
    "P2": ("High", 600, 1800, 7200, 0.75),
    "P3": ("Medium", 1200, 3600, 14400, 0.8),
    "P4": ("Low", 2400, 7200, 28800, 0.8),
}


def make_sla_profile() -> SlaProfile:
    return SlaProfile(
        id="test",
        name="Test profile",
        levels=_LEVELS,
        matrix={k: dict(v) for k, v in _MATRIX.items()},
        priorities={
            p: PriorityTargets(name, float(fr), float(up), float(res), warn)
            for p, (name, fr, up, res, warn) in _TARGETS.items()
        },
        pausing_states=frozenset({"pending_customer", "pending_third_party"}),
    )


def build_session_started(**overrides: Any) -> dict[str, Any]:
    """A valid `session_started` payload; an override of None removes that field."""
    data: dict[str, Any] = {
        "scenario_id": "printer-floor-2",
        "scenario_title": "The printer on the second floor",
        "language": "en",
        "duration_s": 18000,
        "mode": "practice",
        "candidate_id": "cand-001",
        "session_id": "sess-001",
        "schema_version": SCHEMA_VERSION,
        "sla_profile": make_sla_profile().to_dict(),
        "groups": [
            {"id": "network", "name": "Network team"},
            {"id": "workplace", "name": "Workplace support"},
        ],
        "categories": ["hardware", "software", "access"],
        "kb_articles": ["KB-001", "KB-002", "KB-003"],
        "customers": [
            {
                "id": "c-ann",
                "name": "Ann Peeters",
                "technical_level": "novice",
                "mood": "calm",
                "patience_s": 120,
                "department": "Finance",
            },
            {
                "id": "c-bob",
                "name": "Bob Martens",
                "technical_level": "expert",
                "mood": "irritated",
                "patience_s": 60,
            },
        ],
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


@pytest.fixture(scope="session")
def sla_profile() -> SlaProfile:
    return make_sla_profile()


@pytest.fixture(scope="session")
def session_started_data() -> Callable[..., dict[str, Any]]:
    """Call it (with overrides) for a fresh, valid `session_started` payload."""
    return build_session_started
