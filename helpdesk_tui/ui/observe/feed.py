"""The observer's feed of records, wrapped again when its width changes.

Textual's `RichLog` wraps a line once, when it is written: after a resize the
records written before kept their old width (cut, or wrapped at the old
width). `Feed` keeps what it was given (as many records as the log keeps lines,
so the work is bounded) and writes them all again when its width changes.
"""

from __future__ import annotations

from collections import deque

from rich.text import Text
from textual import events
from textual.widgets import RichLog


class Feed(RichLog):
    """A RichLog of Text records that re-wraps them all on a change of width."""

    def __init__(self, *, max_lines: int, **kwargs: object) -> None:
        super().__init__(max_lines=max_lines, **kwargs)  # type: ignore[arg-type]
        self._kept: deque[Text] = deque(maxlen=max_lines)
        self._wrapped_at = 0

    def add(self, record: Text) -> None:
        """Write a record, and keep it for a later re-wrap."""
        self._kept.append(record)
        self.write(record)

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        if self._size_known and width and self._wrapped_at and width != self._wrapped_at:
            self._rewrap()
        if width:
            self._wrapped_at = width

    def _rewrap(self) -> None:
        """Every kept record again, at the new width; the view stays at the end when it
        was there (a feed followed live), else where it was."""
        at_end = self.is_vertical_scroll_end
        scroll_y = self.scroll_y
        self.clear()
        for record in self._kept:
            self.write(record, scroll_end=False)
        if at_end:
            self.scroll_end(animate=False, immediate=True)
        else:
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
