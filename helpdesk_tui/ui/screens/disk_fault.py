"""The disk-fault screen: the log cannot be written, the exam clock is stopped, call the proctor.

Blocking on purpose: nothing the candidate does can be acknowledged while the
log refuses writes, so nothing may be done. The screen names the OS error
and the log's path (for the proctor), retries every few seconds and on
Enter, and closes itself when the runtime has caught up: the kept actions
are on disk and the clock runs again. It returns the fault, so the app can
tell the candidate what was redone.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from helpdesk_tui.i18n import _, ngettext
from helpdesk_tui.runtime.lifecycle import DiskFault, SessionRuntime
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.keybar import KeyBar

RETRY_S = 3.0
"""How often the disk is tried again: a proctor freeing space sees the exam go on quickly."""


def waiting_words(fault: DiskFault) -> str:
    """What the candidate did that the disk has not taken yet, and what becomes of it.

    It is kept only in the running program: written to the log in its place as soon as
    the disk takes writes, but gone if the exam stops first (a closed terminal, a
    hang-up). It cannot be kept anywhere else honestly: the same disk refuses a side
    file, and a file outside the signed log that `resume` replayed would let anyone who
    can write it act for the candidate. So the words say so (sec19: "nothing is lost")."""
    n = sum(1 for name, args in fault.pending if not _not_the_candidates(name, args))
    if n == 0:
        return _("Nothing you did is waiting to be saved.")
    return ngettext(
        "Not saved yet: {n} thing you did last. It is saved and done as soon as the log can "
        "be written. If the exam stops before that (the terminal closes), it is lost: do it "
        "again when the exam resumes.",
        "Not saved yet: {n} things you did last. They are saved and done as soon as the "
        "log can be written. If the exam stops before that (the terminal closes), they are "
        "lost: do them again when the exam resumes.",
        n,
    ).format(n=n)


def _not_the_candidates(name: str, args: tuple[object, ...]) -> bool:
    """A blocked key's record is the lockdown's note, not something the candidate did."""
    return name.startswith("submit") and args[:1] == ("lockdown_key_blocked",)


class DiskFaultScreen(Paced, ModalScreen[DiskFault | None]):
    """Shown while the log refuses writes; Enter (or r) tries again at once."""

    CSS_PATH = "disk_fault.tcss"

    def __init__(self, runtime: SessionRuntime) -> None:
        super().__init__()
        keymap.install(self, "notice.disk")  # Enter (r) tries again: in its footer
        self.runtime = runtime
        self._fault = runtime.fault

    def compose(self) -> ComposeResult:
        with Vertical(id="disk-fault"):
            yield Static(
                _("The exam log cannot be written: call the proctor"), id="disk-fault-title"
            )
            yield Static(
                _(
                    "The exam clock is stopped. Everything you did before this message is "
                    "saved. The exam goes on by itself as soon as the log can be written again."
                )
            )
            yield Static("", id="disk-fault-waiting")
            yield Static("", id="disk-fault-detail")
            yield Static("", id="disk-fault-status")
        yield KeyBar(id="disk-fault-keys")

    def on_mount(self) -> None:
        self.show_fault()
        self.set_interval(RETRY_S, self.action_retry)

    def show_fault(self) -> None:
        """Redraw the error and the retry count (also after each failed retry)."""
        fault = self.runtime.fault or self._fault
        if fault is None:
            return
        self._fault = fault
        detail = _("Error: {error}\nLog: {path}").format(error=fault.error, path=fault.path)
        status = _(
            "For the proctor: free space or fix the disk. Trying again every {every:g} s "
            "(tries so far: {tries}, for {seconds:.0f} s)."
        ).format(every=RETRY_S, tries=fault.attempts, seconds=fault.seconds(time.monotonic()))
        self.query_one("#disk-fault-waiting", Static).update(waiting_words(fault))
        self.query_one("#disk-fault-detail", Static).update(detail)
        self.query_one("#disk-fault-status", Static).update(status)

    def action_retry(self) -> None:
        if not self.is_current:  # a proctor dialog is on top: wait for it
            return
        fault = self.runtime.fault
        if self.runtime.retry():
            self.dismiss(fault)
        else:
            self.show_fault()
