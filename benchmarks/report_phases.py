"""Where a fresh `helpdesk-exam report` process spends its wall and CPU time, phase by phase.

    python benchmarks/report_phases.py report LOG [report options...]

Runs the command in this (fresh) process with a timer around each step of the
pipeline (assess.pipeline, assess.prime, assess.evidence, commands.report) and
prints, per phase, the wall and CPU seconds of this process since the end of
the phase before, then the CPU of the helper processes (the worker that
analyses the messages and checks the signatures, and the child that measures
apart): on an idle machine with two cores this process is the critical path.
bench_report.py runs it once on its 100,000-record log.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

STARTED = (time.perf_counter(), time.process_time())
MARKS: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    MARKS.append((name, time.perf_counter(), time.process_time()))


def timed(owner: Any, name: str, label: str, before: str = "") -> None:
    """Replace owner.name by a wrapper that marks the phase before it and its own end.

    The time up to the call belongs to the phase before (not printed), or to
    `before` when it is named (a phase that starts inside another timed one)."""
    function: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mark(before)
        try:
            return function(*args, **kwargs)
        finally:
            mark(label)

    setattr(owner, name, wrapper)


def main() -> None:
    from helpdesk_tui.cli import main as cli

    # what the report command imports anyway (the command imports them when it runs)
    pipeline = importlib.import_module("helpdesk_tui.assess.pipeline")
    prime = importlib.import_module("helpdesk_tui.assess.prime")
    evidence = importlib.import_module("helpdesk_tui.assess.evidence")
    report = importlib.import_module("helpdesk_tui.commands.report")
    mark("imports")
    for owner, name, label, *before in (
        (pipeline, "read_for_report", "read the file"),
        (prime, "start", "count the messages, fork"),
        (pipeline, "_verify", "verify (no signatures)"),
        (pipeline, "verified_events", "events"),
        (pipeline, "find_scenario", "find the scenario"),
        (pipeline, "_load", "load the scenario"),
        (evidence.EvidenceGatherer, "feed_all", "fold"),
        (prime.Primer, "finish", "meet the worker", "measurements, no analysis"),
        (prime.Forked, "get", "wait for the child", "measurements before the child"),
        (evidence.EvidenceGatherer, "result", "measurements"),
        (prime.Primer, "close", "end the worker"),
        (report, "_write", "write a report"),
    ):
        timed(owner, name, label, *before)
    with contextlib.suppress(SystemExit):  # the phases are printed even if it refuses
        cli(sys.argv[1:])
    mark("the rest")
    print_phases()


def print_phases() -> None:
    wall0, cpu0 = STARTED
    for name, wall, cpu in MARKS:
        if name:
            print(f"  {name:26} wall {wall - wall0:6.3f} s  CPU {cpu - cpu0:6.3f} s")
        wall0, cpu0 = wall, cpu
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"  {'this process':26} wall {time.perf_counter() - STARTED[0]:6.3f} s  "
        f"CPU {time.process_time() - STARTED[1]:6.3f} s; helpers' CPU "
        f"{helpers.ru_utime + helpers.ru_stime:.3f} s; load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
