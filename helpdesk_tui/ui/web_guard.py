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

import time
from typing import Any

from textual import log
from textual._xterm_parser import XTermParser
from textual.drivers._byte_stream import ByteStream
from textual.drivers.web_driver import WebDriver, _ExitInput

from helpdesk_tui.ui.input_guard import FLOOD_CHARS, InputGuard
from helpdesk_tui.ui.terminal import GuardedInput


class GuardedWebDriver(GuardedInput, WebDriver):
    """Textual's WebDriver; stdin packets read through `InputGuard`."""

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
