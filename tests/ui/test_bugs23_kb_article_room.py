"""At 80 x 24 (the README's smallest terminal) an open KB article has room to be read.

bugs22's walk: the search box (3 lines), the article's title and the passage line's three
lines left the article two lines of text in a 9-line panel. A reader needs at least four
to follow a step; the search words stay on screen, and the box comes back whole with Esc.
"""

from __future__ import annotations

import pytest

from .conftest import Rig, screen_text

LEAST_LINES = 4


@pytest.mark.parametrize("language", ["nl"], indirect=True)
async def test_the_article_keeps_four_lines_at_80_x_24(rig: Rig, language: str) -> None:
    app = rig.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", *"locked", "enter", "enter")
        await pilot.pause()
        kb = app.main.kb
        assert kb.article_open
        scroll = kb.query_one("#kb-article-scroll")
        assert scroll.region.height >= LEAST_LINES, scroll.region
        panel = kb.region
        rows = screen_text(app).splitlines()[panel.y : panel.bottom]
        assert any("locked" in row[panel.x : panel.right] for row in rows), "\n".join(rows)
        await pilot.press("escape")
        await pilot.pause()
        assert not kb.article_open
        assert kb.query_input.region.height == 3  # its border back: a box to type in
