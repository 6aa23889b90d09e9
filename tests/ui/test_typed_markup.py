"""What the candidate types is never Textual markup where the exam shows it again.

The queue's title repeats its search ("search “...”"); a search typed as `[a="b` raised
MarkupError while the title was made, Textual's app died and the exam ended unsealed
(exit 3): under load the nets' 1 MB paste of random bytes typed one (Ctrl+F, then the
bytes after it; docs/known-issues.md, pty21). The texts below come from Textual's own
parser's failures (`TEXTUAL_MARKUP`, the parser our apps no longer use: sec22's
`read_no_markup`), not from the code under test."""

from __future__ import annotations

import random

import pytest
from textual.content import Content

from helpdesk_tui.ui.edges import TEXTUAL_MARKUP

from .conftest import SIZE, Rig, screen_text

RAISING = ('[a="b', "[a=!b]", '[x="', "[b]bold[/b] [a='c")


@pytest.mark.parametrize("typed", RAISING)
def test_these_texts_are_markup_errors_to_textual(typed: str) -> None:
    """The premise: each of them raises when read as markup."""
    with pytest.raises(Exception, match="markup"):
        TEXTUAL_MARKUP(f"search “{typed}”")


def test_a_text_reads_back_as_itself() -> None:
    """20,000 strings of the characters markup is made of: read back unchanged, none raises,
    none carries a style or an action (sec22: our apps read no markup at all)."""
    draw = random.Random(1)
    for _ in range(20_000):
        text = "".join(draw.choice('[]=\\"a/ @#') for _ in range(draw.randint(1, 12)))
        shown = Content.from_markup(text)
        assert shown.plain == text and not shown.spans


@pytest.mark.parametrize("typed", RAISING)
async def test_a_queue_search_typed_as_markup_is_shown_as_typed(rig: Rig, typed: str) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *typed)
        await pilot.pause()
        assert app.is_running
        assert f"search “{typed}”" in screen_text(app)
