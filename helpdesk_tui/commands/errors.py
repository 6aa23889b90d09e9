"""Errors a person can act on: printed as one paragraph, never as a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, with what would be right.

    The message names the file, the place in it and what would be right; the
    CLI prints it as one paragraph and exits with `exit_code`.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
