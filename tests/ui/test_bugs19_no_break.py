"""No line of a report or a screen starts at a French no-break space (bugs19).

French writes "Appel C-kevin-belpic-vingerafdruk : la solution ...", "attente max 4 min
14 s" and "100 %" with U+00A0 so that no line starts with ":", "min" or "%". The French
report's table still broke there ("... vingerafdruk" / ": la solution", "attente max 4" /
"min 14 s"): Rich and Textual take U+00A0 for a space. What a reader needs, written by
hand: wherever the lines break, none starts with the mark or the unit.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from helpdesk_tui.terminal_safe import SafeConsole
from helpdesk_tui.ui.nowayout import NoWayOut  # noqa: F401  (installs the wrapping, as our apps do)

from .review.logs import screen_text

NB = "\u00a0"
FRENCH = (
    f"Appel C-kevin-belpic-vingerafdruk{NB}: la solution du corrigé n'a pas été donnée, "
    f"réponse médiane 4{NB}min{NB}14{NB}s, attente max 4{NB}min{NB}14{NB}s, 1 sur 1 "
    f"attente au-delà de 3{NB}min{NB}00{NB}s, SLA tenus 100{NB}%{NB}; humeur{NB}: calme"
)
STARTS_WRONG = re.compile(r"^\s*(?::|;|%|min\b|s\b)")


def wrong_starts(lines: list[str]) -> list[str]:
    return [line for line in lines if STARTS_WRONG.match(line)]


def test_a_report_never_starts_a_line_at_a_no_break_space() -> None:
    for width in range(30, 70):  # the longest run held together is 29 cells: wider, it never folds
        console = SafeConsole(width=width, record=True, color_system=None)
        console.print(Text(FRENCH))
        lines = console.export_text().splitlines()
        assert wrong_starts(lines) == [], (width, lines)


class _OneText(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(FRENCH, id="text")


async def test_a_screen_never_starts_a_line_at_a_no_break_space() -> None:
    for width in (31, 37, 45, 52):
        app = _OneText()
        async with app.run_test(size=(width, 12)) as pilot:
            await pilot.pause()
            lines = screen_text(app).splitlines()
        assert wrong_starts(lines) == [], (width, lines)
