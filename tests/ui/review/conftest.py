"""Fixtures of the review tests: a naive candidate's exam log, fresh per test.

The `english` and `no_cursor_blink` fixtures come from tests/ui/conftest.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event

from .logs import simulated_events, write_log


@pytest.fixture(scope="session")
def naive_events() -> list[Event]:
    return simulated_events("naive")


@pytest.fixture(scope="session")
def naive_log_master(tmp_path_factory: pytest.TempPathFactory, naive_events: list[Event]) -> Path:
    return write_log(tmp_path_factory.mktemp("review") / "exam.jsonl", naive_events)


@pytest.fixture
def naive_log(tmp_path: Path, naive_log_master: Path) -> Path:
    """A fresh copy per test: verdict files are written beside it."""
    copy = tmp_path / "exam.jsonl"
    shutil.copyfile(naive_log_master, copy)
    return copy
