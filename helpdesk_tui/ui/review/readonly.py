"""A read-only stand-in for the exam controller, over a bare `ExamState`.

The candidate UI's render functions (`render_ticket`, `render_transcript`,
`list_prompt`) ask a controller for the state, customer names and priority
labels. Review and observe have no session to control, only a state rebuilt
from the log, so they hand those functions this reader instead: the same
words on the assessor's screen as on the candidate's, and nothing here that
could change the exam.
"""

from __future__ import annotations

from typing import Any, cast

from helpdesk_tui.core.state import ExamState
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.ui.controller import StateView


class StateReader(StateView):
    """What the render functions read from an `ExamController`, without its commands."""

    def __init__(self, state: ExamState, scenario: Scenario | None = None) -> None:
        self._state = state
        self.scenario = scenario

    @property
    def state(self) -> ExamState:
        return self._state

    def as_controller(self) -> Any:
        """Typed as the controller the render functions declare (they only read)."""
        return cast(Any, self)
