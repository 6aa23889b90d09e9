"""The review's header is one line, cut with an ellipsis where it must be (bugs19).

At 100 x 30 the Dutch review's header read "Beoordelen · kandidaat simulated-naive ·" and
then nothing, at 120 x 40 "... · beoordelaar An Peeters · Een" (the scenario's title cut
at a word, no mark): the line wrapped into a hidden second row, as observe's did in
bugs18. What an assessor needs: the line whole, or cut with "…" so they know more is
there (the scenario and the verdict file's name are the parts that go first).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .review.logs import screen_text, simulated_events, write_log

CLOCK = {
    "exam": {"en": "Exam time", "nl": "Examentijd", "fr": "Temps d'examen"},
    "practice": {"en": "Practice time", "nl": "Oefentijd", "fr": "Temps d'entraînement"},
}
"""The clock's label by the log's mode: a practice log's clock is no exam's (bugs21)."""


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("header")
    return write_log(folder / "exam.jsonl", simulated_events("ideal"))


@pytest.mark.parametrize("language", i18n.LANGUAGES, indirect=True)
@pytest.mark.parametrize("size", [(100, 30), (120, 40)], ids=["100", "120"])
async def test_the_reviews_header_is_whole_or_cut_with_an_ellipsis(
    log: Path, language: str, size: tuple[int, int]
) -> None:
    session = open_review(log, "An Peeters")
    app = ReviewApp(session, ui_language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
    label = CLOCK[session.assessed.header.mode][language]
    title = header.split(label)[0].rstrip()
    assert label in header, header
    assert title.endswith("…") or title.endswith(session.out.name), header
