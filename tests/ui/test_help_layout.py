"""F1's key list at 100 x 30: section titles are headings, not the key column's width.

Found in a French practice exam at 100 x 30 (docs/known-issues.md, branch bugs4):
the first column was as wide as "Zone de réponse (chats et appels)" (33 columns),
so every description wrapped.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.help import HelpScreen

from .conftest import Rig, screen_text

HEADING = {
    "en": "Reply box (chats and calls)",
    "nl": "Antwoordvak (chats en gesprekken)",
    "fr": "Zone de réponse (chats et appels)",
}
CTRL_L = {"en": "Insert KB link", "nl": "KB-link invoegen", "fr": "Insérer un lien KB"}


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
async def test_section_titles_stand_alone_and_keys_stay_narrow(rig: Rig, language: str) -> None:
    i18n.set_language(language)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("#help-scroll")
        lines: list[str] = []
        for _page in range(12):  # read the whole list, a page at a time
            text = screen_text(app)
            lines.extend(line.strip(" █▌▐▎▊┃│╭╮╰╯─") for line in text.splitlines())
            scroll.scroll_page_down(animate=False)
            await pilot.pause()
        heading = [line for line in lines if HEADING[language] in line]
        assert heading and all(line.strip() == HEADING[language] for line in heading), heading
        ctrl_l = [line for line in lines if line.lstrip().startswith("Ctrl+L ")]
        assert ctrl_l, "Ctrl+L is listed"
        described_at = ctrl_l[0].index(CTRL_L[language])
        assert described_at <= 26, ctrl_l[0]  # the widest key (21) and its gap, not 33
