"""walk27: a French review at 80 x 24 showed its fourth tab as "Enregistremen": the tab bar
is as wide as the moment's pane and the label did not fit. Every tab's label is whole at
80 columns in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from .logs import screen_text


@pytest.mark.parametrize("language", ["fr", "nl", "en"], indirect=True)
async def test_every_tab_label_is_whole_at_80_columns(naive_log: Path, language: str) -> None:
    labels = [_(msgid) for msgid in ("Chats", "Ticket", "KB look-ups", "Records")]
    app = ReviewApp(open_review(naive_log, "Bo Claes"), ui_language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
    (row,) = [line for line in lines if labels[0] in line and labels[1] in line]
    left = row.split("│")[0] if "│" in row else row
    for label in labels:
        assert f" {label} " in f" {left} ", (label, row)
