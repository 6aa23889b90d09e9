"""A key goes before the scheduler tick's redraw (issue 14: the key mix's p99).

When the tick comes while a key waits for its frame, what fell due is fired and
logged at once, and the redraw (the queue's SLA cells, the clocks) comes one frame
period later: the screen then shows what an undelayed tick shows.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual._time import get_time

import helpdesk_tui.ui.app as app_module
from helpdesk_tui.ui.app import TICK_S, ExamApp
from helpdesk_tui.ui.frames import FRAME_PERIOD

from .conftest import SIZE, Rig, make_rig, screen_text


def _record(app: ExamApp, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the tick does, in order: the controller's tick, sleeps, the redraw."""
    calls: list[Any] = []
    tick, redraw, sleep = app.controller.tick, app.main.redraw, app_module.asyncio.sleep

    def tick_(*args: Any, **kwargs: Any) -> Any:
        calls.append(("tick", len(app.controller.session.sink.events)))  # type: ignore[attr-defined]
        return tick(*args, **kwargs)

    def redraw_(*args: Any, **kwargs: Any) -> Any:
        calls.append(("redraw", len(app.controller.session.sink.events)))  # type: ignore[attr-defined]
        return redraw(*args, **kwargs)

    async def sleep_(delay: float, *args: Any) -> Any:
        calls.append(("sleep", delay))
        return await sleep(delay, *args)

    monkeypatch.setattr(app.controller, "tick", tick_)
    monkeypatch.setattr(app.main, "redraw", redraw_)
    monkeypatch.setattr(app_module.asyncio, "sleep", sleep_)
    return calls


async def _tick_past_next_stimulus(rig: Rig, input_waiting: bool, monkeypatch: Any) -> Any:
    """Move the clock past the next stimulus and run one scheduler tick."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        due = rig.session.stimuli.next_due(rig.state)
        assert due is not None
        rig.clock.advance(due - rig.controller.now() + 0.5)
        before = len(rig.sink.events)
        if input_waiting:
            app._last_key_time = get_time()  # a key handled after the frame on screen began
        assert app.input_waiting() is input_waiting
        calls = _record(app, monkeypatch)
        app.tick_interval = TICK_S  # this one tick runs; the next one it sets finds None
        await app._scheduled_tick()
        app.tick_interval = None
        monkeypatch.undo()
        await pilot.pause()
        shown = screen_text(app)
        logged = [(e.type, e.data) for e in rig.sink.events[before:]]
        app.exit()
    return calls, shown, logged, before


async def test_a_tick_with_a_key_waiting_logs_at_once_and_redraws_a_frame_later(
    mini: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, shown, logged, before = await _tick_past_next_stimulus(make_rig(mini), True, monkeypatch)
    assert logged, "the stimulus was not fired"
    first_tick = calls[0]
    assert first_tick == ("tick", before)
    assert calls[1] == ("sleep", FRAME_PERIOD)
    redraws = [n for kind, n in calls if kind == "redraw"]
    assert redraws and redraws[0] > before  # the stimulus was logged before the wait
    # the log and the screen are then what a tick without a key waiting gives
    at_once, undelayed, undelayed_log, _ = await _tick_past_next_stimulus(
        make_rig(mini), False, monkeypatch
    )
    assert redraws[0] == [n for kind, n in at_once if kind == "redraw"][0]
    assert logged == undelayed_log
    assert shown == undelayed


async def test_a_tick_with_no_key_waiting_redraws_at_once(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, _, logged, _ = await _tick_past_next_stimulus(rig, False, monkeypatch)
    assert logged
    assert not [c for c in calls if c[0] == "sleep"]
    assert [kind for kind, _ in calls][:2] == ["tick", "redraw"]


async def test_a_key_waits_until_its_frame_is_on_screen(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.input_waiting()
        app.post_message(events.Key("f4", None))  # in the app's queue, not handled yet
        assert app.input_waiting()
        await pilot.pause()  # handled, and its frame painted
        await pilot.pause()
        assert app.main.area == "conversation"
        assert not app.input_waiting()
        app.exit()


@pytest.mark.parametrize("waiting_for", [3, 1000])
async def test_the_redraw_waits_a_period_more_while_a_key_still_waits_up_to_a_bound(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, waiting_for: int
) -> None:
    """A key slower than a frame period to its frame, or the next key typed meanwhile:
    the redraw waits a period more each time one waits, and comes at the latest after
    `KEY_FIRST_MAX_S` (the clocks on screen that late at most), then once."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        asked = 0

        def waiting() -> bool:
            nonlocal asked
            asked += 1
            return asked <= waiting_for  # the tick's own ask, then one per period

        calls = _record(app, monkeypatch)
        monkeypatch.setattr(app, "input_waiting", waiting)
        app.tick_interval = TICK_S
        await app._scheduled_tick()
        app.tick_interval = None
        monkeypatch.undo()
        await pilot.pause()
        app.exit()
    sleeps = [delay for kind, delay in calls if kind == "sleep"]
    most = round(app_module.KEY_FIRST_MAX_S / FRAME_PERIOD)
    assert sleeps == [FRAME_PERIOD] * min(waiting_for, most)
    kinds = [kind for kind, _ in calls]
    assert kinds.count("redraw") == 1 and kinds.index("redraw") > kinds.index("sleep")
    assert kinds[-1] == "redraw"


@pytest.mark.parametrize("joins", [True, False])
async def test_a_key_typed_during_the_ticks_redraw_shows_in_the_ticks_frame(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, joins: bool
) -> None:
    """A key the terminal's driver sends while the tick redraws reaches the app a loop
    turn or two after the redraw, when the tick's frame is due: the frame waits for it and
    shows it too (one frame: the clocks turned and the cursor moved), instead of painting
    the clocks first and the key a period later. With the wait turned off (`joins`
    False) the first frame after the tick shows the cursor where it was: the test's check
    that it sees the difference."""
    from helpdesk_tui.ui.frames import FrameTimer

    from .test_queue_keys import on_the_first_row

    if not joins:

        async def paint_at_once(self: FrameTimer) -> None:
            return None

        monkeypatch.setattr(FrameTimer, "_key_joins", paint_at_once)
    async with on_the_first_row(rig) as (app, pilot):
        queue = app.main.queue
        assert queue.row_count >= 3
        await pilot.pause(0.05)  # the last frame longer than a period ago: the next is due at once
        frames: list[tuple[int, str]] = []
        display = app._display

        def recorded(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                frames.append((queue.cursor_row, screen_text(app)))

        monkeypatch.setattr(app, "_display", recorded)
        row, before = queue.cursor_row, screen_text(app)
        app.advance(1.0)  # the tick's redraw: the clocks turn, a frame falls due
        app._driver.send_message(events.Key("down", None))  # typed during the redraw
        for _ in range(6):
            await pilot.pause()
        assert frames, "no frame"
        first_row, first_text = frames[0]
        assert first_text != before  # the tick's clocks are in it
        if joins:
            assert first_row == row + 1  # and the key
        else:
            assert first_row == row
        assert queue.cursor_row == row + 1
        app.exit()


async def test_a_keys_own_frame_does_not_wait(rig: Rig) -> None:
    """A frame after a key was handled is the key's: painted without a loop turn given
    away; a frame with no key since the last one gives the driver's post its turns."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timer: Any = app.main._update_timer
        timer.last_frame = get_time()
        app._last_key_time = timer.last_frame + 0.001  # handled since the last frame
        coro = timer._key_joins()
        with pytest.raises(StopIteration):
            coro.send(None)  # done without yielding to the loop
        app._last_key_time = timer.last_frame - 0.001  # nothing typed since
        coro = timer._key_joins()
        coro.send(None)  # it yields: a key on its way may land first
        coro.close()
        app.exit()
