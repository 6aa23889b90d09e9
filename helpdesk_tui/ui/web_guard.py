"""A browser tab's keys through the input guard (practice in a browser, textual-serve).

textual-serve starts one practice process per tab with Textual's `WebDriver`, and passes
what the tab's websocket sends as "stdin" packets. Textual's web driver decodes them
strictly and hands every character to its parser, one key event each: the input guard of
the terminal (`ui.input_guard`) was not on that way (sec13 saw it, sec14 read it). So one
tab's 4 MB websocket message (aiohttp's bound) of characters outside a paste became four
million key events in the class's shared server (555 KB made the exam 2.2 GB before the
guard), and a stray terminal string (`ESC ] 52 ; ...`) was typed key by key.

`GuardedWebDriver` is Textual's web driver with the terminal's guard between the packets
and the parser: the same flood bound, paste cut and stray-sequence filter. It is practice,
not the locked exam: nothing here locks a tab down (the student can close it), it only
keeps one tab from tying up the server the class shares.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import threading
import time
from typing import Any

from textual import log
from textual._xterm_parser import XTermParser
from textual.drivers._byte_stream import ByteStream
from textual.drivers.web_driver import WebDriver, _ExitInput

from helpdesk_tui.ui.input_guard import FLOOD_CHARS, MAX_COLUMNS, MAX_ROWS, InputGuard
from helpdesk_tui.ui.terminal import GuardedInput
from helpdesk_tui.ui.web_text import TAB_CLOSED, TAB_IDLE, TAB_IDLE_CLOSED

FOCUS_EVERY_S = 0.2
"""A tab's focus or blur is passed on at most this often: each restyles the app, and 100,000
of them from one websocket kept a closed tab's practice busy minutes after, growing 2.5 MB
a second (sec19). A person switches tabs a few times a second at most."""
OUTPUT_WAIT_S = 20.0
"""How long a tab may take none of the app's output before it counts as gone."""


def tab_size(width: object, height: object) -> tuple[int, int] | None:
    """A tab's size as the app may take it: whole numbers from 0 to the largest screen
    (`MAX_COLUMNS` x `MAX_ROWS`), or None for a size that is no size. A websocket
    `["resize", {"width": -5, ...}]` (or "abc", 80.5, null, a list) reached Textual as it
    was and ended the tab's practice with a traceback (sec19): no page sends one, anyone
    who reaches the server can."""
    if type(width) is not int or type(height) is not int:  # bool is an int: refused too
        return None
    return min(max(width, 0), MAX_COLUMNS), min(max(height, 0), MAX_ROWS)


class GuardedWebDriver(GuardedInput, WebDriver):
    """Textual's WebDriver; stdin packets read through `InputGuard`, sizes through `tab_size`."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        if self._size is not None:  # from COLUMNS/ROWS: textual-serve's `?width=&height=`
            self._size = tab_size(*self._size) or (80, 24)
        self._gone = False
        self._write = self._write_or_leave  # type: ignore[method-assign]

    def start_application_mode(self) -> None:
        """Textual's, then SIGTERM back to the session's own stop (`StopSignals`): the web
        driver's handler only queues an exit behind what the app is busy with, and ends
        it without a word in the log; ours logs the interruption and leaves the log
        resumable as on a hang-up, and forces the end if the loop does not get there."""
        super().start_application_mode()
        stopper = getattr(self._app, "stopper", None)
        if stopper is not None and threading.current_thread() is threading.main_thread():
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
            stopper.reclaim(signal.SIGTERM)

    def _write_or_leave(self, data: bytes) -> None:
        """Write to textual-serve, or leave when it has stopped reading.

        textual-serve stops reading a tab's output when its websocket closes, and then
        only sends `quit`: an app with output still to write was blocked in `os.write`
        for good and never read it (sec19: a tab closed during a burst of 20,000 resizes
        left its practice running, 75 MB, its log open, minutes later). A pipe that takes
        nothing for `OUTPUT_WAIT_S` is a tab that is gone: the app leaves as on a hang-up."""
        if self._gone:
            return
        view = memoryview(data)
        while view:
            try:
                _r, ready, _x = select.select([], [self.fileno], [], OUTPUT_WAIT_S)
                if not ready:
                    raise TimeoutError(f"nothing written for {OUTPUT_WAIT_S:g} s")
                view = view[os.write(self.fileno, view[: select.PIPE_BUF]) :]  # never blocks
            except (OSError, ValueError) as exc:
                self._gone = True
                lost = getattr(self._app, "terminal_lost", None)
                if lost is not None:
                    lost(f"the browser tab stopped reading ({exc})")
                return

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        """A resize that is no size is dropped; one out of bounds is bounded; focus and blur
        only as often as a person switches tabs (`FOCUS_EVERY_S`); `quit` ends the session
        as interrupted (`_tab_closed`)."""
        if packet_type == TAB_IDLE:
            self._closed_reason = TAB_IDLE_CLOSED
            return
        if packet_type == "quit" and self._tab_closed():
            return
        if packet_type in ("focus", "blur"):
            now = time.monotonic()
            if now - getattr(self, "_focus_at", -FOCUS_EVERY_S) < FOCUS_EVERY_S:
                return
            self._focus_at = now
        if packet_type == "resize":
            size = tab_size(payload.get("width"), payload.get("height"))
            if size is None:
                log.warning(f"a resize that is no size dropped: {payload!r:.200}")
                return
            payload = {**payload, "width": size[0], "height": size[1]}
        super().on_meta(packet_type, payload)

    def _tab_closed(self) -> bool:
        """textual-serve's `quit` (its tab closed, or closed for its quiet): the session ends
        as on a hang-up, its interruption logged, the log unsealed and resumable. Textual's
        driver turns `quit` into a plain exit that logged nothing of how the practice ended
        (sec23). False for an app without a session's stop (Textual's exit then)."""
        lost = getattr(self._app, "terminal_lost", None)
        if lost is None:
            return False
        self._gone = True  # nobody reads the tab's output any more
        lost(getattr(self, "_closed_reason", TAB_CLOSED))
        return True

    def run_input_thread(self) -> None:
        guard = InputGuard(
            getattr(self._app, "TYPED_AT_ONCE", FLOOD_CHARS), getattr(self._app, "BURST_STOPS", "")
        )
        parser = XTermParser(debug=self._debug)
        byte_stream = ByteStream()
        last_input = time.monotonic()
        told: set[str] = set()
        try:
            for data in self._input_reader:
                waited = time.monotonic() - last_input
                if data:
                    for packet_type, payload in byte_stream.feed(data):
                        if packet_type == "D":
                            last_input = time.monotonic()
                            self._deliver(parser, self._bound(guard).feed(payload, waited=waited))
                            waited = 0.0
                        else:
                            self._on_meta(packet_type, payload)
                else:
                    self._deliver(parser, guard.idle(time.monotonic() - last_input))
                for event in parser.tick():
                    self.process_message(event)
                self._tell_once(guard, told)
        except _ExitInput:
            pass
        except Exception:  # as Textual's own: the tab's input ends, the server goes on
            from traceback import format_exc

            log(format_exc())
        finally:
            self._input_reader.close()

    def _call_in_app(self, notify: Any, kind: str) -> None:
        self._app.call_from_thread(notify, kind)
