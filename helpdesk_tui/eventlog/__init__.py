"""The signed, append-only event log: writer, reader, verifier, keys, recovery.

The log is what assessors trust and what a crashed exam resumes from. Pure
Python plus Ed25519 through PyNaCl (libsodium: an exam 8 MB smaller than with
`cryptography`, which is loaded only to read PEMs other than the plain Ed25519 ones);
it never imports Textual. The format is described
in docs/eventlog-format.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from helpdesk_tui.eventlog.binding import file_sha256, folder_sha256
    from helpdesk_tui.eventlog.errors import (
        BindingError,
        KeyFileError,
        LogError,
        LogReadError,
        LogStateError,
        LogWriteError,
    )
    from helpdesk_tui.eventlog.keys import (
        KeyInfo,
        PublicKey,
        Signer,
        check_proctor_code,
        fingerprint,
        generate_keypair,
        has_proctor_code,
        load_private_key,
        load_public_key,
    )
    from helpdesk_tui.eventlog.reader import (
        LogContents,
        LoggedEvent,
        SignedMark,
        TornTail,
        read_log,
    )
    from helpdesk_tui.eventlog.records import SEAL_REASONS, CheckpointPolicy, SessionHeader
    from helpdesk_tui.eventlog.recovery import RecoveredLog
    from helpdesk_tui.eventlog.verifier import Fault, FaultKind, Summary, VerifyResult, verify_log
    from helpdesk_tui.eventlog.writer import EventLogWriter, new_session_id

_HOMES = {
    "BindingError": "errors",
    "CheckpointPolicy": "records",
    "EventLogWriter": "writer",
    "Fault": "verifier",
    "FaultKind": "verifier",
    "KeyFileError": "errors",
    "KeyInfo": "keys",
    "LogContents": "reader",
    "LogError": "errors",
    "LogReadError": "errors",
    "LogStateError": "errors",
    "LogWriteError": "errors",
    "LoggedEvent": "reader",
    "PublicKey": "keys",
    "RecoveredLog": "recovery",
    "SEAL_REASONS": "records",
    "SessionHeader": "records",
    "SignedMark": "reader",
    "Signer": "keys",
    "Summary": "verifier",
    "TornTail": "reader",
    "VerifyResult": "verifier",
    "check_proctor_code": "keys",
    "file_sha256": "binding",
    "fingerprint": "keys",
    "folder_sha256": "binding",
    "generate_keypair": "keys",
    "has_proctor_code": "keys",
    "load_private_key": "keys",
    "load_public_key": "keys",
    "new_session_id": "writer",
    "read_log": "reader",
    "verify_log": "verifier",
}
"""Where each name lives. Imported on first use (PEP 562), so a command that only
verifies and reads a log (`report`, `verify`) does not load the writer, the
recovery and their imports: a tenth of a short `report`'s time."""


def __getattr__(name: str) -> object:
    module = _HOMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "SEAL_REASONS",
    "BindingError",
    "CheckpointPolicy",
    "EventLogWriter",
    "Fault",
    "FaultKind",
    "KeyFileError",
    "KeyInfo",
    "LogContents",
    "LogError",
    "LogReadError",
    "LogStateError",
    "LogWriteError",
    "LoggedEvent",
    "PublicKey",
    "RecoveredLog",
    "SessionHeader",
    "SignedMark",
    "Signer",
    "Summary",
    "TornTail",
    "VerifyResult",
    "check_proctor_code",
    "file_sha256",
    "fingerprint",
    "folder_sha256",
    "generate_keypair",
    "has_proctor_code",
    "load_private_key",
    "load_public_key",
    "new_session_id",
    "read_log",
    "verify_log",
]
