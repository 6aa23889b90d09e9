"""sec14 (red team): a browser tab's keys go through the input guard too.

textual-serve hands what a tab's websocket sends ("stdin" packets) to Textual's
WebDriver, which decoded it and fed every character to its parser: one key event each,
past the input guard (sec13 saw it; read in textual-serve's `app_service.py` and Textual's
`web_driver.py`). One 100,000-character websocket message was 100,000 key events in the
class's shared practice server, and `ESC ] 52 ; c ; ... BEL` was typed key by key. Every
app of ours now reads a tab through `GuardedWebDriver`: a flood is one paste, a stray
terminal string is dropped, and the meta packets (resize, focus) still reach the app.
The expected counts come from the guard's documented bounds, not from this driver.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.drivers.web_driver import WebDriver

from helpdesk_tui.ui.input_guard import FLOOD_CHARS
from helpdesk_tui.ui.terminal import driver_class_for
from helpdesk_tui.ui.web_guard import GuardedWebDriver


def packet(kind: bytes, payload: bytes) -> bytes:
    """textual-serve's framing: a type byte, a 4-byte big-endian size, the payload."""
    return kind + len(payload).to_bytes(4, "big") + payload


class Reader(list):  # type: ignore[type-arg]
    def close(self) -> None:
        pass


class FakeApp:
    def __init__(self) -> None:
        self.posted: list[Any] = []
        self.refused: list[str] = []

    def post_message(self, message: Any) -> None:
        self.posted.append(message)

    def call_from_thread(self, fn: Any, *args: Any) -> None:
        fn(*args)

    def input_refused(self, kind: str) -> None:
        self.refused.append(kind)


def run(driver_class: type, chunks: list[bytes]) -> tuple[list[Any], FakeApp]:
    """The driver's input loop over `chunks` (b"" is the reader's 0.1 s without input)."""
    driver = driver_class.__new__(driver_class)  # no stdin, no app loop: only its input
    app = FakeApp()
    seen: list[Any] = []
    driver._app, driver._debug, driver._input_reader = app, False, Reader(chunks)
    driver._size = (80, 24)
    driver.process_message = seen.append  # type: ignore[method-assign]
    driver.run_input_thread()
    return seen, app


def keys(messages: list[Any]) -> list[str]:
    return [m.key for m in messages if isinstance(m, events.Key)]


def test_every_app_reads_a_browser_tab_through_the_guard() -> None:
    assert driver_class_for(WebDriver) is GuardedWebDriver


def test_a_flood_from_a_tab_is_one_paste_not_a_key_a_character() -> None:
    flood = b"a" * 5_000 + b"\r"
    textual_keys = keys(run(WebDriver, [packet(b"D", flood)])[0])
    assert len(textual_keys) == 5_001  # what Textual's own driver made of it
    seen, app = run(GuardedWebDriver, [packet(b"D", flood), b"", b""])
    assert len(keys(seen)) <= FLOOD_CHARS  # a flood never acts key by key
    pastes = [m for m in seen if isinstance(m, events.Paste)]
    assert pastes and "enter" not in keys(seen)
    assert app.refused == ["input flood"]


def test_a_stray_terminal_string_from_a_tab_is_not_typed() -> None:
    stray = b"\x1b]52;c;SGVsbG8=\x07hi"
    seen, app = run(GuardedWebDriver, [packet(b"D", stray), b"", b""])
    assert keys(seen) == ["h", "i"]
    assert app.refused == ["terminal sequence"]


def test_typing_and_the_meta_packets_still_reach_the_app() -> None:
    resize = packet(b"M", b'{"type": "resize", "width": 100, "height": 30}')
    seen, app = run(GuardedWebDriver, [packet(b"D", b"ok\r") + resize, b""])
    assert keys(seen) == ["o", "k", "enter"]
    sizes = [m.size for m in app.posted if isinstance(m, events.Resize)]
    assert [(s.width, s.height) for s in sizes] == [(100, 30)]
