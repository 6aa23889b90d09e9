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


NEW = {"nl": "nieuw", "fr": "nouveau", "en": "new"}
"""A new ticket's status word in the queue, as the catalogue says it."""
HEADERS = {
    "nl": {"ID", "SLA", "rest", "Pri", "Titel", "Klant", "Status", "Groep"},
    "fr": {"ID", "SLA", "reste", "Pri", "Titre", "Client", "Statut", "Groupe"},
    "en": {"ID", "SLA", "left", "Pri", "Title", "Customer", "Status", "Group"},
}
"""The words of the queue's column headers in each language."""


@pytest.mark.parametrize("language", i18n.LANGUAGES)
async def test_with_the_ticket_in_focus_at_100_columns_no_column_is_cut(language: str) -> None:
    """bugs16 (docs/known-issues.md, "status column"): with the ticket area in focus (F3) at
    100 columns the queue has about 37 cells and its columns needed 48: the Dutch header read
    "Klant S" and each row's status "n". A column now goes whole (customer, priority, then
    status: the ticket area shows them) or shows whole."""
    from helpdesk_tui.paths import scenarios_dir
    from helpdesk_tui.scenario.loader import load_scenario

    from .conftest import make_rig
    from .review.logs import screen_text

    i18n.set_language(language)
    app = make_rig(load_scenario(scenarios_dir() / "nl-lindeveld-examen")).app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        area = app.screen.query_one("#queue-area").region
        lines = screen_text(app).splitlines()[area.y + 1 : area.y + area.height - 1]
        inner = [line[area.x + 1 : area.x + area.width - 1] for line in lines]
    header = inner[0].split()
    assert set(header) <= HEADERS[language], header
    rows = [line.split() for line in inner if line.strip().startswith("T-")]
    assert rows and all(row[-1] == NEW[language] for row in rows), rows
