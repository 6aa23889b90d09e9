"""What a playthrough in tmux at 100 x 30 in Dutch and French showed cut (2026-12-03):
the KB search box's "Rechercher dans la base de", and the reply box's recipient line
"À Tom Fischer · chat · pas encore de" (whom a reply goes to, and its ticket, is what a
candidate must see), and the box's own "Schrijf aan Tom Fischer (Enter" and
"Say something to Helen Carter (Ent". Checked on the rendered screen, in every UI language.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from helpdesk_tui import i18n

from .conftest import make_rig, screen_text
from .pilot import at

SIZE = (100, 30)


@pytest.fixture(params=["en", "nl", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


async def test_the_kb_search_box_says_its_placeholder_whole(mini: Any, language: str) -> None:
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert i18n._("Search the knowledge base…") in screen_text(app)


async def test_the_reply_box_names_the_customer_and_the_ticket_whole(
    mini: Any, language: str
) -> None:
    app = make_rig(mini).app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)  # the chat has come in
        await pilot.press("f4")
        await pilot.pause()
        text = screen_text(app)
        whom = f"{i18n._('To')} Anna Peeters · {i18n._('no ticket yet')}"
        assert whom in text
        assert i18n._("Write to {name}").format(name="Anna Peeters") in text
        await at(pilot, 130)  # a call has come in: the box speaks to Marc Dubois
        await pilot.press("f7")
        await pilot.pause()
        speak = i18n._("Speak to {name}").format(name="Marc Dubois")
        assert speak in screen_text(app)
