"""The top line: which exam, the exam clock and the time left.

One widget that draws itself (title on the left, clocks on the right), so the
clock ticking every second repaints one line and nothing else.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widget import Widget

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.format import clock

LAST_MINUTES_S = 300.0
"""The time left turns to a warning in the last five minutes."""
TITLE_MIN = 16
"""The fewest cells of the scenario's title kept beside both clocks before the exam
clock gives way."""


class ExamHeader(Widget):
    """Scenario title and mode on the left; exam clock and time left on the right."""

    COMPONENT_CLASSES = {"exam-header--title", "exam-header--clock", "exam-header--urgent"}

    def __init__(self, title: str, mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._title = title
        self._mode = mode
        self.tooltip = title  # whole, however narrow the terminal
        self._shown: tuple[int, int] | None = None

    def show_time(self, elapsed: float, left: float) -> None:
        """Repaint only when a displayed second changed (called on every tick)."""
        key = (int(elapsed), int(left))
        if key != self._shown:
            self._shown = key
            self.refresh()

    def render(self) -> Text:
        """The scenario's title whole wherever it can be, and both clocks: on a narrow
        terminal the app's name gives way first, then the clocks' labels shorten
        ("Exam 0:12:34   Left 4:47:26"), then the mode, then the title is cut (it is
        whole in F1's list and the header's tooltip) down to `TITLE_MIN` cells; only
        then does the exam clock go (the time left stays). At 100 columns "Monday
        morning at the N…" lost the end of the title; in Dutch and French the exam
        clock was left out at 100 and 120 columns (qa-play9)."""
        elapsed, left = self._shown or (0, 0)
        clock_style = self.get_component_rich_style(
            "exam-header--urgent" if left < LAST_MINUTES_S else "exam-header--clock"
        )
        time_left = Text.assemble((_("Time left") + " ", "dim"), (clock(left), clock_style), " ")
        both = Text.assemble(
            (_("Exam time") + " ", "dim"), (clock(elapsed), "bold"), "   ", time_left
        )
        short_left = Text.assemble((_("Left") + " ", "dim"), (clock(left), clock_style), " ")
        short = Text.assemble((_("Exam") + " ", "dim"), (clock(elapsed), "bold"), "  ", short_left)
        mode = _("practice") if self._mode == "practice" else _("exam")
        name = (_("Helpdesk exam"), "bold")
        width = self.size.width
        with_mode = Text.assemble(" ", (mode, "bold"), f" · {self._title}")
        only_title = Text.assemble(" ", (self._title, "bold"))
        choices = (
            (Text.assemble(" ", name, f" · {mode} · {self._title}"), both, 0),
            (with_mode, both, 0),
            (with_mode, short, 0),
            (only_title, short, TITLE_MIN),
            (only_title, time_left, 0),
        )
        for title, right, least in choices:
            need = least or title.cell_len
            if need + 1 + right.cell_len <= width:
                break
        room = max(0, width - right.cell_len - 1)
        title = title.copy()
        title.truncate(room, overflow="ellipsis", pad=True)
        return Text.assemble(title, " ", right, no_wrap=True)
