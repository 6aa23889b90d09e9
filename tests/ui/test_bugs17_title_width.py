"""The queue's title is readable at 100 and 120 columns in every language (bugs17).

At 100 columns the title column was 12 wide ("DRINGEND: t…", "Toegang tot…") beside a group
column that is empty until a ticket is transferred (the ticket area names the group). What an
operator needs: the first 19 characters of each title on screen, whole (the title of a ticket
is its subject line; 12 characters are rarely enough to tell two apart). The titles come from
the session's tickets, the screen from the terminal: no column width of the code is read.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.paths import scenarios_dir
from helpdesk_tui.scenario.loader import load_scenario

from .conftest import make_rig
from .review.logs import screen_text

READABLE = 19
"""Characters of a title an operator reads a ticket by (the cell may end in '…' after them)."""


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("size", [(100, 40), (120, 40)], ids=["100x40", "120x40"])
async def test_every_title_shows_its_first_19_characters(
    language: str, size: tuple[int, int]
) -> None:
    i18n.set_language(language)
    rig = make_rig(load_scenario(scenarios_dir() / "nl-lindeveld-examen"))
    app = rig.app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#queue-area").region
        lines = screen_text(app).splitlines()[area.y + 1 : area.y + area.height - 1]
        inner = [line[area.x + 1 : area.x + area.width - 1] for line in lines]
        titles = {t.id: t.title for t in rig.state.tickets.values()}
    rows = {line.split()[0]: line for line in inner if line.strip().startswith("T-")}
    assert rows and set(rows) <= set(titles), (rows, titles)
    for ticket_id, line in rows.items():
        assert titles[ticket_id][:READABLE] in line, (ticket_id, titles[ticket_id], line)
