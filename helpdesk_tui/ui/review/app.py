"""`ReviewApp`: one assessor's review of one log, in a terminal.

A plain Textual app around `ReviewScreen`. It does not inherit Textual's
default bindings (ctrl+q would quit at once, with verdicts unsaved) and has
no command palette (its Quit would skip the unsaved-changes question);
`q` / ctrl+q go through the screen, which asks first. Closing the terminal
(SIGHUP) or a kill (SIGTERM) ends the app cleanly: Textual installs no
handler of its own (textual#5140).

Garbage collection is scheduled around the assessor (`QuietCollector`): every
redraw leaves a few thousand small objects in reference cycles (Textual's
rendered strips and their caches), which the young-generation collections
free as they go; but a *full* collection also scans every long-lived object
of the app, some 50 to 130 ms on a 5-hour log, and landing in the middle of
a scrub it breaks the 100 ms budget. So full collections wait until the
assessor has not moved the scrubber for a moment.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Callable

from textual.app import App

from helpdesk_tui.i18n import _
from helpdesk_tui.ui.nowayout import VIEWER_BURST_STOPS, VIEWER_TYPED_AT_ONCE, NoWayOut
from helpdesk_tui.ui.review.screen import ReviewScreen
from helpdesk_tui.ui.review.session import ReviewSession

IDLE_S = 1.5
"""Seconds without a move of the scrubber after which a full collection may run."""
CHECK_S = 2.0
NO_AUTOMATIC_FULL_COLLECTION = 1_000_000


class QuietCollector:
    """Full garbage collections only while the assessor is not scrubbing (see the module doc)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_move = clock()
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Young collections as usual; full ones only from `tick`."""
        self._saved = gc.get_threshold()
        gc.set_threshold(self._saved[0], self._saved[1], NO_AUTOMATIC_FULL_COLLECTION)

    def moved(self) -> None:
        self.last_move = self.clock()

    def tick(self) -> bool:
        """Collect fully if the scrubber rested and young collections moved anything up."""
        if self.clock() - self.last_move < IDLE_S or gc.get_count()[2] == 0:
            return False
        gc.collect()
        return True

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None


CSS = [
    "../app.tcss",
    "../widgets/queue.tcss",
    "../widgets/ticket_detail.tcss",
    "../widgets/keybar.tcss",
    "panels.tcss",
    "timeline.tcss",
    "assessment.tcss",
]


class ReviewApp(NoWayOut, App[None], inherit_bindings=False):
    """The assessor's review TUI."""

    TYPED_AT_ONCE = VIEWER_TYPED_AT_ONCE  # two letters at once are pasted, not keys
    BURST_STOPS = VIEWER_BURST_STOPS + "cg"  # leave; comment, go to

    CSS_PATH = CSS
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, session: ReviewSession, *, ui_language: str = "en", handle_signals: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.ui_language = ui_language
        self.handle_signals = handle_signals
        self.title = _("helpdesk-exam review")
        self.collector = QuietCollector()
        self.review = ReviewScreen(session, ui_language, on_move=self.collector.moved)

    def on_mount(self) -> None:
        self.push_screen(self.review)
        self.collector.start()
        self.set_interval(CHECK_S, self.collector.tick)

    def on_unmount(self) -> None:
        self.collector.stop()

    def on_ready(self) -> None:
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, self.exit)

    async def action_quit(self) -> None:
        """Whatever asks the app to quit goes through the unsaved-changes question."""
        self.review.action_leave()
