"""The candidate's app: one `ExamSession`, rendered; keys become logged commands.

`ExamApp` takes an `ExamController` (session + scenario + KB index). The
scheduler tick (a timer started in `on_ready`, set again after each tick)
fires whatever fell due on the injected exam clock and redraws; time is always
read from the clock, never counted in ticks. The tick comes when something on
screen can change (`tick_delay`): once a second of exam time (every clock on
screen shows whole seconds, so they all move in one frame), at this session's
own moment in the second (`tick_phase`), at the next stimulus, and every
`tick_interval` while a customer is typing or a call is being spoken. Tests pass `tick_interval=None` and drive the clock with
`advance()` / `refresh_now()`.

It does not inherit Textual's default bindings (no ctrl+q quit with priority,
no ctrl+c hint). In practice mode ctrl+q asks first, then ends the session:
the log is sealed "completed" by the caller and the run cannot be resumed
(an interrupted run, e.g. a closed terminal, is left unsealed and resumable).
With `locked=True` (exam mode) there is no quit key, no command palette and
`action_quit` does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import math
import os
import signal
import time
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import events
from textual._time import get_time
from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.css.query import NoMatches
from textual.notifications import Notify
from textual.screen import Screen

from helpdesk_tui.core.state import TERMINAL_LARGE_ENOUGH, TERMINAL_TOO_SMALL
from helpdesk_tui.i18n import _
from helpdesk_tui.runtime.memory import one_malloc_arena, release_free_memory
from helpdesk_tui.ui import keymap
from helpdesk_tui.ui.controller import ExamController
from helpdesk_tui.ui.frames import FRAME_PERIOD
from helpdesk_tui.ui.kept_bindings import KeptBindingChain
from helpdesk_tui.ui.nowayout import NoWayOut
from helpdesk_tui.ui.screens.confirm import ConfirmQuit
from helpdesk_tui.ui.screens.end import EndScreen
from helpdesk_tui.ui.screens.form_shelf import leaving
from helpdesk_tui.ui.screens.help import HelpScreen
from helpdesk_tui.ui.screens.main import MainScreen
from helpdesk_tui.ui.typing_guard import WAIT_S, Kind, TypingGuard, Waiting
from helpdesk_tui.ui.widgets.conversations import revealed
from helpdesk_tui.ui.widgets.too_small import NOTICE_KEYS, TerminalTooSmall, too_small

_HERE = Path(__file__).resolve().parent
WIDGET_CSS = sorted(
    str(p.relative_to(_HERE))
    for folder in ("widgets", "screens")
    for p in (_HERE / folder).glob("*.tcss")
)
"""Every widget's and screen's .tcss, read once at start: a screen's CSS_PATH loaded
when it is first shown makes Textual re-parse all CSS then (tens of milliseconds)."""
MAX_NOTICES = 3
"""Notices standing at once: a fourth reached over the KB search box at 30 rows (the
rack grows upwards, above the footer); the oldest goes when another comes."""
START_NOTICE_S = 30.0
"""How long the start's notice (a scenario's warnings in practice) stays up."""
TICK_S = 0.2
"""Scheduler period while a customer types or speaks: smooth enough for a call
transcript streaming at speaking pace."""
TICK_MAX_S = 1.0
"""The longest wait between two ticks (wall time), also while the clock is paused."""
KEY_FIRST_MAX_S = 0.25
"""The longest the scheduler tick's redraw waits for keys' frames to go first
(`ExamApp.let_key_go_first`): the clocks on screen are at most this late."""
TICK_LATE_S = 0.005
"""A tick aimed at a whole exam second comes this much after it, so that a timer
firing a hair early still finds the second turned (and draws it, not the one before)."""
GC_THRESHOLDS = (700, 10, 1000)
"""Python's default is (700, 10, 10): a full collection every ~70,000 allocations,
which with Textual's caches walks 100,000+ objects and stalls the UI for 50-200 ms
in the middle of typing. Full collections are instead done when the candidate pauses."""
HOLD_KEYS_S = 5.0
"""At most this long, keys wait for a screen that is opening to take the focus: a
safety net only, since the wait ends as soon as the screen is ready or its key turned
out to open nothing. On a loaded sitting server a form can take a second or two."""
HOLD_POLL_S = 0.005
IN_FLIGHT_S = 0.5
"""At most this long a held key that is not text holds the next ones back (it lands,
or a widget stops it, far sooner)."""
OPENS_A_SCREEN = frozenset(
    {
        "new_ticket",
        "edit_ticket",
        "reply_ticket",
        "note_ticket",
        "reopen_ticket",
        "transfer_ticket",
        "pending_ticket",
        "resolve_ticket",
        "close_ticket",
        "canned_reply",
        "macro",
        "help",
        "request_quit",
        "hand_in",
        "proctor",
        "restart",
    }
)
"""Actions that open a form or a dialog (see `_redirects_keys`)."""
MOVES_THE_FOCUS = frozenset({"focus_area", "search_queue", "leave_reply", "results", "back"})
"""Actions that send the next keys somewhere else: F5 then "printer" must search the KB."""
SIZE_RECORD_EVERY_S = 1.0
"""The terminal's size is logged at most this often (exam time): a terminal shaken across
80 x 24 by a script wrote a record per crossing (sec14)."""
PAUSE_S = 0.5
"""A pause in the typing: no key or click for this long (a typist's gap between keys
is 0.2-0.8 s). Work that can wait for one waits (a form built ahead, the exam redrawn
behind a form: `candidate_typing`)."""
GC_PAUSE_S = 1.0
"""A full collection waits for a longer pause: it takes 5-30 ms of CPU after start-up's
`gc.freeze` (more wall time on a busy sitting server), and after 0.5 s the typist's next
key is often still to come (gaps of up to 0.8 s), to wait behind it (issue 15: the slow
later keys of bench_sitting). A second without a key is the end of a thought."""
GC_EVERY_S = 10.0
"""At most one full collection this often. At 30 s after a 1.5 s pause, a candidate typing
steadily (the sitting benchmark's) never had one: the garbage of every frame piled up in
the oldest generation and the exam grew 1.7 MB every 10 s of typing (82 MB after a minute;
with a collection every 10 s, 78 MB, and it stays there)."""
GC_LATEST_S = 30.0
"""A candidate who types this long without a `GC_PAUSE_S` pause gets a full collection
anyway: what the exam grows by while they type stays bounded (about 5 MB)."""
CURSOR_BLINK_IDLE_S = 10.0
"""After this long without a key or a click, the text cursor stops blinking (it stays
shown) until the next key, as GTK's cursor-blink-timeout does. A blinking cursor is two
frames a second: a candidate reading with the focus in the reply box or the KB search
cost twice the CPU of an idle exam (3 frames a second instead of 1)."""
TYPING_NOTICE_S = 4.0
"""How long the typing guard's notice stays, and the least time between two of them
(wall seconds): one notice for a burst of typing, not one per word."""


def tick_phase(session_id: str) -> float:
    """This session's moment in each exam second for its once-a-second redraw, 0 to 1.

    A sitting's exams ticked at their own whole exam seconds, and exams started
    together (candidates let in a quarter of a second apart by the login ramp, as
    `bench_sitting` does, or a room told to log in at once) ticked together: a
    sitting's redraws, minute repaints and quiet-time collections came in bunches of
    7-8 sessions at 30 candidates, and a key typed then waited for all of them. Spread
    by the session id (random), the redraws fall evenly over the second, whatever the
    start times. What the candidate sees: each clock turns up to this long after its
    second (never more than a second), and shows the right second when it does; the
    stimuli, the end of the exam and the log's times are not moved."""
    digest = hashlib.sha256(session_id.encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def tick_delay(
    now: float,
    *,
    phase: float = 0.0,
    speed: float = 1.0,
    paused: bool = False,
    moments: Iterable[float | None] = (),
    lively: bool = False,
    fast: float = TICK_S,
) -> float:
    """Wall seconds until the next scheduler tick.

    Idle, an exam's screen changes once a second (the clocks, the SLA columns and
    lines, "0:45 ago": all whole seconds), so ticks at every whole exam second draw
    one frame a second; ticking every `fast` seconds drew the same changes in up to
    three frames, each a render of its own (measured by `benchmarks/bench_session.py`:
    the idle exam's CPU was 2.5 % of a core). The second's tick comes `phase` (0-1) of
    a second after the whole second (`tick_phase`). Exam-time `moments` where something
    else changes come on time: the next stimulus (a message, a call, a ticket),
    a customer's typing ending, the end of the exam. While a call is spoken
    (`lively`) its transcript moves every `fast` seconds, as before.
    """
    if paused:
        return TICK_MAX_S
    if lively:
        return fast
    target = math.floor(now - phase) + 1.0 + phase
    for moment in moments:
        if moment is not None and now < moment < target:
            target = moment
    wait = (target - now) / max(speed, 1e-9) + TICK_LATE_S
    return min(TICK_MAX_S, max(TICK_LATE_S, wait))


def _session_phase(controller: ExamController) -> float:
    """`tick_phase` of the session's log id (of the process id, for a session without a log)."""
    header = getattr(getattr(controller.session, "writer", None), "header", None)
    session_id = getattr(header, "session_id", None)
    return tick_phase(session_id if isinstance(session_id, str) else f"pid {os.getpid()}")


REDIRECTS = OPENS_A_SCREEN | MOVES_THE_FOCUS


def _action_name(action: str) -> str:
    """ "app.focus_area('kb')" -> "focus_area"."""
    return action.rpartition(".")[2].split("(")[0]


def _active_binding(screen: Screen[Any], key: str) -> ActiveBinding | None:
    """`screen.active_bindings.get(key)`; on the exam screen only `key`'s actions asked."""
    if isinstance(screen, KeptBindingChain):
        return screen.active_binding(key)
    return screen.active_bindings.get(key)


def _is_text_box(widget: object) -> bool:
    """An Input or TextArea (by name: the forms' TextArea is imported on first use)."""
    return any(cls.__name__ in ("Input", "TextArea") for cls in type(widget).__mro__)


class ExamApp(NoWayOut, App[str | None], inherit_bindings=False):
    """The exam UI. `run()` returns the end reason, or None when left without ending."""

    CSS_PATH = [*WIDGET_CSS, "app.tcss"]
    TITLE = "helpdesk-exam"

    def _on_notify(self, event: Notify) -> None:
        """Textual's, keeping at most `MAX_NOTICES` up: the oldest goes first, never an
        error (a log that cannot be written stays in view until it times out)."""
        up = list(self._notifications)
        may_go = [n for n in up if n.severity != "error"]
        for oldest in may_go[: max(0, len(up) + 1 - MAX_NOTICES)]:
            del self._notifications[oldest]
        super()._on_notify(event)

    def __init__(
        self,
        controller: ExamController,
        *,
        locked: bool = False,
        tick_interval: float | None = TICK_S,
        handle_signals: bool = False,
        tune_gc: bool = True,
        phase: float | None = None,
    ) -> None:
        self.ENABLE_COMMAND_PALETTE = not locked
        one_malloc_arena()  # before Textual, the language warm-up and KB searches start threads
        super().__init__()
        keymap.install(self, "app", locked=locked)
        self.controller = controller
        self.locked = locked
        self.tick_interval = tick_interval
        self.handle_signals = handle_signals
        self.tune_gc = tune_gc
        self.tick_phase = _session_phase(controller) if phase is None else phase
        self._gc_before: tuple[int, int, int] | None = None
        self._gc_was_enabled = gc.isenabled()
        self.main = MainScreen(controller)
        self._ending = False
        self._last_input = self._last_gc = time.monotonic()
        self._last_key_time = -math.inf
        """When the last key came (`textual._time.get_time`, the frame timer's clock). Not
        `_key_at`: Textual calls an attribute `_key_<name>` as the handler of key <name>,
        and "@" is the key "at" (sec-fuzz9: "@" in the queue crashed the exam)."""
        self._displayed_keys: dict[tuple[str, str | None], str] = {}
        self._opening: tuple[Screen[Any] | None, float] | None = None
        self._held: list[events.Key] = []
        self._in_flight: tuple[events.Key, float] | None = None
        """A held key let go that is not text (Ctrl+S), until it has landed (see
        `_release_held`), and how long it may take at most."""
        self._back_up: events.Key | None = None
        """The key in flight once posted back up into the app's queue (`post_message`)."""
        self._forms_ahead = True  # forms left to build before their first use
        self._opener: events.Key | None = None
        self._drawn: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()
        self._stilled: weakref.WeakSet[Any] = weakref.WeakSet()
        self._typing = TypingGuard()
        self._too_small = False  # the too-small notice is up, as last logged
        self._size_seen = (False, "")  # too small?, "W x H": the terminal's last Resize
        self._size_logged_at = -SIZE_RECORD_EVERY_S  # exam time of the last size record
        """Printable keys in a pane whose letters are commands (`_typed_as_command`)."""
        self._typing_noticed = -math.inf
        self._notice_keys: tuple[frozenset[str], tuple[str, ...]] | None = None
        self.start_notice = ""
        """Said once the screen is up (`practice`: the scenario's warnings, bugs24)."""

    def on_load(self) -> None:
        if self.tune_gc:
            gc.disable()  # no collection while the screen is built; on_ready collects once

    def on_mount(self) -> None:
        # Pushed: as the default screen its on_mount can run before its children exist.
        self.push_screen(self.main)

    def on_ready(self) -> None:
        if self.start_notice:
            self.notify(self.start_notice, severity="warning", timeout=START_NOTICE_S, markup=False)
        if self.tick_interval:
            self._schedule_tick()
        if self.handle_signals:
            self._install_signal_handlers()
        if self.tune_gc:
            self._tune_gc()

    def _tune_gc(self) -> None:
        """Freeze what start-up built (scenario, screen) out of the collector's way,
        and leave full collections to quiet moments (see GC_THRESHOLDS)."""
        self._gc_before = gc.get_threshold()
        gc.collect()
        gc.freeze()
        release_free_memory()
        gc.set_threshold(*GC_THRESHOLDS)
        if self._gc_was_enabled:
            gc.enable()
        self._last_gc = time.monotonic()

    def on_unmount(self) -> None:
        if self._gc_before is not None:
            gc.unfreeze()
            gc.set_threshold(*self._gc_before)
            self._gc_before = None
        if self._gc_was_enabled:
            gc.enable()

    def _collect_if_quiet(self) -> None:
        if self._gc_before is None:
            return
        now = time.monotonic()
        since = now - self._last_gc
        paused = now - self._last_input >= GC_PAUSE_S
        if since >= GC_LATEST_S or (paused and since >= GC_EVERY_S):
            if gc.collect():
                release_free_memory()  # what the collection freed, back to the system
            self._last_gc = time.monotonic()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_input = time.monotonic()
            self._last_key_time = get_time()
            if self._stilled:
                self._blink_again()
            if isinstance(event, events.MouseDown) and self._typing.waiting is not None:
                await self._run_waiting(self._typing.release())  # before the click moves things
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._under_the_notice(event.key):
                event.stop()  # the candidate cannot see what it would do: it does nothing
                return
            if not self._opening_screen():
                await self._release_held()
            if (
                self._opening_screen() or self._held or self._flying()
            ):  # after the keys held before it
                self._hold(event)
                return
            if not await self._typed_as_command(event):
                return
            if self._opening_screen():  # the waiting command it let go opened a screen
                self._hold(event)
                return
            self._watch_redirect(event)
            await self._send_off(event, held=False)
            return
        await super().on_event(event)

    async def _send_off(self, event: events.Key, held: bool) -> None:
        """Pass a key on; one whose binding runs when it has come back up to the app makes
        the keys read with it wait until it has (`_flying`): passed on at once, a letter
        is typed before the binding acts. "Left X" in one read (a fast typist, a busy
        exam) typed X at the end of the note and the arrow was lost (sec18, tmux); `s`,
        Ctrl+S, `c` held while the resolve form opened saved "...c" and closed nothing
        (bugs7). A held key waits for any key that is not text; a key read alone only for
        one with a binding (most keys have none: a letter typed, no wait at all)."""
        if not (event.is_printable and _is_text_box(self.focused)) and (
            held or self._bound_along(event.key, lambda _binding: True)
        ):
            self._in_flight = (event, time.monotonic() + IN_FLIGHT_S)
        await super().on_event(event)
        if not event.is_forwarded and self._in_flight is not None and self._in_flight[0] is event:
            # A priority binding (the blocked keys, F12) took it before it went anywhere:
            # it never comes back up (waited for, it held the next keys IN_FLIGHT_S).
            self._in_flight = None

    # ------------------------------------------------------------------ under the too-small notice

    def _under_the_notice(self, key: str) -> bool:
        """Whether a key is typed under the too-small notice and may not act (bugs24): the
        candidate cannot see what it would do (sec21: `q` at 1 x 1 went into the KB search
        underneath). Only the keys the notice names act (`NOTICE_KEYS`), and the blocked
        keys, which only log the attempt. Read only while the terminal is too small."""
        if not too_small(self.size) or key in self.keys_under_notice()[0]:
            return False
        try:  # a child of the screens that have it (the exam's and the forms')
            notice = self.screen.get_child_by_id("too-small", TerminalTooSmall)
        except NoMatches:
            return False
        return bool(notice.display)

    def keys_under_notice(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The keys that act under the too-small notice (Textual's names) and the ids of
        those the notice names, in `NOTICE_KEYS`' order, of the bindings this app has."""
        if self._notice_keys is None:
            keys: set[str] = set()
            named: list[str] = []
            for key, bound in self._bindings.key_to_bindings.items():
                for binding in bound:
                    ident = binding.id or ""
                    if ident in NOTICE_KEYS or ident.startswith("lockdown."):
                        keys.add(key)
                    if ident in NOTICE_KEYS and ident not in named:
                        named.append(ident)
            order = sorted(named, key=NOTICE_KEYS.index)
            self._notice_keys = (frozenset(keys), tuple(order))
        return self._notice_keys

    # ------------------------------------------------------------------ typing into a letter pane

    async def _typed_as_command(self, event: events.Key) -> bool:
        """Whether the key goes on to its binding (`ui/typing_guard.py`): a printable key
        in a pane of the exam screen whose letters are commands is typing (dropped, the
        guard turns on), a command that waits (held back), or a command that acts now.
        A key that is not text lets a waiting command act first."""
        guard = self._typing
        if not event.is_printable:
            if guard.waiting is not None or guard.keeps_word:
                await self._run_waiting(guard.release())
            return True
        if self.screen is not self.main or _is_text_box(self.focused):
            return True
        active = _active_binding(self.screen, event.key)
        kind: Kind = "none"
        if active is not None and active.enabled:
            if active.binding.id in keymap.WAITING:
                kind = "waits"
            elif _action_name(active.binding.action) in REDIRECTS:
                kind = "opens"
            else:
                kind = "acts"
        elif self._bound_along(event.key, lambda _binding: True):
            kind = "acts"  # a command that does not apply now: it does nothing, as before
        clock = self.controller.session.clock
        payload = (
            (active.node, active.binding.action, self.focused, self._subject()) if active else None
        )
        decision, started = guard.printable(
            event.key, event.character or "", kind, clock.now(), payload, clock.speed
        )
        if decision == "act":
            return True
        if decision == "wait":
            self.set_timer(WAIT_S + TICK_LATE_S, self._typing_due, name="typing-wait")
        elif started:
            self._say_letters_are_commands()
        return False

    def _typing_due(self) -> None:
        """A waiting command whose time has come acts (the timer it set, or a tick)."""
        waiting = self._typing.due(self.controller.session.clock.now())
        if waiting is not None:
            self.call_later(self._run_waiting, waiting)

    async def _run_waiting(self, waiting: Waiting | None) -> None:
        """Run a waiting command, if it still applies where its key was pressed."""
        if waiting is None:
            return
        node, action, focused, subject = waiting.payload
        if self.screen is not self.main or self.focused is not focused:
            return
        if self._subject() != subject:
            # sec13: the ticket (or chat) left the view while the key waited, and the
            # cursor went to its neighbour: the command is not handed on to it.
            self.notify(
                _("The selection changed before {key} acted: nothing was done.").format(
                    key=waiting.key
                ),
                severity="warning",
                markup=False,
            )
            return
        if self._check_action_state(action, node):
            await self.run_action(action, node)

    def _subject(self) -> tuple[str | None, str | None]:
        """What a waiting command would act on: the ticket and the chat in view."""
        return self.main.ticket_id, self.main.conversation_id

    def _say_letters_are_commands(self) -> None:
        """Once for a burst of typing: letters here are commands, and where text goes."""
        now = time.monotonic()
        if now - self._typing_noticed < TYPING_NOTICE_S:
            return
        self._typing_noticed = now
        text = _(
            "Letters here are commands, not text: {reply} to reply on the ticket, "
            "{chats} to write in the chats."
        ).format(
            reply=keymap.first_key("ticket.reply"), chats=keymap.first_key("area.conversation")
        )
        self.notify(text, timeout=TYPING_NOTICE_S, severity="warning", markup=False)

    def _watch_redirect(self, event: events.Key) -> None:
        """A key that opens a screen or moves the focus makes the next keys wait."""
        if self._redirects_keys(event):
            self._opening = (None, time.monotonic() + HOLD_KEYS_S)
            self._opener = event

    # ------------------------------------------------------------------ keys while a screen opens

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Push a screen; keys typed before it has put the focus on its first field
        are held and then given to it, in order (issue 14, finding 4: the first
        letters of a title typed right after Ctrl+N went to the chat box behind).
        The main screen too, at start-up: keys typed while the exam starts wait for it."""
        result = super().push_screen(screen, *args, **kwargs)
        if isinstance(screen, Screen):
            self._opening = (screen, time.monotonic() + HOLD_KEYS_S)
            screen.call_after_refresh(self._drawn.add, screen)
        return result

    def _on_key(self, event: events.Key) -> None:
        """The key that was to open a screen or move the focus has come back up to the
        app, where its binding runs (Textual calls App._on_key after this, in MRO order).
        Once that has run, a key that opened nothing (a focus move, a refused action)
        lets the held keys go, to the new focus."""
        if event is self._opener:
            self.call_next(self._opener_done)
        if self._in_flight is not None and event is self._in_flight[0]:
            self.call_next(self._landed, event)

    async def _landed(self, event: events.Key) -> None:
        """A held key's binding has run (it came back up to the app): the next may go."""
        if self._in_flight is not None and self._in_flight[0] is event:
            self._in_flight = self._back_up = None
            await self._release_held()

    async def _opener_done(self) -> None:
        self._opener = None
        if self._opening is not None and self._opening[0] is None:
            self._opening = None
            await self._release_held()

    def _redirects_keys(self, event: events.Key) -> bool:
        """Whether this key will open a form or dialog, or move the focus. Its action runs
        when the key has gone through the focused widgets and back to the app, after the
        app has already passed on the keys typed next: those must wait, or they act on
        the screen behind the new one, or on the widget the focus is leaving."""
        if event.is_printable and _is_text_box(self.focused):
            return False  # typed into a text box
        if not self._may_redirect(event.key):
            return False
        active = _active_binding(self.screen, event.key)
        if active is None or not active.enabled:
            return False
        return _action_name(active.binding.action) in REDIRECTS

    def _may_redirect(self, key: str) -> bool:
        """Whether any binding of `key` along the focus chain has an action that redirects
        keys. Most keys have none (a queue cursor step, a letter), and then the answer
        above is False without `Screen.active_bindings`, which asks `check_action` of
        every binding of every widget along the chain: 6 % of a cursor step's calls.
        A superset of what `active_bindings` would find (the whole chain, disabled and
        shadowed bindings too), so a key that may redirect still gets the exact answer;
        with a user keymap (keys bound by id) every key gets the exact answer."""
        return self._bound_along(key, lambda binding: _action_name(binding.action) in REDIRECTS)

    def _bound_along(self, key: str, test: Callable[[Binding], bool]) -> bool:
        """Whether a binding of `key` that passes `test` is declared anywhere along the
        focus chain (a superset of Textual's binding chain: the same nodes, before it
        drops keys a text box takes and the bindings past a modal screen). True with a
        user keymap, which binds keys by id."""
        if self._keymap:
            return True
        screen = self.screen
        focused = screen.focused
        nodes = focused.ancestors_with_self if focused is not None else (screen, self)
        for node in nodes:
            for binding in node._bindings.key_to_bindings.get(key, ()):
                if test(binding):
                    return True
        return False

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        """Textual's, after a look for a priority binding of the key where one is asked
        for: every key is first offered to the priority bindings, and Textual builds the
        whole binding chain for that (a copy of every widget's bindings, each key tested
        against the text boxes), where the lockdown's and the proctor key's few keys are
        all there is to find."""
        if priority and not self._bound_along(key, lambda binding: binding.priority):
            return False
        return await super()._check_bindings(key, priority)

    def _opening_screen(self) -> bool:
        """Whether a screen is still opening: keys must wait for its focus."""
        if self._opening is None:
            return False
        screen, until = self._opening
        if screen is None:  # its key was pressed; its action has not pushed it yet
            if time.monotonic() <= until:
                return True
            self._opening = None
            return False
        # A screen with nothing to focus (the disk-fault notice) is ready once drawn.
        drawn = screen in self._drawn and not screen.focus_chain
        ready = screen.is_mounted and (screen.focused is not None or drawn)
        on_top = bool(self.screen_stack) and screen is self.screen_stack[-1]
        if ready or time.monotonic() > until or not on_top:
            self._opening = None
            return False
        return True

    def _hold(self, event: events.Key) -> None:
        self._held.append(event)
        if len(self._held) == 1:
            self.set_timer(HOLD_POLL_S, self._release_when_ready)

    async def _release_when_ready(self) -> None:
        if not self.screen_stack:  # the app is leaving: nothing to give the keys to
            self._held.clear()
            self._opening = None
            return
        if not self._opening_screen():
            await self._release_held()
        if self._held:
            self.set_timer(HOLD_POLL_S, self._release_when_ready)

    async def _release_held(self) -> None:
        """Hand the held keys to the screen now on top, oldest first (before any newer key:
        the app handles one message at a time), until one of them makes the rest wait
        again (e.g. "/printer" typed while the exam starts: after "/", the KB search)."""
        while self._held and not self._opening_screen() and not self._flying():
            event = self._held.pop(0)
            self._watch_redirect(event)
            await self._send_off(event, held=True)

    def _flying(self) -> bool:
        """Whether a key sent off is still on its way: not stopped by a widget, not landed
        at the app yet (`_landed`). `IN_FLIGHT_S` bounds only its way through the widgets
        (one may be removed with the key in its queue); back in the app's own queue it
        lands for sure, and a busy app (two test runs on a loaded machine) took 0.74 s to
        get to it: bounded, the next key went first (keys19)."""
        if self._in_flight is None:
            return False
        if self._back_up is self._in_flight[0]:
            return True
        event, until = self._in_flight
        if event._stop_propagation or time.monotonic() > until:
            self._in_flight = self._back_up = None
            return False
        return True

    def post_message(self, message: Any) -> bool:
        """Notes the key in flight coming back into the app's queue. Its screen marks it
        stopped as it posts it here when the key was made in the app's context (a test's,
        a pilot's key: Textual stops a message after its sender's child), so the flag
        alone read "stopped by a widget" while the key and its binding still waited in
        the queue: `c` was let go into the resolve form before Ctrl+S saved it (keys19)."""
        if self._in_flight is not None and message is self._in_flight[0]:
            self._back_up = message
        return super().post_message(message)

    def _install_signal_handlers(self) -> None:
        """Closing the terminal (SIGHUP) or a kill (SIGTERM) leaves cleanly: the log is
        flushed and left unsealed, to be resumed (Textual installs no handler itself)."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.exit, None)

    # ------------------------------------------------------------------ time

    def _schedule_tick(self) -> None:
        self.set_timer(self.next_tick_in(), self._scheduled_tick, name="exam-tick")

    async def _scheduled_tick(self) -> None:
        """One tick, then the next; none once the app is leaving (its screens are gone)
        or ticks were turned off (a test or benchmark driving the clock by hand).

        A key goes first: when the tick comes while a key waits for its frame (sent, or
        handled and not yet on screen), what fell due is fired and logged at once but the
        redraw waits one frame period (`let_key_go_first`)."""
        if not self.tick_interval or not self.screen_stack:
            return
        try:
            if self.input_waiting():
                await self.let_key_go_first()
            self.refresh_now()
            self.still_cursor_if_idle()
        finally:
            self._schedule_tick()

    def input_waiting(self) -> bool:
        """Whether a key waits for its frame: one in the app's queue, or one handled
        since the frame on screen was started (its effect is not on screen yet)."""
        if any(isinstance(message, events.Key) for message in self._message_queue.values):
            return True  # Textual's own queue (`textual._queue.Queue`, pinned 8.2.x)
        timer = getattr(self.screen, "_frame_timer", None)
        return timer is not None and self._last_key_time >= timer.last_frame

    async def let_key_go_first(self) -> None:
        """Let the waiting key's frame go first: fire and log what fell due now (the
        log and the reducer do not wait), and come back a frame period later for the
        redraw, again while a key still waits for its frame (one slower than a period,
        or the next typed meanwhile), up to `KEY_FIRST_MAX_S`: the clocks on screen are
        that late at most, never wrong. A second-long redraw (the queue's 300 SLA cells
        and their paint) that lands inside a key doubled that key's time to the screen
        (issue 14: the mix's p99); one period was not always enough: in bench_ui's mix
        (`bench_mix_tail.py`) 1-2 % of the keys still had the redraw inside them."""
        if not self._ending:
            self.controller.tick()
        for _period in range(max(1, round(KEY_FIRST_MAX_S / FRAME_PERIOD))):
            await asyncio.sleep(FRAME_PERIOD)
            if self._ending or not self.input_waiting():
                return

    def next_tick_in(self) -> float:
        """Wall seconds until the screen can next change (see `tick_delay`)."""
        controller = self.controller
        session = controller.session
        state = controller.state
        if state.ended:
            return TICK_MAX_S
        now = controller.now()
        clock = session.clock
        return tick_delay(
            now,
            phase=self.tick_phase,
            speed=clock.speed,
            paused=clock.paused,
            moments=(
                session.stimuli.next_due(state),
                state.duration_s or None,
                *(conv.busy_until for conv in state.conversations.values() if conv.is_live),
            ),
            lively=self._call_spoken(now),
            fast=self.tick_interval or TICK_S,
        )

    def _call_spoken(self, now: float) -> bool:
        """A caller is speaking: the call's transcript shows word by word."""
        return any(
            revealed(conv, now) is not None for conv in self.controller.state.conversations.values()
        )

    def refresh_now(self) -> None:
        """One scheduler tick (tests call it after moving the clock)."""
        if not self._ending:
            self._log_size_if_due()
            self._typing_due()
            self.main.refresh_now()
            on_tick = getattr(self.screen, "refresh_wait", None)
            if on_tick is not None:  # the proctor code's wait, counted down (bugs24)
                on_tick()
            self._collect_if_quiet()
            self._build_forms_if_quiet()

    def _build_forms_if_quiet(self) -> None:
        """One form built ahead per tick while nobody types and the exam is in front
        (`MainScreen.build_a_form_ahead`): its compose never delays a typed key."""
        if not self._forms_ahead or self.screen is not self.main or self._held or leaving(self):
            return
        if not self.candidate_typing():
            self._forms_ahead = self.main.build_a_form_ahead()

    def candidate_typing(self) -> bool:
        """Whether the last key or click came less than `PAUSE_S` ago. Work that can
        wait for a pause in the typing (a form built ahead, the exam redrawn behind a
        form) waits, so that it never holds a key back on a busy server."""
        return time.monotonic() - self._last_input < PAUSE_S

    def still_cursor_if_idle(self, now: float | None = None) -> None:
        """Stop the focused text box's cursor blinking once nobody has typed for
        `CURSOR_BLINK_IDLE_S` (called by the scheduler tick; `now` is monotonic time)."""
        now = time.monotonic() if now is None else now
        if now - self._last_input < CURSOR_BLINK_IDLE_S:
            return
        widget = self.focused
        if widget is not None and getattr(widget, "cursor_blink", None) is True:
            widget.cursor_blink = False  # Input and TextArea: the cursor stays shown
            self._stilled.add(widget)

    def _blink_again(self) -> None:
        """A key or a click: the cursors stilled while idle blink again."""
        for widget in list(self._stilled):
            widget.cursor_blink = True
        self._stilled.clear()

    def advance(self, seconds: float) -> None:
        """Tests: move a `ManualClock` on and tick."""
        self.controller.session.clock.advance(seconds)  # type: ignore[attr-defined]
        self.refresh_now()

    # ------------------------------------------------------------------ no way out

    def blocked(self, what: str) -> None:
        """A link, a file or a program the exam refused to open: logged, and said once."""
        if self.controller.log_blocked(what):
            self.notify(
                _("Links and files do not open during the exam; the attempt is logged."),
                severity="warning",
                timeout=4,
            )
        else:
            super().blocked(what)

    def on_resize(self, event: events.Resize) -> None:
        """The terminal's size: when it goes below 80 x 24 (the screens show the too-small
        notice and the exam goes on) and when it is large enough again, logged as
        `lockdown_key_blocked` ("terminal too small: 60 x 20", "terminal large enough:
        100 x 30"), so the report's and the review's Session part show it (bugs12 found it
        missing). An existing type, not a new one: the field is free text, the type already
        carries what the terminal driver refused, and an older verifier still reads it."""
        self._size_seen = (too_small(event.size), f"{event.size.width} x {event.size.height}")
        self._log_size_if_due()

    def _log_size_if_due(self) -> None:
        """At most one size record a second of exam time (sec14: a terminal toggled across
        80 x 24 by a script logged every crossing, 200 records in a second of exam time);
        a change within the second is logged by the tick once the second is over, as the
        terminal is then, so the last state it was left in is always logged."""
        small, size = self._size_seen
        if small == self._too_small:
            return
        now = self.controller.now()
        if now - self._size_logged_at < SIZE_RECORD_EVERY_S:
            return
        self._too_small, self._size_logged_at = small, now
        what = TERMINAL_TOO_SMALL if small else TERMINAL_LARGE_ENOUGH
        self.controller.log_blocked(what + size)

    def input_refused(self, kind: str) -> None:
        """The terminal sent bytes that are not text, or a flood of keys (from the
        driver, once per kind): logged as a blocked input, said once."""
        self.controller.log_blocked(kind)
        super().input_refused(kind)

    # ------------------------------------------------------------------ keys

    def get_key_display(self, binding: Binding) -> str:
        """As the help writes them (`NoWayOut`): F2, Ctrl+L. Kept per binding (its key and
        key display are all the answer reads): the footer asks for every key it shows on
        every area switch."""
        kept = self._displayed_keys.get((binding.key, binding.key_display))
        if kept is None:
            kept = super().get_key_display(binding)
            self._displayed_keys[(binding.key, binding.key_display)] = kept
        return kept

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("request_quit", "quit", "command_palette"):
            return not self.locked
        return True

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            state = self.controller.state
            scenario = state.scenario_title or state.scenario_id or ""
            self.push_screen(HelpScreen(locked=self.locked, scenario=scenario))

    def action_request_quit(self) -> None:
        """Practice: ask, then end the session (sealed 'completed' by the caller)."""
        if self.locked or self._ending or isinstance(self.screen, ConfirmQuit):
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                self.controller.cancel_form("quit", None)
                self.main.redraw()
                return
            self.end_by_candidate()

        self.push_screen(ConfirmQuit(), answered)

    def end_by_candidate(self) -> None:
        """Ctrl+Q answered yes: end the session and leave (the caller seals the log)."""
        self._ending = True
        self.controller.end_session("completed")
        self.exit("completed")

    async def action_quit(self) -> None:
        """What the command palette's Quit calls: the same confirmation."""
        self.action_request_quit()

    def session_over(self, reason: str) -> None:
        """The session ended (time up): say so, then leave on Enter."""
        if self._ending:
            return
        self._ending = True
        self.push_screen(EndScreen(reason), lambda _result: self.exit(reason))
