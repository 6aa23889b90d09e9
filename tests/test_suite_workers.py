"""`-n auto` runs one xdist worker more than the cores (tests/conftest.py)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import WORKERS_ENV, pytest_xdist_auto_num_workers


def test_auto_is_one_worker_more_than_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert pytest_xdist_auto_num_workers(None) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "workers"), [("1", 1), ("5", 5), ("0", 1)])
def test_the_environment_sets_the_number(
    monkeypatch: pytest.MonkeyPatch, value: str, workers: int
) -> None:
    monkeypatch.setenv(WORKERS_ENV, value)
    assert pytest_xdist_auto_num_workers(None) == workers  # type: ignore[arg-type]
