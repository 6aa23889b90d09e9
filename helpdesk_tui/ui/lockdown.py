"""The exam app, locked down: no quit, no suspend, no palette, no shell; three ways out.

The candidate cannot leave the exam. Ctrl+C, Ctrl+Q, Ctrl+Z, Ctrl+\\, Ctrl+D
and Ctrl+P are bound with priority (so no text box or dialog sees them) to
an action that does nothing but log the attempt (`lockdown_key_blocked`);
Textual's default bindings are not inherited and the command palette is off;
`action_quit` (what the palette's Quit calls) only logs. The process side
(TEXTUAL_ALLOW_SIGNALS cleared, SIGINT/SIGQUIT/SIGTSTP ignored) is
`runtime.signals.lock_process_signals`, called by the commands.

The ways out, each sealing the log:

- **the proctor code** (F12, on every screen): end the exam
  (`proctor-stopped`), pause or resume the exam clock, or stop the program
  so the exam can be resumed later;
- **hand-in** (F10, two confirmations): `handed-in`;
- **the end of the time**: `time-up`.

After the seal the candidate is not dropped to a shell: a final screen says
the exam has ended, and only the proctor code closes the program.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.binding import Binding, BindingsMap

from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.i18n import _
from helpdesk_tui.runtime.lifecycle import SessionRuntime
from helpdesk_tui.runtime.proctor import CodeGate
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.format import clock
from helpdesk_tui.ui.screens.handin import HandInScreen
from helpdesk_tui.ui.screens.proctor import (
    ExamEndedScreen,
    ProctorCodeScreen,
    ProctorMenu,
    ProctorPausedScreen,
)
from helpdesk_tui.ui.session_app import SessionApp

LOCKDOWN_KEYS: tuple[str, ...] = (
    "ctrl+c",
    "ctrl+q",
    "ctrl+z",
    "ctrl+backslash",
    "ctrl+d",
    "ctrl+p",
)
"""Interrupt, quit, suspend, quit-signal, end-of-input and the command palette."""
NOTICE_EVERY_S = 5.0
"""The "this key does nothing" notice at most this often (a held key logs every press)."""


def lockdown_bindings() -> list[Binding]:
    """One priority binding per blocked key, each naming its key in the log."""
    return [
        Binding(key, f"app.blocked_key('{key}')", show=False, priority=True, id=f"lockdown.{key}")
        for key in LOCKDOWN_KEYS
    ]


class LockdownApp(SessionApp):
    """The candidate's exam: `SessionApp`, locked, with the proctor and hand-in keys."""

    def __init__(
        self,
        controller: ExamController,
        runtime: SessionRuntime | None = None,
        *,
        proctor_key: Path,
        monotonic: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        """`proctor_key`: the exam-centre private key; proctor.json is beside it."""
        super().__init__(controller, runtime, **(options | {"locked": True}))
        keymap.install(self, "exam", locked=True)
        self._bindings = BindingsMap.merge([self._bindings, BindingsMap(lockdown_bindings())])
        self.gate = CodeGate(Path(proctor_key).parent, monotonic=monotonic)
        self._monotonic = monotonic
        self._noticed_at = float("-inf")
        self._proctor_open = False
        self._paused_screen: ProctorPausedScreen | None = None

    # ------------------------------------------------------------------ blocked keys

    def action_blocked_key(self, key: str) -> None:
        """A key that would quit, suspend or open the palette: log the attempt, nothing else."""
        logged = self.log_attempt(key)
        now = self._monotonic()
        if now - self._noticed_at >= NOTICE_EVERY_S:
            self._noticed_at = now
            if logged:
                self.notify(_("This key does nothing during the exam; the attempt is logged."))
            else:
                self.notify(_("This key does nothing here."))

    def log_attempt(self, what: str) -> bool:
        """Log a blocked attempt; True once it is on disk. Never raises: after the end
        nothing more can be logged, and a disk fault keeps it for later."""
        return self.controller.log_blocked(what)

    async def action_quit(self) -> None:
        """What the command palette's Quit (or any quit) calls: logged, nothing more."""
        self.log_attempt("quit")

    def action_suspend_process(self) -> None:
        self.log_attempt("suspend")

    def action_command_palette(self) -> None:
        self.log_attempt("command palette")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hand_in":
            state = self.controller.state
            fault = self.runtime.fault if self.runtime is not None else None
            return self.screen is self.main and not (state.ended or state.paused or fault)
        if action in ("blocked_key", "proctor"):
            return True
        return super().check_action(action, parameters)

    # ------------------------------------------------------------------ hand-in

    def action_hand_in(self) -> None:
        state = self.controller.state
        open_tickets = sum(1 for t in state.tickets.values() if t.status not in _DONE)
        live = [c for c in state.conversations.values() if c.is_live]
        unread = sum(c.unread() for c in state.conversations.values())
        screen = HandInScreen(open_tickets, clock(self.controller.time_left), len(live), unread)
        self.push_screen(screen, self._hand_in_answered)

    def _hand_in_answered(self, yes: bool | None) -> None:
        if not yes:
            self.controller.cancel_form("hand_in", None)
            return
        self.controller.end_session("handed-in")
        self.main.redraw()

    # ------------------------------------------------------------------ the proctor

    def action_proctor(self) -> None:
        if self._proctor_open:
            return
        self._proctor_open = True
        screen = ProctorCodeScreen(
            self.gate,
            lambda: self.log_attempt("proctor code: wrong"),
            lambda: self.log_attempt("proctor code: during the wait"),  # `assess.course`
        )
        self.push_screen(screen, self._code_entered)

    def _code_entered(self, right: bool | None) -> None:
        if not right:
            self._proctor_open = False
            return
        menu = ProctorMenu(self.proctor_choices(), ended=self.controller.state.ended)
        self.push_screen(menu, self._proctor_chose)

    def proctor_choices(self) -> list[str]:
        """What the proctor may do now."""
        state = self.controller.state
        if state.ended or (self.runtime is not None and self.runtime.sealed):
            return ["close"]
        if self.runtime is not None and self.runtime.fault is not None:
            return ["end", "suspend"]
        return ["end", "resume" if state.paused else "pause", "suspend"]

    def _proctor_chose(self, choice: str | None) -> None:
        self._proctor_open = False
        actions: dict[str, Callable[[], None]] = {
            "end": self._proctor_end,
            "pause": self._proctor_pause,
            "resume": self._proctor_resume,
            "suspend": lambda: self.stop_session("stopped by the proctor"),
            "close": lambda: self.exit(self.ended_with),
        }
        if choice in actions:
            actions[choice]()

    def _proctor_end(self) -> None:
        self.controller.end_session("proctor-stopped")
        self.main.redraw()

    def _proctor_pause(self) -> None:
        try:
            self.controller.session.pause("proctor")
        except (Refused, LogError):
            return
        self._paused_screen = ProctorPausedScreen()
        self.push_screen(self._paused_screen)
        self.main.redraw()

    def _proctor_resume(self) -> None:
        try:
            self.controller.session.resume(reason="resumed by the proctor")
        except (Refused, LogError):
            return
        if self._paused_screen is not None and self.screen is self._paused_screen:
            self._paused_screen.dismiss(None)
        self._paused_screen = None
        self.main.redraw()

    # ------------------------------------------------------------------ the end

    def show_end(self, reason: str) -> None:
        """Sealed: the proctor's stop leaves at once; otherwise the final screen, which
        only the proctor code closes."""
        self._ending = True
        if reason == "proctor-stopped":
            self.exit(reason)
            return
        self.push_screen(ExamEndedScreen(reason))


_DONE = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})
