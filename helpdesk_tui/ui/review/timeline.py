"""The timeline bar under the review header: where in the exam the scrubber stands.

One line is the whole exam: each column a stretch of exam time, shaded by
how many records fall in it (busy and quiet stretches show at a glance), the
records of the competency being judged marked in yellow, the moment shown in
reverse. The second line says when that is and which record it is. A click
on the bar asks to go to that moment (`Seek`); keys are the screen's.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from helpdesk_tui.ui.format import clock

SHADES = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Moment:
    """What the second line tells: the time, the record, and how far through the log."""

    time: float
    index: int
    total: int
    seq: int | None
    text: str
    evidence: str = ""


class Timeline(Widget):
    """A density bar of the exam with the scrubber's moment and the evidence marks."""

    DEFAULT_CLASSES = "timeline"

    @dataclass
    class Seek(Message):
        """A click on the bar: go to this exam time."""

        exam_time: float

    def __init__(self, times: Sequence[float], end: float, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._times = times
        self._end = max(end, 1.0)
        self._moment = Moment(0.0, 0, len(times), None, "")
        self._marks: list[float] = []
        self._marked: tuple[int, frozenset[int]] | None = None
        self._density: tuple[int, list[int]] | None = None

    def show(self, moment: Moment) -> None:
        self._moment = moment
        self.refresh()

    def set_marks(self, times: list[float]) -> None:
        """The exam times of the records to mark (the selected competency's evidence)."""
        self._marks = sorted(times)
        self._marked = None
        self.refresh()

    def column_of(self, exam_time: float, width: int) -> int:
        return min(width - 1, max(0, int(exam_time / self._end * width)))

    def _marked_columns(self, width: int) -> frozenset[int]:
        """The columns holding a marked record, computed once per width and set of marks
        (a competency can have thousands of records on a long log)."""
        if self._marked is None or self._marked[0] != width:
            self._marked = (width, frozenset(self.column_of(t, width) for t in self._marks))
        return self._marked[1]

    def _counts(self, width: int) -> list[int]:
        """Records per column, computed once per width."""
        if self._density is None or self._density[0] != width:
            edges = [self._end * (c + 1) / width for c in range(width)]
            cuts = [bisect.bisect_right(self._times, edge) for edge in edges]
            self._density = (width, [b - a for a, b in zip([0, *cuts[:-1]], cuts, strict=True)])
        return self._density[1]

    def render(self) -> Text:
        width = max(1, self.size.width)
        return Text("\n").join([self._bar(width), self._caption(width)])

    def _bar(self, width: int) -> Text:
        counts = self._counts(width)
        peak = max(counts) or 1
        marked = self._marked_columns(width)
        cursor = self.column_of(self._moment.time, width)
        bar = Text(no_wrap=True)
        for column, count in enumerate(counts):
            level = 0 if count == 0 else 1 + (count * (len(SHADES) - 2)) // peak
            char = SHADES[min(level, len(SHADES) - 1)]
            if column == cursor:
                bar.append("┃", style="bold reverse")
            elif column in marked:
                bar.append("▼" if count == 0 else char, style="bold yellow on grey23")
            else:
                bar.append(char, style="cyan" if column < cursor else "grey50")
        return bar

    def _caption(self, width: int) -> Text:
        m = self._moment
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(clock(m.time), style="bold")
        line.append(f" / {clock(self._end)}  ", style="dim")
        where = f"#{m.seq}" if m.seq is not None else "#–"
        line.append(f"{where} ({m.index}/{m.total})  ", style="dim")
        line.append(m.text)
        if m.evidence:
            right = Text(f"  {m.evidence}", style="yellow")
            line.truncate(max(0, width - len(right)), overflow="ellipsis")
            line.pad_right(max(0, width - len(line) - len(right)))
            line.append_text(right)
        return line

    def on_click(self, event: events.Click) -> None:
        width = max(1, self.size.width)
        if event.y == 0:
            self.post_message(self.Seek(self._end * (event.x + 0.5) / width))
