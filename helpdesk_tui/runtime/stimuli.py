"""The simulation, with a way to put back a stimulus whose write failed.

`Simulation.pop_due` takes a stimulus off its schedule before the session
logs it. When the disk refuses that write, the stimulus must not vanish: the
candidate would never see that customer message, and a resumed session
(which replays the log through a fresh simulation) would find the log out of
step with the scenario. So the session's stimuli are wrapped: a stimulus that
could not be written is held and comes out first next time, at the exam time
it was due, exactly as if the write had worked the first time.
"""

from __future__ import annotations

from typing import Any

from helpdesk_tui.core.events import Event
from helpdesk_tui.core.session import Stimuli
from helpdesk_tui.core.state import ExamState

Due = tuple[float, str, dict[str, Any]]


class RetryingStimuli:
    """`Stimuli` that can take back what the session failed to log."""

    def __init__(self, inner: Stimuli) -> None:
        self.inner = inner
        self._held: list[Due] = []

    def hold(self, event: Event) -> None:
        """Put a stimulus back in front: it was popped but never reached the disk."""
        self._held.insert(0, (event.exam_time, event.type, dict(event.data)))

    @property
    def held(self) -> int:
        return len(self._held)

    def opening(self, state: ExamState) -> list[tuple[str, dict[str, Any]]]:
        return self.inner.opening(state)

    def next_due(self, state: ExamState) -> float | None:
        inner = self.inner.next_due(state)
        if not self._held:
            return inner
        first = self._held[0][0]
        return first if inner is None else min(first, inner)

    def pop_due(self, state: ExamState, until: float) -> Due | None:
        if self._held and self._held[0][0] <= until:
            return self._held.pop(0)
        return self.inner.pop_due(state, until)

    def observe(self, state: ExamState, event: Event) -> None:
        self.inner.observe(state, event)

    def __getattr__(self, name: str) -> Any:
        """Tools that look inside the simulation (mood scores, pending) still can."""
        return getattr(self.inner, name)
