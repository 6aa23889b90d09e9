"""The top line: which exam, the exam clock and the time left.

One widget that draws itself (title on the left, clocks on the right), so the
clock ticking every second repaints one line and nothing else; and of that line,
only the clocks' digits that changed, put into the line painted before
(`retext.Retexts`: 2,100 Python calls a tick were Textual's rendering of the line).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.format import clock
from helpdesk_tui.ui.retext import Retexts, changed_runs, one_cell, same_spaces

LAST_MINUTES_S = 300.0
"""The time left turns to a warning in the last five minutes."""
TITLE_MIN = 16
"""The fewest cells of the scenario's title kept beside both clocks before the exam
clock gives way."""


LONG_WORD = 24
"""A run of text without a space longer than this is a name (a log file's, an id), not a
word: where it does not fit it is cut where the room ends, as a first word longer than the
room is (bugs23: the review's title lost a log's whole name to a cut between words)."""


def cut_at_word(text: Text, room: int) -> Text:
    """`text` in `room` cells, padded: whole if it fits, else cut after its last whole word
    that leaves room for "…" ("Monday morning at the…", never "Monday morning at the N…",
    bugs21's walk); a first word longer than the room, or a name longer than `LONG_WORD`
    where the room ends, is cut where the room ends."""
    out = text.copy()
    if out.cell_len > room and not _in_a_name(out.plain, room):
        plain = out.plain
        words = [i for i, c in enumerate(plain) if c == " " and plain[:i].strip(" ·")]
        fits = [i for i in words if cell_len(plain[:i].rstrip(" ·")) + 1 <= room]
        if fits:
            out = out[: len(plain[: fits[-1]].rstrip(" ·"))]
            out.append("…")
    out.truncate(room, overflow="ellipsis", pad=True)
    return out


def _in_a_name(plain: str, room: int) -> bool:
    """Whether the room's last cell falls inside a run without spaces longer than
    `LONG_WORD` cells."""
    at = 0
    while at < len(plain) and cell_len(plain[: at + 1]) < room:
        at += 1
    begin = plain.rfind(" ", 0, at) + 1
    end = plain.find(" ", at)
    return cell_len(plain[begin : len(plain) if end < 0 else end]) > LONG_WORD


class ExamHeader(Retexts, Widget):
    """Scenario title and mode on the left; exam clock and time left on the right."""

    COMPONENT_CLASSES = {"exam-header--title", "exam-header--clock", "exam-header--urgent"}

    def __init__(self, title: str, mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._title = title
        self._mode = mode
        self.tooltip = title  # whole, however narrow the terminal
        self._shown: tuple[int, int] | None = None
        self._clocks: tuple[object, ...] | None = None
        """The line on screen as `_line` laid it out: (width, urgent, exam clock, time
        left, the cell of each clock in the line (the exam clock's None when left out))."""

    def show_time(self, elapsed: float, left: float) -> None:
        """Repaint only when a displayed second changed (called on every tick): only the
        clocks' digits that changed, where the line is laid out as before (`_retext`);
        else the line."""
        key = (int(elapsed), int(left))
        if key == self._shown:
            return
        self._shown = key
        if not self._retext(*key):
            self.refresh()

    def _retext(self, elapsed: int, left: int) -> bool:
        """Put the clocks' new digits into the line painted before, when its layout is the
        one `_line` gives now: the same width, tone and clock lengths."""
        kept = self._clocks
        if kept is None or not self.is_mounted:
            return False
        width, urgent, shown_elapsed, shown_left, at_elapsed, at_left = kept
        now_elapsed, now_left = clock(elapsed), clock(left)
        if (self.size.width, left < LAST_MINUTES_S) != (width, urgent):
            return False
        gutter = self.content_offset
        changes = []
        for at, old, new in (
            (at_elapsed, shown_elapsed, now_elapsed),
            (at_left, shown_left, now_left),
        ):
            if at is None:
                continue
            assert isinstance(at, int) and isinstance(old, str)
            if len(old) != len(new) or not (one_cell(new) and same_spaces(old, new)):
                return False
            changes += [(gutter.x + at + x, a, b) for x, a, b in changed_runs(old, new)]
        if not self.retext_later(gutter.y, changes, gutter):
            return False
        self._clocks = (width, urgent, now_elapsed, now_left, at_elapsed, at_left)
        return True

    def _clock_labels(self) -> tuple[str, str]:
        """The running clock's label, long and short: a practice session's clock is no
        exam's ("Exam 0:00:06" in practice, bugs19's walk), in every language."""
        if self._mode == "practice":
            return _("Practice time"), _("Practice")
        return _("Exam time"), _("Exam")

    def render(self) -> Text:
        """The scenario's title whole wherever it can be, and both clocks: on a narrow
        terminal the app's name gives way first, then the clocks' labels shorten
        ("Exam 0:12:34   Left 4:47:26"), then the mode, then the title is cut (it is
        whole in F1's list and the header's tooltip) down to `TITLE_MIN` cells; only
        then does the exam clock go (the time left stays). At 100 columns "Monday
        morning at the N…" lost the end of the title; in Dutch and French the exam
        clock was left out at 100 and 120 columns (qa-play9)."""
        elapsed, left = self._shown or (0, 0)
        urgent = left < LAST_MINUTES_S
        clock_style = self.get_component_rich_style(
            "exam-header--urgent" if urgent else "exam-header--clock"
        )
        shown_elapsed, shown_left = clock(elapsed), clock(left)
        left_label, short_left_label = _("Time left") + " ", _("Left") + " "
        elapsed_label, short_label = (label + " " for label in self._clock_labels())
        time_left = Text.assemble((left_label, "dim"), (shown_left, clock_style), " ")
        both = Text.assemble((elapsed_label, "dim"), (shown_elapsed, "bold"), "   ", time_left)
        short_left = Text.assemble((short_left_label, "dim"), (shown_left, clock_style), " ")
        short = Text.assemble((short_label, "dim"), (shown_elapsed, "bold"), "  ", short_left)
        mode = self._clock_labels()[1]  # a label: "Oefenen", "Entraînement", "Exam" (bugs21)
        name = (_("Helpdesk exam"), "bold")
        width = self.size.width
        with_mode = Text.assemble(" ", (mode, "bold"), f" · {self._title}")
        only_title = Text.assemble(" ", (self._title, "bold"))
        # Where each clock starts in its right-hand part: (exam clock, time left).
        at_both = cell_len(elapsed_label)
        at_both = (at_both, at_both + len(shown_elapsed) + 3 + cell_len(left_label))
        at_short = cell_len(short_label)
        at_short = (at_short, at_short + len(shown_elapsed) + 2 + cell_len(short_left_label))
        choices = (
            (Text.assemble(" ", name, f" · {mode} · {self._title}"), both, 0, at_both),
            (with_mode, both, 0, at_both),
            (with_mode, short, 0, at_short),
            (only_title, short, TITLE_MIN, at_short),
            (only_title, time_left, 0, (None, cell_len(left_label))),
        )
        for choice in choices:
            title, right, least, at = choice
            need = least or title.cell_len
            if need + 1 + right.cell_len <= width:
                break
        room = max(0, width - right.cell_len - 1)
        title = cut_at_word(title, room)
        line = Text.assemble(title, " ", right, no_wrap=True)
        start = title.cell_len + 1
        self._clocks = (
            width,
            urgent,
            shown_elapsed,
            shown_left,
            None if at[0] is None else start + at[0],
            start + at[1],
        )
        return line
