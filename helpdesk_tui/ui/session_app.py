"""The exam app on a real log: disk faults, hang-ups, kills and the seal.

`ExamApp` renders a session; `SessionApp` adds what running one for real
needs, for practice and exam alike (`PracticeApp` and `LockdownApp` build on
it):

- a disk fault (the log refuses a write) stops the exam clock and shows a
  blocking screen until the runtime's retry gets everything on disk;
- SIGHUP, SIGTERM and a terminal that went away end the session as
  interrupted: the interruption is logged if the disk allows, the log is
  left unsealed (resumable) and the app exits within seconds even when its
  event loop is stuck on a dead terminal (`runtime.signals.StopSignals`,
  `ui.terminal.GuardedDriver`);
- when the session ends (time up, hand-in, Ctrl+Q in practice), the log is
  sealed *inside* the app, so a disk that refuses the seal is shown and
  retried like any other write, and only then does the end screen appear (or,
  after Ctrl+Q, the app leave).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from helpdesk_tui.i18n import _
from helpdesk_tui.runtime.lifecycle import DiskFault, SessionRuntime
from helpdesk_tui.runtime.signals import StopSignals
from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.format import localized
from helpdesk_tui.ui.screens.disk_fault import DiskFaultScreen


class SessionApp(ExamApp):
    """`ExamApp` plus the session's life: disk faults, stop signals, a dead terminal, the seal."""

    def __init__(
        self,
        controller: ExamController,
        runtime: SessionRuntime | None = None,
        *,
        handle_signals: bool = False,
        **options: Any,
    ) -> None:
        """`options` go to `ExamApp` (locked, tick_interval, tune_gc); `handle_signals`
        is ours: `StopSignals` instead of the loop-bound handlers `ExamApp` would install."""
        super().__init__(controller, handle_signals=False, **options)
        self.runtime = runtime
        self.watch_signals = handle_signals
        self.stop_reason: str | None = None
        """Why the session was interrupted (a signal, the terminal gone), if it was."""
        self.terminal_gone = False
        """Nothing more is written to the terminal (it hung up, or its output was cut)."""
        self.ended_with: str | None = None
        """The end reason, once the session has ended."""
        self.stopper: StopSignals | None = None
        self._event_loop: asyncio.AbstractEventLoop | None = None
        self._early_stop: str | None = None
        self._stop_lock = threading.Lock()
        self._fault_screen: DiskFaultScreen | None = None
        self._end_shown = False
        self.register_note: threading.Thread | None = None
        """The sitting register's update once the log is sealed (`_note_sealed`)."""
        self._leave_with: str | None = None
        if runtime is not None:
            runtime.watch(self._disk_changed)

    # ------------------------------------------------------------------ signals and the terminal

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Catch SIGHUP/SIGTERM from the start (not only once the first frame is up)."""
        if self.watch_signals:
            self.stopper = StopSignals(self._request_stop, self._cut_output)
            self.stopper.install()
        try:
            return super().run(*args, **kwargs)
        finally:
            if self.stopper is not None and self.stop_reason is None:
                self.stopper.uninstall()

    def on_ready(self) -> None:
        with self._stop_lock:
            self._event_loop = asyncio.get_running_loop()
            early = self._early_stop
        if early is not None:  # a signal came while the app was starting
            self.stop_session(early)
            return
        self._warm_up_language()

    def _warm_up_language(self) -> None:
        """Load the lemma dictionary in the background now the exam is on screen, so the
        first message the candidate sends is read at once (start-up does not wait for it)."""
        from helpdesk_tui.language import LANGUAGES, warm_up

        language = self.controller.state.language
        if language in LANGUAGES:
            warm_up(language)

    def _request_stop(self, reason: str) -> None:
        """From any thread: have the event loop end the session as interrupted."""
        with self._stop_lock:
            loop = self._event_loop
            if loop is None:
                self._early_stop = reason
                return
        if not loop.is_closed():
            loop.call_soon_threadsafe(self.stop_session, reason)

    def _cut_output(self) -> None:
        """From any thread: drop the terminal output (the driver's, if it can)."""
        self.terminal_gone = True
        cut = getattr(self._driver, "cut_output", None)
        if cut is not None:
            cut()

    def terminal_lost(self, reason: str) -> None:
        """Called by the driver (from its threads) when the terminal has gone away."""
        self.terminal_gone = True
        if self.stopper is not None:
            self.stopper.trigger(reason, hangup=True)
        else:
            self._request_stop(reason)

    def stop_session(self, reason: str) -> None:
        """Leave now, resumable: log the interruption if the disk lets us, no seal."""
        if self.stop_reason is not None:
            return
        self.stop_reason = reason
        self._ending = True
        if self.runtime is not None and not self.runtime.sealed:
            self.controller.flush_blocked(everything=True)
            self.runtime.interrupt(reason)
        self.exit(None)

    # ------------------------------------------------------------------ disk faults

    def _disk_changed(self, fault: DiskFault | None) -> None:
        """Runtime watcher; called inside a session call, so act after it returns."""
        if fault is not None:
            self.call_later(self._show_fault)

    def _show_fault(self) -> None:
        fault = self.runtime.fault if self.runtime is not None else None
        if fault is None:
            return
        if self._fault_screen is not None:
            self._fault_screen.show_fault()
            return
        self._fault_screen = DiskFaultScreen(self.runtime)
        self.push_screen(self._fault_screen, self._disk_back)

    def _disk_back(self, fault: DiskFault | None) -> None:
        """The fault screen closed: everything kept is on disk and the clock runs again."""
        self._fault_screen = None
        self.notify(_("The log is being written again; the exam continues."), timeout=6)
        if fault is not None:
            self._after_redo(fault)
            for refused in fault.refused:
                self.notify(
                    _("Not accepted after the disk fault: {reason}").format(
                        reason=localized(refused)
                    ),
                    severity="warning",
                )
        self.main.redraw()
        if self.ended_with is not None:
            self._settle()

    def _after_redo(self, fault: DiskFault) -> None:
        """A chat message the disk refused was sent on retry: clear its draft."""
        for name, args in fault.redone:
            if name == "submit" and args[0] == "message_sent":
                self.main.conversations.sent(args[1]["conversation_id"])

    # ------------------------------------------------------------------ the end

    def end_by_candidate(self) -> None:
        """Ctrl+Q answered yes: end, seal, leave."""
        self.end_and_leave("completed")

    def end_and_leave(self, result: str) -> None:
        """End the session as completed, seal it here (a disk that refuses the seal is
        shown and retried like any write), then leave with `result`, no end screen."""
        self._leave_with = result
        self.controller.end_session("completed")
        self.session_over("completed")

    def session_over(self, reason: str) -> None:
        """The session ended: seal the log, then show how it ended."""
        if self.ended_with is not None:
            return
        self.ended_with = reason
        self._settle()

    def _settle(self) -> None:
        if self._end_shown or self.ended_with is None:
            return
        if self.runtime is not None and not self.runtime.seal():
            return  # the disk fault screen is up; its recovery comes back here
        self._end_shown = True
        self._note_sealed()
        if self._leave_with is not None:
            self._ending = True
            self.exit(self._leave_with)
            return
        self.show_end(self.ended_with)

    def _note_sealed(self) -> None:
        """The sitting's register says how the exam ended as soon as the seal is on disk.

        `exam` notes the row again when the program ends, but after a hand-in or the
        end of the time the program waits on the final screen for the proctor, and until
        qa-sitting10 `sitting status` said "running" for a sealed log all that while. In a
        thread: the register's lock may be another exam's for up to 3 s."""
        path = getattr(self.runtime, "log_path", None)
        if path is None or self.register_note is not None:
            return
        from helpdesk_tui.sitting.hooks import note_log_quietly

        self.register_note = threading.Thread(
            target=note_log_quietly, args=(path,), name="register", daemon=True
        )
        self.register_note.start()

    def show_end(self, reason: str) -> None:
        """Practice: the end screen, Enter leaves (the lockdown app shows its own)."""
        ExamApp.session_over(self, reason)
