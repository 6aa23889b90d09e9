"""sec17 (red team after the flood fix): the terminal driver's input loop after a flood.

Measured on a locked exam (benchmarks/bench_flood_keys.py, README section of branch sec17): a
Ctrl+C typed 0.1 or 0.2 s after a flood's last read was lost one time in four, because the
loop took the wait of its own `select` for "how long these bytes waited", and that select
starts again every 0.1 s with nothing to read.
And a flood's rest read late (an input thread stalled by a loaded machine) was typed: a pty
gives at most 4,095 bytes a read, so the guard's "a full read says more was waiting" never
fired. Here the loop runs for real over a pipe, with its clock and its `select` scripted (no
sleep): each step says how far the clock moves before `select` returns and what arrived. What
is expected comes from the guard's documented bounds (`FLOOD_GAP_S`, `FLOOD_PAUSE_S`), not
from the loop.
"""

from __future__ import annotations

import fcntl
import os
import struct
import termios
import threading
import types
from typing import Any

import pytest
from textual import events

from helpdesk_tui.ui import terminal
from helpdesk_tui.ui.input_guard import FLOOD_GAP_S, FLOOD_PAUSE_S, InputGuard, Pasted
from helpdesk_tui.ui.terminal import GuardedDriver

PTY_READ = 4095
"""The most a Linux pty gives one read (N_TTY keeps one byte of its 4,096 free): strace of
the exam in tmux showed every read of a flood at 4,095."""


def unread(fd: int) -> int:
    return int(struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0])


class Script:
    """A `select` that follows a script: (seconds the clock moves, bytes that arrive)."""

    def __init__(self, steps: list[tuple[float, bytes]], fd: int, stop: threading.Event) -> None:
        self.steps, self.fd, self.stop, self.now = list(steps), fd, stop, 100.0

    def clock(self) -> float:
        return self.now

    def select(self, timeout: float | None = None) -> list[Any]:
        if not self.steps:
            self.stop.set()
            return []
        moved, data = self.steps.pop(0)
        self.now += moved
        if data:
            os.write(self.fd, data)
        return [object()] if data or unread(self.read_end) else []

    read_end = -1

    def register(self, *_args: Any) -> None:
        pass

    def close(self) -> None:
        pass


def run_loop(steps: list[tuple[float, bytes]], monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What GuardedDriver's input loop hands the app for the scripted input."""
    read_end, write_end = os.pipe()
    stop = threading.Event()
    script = Script(steps, write_end, stop)
    script.read_end = read_end
    monkeypatch.setattr(terminal, "time", types.SimpleNamespace(monotonic=script.clock))
    monkeypatch.setattr(terminal.selectors, "SelectSelector", lambda: script)
    fake_os = types.SimpleNamespace(read=lambda fd, size: os.read(fd, min(size, PTY_READ)))
    monkeypatch.setattr(terminal, "os", fake_os)
    driver = GuardedDriver.__new__(GuardedDriver)  # no terminal, no app loop: only its input
    seen: list[Any] = []
    driver._app, driver._debug, driver._loop = types.SimpleNamespace(), False, None
    driver.fileno, driver.exit_event = read_end, stop
    driver.process_message = seen.append  # type: ignore[method-assign]
    try:
        driver.run_input_thread()
    finally:
        os.close(read_end)
        os.close(write_end)
    return seen


def keys(messages: list[Any]) -> list[str]:
    return [m.key for m in messages if isinstance(m, events.Key)]


FLOOD = b"A" * 79 + b"\r"


def test_a_flood_rest_read_late_is_still_the_flood(monkeypatch: pytest.MonkeyPatch) -> None:
    """8,000 bytes written at once, the last ones after two full pty reads; the thread then
    stalls 0.3 s (longer than `FLOOD_PAUSE_S`) before it reads the rest: the rest was waiting
    when it was done with the read before, so its Enter and Ctrl+C do not act."""
    body = (FLOOD * 110)[: 2 * PTY_READ] + b"\r\x03tail\r"
    steps = [(0.0, body), (0.0, b""), (0.3, b""), (0.1, b"")]
    seen = run_loop(steps, monkeypatch)
    assert keys(seen) == []
    assert "tail" in "".join(m.text for m in seen if isinstance(m, events.Paste))


def test_keys_after_a_flood_at_human_pauses_all_act(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C 0.03, 0.105, 0.205, 0.305 and 1.005 s after a flood (each after its own), each
    caught 5 ms into a fresh select after the ones that timed out: all five act. The thread
    was free that long before the key came, more than `FLOOD_GAP_S`; the old loop counted the
    last select's 5 ms, and lost the two keys that came within `FLOOD_PAUSE_S`."""
    assert FLOOD_GAP_S < 0.03 and 0.205 < FLOOD_PAUSE_S < 0.305
    steps: list[tuple[float, bytes]] = []
    for timeouts, last in ((0, 0.03), (1, 0.005), (2, 0.005), (3, 0.005), (10, 0.005)):
        steps += [(0.0, FLOOD * 20)] + [(0.1, b"")] * timeouts  # selects with nothing to read
        steps += [(last, b"\x03"), (0.1, b"")]
    seen = run_loop(steps, monkeypatch)
    assert keys(seen) == ["ctrl+c"] * 5
    assert sum(isinstance(m, events.Paste) for m in seen) == 5


def test_rest_waiting_tells_a_full_read_that_nothing_more_came() -> None:
    """A read that filled `READ_SIZE` with nothing left unread: the next key, 2 s on, acts."""
    guard = InputGuard()
    full = b"z" * 4096
    assert guard.feed(full) == [Pasted("z" * 4096)]
    guard.rest_waiting(False)
    assert guard.feed(b"\r", waited=2.0, since=2.0) == ["\r"]
    assert guard.feed(full) == [Pasted("z" * 4096)]
    guard.rest_waiting(True)  # more was waiting: its rest, however late it is read
    assert guard.feed(b"\r\x03tail", waited=2.0, since=2.0) == [Pasted("tail")]


def test_read_times_count_from_the_end_of_the_last_read() -> None:
    from helpdesk_tui.ui.input_guard import ReadTimes

    now = [10.0]
    times = ReadTimes(lambda: now[0])
    now[0] = 10.5
    assert times.read() == (0.5, 0.5)
    now[0] = 10.6
    times.handled()
    now[0] = 10.75
    waited, since = times.read()
    assert (round(waited, 3), round(since, 3)) == (0.15, 0.25)
    now[0] = 11.0
    assert round(times.silent(), 3) == 0.25
