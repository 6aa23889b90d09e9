"""What an exam keeps does not grow with its minutes: the two holders mem21 removed.

bench_sitting's pty candidate grew 0.36 MB a minute over 1,800 s (mem20). Among what grew
(mem21, tracemalloc and a census of the caches in the exam process): the queue's renderings
of its SLA clocks, one a second per running clock (an overdue one runs to the end of the
exam), kept in the 4,096 renderings of the other cells; and a ticket's thread kept twice
after each note, the version shown before it being never shown again. What must hold comes
from what the screen shows, not from the caches: a clock's past seconds are not shown
again, nor a ticket's older version. Driven on the injected clock, no sleeps.
"""

from __future__ import annotations

import dataclasses
import functools
import math

import pytest
from rich.text import Text

from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.ui import queue_model
from helpdesk_tui.ui.format import span
from helpdesk_tui.ui.widgets import queue
from helpdesk_tui.ui.widgets.kept_text import KeptText
from helpdesk_tui.ui.widgets.line_view import BLOCKS_KEPT, LineView
from helpdesk_tui.ui.widgets.queue import TicketQueue
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail, render_body

from .conftest import SIZE, Rig, make_rig
from .pilot import at

PAST_SECONDS_KEPT = 512
"""Clock renderings the queue may keep beyond those on screen: 40 rows of running clocks
for about 12 seconds. It kept every one up to 4,096, a rendering a second per clock."""


def renderers() -> list[functools._lru_cache_wrapper[Text]]:
    """The queue's kept renderings of cells, however many caches they are kept in."""
    return [f for f in vars(queue).values() if isinstance(f, functools._lru_cache_wrapper)]


def kept_and_made() -> tuple[int, int]:
    """(renderings kept, renderings made) by the queue's cell renderers so far."""
    infos = [f.cache_info() for f in renderers()]
    return sum(i.currsize for i in infos), sum(i.misses for i in infos)


async def test_the_queue_keeps_no_past_seconds_of_its_clocks(rig: Rig) -> None:
    """Second by second for ten minutes (more clock texts than `PAST_SECONDS_KEPT`), the
    renderings kept grow by no more than that: not one per second per running clock."""
    for renderer in renderers():
        renderer.cache_clear()
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        kept_before, made_before = kept_and_made()
        seconds = 60
        while seconds < 660:
            seconds += 1
            app.advance(1.0)
            if seconds % 10 == 0:
                await pilot.pause()
        await pilot.pause()
        kept_after, made_after = kept_and_made()
    assert made_after - made_before > PAST_SECONDS_KEPT + 8  # so the test can fail
    assert kept_after - kept_before <= PAST_SECONDS_KEPT + 8, (kept_before, kept_after)


async def test_a_ticket_thread_is_kept_in_the_version_shown_only(rig: Rig) -> None:
    """After each note the ticket area keeps lines of its thread's version on screen only,
    and of a few of its blocks (it kept the whole thread, and the version before too: the
    whole thread twice; branch mem24 made the thread a `LineView`)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f2")
        detail = app.main.query_one(TicketDetail)
        body = detail.query_one("#ticket-body", LineView)
        kept = []
        for n in range(5):
            await pilot.press("i", *f"note {n} " * 6, "ctrl+s")
            await pilot.pause()
            ticket = rig.controller.ticket(detail.ticket_id)
            assert ticket is not None and body.render() == render_body(rig.controller, ticket)
            kept.append(len(body._lines))
        assert len(rig.logged("note_added")) == 5
        assert all(0 < blocks <= BLOCKS_KEPT for blocks in kept), kept
        assert body.key[0] == detail.ticket_id  # (the version's key: the ticket, ...)


PLACES_GROWTH = 8
"""Cell renderings the queue may keep beyond those it kept before: a few cells' places
in a look not painted before (none is expected: the same rows, the same cursor)."""


async def test_an_overdue_clock_past_an_hour_leaves_no_past_seconds(
    mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell whose text changes every second and is wider than its column cannot have
    its characters put into the line painted before, so each second is rendered anew.
    mem22 found it as an overdue clock past an hour ("✗ -1:01:00", from exam minute 55-82
    on in bench_sitting's exam); the queue now shows such a clock to the minute ("✗ -1 h
    01", which fits), so the clock is given its old seconds text here to keep the case.
    Its past seconds are not shown again, so the queue's cell renderings
    (`CellCache._cells`, `_values`) do not grow with them: they grew by two a second per
    such clock, to 4,000 each (6.6 MB)."""
    monkeypatch.setattr(queue_model, "sla_left", span)
    monkeypatch.setattr(
        queue_model, "shown_left", lambda s: math.ceil(s) if s >= 0 else -math.ceil(-s)
    )
    monkeypatch.setattr(queue_model, "_SLA_CELLS", {})
    rig = make_rig(dataclasses.replace(mini, duration_s=300 * 60.0))
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 3960)
        table = app.main.query_one(TicketQueue)
        texts = set()
        before = len(table._cells), len(table._values)
        for _second in range(120):
            app.advance(1.0)
            await pilot.pause()
            texts.add(clock_text(table))
        after = len(table._cells), len(table._values)
    assert len(texts) > 100, texts  # a new text a second: the test can fail
    assert any(text.count(":") == 2 for text in texts), texts  # past an hour overdue
    assert after[0] - before[0] <= PLACES_GROWTH, (before, after)
    assert after[1] - before[1] <= PLACES_GROWTH, (before, after)


def clock_text(table: TicketQueue) -> str:
    """The first row's SLA clock as the table holds it."""
    row = next(iter(table._data.values()))
    return str(list(row.values())[1].plain).strip()


CLOCK_TEXTS_SHOWN_AGAIN = 8
"""Texts of the ticket area's SLA lines worth keeping: the one shown, the one before it
(the next is painted from it) and a few stopped clocks (paused, met) of tickets the
candidate comes back to. A running clock's past seconds are never shown again."""


def sla_texts_kept(part: KeptText) -> int:
    """The most SLA texts `part` keeps anything of in one of its kinds (visuals, rendered
    lines, heights, painted lines): each kind is kept apart, by the text's key."""
    kinds = [part._visuals.keys()]  # (an LRUCache has no __iter__: its dict's keys)
    kinds += [{k[0] for k in c.keys()} for c in (part._lines, part._heights, part._painted)]  # noqa: SIM118
    return max(len(set(kind)) for kind in kinds)


async def test_the_ticket_area_keeps_no_past_seconds_of_its_clocks(rig: Rig) -> None:
    """Second by second for three minutes with a ticket in view, its SLA lines show a new
    text each second; what the area keeps of them does not grow with the seconds (it kept
    64, each with its painted and rendered lines: mem23)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f2")
        await pilot.pause()
        sla = app.main.query_one(TicketDetail).query_one("#ticket-sla", KeptText)
        shown = set()
        for _second in range(180):
            app.advance(1.0)
            await pilot.pause()
            shown.add(sla.key)
        kept = sla_texts_kept(sla)
    assert len(shown) > 100, len(shown)  # a new text a second: the test can fail
    assert kept <= CLOCK_TEXTS_SHOWN_AGAIN, kept
