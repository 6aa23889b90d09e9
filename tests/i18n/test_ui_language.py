"""The exam screen speaks the chosen language; what the customer reads stays in the
scenario's language."""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.scenario.loader import load_scenario
from tests.ui.conftest import MINI, make_rig, screen_text


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("nl", ("Resterende tijd", "Wachtrij", "Kennisbank", "Toetsen", "Gesprekken")),
        ("fr", ("Temps restant", "File", "Base de connaissances", "Touches", "Conversations")),
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
