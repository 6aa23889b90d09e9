"""Signals: what a locked exam ignores, and how a hang-up or a kill ends a session promptly.

Textual installs no SIGHUP or SIGTERM handler (textual#5140). In deployment
trials an exam on a terminal that sshd had dropped kept running at 50% CPU
and never exited on SIGHUP: Textual's input thread spun on end-of-file, and
the event loop sat blocked on the full queue of its output thread, so a
handler that needed the loop (`loop.add_signal_handler`) never ran.

So `StopSignals` does not rely on the loop alone. The Python-level handler
only sets an event; a small thread then asks the loop to end the session
(log the interruption, leave the log unsealed, exit), cuts the terminal's
output off if the loop does not get there in a few seconds (which unblocks
a loop stuck writing to a dead terminal), and as a last resort ends the
process with `os._exit`. That last step loses nothing acknowledged: every
record is fsynced before the exam acts on it, and `resume` continues the log.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import Any

LOCKED_SIGNALS = (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)
"""Ignored in exam mode: a second line behind the terminal's signal keys being off."""
STOP_SIGNALS = (
    signal.SIGHUP,
    signal.SIGTERM,
    signal.SIGUSR1,
    signal.SIGUSR2,
    signal.SIGALRM,
    signal.SIGVTALRM,
    signal.SIGPROF,
)
"""End the session as interrupted (logged, unsealed, resumable). Beside SIGHUP and SIGTERM,
the signals whose default is to end the process and that nothing here uses: `kill -USR1`
ended a locked exam at once, nothing logged, the terminal left in the exam's modes (sec12).
SIGXFSZ and SIGXCPU (limits) are left as they are."""
EXIT_INTERRUPTED = 3
"""The exit status of a session left unsealed to be resumed (as `verify` says UNSEALED)."""


def lock_process_signals() -> None:
    """Exam mode: ctrl+c, ctrl+z and ctrl+\\ must reach the app as keys and nothing else.

    Textual leaves the terminal's signal keys on when TEXTUAL_ALLOW_SIGNALS is
    set, so it is cleared; and the signals themselves are ignored, should one
    be sent some other way (`kill -INT`, `kill -TSTP`).
    """
    os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    for sig in LOCKED_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)


class StopSignals:
    """SIGHUP and SIGTERM (or a dead terminal) end the session as interrupted, within seconds."""

    def __init__(
        self,
        request_stop: Callable[[str], None],
        cut_output: Callable[[], None] = lambda: None,
        *,
        grace_s: float = 3.0,
        hard_s: float = 7.0,
        hard_exit: Callable[[int], Any] = os._exit,
    ) -> None:
        """`request_stop(reason)` must be safe to call from another thread (it schedules
        the stop on the event loop); `cut_output()` drops what is still to be written to
        the terminal, and must be thread-safe too."""
        self._request_stop = request_stop
        self._cut_output = cut_output
        self._grace_s = grace_s
        self._hard_s = hard_s
        self._hard_exit = hard_exit
        self._stop = threading.Event()
        self._finished = threading.Event()
        self._reason = ""
        self._hangup = False
        self._previous: dict[int, Any] = {}
        self._thread = threading.Thread(target=self._watch, name="helpdesk-stop", daemon=True)

    @property
    def reason(self) -> str:
        return self._reason

    def install(self) -> None:
        """Catch SIGHUP and SIGTERM (main thread only) and start the watching thread."""
        for sig in STOP_SIGNALS:
            self._previous[sig] = signal.signal(sig, self._on_signal)
        self._thread.start()

    def reclaim(self, sig: signal.Signals) -> None:
        """Take `sig` back from whoever set a handler since `install` (main thread only):
        Textual's web driver turns SIGTERM into an exit message queued behind the app's
        work, so a busy practice served by textual-serve never ended on it (sec19)."""
        if sig in self._previous:
            signal.signal(sig, self._on_signal)

    def uninstall(self) -> None:
        """Put the previous handlers back; the watching thread stops unless a stop is under way."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous.clear()
        if not self._stop.is_set():
            self._finished.set()
            self._stop.set()

    def finished(self) -> None:
        """The session is closed: no need to force anything any more."""
        self._finished.set()

    def trigger(self, reason: str, *, hangup: bool = False) -> None:
        """Stop for a reason other than a signal (the terminal is gone). Thread-safe."""
        if self._stop.is_set():
            return
        self._reason, self._hangup = reason, hangup
        self._stop.set()

    def _on_signal(self, signum: int, frame: object) -> None:
        """Runs between two bytecodes of the main thread: set a flag, nothing more."""
        name = signal.Signals(signum).name
        self.trigger(name, hangup=signum == signal.SIGHUP)

    def _watch(self) -> None:
        self._stop.wait()
        if self._finished.is_set():
            return
        if self._hangup:
            self._cut_output()  # nobody is reading: do not wait on the terminal at all
        self._request_stop(self._reason)
        if self._finished.wait(self._grace_s):
            return
        self._cut_output()
        if self._finished.wait(self._hard_s):
            return
        self._hard_exit(EXIT_INTERRUPTED)
