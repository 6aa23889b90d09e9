"""A held blocked key, bounded: at most one record a second per key, the count kept.

Before sec15 every repeat of a held Ctrl+C was a `lockdown_key_blocked` record: an hour
held at 30 repeats a second is 108,000 records (some 25 MB) and as many session marks.
Now the first press of a key is logged at once; the presses within the second after it
are counted, and the next record of that key (a press once the second is over, or the
tick's) carries them in its `count` (the attempts the record stands for; absent: 1). So the
sum of the counts is the number of attempts, for a log written either way: the reducer's
`SessionMark.count`, the report's Session part and the room read both alike.

The terminal's size records (`TERMINAL_TOO_SMALL`, `TERMINAL_LARGE_ENOUGH`) are not counted
here: they are a state, not an attempt, and have their own bound (the last state a second,
`ui.app.ExamApp._log_size_if_due`).

Pure: exam time is given, nothing is written here (the controller logs what it returns).
"""

from __future__ import annotations

from typing import Any

from helpdesk_tui.core.state import TERMINAL_LARGE_ENOUGH, TERMINAL_TOO_SMALL

BLOCKED_RECORD_EVERY_S = 1.0
"""At most one record per blocked key this often (exam time)."""


def blocked_data(key: str, count: int) -> dict[str, Any]:
    """The record's data: `count` only when it stands for more than one attempt (a log
    without held keys reads as before)."""
    return {"key": key, "count": count} if count > 1 else {"key": key}


class BlockedKeys:
    """Which blocked attempts to log now, per key, at most one record a second."""

    def __init__(self, every_s: float = BLOCKED_RECORD_EVERY_S) -> None:
        self.every_s = every_s
        self._logged_at: dict[str, float] = {}
        self._pending: dict[str, int] = {}

    def press(self, key: str, now: float) -> dict[str, Any] | None:
        """An attempt at exam time `now`: the data to log now, or None (counted for later)."""
        if key.startswith((TERMINAL_TOO_SMALL, TERMINAL_LARGE_ENOUGH)):
            return {"key": key}
        last = self._logged_at.get(key)
        if last is not None and now - last < self.every_s:
            self._pending[key] = self._pending.get(key, 0) + 1
            return None
        self._logged_at[key] = now
        return blocked_data(key, self._pending.pop(key, 0) + 1)

    def due(self, now: float, *, everything: bool = False) -> list[dict[str, Any]]:
        """The counted attempts whose second is over (all of them at the end): their data."""
        out = []
        for key, count in list(self._pending.items()):
            if everything or now - self._logged_at[key] >= self.every_s:
                del self._pending[key]
                self._logged_at[key] = now
                out.append(blocked_data(key, count))
        return out

    @property
    def pending(self) -> int:
        """Attempts counted and not logged yet."""
        return sum(self._pending.values())
