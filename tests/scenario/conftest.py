"""Fixtures for scenario tests: a fresh copy of the valid fixture scenario to break."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scenario.kit import SLA_DIR, VALID, toml_dumps, valid_data


@pytest.fixture
def sla_dir() -> Path:
    return SLA_DIR


@pytest.fixture
def scenario_dir(tmp_path: Path) -> Path:
    """A copy of the valid fixture scenario to break."""
    target = tmp_path / "scn"
    shutil.copytree(VALID, target)
    return target


@pytest.fixture
def write_scenario(scenario_dir: Path) -> Callable[[dict[str, Any]], Path]:
    """Write a dict as the copy's scenario.toml; returns the folder."""

    def write(data: dict[str, Any]) -> Path:
        (scenario_dir / "scenario.toml").write_text(toml_dumps(data), encoding="utf-8")
        return scenario_dir

    return write


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(valid_data())
