"""Under an open KB article the passage line shows every part whole, at 120 x 40,
100 x 30 and 80 x 24 (the README's smallest terminal), in every language.

bugs21's walk (Dutch, 100 x 30): "Passage 1/6 · [ ] · Ctrl+O" and the rest cut off, so
the candidate never read which key inserts the passage or links the article. The parts
expected are the words a user needs, written here: the passage's number, and each key
with what it does.
"""

from __future__ import annotations

import pytest

from .conftest import Rig, screen_text

PARTS = {
    "en": ("Ctrl+O insert", "Ctrl+L link"),
    "nl": ("Ctrl+O invoegen", "Ctrl+L link"),
    "fr": ("Ctrl+O insérer", "Ctrl+L lien"),
}


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_every_part_of_the_passage_line_is_on_screen(rig: Rig, language: str) -> None:
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5", *"locked", "enter", "enter")
        await pilot.pause()
        assert app.main.kb.article_open
        total = len(app.main.kb.passages)
        for size in ((120, 40), (100, 30), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            panel = app.main.kb.region
            rows = screen_text(app).splitlines()[panel.y : panel.bottom]
            inside = [row[panel.x : panel.right] for row in rows]
            for part in (f"Passage 1/{total}", *PARTS[language]):
                assert any(part in row for row in inside), (size, part, "\n".join(inside))
