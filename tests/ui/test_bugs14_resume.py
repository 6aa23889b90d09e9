"""bugs14: what a resumed exam gives back of the candidate's place.

The log is the truth: the app is rebuilt from the records a killed session left (as
`resume` rebuilds it), and what it shows is checked against those records (the last
`kb_searched`, `kb_article_opened` and the ticket area's `focus_moved`), never against
what the new code renders.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.customers.simulation import restore
from helpdesk_tui.kb.search import KbIndex
from helpdesk_tui.paths import scenarios_dir
from helpdesk_tui.scenario.loader import load_scenario
from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.controller import ExamController

from .conftest import WALL, make_rig


@pytest.fixture(scope="module")
def lindeveld() -> Any:
    return load_scenario(scenarios_dir() / "nl-lindeveld-examen")


def rebuilt_from(scenario: Any, events: list[Any]) -> ExamApp:
    """A new app on a session rebuilt from the log alone (the `resume` path: `restore`
    replays the records through a fresh simulation and the reducer)."""
    simulation, state = restore(scenario, list(events))
    clock = ManualClock(start_at=state.now)
    sink = MemorySink()
    sink.events = list(events)
    session = ExamSession(clock, sink, simulation, wall_clock=lambda: WALL, state=state)
    session.resume(12.0)
    controller = ExamController(session, scenario, KbIndex(scenario.kb))
    return ExamApp(controller, tick_interval=None, tune_gc=False)


async def test_after_a_resume_the_search_the_article_and_the_ticket_are_back(
    lindeveld: Any,
) -> None:
    """Killed with the third ticket of the queue read, a KB search typed and an article
    open: the resumed exam showed an empty KB and the cursor on the first ticket."""
    rig = make_rig(lindeveld)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.advance(30)
        await pilot.pause()
        await pilot.press("down", "down", "f3")  # the third ticket, read in its area
        await pilot.pause()
        await pilot.press("f5", *"printer", "enter")  # the search, settled
        await pilot.pause()
        await pilot.press("enter")  # the first result opens
        await pilot.pause()
        await pilot.press("f2")  # back to the queue, then killed
        await pilot.pause()
    read = [e.data["target"] for e in rig.logged("focus_moved") if e.data["area"] == "ticket"]
    query = rig.last("kb_searched")["query"]
    article = rig.last("kb_article_opened")["article_id"]
    assert read and read[-1] != min(rig.state.tickets)  # not the first of the queue
    assert query == "printer"

    again = rebuilt_from(lindeveld, rig.sink.events)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        main = again.main
        assert main.queue.selected_id == read[-1]
        assert main.ticket_id == read[-1]
        assert main.kb.query_input.value == query
        assert main.kb.article is not None and main.kb.article.id == article
        assert main.kb.article_open
        assert again.focused is main.queue  # the keys still go to the queue first
        logged = len(again.controller.session.sink.events)
        again.main.kb.settle()  # the same query settling again is not a new record
        await pilot.pause()
        assert len(again.controller.session.sink.events) == logged


async def test_an_article_closed_before_the_kill_stays_closed(lindeveld: Any) -> None:
    """Back from the article to the results (logged as a look at the KB without an
    article) and killed: the resumed exam shows the results, not the article."""
    rig = make_rig(lindeveld)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f5", *"printer", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    kb_looks = [e.data for e in rig.logged("focus_moved") if e.data["area"] == "kb"]
    assert kb_looks[-1].get("target") is None, kb_looks
    again = rebuilt_from(lindeveld, rig.sink.events)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.main.kb.query_input.value == rig.last("kb_searched")["query"]
        assert not again.main.kb.article_open
