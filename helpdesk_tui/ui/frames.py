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

import math
from typing import Any

from textual import constants
from textual._time import get_time, sleep
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.timer import Timer

from helpdesk_tui.ui.paint import CroppedCompositor, DimmedBehind

FRAME_PERIOD = 1 / constants.MAX_FPS


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
            self.last_frame = get_time()
            await self._tick(next_timer=self.last_frame, count=0)


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

    def _refresh_layout(self, size: Any = None, scroll: bool = False) -> None:
        """Textual's, which pauses the frame timer: a frame already asked for but not yet
        drawn then waited for the next change. Textual's `push_screen` asks the screen it
        covers for a repaint, and the dialog's first resize lays that screen out again
        (`Screen._screen_resized`); when the dialog mounted within one frame period,
        that repaint came with the first change behind the dialog, as the whole screen
        passed up (`DimmedBehind`): a whole dimmed render instead of the changed lines,
        depending on how fast the dialog mounted. A layout refresh outside a frame now
        leaves a pending frame due, as it was before the refresh."""
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
