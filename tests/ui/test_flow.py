"""The candidate's flow (issue 14): each finding of the 15-minute playthrough,
reproduced through the keyboard first, then held by these tests."""

from __future__ import annotations

from helpdesk_tui.ui.widgets.choice import ChoiceField

from .conftest import SIZE, Rig
from .pilot import choose, form

CHAT = "C-anna-lockout"


def crm_ticket(rig: Rig) -> str:
    """T-1002, linked to the CRM article (as if the candidate had used it)."""
    rig.session.submit(
        "ticket_created", {"ticket_id": "T-1002", "title": "CRM", "customer_id": "marc"}
    )
    rig.session.submit("ticket_linked", {"ticket_id": "T-1002", "kb_article": "kb-crm-down"})
    return "T-1002"


async def test_resolve_prefills_the_tickets_own_article_not_the_one_open(rig: Rig) -> None:
    """Finding 1: `s` took the article open in the KB pane, not the ticket's own."""
    ticket = crm_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"locked", "enter", "enter")  # kb-lockout open in the pane
        await pilot.pause()
        app.main.queue.select(ticket)
        await pilot.press("f2", "s")
        resolve = form(app)
        assert resolve.query_one("#article", ChoiceField).value == "kb-crm-down"
        assert (
            resolve.query_one("#solution").text == "[kb-crm-down] CRM unavailable for a whole team"
        )


async def test_choosing_another_article_updates_the_filled_in_solution(rig: Rig) -> None:
    """Finding 1: choosing another article left the first article's link in the text."""
    ticket = crm_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        app.main.queue.select(ticket)
        await pilot.press("f2", "s")
        resolve = form(app)
        await choose(pilot, "article", "kb-lockout")
        assert resolve.query_one("#solution").text == "[kb-lockout] Account locked out"
        resolve.query_one("#solution").text = "Restarted the CRM service."
        await choose(pilot, "article", "kb-crm-down")
        assert resolve.query_one("#solution").text == "Restarted the CRM service."
