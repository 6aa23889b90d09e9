"""What a log's wall clock did: stepped back, or stands past the reader's now.

Only the exam time is the log's order (monotonic; a record before the one ahead of it
is a fault). The wall is the exam server's clock, which an NTP step or `date -s` may
move either way in a running exam; so a wall that goes back, or one in year 9999, is a
note for the assessor, never a fault (sec19: a re-signed log with every wall an hour
back verified with no word). The exam writes `...Z` walls of one length, which compare
as strings; anything else is parsed."""

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
    """Fed each record's wall in log order: `forward` for the common case, else `see`."""

    last: str = ""
    latest: str = ""
    latest_line: int = 0
    first_back: StepBack | None = None
    steps_back: int = 0

    def forward(self, line: int, wall: str) -> bool:
        """The exam's own case, taken as strings: a `Z` wall as long as the last, not
        before it, while the last is the latest. False: `see` must read it."""
        last = self.last
        if last is self.latest and len(wall) == len(last) and wall >= last and wall[-1:] == "Z":
            self.last = self.latest = wall
            self.latest_line = line
            return True
        return False

    def see(self, line: int, seq: int, wall: str) -> None:
        """Any wall, read as a time: a step back of `STEP` or more is counted (the first
        kept), and the latest wall kept."""
        when, last = parse_wall(wall), parse_wall(self.last)
        if when is not None and last is not None and when <= last - STEP:
            self.steps_back += 1
            if self.first_back is None:
                self.first_back = StepBack(line, seq, self.last, wall)
        latest = parse_wall(self.latest)
        if when is not None and (latest is None or when >= latest):
            self.latest, self.latest_line = wall, line
        self.last = self.latest if self.latest == wall else wall

    def ahead_of(self, now: datetime) -> bool:
        """Whether the log's latest wall stands past `now` (the reader's clock) by a day."""
        latest = parse_wall(self.latest)
        return latest is not None and latest > now + AHEAD
