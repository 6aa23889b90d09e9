"""`ObserveApp`: follow a running exam from a second terminal.

The app only reads: it polls the log on a timer (`poll_interval`; tests pass
None and call `poll()` themselves) and has no command palette and none of
Textual's default bindings. `q` stops observing; the exam is not affected.
Closing the terminal (SIGHUP) or a kill (SIGTERM) ends it cleanly (Textual
installs no handler of its own, textual#5140).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from datetime import datetime

from textual.app import App

from helpdesk_tui.eventlog.follow import FollowUpdate, LogFollower
from helpdesk_tui.i18n import _
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.ui.nowayout import VIEWER_BURST_STOPS, VIEWER_TYPED_AT_ONCE, NoWayOut
from helpdesk_tui.ui.observe.screen import ObserveScreen

POLL_S = 0.5
"""How often the log's size is looked at; a record shows within half a second."""

CSS = [
    "../app.tcss",
    "../widgets/queue.tcss",
    "../widgets/ticket_detail.tcss",
    "../widgets/keybar.tcss",
    "../review/panels.tcss",
]


def exit_on_hangup(app: App[None]) -> None:
    """SIGHUP (the terminal closed) and SIGTERM end a read-only view cleanly (textual#5140)."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGHUP, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, app.exit)


class ObserveApp(NoWayOut, App[None], inherit_bindings=False):
    """The live observer."""

    TYPED_AT_ONCE = VIEWER_TYPED_AT_ONCE  # two letters at once are pasted, not keys
    BURST_STOPS = VIEWER_BURST_STOPS  # leave

    CSS_PATH = CSS
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        follower: LogFollower,
        scenario: Scenario | None = None,
        *,
        poll_interval: float | None = POLL_S,
        wall_clock: Callable[[], datetime] | None = None,
        handle_signals: bool = False,
        backlog: FollowUpdate | None = None,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.title = _("helpdesk-exam observe")
        self.poll_interval = poll_interval
        self.handle_signals = handle_signals
        self.observer = ObserveScreen(
            follower, scenario, wall_clock=wall_clock, backlog=backlog, monotonic=monotonic
        )

    def on_mount(self) -> None:
        self.push_screen(self.observer)

    def on_ready(self) -> None:
        if self.poll_interval:
            self.set_interval(self.poll_interval, self.poll)
        if self.handle_signals:
            exit_on_hangup(self)

    def poll(self) -> FollowUpdate:
        """One look at the log (the timer's tick; tests call it directly)."""
        return self.observer.poll()
