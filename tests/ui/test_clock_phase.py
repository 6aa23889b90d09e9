"""The screen's clocks turn at the scheduler tick, not at a key before it (issue 14).

The once-a-second tick comes `tick_phase` of a second after each whole exam second
(issue 15). A redraw a key causes between the whole second and the tick (an area
switch, a message sent) turned the clocks early: the whole second's redraw (the
queue's 300 SLA cells, the ticket's SLA lines) ran inside that key, in as many area
switches as the phase is long. Now they turn at the tick, as they do with no key.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpdesk_tui.ui.app import TICK_S
from helpdesk_tui.ui.widgets.header import ExamHeader

from .conftest import SIZE, Rig


def _count_queue_models(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Each time the queue's rows (and SLA cells) are worked out: its exam time."""
    made: list[float] = []
    rows = rig.controller.queue.rows

    def counted(state: Any, now: float, **kwargs: Any) -> Any:
        made.append(now)
        return rows(state, now, **kwargs)

    monkeypatch.setattr(rig.controller.queue, "rows", counted)
    return made


def _to(rig: Rig, exam_time: float) -> None:
    rig.clock.advance(exam_time - rig.clock.now())


async def test_an_area_switch_before_the_tick_leaves_the_clocks_to_the_tick(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tick_interval, app.tick_phase = TICK_S, 0.6  # ticks at N.6 (no timer runs)
        header = app.main.query_one(ExamHeader)
        _to(rig, 10.7)
        app.refresh_now()  # the tick of second 10
        assert header._shown is not None and header._shown[0] == 10
        made = _count_queue_models(rig, monkeypatch)

        _to(rig, 11.3)  # second 11 began; its tick comes at 11.6
        await pilot.press("f4")
        await pilot.pause()
        assert app.main.area == "conversation"
        assert made == []  # main: the whole queue worked out again inside the key
        assert header._shown[0] == 10  # the header and the SLA column still agree

        _to(rig, 11.65)
        app.refresh_now()  # the tick turns them, together
        assert made == [pytest.approx(11.65)]
        assert header._shown[0] == 11
        app.exit()


async def test_with_events_the_key_still_redraws_what_they_changed(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key that changes a ticket (or one whose redraw finds a changed ticket) draws it
    at once, and the header with it (the SLA column then shows that moment)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tick_interval, app.tick_phase = TICK_S, 0.6
        header = app.main.query_one(ExamHeader)
        _to(rig, 10.7)
        app.refresh_now()
        made = _count_queue_models(rig, monkeypatch)
        _to(rig, 11.3)
        ticket = next(iter(rig.state.tickets))
        rig.controller.submit("note_added", {"ticket_id": ticket, "text": "checked the cable"})
        app.main.redraw()
        assert made == [pytest.approx(11.3)]
        assert header._shown is not None and header._shown[0] == 11
        await pilot.pause()
        app.exit()


async def test_without_the_scheduler_tick_the_clocks_turn_at_the_whole_second(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that drive the clock by hand (`tick_interval=None`) see what they saw."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _to(rig, 10.7)
        app.refresh_now()
        made = _count_queue_models(rig, monkeypatch)
        _to(rig, 11.3)
        await pilot.press("f4")
        await pilot.pause()
        assert made == [pytest.approx(11.3)]
        assert app.main.query_one(ExamHeader)._shown[0] == 11  # type: ignore[index]
        app.exit()
