"""The exam clock: seconds since the exam started, on a monotonic source.

Never the wall clock: a candidate (or an NTP jump) changing the system time
must not move deadlines. The clock can be paused (an interruption, a disk
fault, the instructor's pause) and sped up in practice. The source is
injected, so tests drive time by hand with `ManualClock`.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class ExamClock:
    """Exam seconds derived from a monotonic source, pausable and scalable."""

    def __init__(
        self,
        source: Callable[[], float] = time.monotonic,
        start_at: float = 0.0,
        speed: float = 1.0,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._source = source
        self._anchor_exam = start_at
        self._anchor_source = source()
        self._speed = speed
        self._paused = False

    def now(self) -> float:
        """Exam seconds now."""
        if self._paused:
            return self._anchor_exam
        return self._anchor_exam + (self._source() - self._anchor_source) * self._speed

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def speed(self) -> float:
        return self._speed

    def pause(self) -> None:
        if not self._paused:
            self._reanchor()
            self._paused = True

    def resume(self) -> None:
        if self._paused:
            self._anchor_source = self._source()
            self._paused = False

    def set_speed(self, speed: float) -> None:
        """Change the pace (practice: x1, x2, x4) without a jump in exam time."""
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._reanchor()
        self._speed = speed

    def _reanchor(self) -> None:
        self._anchor_exam = self.now()
        self._anchor_source = self._source()


class ManualSource:
    """A monotonic source that moves only when a test says so."""

    def __init__(self, start: float = 0.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic source cannot go back")
        self.value += seconds


class ManualClock(ExamClock):
    """An exam clock on a `ManualSource`: `advance()` moves it."""

    def __init__(self, start_at: float = 0.0, speed: float = 1.0) -> None:
        self.source = ManualSource()
        super().__init__(self.source, start_at=start_at, speed=speed)

    def advance(self, seconds: float) -> None:
        self.source.advance(seconds)
