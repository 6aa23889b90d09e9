"""When the exam's terminal counts as lost, and what a slow one gets instead.

A lost terminal ends a locked exam as interrupted (`runtime.signals.StopSignals`:
logged, unsealed, resumable). That is right when nobody can be at the other end,
and a way out when somebody still is, so the line is drawn here, once:

- **lost**: a hang-up (SIGHUP, `runtime.signals`), the terminal's POLLHUP, POLLERR
  or POLLNVAL (the other end closed, the descriptor gone), end-of-file on its input,
  and a read or a write that fails with EIO, EPIPE, ENXIO or EBADF (the line is
  gone: sshd dropped it, the window was closed);
- **not lost**: output that is slow or stalled (an ssh link, a proctor's tmux, a
  paused terminal emulator, scroll-lock, a reader starved of CPU), a flood of input,
  and any other failed write (EAGAIN on a descriptor someone made non-blocking, a
  text the encoder refused). A stalled reader comes back; ending the exam for it
  gave a candidate a way out (stop reading, or paste enough to make the exam paint
  faster than the line drains) and cost an honest one the rest of the sitting.

A stalled terminal must not stop the exam either. Textual's event loop hands each
frame to an output thread through a queue; when the queue was full the loop
waited, so while nobody read the terminal the exam's clocks, its timetable and
the log of the candidate's keys stood still with it. `OutputGate` decides per
frame instead: queue it while fewer than `QUEUE_FRAMES` wait, else drop it and
ask for one full repaint once the queue has drained (a frame is a difference to
the one before, so the screen must be painted whole after any was dropped).
Memory stays bounded by the queue; the loop never waits on the terminal.

The gate measures how long the write in progress has been blocked on an injected
clock (`stalled_s`), for the figures; no stall, however long, makes the terminal
lost. A line that is really gone fails its write (EIO) or reports POLLHUP within
the watcher's poll, and a dead ssh link is ended by sshd's own keep-alive, which
closes the line (`ClientAliveInterval`, docs/deployment.md).
"""

from __future__ import annotations

import errno
import select
import threading
from collections.abc import Callable

QUEUE_FRAMES = 30
"""Frames waiting for the terminal at most (Textual's own writer queues 30): beyond it a
frame is dropped, not waited for."""
GONE_ERRNOS = frozenset({errno.EIO, errno.EPIPE, errno.ENXIO, errno.EBADF})
"""A read or write failing with one of these: the terminal is gone."""
HANGUP_MASK = select.POLLHUP | select.POLLERR | select.POLLNVAL
"""A poll of the terminal returning one of these: its other end closed, or it is gone."""


def lost_on_error(exc: BaseException) -> bool:
    """Whether a failed read or write of the terminal means it is gone (not merely slow)."""
    return isinstance(exc, OSError) and exc.errno in GONE_ERRNOS


def lost_on_poll(mask: int) -> bool:
    """Whether a poll of the terminal says it is gone (POLLOUT not set is not gone)."""
    return bool(mask & HANGUP_MASK)


def describe(exc: BaseException) -> str:
    """An error as the log's reason names it: the errno's name (EIO), else its text."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return errno.errorcode.get(exc.errno, str(exc.errno))
    return str(exc)


class OutputGate:
    """Per frame: queue it or drop it, and whether the screen needs a full repaint.

    `offer` is called by the event loop, `started`/`finished`/`drained` by the output
    thread; a lock keeps their few fields consistent."""

    def __init__(self, clock: Callable[[], float], limit: int = QUEUE_FRAMES) -> None:
        self._clock = clock
        self.limit = limit
        self.dropped = 0
        """Frames dropped since the start (never reset: a figure)."""
        self.longest_stall_s = 0.0
        """The longest a single write was blocked on the terminal."""
        self._stale = False
        self._since: float | None = None
        self._lock = threading.Lock()

    def offer(self, waiting: int) -> bool:
        """True: queue the frame; False: `waiting` frames are already queued, drop it."""
        if waiting < self.limit:
            return True
        with self._lock:
            self.dropped += 1
            self._stale = True
        return False

    def refused(self) -> None:
        """A write failed without the terminal being gone: that frame is lost, so paint it
        all again once the queue drains."""
        with self._lock:
            self.dropped += 1
            self._stale = True

    def started(self) -> None:
        """The output thread begins a write (it may block while the reader is away)."""
        with self._lock:
            self._since = self._clock()

    def finished(self) -> None:
        """The write went through: the reader is back, or never left."""
        with self._lock:
            if self._since is not None:
                self.longest_stall_s = max(self.longest_stall_s, self._clock() - self._since)
            self._since = None

    def stalled_s(self) -> float:
        """How long the write in progress has been blocked (0 when none is)."""
        with self._lock:
            return 0.0 if self._since is None else self._clock() - self._since

    def drained(self) -> bool:
        """The queue is empty: True once after frames were dropped (paint it all again)."""
        with self._lock:
            stale, self._stale = self._stale, False
        return stale


__all__ = [
    "GONE_ERRNOS",
    "HANGUP_MASK",
    "QUEUE_FRAMES",
    "OutputGate",
    "describe",
    "lost_on_error",
    "lost_on_poll",
]
