"""The review's and observe's title lines give way after a whole word, as the header does.

bugs22's walk: "… · Monda…" at 120 columns in the review, observe's "· M…". An assessor
reads a cut word as another word; a line that gives way should end on whole words and
"…". The whole line is read from the same screen made wide, not from the code.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from helpdesk_tui.core.events import Event
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .review.logs import screen_text, simulated_events, write_log
from .test_viewers_languages import first_notice, observing, with_notices

WIDE = 400


def _words(line: str) -> list[str]:
    return [w for w in line.replace("·", " ").split() if w]


async def _assert_cut_at_words(app: App[None], pilot: Pilot[None], selector: str) -> None:
    """At each width the title's shown words are whole words of the wide line, and a
    title that gave way ends with "…" straight after one."""
    await pilot.resize_terminal(WIDE, 40)
    await pilot.pause()
    whole_words = set(_words(screen_text(app).splitlines()[0]))
    cut_seen = False
    for width in (120, 100, 90, 80):
        await pilot.resize_terminal(width, 40)
        await pilot.pause()
        title = app.screen.query_one(selector)
        shown = screen_text(app).splitlines()[0][: title.region.right].rstrip()
        if "…" not in shown:
            continue
        cut_seen = True
        assert shown.endswith("…"), shown
        words = _words(shown[:-1])
        assert words and set(words) <= whole_words, (shown, sorted(whole_words))
    assert cut_seen, "no width cut the title: the test measures nothing"


async def test_the_reviews_title_gives_way_at_a_word(tmp_path: Path) -> None:
    log = write_log(tmp_path / "s.jsonl", simulated_events("naive"))
    app = ReviewApp(open_review(log, "Marie-Françoise Vandenbroucke-Delvaux"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _assert_cut_at_words(app, pilot, "#rv-title")


async def test_observes_title_gives_way_at_a_word(tmp_path: Path) -> None:
    events: list[Event] = with_notices(simulated_events("ideal"))
    app = observing(tmp_path, events, first_notice(events) + 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _assert_cut_at_words(app, pilot, "#ob-title")
