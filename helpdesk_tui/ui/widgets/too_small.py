"""Below 80 x 24 the exam cannot be read: say so, and pause nothing.

The notice covers the screen while the terminal is too small and goes away
when it is large enough again. Nothing stops: the exam clock, the SLA clocks
and the customers go on (as they would while a candidate looks away), and every
draft and form keeps its text, because the widgets underneath are only out of
sight, not removed. Keys do nothing under it but the ones it names (the proctor's
F12; in practice the pause and quit keys) and the exam's blocked keys, which
only log the attempt (`ExamApp._under_the_notice`, bugs24): before, a key acted
on the screen underneath, which the candidate could not see (sec21).

It stands on the notices' (toasts') layer, after them: practice's start notice stood over
its key line at 60 x 20 (bugs24); hidden by a class on the screen instead, a notice came
back over it once the screen was shown again (after the proctor's dialog). The proctor's dialogs, which F12 opens over it, say it in
one line of their own at the top (`TooSmallLine`): at 1 x 1 nothing of the dialog showed
(bugs25).
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import Static

from helpdesk_tui.i18n import _
from helpdesk_tui.ui import keymap

MIN_WIDTH = 80
MIN_HEIGHT = 24
TOO_SMALL_CLASS = "-too-small"
"""On a proctor dialog while the terminal is too small (proctor.tcss)."""
NOTICE_KEYS: tuple[str, ...] = ("exam.proctor", "practice.pause", "quit")
"""The keys (keymap ids) that still act under the notice, where the app binds them; the
notice names them."""


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TerminalTooSmall(Static):
    """A full-screen notice shown only while the terminal is below the minimum."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]

    def fit(self, size: Size) -> None:
        small = too_small(size)
        if small:
            self.update(
                _(
                    "The terminal is too small ({width} x {height}).\n"
                    "Enlarge it to at least {min_width} x {min_height}.\n\n"
                    "The exam goes on meanwhile: nothing is paused or lost."
                ).format(
                    width=size.width,
                    height=size.height,
                    min_width=MIN_WIDTH,
                    min_height=MIN_HEIGHT,
                )
                + "\n"
                + self._keys_line()
            )
        if self.display != small:
            self.display = small

    def _keys_line(self) -> str:
        """What keys do here: nothing, but those named (`NOTICE_KEYS` the app binds)."""
        named = getattr(self.app, "keys_under_notice", None)
        ids = named()[1] if named is not None else ()
        if not ids:
            return _("Keys do nothing until it is larger.")
        keys = ", ".join(f"{keymap.first_key(i)} {_(keymap.description(i))}" for i in ids)
        return _("Keys do nothing until it is larger, but {keys}.").format(keys=keys)


class TooSmallLine(Static):
    """The too-small notice in one line, first on a dialog that opens over the notice (the
    proctor's, F12): it names the size and the minimum, and leaves the dialog's keys alone
    (the code is typed at any size; `ExamApp._under_the_notice` reads only `#too-small`)."""

    DEFAULT_CSS = """
    TooSmallLine {
        dock: top;
        width: 100%;
        height: auto;
        background: $error;
        color: $text;
        text-style: bold;
        display: none;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]

    def fit(self, size: Size) -> None:
        small = too_small(size)
        if small:
            self.update(
                _("Too small ({width} x {height}): enlarge to {min_width} x {min_height}.").format(
                    width=size.width, height=size.height, min_width=MIN_WIDTH, min_height=MIN_HEIGHT
                )
            )
        if self.display != small:
            self.display = small
        self.screen.set_class(small, TOO_SMALL_CLASS)  # no scroll bar over it (proctor.tcss)


class SaysTooSmall:
    """A screen over the too-small notice (the proctor's dialogs F12 opens, the end and
    paused screens, practice's pause): it says the terminal is too small in its first line
    (a `TooSmallLine`, composed first), so the proctor knows to enlarge it; at 1 x 1 nothing
    of the proctor's dialog showed (bugs24's walk, bugs25), and the end and paused screens
    said nothing of the size (bugs26)."""

    def _fit_too_small(self, size: Size) -> None:
        self.query_one(TooSmallLine).fit(size)  # type: ignore[attr-defined]

    def on_mount(self) -> None:  # Textual runs each class's handler: this and the screen's
        self._fit_too_small(self.app.size)  # type: ignore[attr-defined]

    def on_resize(self, event: events.Resize) -> None:
        self._fit_too_small(event.size)
