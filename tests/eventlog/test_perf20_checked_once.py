"""The verifier checks shared short data once per type (perf20), never across types: data that
passed as one event's must still be refused as another's, whether events are kept or not."""

from __future__ import annotations

import pytest

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog import chain
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header
from helpdesk_tui.eventlog.verifier import FaultKind, verify_bytes

WALL = "2026-03-02T09:00:00.000Z"


def _log(*wrong: Event) -> bytes:
    events = [make_event("focus_moved", {"area": "kb"}, float(i), WALL) for i in range(3)]
    return build_log_bytes(sample_header(mode="practice"), Signer.ephemeral(), [*events, *wrong])


def test_short_data_that_passed_under_one_type_is_checked_again_under_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A log signed with what the exam never writes (a practice log carries its own key)."""
    monkeypatch.setattr(chain, "check_event_data", lambda *_args: None)
    log = _log(Event("ticket_opened", {"area": "kb"}, 5.0, WALL))  # not a ticket_opened's data
    kept, plain = verify_bytes(log, None, keep_events=True), verify_bytes(log, None)
    assert kept.status == plain.status == "bad"
    assert kept.fault == plain.fault
    assert kept.fault is not None and kept.fault.kind == FaultKind.MALFORMED
    assert kept.fault.line == 5, "the fifth line: header, three focus moves, then this"


def test_the_same_short_data_passes_again_under_its_type() -> None:
    log = _log(make_event("focus_moved", {"area": "kb"}, 6.0, WALL))
    kept = verify_bytes(log, None, keep_events=True)
    assert kept.status == "ok" and kept.events is not None and len(kept.events) == 4
