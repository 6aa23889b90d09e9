"""`review` collects once and freezes what it loaded (perf20), and nothing else is frozen.

The review command keeps a long log's assessment and replay for its whole life, so it has
the collector skip them from then on (`gc.freeze`). It used to collect them twice (a young
collection of every object as `assess_log` turned the collector back on, then a full one in
`settle_memory`); now the collector stays off until everything is loaded, then collects
once, then freezes. Freezing before collecting would keep any garbage of the moment for
ever; a caller that goes on (a test, the bench) does not freeze at all.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from helpdesk_tui.ui.review.session import open_review

from .logs import simulated_events, write_log


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture(scope="module")
def ideal_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("settle")
    return write_log(folder / "ideal.jsonl", simulated_events("ideal"))


def test_the_review_command_collects_before_it_freezes(ideal_log: Path, tmp_path: Path) -> None:
    gc.unfreeze()
    try:
        garbage = _Node()
        gone = weakref.ref(garbage)
        del garbage
        session = open_review(ideal_log, "An Peeters", out=tmp_path / "v.json", settle=True)
        assert gone() is None, "garbage of the moment was frozen, not collected"
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()
        assert len(session.replay) > 100
    finally:
        gc.unfreeze()


def test_a_caller_that_goes_on_freezes_nothing(ideal_log: Path, tmp_path: Path) -> None:
    gc.unfreeze()
    try:
        open_review(ideal_log, "An Peeters", out=tmp_path / "v.json")
        assert gc.get_freeze_count() == 0
        assert gc.isenabled()
    finally:
        gc.unfreeze()
