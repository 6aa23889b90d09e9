"""The exam screen speaks the chosen language; what the customer reads stays in the
scenario's language."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from helpdesk_tui import i18n
from helpdesk_tui.scenario.loader import load_scenario
from tests.ui.conftest import MINI, make_rig, screen_text
from tests.ui.pilot import press_alone


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("nl", ("Resterende tijd", "Wachtrij", "Kennisbank", "Antwoord", "Gesprekken")),
        ("fr", ("Temps restant", "File", "Base de connaissances", "Répondre", "Conversations")),
    ],
)
async def test_the_screen_speaks_the_language(language: str, phrases: tuple[str, ...]) -> None:
    i18n.set_language(language)
    rig = make_rig(load_scenario(MINI))
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for phrase in phrases:
            assert phrase in text, phrase
        assert "Printer on floor 2 offline" in text  # scenario text is not translated


def test_canned_replies_use_the_scenarios_language() -> None:
    i18n.set_language("nl")
    rig = make_rig(load_scenario(MINI))  # an English scenario
    greeting = rig.scenario.canned_reply("greeting")
    assert "speaking with the service desk" in rig.controller.fill_canned(greeting)


async def test_ticket_history_and_refusals_speak_the_language() -> None:
    """What the core writes (history lines, refusals) is English in the log and
    Dutch on a Dutch screen."""
    i18n.set_language("nl")
    rig = make_rig(load_scenario(MINI))
    app = rig.app()
    toasts: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ticket = app.main.ticket_id
        await press_alone(pilot, "a")  # take it in hand (Take waits for a next key)
        assert rig.state.tickets[ticket].history[-1].summary == "taken in hand"
        shown = str(app.main.query_one("#ticket-body").render())  # may be scrolled out of view
        assert "in behandeling genomen" in shown and "taken in hand" not in shown
        original = app.main.notify
        app.main.notify = lambda message, **kw: toasts.append(message) or original(message, **kw)
        app.main.submit("ticket_closed", {"ticket_id": ticket})
    assert toasts == [
        f"Niet aanvaard: ticket {ticket} is open; sluiten kan alleen als het opgelost is"
    ]


async def test_a_form_says_why_the_exam_refuses_it_in_the_language() -> None:
    i18n.set_language("nl")
    rig = make_rig(load_scenario(MINI))
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ticket = app.main.ticket_id
        await pilot.press("i")  # a note on the ticket
        app.screen.query_one("#text", TextArea).text = "Called the customer."
        for event_type, data in (
            ("ticket_resolved", {"ticket_id": ticket, "solution": "Restarted the spooler."}),
            ("ticket_closed", {"ticket_id": ticket}),
        ):
            rig.controller.submit(event_type, data)  # meanwhile, the ticket is closed
        await pilot.press("ctrl+s")
        shown = str(app.screen.query_one("#form-error").render())
    assert shown == f"Niet aanvaard: ticket {ticket} is gesloten"


def test_the_sla_lines_keep_a_gap_after_the_longest_french_label() -> None:
    from helpdesk_tui.ui.widgets.ticket_detail import render_sla

    i18n.set_language("fr")
    rig = make_rig(load_scenario(MINI))
    rig.session.tick()
    ticket = next(iter(rig.state.tickets.values()))
    lines = render_sla(rig.controller, ticket, rig.state.now).plain.splitlines()
    assert lines[0].startswith("SLA 1re réponse ") and not lines[0].endswith("réponse")
    # the three values line up: some column after the labels starts a word on every
    # line (a value may hold a space itself: "35 min", "✓ respecté")
    starts = [{c for c in range(5, len(line)) if line[c - 1] == " " != line[c]} for line in lines]
    assert set.intersection(*starts), lines
