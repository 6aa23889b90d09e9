"""What a log's wall clock did: stepped back, or stands past the reader's now.

Only the exam time is the log's order (monotonic; a record before the one ahead of it
is a fault). The wall is the exam server's clock, which an NTP step or `date -s` may
move either way in a running exam; so a wall that goes back, or one in year 9999, is a
note for the assessor, never a fault (sec19: a re-signed log with every wall an hour
back verified with no word). The exam writes `...Z` walls of one length, which compare
as strings; only those that do not sort after the one before are parsed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from helpdesk_tui.core.events import parse_wall

STEP = timedelta(seconds=1)
"""A wall this much before the one of the record before it is a step back."""
AHEAD = timedelta(days=1)
"""A wall this far past the reader's clock stands in the future (time zones are in the
walls; a day covers a reader's clock that is itself a little wrong)."""


@dataclass(slots=True)
class StepBack:
    line: int
    seq: int
    before: str
    after: str


@dataclass(slots=True)
class Walls:
    """What the verifier's loop hands over: only the walls that sort before the one of the
    record before them, or are written otherwise (`see`); the last wall is the summary's
    `ended`. Walls that only move on cost the loop a string comparison (perf20's budget)."""

    peak: str = ""
    peak_line: int = 0
    first_back: StepBack | None = None
    steps_back: int = 0

    def see(self, line: int, seq: int, before: str, wall: str) -> None:
        """Record `line`'s `wall` after `before` (the wall of the record before it), read as
        times: a step back of `STEP` or more is counted (the first kept), and the latest
        wall seen so far kept (a step back follows the highest wall before it)."""
        when, last = parse_wall(wall), parse_wall(before)
        if when is not None and last is not None and when <= last - STEP:
            self.steps_back += 1
            if self.first_back is None:
                self.first_back = StepBack(line, seq, before, wall)
        peak = parse_wall(self.peak)
        for text, at, time in ((before, line - 1, last), (wall, line, when)):
            if time is not None and (peak is None or time > peak):
                self.peak, self.peak_line, peak = text, at, time

    def latest(self, ended: str, ended_line: int) -> tuple[str, int]:
        """The latest wall of the log, and its line: the peak `see` kept, or the last."""
        peak, last = parse_wall(self.peak), parse_wall(ended)
        if peak is not None and (last is None or peak > last):
            return self.peak, self.peak_line
        return ended, ended_line


def ahead_of(wall: str, now: datetime) -> bool:
    """Whether `wall` stands past `now` (the reader's clock) by more than `AHEAD`."""
    when = parse_wall(wall)
    return when is not None and when > now + AHEAD
