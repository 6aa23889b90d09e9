"""Helpers for the runtime, exam-mode and resume tests: keys, a started exam, a failing disk.

Plain functions (not fixtures) so that tests/ui and tests/commands use them too.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import paths
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.eventlog import generate_keypair
from helpdesk_tui.eventlog import writer as writer_module
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.runtime.crashtest import new_exam
from helpdesk_tui.runtime.lifecycle import SessionRuntime
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data

PROCTOR_CODE = "2468-proctor"
NORTHWIND = paths.scenarios_dir() / "en-northwind-monday"


def make_keys(folder: Path) -> Path:
    """An exam-centre key pair with a proctor code; returns the private key's path."""
    generate_keypair(folder, proctor_code=PROCTOR_CODE)
    return folder / "exam-centre.key"


def started_exam(
    scenario: Scenario, log: Path, signer: Signer, *, checkpoint_every: int = 100
) -> SessionRuntime:
    """An exam log and its session, started, on a `ManualClock` at exam time 0."""
    runtime = new_exam(scenario, log, signer, checkpoint_every)
    header = runtime.writer.header  # the log's own candidate and session (verify, sec21)
    runtime.session.start(
        session_started_data(scenario, "exam", header.candidate_id, header.session_id)
    )
    runtime.session.tick()  # what is due at minute 0 (the queue's tickets)
    return runtime


def clock_of(runtime: SessionRuntime) -> ManualClock:
    clock = runtime.session.clock
    assert isinstance(clock, ManualClock)
    return clock


def to(runtime: SessionRuntime, exam_time: float) -> None:
    """Move the manual exam clock on to `exam_time` (if it runs)."""
    clock = clock_of(runtime)
    clock.advance(max(0.0, exam_time - clock.now()))


class FailingDisk:
    """The log writer's `os.write` fails with an OS error while `failing` (disk full by default).

    The writer cuts a half-written record back (ftruncate) and raises LogWriteError;
    this is the same path a real ENOSPC or EIO takes.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, error: int = errno.ENOSPC) -> None:
        self.error = error
        self.failing = False
        self.refused = 0
        real = writer_module._os_write

        def write(fd: int, data: Any) -> int:
            if self.failing:
                self.refused += 1
                raise OSError(self.error, os.strerror(self.error))
            return real(fd, data)

        monkeypatch.setattr(writer_module, "_os_write", write)

    def fail(self) -> None:
        self.failing = True

    def heal(self) -> None:
        self.failing = False


def exam_run(
    logs: Path,
    key_file: Path,
    *,
    scenario: str = "en-northwind-monday",
    lang: str = "en",
    **app: Any,
) -> Any:
    """An exam as `helpdesk-exam exam` builds it (practice.prepare, mode exam, LockdownApp),
    on a `ManualClock`, without the tick timer or signal handling, for pilot tests."""
    import argparse
    from functools import partial

    from helpdesk_tui.commands import practice
    from helpdesk_tui.eventlog import load_private_key
    from helpdesk_tui.ui.lockdown import LockdownApp

    args = argparse.Namespace(scenario=scenario, lang=lang, logs=logs, candidate="c0042")
    return practice.prepare(
        args,
        clock=ManualClock(),
        app_options={"tick_interval": None, "handle_signals": False, "tune_gc": False},
        mode="exam",
        signer=load_private_key(key_file),
        app_class=partial(LockdownApp, proctor_key=key_file, **app),
    )


def logged(run: Any, event_type: str) -> list[dict[str, Any]]:
    """The data of every `event_type` event in the run's log, as it is on disk."""
    from helpdesk_tui.eventlog import read_log

    return [e.event.data for e in read_log(run.log_path).entries if e.event.type == event_type]
