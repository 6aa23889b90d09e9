from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog.reader import contents_from_bytes

from .kit import sealed_log_bytes


@pytest.fixture(scope="session")
def some_events() -> list[Event]:
    """The first events of a real session, and a resume after a crash."""
    contents = contents_from_bytes(Path("x.jsonl"), sealed_log_bytes("c0001"))
    events = contents.events[:30]
    last = events[-1]
    resumed = make_event(
        "session_resumed", {"reason": "resumed after a crash", "downtime_s": 12.0},
        last.exam_time, last.wall_time,
    )  # fmt: skip
    return [*events, resumed]
