"""Errors of the event log, each a paragraph a person can act on.

The eventlog package never imports the command line; the commands turn a
`LogError` into their own `UserError`, so the message written here is what the
user reads. It names the file, the place in it and what would be right.
"""

from __future__ import annotations


class LogError(Exception):
    """Something about a log or key file that a person can act on."""


class KeyFileError(LogError):
    """A key or proctor-code file that is missing, unreadable or unsafe."""


class BindingError(LogError):
    """A scenario folder or profile file that cannot be hashed."""


class LogReadError(LogError):
    """A log that cannot be read as a log (missing, not a file, no header, bad line)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line  # the unreadable line, so a caller that verified first can say it once


class LogWriteError(LogError):
    """An append that did not reach the disk; nothing of it is left in the file.

    The writer stays usable: when the disk has room again, the same append can
    be retried.
    """


class LogStateError(LogError):
    """An operation the log does not allow now (sealed, locked by another writer)."""
