"""The suite's last garbage collection: done before a worker says it has finished.

A full xdist run ended with a `PytestUnraisableExceptionWarning` (a KeyboardInterrupt
in hypothesis's gc callback): pytest's cleanup collected five times after the worker
had told the controller it was done, took more than execnet's 5 s, and execnet sent
the worker a SIGINT (tests/suite_speed.py, `BetweenTestsCollector.finish`)."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest
from suite_speed import BetweenTestsCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the rest of this worker's tests as before


def test_finish_collects_the_garbage_and_leaves_the_cleanup_nothing_to_walk(
    unfrozen: None,
) -> None:
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only a full collection frees it
    gone = weakref.ref(a)
    kept = [[Node() for _ in range(200)] for _ in range(500)]  # 100,000 live objects
    del a, b
    BetweenTestsCollector().finish()
    assert gone() is None
    assert gc.get_freeze_count() >= len(kept) * 200
    assert len(gc.get_objects()) < 20_000  # pytest's five collections walk this much only
    start = time.process_time()
    for _ in range(5):
        gc.collect()
    frozen_time = time.process_time() - start
    gc.unfreeze()
    start = time.process_time()
    for _ in range(5):
        gc.collect()
    assert frozen_time < time.process_time() - start  # the cleanup's collections got cheaper
