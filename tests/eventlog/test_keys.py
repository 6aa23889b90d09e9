"""Exam-centre keys, per-session keys and the proctor code."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from helpdesk_tui.eventlog import (
    KeyFileError,
    Signer,
    check_proctor_code,
    fingerprint,
    generate_keypair,
    has_proctor_code,
    load_private_key,
    load_public_key,
)


def test_generate_keypair_writes_the_files_with_safe_modes(key_dir: Path) -> None:
    mode = lambda name: stat.S_IMODE((key_dir / name).stat().st_mode)  # noqa: E731
    assert (mode("exam-centre.key"), mode("exam-centre.pub"), mode("proctor.json")) == (
        0o600,
        0o644,
        0o600,
    )
    signer = load_private_key(key_dir / "exam-centre.key")
    assert load_public_key(key_dir / "exam-centre.pub") == signer.public_key


def test_keys_sign_and_verify(signer: Signer, other_signer: Signer) -> None:
    signature = signer.sign(b"message")
    assert signer.public_key.verify(signature, b"message")
    assert not signer.public_key.verify(signature, b"messagf")
    assert not other_signer.public_key.verify(signature, b"message")


def test_the_fingerprint_is_the_sha256_of_the_raw_key(signer: Signer) -> None:
    fp = fingerprint(signer.public_key)
    assert fp == signer.fingerprint and fp.startswith("SHA256:") and len(fp) == 7 + 43
    assert fingerprint(signer.public_key) != fingerprint(Signer.ephemeral().public_key)


def test_keys_are_never_overwritten(tmp_path: Path) -> None:
    info = generate_keypair(tmp_path / "k")
    before = info.private_key_path.read_bytes()
    with pytest.raises(KeyFileError, match="never overwrites"):
        generate_keypair(tmp_path / "k", proctor_code="123456")
    assert info.private_key_path.read_bytes() == before
    assert not has_proctor_code(tmp_path / "k")


def test_the_proctor_code_is_stored_only_as_a_salted_hash(key_dir: Path, tmp_path: Path) -> None:
    stored = (key_dir / "proctor.json").read_text()
    assert "4711-proctor" not in stored and '"kdf": "scrypt"' in stored
    generate_keypair(tmp_path / "k2", proctor_code="4711-proctor")
    assert (tmp_path / "k2" / "proctor.json").read_text() != stored  # another salt
    assert check_proctor_code(key_dir, "4711-proctor")
    assert check_proctor_code(key_dir / "proctor.json", "4711-proctor")
    assert not check_proctor_code(key_dir, "4711-proctoR")
    assert has_proctor_code(key_dir)


def test_a_short_proctor_code_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="at least 4"):
        generate_keypair(tmp_path / "k", proctor_code="12")
    assert not (tmp_path / "k" / "exam-centre.key").exists()


def test_a_damaged_proctor_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "proctor.json").write_text("{}")
    with pytest.raises(KeyFileError, match="proctor.json is not a proctor-code file"):
        check_proctor_code(tmp_path, "1234")


def _pem_private(key: object) -> bytes:
    return key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.mark.parametrize(
    ("content", "mode", "message"),
    [
        (None, 0o600, "does not exist"),
        (b"garbage\x00\xff", 0o600, "is not a PEM private key"),
        ("public", 0o600, "is a public key"),
        ("rsa", 0o600, "RSA"),
        ("ed25519", 0o644, "chmod 600"),
        ("encrypted", 0o600, "password-protected"),
        ("dir", 0o700, "is a folder"),
    ],
)
def test_load_private_key_explains_what_is_wrong(
    tmp_path: Path, key_dir: Path, content: object, mode: int, message: str
) -> None:
    path = tmp_path / "exam-centre.key"
    if content == "dir":
        path.mkdir()
    elif content == "public":
        path.write_bytes((key_dir / "exam-centre.pub").read_bytes())
    elif content == "rsa":
        path.write_bytes(
            _pem_private(rsa.generate_private_key(public_exponent=65537, key_size=1024))
        )
    elif content == "ed25519":
        path.write_bytes(_pem_private(Ed25519PrivateKey.generate()))
    elif content == "encrypted":
        key = Ed25519PrivateKey.generate()
        path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(b"secret"),
            )
        )
    elif isinstance(content, bytes):
        path.write_bytes(content)
    if path.exists():
        path.chmod(mode)
    with pytest.raises(KeyFileError, match=message) as caught:
        load_private_key(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is not a PEM public key"), ("private", "is a private key"), ("rsa", "RSA")],
)
def test_load_public_key_explains_what_is_wrong(
    tmp_path: Path, key_dir: Path, content: object, message: str
) -> None:
    path = tmp_path / "exam-centre.pub"
    if content == "private":
        path.write_bytes((key_dir / "exam-centre.key").read_bytes())
    elif content == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
        path.write_bytes(
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
    else:
        path.write_bytes(content)  # type: ignore[arg-type]
    with pytest.raises(KeyFileError, match=message) as caught:
        load_public_key(path)
    assert str(path) in str(caught.value)


def _loads_in_time(load: Callable[[Path], object], path: Path) -> list[object]:
    """What `load(path)` raised or returned, from a thread that must end within 10 s."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(load(path))
        except Exception as exc:  # the outcome is checked by the caller
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive() and stat.S_ISFIFO(os.stat(path).st_mode):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # let a stuck open go
    return outcome


@pytest.mark.parametrize("kind", ["fifo", "device", "sparse"])
@pytest.mark.parametrize("load", [load_public_key, load_private_key])
def test_a_key_that_is_a_pipe_a_device_or_huge_is_refused_at_once(
    tmp_path: Path, kind: str, load: Callable[[Path], object]
) -> None:
    # qa-sitting8: `verify LOG --pubkey /dev/zero` (or a pipe, or a 2 GB sparse file)
    # never came back; verify, report and class-report all waited.
    if kind == "fifo":
        path = tmp_path / "exam-centre.pub"
        os.mkfifo(path, 0o600)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "exam-centre.pub"
        with path.open("wb") as handle:
            handle.truncate(2 << 30)
        path.chmod(0o600)
    outcome = _loads_in_time(load, path)
    assert len(outcome) == 1 and isinstance(outcome[0], KeyFileError)
    said = str(outcome[0])
    assert str(path) in said
    assert ("not a regular file" if kind != "sparse" else "larger than 64 KiB") in said
