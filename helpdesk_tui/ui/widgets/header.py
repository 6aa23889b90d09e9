"""The top line: which exam, the exam clock and the time left."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.format import clock

LAST_MINUTES_S = 300.0
"""The time left turns to a warning in the last five minutes."""


class ExamHeader(Horizontal):
    """Scenario title and mode on the left; exam clock and time left on the right."""

    def __init__(self, title: str, mode: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._title = title
        self._mode = mode
        self._shown: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        mode = _("practice") if self._mode == "practice" else _("exam")
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(_("Helpdesk exam"), style="bold")
        title.append(f" · {mode} · {self._title}")
        yield Static(title, id="header-title")
        yield Static("", id="header-clock")

    def show_time(self, elapsed: float, left: float) -> None:
        """Redraw only when a displayed second changed (called on every tick)."""
        key = (int(elapsed), int(left))
        if key == self._shown:
            return
        self._shown = key
        line = Text(no_wrap=True)
        line.append(_("Exam time") + " ", style="dim")
        line.append(clock(elapsed), style="bold")
        line.append("   ")
        line.append(_("Time left") + " ", style="dim")
        line.append(clock(left), style="bold")
        self.query_one("#header-clock", Static).update(line, layout=False)
        self.set_class(left < LAST_MINUTES_S, "-last-minutes")
