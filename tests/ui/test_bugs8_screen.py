"""What branch bugs8 fixed on the screen, each seen in a French practice exam first."""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.paths import scenarios_dir
from helpdesk_tui.scenario.loader import load_scenario

from .conftest import Rig, make_rig
from .pilot import at, typed_in_chat
from .test_bugs7_screen import lines_of


async def test_the_french_sla_lines_keep_met_whole_at_100_by_30(rig: Rig) -> None:
    """ "✓ respecté" was cut to "✓ respec…": the labels were padded to 16 columns."""
    i18n.set_language("fr")
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        rig.session.submit("ticket_reply_added", {"ticket_id": "T-1001", "text": "Bonjour"})
        await at(pilot, 1)
        sla = lines_of(app, "#ticket-sla")
        met = i18n.gettext_in("fr", "✓ met")
        assert any(line.endswith(met) for line in sla), sla
        assert not any("…" in line for line in sla), sla


@pytest.mark.parametrize("size", [(120, 40), (100, 30)])
async def test_a_wrapped_head_row_goes_on_under_its_value(size: tuple[int, int]) -> None:
    """ "Client     Christine Dardenne" went on with "(Radiologie, humeur calme)" at
    the left edge, under the labels, in the French scenario at 120 x 40."""
    scenario = load_scenario(scenarios_dir() / "fr-val-de-lesse-garde")
    rig = make_rig(scenario)
    i18n.set_language("fr")
    app = rig.app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        head = lines_of(app, "#ticket-head")
        labels = ("Client", "Statut", "Catégorie", "Priorité")
        rows = [i for i, line in enumerate(head) if line.startswith(labels)]
        assert len(rows) == 4, head
        customer = " ".join(line[11:].strip() for line in head[rows[0] : rows[1]])
        assert "humeur calme" in customer, head
        for line in head[rows[0] :]:
            if not line.startswith(labels):  # a value that goes on: under the values
                assert line[:11].strip() == "" and line[11:12].strip(), head


SLASH = {
    "en": ("Send “/locked out” to Anna Peeters?", "the knowledge base is F5"),
    "nl": ("“/locked out” naar Anna Peeters sturen?", "de kennisbank is F5"),
    "fr": (
        "Envoyer «\u00a0/locked out\u00a0» à Anna Peeters\u00a0?",
        "la base de connaissances est F5",
    ),
}


@pytest.mark.parametrize("language", sorted(SLASH))
async def test_a_reply_that_starts_with_a_slash_asks_before_it_goes(
    rig: Rig, language: str
) -> None:
    """bugs7: "/locked out" typed in the reply box (meant for the KB search) was sent to
    the customer. Now it asks; n gives the text back, y sends it as it is."""
    from helpdesk_tui.ui.screens.confirm import ConfirmScreen

    from .conftest import screen_text

    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await typed_in_chat(pilot, 70, "/locked out")
        assert isinstance(app.screen, ConfirmScreen)
        question, detail = SLASH[language]
        assert app.screen.question == question and detail in app.screen.detail
        assert question in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert rig.logged("message_sent") == []
        reply = app.main.conversations.input
        assert reply.value == "/locked out" and reply.has_focus
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j" if language == "nl" else "o" if language == "fr" else "y")
        await pilot.pause()
        assert rig.last("message_sent")["text"] == "/locked out"


async def test_a_slash_inside_a_reply_asks_nothing(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", *"Restart and/or log in again", "enter")
        await pilot.pause()
        assert rig.last("message_sent")["text"] == "Restart and/or log in again"
