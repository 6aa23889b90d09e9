"""A terminal driver that notices when the terminal is gone, instead of spinning or blocking.

Textual's Linux driver, on a terminal whose other end has closed (sshd
dropped the connection, the terminal window was closed), keeps its input
thread reading end-of-file in a tight loop, and its output thread dies on the
first EIO while the event loop goes on filling that thread's queue until it
blocks for good. Seen in the deployment trials as an exam at 50% CPU that did
not exit on SIGHUP.

`GuardedDriver` keeps Textual's driver and changes three things:

- output goes through `SafeWriter`: the event loop never waits on the terminal
  (a frame is dropped when the terminal is behind, and the screen painted whole
  once it catches up), a write that fails with EIO or EPIPE marks the terminal
  gone and everything after it is dropped; `cut()` does the same on request (a
  hang-up);
- a watcher thread polls the terminal for POLLHUP/POLLERR, and a read error or
  end-of-file in the input thread counts as a lost terminal instead of a crash;
- either way the app is told once (`App.terminal_lost(reason)`, thread-safe),
  and it ends the session as interrupted: the log stays resumable.

What is lost and what is only slow is decided in `runtime.terminal_loss`: a
terminal whose reader stalls (an ssh link, a paused emulator, a starved
process) is never lost for that; it was a way out of a locked exam.

Input is read through `ui.input_guard.InputGuard`: an invalid byte is replaced,
not fatal, and a paste or a flood of keys is bounded in size and time.

The terminal's signal keys are always off, whatever TEXTUAL_ALLOW_SIGNALS
says: a Ctrl+C or Ctrl+\\ byte inside a paste killed the review with its
unsaved verdicts (the exam also clears the variable, `lock_process_signals`).
In a locked exam the driver also keeps SIGTSTP ignored (Textual's driver
installs a handler that suspends the process).
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import queue
import select
import selectors
import signal
import struct
import termios
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from textual import events
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

from helpdesk_tui.printable import without_bidi
from helpdesk_tui.runtime.terminal_loss import (
    HANGUP_MASK,
    OutputGate,
    describe,
    lost_on_error,
    lost_on_poll,
)
from helpdesk_tui.ui.input_guard import (
    FLOOD_CHARS,
    HOLD_S,
    READ_SIZE,
    InputGuard,
    Pasted,
    ReadTimes,
)

POLL_S = 0.5
STOP_WAIT_S = 2.0
"""How long leaving waits for a stalled terminal to take the last of the output."""


class SafeWriter(threading.Thread):
    """Textual's output thread, minus the ways it can hang the app or end the exam.

    The event loop never waits here: a frame is queued, or dropped when the terminal is
    `QUEUE_FRAMES` behind, and the screen is painted whole once the queue drains
    (`runtime.terminal_loss.OutputGate`). Only a write that says the terminal is gone
    (EIO, EPIPE, ...) calls `on_error`; any other failed write costs a frame, not the exam.
    """

    def __init__(
        self,
        file: IO[str],
        on_error: Any,
        on_stale: Any = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(daemon=True, name="textual-output")
        self._file = file
        self._on_error = on_error
        self._on_stale = on_stale
        self._queue: queue.Queue[str | None] = queue.Queue()  # bounded by the gate
        self.gate = OutputGate(clock)
        self.gone = threading.Event()
        self._closing = False
        self._fd = _fd_of(file)
        self._encoding = getattr(file, "encoding", None) or "utf-8"

    def write(self, text: str) -> None:
        """Queue text, or drop it (the terminal is gone, or `QUEUE_FRAMES` behind). A bidi
        control from a forged log's text is written as U+FFFD, as `verify` and `report`
        print it (`printable.without_bidi`): a terminal that honours one showed the rest of
        a line of `review`, `observe` or `room` in another order than the log has it (sec13)."""
        if self.gone.is_set():
            return
        text = without_bidi(text)
        if self._closing or self.gate.offer(self._queue.qsize()):
            self._queue.put(text)

    def closing(self) -> None:
        """From now on nothing is dropped for being late: what restores the terminal
        (modes off, the main screen back) must reach it. `stop` bounds the wait."""
        self._closing = True

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._file.fileno()

    def flush(self) -> None:
        return

    def cut(self) -> None:
        """Drop all output from now on. Thread-safe."""
        self.gone.set()
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def run(self) -> None:
        while True:
            text = self._queue.get()
            if text is None:
                break
            if self.gone.is_set():
                continue
            self._write_one(text)
            if self._queue.qsize() == 0 and self.gate.drained() and self._on_stale:
                self._on_stale()

    def _write_one(self, text: str) -> None:
        self.gate.started()
        try:
            self._emit(text)
        except (OSError, ValueError) as exc:
            if lost_on_error(exc):
                self.cut()
                self._on_error(f"writing to the terminal failed ({describe(exc)})")
            else:
                self.gate.refused()
        finally:
            self.gate.finished()

    def _emit(self, text: str) -> None:
        """All of `text`, however long the terminal takes to read it. Through the file
        descriptor where there is one: encoded with replacement (a text the encoder
        refuses costs nothing) and waited on when the descriptor is non-blocking."""
        if self._fd is None:
            self._file.write(text)
            if self._queue.qsize() == 0:
                self._file.flush()
            return
        view = memoryview(text.encode(self._encoding, "replace"))
        while view and not self.gone.is_set():
            try:
                view = view[os.write(self._fd, view) :]
            except BlockingIOError:
                select.select([], [self._fd], [], POLL_S)

    def stop(self) -> None:
        """Write what is queued and end the thread, but never wait long on a terminal that
        is gone or stalled (the restoring sequences are then lost with it)."""
        self._queue.put(None)
        self.join(timeout=STOP_WAIT_S)
        if self.is_alive():
            self.cut()


def _fd_of(file: IO[str]) -> int | None:
    """The descriptor to write to, after what the file holds is flushed; None for a file
    without one (a test's StringIO)."""
    try:
        fd = file.fileno()
        file.flush()
    except (OSError, ValueError):
        return None
    return fd


def unread(fd: int) -> int:
    """Bytes the terminal holds that nobody has read yet (FIONREAD); 0 if it cannot say."""
    try:
        answer = fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0")
    except OSError:
        return 0
    return int(struct.unpack("i", answer)[0])


class GuardedInput:
    """What a driver reading through `InputGuard` does with its pieces (the terminal's
    `GuardedDriver`, a browser tab's `ui.web_guard.GuardedWebDriver`)."""

    _app: Any
    process_message: Any  # the driver's own (no method here: it comes first in the MRO)
    _call_in_app: Any  # how the driver's input thread calls the app

    def _deliver(self, parser: XTermParser, pieces: list[str | Pasted]) -> None:
        for piece in pieces:
            if isinstance(piece, Pasted):
                self.process_message(events.Paste(piece.text))
            else:
                for message in parser.feed(piece):
                    self.process_message(message)

    def _bound(self, guard: InputGuard) -> InputGuard:
        """The guard with the app's bound for this read (`NoWayOut.typed_at_once_now`): a
        viewer takes a line as the exam does while a text box has the focus (bugs20)."""
        now = getattr(self._app, "typed_at_once_now", None)
        if now is not None:
            guard.typed_at_once = now()
        return guard

    def _tell_once(self, guard: InputGuard, told: set[str]) -> None:
        """The app logs the first invalid byte, the first flood and the first terminal
        sequence dropped (`InputGuard.strays`), once each."""
        kinds = (
            ("invalid input bytes", guard.invalid),
            ("input flood", guard.floods),
            ("terminal sequence", guard.strays),
        )
        for kind, seen in kinds:
            if seen and kind not in told:
                told.add(kind)
                notify = getattr(self._app, "input_refused", None)
                if notify is not None:
                    self._call_in_app(notify, kind)


class GuardedDriver(GuardedInput, LinuxDriver):
    """Textual's Linux driver, told to notice a terminal that has gone away."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lost = threading.Event()
        self._watcher: threading.Thread | None = None
        if getattr(app, "locked", False):
            signal.signal(signal.SIGTSTP, signal.SIG_IGN)  # Textual's handler would suspend us

    def process_message(self, message: Any) -> None:
        """A mouse report outside the screen is dropped: Textual took a click at
        (9999, 9999), which no widget holds, as a click on nothing and took the focus
        off the text box, so the letters typed next acted as the exam's keys (`p`
        opened the macro list; bugs6, `tests/ui/test_input_pty.py`). A terminal
        sends one only when it is being resized, or when someone writes it."""
        if isinstance(message, events.MouseEvent):
            size = getattr(self._app, "size", None)
            x, y = message.screen_x, message.screen_y
            if size is not None and not (0 <= x < size.width and 0 <= y < size.height):
                return
        super().process_message(message)

    @classmethod
    def _patch_lflag(cls, attrs: int) -> int:
        """Textual's raw mode, with the signal keys off even under TEXTUAL_ALLOW_SIGNALS."""
        return super()._patch_lflag(attrs) & ~termios.ISIG

    def start_application_mode(self) -> None:
        self._loop = asyncio.get_running_loop()
        super().start_application_mode()
        textual_writer = self._writer_thread
        if textual_writer is not None:
            textual_writer.stop()  # flushes what start-up queued
        writer = SafeWriter(self._file, self.terminal_lost, self._repaint)
        writer.start()
        self._writer_thread = writer  # type: ignore[assignment]
        self._watcher = threading.Thread(target=self._watch_hangup, daemon=True, name="hangup")
        self._watcher.start()

    def cut_output(self) -> None:
        """Drop pending and further output (the terminal is gone, or we are leaving). Thread-safe."""
        writer = self._writer_thread
        if isinstance(writer, SafeWriter):
            writer.cut()

    def _repaint(self) -> None:
        """From the output thread: frames were dropped while the terminal was behind, so
        the screen it shows is not the app's; have the loop paint it whole."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._repaint_screen)

    def _repaint_screen(self) -> None:
        try:
            screen = self._app.screen
        except Exception:  # noqa: BLE001 - no screen (starting or leaving): nothing to paint
            return
        screen.refresh()

    def terminal_lost(self, reason: str) -> None:
        """Tell the app, once, from whichever thread noticed. Thread-safe."""
        if self._lost.is_set():
            return
        self._lost.set()
        self.cut_output()
        notify = getattr(self._app, "terminal_lost", None)
        if notify is not None:
            notify(reason)

    def _watch_hangup(self) -> None:
        """POLLHUP on the terminal: its other end closed (no busy loop: poll blocks)."""
        poller = select.poll()
        fds = {self.fileno, self._file.fileno()}
        for fd in fds:
            poller.register(fd, HANGUP_MASK)
        while not self.exit_event.is_set() and not self._lost.is_set():
            for _fd, mask in poller.poll(POLL_S * 1000):
                if lost_on_poll(mask):
                    self.terminal_lost("the terminal hung up")
                    return

    def run_input_thread(self) -> None:
        """Textual's input loop, reading through `InputGuard`: invalid bytes replaced,
        pastes and floods bounded (see `ui.input_guard`); the app hears once of each."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        guard = InputGuard(
            getattr(self._app, "TYPED_AT_ONCE", FLOOD_CHARS), getattr(self._app, "BURST_STOPS", "")
        )
        times = ReadTimes(time.monotonic)
        told: set[str] = set()
        try:
            while not self.exit_event.is_set():
                ready = selector.select(HOLD_S if guard.holding else 0.1)
                if ready:
                    data = os.read(self.fileno, READ_SIZE)
                    if not data:  # end of file: the terminal (or the pipe) is gone
                        self.terminal_lost("the terminal's input ended")
                        break
                    waited, since = times.read()
                    self._deliver(parser, self._bound(guard).feed(data, waited=waited, since=since))
                    guard.rest_waiting(unread(self.fileno) > 0)
                    times.handled()
                else:
                    self._deliver(parser, guard.idle(times.silent()))
                for message in parser.tick():
                    self.process_message(message)
                self._tell_once(guard, told)
        finally:
            selector.close()
            try:
                for _message in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass

    def _call_in_app(self, notify: Any, kind: str) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(notify, kind)

    def _run_input_thread(self) -> None:
        """A read error means the terminal is gone: end the session, do not crash the app."""
        try:
            self.run_input_thread()
        except BaseException as exc:
            if lost_on_error(exc):
                self.terminal_lost(f"reading the terminal failed ({describe(exc)})")
                return
            import rich.traceback  # what Textual's own input thread does

            self._app.call_later(self._app.panic, rich.traceback.Traceback())

    def stop_application_mode(self) -> None:
        writer = self._writer_thread
        if isinstance(writer, SafeWriter):
            writer.closing()
        if self._lost.is_set():
            self.exit_event.set()  # nothing to restore on a terminal that is gone
            return
        super().stop_application_mode()


def driver_class_for(default: type) -> type:
    """Our driver where Textual would use its Linux driver, or its web driver (a browser
    tab of textual-serve: `ui.web_guard`, sec14); otherwise Textual's choice."""
    if default is LinuxDriver:
        return GuardedDriver
    from textual.drivers.web_driver import WebDriver

    if default is WebDriver:
        from helpdesk_tui.ui.web_guard import GuardedWebDriver

        return GuardedWebDriver
    return default


__all__ = ["GuardedDriver", "SafeWriter", "driver_class_for"]
