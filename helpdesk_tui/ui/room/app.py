"""`RoomApp`: the proctor's live view of a whole sitting (`helpdesk-exam room`).

Like `ObserveApp` it only reads: it polls every log of the room on a timer
(`poll_interval`; tests pass None and call `poll()` themselves), has no
command palette and none of Textual's default bindings, and ends cleanly on
SIGHUP and SIGTERM (textual#5140). Enter on a candidate pushes `observe`'s
own screen; while it is on top, the timer polls that screen too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import App

from helpdesk_tui.i18n import _
from helpdesk_tui.sitting.room import Room
from helpdesk_tui.ui.nowayout import VIEWER_BURST_STOPS, VIEWER_TYPED_AT_ONCE, NoWayOut
from helpdesk_tui.ui.observe.app import CSS as OBSERVE_CSS
from helpdesk_tui.ui.observe.app import exit_on_hangup
from helpdesk_tui.ui.observe.screen import ObserveScreen
from helpdesk_tui.ui.room.screen import RoomScreen

POLL_S = 1.0
"""How often every log's size is looked at: a room of 40 reads only what grew."""


class RoomApp(NoWayOut, App[None], inherit_bindings=False):
    """The room view."""

    TYPED_AT_ONCE = VIEWER_TYPED_AT_ONCE  # two letters at once are pasted, not keys
    BURST_STOPS = VIEWER_BURST_STOPS + "\r"  # leave; Enter opens a candidate

    CSS_PATH = OBSERVE_CSS  # the observe screen it opens needs its styles; paths are alike
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        room: Room,
        *,
        title: str = "",
        poll_interval: float | None = POLL_S,
        wall_clock: Callable[[], datetime] | None = None,
        handle_signals: bool = False,
    ) -> None:
        super().__init__()
        self.title = _("helpdesk-exam room")
        self.poll_interval = poll_interval
        self.handle_signals = handle_signals
        self.room_screen = RoomScreen(room, title=title, wall_clock=wall_clock)

    def on_mount(self) -> None:
        self.push_screen(self.room_screen)

    def on_ready(self) -> None:
        if self.poll_interval:
            self.set_interval(self.poll_interval, self.poll)
        if self.handle_signals:
            exit_on_hangup(self)

    def poll(self) -> None:
        """One look at the room (and at the candidate being observed, if one is)."""
        self.room_screen.poll()
        # Pushed but not yet composed (the timer ticked right after Enter): it has no
        # widgets to draw on yet, and its own mount polls the log (qa-sitting8: a traceback).
        if isinstance(self.screen, ObserveScreen) and self.screen.is_mounted:
            self.screen.poll()
