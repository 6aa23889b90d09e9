"""The header names the session's mode as a label and never cuts a word in two.

bugs21's walk (Dutch practice at 100 x 30): " oefenen · Monday morning ..." (a verb in
lower case where a label belongs) and, where the title gives way, "... at the N…".
The expected labels are the words a Dutch or French trainer puts on a mode's tab, written
here, not read from the catalogues.
"""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult

from helpdesk_tui import i18n
from helpdesk_tui.ui.widgets.header import ExamHeader

from .conftest import screen_text

TITLES = (
    "Une journée au service desk de la Mutualité de la Haute-Meuse (examen)",
    "Monday morning at the Northwind service desk",
)
LABEL = {
    ("en", "practice"): "Practice",
    ("en", "exam"): "Exam",
    ("nl", "practice"): "Oefenen",
    ("nl", "exam"): "Examen",
    ("fr", "practice"): "Entraînement",
    ("fr", "exam"): "Examen",
}
LOWER = {"practice", "exam", "oefenen", "examen", "entraînement"}


class Headers(App[None]):
    """One header per title and mode, one above the other."""

    CSS = "ExamHeader { height: 1; }"

    def compose(self) -> ComposeResult:
        for title in TITLES:
            for mode in ("practice", "exam"):
                yield ExamHeader(title, mode, classes=mode)


CLOCK = re.compile(
    r"^(.*?)\s+(?:Practice time|Practice|Exam time|Exam|Oefentijd|Oefenen|Examentijd|Examen"
    r"|Temps d'entraînement|Entraînement|Temps d'examen|Time left|Left|Rest|Reste) \d\d:\d\d"
)
"""The running clock's or the time left's label (tests/ui/test_header_title.py's tables)."""


def _title_part(line: str) -> str:
    """The line's left part: what is left of the first clock's label."""
    found = CLOCK.match(line)
    assert found, line
    return found.group(1).strip()


@pytest.mark.parametrize("language", i18n.LANGUAGES)
async def test_the_mode_is_a_label_and_the_title_is_cut_between_words(language: str) -> None:
    i18n.set_language(language)
    app = Headers()
    async with app.run_test(size=(120, 6)) as pilot:
        for width in (120, 100, 80):
            await pilot.resize_terminal(width, 6)
            for header in app.query(ExamHeader):
                header.show_time(754, 6446)
            await pilot.pause()
            lines = screen_text(app).splitlines()[:4]  # type: ignore[arg-type]
            for line, (title, mode) in zip(
                lines, [(t, m) for t in TITLES for m in ("practice", "exam")], strict=True
            ):
                left = _title_part(line).split(" · ")[-2:]  # the app's name aside
                words = [w.strip("·…") for w in " ".join(left).split()]
                assert not LOWER & set(words), line
                if len(left) > 1:  # the mode shown: as its label, first or after the app's name
                    assert LABEL[language, mode] in left, line
                shown = left[-1]
                if shown != title:  # cut: whole words of the title, then "…"
                    assert shown.endswith("…"), line
                    kept = shown[:-1].split()
                    assert kept and kept == title.split()[: len(kept)], line
