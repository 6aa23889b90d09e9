"""Typing into a pane whose letters are commands: what is typing, what is a command.

A nervous candidate types "Dag Hilde, sorry" with the queue focused, thinking the
reply box has it: the "a" of "Dag" took the ticket (`ticket_opened`, logged as the
candidate's action) and the "i" opened the internal note (issue 14, qa-play9).
Where letters are commands (the queue, the ticket, the conversation list, the KB
results and article: every pane of the exam screen but a text box), each
printable key is one of:

- **no command there** (a capital, a space, a comma, a letter with no binding): it
  was typing. The guard turns the pane's
  letter commands off for `GUARD_S` (each further printable key extends it) and
  the screen says once that letters here are commands;
- a command that **waits** (`keymap.Key.waits`: the state-changing letters that do
  not ask first, such as Take): it acts `WAIT_S` later, or at once when a key that
  is not text (an arrow, Enter) or a click comes first. A printable key within
  `WAIT_S` says it was the first letter of a word: nothing is done, the guard is on;
- a command that **opens** a form, a box or another area (r, i, n, /, F-keys...):
  it acts at once; the rest of the word goes into what it opened;
- any other command (sort, filter, the KB's passage keys), or a command that does
  not apply now (`s` on a ticket with no category: it does nothing, as before): it
  acts at once, and a *different* printable key within `WAIT_S` is the rest of a
  word (the guard turns on); the same key again is the command again (`ff`: the
  filter twice). A deliberate key after one that did not apply is not lost.

Pure: times are the caller's clock (the exam clock, so tests drive it), in the
clock's seconds; `scale` converts wall seconds to them (the practice speed-up).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

WAIT_S = 0.3
"""How long a waiting command waits for the next key (a typist's gap between two
letters of a word is 0.1-0.25 s; a deliberate single key stands alone)."""
GUARD_S = 1.0
"""How long letter commands stay off after the last key taken as typing."""

Kind = Literal["none", "waits", "opens", "acts"]
Decision = Literal["typing", "wait", "act"]


@dataclass(slots=True)
class Waiting:
    """A command held back: what to run, where, and from when it may."""

    key: str
    payload: Any
    due: float


class TypingGuard:
    """The decisions for printable keys in a pane whose letters are commands."""

    def __init__(self, *, wait_s: float = WAIT_S, guard_s: float = GUARD_S) -> None:
        self.wait_s = wait_s
        self.guard_s = guard_s
        self.until = -math.inf
        """Letter commands are off until then (the clock's time)."""
        self.waiting: Waiting | None = None
        self._after: tuple[str, float] | None = None
        """The key of the last command acted at once, and until when a different
        printable key counts as the rest of a word."""
        self.typed = ""
        """The keys taken as typing since the guard last turned on (for the notice)."""

    @property
    def keeps_word(self) -> bool:
        """Whether a command acted at once is still waiting to see if a word follows."""
        return self._after is not None

    def on(self, now: float) -> bool:
        return now < self.until

    def printable(
        self, key: str, char: str, kind: Kind, now: float, payload: Any = None, scale: float = 1.0
    ) -> tuple[Decision, bool]:
        """Decide for one printable key; (decision, whether the guard just turned on)."""
        after = self._after
        word = after is not None and now < after[1] and key != after[0]
        if self.on(now) or self.waiting is not None or word or kind == "none":
            self.waiting = None
            self._after = None
            started = not self.on(now)
            if started:
                self.typed = ""
            self.typed += char
            self.until = now + self.guard_s * scale
            return "typing", started
        if kind == "waits":
            self.waiting = Waiting(key, payload, now + self.wait_s * scale)
            return "wait", False
        self._after = (key, now + self.wait_s * scale) if kind == "acts" else None
        return "act", False

    def release(self) -> Waiting | None:
        """A key that is not text, or a click: the waiting command goes first, now."""
        waiting, self.waiting = self.waiting, None
        self._after = None
        return waiting

    def due(self, now: float) -> Waiting | None:
        """The waiting command, once its time has come (nothing followed it)."""
        waiting = self.waiting
        if waiting is None or now < waiting.due:
            return None
        self.waiting = None
        return waiting
