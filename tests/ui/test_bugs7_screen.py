"""What branch bugs7 fixed on the screen, each seen in a practice exam first."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from helpdesk_tui import i18n

from .conftest import SIZE, Rig, screen_text
from .pilot import at, choose, error_text, fill, form, new_ticket_from_chat, type_into, until

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
        await pilot.press("w", "ctrl+s")  # pending: "attente" (one word per status, trap11)
        await pilot.pause()
        assert rig.last("ticket_pending")["ticket_id"] == "T-1001"
        head = lines_of(app, "#ticket-head")
        assert "Statut     attente" in head
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


async def test_kb_results_fit_the_pane_after_a_search_is_changed() -> None:
    """Results shown while the list had no scrollbar were cut to its whole width; when
    a changed search brought more, the scrollbar took a column and at 100 x 30 each
    title wrapped to a second line of the 29-column pane, its id line gone (seen in
    tmux: a search, Enter, `/`, `x`, Backspace)."""
    from rich.cells import cell_len

    from helpdesk_tui.paths import scenarios_dir
    from helpdesk_tui.scenario.loader import load_scenario
    from helpdesk_tui.ui.widgets.kb import KbPanel

    from .conftest import make_rig

    rig = make_rig(load_scenario(scenarios_dir() / "en-northwind-monday"))
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.screen.query_one(KbPanel)
        await pilot.press("slash", *"new starter", "enter")
        await until(pilot, lambda: panel.results.option_count == 2)
        await pilot.press("slash", "x")
        await until(pilot, lambda: panel.query_input.value == "x")
        await pilot.press("backspace")
        await until(pilot, lambda: panel.results.option_count > 8)
        await pilot.press("down")
        await pilot.pause()
        room = panel.results.scrollable_content_region.width
        assert panel.results.show_vertical_scrollbar
        for index in range(panel.results.option_count):
            prompt = panel.results.get_option_at_index(index).prompt
            lines = prompt.plain.split("\n")
            assert len(lines) == 2 and max(cell_len(line) for line in lines) <= room, lines


async def test_ticket_action_forms_name_the_customer_and_the_ticket(rig: Rig) -> None:
    """ "Resolve T-1002" alone: in tmux a candidate whose queue had re-sorted opened the
    resolve form on another customer's ticket, pre-filled with the article open for the
    first, and nothing in the form said whose ticket it was."""
    ticket = rig.state.tickets["T-1001"]
    name = rig.controller.customer_name(ticket.customer_id)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        for key, action in (("s", "Resolve"), ("t", "Transfer"), ("w", "Set")):
            await pilot.press(key)
            heading = str(form(app).query_one("#form-title").render())
            assert heading.startswith(f"{action} T-1001")
            assert f" · {name} · {ticket.title}" in heading, heading
            await pilot.press("escape")


async def test_a_save_typed_while_the_form_opens_saves_before_the_next_key(rig: Rig) -> None:
    """In tmux: `s`, Ctrl+S, `c` (resolve, save, close) while the form was opening. The
    held keys were let go at once; Ctrl+S went up to the form's binding through the
    widgets' queues while the text box already took the `c`: the solution was saved as
    "c[kb-lockout] ..." and the ticket was not closed. A held key that is not text now
    lands (its binding has run) before the next is let go."""
    from textual import events

    from helpdesk_tui.ui.screens.confirm import ConfirmScreen

    rig.session.submit("ticket_updated", {"ticket_id": "T-1001", "changes": {"category": "access"}})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # the form built once (later opens refill it)
        await fill(pilot, "solution", "Printer restarted.")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is app.main)
        for name in ("s", "ctrl+s", "c"):  # back to back, as a terminal sends them
            app._driver.send_message(events.Key(name, name if len(name) == 1 else None))  # type: ignore[union-attr]
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        solution = rig.last("ticket_resolved")["solution"]
        assert solution == "Printer restarted."  # the draft kept from Esc, without a "c"
