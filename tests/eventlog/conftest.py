"""Keys and headers shared by the event-log tests.

Key pairs are made once per test session: making one costs little, but the
proctor-code hash (scrypt) does, and no test needs a key of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog import (
    PublicKey,
    Signer,
    generate_keypair,
    load_private_key,
    load_public_key,
)
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.testing import sample_header


@pytest.fixture(scope="session")
def key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("centre") / "keys"
    generate_keypair(directory, proctor_code="4711-proctor")
    return directory


@pytest.fixture(scope="session")
def signer(key_dir: Path) -> Signer:
    return load_private_key(key_dir / "exam-centre.key")


@pytest.fixture(scope="session")
def pubkey(key_dir: Path) -> PublicKey:
    return load_public_key(key_dir / "exam-centre.pub")


@pytest.fixture(scope="session")
def other_signer(tmp_path_factory: pytest.TempPathFactory) -> Signer:
    """Another centre's key: what a forger would sign with."""
    directory = tmp_path_factory.mktemp("other") / "keys"
    generate_keypair(directory)
    return load_private_key(directory / "exam-centre.key")


@pytest.fixture
def header() -> SessionHeader:
    return sample_header()
