"""The suite's pilot wait (tests/pilot_idle.py) waits for what Textual's windows did, and more.

The expectations come from what `Pilot.press`/`Pilot.pause()` promise a test (the app
has handled the key, short timers have fired), not from the wait's code.
"""

from __future__ import annotations

import os
import time

import pilot_idle
import pytest
import textual.app
import textual.pilot
from textual import work
from textual.app import App

pytestmark = pytest.mark.skipif(
    os.environ.get(pilot_idle.WINDOWS_ENV) == "1", reason="Textual's own windows asked for"
)


class Probe(App[None]):
    """Records what its timer and its thread worker did."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def on_mount(self) -> None:
        self.set_timer(0.01, lambda: self.seen.append("timer"))

    def on_key(self) -> None:
        self.seen.append("key")

    def key_w(self) -> None:
        self.slow()

    @work(thread=True)
    def slow(self) -> None:
        time.sleep(0.1)  # no CPU: Textual's window would have called this idle
        self.call_from_thread(self.seen.append, "worker")


def test_the_suite_uses_it_where_textual_calls_its_own() -> None:
    assert textual.pilot.wait_for_idle is pilot_idle.wait_for_idle
    assert textual.app.wait_for_idle is pilot_idle.wait_for_idle


async def test_a_timer_due_within_20_ms_has_fired_after_a_pause() -> None:
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "timer" in app.seen


async def test_a_thread_worker_started_by_a_key_has_finished_after_the_press() -> None:
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.press("w")
        assert app.seen.count("worker") == 1


async def test_ten_keys_to_an_idle_app_ask_for_no_20_ms_window() -> None:
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        slept = pilot_idle.WAITED[2]
        await pilot.press(*"abcdefghij")
        assert app.seen.count("key") == 10
        # Textual's windows: at least 2 x 20 ms a key, 0.4 s for ten.
        assert pilot_idle.WAITED[2] - slept < 0.1


async def test_a_thread_worker_is_awaited_not_polled(monkeypatch: pytest.MonkeyPatch) -> None:
    looks: list[object] = []
    own = pilot_idle._next_step

    def counted(loop: object, now: float) -> object:
        looks.append(step := own(loop, now))  # type: ignore[arg-type]
        return step

    monkeypatch.setattr(pilot_idle, "_next_step", counted)
    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        looks.clear()
        await pilot.press("w")  # a 0.1 s worker: a 1 ms poll looked at the loop some 100 times
        assert app.seen.count("worker") == 1
        assert any(isinstance(step, set) for step in looks)
        assert len(looks) < 30, len(looks)
