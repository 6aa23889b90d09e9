"""The suite's last garbage collection: done before a worker says it has finished.

A full xdist run ended with a `PytestUnraisableExceptionWarning` (a KeyboardInterrupt
in hypothesis's gc callback): pytest's cleanup collected five times after the worker
had told the controller it was done, took more than execnet's 5 s, and execnet sent
the worker a SIGINT (tests/suite_speed.py, `BetweenTestsCollector.finish`)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import gc
    import time
    import weakref

    from suite_speed import BetweenTestsCollector


    class Node:
        def __init__(self):
            self.other = None


    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only a full collection frees it
    gone = weakref.ref(a)
    kept = [[Node() for _ in range(200)] for _ in range(500)]  # 100,000 live objects
    del a, b
    BetweenTestsCollector().finish()
    assert gone() is None, "the cycle outlived finish()"
    frozen = gc.get_freeze_count()
    assert frozen >= len(kept) * 200, f"{frozen} objects frozen"
    left = len(gc.get_objects())
    assert left < 20_000, f"{left} objects left unfrozen"  # pytest's five collections walk this
    start = time.process_time()
    for _ in range(5):
        gc.collect()
    frozen_time = time.process_time() - start
    gc.unfreeze()
    start = time.process_time()
    for _ in range(5):
        gc.collect()
    unfrozen_time = time.process_time() - start
    assert frozen_time < unfrozen_time, (frozen_time, unfrozen_time)  # the cleanup's got cheaper
    """
)


def test_finish_collects_the_garbage_and_leaves_the_cleanup_nothing_to_walk() -> None:
    """In a fresh interpreter: in a worker, the unfrozen collections walked the whole
    worker's heap, and the test ran last (6.7 s of CPU, 33 s alone at the end of a loaded
    run, 2026-12-04); a fresh process holds the test's 100,000 objects and little else."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
