"""The verifier's kept events share short data (sec16: one field; perf19: two), and share it
only between events that carry the same: every kept event must equal the event written."""

from __future__ import annotations

from helpdesk_tui.core.events import make_event
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header
from helpdesk_tui.eventlog.verifier import SHARED_CHARS, verify_bytes

WALL = "2026-03-02T09:00:00.000Z"
LONG = "x" * (SHARED_CHARS + 1)
DATA = [
    ("focus_moved", {"area": "ticket", "target": "T-1"}),
    ("focus_moved", {"area": "ticket", "target": "T-2"}),
    ("focus_moved", {"area": "kb"}),
    ("focus_moved", {"area": "ticket", "target": "T-1"}),
    ("note_added", {"ticket_id": "T-1", "text": "ticket"}),
    ("note_added", {"ticket_id": "T-1", "text": LONG}),
    ("note_added", {"ticket_id": "T-1", "text": LONG}),
    ("message_sent", {"conversation_id": "c-1", "text": "Hi", "canned_id": "greet"}),
    ("message_sent", {"conversation_id": "c-1", "text": "Hi", "canned_id": "greet"}),
    ("focus_moved", {"area": "kb"}),
    ("focus_moved", {"area": "ticket", "target": "T-2"}),
    ("note_added", {"ticket_id": "T-1", "text": "ticket"}),
]


def test_kept_events_are_the_events_written_and_share_only_equal_short_data() -> None:
    events = [make_event(kind, data, float(i), WALL) for i, (kind, data) in enumerate(DATA)]
    header = sample_header(mode="practice")
    log = build_log_bytes(header, Signer.ephemeral(), events)
    kept = verify_bytes(log, None, keep_events=True)
    assert kept.status == "ok"
    got = [event for _seq, event in kept.events]
    assert got == events
    same = {
        (i, j) for i, a in enumerate(got) for j, b in enumerate(got) if i < j and a.data is b.data
    }
    # Equal data of one or two short texts is one dict; a long text, three fields or a
    # message's or note's words with their ticket (seldom sent again) never.
    assert same == {(0, 3), (1, 10), (2, 9)}
