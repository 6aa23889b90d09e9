"""The suite's last garbage collection: done before a worker says it has finished.

A full xdist run ended with a `PytestUnraisableExceptionWarning` (a KeyboardInterrupt
in hypothesis's gc callback): pytest's cleanup collected five times after the worker
had told the controller it was done, took more than execnet's 5 s, and execnet sent
the worker a SIGINT (tests/suite_speed.py, `BetweenTestsCollector.finish`)."""

from __future__ import annotations

import os
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


START_CHILD = textwrap.dedent(
    """
    import gc
    import os
    import sys
    import weakref

    import suite_speed
    from suite_speed import BetweenTestsCollector


    class Node:
        def __init__(self):
            self.other = None


    collector = BetweenTestsCollector()
    collector.before_collection()
    assert gc.get_threshold()[2] >= 1_000_000, "full collections while collecting"
    collected = [[Node() for _ in range(200)] for _ in range(500)]  # the collected tests
    collector.start()
    frozen = gc.get_freeze_count()
    if os.environ.get("HELPDESK_SUITE_FREEZE_COLLECTED") == "0":
        assert frozen == 0, frozen
        sys.exit(0)
    assert frozen >= len(collected) * 200, f"{frozen} objects frozen"
    a, b = Node(), Node()
    a.other, b.other = b, a  # a test's garbage, made after the start: still collected
    gone = weakref.ref(a)
    del a, b
    walked = len(gc.get_objects())
    assert walked < 20_000, f"a full collection still walks {walked} objects"
    gc.collect()
    assert gone() is None, "a cycle made after start() outlived a full collection"
    assert gc.get_threshold()[0] == 700 and gc.isenabled()
    gc.unfreeze()  # what an exam app with tune_gc does when it unmounts
    suite_speed.FULL_COLLECTION_AFTER = 0
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    collector.between_tests()
    assert gone() is None, "the garbage was frozen with the rest"
    assert gc.get_freeze_count() >= len(collected) * 200, "not frozen again after a thaw"
    """
)


def _start_in_a_child(freeze: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HELPDESK_SUITE_FREEZE_COLLECTED"}
    env["HELPDESK_SUITE_FREEZE_COLLECTED"] = freeze
    return subprocess.run(
        [sys.executable, "-c", START_CHILD],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_start_freezes_what_collection_left_and_later_garbage_is_still_collected() -> None:
    """What is alive when the tests are collected (some 210,000 objects in a worker that
    collected the whole suite) is frozen, so the full collections between tests do not
    walk it; a cycle a test makes afterwards is still freed. HELPDESK_SUITE_FREEZE_COLLECTED=0
    freezes nothing (the child checks both)."""
    for freeze in ("1", "0"):
        done = _start_in_a_child(freeze)
        assert done.returncode == 0, (freeze, done.stderr)
