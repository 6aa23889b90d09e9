"""Fixtures for the UI tests: a small scenario, a session on a driven clock, an app.

The exam clock is a `ManualClock` and the app has no timer (`tick_interval=None`):
tests move time with `app.advance(seconds)`, which ticks once, so nothing
depends on how fast the machine is. The log is a `MemorySink` whose events
the tests read back (`rig.logged(...)`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from helpdesk_tui import i18n
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import Simulation
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data
from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.controller import ExamController

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini-desk"
WALL = "2026-03-02T09:00:00.000Z"
SIZE = (120, 40)


@dataclass
class Rig:
    """A started session on a manual clock, with its log and controller."""

    scenario: Scenario
    clock: ManualClock
    sink: MemorySink
    session: ExamSession
    controller: ExamController

    def app(self, **options: Any) -> ExamApp:
        return ExamApp(self.controller, **({"tick_interval": None, "tune_gc": False} | options))

    @property
    def state(self) -> Any:
        return self.session.state

    def logged(self, event_type: str | None = None) -> list[Event]:
        return [e for e in self.sink.events if event_type is None or e.type == event_type]

    def last(self, event_type: str) -> dict[str, Any]:
        found = self.logged(event_type)
        assert found, f"no {event_type} in the log: {[e.type for e in self.sink.events]}"
        return found[-1].data

    def commands_since(self, count: int) -> list[str]:
        """Candidate command types logged after the first `count` events."""
        return [e.type for e in self.sink.events[count:] if e.kind == "command"]


def make_rig(scenario: Scenario, agent: str | None = None) -> Rig:
    clock = ManualClock()
    sink = MemorySink()
    session = ExamSession(clock, sink, Simulation(scenario), wall_clock=lambda: WALL)
    session.start(session_started_data(scenario, "practice", "cand-1", "sess-1"))
    controller = ExamController(session, scenario, KbIndex(scenario.kb), agent_name=agent)
    controller.tick()  # what is due at minute 0 (the queue tickets)
    return Rig(scenario, clock, sink, session, controller)


@pytest.fixture(scope="session")
def mini() -> Scenario:
    return load_scenario(MINI)


@pytest.fixture
def rig(mini: Scenario) -> Rig:
    return make_rig(mini)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The UI language a test is parametrised with (`indirect=True`), English again after."""
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes snapshots flaky: keep it on."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def screen_text(app: ExamApp) -> str:
    """What the terminal shows, as plain text (for asserting on words)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
