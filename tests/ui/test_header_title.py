"""The header shows the scenario's title whole at 100 columns in every language.

Found in a Dutch practice exam at 100 x 30 (docs/known-issues.md): "Monday
morning at the N…". The longest bundled title (72 characters, French) is used.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from helpdesk_tui import i18n
from helpdesk_tui.ui.widgets.header import ExamHeader

from .conftest import Rig, screen_text

LONGEST = "Une journée au service desk de la Mutualité de la Haute-Meuse (examen)"
SHORT = "Monday morning at the Northwind service desk"
TIME_LEFT = {"en": "Time left", "nl": "Resterende tijd", "fr": "Temps restant"}


class HeaderOnly(App[None]):
    def __init__(self, title: str, mode: str) -> None:
        super().__init__()
        self._args = (title, mode)

    def compose(self) -> ComposeResult:
        yield ExamHeader(*self._args, id="header")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("mode", ["practice", "exam"])
@pytest.mark.parametrize("title", [LONGEST, SHORT])
async def test_the_title_is_whole_and_the_time_left_shown_at_100_columns(
    language: str, mode: str, title: str
) -> None:
    i18n.set_language(language)
    app = HeaderOnly(title, mode)
    async with app.run_test(size=(100, 3)) as pilot:
        header = app.query_one(ExamHeader)
        header.show_time(754, 6446)
        await pilot.pause()
        line = screen_text(app).splitlines()[0]  # type: ignore[arg-type]
        assert title in line, line
        assert f"{TIME_LEFT[language]} 01:47:26" in line, line
        assert header.tooltip == title


async def test_the_header_keeps_everything_when_there_is_room() -> None:
    app = HeaderOnly(SHORT, "practice")
    async with app.run_test(size=(120, 3)) as pilot:
        app.query_one(ExamHeader).show_time(754, 6446)
        await pilot.pause()
        line = screen_text(app).splitlines()[0]  # type: ignore[arg-type]
        assert line.startswith(f" Helpdesk exam · practice · {SHORT}")
        assert line.rstrip().endswith("Exam time 00:12:34   Time left 01:47:26")


async def test_f1_names_the_scenario_whole(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert str(app.screen.query_one("#help-scenario").render()) == rig.scenario.title
