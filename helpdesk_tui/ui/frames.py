"""Frame pacing: a change reaches the screen at most one frame period later.

Textual paints a screen from a repeating timer that is paused while nothing
changes and resumed by the next change. Its timer keeps to a fixed grid and,
when a frame ran late, skips ahead: the next frame after a busy one can come
two periods later, and after a one-second SLA tick that is where a key press
lands (measured: 10-20 ms between a key's effect and its frame at 120 frames
a second). The exam's screens use `FrameTimer` instead, which paints as soon
as a change comes if a whole period has passed since the last frame, and
otherwise one period after it. Frames are still only drawn when something
changed, and never more often than `TEXTUAL_FPS` allows.

This replaces a private part of Textual's `Screen` (`_update_timer`); Textual
is pinned (see docs/known-issues.md), and `tests/ui/test_frames.py` checks
that the screens still use it.

`Paced` is the first base of every screen of ours, so it also carries
`DismissOnce`: a screen closes only while it is the one on top.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

from textual import constants, events
from textual._time import get_time, sleep
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.timer import Timer

from helpdesk_tui.ui.paint import CroppedCompositor, DimmedBehind
from helpdesk_tui.ui.pane_layout import lay_out_pane

FRAME_PERIOD = 1 / constants.MAX_FPS
KEY_JOINS_TURNS = 16
"""Turns of the event loop a frame gives a waiting key to be handled (`_key_joins`): a
key goes from the app to the focused widget and bubbles up to its binding in a few."""


def frame_delay(last_frame: float, now: float, period: float = FRAME_PERIOD) -> float:
    """How long a change waits for its frame: none once a period has passed."""
    return max(0.0, last_frame + period - now)


class FrameTimer(Timer):
    """A paused-until-needed timer measured from the last frame, not a grid."""

    def __init__(self, screen: Screen[object], period: float = FRAME_PERIOD) -> None:
        super().__init__(
            screen,
            period,
            name="screen_update",
            callback=screen._on_timer_update,
            pause=True,
        )
        self.last_frame = -math.inf

    async def _run(self) -> None:
        while True:
            await self._active.wait()
            wait = frame_delay(self.last_frame, get_time(), self._interval)
            if wait > 0:
                await sleep(wait)
                await self._active.wait()  # paused again meanwhile: wait for the next change
            await self._key_joins()
            self.last_frame = get_time()
            await self._tick(next_timer=self.last_frame, count=0)

    async def _key_joins(self) -> None:
        """A frame that shows no key (nothing typed since the last frame: the one-second
        tick's clocks, a customer's message) first lets a key on its way land: one sent
        by the terminal's driver while the loop was busy (a key typed during the tick's
        redraw) reaches the app's queue a loop turn or two later. If one is there, or in
        the queue of the focused widget or one above it, the frame waits until it has been
        handled (at most `KEY_JOINS_TURNS` turns and one period) and shows it too. Painted
        first, such a frame made the key wait for its paint and then a whole period for a
        frame of its own: the tick's frame caught keys typed during its redraw that way
        (issue 14, `bench_mix_tail.py`: 2-5 % of the mix's keys, half its top 5 %). A
        key's own frame does not wait."""
        screen: Any = self._target()
        if screen is None:
            return
        app = screen.app
        if getattr(app, "_last_key_time", math.inf) >= self.last_frame:
            return  # a key was handled since the last frame: this frame is a key's
        await asyncio.sleep(0)  # textual's `sleep` does not yield for less than 0.5 ms
        await asyncio.sleep(0)  # the driver's post: a task made, then run
        if not key_on_its_way(screen):
            return
        until = get_time() + self._interval
        for _turn in range(KEY_JOINS_TURNS):
            await asyncio.sleep(0)
            if not key_on_its_way(screen):
                await asyncio.sleep(0)  # the handler's own next step (its action runs after it)
                return
            if get_time() >= until:
                return


def key_on_its_way(screen: Any) -> bool:
    """Whether a key waits in the app's message queue or in that of the screen's focused
    widget or one of its ancestors (a key bubbling up to a binding)."""
    try:
        app = screen.app
    except Exception:  # a screen no longer attached to an app
        return False
    focused = screen.focused
    nodes = [app, *(focused.ancestors_with_self if focused is not None else (screen,))]
    return any(
        isinstance(message, events.Key) for node in nodes for message in node._message_queue.values
    )


class DismissOnce:
    """Mixin for a screen: `dismiss` does nothing unless the screen is on top.

    Textual's `Screen.dismiss` calls the screen's result callback and then pops
    *whatever screen is on top*. Two Enters queued before the first is handled
    (a held key, a fast typist) dismissed a choice list twice: the second popped
    the form under it, or the main screen, and the app died with a
    ScreenStackError (`tests/ui/test_key_fuzz.py`). A form answered twice
    would also have submitted twice. The first dismiss takes the screen off
    the stack at once, so "on top" is also "not dismissed yet".
    """

    def dismiss(self, result: object = None) -> AwaitComplete:
        assert isinstance(self, Screen)
        stack = self.app.screen_stack if self.is_attached else []
        if not stack or stack[-1] is not self:
            return AwaitComplete.nothing()
        return super().dismiss(result)  # type: ignore[misc]


class Paced(DismissOnce, DimmedBehind):
    """Mixin, first among a screen's bases: the screen is painted by `FrameTimer`,
    each partial frame paints only the widgets and lines under its change
    (`CroppedCompositor`), and a dialog renders again only the lines of the dimmed
    screen behind it that changed (`DimmedBehind`)."""

    _frame_timer: FrameTimer | None = None
    _in_frame = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = CroppedCompositor()

    def _on_timer_update(self) -> None:
        self._in_frame = True
        try:
            super()._on_timer_update()  # type: ignore[misc]
        finally:
            self._in_frame = False

    _whole_layout = True
    """Whether the screen itself asked for a layout since its last one (Textual's
    `refresh(layout=True)` on it, a new stylesheet): then no pane is laid out alone."""
    _noting_layout = False

    @property
    def _layout_required(self) -> bool:
        return bool(self.__dict__.get("_layout_asked", False))

    @_layout_required.setter
    def _layout_required(self, value: bool) -> None:
        """Textual's flag; set other than by a widget's request (`_on_layout`), it is
        the screen's own request, for a whole layout."""
        if value and not self._noting_layout:
            self._whole_layout = True
        self.__dict__["_layout_asked"] = value

    async def _on_layout(self, message: Any) -> None:
        """Textual's: a widget's request for a layout, noted with the pane it is in."""
        self._noting_layout = True
        try:
            await super()._on_layout(message)  # type: ignore[misc]
        finally:
            self._noting_layout = False

    def _refresh_layout(self, size: Any = None, scroll: bool = False) -> None:
        """Textual's, or for a change inside one pane (the reply box growing a line)
        only that pane's (`pane_layout`).

        Textual's pauses the frame timer: a frame already asked for but not yet
        drawn then waited for the next change. Textual's `push_screen` asks the screen it
        covers for a repaint, and the dialog's first resize lays that screen out again
        (`Screen._screen_resized`); when the dialog mounted within one frame period,
        that repaint came with the first change behind the dialog, as the whole screen
        passed up (`DimmedBehind`): a whole dimmed render instead of the changed lines,
        depending on how fast the dialog mounted. A layout refresh outside a frame now
        leaves a pending frame due, as it was before the refresh."""
        if size is not None or scroll or self._whole_layout or not lay_out_pane(self):
            self._whole_layout = False
            super()._refresh_layout(size, scroll)  # type: ignore[misc]
        screen: Any = self
        if self._in_frame or not screen.is_current:
            return
        if (
            screen._repaint_required
            or screen._layout_required
            or screen._scroll_required
            or screen._dirty_widgets
        ):
            screen._update_timer.resume()

    @property
    def _update_timer(self) -> Timer:
        if self._frame_timer is None:
            assert isinstance(self, Screen)
            self._frame_timer = FrameTimer(self)
            self._frame_timer._start()
            self._timers.add(self._frame_timer)
        return self._frame_timer
