"""sec19 (red team): a browser tab's size is whatever its websocket says.

textual-serve passes a tab's `["resize", {"width": W, "height": H}]` on to the app's
WebDriver unchecked (read in textual-serve's `server.py`: `set_terminal_size(data["width"],
data["height"])`), and Textual's driver posts `Size(W, H)`. No page sends a size that is no
size, but anyone who reaches the server can: -5 x -5, "abc", 80.5 or null ended the tab's
practice with a traceback (IndexError in the compositor, TypeError in the app's resize
handler; seen on a served practice, benchmarks/README.md "(branch sec19)"). A terminal's
size is a count of cells (`struct winsize` holds unsigned shorts), so what the app may be
told is a whole number from 0, at most the largest screen any app lays out.

And its output: textual-serve stops reading it when the websocket closes, so an app with
a frame still to write waited in `os.write` for good (the last tests here).
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

import pytest
from textual import events
from textual.geometry import Size

from helpdesk_tui.ui.input_guard import MAX_COLUMNS, MAX_ROWS
from helpdesk_tui.ui.web_guard import GuardedWebDriver

from .conftest import Rig
from .pilot import at
from .test_sec14_web_guard import FakeApp, Reader, packet, run


def resize(width: Any, height: Any) -> bytes:
    """The meta packet textual-serve writes for a tab's resize message."""
    return packet(b"M", json.dumps({"type": "resize", "width": width, "height": height}).encode())


def sizes(width: Any, height: Any) -> list[Size]:
    """The sizes the app is told after one resize message from a tab."""
    _seen, app = run(GuardedWebDriver, [resize(width, height), b""])
    return [m.size for m in app.posted if isinstance(m, events.Resize)]


@pytest.mark.parametrize(
    ("width", "height"),
    [("abc", 24), (80.5, 24.5), (None, None), ([1], {"a": 1}), (True, True), (80, "24")],
)
def test_a_size_that_is_no_size_is_not_passed_on(width: Any, height: Any) -> None:
    assert sizes(width, height) == []


def test_a_size_below_nothing_is_nothing_and_above_the_largest_is_the_largest() -> None:
    assert sizes(-5, -5) == [Size(0, 0)]
    assert sizes(10**30, 3) == [Size(MAX_COLUMNS, 3)]
    assert sizes(7, 10**6) == [Size(7, MAX_ROWS)]


def test_an_ordinary_size_reaches_the_app_as_sent() -> None:
    assert sizes(100, 30) == [Size(100, 30)]
    assert sizes(0, 0) == [Size(0, 0)]


async def test_the_first_size_from_the_tabs_address_is_bounded_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """textual-serve puts `?width=&height=` in COLUMNS and ROWS; the driver sizes from them."""
    monkeypatch.setattr("textual.drivers.web_driver.InputReader", Reader)  # no stdin to poll
    assert GuardedWebDriver(FakeApp(), size=(-5, -3))._size == (0, 0)  # type: ignore[arg-type]
    assert GuardedWebDriver(FakeApp(), size=(5000, 30))._size == (MAX_COLUMNS, 30)  # type: ignore[arg-type]


async def test_the_app_outlives_the_smallest_size_a_tab_is_bounded_to(rig: Rig) -> None:
    """-5 x -5 from a tab is now 0 x 0: the app lays that out and goes on."""
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await at(pilot, 5)
        nothing = Size(*sizes(-5, -5)[0])
        app.post_message(events.Resize(nothing, nothing))
        await pilot.pause()
        await at(pilot, 6)
        ordinary = Size(100, 30)
        app.post_message(events.Resize(ordinary, ordinary))
        await pilot.pause()
        await at(pilot, 7)
        assert app.size == ordinary
        assert app.is_running


class Leaving(FakeApp):
    def __init__(self) -> None:
        super().__init__()
        self.lost: list[str] = []

    def terminal_lost(self, reason: str) -> None:
        self.lost.append(reason)


def piped_driver(monkeypatch: pytest.MonkeyPatch) -> tuple[GuardedWebDriver, Leaving, int, int]:
    """A driver whose output goes into a pipe (textual-serve's end is `read_end`)."""
    monkeypatch.setattr("textual.drivers.web_driver.InputReader", Reader)  # no stdin to poll
    monkeypatch.setattr("helpdesk_tui.ui.web_guard.OUTPUT_WAIT_S", 0.2)
    app = Leaving()
    driver = GuardedWebDriver(app)  # type: ignore[arg-type]
    read_end, write_end = os.pipe()
    driver.fileno = write_end
    return driver, app, read_end, write_end


async def test_a_tab_that_stopped_reading_is_left_not_waited_on_for_ever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """textual-serve stops reading when the websocket closes: a frame bigger than the pipe
    (64 KiB) blocked the app in `os.write` for good (sec19: 75 MB, its log open)."""
    driver, app, read_end, write_end = piped_driver(monkeypatch)
    try:
        writing = threading.Thread(target=driver.write, args=("x" * 200_000,), daemon=True)
        writing.start()
        writing.join(timeout=10)
        assert not writing.is_alive(), "the write still waits on a pipe nobody reads"
        assert len(app.lost) == 1 and "stopped reading" in app.lost[0]
        driver.write("more")  # gone: dropped at once
        assert len(app.lost) == 1
    finally:
        os.close(read_end)
        os.close(write_end)


async def test_a_tab_that_reads_gets_every_byte_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    driver, app, read_end, write_end = piped_driver(monkeypatch)
    received = bytearray()

    def read_all() -> None:
        while chunk := os.read(read_end, 65536):
            received.extend(chunk)

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    text = "".join(chr(0x41 + i % 26) for i in range(300_000))
    driver.write(text)
    os.close(write_end)
    reader.join(timeout=10)
    os.close(read_end)
    assert app.lost == []
    assert bytes(received) == b"D" + len(text).to_bytes(4, "big") + text.encode()


def test_a_flood_of_focus_and_blur_reaches_the_app_as_a_person_would_switch() -> None:
    """100,000 alternating focus/blur messages from one websocket kept a closed tab's
    practice busy for minutes; a person switches tabs a few times a second at most."""
    flood = [
        packet(b"M", json.dumps({"type": "blur" if i % 2 else "focus"}).encode())
        for i in range(1_000)
    ]
    _seen, app = run(GuardedWebDriver, [*flood, b""])
    switches = [m for m in app.posted if isinstance(m, events.AppFocus | events.AppBlur)]
    assert 1 <= len(switches) <= 5  # one read of the flood takes well under a second
