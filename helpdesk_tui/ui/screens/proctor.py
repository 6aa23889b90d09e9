"""The proctor's screens: the code, what the proctor may do, and the screens only a proctor leaves.

In an exam nothing but the proctor code (F12), the candidate's hand-in and
the end of the time ends the session. F12 works on every screen; the code is
checked against proctor.json beside the exam-centre key, wrong codes are
logged (never the code) and slowed down (`runtime.proctor.CodeGate`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static

from helpdesk_tui.eventlog.errors import KeyFileError
from helpdesk_tui.i18n import N_, _
from helpdesk_tui.runtime.proctor import CodeGate
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.widgets.bounded import LIMITS, BoundedInput
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.too_small import SaysTooSmall, TooSmallLine

CHOICES: dict[str, tuple[str, str]] = {
    "end": ("e", N_("End the exam now (the log is sealed: stopped by the proctor)")),
    "pause": ("p", N_("Pause the exam clock")),
    "resume": ("r", N_("Resume the exam clock")),
    "suspend": ("s", N_("Stop the program; the exam can be resumed later")),
    "close": ("c", N_("Close the program")),
}
"""What the proctor can choose, the key for it and its label, in the order shown."""
WAIT_SHOWN_EVERY_S = 0.25
"""How often the wait's line is said again while it counts down (wall time)."""


class ProctorCodeScreen(SaysTooSmall, Paced, ModalScreen[bool | None]):
    """Asks for the proctor code; True once it is right, None on Escape."""

    CSS_PATH = "proctor.tcss"
    AUTO_FOCUS = "#proctor-code"

    def __init__(
        self,
        gate: CodeGate,
        on_wrong: Callable[[], None],
        on_early: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        keymap.install(self, "exam.proctor_code", locked=True)  # Esc: in its footer
        self.gate = gate
        self.on_wrong = on_wrong
        self.on_early = on_early
        """A code typed during the wait after a wrong one: not checked, but logged (sec22)."""
        self._waiting: bool | None = None
        """A wait is said: after a wrong code (True) or not (False); None: none."""
        self._countdown: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TooSmallLine(id="proctor-too-small")
        with Vertical(id="proctor", classes="proctor-box"):
            yield Static(_("Proctor code"), classes="proctor-title")
            yield Static(_("For the proctor only: type the code."))
            box = BoundedInput(password=True, id="proctor-code", limit=LIMITS["short"])
            keymap.install(box, "exam.proctor_code.box", locked=True, first=True)
            yield box  # its Enter in the footer; a screen binding would overtake keys held
            # while the screen opens (a code and Enter typed at once: Enter came first)
            yield Static("", id="proctor-message")
        yield KeyBar(id="proctor-code-keys")

    def on_mount(self) -> None:
        self.query_one("#proctor-code", Input).focus()
        self._say_wait()

    def _say_wait(self, wrong: bool = False) -> bool:
        """Say the wait before the next try, counted down until it is over, and then
        nothing (sec21: "Wait 1 s before the next try." stayed after the wait)."""
        wait = self.gate.wait_s()
        if wait > 0:
            template = (
                _("Wrong code. Wait {seconds:.0f} s before the next try.")
                if wrong
                else _("Wait {seconds:.0f} s before the next try.")
            )
            self._say(template.format(seconds=math.ceil(wait)))
            self._waiting = wrong
            if self._countdown is None:
                self._countdown = self.set_interval(WAIT_SHOWN_EVERY_S, self.refresh_wait)
        return wait > 0

    def refresh_wait(self) -> None:
        """The wait's line, again after the gate's clock moved (its own timer, the exam's
        tick): the seconds left, or gone once the wait is over."""
        if self._waiting is None:
            return
        if not self._say_wait(self._waiting):
            wrong, self._waiting = self._waiting, None
            if self._countdown is not None:
                self._countdown.stop()
                self._countdown = None
            # after a wrong code the wait goes but "wrong" stays: the first wait is 1 s, and a
            # proctor who looked at the keyboard saw an empty box and no word (walk27)
            self._say(_("Wrong code. Type it again.") if wrong else "")

    def _say(self, text: str) -> None:
        self.query_one("#proctor-message", Static).update(text)

    def on_key(self, event: events.Key) -> None:
        """Keys typed before the code box had focus (a proctor typing straight after F12)
        still go into it, and Enter still submits."""
        box = self.query_one("#proctor-code", Input)
        if box.has_focus:
            return
        if event.key == "enter":
            event.stop()
            self._submit(box)
        elif event.is_printable and event.character:
            event.stop()
            box.insert_text_at_cursor(event.character)
            box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.input)

    def _submit(self, box: Input) -> None:
        code = box.value
        box.value = ""
        if not code:  # a stray Enter is not a try
            return
        try:
            right = self.gate.attempt(code)
        except KeyFileError as exc:
            self._say(str(exc))
            return
        if right is None:
            self.on_early()
            self._say_wait()
        elif right:
            self.dismiss(True)
        else:
            self.on_wrong()
            self._say_wait(wrong=True)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProctorMenu(SaysTooSmall, Paced, ModalScreen[str | None]):
    """What the proctor can do now: one key per choice; Esc goes back to the exam."""

    CSS_PATH = "proctor.tcss"

    def __init__(self, choices: list[str], *, ended: bool = False) -> None:
        super().__init__()
        keymap.install(self, "exam.proctor_menu", locked=True)  # the choices offered, Esc
        self.choices = [c for c in CHOICES if c in choices]
        self.ended = ended
        """The exam is over (handed in, time up): Esc closes the menu, there is no exam to go back to."""

    def compose(self) -> ComposeResult:
        yield TooSmallLine(id="proctor-too-small")
        with Vertical(id="proctor-menu", classes="proctor-box"):
            yield Static(_("Proctor"), classes="proctor-title")
            for choice in self.choices:
                key, label = CHOICES[choice]
                yield Static(
                    Content.assemble((key.upper(), "bold"), f"  {_(label)}"),
                    classes="proctor-choice",
                )
        yield KeyBar(id="proctor-menu-keys")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters and parameters[0]:
            return parameters[0] in self.choices
        return True

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)


class ExamEndedScreen(SaysTooSmall, Paced, ModalScreen[None]):
    """After the seal: the candidate stays here (no shell); only the proctor code closes it."""

    CSS_PATH = "proctor.tcss"
    REASONS = {
        "time-up": N_("The time is up."),
        "handed-in": N_("You have handed in your exam."),
        "proctor-stopped": N_("The proctor has ended the exam."),
    }

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield TooSmallLine(id="proctor-too-small")  # the other screens have their notice
        with Vertical(id="exam-ended", classes="proctor-box"):
            yield Static(_("Your exam has ended; call the proctor."), classes="proctor-title")
            reason = self.REASONS.get(self.reason)
            if reason:
                yield Static(_(reason))
            yield Static(
                _(
                    "Everything you did is saved in the signed log. Stay at your seat; the "
                    "proctor closes the program."
                )
            )
        yield KeyBar(id="exam-ended-keys")  # F12, the proctor's: the only key that works here


class ProctorPausedScreen(SaysTooSmall, Paced, ModalScreen[None]):
    """The proctor paused the exam clock; only the proctor code resumes it."""

    CSS_PATH = "proctor.tcss"

    def compose(self) -> ComposeResult:
        yield TooSmallLine(id="proctor-too-small")
        with Vertical(id="proctor-paused", classes="proctor-box"):
            yield Static(_("The exam is paused by the proctor."), classes="proctor-title")
            yield Static(
                _("The exam clock and every SLA clock are stopped. The proctor resumes the exam.")
            )
        yield KeyBar(id="proctor-paused-keys")  # F12, the proctor's
