"""Exam-centre keys (Ed25519), per-session practice keys and the proctor code.

An exam centre makes one key pair with `helpdesk-exam keys init DIR`. The
private key signs every exam log written on its terminals; assessors verify
with the public key. The proctor code (what ends exam mode) is stored only as
a salted scrypt hash, so reading the key folder does not reveal it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog.durable import NotRegularFile, fsync_dir, open_regular, write_new
from helpdesk_tui.eventlog.errors import KeyFileError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

PRIVATE_KEY_FILE = "exam-centre.key"
PUBLIC_KEY_FILE = "exam-centre.pub"
PROCTOR_FILE = "proctor.json"
WITNESS_KEY_FILE = "witness.key"
WITNESS_PUB_FILE = "witness.pub"

PROCTOR_MIN_LENGTH = 4
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
"""scrypt cost: ~50 ms and 16 MiB per check, cheap for a proctor, slow for a guesser."""

SEED_BYTES = 32
"""An Ed25519 private key's seed and a public key are both 32 bytes (RFC 8032)."""
PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
"""The DER of an unencrypted Ed25519 PKCS#8 key (RFC 8410) before its 32-byte seed."""
SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
"""The DER of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before its 32-byte key."""


def fingerprint(public_key: PublicKey | Ed25519PublicKey) -> str:
    """`SHA256:` + unpadded base64 of the SHA-256 of the raw 32-byte key (as OpenSSH shows keys)."""
    raw = public_key.raw if isinstance(public_key, PublicKey) else _raw_public(public_key)
    digest = hashlib.sha256(raw).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def _raw_public(key: Ed25519PublicKey) -> bytes:
    """The 32 bytes of a `cryptography` key (only met for PEMs `cryptography` parsed, or a
    caller's own key object: `cryptography` is then loaded already)."""
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: Ed25519PrivateKey) -> bytes:
    """As `_raw_public`, the 32-byte seed of a `cryptography` private key."""
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _pem_body(content: bytes, label: bytes) -> bytes | None:
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


def _after_prefix(content: bytes, label: bytes, prefix: bytes) -> bytes | None:
    """The 32 bytes after `prefix` in a plain Ed25519 PEM, or None for any other PEM.

    Why by hand: `cryptography` (10 MB of RSS in an exam, mem26) would be loaded only to read
    these two fixed RFC 8410 layouts; anything else still goes to it, for its messages."""
    der = _pem_body(content, label)
    if der is None or len(der) != len(prefix) + SEED_BYTES or not der.startswith(prefix):
        return None
    return der[len(prefix) :]


def seed_from_pem(content: bytes) -> bytes | None:
    """The 32-byte seed of an unencrypted Ed25519 PKCS#8 PEM, or None for anything else."""
    return _after_prefix(content, b"PRIVATE KEY", PKCS8_PREFIX)


def raw_from_public_pem(content: bytes) -> bytes | None:
    """The 32-byte key of an Ed25519 SubjectPublicKeyInfo PEM, or None for anything else."""
    return _after_prefix(content, b"PUBLIC KEY", SPKI_PREFIX)


def _pem(label: bytes, der: bytes) -> bytes:
    """PEM as `cryptography` writes it: base64 in lines of 64, a newline at the end."""
    text = base64.b64encode(der)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return b"\n".join(
        [b"-----BEGIN " + label + b"-----", *lines, b"-----END " + label + b"-----", b""]
    )


class PublicKey:
    """An Ed25519 public key that checks log signatures (PyNaCl's, i.e. libsodium's).

    Why PyNaCl: `cryptography` carries an OpenSSL of its own (+8 MB in an exam); libsodium
    is a well-kept library made for exactly this (mem27), and Ed25519 is deterministic, so
    the signatures are the same bytes (tests/eventlog/test_ed25519.py)."""

    __slots__ = ("_key", "raw", "fingerprint")

    def __init__(self, key: VerifyKey | Ed25519PublicKey) -> None:
        if not isinstance(key, VerifyKey):
            key = VerifyKey(_raw_public(key))
        self._key = key
        self.raw = bytes(key)
        self.fingerprint = fingerprint(self)

    @classmethod
    def from_raw(cls, raw: bytes) -> PublicKey:
        """From the 32 raw bytes a practice log's header carries (ValueError if not 32)."""
        return cls(VerifyKey(raw))

    def verify(self, signature: bytes, message: bytes) -> bool:
        """True only for a good signature: a wrong or wrong-length one is False, not raised."""
        if len(signature) != 64:
            return False
        try:
            self._key.verify(message, signature)
        except BadSignatureError:
            return False
        return True

    def pem(self) -> str:
        return _pem(b"PUBLIC KEY", SPKI_PREFIX + self.raw).decode("ascii")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicKey) and other.raw == self.raw

    def __hash__(self) -> int:
        return hash(self.raw)


class Signer:
    """An Ed25519 private key that signs log records.

    `is_ephemeral` marks a per-session practice key: its public half goes into the
    log's header, so the log checks out against itself but can never pass as an
    exam log signed by an exam centre.
    """

    __slots__ = ("_key", "public_key", "fingerprint", "is_ephemeral")

    def __init__(self, key: SigningKey | Ed25519PrivateKey, is_ephemeral: bool = False) -> None:
        if not isinstance(key, SigningKey):
            key = SigningKey(_raw_private(key))
        self._key = key
        self.public_key = PublicKey(key.verify_key)
        self.fingerprint = self.public_key.fingerprint
        self.is_ephemeral = is_ephemeral

    @classmethod
    def ephemeral(cls) -> Signer:
        """A fresh per-session key for a practice log without an exam-centre key."""
        return cls(SigningKey.generate(), is_ephemeral=True)

    @classmethod
    def generate(cls) -> Signer:
        """A fresh chain key: signs one checkpoint of one session, then is dropped."""
        return cls(SigningKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes) -> Signer:
        """From the 32 raw private bytes a resume file holds (ValueError if not 32 bytes)."""
        return cls(SigningKey(raw))

    def raw_private(self) -> bytes:
        return bytes(self._key)

    @classmethod
    def from_pem(cls, content: bytes, is_ephemeral: bool = False) -> Signer:
        """From an unencrypted PKCS#8 PEM (a practice log's saved session key)."""
        seed = seed_from_pem(content)
        if seed is not None:
            return cls(SigningKey(seed), is_ephemeral=is_ephemeral)
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        key = serialization.load_pem_private_key(content, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("not an Ed25519 private key")
        return cls(key, is_ephemeral=is_ephemeral)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message).signature

    def private_pem(self) -> bytes:
        return _pem(b"PRIVATE KEY", PKCS8_PREFIX + bytes(self._key))


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What `generate_keypair` wrote, for the command to print."""

    private_key_path: Path
    public_key_path: Path
    proctor_path: Path | None
    fingerprint: str
    public_key_pem: str


def generate_keypair(directory: Path, proctor_code: str | None = None) -> KeyInfo:
    """Write a new exam-centre key pair (and proctor-code hash) into `directory`.

    Refuses if any of the files exists: replacing a centre's key would make
    every log it signed unverifiable with the key assessors hold.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise KeyFileError(f"{directory} is a file; `keys init` needs a folder to put the keys in.")
    paths = [directory / PRIVATE_KEY_FILE, directory / PUBLIC_KEY_FILE]
    if proctor_code is not None:
        check_proctor_code_format(proctor_code)
        paths.append(directory / PROCTOR_FILE)
    existing = [str(p) for p in paths if p.exists() or p.is_symlink()]
    if existing:
        raise KeyFileError(
            f"{', '.join(existing)} {'already exists' if len(existing) == 1 else 'already exist'}; "
            "keys init never overwrites keys, because logs "
            "signed with the old key could no longer be verified. Choose an empty folder, or move "
            "the old files away first if you really mean to replace them."
        )
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    signer = Signer.generate()
    write_new(paths[0], signer.private_pem(), 0o600)
    pem = signer.public_key.pem()
    write_new(paths[1], pem.encode("ascii"), 0o644)
    proctor_path = None
    if proctor_code is not None:
        proctor_path = paths[2]
        write_new(proctor_path, _proctor_record(proctor_code), 0o600)
    fsync_dir(directory)
    return KeyInfo(paths[0], paths[1], proctor_path, signer.fingerprint, pem)


def generate_witness_keypair(directory: Path) -> KeyInfo:
    """Write a new witness key pair (`witness.key`, `witness.pub`) into `directory`.

    A witness key belongs to the account or machine that runs `helpdesk-exam
    witness`, never to the exam user: the witness must be able to say "I saw
    this" about logs the exam user could otherwise rewrite.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise KeyFileError(f"{directory} is a file; `keys init --witness` needs a folder.")
    paths = [directory / WITNESS_KEY_FILE, directory / WITNESS_PUB_FILE]
    existing = [str(p) for p in paths if p.exists() or p.is_symlink()]
    if existing:
        raise KeyFileError(
            f"{', '.join(existing)} already exist(s); keys init never overwrites a witness key, "
            "because the witness files it signed could no longer be checked. Choose an empty folder."
        )
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    signer = Signer.generate()
    write_new(paths[0], signer.private_pem(), 0o600)
    pem = signer.public_key.pem()
    write_new(paths[1], pem.encode("ascii"), 0o644)
    fsync_dir(directory)
    return KeyInfo(paths[0], paths[1], None, signer.fingerprint, pem)


MAX_KEY_FILE_BYTES = 64 << 10
"""A key or proctor file is a few hundred bytes; a larger one is not one."""


def _read_key_file(path: Path, what: str) -> bytes:
    """The file's bytes, bounded; regular files only (qa-sitting8: `--pubkey /dev/zero`,
    a pipe or a 2 GB sparse file made verify, report and class-report wait for ever)."""
    path = Path(path)
    if path.is_dir():
        raise KeyFileError(
            Phrase("{path} is a folder; give the {what} file itself.", path=str(path), what=what)
        )
    try:
        with open_regular(path) as handle:
            content = handle.read(MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileError(
            Phrase(
                "{path} does not exist; give the {what} file made by `helpdesk-exam keys init`.",
                path=str(path),
                what=what,
            )
        ) from None
    except NotRegularFile:
        raise KeyFileError(
            Phrase(
                "{path} is not a regular file (a pipe, device or socket); give the {what} file "
                "itself.",
                path=str(path),
                what=what,
            )
        ) from None
    except OSError as exc:
        raise KeyFileError(
            Phrase(
                "{path} cannot be read ({why}); give a readable {what} file.",
                path=str(path),
                why=exc.strerror,
                what=what,
            )
        ) from None
    if len(content) > MAX_KEY_FILE_BYTES:
        raise KeyFileError(
            f"{path} is larger than {MAX_KEY_FILE_BYTES >> 10} KiB; a key file is a few hundred "
            f"bytes, so it is not the {what} file."
        )
    return content


def load_private_key(path: Path) -> Signer:
    """Load an exam-centre private key, refusing one that others can read (as ssh does)."""
    path = Path(path)
    content = _read_key_file(path, Phrase("private key (exam-centre.key)"))
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KeyFileError(
            f"{path} can be read by other users (mode {mode:04o}); a private key must be readable "
            f"by its owner only. Run: chmod 600 {path}"
        )
    if b"PUBLIC KEY" in content and b"PRIVATE KEY" not in content:
        raise KeyFileError(
            Phrase(
                "{path} is a public key; signing needs the private key (exam-centre.key) beside "
                "it.",
                path=str(path),
            )
        )
    seed = seed_from_pem(content)
    if seed is not None:
        return Signer(SigningKey(seed))
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(content, password=None)
    except TypeError:
        raise KeyFileError(
            f"{path} is password-protected; give an unencrypted key as written by `keys init`."
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFileError(
            Phrase(
                "{path} is not a PEM private key (line 1 should read "
                "'-----BEGIN PRIVATE KEY-----'); give the exam-centre.key made by `keys init`.",
                path=str(path),
            )
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(
            f"{path} holds a {type(key).__name__.removeprefix('_')} key; logs are signed with "
            "Ed25519 keys made by `helpdesk-exam keys init`."
        )
    return Signer(key)


def load_public_key(path: Path) -> PublicKey:
    """Load an exam-centre public key (the .pub file from `keys init`)."""
    path = Path(path)
    content = _read_key_file(path, Phrase("public key (exam-centre.pub)"))
    if b"PRIVATE KEY" in content:
        raise KeyFileError(
            Phrase(
                "{path} is a private key; verifying needs only the public key "
                "(exam-centre.pub). Keep the private key on the exam server, readable by the "
                "exam user only.",
                path=str(path),
            )
        )
    raw = raw_from_public_pem(content)
    if raw is not None:
        return PublicKey(VerifyKey(raw))
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(content)
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFileError(
            Phrase(
                "{path} is not a PEM public key (line 1 should read "
                "'-----BEGIN PUBLIC KEY-----'); give the exam-centre.pub made by "
                "`helpdesk-exam keys init`.",
                path=str(path),
            )
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(
            f"{path} holds a {type(key).__name__.removeprefix('_')} key; exam logs are signed "
            "with Ed25519 keys made by `helpdesk-exam keys init`."
        )
    return PublicKey(key)


def check_proctor_code_format(code: str) -> None:
    """Refuse a proctor code too short to resist a candidate guessing at the keyboard."""
    if len(code) < PROCTOR_MIN_LENGTH or code != code.strip():
        raise KeyFileError(
            f"the proctor code must have at least {PROCTOR_MIN_LENGTH} characters and no "
            "spaces at its start or end."
        )


def _proctor_record(code: str) -> bytes:
    salt = secrets.token_bytes(16)
    digest = _scrypt(code, salt, _SCRYPT)
    record = {
        "format": 1,
        "kdf": "scrypt",
        **_SCRYPT,
        "salt": base64.b64encode(salt).decode("ascii"),
        "hash": base64.b64encode(digest).decode("ascii"),
    }
    return (json.dumps(record, indent=2, sort_keys=True) + "\n").encode("ascii")


def _scrypt(code: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(
        code.encode("utf-8"), salt=salt, n=params["n"], r=params["r"], p=params["p"], dklen=32
    )


def has_proctor_code(key_dir_or_file: Path) -> bool:
    return _proctor_path(Path(key_dir_or_file)).is_file()


def _proctor_path(path: Path) -> Path:
    return path / PROCTOR_FILE if path.is_dir() else path


def check_proctor_code(key_dir_or_file: Path, code: str) -> bool:
    """True if `code` is the proctor code stored (hashed) in the key folder or file."""
    path = _proctor_path(Path(key_dir_or_file))
    content = _read_key_file(path, "proctor code (proctor.json)")
    try:
        record = json.loads(content)
        params = {name: int(record[name]) for name in ("n", "r", "p")}
        if record.get("kdf") != "scrypt":
            raise ValueError("kdf")
        salt = base64.b64decode(record["salt"], validate=True)
        expected = base64.b64decode(record["hash"], validate=True)
    except (ValueError, KeyError, TypeError):
        raise KeyFileError(
            f'{path} is not a proctor-code file (a JSON object with kdf "scrypt", n, r, p, salt '
            "and hash); make a new one with `helpdesk-exam keys init` in an empty folder."
        ) from None
    return hmac.compare_digest(_scrypt(code, salt, params), expected)
