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


class ExamHeader(Widget):
    """Scenario title and mode on the left; exam clock and time left on the right."""

    COMPONENT_CLASSES = {"exam-header--title", "exam-header--clock", "exam-header--urgent"}

    def __init__(self, title: str, mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._title = title
        self._mode = mode
        self._shown: tuple[int, int] | None = None

    def show_time(self, elapsed: float, left: float) -> None:
        """Repaint only when a displayed second changed (called on every tick)."""
        key = (int(elapsed), int(left))
        if key != self._shown:
            self._shown = key
            self.refresh()

    def render(self) -> Text:
        elapsed, left = self._shown or (0, 0)
        clock_style = self.get_component_rich_style(
            "exam-header--urgent" if left < LAST_MINUTES_S else "exam-header--clock"
        )
        right = Text.assemble(
            (_("Exam time") + " ", "dim"),
            (clock(elapsed), "bold"),
            "   ",
            (_("Time left") + " ", "dim"),
            (clock(left), clock_style),
            " ",
        )
        mode = _("practice") if self._mode == "practice" else _("exam")
        title = Text.assemble(" ", (_("Helpdesk exam"), "bold"), f" · {mode} · {self._title}")
        room = max(0, self.size.width - right.cell_len - 1)
        title.truncate(room, overflow="ellipsis", pad=True)
        return Text.assemble(title, " ", right, no_wrap=True)
