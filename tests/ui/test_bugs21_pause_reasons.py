"""bugs21's walk (observe alone, Dutch): the feed said "gepauzeerd (interrupted: stopped by
the proctor)": a pause's reason as the exam logs it, in English, in a Dutch line. A proctor
reads the reason in their language, in the words the seal's reason already has there."""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.events import make_event
from helpdesk_tui.ui.review.describe import describe

WALL = "2026-03-02T09:00:30.000Z"
PROCTOR_STOP = {"nl": "gestopt door de toezichter", "fr": "arrêtée par le surveillant"}


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("session_paused", "interrupted: stopped by the proctor"),
        ("session_paused", "proctor"),
        ("session_resumed", "resumed by the proctor"),
        (
            "session_resumed",
            "resumed after interruption; the exam clock was paused during the outage",
        ),
    ],
)
def test_a_pause_reason_is_in_the_readers_language(lang: str, kind: str, reason: str) -> None:
    data = {"reason": reason} if kind == "session_paused" else {"reason": reason, "downtime_s": 5.0}
    event = make_event(kind, data, 30.0, WALL)
    i18n.set_language(lang)
    try:
        line = describe(event)
    finally:
        i18n.set_language("en")
    assert "proctor" not in line and "interrupted" not in line and "resumed" not in line, line
    if "stopped by the proctor" in reason:
        assert PROCTOR_STOP[lang] in line, line


def test_a_signal_stays_its_name() -> None:
    event = make_event("session_paused", {"reason": "interrupted: SIGHUP"}, 30.0, WALL)
    i18n.set_language("nl")
    try:
        assert "onderbroken: SIGHUP" in describe(event)
    finally:
        i18n.set_language("en")
