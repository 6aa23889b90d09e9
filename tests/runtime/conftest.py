"""Keys and the scenario for the runtime tests (made once: the proctor hash costs ~50 ms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog import PublicKey, Signer, load_private_key, load_public_key
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from tests.runtime.kit import NORTHWIND, make_keys


@pytest.fixture(scope="session")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


@pytest.fixture(scope="session")
def signer(key_file: Path) -> Signer:
    return load_private_key(key_file)


@pytest.fixture(scope="session")
def pubkey(key_file: Path) -> PublicKey:
    return load_public_key(key_file.with_name("exam-centre.pub"))


@pytest.fixture(scope="session")
def northwind() -> Scenario:
    return load_scenario(NORTHWIND)
