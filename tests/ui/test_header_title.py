"""The header shows the scenario's title whole at 100 columns in every language.

Found in a Dutch practice exam at 100 x 30 (docs/known-issues.md): "Monday
morning at the N…". The longest bundled title (72 characters, French) is used.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region

from helpdesk_tui import i18n
from helpdesk_tui.ui.widgets.header import ExamHeader

from .conftest import Rig, screen_text

LONGEST = "Une journée au service desk de la Mutualité de la Haute-Meuse (examen)"
SHORT = "Monday morning at the Northwind service desk"


class HeaderOnly(App[None]):
    def __init__(self, title: str, mode: str) -> None:
        super().__init__()
        self._args = (title, mode)

    def compose(self) -> ComposeResult:
        yield ExamHeader(*self._args, id="header")


EXAM_TIME = {
    "en": ("Exam time", "Exam"),
    "nl": ("Examentijd", "Examen"),
    "fr": ("Temps d'examen", "Examen"),
}
PRACTICE_TIME = {
    "en": ("Practice time", "Practice"),
    "nl": ("Oefentijd", "Oefenen"),
    "fr": ("Temps d'entraînement", "Entraînement"),
}
"""A practice session's clock (bugs20: it said "Exam" in practice), as a Dutch or French
trainer would write it; the short forms are the mode's own word."""
CLOCK = {"exam": EXAM_TIME, "practice": PRACTICE_TIME}
LEFT = {
    "en": ("Time left", "Left"),
    "nl": ("Resterende tijd", "Rest"),
    "fr": ("Temps restant", "Reste"),
}
"""Each clock's label, in full and short: from the catalogues' translations."""


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("mode", ["practice", "exam"])
@pytest.mark.parametrize("title", [LONGEST, SHORT])
@pytest.mark.parametrize("width", [100, 120])
async def test_both_clocks_and_the_title_at_100_and_120_columns(
    language: str, mode: str, title: str, width: int
) -> None:
    """Both clocks always (qa-play9: in Dutch and French the exam time was left out at
    100 and 120 columns), their labels shortened if need be; the title whole where it
    fits beside them (a 44-character title at 100 columns: "Monday morning at the N…"
    lost its end), else cut as little as the clocks allow (the longest bundled title,
    70 characters, at 100 columns in French). Whole in the tooltip and in F1."""
    i18n.set_language(language)
    app = HeaderOnly(title, mode)
    async with app.run_test(size=(width, 3)) as pilot:
        header = app.query_one(ExamHeader)
        header.show_time(754, 6446)
        await pilot.pause()
        line = screen_text(app).splitlines()[0]  # type: ignore[arg-type]
        assert len(line.rstrip()) <= width
        assert any(f"{label} 00:12:34" in line for label in CLOCK[mode][language]), line
        if mode == "practice":
            assert not any(label in line for label in EXAM_TIME[language]), line
        assert any(f"{label} 01:47:26" in line for label in LEFT[language]), line
        if title == SHORT or width == 120:
            assert title in line, line
        else:  # French practice: "Entraînement" is six cells longer than "Examen"; cut
            # after the last whole word that fits (bugs22: never "... de la Haute-M…")
            kept = line[1:].split("…")[0]
            assert title.startswith(f"{kept} ") and len(kept) >= 45, line
        assert header.tooltip == title


async def test_the_header_keeps_everything_when_there_is_room() -> None:
    app = HeaderOnly(SHORT, "practice")
    async with app.run_test(size=(120, 3)) as pilot:
        app.query_one(ExamHeader).show_time(754, 6446)
        await pilot.pause()
        line = screen_text(app).splitlines()[0]  # type: ignore[arg-type]
        assert line.startswith(f" Helpdesk exam · Practice · {SHORT}")
        assert line.rstrip().endswith("Practice time 00:12:34   Time left 01:47:26")


async def test_f1_names_the_scenario_whole(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert str(app.screen.query_one("#help-scenario").render()) == rig.scenario.title


def _painted(header: ExamHeader) -> list[list[Segment]]:
    return [list(strip) for strip in header.render_lines(Region(0, 0, *header.outer_size))]


def _textual_painted(header: ExamHeader) -> list[list[Segment]]:
    """The header's lines as Textual paints them from `render`, nothing kept."""
    header._styles_cache.clear()
    header._dirty_regions.add(header.size.region)  # its content rendered again too
    header._retexts.clear()
    return _painted(header)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("width", [60, 100, 120])
async def test_a_ticking_clock_puts_its_digits_in_and_paints_what_textual_paints(
    language: str, width: int
) -> None:
    """Each second changes the clocks' digits only (p-tick12: put into the painted line,
    `Retexts`); the last five minutes change the time left's style, and an hour's
    clock gives way at narrow widths: then the line is painted again. Each frame's line
    is the one Textual paints from `render` for the same time."""
    i18n.set_language(language)
    app = HeaderOnly(LONGEST, "exam")
    async with app.run_test(size=(width, 3)) as pilot:
        header = app.query_one(ExamHeader)
        header.show_time(1490, 310)
        await pilot.pause()
        retexted = header.retexted
        for elapsed, left in [(1491, 309), (1499, 301), (1500, 300), (1501, 299), (1560, 240)]:
            header.show_time(elapsed, left)
            await pilot.pause()
            shown = _painted(header)
            assert shown == _textual_painted(header), (elapsed, left)
            line = "".join(segment.text for segment in shown[0])
            assert f"00:0{left // 60}:{left % 60:02d}" in line
        assert header.retexted - retexted == 4  # all but 299: the time left turns urgent
