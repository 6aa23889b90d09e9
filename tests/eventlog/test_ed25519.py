"""Ed25519 through PyNaCl (mem27; mem26 read the PEMs) against `cryptography`, the library it
replaces in an exam.

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

from helpdesk_tui.eventlog import keys
from helpdesk_tui.eventlog.keys import PublicKey, Signer, load_private_key, load_public_key


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
        keys.seed_from_pem(b"-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n")
        is None
    )
    assert keys.raw_from_public_pem(b"") is None


def _run_exam_key_path(tmp_path, report: str) -> str:
    """Run an exam's key path (load the centre's PEMs, sign, make chain keys, verify) in a
    fresh interpreter, then print `report`: what that process loaded."""
    their = Ed25519PrivateKey.generate()
    key, pub = tmp_path / "k", tmp_path / "p"
    key.write_bytes(their.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))  # fmt: skip
    key.chmod(0o600)
    pub.write_bytes(their.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))  # fmt: skip
    code = (
        "import sys\n"
        "from helpdesk_tui.eventlog.keys import load_private_key, load_public_key, Signer\n"
        f"s = load_private_key({str(key)!r}); c = Signer.generate()\n"
        f"assert load_public_key({str(pub)!r}).verify(s.sign(b'm'), b'm')\n"
        "assert s.public_key.verify(s.sign(b'm'), b'm') and c.public_key.verify(c.sign(b'm'), b'm')\n"
        f"print({report})\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}).stdout  # fmt: skip


def test_an_exam_signs_without_loading_cryptography(tmp_path) -> None:
    """The point of mem26: an exam's keys (load, sign, chain keys, verify) leave the Rust
    extension unloaded."""
    report = "sorted(m for m in sys.modules if m.startswith('cryptography'))"
    assert _run_exam_key_path(tmp_path, report).strip() == "[]"


def test_an_exam_signs_with_libsodium_not_ctypes(tmp_path) -> None:
    """mem27: the signatures are PyNaCl's (libsodium mapped), with no ctypes binding and no
    `cryptography` Rust extension in the process."""
    report = (
        "sorted(m for m in sys.modules if m.split('.')[0] in ('ctypes', '_ctypes', 'cryptography')"
        " or m == 'helpdesk_tui.eventlog.ed25519'), "
        "type(s._key).__module__, "
        "sorted({l.split('/')[-1].strip() for l in open('/proc/self/maps')"
        " if '_sodium' in l or '_rust' in l})"
    )
    assert _run_exam_key_path(tmp_path, report).strip() == ("[] nacl.signing ['_sodium.abi3.so']")


def test_wrong_length_signatures_are_invalid_not_raised() -> None:
    """As before (mem26's ctypes said "invalid"), and as `cryptography` does (InvalidSignature):
    a signature of any length but 64 is a bad one, never a traceback."""
    from cryptography.exceptions import InvalidSignature

    theirs = Ed25519PrivateKey.from_private_bytes(_seeds(1)[0])
    ours = PublicKey.from_raw(Signer.from_raw(_seeds(1)[0]).public_key.raw)
    signature = theirs.sign(b"m")
    for wrong in (b"", signature[:32], signature[:-1], signature + b"\0", signature * 2):
        with pytest.raises(InvalidSignature):
            theirs.public_key().verify(wrong, b"m")
        assert ours.verify(wrong, b"m") is False


def test_keys_cryptography_parsed_sign_the_same(tmp_path) -> None:
    """A PEM that is not the plain layout (here: text before the BEGIN line, which OpenSSL
    allows) is parsed by `cryptography`, then signs through PyNaCl with the same bytes."""
    theirs = Ed25519PrivateKey.from_private_bytes(_seeds(2)[1])
    pem = b"a comment line\n" + theirs.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert keys.seed_from_pem(pem) is None
    (tmp_path / "k").write_bytes(pem)
    (tmp_path / "k").chmod(0o600)
    ours = load_private_key(tmp_path / "k")
    assert ours.sign(b"m") == theirs.sign(b"m")
    assert Signer(theirs).sign(b"n") == theirs.sign(b"n")
    assert PublicKey(theirs.public_key()).verify(theirs.sign(b"n"), b"n")
