"""Errors a person can act on: printed as one paragraph, never as a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, with what would be right.

    The message names the file, the place in it and what would be right; the
    CLI prints it as one paragraph and exits with `exit_code`. A message that is a
    `Phrase` (a missing log, a key file: `eventlog.reader`, `eventlog.keys`) is said in
    the command's language, the one current when the error is made (bugs12).
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        from helpdesk_tui.i18n import current_language, say_in

        super().__init__(say_in(current_language(), message))
        self.exit_code = exit_code


def message_of(exc: BaseException) -> str:
    """The message an exception was made with, a `Phrase` kept as one (`str(exc)` would
    give its English only)."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, str) else str(exc)
