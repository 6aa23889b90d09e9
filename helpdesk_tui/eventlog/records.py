"""The record format: canonical bytes, record kinds, the header, the signed message.

Everything that decides which bytes go into the log lives here, so the
writer, the reader and the verifier cannot disagree about them. See
docs/eventlog-format.md for the format with an annotated example.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

from helpdesk_tui import __version__
from helpdesk_tui.core.events import SCHEMA_VERSION

FORMAT_VERSION = 1
"""Bump when the record layout or what a signature covers changes."""

HEADER = "log.header"
CHECKPOINT = "log.checkpoint"
SEAL = "log.seal"
LOG_RECORD_TYPES = frozenset({HEADER, CHECKPOINT, SEAL})
"""Types of the log's own records. Event types are snake_case words, so the dot
means these can never collide with an event type."""

SIGNED_TYPES = LOG_RECORD_TYPES
RECORD_KEYS = frozenset({"seq", "t", "wall", "type", "data", "prev"})
GENESIS_PREV = "0" * 64
"""The `prev` of the header: there is no record before it."""

SEAL_REASONS = ("completed", "time-up", "proctor-stopped", "handed-in")
MODES = ("exam", "practice")
KEY_EXAM_CENTRE = "exam-centre"
KEY_PER_SESSION = "per-session"

SIGNATURE_DOMAIN = b"helpdesk-exam log signature v1\n"
"""Prefixed to every signed message, so a log signature can never be mistaken
for a signature the same key made for something else."""

_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
)


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, no spaces, ASCII.

    ASCII (every other character as a \\uXXXX escape) is valid UTF-8 and has one
    spelling for every string, including a lone surrogate a broken terminal may
    produce, so no text a candidate types can make a record unwritable.
    """
    return _ENCODER.encode(value).encode("ascii")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode_strict(text: str) -> bytes:
    """Decode base64 that must be in its one canonical spelling.

    Plain b64decode ignores the unused bits of the last character, so several
    strings decode to the same signature; accepting them would let a byte of a
    signed record change undetected.
    """
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise ValueError(f"not base64: {exc}") from None
    if b64encode(raw) != text:
        raise ValueError("not in canonical base64 form")
    return raw


def record_bytes(
    seq: int, t: float, wall: str, rtype: str, data: dict[str, Any], prev: str
) -> bytes:
    """The canonical line (without its newline) of one record."""
    if not math.isfinite(t):
        raise ValueError(f"exam time must be a finite number, not {t!r}")
    return canonical_json(
        {"seq": seq, "t": float(t), "wall": wall, "type": rtype, "data": data, "prev": prev}
    )


def signing_message(record: dict[str, Any]) -> bytes:
    """What a header, checkpoint or seal signature covers: the whole record but `sig`.

    That includes its seq and prev (the chain head), so a signature belongs to
    one position in one chain (the lesson of systemd CVE-2023-31439).
    """
    data = {k: v for k, v in record["data"].items() if k != "sig"}
    return SIGNATURE_DOMAIN + canonical_json({**record, "data": data})


OPTIONAL_HEADER_FIELDS = frozenset({"language_layer", "language_layer_sha256"})
"""Header fields added later: logs written before them stay readable (and verify)."""


@dataclass(frozen=True, slots=True)
class CheckpointPolicy:
    """When the writer signs the chain head: every `records` records or `seconds` of exam time.

    100 records / 60 s: the unsigned tail after a crash that is never resumed is
    at most a minute of exam work, the signature rides in the same write and
    fsync as the record that triggers it, and a 100,000-record log needs only
    about 1,000 signature checks to verify. See docs/eventlog-format.md.
    """

    records: int = 100
    seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.records < 1 or not self.seconds > 0:
            raise ValueError("a checkpoint policy needs records >= 1 and seconds > 0")

    def due(self, unsigned_records: int, seconds_since_signed: float) -> bool:
        if unsigned_records <= 0:
            return False
        return unsigned_records >= self.records or seconds_since_signed >= self.seconds


@dataclass(frozen=True, slots=True)
class SessionHeader:
    """What the first record binds: who, which scenario and profile, which software, which key.

    `key_fingerprint`, `key_kind` and `session_public_key` are filled in from
    the signer by `EventLogWriter.create`; `created` is the header's wall time.
    """

    session_id: str
    candidate_id: str
    mode: str
    scenario_id: str
    scenario_sha256: str
    sla_profile_sha256: str
    software_version: str = __version__
    key_fingerprint: str = ""
    key_kind: str = KEY_EXAM_CENTRE
    session_public_key: str | None = None
    created: str = ""
    event_schema: int = SCHEMA_VERSION
    format: int = FORMAT_VERSION
    checkpoint_policy: dict[str, float] = field(default_factory=dict)
    language_layer: str = ""
    """The language layer that read the candidate's words live (`helpdesk_tui.language`)."""
    language_layer_sha256: str = ""

    def to_data(self) -> dict[str, Any]:
        """The header record's `data` (without `sig`); `created` is the record's wall."""
        data = asdict(self)
        del data["created"]
        return data

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SessionHeader:
        """Read a header record's data; ValueError names the first wrong field."""
        data = record.get("data")
        if not isinstance(data, dict):
            raise ValueError("the header's data is not a JSON object")
        known = {f for f in cls.__dataclass_fields__ if f != "created"}
        fields = {k: v for k, v in data.items() if k != "sig"}
        missing = sorted(known - fields.keys() - OPTIONAL_HEADER_FIELDS)
        extra = sorted(fields.keys() - known)
        if missing or extra:
            what = f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(extra)}"
            raise ValueError(f"the header's fields are wrong ({what})")
        header = cls(**fields, created=record.get("wall", ""))
        header.check()
        return header

    def check(self) -> None:
        """Refuse a header the verifier could not trust; ValueError names the field."""
        for name in ("session_id", "candidate_id", "scenario_id", "software_version"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise ValueError(f"the header's '{name}' must be a non-empty string")
        if self.mode not in MODES:
            raise ValueError(f"the header's 'mode' must be exam or practice, not {self.mode!r}")
        if not isinstance(self.language_layer, str) or len(self.language_layer) > 40:
            raise ValueError("the header's 'language_layer' must be a short version string")
        if self.language_layer_sha256 and not _is_sha256_hex(self.language_layer_sha256):
            raise ValueError("the header's 'language_layer_sha256' must be 64 lowercase hex digits")
        for name in ("scenario_sha256", "sla_profile_sha256"):
            if not _is_sha256_hex(getattr(self, name)):
                raise ValueError(f"the header's '{name}' must be 64 lowercase hex digits")
        if self.key_kind not in (KEY_EXAM_CENTRE, KEY_PER_SESSION):
            raise ValueError(f"the header's 'key_kind' is {self.key_kind!r}")
        if (self.key_kind == KEY_PER_SESSION) != isinstance(self.session_public_key, str):
            raise ValueError("only a per-session key header carries 'session_public_key'")
        if self.mode == "exam" and self.key_kind == KEY_PER_SESSION:
            raise ValueError("an exam log must be signed with an exam-centre key")
        if self.format != FORMAT_VERSION:
            raise ValueError(f"the header's 'format' is {self.format!r}; this program reads 1")


def _is_sha256_hex(value: Any) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )
