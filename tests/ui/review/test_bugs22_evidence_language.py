"""The review speaks the reader's language, its evidence texts included
(docs/assessment.md, "Languages": every verb an assessor runs speaks the reader's
language; only the scenario's own text stays in the scenario's).

bugs21 saw a Dutch review over an English scenario show "Session: Not interrupted: ..."
in English: `open_review` left without a language assessed in the scenario's. Now its
default is the reader's; a caller that assesses in another language gets a note on
screen naming it. The Dutch words expected are the standard's Dutch, written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .logs import SIZE, screen_text


@pytest.mark.parametrize("language", ["nl"], indirect=True)
async def test_a_dutch_review_of_an_english_log_shows_dutch_evidence_texts(
    naive_log: Path, language: str
) -> None:
    app = ReviewApp(open_review(naive_log, "An Peeters"), ui_language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Sessie" in text and "Session:" not in text, text
        assert "Not interrupted" not in text
        assert not [n for n in app._notifications if "Bewijsteksten" in n.message]


@pytest.mark.parametrize("language", ["fr"], indirect=True)
async def test_evidence_assessed_in_another_language_is_named_on_screen(
    naive_log: Path, language: str
) -> None:
    app = ReviewApp(open_review(naive_log, "An Peeters", language="en"), ui_language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("en" in note.split() and "preuves" in note for note in notes), notes
