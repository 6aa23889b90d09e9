"""What a Dutch sitting of nl-lindeveld-examen showed in tmux (branch bugs13), each
reproduced before its fix.

Expected texts come from the scenario (the ticket's e-mail) and the catalogue, never
from what the new code renders.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from helpdesk_tui.paths import scenarios_dir
from helpdesk_tui.scenario.loader import load_scenario

from .conftest import make_rig
from .review.logs import screen_text


@pytest.fixture(scope="module")
def lindeveld() -> Any:
    return load_scenario(scenarios_dir() / "nl-lindeveld-examen")


def longest_run(screen: str, text: str) -> int:
    """The most characters of `text`'s words that one screen line shows in a row."""
    words = text.split()
    best = 0
    for line in screen.splitlines():
        plain = " ".join(re.sub(r"[│╭╮╰╯─▇▆▅▄▃▂▁ ]+", " ", line).split())
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                run = " ".join(words[i:j])
                if len(run) > best and run in plain:
                    best = len(run)
                    break
    return best


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_the_ticket_area_is_wide_enough_to_read_an_email(lindeveld: Any, size: Any) -> None:
    """At 120 columns the ticket area was 38 wide (the lead, 2026-12-04) and at 100 it is
    34: Bert's e-mail read in lines of 30 characters, several screens of it. With the
    ticket area in focus (F3) a line of his e-mail holds 50 characters or more; back in
    the queue (F2) the queue has its width again."""
    rig = make_rig(lindeveld)
    first = min(rig.state.tickets)
    email = rig.state.tickets[first].description
    app = rig.app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f3", "pagedown")  # the thread is under the ticket's fields
        await pilot.pause()
        assert longest_run(screen_text(app), email) >= 50
        ticket = app.screen.query_one("#ticket-area").region.width
        queue = app.screen.query_one("#queue-area").region.width
        assert ticket > queue
        # the bottom row keeps its split: the conversations stay as wide as they were
        conversations = app.screen.query_one("#conversation-area").region.width
        assert conversations > size[0] // 2
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#queue-area").region.width > size[0] // 2
