"""Ed25519 through libcrypto (mem26) against `cryptography`, the library it replaces in an exam.

Every expected value here comes from `cryptography` (signatures are deterministic, RFC 8032), so
a byte that differs fails."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from helpdesk_tui.eventlog import ed25519
from helpdesk_tui.eventlog.keys import PublicKey, Signer, load_private_key, load_public_key

pytestmark = pytest.mark.skipif(ed25519.LIB is None, reason="no usable libcrypto here")


def _seeds(n: int) -> list[bytes]:
    return [hashlib.sha256(b"mem26 seed %d" % i).digest() for i in range(n)]


def _messages() -> list[bytes]:
    return [b"", b"x", bytes(range(256)), b"\x00" * 1000, "een bericht, é".encode() * 300]


def test_signatures_equal_cryptography() -> None:
    for seed in _seeds(20):
        theirs = Ed25519PrivateKey.from_private_bytes(seed)
        ours = Signer.from_raw(seed)
        assert ours.public_key.raw == theirs.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        for message in _messages():
            assert ours.sign(message) == theirs.sign(message)


def test_verify_agrees_with_cryptography() -> None:
    key = Ed25519PrivateKey.from_private_bytes(_seeds(1)[0])
    ours = PublicKey.from_raw(key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw))  # fmt: skip
    for message in _messages():
        signature = key.sign(message)
        assert ours.verify(signature, message)
        assert not ours.verify(signature, message + b"!")
        bad = bytes([signature[0] ^ 1]) + signature[1:]
        assert not ours.verify(bad, message)
        assert not ours.verify(signature[:-1], message)
        assert not ours.verify(b"", message)


def test_pems_equal_cryptography(tmp_path) -> None:
    theirs = Ed25519PrivateKey.from_private_bytes(_seeds(1)[0])
    their_private = theirs.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    their_public = theirs.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    ours = Signer.from_pem(their_private)
    assert ours.private_pem() == their_private
    assert ours.public_key.pem().encode() == their_public
    (tmp_path / "k").write_bytes(their_private)
    (tmp_path / "k").chmod(0o600)
    (tmp_path / "p").write_bytes(their_public)
    assert load_private_key(tmp_path / "k").sign(b"m") == theirs.sign(b"m")
    assert load_public_key(tmp_path / "p").raw == ours.public_key.raw


def test_generated_keys_are_fresh_and_check_out_in_cryptography() -> None:
    a, b = Signer.generate(), Signer.generate()
    assert a.raw_private() != b.raw_private()
    Ed25519PublicKey.from_public_bytes(a.public_key.raw).verify(a.sign(b"m"), b"m")


def test_wrong_lengths_refused() -> None:
    with pytest.raises(ValueError):
        Signer.from_raw(b"\x01" * 31)
    with pytest.raises(ValueError):
        PublicKey.from_raw(b"\x01" * 33)


def test_other_pems_go_to_cryptography() -> None:
    """A PEM with a header line is not the plain layout: parsed by `cryptography` as before."""
    assert (
        ed25519.seed_from_pem(
            b"-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n"
        )
        is None
    )
    assert ed25519.raw_from_public_pem(b"") is None


def test_an_exam_signs_without_loading_cryptography(tmp_path) -> None:
    """The point of mem26: an exam's keys (load, sign, chain keys, verify) leave the Rust
    extension unloaded."""
    key = tmp_path / "k"
    key.write_bytes(Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))  # fmt: skip
    key.chmod(0o600)
    code = (
        "import sys\n"
        "from helpdesk_tui.eventlog.keys import load_private_key, Signer\n"
        f"s = load_private_key({str(key)!r}); c = Signer.generate()\n"
        "assert s.public_key.verify(s.sign(b'm'), b'm') and c.public_key.verify(c.sign(b'm'), b'm')\n"
        "print(sorted(m for m in sys.modules if m.startswith('cryptography')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_without_libcrypto_cryptography_signs_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback (no usable libcrypto): `cryptography`'s keys behind the same classes."""
    seed = _seeds(1)[0]
    with_lib = Signer.from_raw(seed)
    monkeypatch.setattr(ed25519, "LIB", None)
    without = Signer.from_raw(seed)
    assert type(without._key).__name__ == "_CryptoPrivate"
    assert without.sign(b"m") == with_lib.sign(b"m")
    assert without.public_key == with_lib.public_key
    assert without.public_key.verify(with_lib.sign(b"m"), b"m")
    assert not without.public_key.verify(with_lib.sign(b"m"), b"n")
    assert Signer.generate().public_key.verify(Signer.from_raw(seed).sign(b"m"), b"m") is False
