"""The per-session key chain of a format 2 log (forward security).

The root key (exam-centre, or a practice log's own) signs only the header,
which names the first chain key. Each checkpoint is signed by the current
chain key and names the next; the seal is signed by the current one. The
verifier, the follower (observe, witness) and recovery walk the chain with
these functions, so they cannot disagree about which key signs what. A
format 1 log has no chain: the root key signs everything.
"""

from __future__ import annotations

from typing import Any

from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.records import (
    CHECKPOINT,
    SessionHeader,
    b64decode_strict,
    signing_message,
)


def decode_public(text: Any) -> PublicKey:
    """A base64 raw Ed25519 public key; ValueError if it is not one."""
    if not isinstance(text, str):
        raise ValueError("not a base64 string")
    raw = b64decode_strict(text)
    if len(raw) != 32:
        raise ValueError("not 32 bytes")
    return PublicKey.from_raw(raw)


def first_chain_key(header: SessionHeader, root: PublicKey | None) -> PublicKey | None:
    """The key the first checkpoint must be signed with (None: format 1 without the root key)."""
    if header.format < 2:
        return root
    try:
        return decode_public(header.chain_key)
    except ValueError:
        raise ValueError("the header's chain_key is not a base64 Ed25519 public key") from None


def following_key(record: dict[str, Any], fmt: int, current: PublicKey | None) -> PublicKey | None:
    """The key after this checkpoint or seal: the one a checkpoint names (format 2)."""
    if fmt < 2 or record["type"] != CHECKPOINT:
        return current
    try:
        return decode_public(record["data"]["next_key"])
    except (ValueError, KeyError):
        raise ValueError("its next_key is not a base64 Ed25519 public key") from None


def signature_ok(key: PublicKey, record: dict[str, Any]) -> bool:
    """Whether `record`'s data.sig is `key`'s signature of the record (canonical base64)."""
    try:
        signature = b64decode_strict(record["data"]["sig"])
    except (ValueError, KeyError, TypeError):
        return False
    return key.verify(signature, signing_message(record))
