"""A one-line title that gives way after a whole word, as the exam's header does.

The review's and observe's title lines were Statics cut by Rich's ellipsis, which
cuts where the cells end ("… · Monda…" at 120 columns, observe's "· M…"; bugs22's
walk). Their width is known only after layout, so the cut is made when they render.
"""

from __future__ import annotations

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static

from helpdesk_tui.ui.widgets.header import cut_at_word


class TitleLine(Static):
    """A Static for one line of Rich `Text`: whole where it fits, else cut after the last
    word that leaves room for "…" (`cut_at_word`), at whatever width layout gives it."""

    def render(self) -> VisualType:
        content = self.content
        if not isinstance(content, Text):
            return super().render()
        return cut_at_word(content, max(0, self.content_size.width))
