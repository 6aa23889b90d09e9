"""An assessor's verdicts on one log: a JSON file, optionally signed with the assessor's key.

Each of the two assessors records, per competency, `proven`, `not_proven` or
`not_observed` and a comment. The file names the log by the SHA-256 of its
bytes, so `reconcile` can check both assessors judged the same log, and a
verdict cannot be moved to another candidate's log unnoticed. A verdict still
`null` is undecided: the review TUI saves work in progress that way, and
`reconcile` refuses a file with undecided competencies.

With a signer, the file carries an Ed25519 signature over the canonical JSON
of everything else (the same canonical form as the event log), prefixed with
a domain string so a verdict signature can never pass for a log signature.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpdesk_tui.assess.model import utc_now
from helpdesk_tui.eventlog.durable import open_regular
from helpdesk_tui.eventlog.keys import PublicKey, Signer
from helpdesk_tui.eventlog.reader import parse_record, read_bytes, split_lines
from helpdesk_tui.eventlog.records import SessionHeader, b64decode_strict, b64encode, canonical_json
from helpdesk_tui.printable import escaped_unseen
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

VERDICTS_FORMAT = 1
VERDICTS_KIND = "helpdesk-exam verdicts"
PROVEN = "proven"
NOT_PROVEN = "not_proven"
NOT_OBSERVED = "not_observed"
VERDICT_VALUES: tuple[str, ...] = (PROVEN, NOT_PROVEN, NOT_OBSERVED)
SIGNATURE_DOMAIN = b"helpdesk-exam verdicts signature v1\n"


class VerdictError(Exception):
    """A verdict file that cannot be used; the message names the file, the place and the fix."""


@dataclass(slots=True)
class CompetencyVerdict:
    verdict: str | None = None
    comment: str = ""
    at: str | None = None
    """UTC wall time of the last change."""


@dataclass(slots=True)
class Verdicts:
    """One assessor's judgement of one log."""

    log_sha256: str
    scenario_id: str
    candidate_id: str
    session_id: str
    assessor: str
    created: str
    updated: str
    items: dict[str, CompetencyVerdict] = field(default_factory=dict)
    signed_by: str | None = None
    """The key fingerprint of a verified signature (set by `load_verdicts`)."""

    def set(
        self, competency: str, verdict: str | None, comment: str = "", at: str | None = None
    ) -> None:
        """Record (or clear, with None) the verdict on one competency."""
        if competency not in COMPETENCY_IDS:
            raise ValueError(f"unknown competency id {competency!r}")
        if verdict is not None and verdict not in VERDICT_VALUES:
            raise ValueError(f"a verdict is one of {', '.join(VERDICT_VALUES)}, not {verdict!r}")
        when = at or utc_now()
        self.items[competency] = CompetencyVerdict(verdict, comment, when)
        self.updated = when
        self.signed_by = None

    def verdict(self, competency: str) -> str | None:
        return self.items[competency].verdict

    @property
    def undecided(self) -> list[str]:
        return [cid for cid in COMPETENCY_IDS if self.items[cid].verdict is None]

    @property
    def complete(self) -> bool:
        return not self.undecided

    def to_dict(self) -> dict[str, Any]:
        """The file's content without the signature: what the signature covers."""
        return {
            "format": VERDICTS_FORMAT,
            "kind": VERDICTS_KIND,
            "log_sha256": self.log_sha256,
            "scenario_id": self.scenario_id,
            "candidate_id": self.candidate_id,
            "session_id": self.session_id,
            "assessor": self.assessor,
            "created": self.created,
            "updated": self.updated,
            "verdicts": {
                cid: {"verdict": v.verdict, "comment": v.comment, "at": v.at}
                for cid, v in ((cid, self.items[cid]) for cid in COMPETENCY_IDS)
            },
        }


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def new_verdicts(
    log_sha256: str,
    scenario_id: str,
    candidate_id: str,
    assessor: str,
    session_id: str = "",
    now: str | None = None,
) -> Verdicts:
    """An empty verdict sheet (every competency undecided) for one log and assessor."""
    if not assessor.strip():
        raise ValueError("an assessor needs a name")
    when = now or utc_now()
    items = {cid: CompetencyVerdict() for cid in COMPETENCY_IDS}
    return Verdicts(
        log_sha256, scenario_id, candidate_id, session_id, assessor.strip(), when, when, items
    )


def verdicts_for_log(log_path: Path, assessor: str, now: str | None = None) -> Verdicts:
    """An empty verdict sheet bound to the log at `log_path` (its hash and header)."""
    data = read_bytes(Path(log_path))
    lines, _, _ = split_lines(data)
    try:
        header = SessionHeader.from_record(parse_record(lines[0]))
    except (ValueError, IndexError) as exc:
        raise VerdictError(
            f"{log_path} line 1 is not a log header ({exc}); give a session log."
        ) from None
    return new_verdicts(
        hashlib.sha256(data).hexdigest(),
        header.scenario_id,
        header.candidate_id,
        assessor,
        header.session_id,
        now,
    )


def _signing_message(body: dict[str, Any]) -> bytes:
    return SIGNATURE_DOMAIN + canonical_json(body)


def save_verdicts(path: Path, verdicts: Verdicts, signer: Signer | None = None) -> None:
    """Write the file atomically (a crash never leaves half a verdict); sign it if a key is given."""
    body = verdicts.to_dict()
    document = dict(body)
    if signer is not None:
        document["signature"] = {
            "algorithm": "ed25519",
            "key_fingerprint": signer.fingerprint,
            "public_key": b64encode(signer.public_key.raw),
            "value": b64encode(signer.sign(_signing_message(body))),
        }
        verdicts.signed_by = signer.fingerprint
    text = escaped_unseen(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    write_atomically(Path(path), text)


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_verdicts(path: Path, public_key: PublicKey | None = None) -> Verdicts:
    """Read and check a verdict file; with `public_key`, it must be signed by that key.

    A signature present is always checked (against the key it names); a
    `public_key` adds who must have signed it, since anyone can sign with a
    key of their own.
    """
    path = Path(path)
    raw = _read_json(path)
    verdicts = _parse(path, raw)
    signature = raw.get("signature")
    if signature is None:
        if public_key is not None:
            raise VerdictError(
                f"{path} is not signed, but a key was given to check it against; ask the "
                "assessor to save it signed with their key, or leave the key out."
            )
        return verdicts
    key = _check_signature(path, signature, verdicts.to_dict())
    if public_key is not None and key.fingerprint != public_key.fingerprint:
        raise VerdictError(
            f"{path} is signed with key {key.fingerprint}, not with the key you gave "
            f"({public_key.fingerprint}); it was signed by someone else."
        )
    verdicts.signed_by = key.fingerprint
    return verdicts


MAX_VERDICT_BYTES = 4 << 20
"""Far above a verdict file's size: 22 competencies, each with a comment of at most a few KiB."""


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with open_regular(path) as handle:  # not a pipe or device (qa-sitting8: it waited)
            data = handle.read(MAX_VERDICT_BYTES + 1)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise VerdictError(
            f"{path} does not exist; give an assessor's verdict file (JSON)."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8"
        raise VerdictError(
            f"{path} cannot be read ({why}); give a verdict file in UTF-8 JSON."
        ) from None
    if len(data) > MAX_VERDICT_BYTES:
        raise VerdictError(
            f"{path} is larger than {MAX_VERDICT_BYTES >> 20} MiB; a verdict file is a few "
            "KiB (a verdict and a comment per competency), so it is not one."
        )
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise VerdictError(
            f"{path} line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})."
        ) from None
    except RecursionError:  # qa-sitting8: 100,000 brackets gave a traceback
        raise VerdictError(f"{path}: not a verdict file (JSON nested too deeply).") from None
    except ValueError:  # a number of more than 4300 digits
        raise VerdictError(
            f"{path}: not a verdict file (a number of thousands of digits)."
        ) from None
    if not isinstance(raw, dict) or raw.get("kind") != VERDICTS_KIND:
        raise VerdictError(
            f'{path} is not a verdict file: it needs "kind": "{VERDICTS_KIND}" at its top level.'
        )
    if raw.get("format") != VERDICTS_FORMAT:
        raise VerdictError(
            f'{path}: "format" is {raw.get("format")!r}; this program reads format 1.'
        )
    return raw


def _text(path: Path, raw: dict[str, Any], name: str, required: bool = True) -> str:
    value = raw.get(name, "" if not required else None)
    if not isinstance(value, str) or (required and not value):
        raise VerdictError(f'{path}: "{name}" must be a non-empty text; it is {value!r}.')
    return value


def _parse(path: Path, raw: dict[str, Any]) -> Verdicts:
    log_sha = _text(path, raw, "log_sha256")
    if len(log_sha) != 64 or any(c not in "0123456789abcdef" for c in log_sha):
        raise VerdictError(
            f'{path}: "log_sha256" must be 64 lower-case hex digits (the log\'s SHA-256).'
        )
    table = raw.get("verdicts")
    if not isinstance(table, dict):
        raise VerdictError(
            f'{path}: "verdicts" must be an object with one entry per competency id.'
        )
    unknown = sorted(set(table) - set(COMPETENCY_IDS))
    if unknown:
        raise VerdictError(f'{path}: "verdicts" has unknown competency ids {", ".join(unknown)}.')
    items = {cid: _item(path, cid, table.get(cid)) for cid in COMPETENCY_IDS}
    return Verdicts(
        log_sha256=log_sha,
        scenario_id=_text(path, raw, "scenario_id"),
        candidate_id=_text(path, raw, "candidate_id"),
        session_id=_text(path, raw, "session_id", required=False),
        assessor=_text(path, raw, "assessor"),
        created=_text(path, raw, "created"),
        updated=_text(path, raw, "updated"),
        items=items,
    )


def _item(path: Path, cid: str, raw: Any) -> CompetencyVerdict:
    if raw is None:
        raise VerdictError(
            f'{path}: "verdicts" has no entry for {cid}; every competency needs one.'
        )
    if not isinstance(raw, dict):
        raise VerdictError(
            f'{path}: verdicts.{cid} must be an object with "verdict" and "comment".'
        )
    verdict = raw.get("verdict")
    if verdict is not None and verdict not in VERDICT_VALUES:
        raise VerdictError(
            f"{path}: verdicts.{cid}.verdict is {verdict!r}; it must be one of "
            f"{', '.join(VERDICT_VALUES)} (or null while undecided)."
        )
    comment = raw.get("comment", "")
    at = raw.get("at")
    if not isinstance(comment, str) or (at is not None and not isinstance(at, str)):
        raise VerdictError(f"{path}: verdicts.{cid}: comment and at must be text.")
    return CompetencyVerdict(verdict, comment, at)


def _check_signature(path: Path, signature: Any, body: dict[str, Any]) -> PublicKey:
    try:
        if signature.get("algorithm") != "ed25519":
            raise ValueError("the algorithm is not ed25519")
        key = PublicKey.from_raw(b64decode_strict(signature["public_key"]))
        value = b64decode_strict(signature["value"])
        named = signature["key_fingerprint"]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise VerdictError(
            f'{path}: "signature" is malformed ({exc}); it needs algorithm "ed25519", '
            "key_fingerprint, public_key and value (base64)."
        ) from None
    if key.fingerprint != named:
        raise VerdictError(
            f"{path}: the signature's public key does not match its key_fingerprint {named}."
        )
    if not key.verify(value, _signing_message(body)):
        raise VerdictError(
            f"{path}: the signature does not match the content: the file was changed after "
            f"{named} signed it."
        )
    return key
