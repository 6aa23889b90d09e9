"""No way out through content: our apps never open a URL, a file or a program.

Textual opens a link with `App.open_url`, which runs `webbrowser.open`: on an
exam server with no display that starts a console browser (`www-browser`,
`lynx`, `w3m`...) on the candidate's terminal, as the exam user, who can read
the exam-centre key. A browser gives web access, `file://` reads and often a
shell. Textual can also write files (`deliver_text`, `deliver_binary`, a
screenshot) and suspend the app to run a program (`App.suspend`).

`NoWayOut` is mixed into every app of ours (the exam, the review, the observer,
the room) and replaces each of these with a refusal that is reported through
`blocked(what)`: the exam logs it as a blocked action (`lockdown_key_blocked`),
the others only say so on screen. `tests/ui/test_no_way_out.py` checks every
app class of the package uses it and that no link on any screen reaches a
browser.

The terminal is a way out too: one invalid byte (a Latin-1 "é") made Textual's
input thread die with a traceback and left the rest of the typed bytes to the
shell. So every app also reads its terminal through `ui.terminal.GuardedDriver`
(invalid bytes replaced, pastes and bursts bounded, a hang-up noticed): the
exam logs what the guard refused (`ExamApp.input_refused`), the others say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual import events
from textual.app import App, SuspendNotSupported
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Input, TextArea

from helpdesk_tui.i18n import _
from helpdesk_tui.no_break import keep_rich, keep_textual
from helpdesk_tui.ui.edges import read_no_markup
from helpdesk_tui.ui.input_guard import FLOOD_CHARS, MAX_COLUMNS, MAX_ROWS
from helpdesk_tui.ui.keymap import footer_written
from helpdesk_tui.ui.styles_colors import unpin_styles_caches

unpin_styles_caches()  # every app of ours (exam, review, observe, room) mixes NoWayOut in
keep_textual()  # and none breaks a line at a no-break space (French "30 s", "Humeur : ...")
keep_rich()
read_no_markup()  # and none reads any text as markup: a str is shown as it is (sec22)

VIEWER_TYPED_AT_ONCE = 1
"""Review, observe, room: no one presses two of their one-letter keys within one read, so
two or more letters at once are a paste without markers (a terminal, or tmux's
`paste-buffer` without -p): "abc def" pasted into the review opened its comment dialog
("c") with " def" in it."""
VIEWER_BURST_STOPS = "q\x11"
"""Keys after which a burst of queued keys ends in every viewer (q, Ctrl+Q: leave); each app
adds those that open a dialog (`ui.input_guard`, `InputGuard.stops`)."""
MAX_SHOWN = 200
"""A URL is logged and shown cut to this many characters (a link is content: hostile)."""


def clip_url(url: str) -> str:
    """The URL as it may be logged: printable characters only, bounded."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in url[: MAX_SHOWN + 1])
    return printable if len(printable) <= MAX_SHOWN else printable[: MAX_SHOWN - 1] + "…"


def _markdown_link(widget: object) -> bool:
    """The widget is one of Textual's Markdown blocks (whose links are its own actions),
    told without importing the Markdown module (the KB makes its view on first use)."""
    return any(cls.__module__ == "textual.widgets._markdown" for cls in type(widget).__mro__)


class NoWayOut:
    """Mixin for a Textual `App`: every way to launch something is refused and reported,
    and the terminal is read through the input guard."""

    TYPED_AT_ONCE: int = FLOOD_CHARS
    """Printable characters one read of the terminal may hold and still be typing (see
    `ui.input_guard`); more is pasted text, which never acts as keys. The exam types
    text: a line and its Enter may come at once. `VIEWER_TYPED_AT_ONCE` is for apps
    whose main screen has only one-letter keys."""
    BURST_STOPS: str = ""
    """Keys after which a burst of queued keys is cut (`InputGuard.stops`): a key that
    opens a dialog or leaves; what was typed after it was meant for a screen not yet seen."""

    def get_driver_class(self) -> Any:
        """`GuardedDriver` wherever Textual would use its Linux driver."""
        default = super().get_driver_class()  # type: ignore[misc]
        try:
            from helpdesk_tui.ui.terminal import driver_class_for
        except ImportError:  # no termios: not a POSIX terminal
            return default
        return driver_class_for(default)

    def typed_at_once_now(self) -> int:
        """From the input thread, before each read is judged: `TYPED_AT_ONCE`, but the
        exam's bound (`FLOOD_CHARS`, and the typing rate) while a text box has the focus
        (the review's jump and comment, a search): there a line and its Enter read together
        are typing. "0:01:00" and Enter typed into the review's jump box while it was busy
        (or sent by tmux) were a paste and the Enter was dropped (bugs19). Letters read
        together on a viewer's own screen stay a paste; a burst whose first key opens the
        box is read while the screen still has the focus. Reads the focus without a lock:
        a read judged by the focus of a moment before is judged as if it came then."""
        bound = self.TYPED_AT_ONCE
        if bound >= FLOOD_CHARS:
            return bound
        try:
            focused = self.focused  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - no screen yet, or one being swapped: the app's
            return bound
        return FLOOD_CHARS if isinstance(focused, (Input, TextArea)) else bound

    def get_key_display(self, binding: Binding) -> str:
        """A key as the help writes it (`keymap.footer_written`): Ctrl+S and F1 in every
        app's key bar, never Textual's ^s (bugs20)."""
        if binding.key_display:
            return binding.key_display
        return footer_written(binding.key) or super().get_key_display(binding)  # type: ignore[misc]

    async def _on_resize(self, event: events.Resize) -> None:
        """No larger than any screen is (`MAX_COLUMNS` x `MAX_ROWS`): in a browser the
        size is the page's word (textual-serve's `?width=` and its websocket's resize
        messages reach Textual's WebDriver, past the input guard), and 3000 x 3000 took
        38 s and 300 MB to lay out (sec13). Textual calls each class's handler in turn;
        an oversized event stops there and the app's own takes the clamped size."""
        size = event.size
        if size.width <= MAX_COLUMNS and size.height <= MAX_ROWS:
            return
        event.prevent_default()
        fits = Size(min(size.width, MAX_COLUMNS), min(size.height, MAX_ROWS))
        await App._on_resize(self, events.Resize(fits, fits))  # type: ignore[arg-type]

    def input_refused(self, kind: str) -> None:
        """The driver replaced invalid bytes or cut a flood of keys (once per kind)."""
        message = {
            "invalid input bytes": _(
                "Some typed characters could not be read; they were left out."
            ),
            "input flood": _("A very long paste or burst of keys was cut short."),
        }.get(kind)
        if message:
            self.notify(message, severity="warning", timeout=5)  # type: ignore[attr-defined]

    def terminal_lost(self, reason: str) -> None:
        """From any thread: the terminal went away (hang-up, a write failed): leave.
        The exam overrides this to log the interruption (`SessionApp`)."""
        loop = getattr(self, "_loop", None)
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.exit)  # type: ignore[attr-defined]

    def blocked(self, what: str) -> None:
        """A launch was refused; apps that keep a log log it (`ExamApp` does)."""
        self.notify(  # type: ignore[attr-defined]
            _("Links and files do not open here."), severity="warning", timeout=4
        )

    async def _broker_event(
        self, event_name: str, event: events.Event, default_namespace: Any
    ) -> bool:
        """A click on text runs no action the text carries (Textual runs a style's
        `@click` meta as an action: `[@click=app.quit]x[/]` made one, sec20), but the links
        Textual's Markdown makes itself (`link(...)`, refused by `open_url` above or the
        KB panel). No str is markup in our apps (`edges.read_no_markup`); this holds for a
        Rich `Text` made elsewhere too. Refused, and reported as a blocked action."""
        meta = getattr(getattr(event, "style", None), "meta", None) or {}
        action = meta.get(f"@{event_name}")
        if action is not None and not _markdown_link(default_namespace):
            event.stop()
            self.blocked(f"action {clip_url(str(action))}")
            return True
        return await super()._broker_event(event_name, event, default_namespace)  # type: ignore[misc,no-any-return]

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Never a browser (Textual would run `webbrowser.open`)."""
        self.blocked(f"link {clip_url(url)}")

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """Never a file written on the candidate's request."""
        self.blocked("save a file")
        return None

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        self.blocked("save a file")
        return None

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        self.blocked("screenshot")
        return None

    def action_screenshot(self, *args: Any, **kwargs: Any) -> None:
        self.blocked("screenshot")

    @contextmanager
    def suspend(self) -> Iterator[None]:
        """No program runs in the app's place."""
        self.blocked("suspend")
        raise SuspendNotSupported("suspending is not allowed here")
        yield  # pragma: no cover - a generator for contextmanager

    def action_suspend_process(self) -> None:
        self.blocked("suspend")


__all__ = ["VIEWER_BURST_STOPS", "VIEWER_TYPED_AT_ONCE", "NoWayOut", "clip_url"]
