"""What branch bugs7 fixed on the screen, each seen in a practice exam first."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from helpdesk_tui import i18n

from .conftest import SIZE, Rig, screen_text
from .pilot import at, choose, error_text, form, new_ticket_from_chat, type_into

MISSING = {
    "en": ("Fill in before saving: Impact, Urgency.", "Fill in before saving: Urgency."),
    "nl": ("Vul eerst in: Impact, Urgentie.", "Vul eerst in: Urgentie."),
    "fr": (
        "À remplir avant d'enregistrer\u00a0: Impact, Urgence.",
        "À remplir avant d'enregistrer\u00a0: Urgence.",
    ),
}


@pytest.mark.parametrize("language", sorted(MISSING))
async def test_a_new_ticket_is_not_saved_without_impact_and_urgency(
    rig: Rig, language: str
) -> None:
    """Ctrl+N saved a ticket with no impact or urgency (its priority "–", no SLA clock
    the candidate could see): the form names what is missing, keeps what was typed and
    puts the focus on the first missing box."""
    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        ticket_form = await new_ticket_from_chat(pilot)
        await type_into(pilot, "title", "Locked out")
        before = len(rig.sink.events)
        await pilot.press("ctrl+s")
        both, urgency = MISSING[language]
        assert error_text(app) == both
        assert rig.commands_since(before) == []
        assert form(app) is ticket_form
        assert ticket_form.query_one("#title", Input).value == "Locked out"
        assert app.focused is ticket_form.query_one("#impact")

        await choose(pilot, "impact", "low")
        await pilot.press("ctrl+s")
        assert error_text(app) == urgency
        assert app.focused is ticket_form.query_one("#urgency")
        assert rig.commands_since(before) == []

        await choose(pilot, "urgency", "high")
        await pilot.press("ctrl+s")
        await pilot.pause()
        created = rig.last("ticket_created")
        assert (created["title"], created["impact"], created["urgency"]) == (
            "Locked out",
            "low",
            "high",
        )


async def test_the_french_ticket_area_keeps_the_group_whole_at_120_by_40(rig: Rig) -> None:
    """ "Statut  attente client · groupe –" wrapped its dash to a line of its own: the
    group has a row of its own, shown once the ticket has one."""
    i18n.set_language("fr")
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "ctrl+s")  # pending: "attente client", the longest status
        await pilot.pause()
        assert rig.last("ticket_pending")["ticket_id"] == "T-1001"
        head = lines_of(app, "#ticket-head")
        assert "Statut     attente client" in head
        assert all(line.strip() not in ("–", "-") for line in head), head
        assert not any("groupe" in line.lower() for line in head), head

        group, name = next(iter(rig.state.groups.items()))
        rig.session.submit(
            "ticket_transferred", {"ticket_id": "T-1001", "group": group, "reason": "réseau"}
        )
        await at(pilot, 1)
        head = lines_of(app, "#ticket-head")
        assert f"Groupe     {name}" in head, head


def lines_of(app: object, selector: str) -> list[str]:
    """A widget's lines as the screen shows them (its width, its wrapping)."""
    widget = app.screen.query_one(selector)  # type: ignore[attr-defined]
    region = widget.content_region
    text = screen_text(app).splitlines()  # type: ignore[arg-type]
    return [text[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)]
