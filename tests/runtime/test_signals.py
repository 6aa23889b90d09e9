"""Stop signals: a hang-up or SIGTERM asks the loop to stop, then forces it if it must."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from helpdesk_tui.runtime.signals import (
    EXIT_INTERRUPTED,
    LOCKED_SIGNALS,
    StopSignals,
    lock_process_signals,
)


class Recorder:
    def __init__(self) -> None:
        self.stops: list[str] = []
        self.cuts = 0
        self.exits: list[int] = []
        self.done = threading.Event()

    def stop(self, reason: str) -> None:
        self.stops.append(reason)

    def cut(self) -> None:
        self.cuts += 1

    def exit(self, code: int) -> None:
        self.exits.append(code)
        self.done.set()


def test_sigterm_asks_the_loop_to_stop_and_a_finished_session_needs_no_force() -> None:
    seen = Recorder()
    stopper = StopSignals(seen.stop, seen.cut, grace_s=5, hard_s=5, hard_exit=seen.exit)
    stopper.install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs in this (the main) thread
        for _ in range(200):
            if seen.stops:
                break
            threading.Event().wait(0.01)
        assert seen.stops == ["SIGTERM"] and seen.cuts == 0
        stopper.finished()
    finally:
        stopper.uninstall()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert seen.exits == []


def test_a_hang_up_cuts_the_output_at_once() -> None:
    seen = Recorder()
    stopper = StopSignals(seen.stop, seen.cut, grace_s=5, hard_s=5, hard_exit=seen.exit)
    stopper.install()
    try:
        stopper.trigger("the terminal hung up", hangup=True)
        stopper._thread.join(0.2)
        assert seen.stops == ["the terminal hung up"] and seen.cuts == 1
        stopper.finished()
    finally:
        stopper.uninstall()


def test_a_stuck_loop_gets_its_output_cut_then_a_hard_exit() -> None:
    seen = Recorder()
    stopper = StopSignals(seen.stop, seen.cut, grace_s=0.05, hard_s=0.05, hard_exit=seen.exit)
    stopper.install()
    try:
        stopper.trigger("SIGTERM")
        assert seen.done.wait(5)
    finally:
        stopper.uninstall()
    assert seen.stops == ["SIGTERM"] and seen.cuts == 1 and seen.exits == [EXIT_INTERRUPTED]


def test_lock_process_signals_clears_the_escape_hatch_and_ignores_the_signal_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = {sig: signal.getsignal(sig) for sig in LOCKED_SIGNALS}
    monkeypatch.setenv("TEXTUAL_ALLOW_SIGNALS", "1")
    try:
        lock_process_signals()
        assert "TEXTUAL_ALLOW_SIGNALS" not in os.environ
        assert all(signal.getsignal(sig) is signal.SIG_IGN for sig in LOCKED_SIGNALS)
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@pytest.mark.parametrize("sig", ["SIGUSR1", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGPROF"])
def test_a_signal_whose_default_is_to_die_stops_the_session_as_interrupted(sig: str) -> None:
    """sec12: `kill -USR1` (or USR2, ALRM...) ended the locked exam at once, with no
    interruption logged and the terminal left in the exam's modes; SIGTERM's way out
    (logged, unsealed, resumable) is the one every such signal takes."""
    number = getattr(signal, sig)
    before = signal.getsignal(number)  # SIGALRM: pytest-timeout's
    seen = Recorder()
    stopper = StopSignals(seen.stop, seen.cut, grace_s=5, hard_s=5, hard_exit=seen.exit)
    stopper.install()
    try:
        assert signal.getsignal(number) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        os.kill(os.getpid(), number)
        for _ in range(200):
            if seen.stops:
                break
            threading.Event().wait(0.01)
        assert seen.stops == [sig]
        stopper.finished()
    finally:
        stopper.uninstall()
    assert signal.getsignal(number) is before
