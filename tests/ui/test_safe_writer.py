"""The exam's output thread on a line nobody reads, a non-blocking one and a dead one.

`ui.terminal.SafeWriter` must never make the event loop wait on the terminal (stop 31:
with the reader stalled the loop stood still, keys went unlogged), must not call a stall
a lost terminal, and must still call a dead line (EIO) one. Real descriptors (a pipe, a
pty); every wait has a deadline, none is a fixed sleep.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from helpdesk_tui.runtime.terminal_loss import QUEUE_FRAMES
from helpdesk_tui.ui.terminal import SafeWriter

DEADLINE_S = 20.0


class Told:
    """What the writer told: errors (a lost terminal) and repaints asked for."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.repaints = 0
        self.repainted = threading.Event()

    def error(self, reason: str) -> None:
        self.errors.append(reason)

    def stale(self) -> None:
        self.repaints += 1
        self.repainted.set()


@contextmanager
def pipe() -> Iterator[tuple[int, IO[str]]]:
    """A line: its reading end, and its writing end as the driver's text file."""
    read_end, write_end = os.pipe()
    file = os.fdopen(write_end, "w", encoding="utf-8")
    try:
        yield read_end, file
    finally:
        file.close()
        os.close(read_end)


def drain(fd: int, until: bytes) -> bytes:
    """Read as a terminal does until `until` has come (at most `DEADLINE_S`)."""
    got = bytearray()
    done = threading.Event()

    def read() -> None:
        while until not in got:
            got.extend(os.read(fd, 65536))
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(DEADLINE_S), f"{until!r} never came"
    return bytes(got)


def in_time(action: object) -> None:
    """Run `action` in a thread; fail if it has not returned within the deadline."""
    finished = threading.Event()

    def run() -> None:
        action()  # type: ignore[operator]
        finished.set()

    threading.Thread(target=run, daemon=True).start()
    assert finished.wait(DEADLINE_S), "the event loop's write blocked on the terminal"


def test_frames_for_a_reader_that_stopped_are_dropped_never_waited_for() -> None:
    """A line whose 64 KB are full: 500 frames of 4 KB are handed over at once (the loop
    goes on), at most `QUEUE_FRAMES` wait, and once the reader is back it gets the
    queued ones and the app is asked for one full repaint; nothing is "lost"."""
    told = Told()
    with pipe() as (read_end, file):
        writer = SafeWriter(file, told.error, told.stale)
        writer.start()
        frame = "x" * 4096
        in_time(lambda: [writer.write(f"{frame}{n:04d}|") for n in range(500)])
        assert writer.gate.dropped >= 500 - QUEUE_FRAMES - 20  # 64 KB the pipe took
        writer.write("dropped too")  # the line is still full
        reader = threading.Thread(target=drain, args=(read_end, b"after"), daemon=True)
        reader.start()  # the reader is back
        assert told.repainted.wait(DEADLINE_S)  # the queue drained: paint it all again
        writer.write("after")  # the repaint, as the app sends it
        reader.join(DEADLINE_S)
        assert not reader.is_alive()
        writer.stop()
    assert told.errors == []
    assert told.repaints == 1


def test_a_non_blocking_line_is_waited_on_not_lost() -> None:
    """Someone made the descriptor non-blocking (it is shared with stdin): a full line
    answers EAGAIN, which is a slow reader; every byte still arrives, in order."""
    told = Told()
    with pipe() as (read_end, file):
        flags = fcntl.fcntl(file.fileno(), fcntl.F_GETFL)
        fcntl.fcntl(file.fileno(), fcntl.F_SETFL, flags | os.O_NONBLOCK)
        writer = SafeWriter(file, told.error, told.stale)
        writer.start()
        text = "".join(f"{n:07d}\n" for n in range(40_000))  # 320 KB, five pipes full
        writer.write(text)
        writer.write("the end")
        got = drain(read_end, b"the end")
        writer.stop()
    assert got == (text + "the end").encode()
    assert told.errors == []


def test_a_text_the_encoder_refuses_is_written_replaced() -> None:
    """A lone surrogate (a key Textual made of a kitty sequence) once raised in the output
    thread; it is written as "?" and the terminal is not lost."""
    told = Told()
    with pipe() as (read_end, file):
        writer = SafeWriter(file, told.error, told.stale)
        writer.start()
        writer.write("a\ud800b|")
        got = drain(read_end, b"|")
        writer.stop()
    assert got == b"a?b|"
    assert told.errors == []


def test_a_line_whose_other_end_closed_is_lost_once() -> None:
    told = Told()
    master, slave = os.openpty()
    os.close(master)
    file = os.fdopen(slave, "w", encoding="utf-8")
    try:
        writer = SafeWriter(file, told.error, told.stale)
        writer.start()
        writer.write("frame")
        writer.write("another")
        writer.stop()
    finally:
        file.close()
    assert told.errors == ["writing to the terminal failed (EIO)"]
    assert writer.gone.is_set()


def test_leaving_waits_a_bounded_time_for_a_stalled_line() -> None:
    """The restoring sequences are queued even when the line is behind (`closing`), and
    `stop` returns although nobody ever reads them."""
    told = Told()
    with pipe() as (_read_end, file):
        writer = SafeWriter(file, told.error, told.stale)
        writer.start()
        writer.write("x" * 70_000)  # fills the pipe: the output thread blocks
        for _ in range(QUEUE_FRAMES + 5):
            writer.write("frame")
        writer.closing()
        before = writer._queue.qsize()
        writer.write("\x1b[?1049l")  # leave the alternate screen: never dropped
        assert writer._queue.qsize() == before + 1
        in_time(writer.stop)
    assert told.errors == []
