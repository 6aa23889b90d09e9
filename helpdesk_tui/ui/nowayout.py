"""No way out through content: our apps never open a URL, a file or a program.

Textual opens a link with `App.open_url`, which runs `webbrowser.open`: on an
exam server with no display that starts a console browser (`www-browser`,
`lynx`, `w3m`...) on the candidate's terminal, as the exam user, who can read
the exam-centre key. A browser gives web access, `file://` reads and often a
shell. Textual can also write files (`deliver_text`, `deliver_binary`, a
screenshot) and suspend the app to run a program (`App.suspend`).

`NoWayOut` is mixed into every app of ours (the exam, the review, the observer)
and replaces each of these with a refusal that is reported through
`blocked(what)`: the exam logs it as a blocked action (`lockdown_key_blocked`),
the others only say so on screen. `tests/ui/test_no_way_out.py` checks every
app class of the package uses it and that no link on any screen reaches a
browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.app import SuspendNotSupported

from helpdesk_tui.i18n import _

MAX_SHOWN = 200
"""A URL is logged and shown cut to this many characters (a link is content: hostile)."""


def clip_url(url: str) -> str:
    """The URL as it may be logged: printable characters only, bounded."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in url[: MAX_SHOWN + 1])
    return printable if len(printable) <= MAX_SHOWN else printable[: MAX_SHOWN - 1] + "…"


class NoWayOut:
    """Mixin for a Textual `App`: every way to launch something is refused and reported."""

    def blocked(self, what: str) -> None:
        """A launch was refused; apps that keep a log log it (`ExamApp` does)."""
        self.notify(  # type: ignore[attr-defined]
            _("Links and files do not open here."), severity="warning", timeout=4
        )

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


__all__ = ["NoWayOut", "clip_url"]
