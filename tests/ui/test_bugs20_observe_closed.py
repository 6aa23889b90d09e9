"""Observe says when its queue hides closed tickets, and a key shows them (bugs20).

bugs19 left it: at the end of a finished exam every ticket is closed, the observer's
queue (which shows tickets not closed, as the candidate's did at the start) was empty,
and nothing said why or how to see them; the observer had no filter key at all. What an
observer (an instructor, a proctor) needs: the queue says how many closed tickets it
hides and which key shows them, and that key does, in every language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.events import Event

from .review.logs import screen_text, simulated_events
from .test_viewers_languages import observing

SHOW_KEY = "a"
"""The observer's key for all tickets: F1's list says so (review/keys.py)."""


def closed_at_end(events: list[Event]) -> set[str]:
    """The tickets the candidate closed, read from the log's events (not the viewer)."""
    closed = set()
    for event in events:
        ticket = event.data.get("ticket_id")
        if event.type == "ticket_closed" and isinstance(ticket, str):
            closed.add(ticket)
    return closed


def queue_area(app: object) -> str:
    """The queue's box: the left part of the screen's lines, down to the conversations."""
    lines = screen_text(app).splitlines()
    top = next(i for i, line in enumerate(lines) if "╭" in line)
    width = lines[top].index("╮") + 1
    box = []
    for line in lines[top:]:
        left = line[:width]
        box.append(left)
        if left.lstrip().startswith("╰"):
            break
    return "\n".join(box)


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_the_queue_says_it_hides_closed_tickets_and_the_key_shows_them(
    tmp_path: Path, language: str
) -> None:
    events = simulated_events("ideal")
    closed = closed_at_end(events)
    assert closed  # the ideal candidate closes tickets
    app = observing(tmp_path, events, len(events))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        box = queue_area(app)
        assert not any(t in box for t in closed), box
        assert f"{len(closed)} " in box and SHOW_KEY in box.split(), box
        await pilot.press(SHOW_KEY)
        await pilot.pause()
        box = queue_area(app)
        assert all(t in box for t in closed), box
        await pilot.press(SHOW_KEY)  # again: back to the tickets not closed
        await pilot.pause()
        assert not any(t in queue_area(app) for t in closed)
        assert i18n.current_language() == language


CLOCK = {"en": "Practice", "nl": "Oefenen", "fr": "Entraînement"}
"""A practice session's clock, as the student's own header says it where it is short (bugs20's
walk: observe said "Exam time" over a practice session)."""


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_observe_calls_a_practice_clock_what_the_student_sees(
    tmp_path: Path, language: str
) -> None:
    events = simulated_events("ideal")  # a practice session (bound_header's mode)
    app = observing(tmp_path, events, len(events) // 2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert f"{CLOCK[language]} 00:" in header, header
