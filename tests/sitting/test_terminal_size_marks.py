"""The terminal's size is logged as `lockdown_key_blocked` since bugs13 ("terminal too
small: 60 x 20", "terminal large enough: 100 x 30"): the room counts no blocked key for it,
and the review and observe name it for what it is, not "blocked key terminal too small"."""

from __future__ import annotations

from helpdesk_tui import i18n
from helpdesk_tui.core.events import make_event
from helpdesk_tui.sitting.room import Counters
from helpdesk_tui.ui.review.describe import LABELS, describe

SIZE_KEYS = ("terminal too small: 60 x 20", "terminal large enough: 100 x 30")


def test_the_room_counts_no_blocked_key_for_the_terminals_size() -> None:
    counters = Counters()
    for key in (*SIZE_KEYS, "ctrl+c"):
        counters.count("lockdown_key_blocked", {"key": key})
    assert counters.blocked_keys == 1


def test_the_review_names_the_terminals_size_in_the_viewers_language() -> None:
    i18n.set_language("nl")
    try:
        blocked = i18n._(LABELS["lockdown_key_blocked"]).split("{")[0].strip()
        for key in SIZE_KEYS:
            event = make_event("lockdown_key_blocked", {"key": key}, 12.0, "w")
            line = describe(event)
            assert key.split(": ")[1] in line
            assert blocked not in line and key not in line, line
    finally:
        i18n.set_language("en")
