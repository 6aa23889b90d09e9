"""The practice app: what an instructor needs on top of the exam (never in exam mode).

- **Pause** (F9, on every screen): `session.pause` stops the exam clock and
  every SLA clock; a screen says so; F9 again continues.
- **Speed** (Ctrl+T): x1 → x2 → x4 → x1, logged as `speed_changed`.
- **Hint** (Ctrl+G): the answer key's line for the selected ticket, logged
  with `hint_requested` (what the student was told is on the record).
- **Feedback** after each closed ticket: SLA met per target, the priority
  against the answer key's, the article against the key's.
- **Restart** (Ctrl+R, asks first): ends this session with a seal
  (`completed`, like Ctrl+Q) and starts a fresh session in a new log. The
  old log stays whole and sealed, so it can still be reviewed; nothing is
  thrown away.

The bindings exist only here (`keymap` owner "practice"), and `check_action`
refuses them whenever the session is not a practice session.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import Refused
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.i18n import _
from helpdesk_tui.runtime.coaching import TicketFeedback, hint_text, ticket_feedback
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.format import TARGET_LABELS, level_label, localized
from helpdesk_tui.ui.frames import Paced
from helpdesk_tui.ui.session_app import SessionApp
from helpdesk_tui.ui.widgets.keybar import KeyBar
from helpdesk_tui.ui.widgets.too_small import SaysTooSmall, TooSmallLine

SPEEDS = (1.0, 2.0, 4.0)
RESTART = "restart"
"""What `run()` returns when the instructor restarts: the caller starts a fresh session."""
PRACTICE_ACTIONS = frozenset({"toggle_pause", "cycle_speed", "hint", "restart"})


class PausedScreen(SaysTooSmall, Paced, ModalScreen[None]):
    """Practice paused: everything waits; F9 (an app key) continues."""

    CSS_PATH = "practice_controls.tcss"

    def __init__(self) -> None:
        super().__init__()
        keymap.install(self, "practice.paused")  # F9 named Continue in its footer, not Pause

    def compose(self) -> ComposeResult:
        yield TooSmallLine(id="paused-too-small")
        with Vertical(classes="practice-box"):
            yield Static(_("Paused"), classes="practice-title")
            yield Static(_("The practice clock and every SLA clock are stopped."))
        yield KeyBar(id="paused-keys")


class ConfirmRestart(Paced, ModalScreen[bool | None]):
    """Restart? y ends this session (sealed) and starts a new one; n or Esc goes back."""

    CSS_PATH = "practice_controls.tcss"

    def __init__(self) -> None:
        super().__init__()
        keymap.install(self, "confirm")  # y (j, o) and n / Esc, shown in its footer

    def compose(self) -> ComposeResult:
        with Vertical(classes="practice-box"):
            yield Static(_("Start the practice session again?"), classes="practice-title")
            yield Static(
                _("This session ends and its log is sealed; a new session starts with a new log.")
            )
        yield KeyBar(id="restart-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def describe_feedback(feedback: TicketFeedback) -> str:
    """The feedback toast's text: one line each for SLA, priority and article."""
    targets = ", ".join(
        (_("{target} met") if met else _("{target} breached")).format(
            target=_(TARGET_LABELS.get(target, target))
        )
        for target, met in feedback.sla
    )
    lines = [_("SLA: {targets}").format(targets=targets or "–")]
    if feedback.priority_right is not None:
        text = (
            _("Priority {given}: right")
            if feedback.priority_right
            else _("Priority {given}: the key says {expected}")
        )
        lines.append(
            text.format(given=feedback.priority or "–", expected=feedback.expected_priority)
        )
    if feedback.article_right is None:
        if feedback.transfer_expected:
            lines.append(_("Article: none expected (the key transfers this ticket)"))
    elif feedback.article_right:
        lines.append(_("Article {given}: right").format(given=feedback.article))
    else:
        lines.append(
            _("Article {given}: the key says {expected}").format(
                given=feedback.article or "–",
                expected=" / ".join(sorted(feedback.expected_articles)),
            )
        )
    return "\n".join(lines)


class PracticeApp(SessionApp):
    """`SessionApp` for practice, with the instructor's controls."""

    def __init__(self, controller: Any, runtime: Any = None, **options: Any) -> None:
        super().__init__(controller, runtime, **({"locked": False} | options))
        keymap.install(self, "practice", locked=self.locked)
        self._paused_screen: PausedScreen | None = None
        self.restarts_left: int | None = None
        """Restarts this run may still make (`practice --max-restarts`); None: no bound."""
        controller.session.subscribe(self._observe)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PRACTICE_ACTIONS:
            state = self.controller.state
            if self.locked or state.mode != "practice" or state.ended:
                return False
            if action == "toggle_pause":
                return True
            return self.screen is self.main and not state.paused
        return super().check_action(action, parameters)

    # ------------------------------------------------------------------ pause and speed

    def action_toggle_pause(self) -> None:
        session = self.controller.session
        try:
            if session.state.paused:
                session.resume(reason="continued by the instructor")
            else:
                session.pause("instructor")
        except (Refused, LogError):
            return
        if session.state.paused:
            self._paused_screen = PausedScreen()
            self.push_screen(self._paused_screen)
        elif self._paused_screen is not None:
            if self.screen is self._paused_screen:
                self._paused_screen.dismiss(None)
            self._paused_screen = None
        self.main.redraw()

    def action_cycle_speed(self) -> None:
        session = self.controller.session
        current = session.clock.speed
        following = SPEEDS[(SPEEDS.index(current) + 1) % len(SPEEDS)] if current in SPEEDS else 1.0
        try:
            session.set_speed(following)
        except (Refused, LogError):
            return
        self.notify(_("Speed x{speed:g}").format(speed=following), timeout=3)

    # ------------------------------------------------------------------ hint and feedback

    def action_hint(self) -> None:
        ticket_id = self.main.ticket_id
        hint = hint_text(self.controller.state, self.controller.scenario, ticket_id)
        if ticket_id is None or hint is None:
            self.notify(_("Select a ticket of the scenario first: hints come from its answer key."))
            return
        try:
            self.controller.submit("hint_requested", {"ticket_id": ticket_id, "hint": hint})
        except (Refused, LogError):
            return
        profile = self.controller.state.sla_profile
        shown = hint_text(
            self.controller.state,
            self.controller.scenario,
            ticket_id,
            lambda use, key: level_label(key, use, profile),
        )
        title = _("Hint for {ticket}").format(ticket=ticket_id)
        self.notify(localized(shown or hint), title=title, timeout=20, markup=False)

    def _observe(self, event: Event, seq: int) -> None:
        """Session listener: feedback once a ticket is closed (after the event is applied)."""
        if event.type == "ticket_closed":
            self.call_later(self._feedback, event.data["ticket_id"])

    def _feedback(self, ticket_id: str) -> None:
        feedback = ticket_feedback(self.controller.state, self.controller.scenario, ticket_id)
        if feedback is None:
            return
        title = _("Ticket {ticket} closed").format(ticket=ticket_id)
        self.notify(describe_feedback(feedback), title=title, timeout=15, markup=False)

    # ------------------------------------------------------------------ restart

    def action_restart(self) -> None:
        """Ask first; refused in words once `restarts_left` is used up: each restart makes a
        new log, and a browser tab's restarts were the one thing no server bound (sec23)."""
        if self.restarts_left == 0:
            self.notify(
                _(
                    "No more restarts here: each one makes a new log, and this practice may "
                    "be started again only so often. End it with Ctrl+Q, then start a new one."
                ),
                severity="warning",
                timeout=10,
            )
            return
        self.push_screen(ConfirmRestart(), self._restart_answered)

    def _restart_answered(self, yes: bool | None) -> None:
        if not yes:
            self.controller.cancel_form("restart", None)
            return
        self.end_and_leave(RESTART)
