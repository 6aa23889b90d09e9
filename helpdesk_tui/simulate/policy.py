"""What a scripted candidate is: something that looks at the exam and proposes the next command.

The headless runner asks a policy for its next action, advances the virtual
clock to it (or to the next stimulus, whichever comes first, and then asks
again), submits it through `ExamSession.submit` like the UI would, and tells
the policy how it went. A policy never touches the clock or the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.model import Scenario


@dataclass(frozen=True, slots=True)
class Action:
    """A command the policy wants to submit at exam time `at` (never before now).

    `cost` is how long the candidate is busy with it (typing, filling in a
    form); the policy does nothing else until then. `origin` lets the policy
    recognise its own proposal in `done` or `refused`.
    """

    at: float
    type: str
    data: dict[str, Any]
    cost: float = 0.0
    label: str = ""
    origin: Any = field(default=None, compare=False, repr=False)


class Policy:
    """A scripted candidate. Subclasses override `next_action` (and `observe`)."""

    name = "policy"
    description = ""

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        self.scenario = scenario
        self.seed = seed
        self.notes: list[str] = []
        """What the scenario's author should know (a fact only askable with jargon...)."""

    def observe(self, event: Event, seq: int) -> None:
        """Every logged event, stimulus or command, as the session applies it."""

    def next_action(self, state: ExamState, now: float) -> Action | None:
        """The next command and when; None to wait for the next stimulus."""
        return None

    def done(self, action: Action, event: Event) -> None:
        """The action was logged as `event`."""

    def refused(self, action: Action, reason: str) -> None:
        """The session refused the action; the policy must not propose it again."""

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


class IdlePolicy(Policy):
    """Does nothing at all: every ticket and customer is left waiting (a baseline for reports)."""

    name = "idle"
    description = "does nothing"
