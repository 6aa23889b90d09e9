"""The signed, append-only event log: writer, reader, verifier, keys, recovery.

The log is what assessors trust and what a crashed exam resumes from. Pure
Python plus `cryptography`; it never imports Textual. The format is described
in docs/eventlog-format.md.
"""

from __future__ import annotations

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
from helpdesk_tui.eventlog.reader import LogContents, LoggedEvent, SignedMark, TornTail, read_log
from helpdesk_tui.eventlog.records import SEAL_REASONS, CheckpointPolicy, SessionHeader
from helpdesk_tui.eventlog.recovery import RecoveredLog
from helpdesk_tui.eventlog.verifier import Fault, FaultKind, Summary, VerifyResult, verify_log
from helpdesk_tui.eventlog.writer import EventLogWriter, new_session_id

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
