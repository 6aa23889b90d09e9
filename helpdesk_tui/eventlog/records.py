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
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from helpdesk_tui import __version__
from helpdesk_tui.core.events import SCHEMA_VERSION

FORMAT_VERSION = 2
"""Bump when the record layout or what a signature covers changes.

2: the root key (exam-centre or practice) signs only the header, which names
the first per-session chain key; each checkpoint is signed by the current
chain key and names the next one (forward security, docs/eventlog-format.md).
1: every signature by the root key; still read and verified, never an exam log."""
READABLE_FORMATS = (1, 2)

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

SIGNED_FIELDS = frozenset({"records", "head", "session", "key", "sig"})
"""The data of a checkpoint and a seal in format 1 (a seal adds `reason`)."""


def signed_fields(rtype: str, fmt: int) -> frozenset[str]:
    """The exact data keys of a checkpoint or seal in this format."""
    if rtype == SEAL:
        return SIGNED_FIELDS | {"reason"}
    return SIGNED_FIELDS | ({"next_key"} if fmt >= 2 else set())


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


MAX_LINE_BYTES = 2 << 20
"""The longest record line read (2 MiB): text fields are bounded far below this,
so a longer line is damage or an attack, refused before it is parsed."""
MAX_LOG_BYTES = 512 << 20
"""The largest log read (512 MiB; a 5-hour exam writes a few tens of MiB)."""
MAX_INT_DIGITS = 18
"""No number in a record needs more digits (a 5000-digit integer is refused, not parsed)."""


def _strict_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number with {len(text.lstrip('-'))} digits (at most {MAX_INT_DIGITS})")
    return int(text)


def _strict_float(text: str) -> float:
    if len(text) > 64:
        raise ValueError(f"a number written with {len(text)} characters (at most 64)")
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(
    parse_int=_strict_int, parse_float=_strict_float, parse_constant=_no_constant
)
"""The C scanner calls these only for numbers (two or three a record): no slower in
practice than the default decoder, and every number is bounded where it is read."""


_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGIT_RUN = b"0" * (MAX_INT_DIGITS + 1)
_MAX_FAST_BRACKETS = 256


_fast_loads: Callable[[bytes], Any] | None = None


def _orjson_loads() -> Callable[[bytes], Any]:
    """orjson.loads, imported on the first line read: orjson's import pulls in uuid and
    more, which the exam's start-up (it writes a log, it does not read one) need not pay."""
    global _fast_loads
    import orjson

    _fast_loads = orjson.loads
    return _fast_loads


def _fast_path_safe(line: bytes) -> bool:
    """May orjson parse this line in place of the strict decoder, with the same result?

    orjson (3x faster on a 100,000-record log) already refuses what the strict
    decoder refuses by its grammar: NaN and Infinity, numbers that overflow to
    infinity, invalid UTF-8, control characters, a BOM, trailing bytes. It differs
    in three places, and a line that might touch one goes to the strict decoder:
    an integer of more than MAX_INT_DIGITS digits (orjson reads 19-20 digits as an
    int and more as a float) or a number over 64 characters (either has a run of
    more than MAX_INT_DIGITS digits, so a run that long anywhere, even in a
    string, sends the line to the strict decoder); nesting deeper than Python's
    recursion allows (orjson's own limit is 1024; a line with few brackets
    cannot be nested deeply); a lone surrogate escape, which orjson refuses but
    the log's ASCII form may hold (its refusal falls back, like every orjson
    error). Duplicate keys keep the last value in both. (A translate and a
    substring search, not a regular expression: the regex cost as much as the parse.) tests/eventlog/
    test_parse_json.py compares the two on hostile and fuzzed lines.
    """
    return line.count(b"[") + line.count(
        b"{"
    ) <= _MAX_FAST_BRACKETS and _LONG_DIGIT_RUN not in line.translate(_DIGITS_AS_ZERO)


def parse_json(line: bytes | str) -> Any:
    """Strict JSON: no NaN or Infinity, no out-of-range or endless numbers, bounded nesting.

    Every reader of a log (verify, report, review, resume, observe, witness)
    parses through this, so a hostile line is a ValueError naming what is wrong,
    never a RecursionError or a NaN that breaks a later step.
    """
    if len(line) > MAX_LINE_BYTES:
        raise ValueError(f"the line is {len(line)} bytes long (at most {MAX_LINE_BYTES})")
    if type(line) is bytes and _fast_path_safe(line):
        try:
            return (_fast_loads or _orjson_loads())(line)
        except ValueError:  # orjson.JSONDecodeError
            pass  # the strict decoder below refuses it too, in its own words
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else line
        return _DECODER.decode(text)
    except RecursionError:
        raise ValueError("it is nested too deeply") from None
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValueError(_decode_error(exc)) from None


def _decode_error(exc: json.JSONDecodeError) -> str:
    """json's own words name "line 1 column 1" of the one line given, which a reader
    takes for the log's line 1 (qa-sitting8: "line 6: ... line 1 column 1 (char 0)")."""
    if not exc.doc.strip():
        return "the line is empty"
    what = exc.msg[:1].lower() + exc.msg[1:]
    return f"{what} at character {exc.pos + 1} of the line"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode_strict(text: str) -> bytes:
    """Decode base64 that must be in its one canonical spelling.

    Plain b64decode ignores the unused bits of the last character, so several
    strings decode to the same signature; accepting them would let a byte of a
    signed record change undetected. Anything but a string (a log's `sig` may be
    a number, a list or null) is a ValueError too, never an AttributeError
    (sec-fuzz9: a header whose sig was 1e308 gave `verify` a traceback).
    """
    if type(text) is not str:
        raise ValueError(f"not base64: a {type(text).__name__}, not a string")
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


OPTIONAL_HEADER_FIELDS = frozenset(
    {"language_layer", "language_layer_sha256", "form_base_sha256", "form_seed"}
)
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
    chain_key: str | None = None
    """Format 2: the public half (base64, raw 32 bytes) of the first chain key."""
    created: str = ""
    event_schema: int = SCHEMA_VERSION
    format: int = FORMAT_VERSION
    checkpoint_policy: dict[str, float] = field(default_factory=dict)
    language_layer: str = ""
    """The language layer that read the candidate's words live (`helpdesk_tui.language`)."""
    language_layer_sha256: str = ""
    form_base_sha256: str = ""
    """A parallel form's base scenario (folder hash) and seed: `report` rebuilds the form from them."""
    form_seed: int | None = None

    def to_data(self) -> dict[str, Any]:
        """The header record's `data` (without `sig`); `created` is the record's wall."""
        data = asdict(self)
        del data["created"]
        if self.format < 2:
            del data["chain_key"]
        if self.form_seed is None:
            del data["form_base_sha256"], data["form_seed"]
        return data

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SessionHeader:
        """Read a header record's data; ValueError names the first wrong field."""
        data = record.get("data")
        if not isinstance(data, dict):
            raise ValueError("the header's data is not a JSON object")
        known = {f for f in cls.__dataclass_fields__ if f != "created"}
        if data.get("format") == 1:
            known.discard("chain_key")
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
        self._check_form()
        if self.key_kind not in (KEY_EXAM_CENTRE, KEY_PER_SESSION):
            raise ValueError(f"the header's 'key_kind' is {self.key_kind!r}")
        if (self.key_kind == KEY_PER_SESSION) != isinstance(self.session_public_key, str):
            raise ValueError("only a per-session key header carries 'session_public_key'")
        if self.mode == "exam" and self.key_kind == KEY_PER_SESSION:
            raise ValueError("an exam log must be signed with an exam-centre key")
        if type(self.format) is not int or self.format not in READABLE_FORMATS:
            raise ValueError(
                f"the header's 'format' is {self.format!r}; this program reads 1 and 2"
            )
        if (self.format >= 2) != isinstance(self.chain_key, str):
            raise ValueError("a format 2 header (and only one) carries 'chain_key'")
        for name in ("key_fingerprint", "created"):
            if not isinstance(getattr(self, name), str):
                raise ValueError(f"the header's '{name}' must be a string")
        if type(self.event_schema) is not int:
            raise ValueError("the header's 'event_schema' must be a whole number")
        if not 1 <= self.event_schema <= SCHEMA_VERSION:
            raise ValueError(
                f"the header's 'event_schema' is {self.event_schema}; "
                f"this program reads event schema versions 1 to {SCHEMA_VERSION}"
            )
        if self.session_public_key is not None and not isinstance(self.session_public_key, str):
            raise ValueError("the header's 'session_public_key' must be a string")
        self._check_policy()

    def _check_form(self) -> None:
        if self.form_seed is None and not self.form_base_sha256:
            return
        if type(self.form_seed) is not int or not 0 <= self.form_seed < 2**31:
            raise ValueError("the header's 'form_seed' must be a whole number from 0 to 2^31-1")
        if not _is_sha256_hex(self.form_base_sha256):
            raise ValueError("the header's 'form_base_sha256' must be 64 lowercase hex digits")

    def _check_policy(self) -> None:
        policy = self.checkpoint_policy
        if not policy:
            return
        records, seconds = (
            (policy.get("records"), policy.get("seconds")) if isinstance(policy, dict) else (0, 0)
        )
        if (
            not isinstance(policy, dict)
            or policy.keys() != {"records", "seconds"}
            or type(records) is not int
            or records < 1
            or type(seconds) not in (int, float)
            or not seconds > 0
        ):
            raise ValueError(
                'the header\'s \'checkpoint_policy\' must be {"records": N >= 1, "seconds": T > 0}'
            )


def _is_sha256_hex(value: Any) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )
