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
from typing import TYPE_CHECKING, Any

from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.eventlog import ed25519
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


def fingerprint(public_key: PublicKey | Ed25519PublicKey) -> str:
    """`SHA256:` + unpadded base64 of the SHA-256 of the raw 32-byte key (as OpenSSH shows keys)."""
    raw = public_key.raw if isinstance(public_key, PublicKey) else _raw_public(public_key)
    digest = hashlib.sha256(raw).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def _raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class _CryptoPublic:
    """A `cryptography` public key with `ed25519.LibPublic`'s face (when libcrypto is not
    usable, or for a key object a caller made with `cryptography`)."""

    __slots__ = ("_key", "raw")

    def __init__(self, key: Ed25519PublicKey) -> None:
        self._key, self.raw = key, _raw_public(key)

    def verify(self, signature: bytes, message: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            self._key.verify(signature, message)
        except InvalidSignature:
            return False
        return True


class _CryptoPrivate:
    """A `cryptography` private key with `ed25519.LibPrivate`'s face."""

    __slots__ = ("_key", "seed", "public_raw")

    def __init__(self, key: Ed25519PrivateKey) -> None:
        from cryptography.hazmat.primitives import serialization

        self._key = key
        self.seed = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        self.public_raw = _raw_public(key.public_key())

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def _public_from_raw(raw: bytes) -> Any:
    """libcrypto's key where it is usable (no `cryptography` loaded: mem26), else `cryptography`'s."""
    if ed25519.LIB is not None:
        return ed25519.LibPublic(raw, ed25519.LIB)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return _CryptoPublic(Ed25519PublicKey.from_public_bytes(raw))


def _private_from_seed(seed: bytes) -> Any:
    """As `_public_from_raw`, for a private key's 32-byte seed."""
    if ed25519.LIB is not None:
        return ed25519.LibPrivate(seed, ed25519.LIB)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _CryptoPrivate(Ed25519PrivateKey.from_private_bytes(seed))


class PublicKey:
    """An Ed25519 public key that checks log signatures."""

    __slots__ = ("_key", "raw", "fingerprint")

    def __init__(self, key: Ed25519PublicKey | ed25519.LibPublic | _CryptoPublic) -> None:
        self._key = (
            key if isinstance(key, ed25519.LibPublic | _CryptoPublic) else _CryptoPublic(key)
        )
        self.raw = self._key.raw
        self.fingerprint = fingerprint(self)

    @classmethod
    def from_raw(cls, raw: bytes) -> PublicKey:
        """From the 32 raw bytes a practice log's header carries."""
        return cls(_public_from_raw(raw))

    def verify(self, signature: bytes, message: bytes) -> bool:
        return self._key.verify(signature, message)

    def pem(self) -> str:
        return ed25519.public_pem(self.raw).decode("ascii")

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

    def __init__(
        self,
        key: Ed25519PrivateKey | ed25519.LibPrivate | _CryptoPrivate,
        is_ephemeral: bool = False,
    ) -> None:
        self._key = (
            key if isinstance(key, ed25519.LibPrivate | _CryptoPrivate) else _CryptoPrivate(key)
        )
        self.public_key = PublicKey(_public_from_raw(self._key.public_raw))
        self.fingerprint = self.public_key.fingerprint
        self.is_ephemeral = is_ephemeral

    @classmethod
    def ephemeral(cls) -> Signer:
        """A fresh per-session key for a practice log without an exam-centre key."""
        return cls(_private_from_seed(secrets.token_bytes(ed25519.SEED_BYTES)), is_ephemeral=True)

    @classmethod
    def generate(cls) -> Signer:
        """A fresh chain key: signs one checkpoint of one session, then is dropped.

        An Ed25519 private key is 32 random bytes (RFC 8032 section 5.1.5), here from the
        operating system's generator (`secrets`), as OpenSSL's own generation draws them."""
        return cls(_private_from_seed(secrets.token_bytes(ed25519.SEED_BYTES)))

    @classmethod
    def from_raw(cls, raw: bytes) -> Signer:
        """From the 32 raw private bytes a resume file holds (ValueError if not 32 bytes)."""
        if len(raw) != ed25519.SEED_BYTES:
            raise ValueError("An Ed25519 private key is 32 bytes long.")
        return cls(_private_from_seed(raw))

    def raw_private(self) -> bytes:
        return self._key.seed

    @classmethod
    def from_pem(cls, content: bytes, is_ephemeral: bool = False) -> Signer:
        """From an unencrypted PKCS#8 PEM (a practice log's saved session key)."""
        seed = ed25519.seed_from_pem(content)
        if seed is not None:
            return cls(_private_from_seed(seed), is_ephemeral=is_ephemeral)
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        key = serialization.load_pem_private_key(content, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("not an Ed25519 private key")
        return cls(key, is_ephemeral=is_ephemeral)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def private_pem(self) -> bytes:
        return ed25519.private_pem(self._key.seed)


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
    seed = ed25519.seed_from_pem(content)
    if seed is not None:
        return Signer(_private_from_seed(seed))
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
    raw = ed25519.raw_from_public_pem(content)
    if raw is not None:
        return PublicKey(_public_from_raw(raw))
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
