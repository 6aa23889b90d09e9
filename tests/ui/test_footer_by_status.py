"""The footer shows only the ticket keys that do something for the ticket in view.

Found in a Dutch and French practice exam at 100 x 30 (docs/known-issues.md,
branch bugs4): `a Take` stayed in the footer on a ticket already taken and set
pending, where it takes the ticket *back* in hand. The expected keys per status
come from the reducer's rules (`ALLOWED_FROM`), written out here by hand.
"""

from __future__ import annotations

import pytest

from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.ui.widgets.keybar import KeyBar

from .conftest import SIZE, Rig
from .pilot import press_alone

QUEUED = "T-1001"
TICKET_KEYS = {"a", "w", "s", "c", "r", "t", "u", "e", "i", "p"}


def footer(app: object) -> dict[str, str]:
    """Key pressed -> description, for every ticket key the footer offers."""
    bar = app.main.query_one(KeyBar)  # type: ignore[attr-defined]
    return {
        key: text for _shown, text, enabled, key in bar._shown if key in TICKET_KEYS and enabled
    }


def to_status(rig: Rig, status: str) -> None:
    """Bring the queued ticket to `status` the way a candidate would, through the log."""
    submit = rig.session.submit
    if status == "open":
        submit("ticket_opened", {"ticket_id": QUEUED})
    elif status == "pending":
        submit("ticket_opened", {"ticket_id": QUEUED})
        submit("ticket_reply_added", {"ticket_id": QUEUED, "text": "Which printer?"})
        submit("ticket_pending", {"ticket_id": QUEUED, "waiting_on": "customer"})
    elif status == "transferred":
        submit("ticket_transferred", {"ticket_id": QUEUED, "group": "apps", "reason": "Their app"})
    elif status in ("resolved", "closed"):
        submit("ticket_updated", {"ticket_id": QUEUED, "changes": {"category": "access"}})
        submit("ticket_resolved", {"ticket_id": QUEUED, "solution": "Restarted it."})
        if status == "closed":
            submit("ticket_closed", {"ticket_id": QUEUED})


@pytest.mark.parametrize(
    ("status", "keys", "take"),
    [
        ("new", "aeritws", "Take"),
        ("open", "eritws", None),
        ("pending", "aerits", "Take back"),
        ("transferred", "aeriws", "Take back"),
        ("resolved", "eric" + "u", None),
        ("closed", "", None),
    ],
)
async def test_the_footer_offers_only_what_the_ticket_allows(
    rig: Rig, status: str, keys: str, take: str | None
) -> None:
    to_status(rig, status)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = footer(app)
        assert set(shown) - {"p"} == set(keys)
        assert shown.get("a") == take


async def test_take_back_reopens_a_pending_ticket(rig: Rig) -> None:
    to_status(rig, "pending")
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        assert "Take" not in footer(app).values()
        await press_alone(pilot, "a")
        assert rig.state.tickets[QUEUED].status == TicketStatus.OPEN
        assert "a" not in footer(app)  # open: nothing to take


async def test_the_macro_key_only_where_its_status_step_can_follow(rig: Rig) -> None:
    """A macro replies, then sets a status: on a resolved ticket the status step would
    be refused after the reply was sent, so `p` is not offered there."""
    to_status(rig, "resolved")
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert rig.controller.macros(), "the fixture scenario has a macro"
        assert "p" not in footer(app)
