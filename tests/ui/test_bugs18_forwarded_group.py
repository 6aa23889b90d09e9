"""In the queue, a transferred ticket says which group it went to, at every width (bugs18).

bugs17 let the group column go at 100 and 120 columns (the title needed the room); the group
a ticket was transferred to then showed only in the ticket area. What a candidate needs: a
look down the queue tells them which tickets went to which group. The group's name comes from
the scenario file's text here (Lindeveld's `[[groups]]`), the screen from the terminal: no
code's column width or label is read.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.paths import scenarios_dir
from helpdesk_tui.scenario.loader import load_scenario

from .conftest import make_rig
from .review.logs import screen_text

SENT = {"netwerk": "Netwerk", "applicaties": "Applicatie"}
"""Group id -> the start of its name, as scenarios/nl-lindeveld-examen/scenario.toml spells it
("Netwerk en systemen", "Applicatiebeheer"): enough to tell the groups apart."""
FORWARDED = {"en": "forwarded", "nl": "doorgezet", "fr": "transféré"}


def _queue_rows(app: object) -> dict[str, str]:
    area = app.screen.query_one("#queue-area").region  # type: ignore[attr-defined]
    lines = screen_text(app).splitlines()[area.y + 1 : area.y + area.height - 1]
    inner = [line[area.x + 1 : area.x + area.width - 1] for line in lines]
    return {line.split()[0]: line for line in inner if line.strip().startswith("T-")}


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("size", [(100, 30), (120, 40), (160, 40)], ids=["100", "120", "160"])
async def test_the_queue_names_the_group_a_ticket_went_to(
    language: str, size: tuple[int, int]
) -> None:
    i18n.set_language(language)
    rig = make_rig(load_scenario(scenarios_dir() / "nl-lindeveld-examen"))
    tickets = sorted(rig.state.tickets)
    assert len(tickets) >= 2  # the queue at the start: one goes to a group, one stays
    sent = {tickets[0]: "netwerk"}
    for ticket_id, group in sent.items():
        rig.session.submit(
            "ticket_transferred", {"ticket_id": ticket_id, "group": group, "reason": "Hun werk"}
        )
    kept = tickets[len(sent)]
    app = rig.app()
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            rows = _queue_rows(app)
    finally:
        i18n.set_language("en")
    for ticket_id, group in sent.items():
        assert SENT[group] in rows[ticket_id], (ticket_id, rows[ticket_id])
    assert not any(name in rows[kept] for name in SENT.values()), rows[kept]
    if size[0] >= 160:  # the group column has room: the status word stays beside it
        assert all(FORWARDED[language] in rows[t] for t in sent), rows


async def test_the_group_comes_back_when_the_terminal_widens() -> None:
    """A resize takes the group out of the status cell as the column comes back."""
    rig = make_rig(load_scenario(scenarios_dir() / "nl-lindeveld-examen"))
    first = sorted(rig.state.tickets)[0]
    rig.session.submit(
        "ticket_transferred", {"ticket_id": first, "group": "netwerk", "reason": "Hun werk"}
    )
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Netwerk" in _queue_rows(app)[first]
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        row = _queue_rows(app)[first]
        assert "forwarded" in row and row.count("Netwerk") == 1, row
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "Netwerk" in _queue_rows(app)[first]
