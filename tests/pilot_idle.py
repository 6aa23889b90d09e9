"""The pilot's wait for an idle app, told by the event loop instead of 20 ms windows.

Textual's `wait_for_idle` (textual/_wait.py), which `Pilot.press` runs twice a key
and `Pilot.pause()` once, sleeps 20 ms and calls the process idle when it used
under 1 ms of CPU in that window: at least 40 ms of wall time a key in which the
worker does nothing (some 50-90 s of each worker's 6 minutes in a CI run on two
cores went to such windows, docs/known-issues.md), and under load a process that was simply not scheduled looks idle too.

This one asks the event loop what is left to do: nothing ready to run, no timer
due within the same 20 ms (a refresh, a `set_timer(0.01, ...)`: those fire and are
waited for, as the window would have), no worker of the app's still pending or
running (a thread worker's CPU is what the window measured; its task is awaited, not
polled). When all three hold
for two turns of the loop in a row the app has handled what it was sent. Once the
app is leaving, timers no longer count: Textual's do nothing then, and a screen's
refresh timer that is never paused again would keep the wait to its cap. A test
therefore sees the app in the same state, or later (a thread worker is now waited
for, not guessed at); the wait is still capped at `max_sleep`.

It is installed for the whole suite from tests/conftest.py. Where the loop is not
asyncio's own (no `_ready`/`_scheduled`), Textual's window is used. It reads private
parts of asyncio's loop and of Textual (`App._exit`, `active_app`; Textual is pinned):
check it when either is upgraded.
"""

from __future__ import annotations

import asyncio
from time import monotonic, process_time

from textual import _wait
from textual._context import active_app
from textual.worker import WorkerState

WINDOWS_ENV = "HELPDESK_SUITE_PILOT_WINDOWS"
"""Set to 1 for Textual's own windows (counted), to compare."""
HORIZON_S = _wait.SLEEP_GRANULARITY
"""A timer due within this much is waited for (Textual's window: 20 ms)."""
QUIET_TURNS = 2
"""Turns of the loop in a row with nothing to do before the app counts as idle."""
_LIVE_WORKER = (WorkerState.PENDING, WorkerState.RUNNING)
WORKER_POLL_S = 0.001
"""How often a worker that has no task yet (made, not started) is looked at again; a
started worker's task is awaited instead (`_until_idle`)."""

_textual_wait_for_idle = _wait.wait_for_idle

WAITED = [0, 0.0, 0.0]
"""Calls of the idle wait so far, the wall seconds spent in them and the seconds of
sleep they asked for, the time a quiet machine spends doing nothing in them
(`suite_speed.CpuRecord`)."""


def _next_step(
    loop: asyncio.AbstractEventLoop, now: float
) -> float | set[asyncio.Future[object]] | None:
    """None when the app is idle; else how long to sleep before looking again, or the
    tasks of the app's live workers, to be awaited until one of them ends."""
    if loop._ready:  # type: ignore[attr-defined]
        return 0.0
    app = active_app.get(None)
    if app is not None:
        live = [worker for worker in app.workers if worker.state in _LIVE_WORKER]
        if live:
            tasks = [worker._task for worker in live]
            running = {task for task in tasks if task is not None and not task.done()}
            if len(running) < len(tasks):  # made and not started, or its state not yet set
                return WORKER_POLL_S
            return running  # type: ignore[return-value]
    if app is not None and getattr(app, "_exit", False):
        return None  # Textual's timers do nothing once the app leaves (`Timer._tick`)
    due = min(
        (h.when() for h in loop._scheduled if not h.cancelled()),  # type: ignore[attr-defined]
        default=None,
    )
    if due is not None and due - now <= HORIZON_S:
        return max(0.0, due - now)
    return None


async def wait_for_idle(min_sleep: float = _wait.SLEEP_GRANULARITY, max_sleep: float = 1) -> None:
    """Return once the app has nothing left to do now or within `HORIZON_S` (see the module)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        if hasattr(loop, "_ready") and hasattr(loop, "_scheduled"):
            await _until_idle(loop, start, min_sleep, max_sleep)
        else:
            await _textual_wait_for_idle(min_sleep, max_sleep)
    finally:
        WAITED[0] += 1
        WAITED[1] += loop.time() - start


async def textual_windows(min_sleep: float = _wait.SLEEP_GRANULARITY, max_sleep: float = 1) -> None:
    """Textual's own wait (the loop of textual/_wait.py), counted in `WAITED`
    (HELPDESK_SUITE_PILOT_WINDOWS=1, to compare)."""
    start = monotonic()
    try:
        while True:
            cpu = process_time()
            await asyncio.sleep(_wait.SLEEP_GRANULARITY)
            WAITED[2] += _wait.SLEEP_GRANULARITY
            elapsed = monotonic() - start
            if elapsed >= max_sleep:
                break
            if elapsed > min_sleep and process_time() - cpu < _wait.SLEEP_IDLE:
                break
    finally:
        WAITED[0] += 1
        WAITED[1] += monotonic() - start


async def _until_idle(
    loop: asyncio.AbstractEventLoop, start: float, min_sleep: float, max_sleep: float
) -> None:
    if min_sleep > 0:
        WAITED[2] += min_sleep
        await asyncio.sleep(min_sleep)
    quiet = 0
    while quiet < QUIET_TURNS and loop.time() - start < max_sleep:
        await asyncio.sleep(0)
        step = _next_step(loop, loop.time())
        if step is None:
            quiet += 1
            continue
        quiet = 0
        if isinstance(step, set):
            # The workers' own tasks, awaited: the loop wakes this wait when one ends
            # (a thread worker's thread hands its result back through the loop), where a
            # 1 ms poll turned the loop over and over meanwhile (CPU, more under load).
            # Counted as asked-for sleep, as the polls were: time a quiet machine waits.
            before = loop.time()
            await asyncio.wait(step, timeout=max(0.0, max_sleep - (before - start)))
            WAITED[2] += loop.time() - before
        elif step > 0:
            WAITED[2] += step
            await asyncio.sleep(step)


def install(windows: bool = False) -> None:
    """Put this wait (or, with `windows`, Textual's own, counted) where Textual's pilot
    and `App._press_keys` call theirs."""
    import textual.app
    import textual.pilot

    wait = textual_windows if windows else wait_for_idle
    for module in (textual.pilot, textual.app):
        module.wait_for_idle = wait  # type: ignore[attr-defined]
