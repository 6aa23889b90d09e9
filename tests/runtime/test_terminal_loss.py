"""What makes a terminal lost, and what a slow one gets instead (`runtime.terminal_loss`).

The expected verdicts come from the brief and the kernel's own words for a line that is
gone (EIO on a pty whose master closed, POLLHUP), not from the module: a stall of any
length, EAGAIN and an encoder's refusal are not a lost terminal; the clock is a counter
the test moves by hand."""

from __future__ import annotations

import errno
import os
import select

import pytest

from helpdesk_tui.runtime.terminal_loss import (
    QUEUE_FRAMES,
    OutputGate,
    describe,
    lost_on_error,
    lost_on_poll,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("code", [errno.EIO, errno.EPIPE, errno.ENXIO, errno.EBADF])
def test_a_write_or_read_that_says_the_line_is_gone_is_a_lost_terminal(code: int) -> None:
    assert lost_on_error(OSError(code, os.strerror(code)))


@pytest.mark.parametrize(
    "error",
    [
        BlockingIOError(errno.EAGAIN, "would block"),  # a non-blocking descriptor, a slow reader
        InterruptedError(errno.EINTR, "interrupted"),
        OSError(errno.ENOSPC, "no space"),
        UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"),
        ValueError("I/O operation on closed file"),
    ],
)
def test_a_slow_or_refused_write_is_not_a_lost_terminal(error: Exception) -> None:
    assert not lost_on_error(error)


def test_the_kernel_says_gone_for_a_pty_whose_other_end_closed() -> None:
    """The real line: EIO on a write and POLLHUP on a poll, once the master is closed."""
    master, slave = os.openpty()
    poller = select.poll()
    poller.register(slave, select.POLLHUP | select.POLLERR | select.POLLNVAL)
    assert not any(lost_on_poll(mask) for _fd, mask in poller.poll(0))  # open: nothing
    os.close(master)
    try:
        assert any(lost_on_poll(mask) for _fd, mask in poller.poll(1000))
        with pytest.raises(OSError) as raised:
            os.write(slave, b"frame")
        assert lost_on_error(raised.value)
        assert describe(raised.value) == "EIO"
    finally:
        os.close(slave)


def test_poll_out_alone_is_not_gone() -> None:
    assert not lost_on_poll(select.POLLOUT)
    assert not lost_on_poll(0)


def test_frames_queue_until_the_limit_then_drop_and_ask_for_one_repaint() -> None:
    gate = OutputGate(Clock())
    assert all(gate.offer(waiting) for waiting in range(QUEUE_FRAMES))
    assert not gate.drained()  # nothing dropped: no repaint needed
    assert not gate.offer(QUEUE_FRAMES)
    assert not gate.offer(QUEUE_FRAMES + 500)
    assert gate.dropped == 2
    assert gate.drained()  # the queue emptied after drops: paint it all once
    assert not gate.drained()


def test_a_refused_write_costs_a_repaint_not_the_terminal() -> None:
    gate = OutputGate(Clock())
    gate.refused()
    assert gate.dropped == 1 and gate.drained()


def test_a_stall_of_any_length_is_measured_and_never_ends_anything() -> None:
    """An hour without the reader: the gate says how long, drops what does not fit, and
    gives no verdict but "drop" or "queue"; the write goes through when the reader is back."""
    clock = Clock()
    gate = OutputGate(clock, limit=3)
    assert gate.stalled_s() == 0.0
    gate.started()
    for step in range(3600):
        clock.now += 1.0
        gate.offer(3)  # the loop keeps painting at a frame a second: dropped, never blocked
        assert gate.stalled_s() == pytest.approx(step + 1.0)
    gate.finished()
    assert gate.stalled_s() == 0.0
    assert gate.longest_stall_s == pytest.approx(3600.0)
    assert gate.dropped == 3600
    assert gate.drained()
