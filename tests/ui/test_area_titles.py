"""Every area title whole at 100 x 30 in every UI language (docs/known-issues.md, seen in
a practice exam in tmux: the queue's "gesorteerd op SLA-urgentie · toont niet geslot…",
observe's "Enregistrements au fil de l…").

A title is checked on the rendered screen, not against a width the code computes:
each visible widget's border title and subtitle must be on the screen as a whole.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget

from helpdesk_tui.core.events import Event
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review
from helpdesk_tui.ui.room.app import RoomApp

from .conftest import make_rig
from .review.logs import WALL_START, screen_text, simulated_events, write_log
from .test_viewers_languages import live_log, observing, with_notices

SIZE = (100, 30)
LANGUAGES = ["en", "nl", "fr"]


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return with_notices(simulated_events("ideal"))


def cut_titles(app: Any) -> list[str]:
    """The border titles and subtitles of visible areas that the screen does not show whole."""
    text = screen_text(app)
    cut = []
    for widget in app.screen.query("*"):
        assert isinstance(widget, Widget)
        if not widget.display or not widget.region.area:
            continue
        for title in (widget.border_title, widget.border_subtitle):
            plain = widget.render_str(title or "").plain.strip()
            if plain and plain not in text:
                cut.append(plain)
    cut += [line for line in text.splitlines() if re.search(r"…\s?─", line)]  # a cut title
    return cut


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_the_exams_area_titles_are_whole(mini: Any, language: str) -> None:
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for area in ("f2", "f3", "f4", "f5"):  # the focused area's title is marked "▶ "
            await pilot.press(area)
            await pilot.pause()
            assert cut_titles(app) == [], area
        for key in ("f2", "o", "o", "o", "f", "f"):  # the longest sorts and filters
            await pilot.press(key)
            await pilot.pause()
            assert cut_titles(app) == [], key


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_the_reviews_area_titles_are_whole(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    app = ReviewApp(open_review(write_log(tmp_path / "exam.jsonl", events), "An Peeters"))
    async with app.run_test(size=SIZE) as pilot:
        for tab in ("1", "2", "3", "4"):
            await pilot.press(tab)
            await pilot.pause()
            assert cut_titles(app) == [], tab


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_observes_area_titles_are_whole(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    app = observing(tmp_path, events, 200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cut_titles(app) == []


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
async def test_the_rooms_area_titles_are_whole(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    path = tmp_path / "am" / "c0001" / "exam.jsonl"
    path.parent.mkdir(parents=True)
    live_log(path, events, 150)
    now = WALL_START + timedelta(seconds=events[149].exam_time)
    app = RoomApp(Room(tmp_path / "am"), title="am", poll_interval=None, wall_clock=lambda: now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cut_titles(app) == []
        await pilot.press("enter")  # the observer opened from the room
        await pilot.pause()
        assert cut_titles(app) == []
