"""`observe`'s record feed at 100 columns (docs/known-issues.md: a line stopped after
about 30 characters, "#12 affiché : Nouveau", so a notice was not readable there).

Read off the rendered screen, column by column of the feed's area, not from the log
widget's own lines: what counts is what the proctor sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RichLog

from helpdesk_tui.core.events import Event

from ..review.logs import screen_text, simulated_events
from ..test_viewers_languages import first_notice, observing, the_notice_in, with_notices


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return with_notices(simulated_events("ideal"))


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_the_feed_wraps_so_a_notice_is_read_whole_at_100_columns(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    until = first_notice(events) + 1
    app = observing(tmp_path, events, until)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        region = app.screen.query_one("#ob-feed", RichLog).scrollable_content_region
        rows = screen_text(app).splitlines()[region.y : region.bottom]
        shown = words(" ".join(row[region.x : region.right] for row in rows))
        notice = the_notice_in(language, events[until - 1])
        assert words(notice) in shown
        assert all(len(row[region.x : region.right].rstrip()) <= region.width for row in rows)


@pytest.mark.parametrize("language", ["fr"], indirect=True)
async def test_records_written_before_a_resize_wrap_to_the_new_width(
    tmp_path: Path, events: list[Event], language: str
) -> None:
    """RichLog wraps a line when it is written: after the terminal grew, the records
    before kept their 100-column wrap (docs/known-issues.md, branch bugs3)."""
    until = first_notice(events) + 1
    app = observing(tmp_path, events, until)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        feed = app.screen.query_one("#ob-feed", RichLog)
        narrow = feed.scrollable_content_region.width
        wrapped_before = len(feed.lines)
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        await pilot.pause()
        wide = feed.scrollable_content_region.width
        assert wide > narrow
        assert max(line.cell_length for line in feed.lines) > narrow  # the new width used
        assert len(feed.lines) < wrapped_before  # fewer lines: the long records re-wrapped
        region = feed.scrollable_content_region
        rows = screen_text(app).splitlines()[region.y : region.bottom]
        shown = words(" ".join(row[region.x : region.right] for row in rows))
        notice = the_notice_in(language, events[until - 1])
        assert words(notice) in shown  # still in view, at the end
