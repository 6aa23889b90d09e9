"""The queue's status cell is readable at 100 x 30 in every language.

Found in a Dutch practice exam at 100 x 30 (docs/known-issues.md, branch bugs4):
the status cell said "wacht o…". The queue now uses short status words (the
ticket area keeps the full ones) and the status column never gives way below
the longest of them.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.ui.format import queue_status_label
from helpdesk_tui.ui.queue_model import column_widths

from .conftest import Rig

QUEUED = "T-1001"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("room", [64, 78])  # the queue's room at 100 x 30 and 120 x 40
def test_every_short_status_fits_its_column(language: str, room: int) -> None:
    i18n.set_language(language)
    width = column_widths(room)["status"]
    for status in TicketStatus:
        label = queue_status_label(status.value)
        assert label and len(label) <= width, (language, status, label, width)


@pytest.mark.parametrize(
    ("language", "pending", "third_party", "transferred"),
    [
        ("en", "awaiting", "on hold", "forwarded"),
        ("nl", "bij klant", "bij derde", "doorgezet"),
        ("fr", "attente", "en pause", "transféré"),
    ],
)
async def test_the_queue_shows_whole_status_words_at_100_columns(
    rig: Rig, language: str, pending: str, third_party: str, transferred: str
) -> None:
    submit = rig.session.submit
    submit("ticket_opened", {"ticket_id": QUEUED})
    submit("ticket_reply_added", {"ticket_id": QUEUED, "text": "Which printer?"})
    submit("ticket_pending", {"ticket_id": QUEUED, "waiting_on": "customer"})
    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        row = app.main.queue.get_row_at(0)
        shown = [getattr(cell, "plain", str(cell)).strip() for cell in row]
        assert pending in shown, shown
        assert not any(text.endswith("…") for text in shown[-2:-1]), shown
    assert queue_status_label("pending_third_party") == third_party
    assert queue_status_label("transferred") == transferred
