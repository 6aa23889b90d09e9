"""The proctor code at the keyboard: checked against proctor.json, wrong tries slowed down.

The code is the only way to end an exam early, and the candidate sits at the
keyboard it is typed on. scrypt makes each check cost ~50 ms; on top of that
every wrong code doubles the wait before the next try (1, 2, 4 ... 60 s), so
guessing even a 4-digit code would take days. Wrong tries are logged by the
app (never the code typed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from helpdesk_tui.eventlog.errors import KeyFileError
from helpdesk_tui.eventlog.keys import check_proctor_code

MAX_WAIT_S = 60.0


class CodeGate:
    """Checks proctor codes for one exam, with a growing wait after wrong ones."""

    def __init__(
        self,
        key_dir: Path,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        check: Callable[[Path, str], bool] = check_proctor_code,
    ) -> None:
        self.key_dir = Path(key_dir)
        self._monotonic = monotonic
        self._check = check
        self.failures = 0
        self._locked_until = 0.0

    def wait_s(self) -> float:
        """Seconds before the next try is accepted (0: now)."""
        return max(0.0, self._locked_until - self._monotonic())

    def attempt(self, code: str) -> bool | None:
        """True: the right code. False: wrong (the wait grows). None: not checked, wait first.

        Raises `KeyFileError` when proctor.json is missing or damaged.
        """
        if self.wait_s() > 0:
            return None
        if self._check(self.key_dir, code):
            self.failures = 0
            return True
        self.failures += 1
        delay = min(MAX_WAIT_S, 2.0 ** (self.failures - 1))
        self._locked_until = self._monotonic() + delay
        return False


__all__ = ["CodeGate", "KeyFileError"]
