"""Below 80 x 24 the exam cannot be read: say so, and pause nothing.

The notice covers the screen while the terminal is too small and goes away
when it is large enough again. Nothing stops: the exam clock, the SLA clocks
and the customers go on (as they would while a candidate looks away), keys
still reach the area that had focus, and every draft and form keeps its text,
because the widgets underneath are only out of sight, not removed.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Static

from helpdesk_tui.i18n import _

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TerminalTooSmall(Static):
    """A full-screen notice shown only while the terminal is below the minimum."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]

    def fit(self, size: Size) -> None:
        small = too_small(size)
        if small:
            self.update(
                _(
                    "The terminal is too small ({width} x {height}).\n"
                    "Enlarge it to at least {min_width} x {min_height}.\n\n"
                    "The exam goes on meanwhile: nothing is paused or lost."
                ).format(
                    width=size.width,
                    height=size.height,
                    min_width=MIN_WIDTH,
                    min_height=MIN_HEIGHT,
                )
            )
        if self.display != small:
            self.display = small
