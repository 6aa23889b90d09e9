"""Ed25519 through the libcrypto that Python's own `hashlib` has already loaded (branch mem26).

Why: `cryptography`'s Rust extension carries an OpenSSL of its own; loading it for the one
algorithm an exam signs with cost **10.4 MB of RSS** per exam process (the largest single
item of an exam's start-up), while the system's libcrypto, the same OpenSSL code, is mapped
anyway for `hashlib` and `ssl`. Ed25519 signatures are deterministic (RFC 8032), so both give
the same bytes for the same key and message (tests/eventlog/test_ed25519.py checks this
against `cryptography`). Where that libcrypto cannot be found or lacks Ed25519, `LIB` is
None and `keys.py` uses `cryptography` as before; PEM files that are not the plain
Ed25519 PKCS#8 / SubjectPublicKeyInfo layout also go to `cryptography` (its messages for
other key types and encrypted keys stay).
"""

from __future__ import annotations

import base64
import ctypes
import weakref
from typing import Any

NID_ED25519 = 1087
SEED_BYTES = 32
SIGNATURE_BYTES = 64

PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
"""The DER of an unencrypted Ed25519 PKCS#8 key (RFC 8410) before its 32-byte seed."""
SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
"""The DER of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before its 32-byte key."""


def _libcrypto_path() -> str | None:
    """The libcrypto file `_hashlib` is linked with, as mapped in this process."""
    import _hashlib  # noqa: F401  (maps libcrypto if Python was built with OpenSSL)

    try:
        with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
            for line in maps:
                path = line.split(maxsplit=5)[-1].strip()
                if "/libcrypto.so" in path:
                    return path
    except OSError:
        return None
    return None


def _load() -> Any:
    """The libcrypto with the functions declared, or None (then `cryptography` is used)."""
    path = _libcrypto_path()
    if path is None:
        return None
    try:
        lib = ctypes.CDLL(path)
        vp, sz, cp = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p
        for name, restype, argtypes in (
            ("EVP_PKEY_new_raw_private_key", vp, [ctypes.c_int, vp, cp, sz]),
            ("EVP_PKEY_new_raw_public_key", vp, [ctypes.c_int, vp, cp, sz]),
            ("EVP_PKEY_get_raw_public_key", ctypes.c_int, [vp, cp, ctypes.POINTER(sz)]),
            ("EVP_PKEY_free", None, [vp]),
            ("EVP_MD_CTX_new", vp, []),
            ("EVP_MD_CTX_free", None, [vp]),
            ("EVP_DigestSignInit", ctypes.c_int, [vp, vp, vp, vp, vp]),
            ("EVP_DigestSign", ctypes.c_int, [vp, cp, ctypes.POINTER(sz), cp, sz]),
            ("EVP_DigestVerifyInit", ctypes.c_int, [vp, vp, vp, vp, vp]),
            ("EVP_DigestVerify", ctypes.c_int, [vp, cp, sz, cp, sz]),
            ("ERR_clear_error", None, []),
        ):
            function = getattr(lib, name)
            function.restype, function.argtypes = restype, argtypes
        probe = LibPrivate(b"\x01" * SEED_BYTES, lib)
        if not LibPublic(probe.public_raw, lib).verify(probe.sign(b"probe"), b"probe"):
            return None
    except (OSError, AttributeError, ValueError):
        return None
    return lib


def _new_pkey(owner: object, lib: Any, make: Any, raw: bytes, half: str) -> int:
    """An EVP_PKEY from 32 raw bytes, freed when `owner` goes (ValueError as `cryptography`
    raises for a wrong length)."""
    if len(raw) != SEED_BYTES:
        raise ValueError(f"An Ed25519 {half} key is 32 bytes long.")
    pkey = make(NID_ED25519, None, raw, SEED_BYTES)
    if not pkey:
        lib.ERR_clear_error()
        raise ValueError(f"libcrypto refused the Ed25519 {half} key")
    weakref.finalize(owner, lib.EVP_PKEY_free, pkey)
    return pkey


class LibPrivate:
    """An Ed25519 private key held by libcrypto (its EVP_PKEY freed with the object)."""

    __slots__ = ("seed", "public_raw", "_pkey", "_lib", "__weakref__")

    def __init__(self, seed: bytes, lib: Any) -> None:
        pkey = _new_pkey(self, lib, lib.EVP_PKEY_new_raw_private_key, seed, "private")
        self.seed, self._pkey, self._lib = bytes(seed), pkey, lib
        out, size = ctypes.create_string_buffer(SEED_BYTES), ctypes.c_size_t(SEED_BYTES)
        if lib.EVP_PKEY_get_raw_public_key(pkey, out, ctypes.byref(size)) != 1:
            lib.ERR_clear_error()
            raise ValueError("libcrypto gave no Ed25519 public key")
        self.public_raw = out.raw[: size.value]

    def sign(self, message: bytes) -> bytes:
        lib = self._lib
        ctx = lib.EVP_MD_CTX_new()
        if not ctx:
            raise MemoryError("EVP_MD_CTX_new")
        try:
            out, size = (
                ctypes.create_string_buffer(SIGNATURE_BYTES),
                ctypes.c_size_t(SIGNATURE_BYTES),
            )
            if (
                lib.EVP_DigestSignInit(ctx, None, None, None, self._pkey) != 1
                or lib.EVP_DigestSign(ctx, out, ctypes.byref(size), message, len(message)) != 1
            ):
                lib.ERR_clear_error()
                raise RuntimeError("libcrypto failed to sign")
            return out.raw[: size.value]
        finally:
            lib.EVP_MD_CTX_free(ctx)


class LibPublic:
    """An Ed25519 public key held by libcrypto."""

    __slots__ = ("raw", "_pkey", "_lib", "__weakref__")

    def __init__(self, raw: bytes, lib: Any) -> None:
        self._pkey = _new_pkey(self, lib, lib.EVP_PKEY_new_raw_public_key, raw, "public")
        self.raw, self._lib = bytes(raw), lib

    def verify(self, signature: bytes, message: bytes) -> bool:
        lib = self._lib
        ctx = lib.EVP_MD_CTX_new()
        if not ctx:
            raise MemoryError("EVP_MD_CTX_new")
        try:
            if lib.EVP_DigestVerifyInit(ctx, None, None, None, self._pkey) != 1:
                lib.ERR_clear_error()
                raise RuntimeError("libcrypto failed to start a verification")
            good = lib.EVP_DigestVerify(ctx, signature, len(signature), message, len(message))
            if good != 1:
                lib.ERR_clear_error()
            return good == 1
        finally:
            lib.EVP_MD_CTX_free(ctx)


def pem_body(content: bytes, label: bytes) -> bytes | None:
    """The DER inside a single `-----BEGIN {label}-----` block, or None if it is not one."""
    begin, end = b"-----BEGIN " + label + b"-----", b"-----END " + label + b"-----"
    text = content.strip()
    if not (text.startswith(begin) and text.endswith(end)):
        return None
    inner = text[len(begin) : -len(end)]
    if b"-----" in inner:
        return None
    try:
        return base64.b64decode(b"".join(inner.split()), validate=True)
    except ValueError:
        return None


def seed_from_pem(content: bytes) -> bytes | None:
    """The 32-byte seed of an unencrypted Ed25519 PKCS#8 PEM, or None for anything else."""
    der = pem_body(content, b"PRIVATE KEY")
    if der is None or len(der) != len(PKCS8_PREFIX) + SEED_BYTES:
        return None
    return der[len(PKCS8_PREFIX) :] if der.startswith(PKCS8_PREFIX) else None


def raw_from_public_pem(content: bytes) -> bytes | None:
    """The 32-byte key of an Ed25519 SubjectPublicKeyInfo PEM, or None for anything else."""
    der = pem_body(content, b"PUBLIC KEY")
    if der is None or len(der) != len(SPKI_PREFIX) + SEED_BYTES:
        return None
    return der[len(SPKI_PREFIX) :] if der.startswith(SPKI_PREFIX) else None


def _pem(label: bytes, der: bytes) -> bytes:
    """PEM as `cryptography` writes it: base64 in lines of 64, a newline at the end."""
    text = base64.b64encode(der)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return b"\n".join(
        [b"-----BEGIN " + label + b"-----", *lines, b"-----END " + label + b"-----", b""]
    )


def private_pem(seed: bytes) -> bytes:
    return _pem(b"PRIVATE KEY", PKCS8_PREFIX + seed)


def public_pem(raw: bytes) -> bytes:
    return _pem(b"PUBLIC KEY", SPKI_PREFIX + raw)


LIB = _load()
