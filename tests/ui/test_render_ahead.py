"""A ticket's texts rendered ahead (issue 14: the key mix's p95).

A cursor step onto a ticket not shown before laid out its head (a grid) and its thread
in the key: 12 of 132 cursor steps in bench_ui's mix, twice a step's calls. After a
step's frame, while no key waits, the rows next to the cursor have their tickets
rendered ahead; the step onto one then renders no text, and shows what a fresh
rendering shows.
"""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.visual import Visual
from textual.widgets import Static

from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.screens import main as main_screen
from helpdesk_tui.ui.widgets import ticket_detail
from helpdesk_tui.ui.widgets.kept_text import KeptText
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail, render_head

from .conftest import Rig, make_rig
from .test_kept_text import LONG, Pair
from .test_queue_keys import on_the_first_row


def counted(monkeypatch: pytest.MonkeyPatch, module: Any, *names: str) -> dict[str, int]:
    """Count the calls of `module`'s functions `names` from now on."""
    calls = dict.fromkeys(names, 0)
    for name in names:
        original = getattr(module, name)

        def wrapper(*args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)
    return calls


async def test_a_text_prepared_ahead_shows_as_a_fresh_one_without_rendering_or_painting_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept, fresh = app.query_one("#kept", KeptText), app.query_one("#fresh", Static)
        kept.show("B", Text("Another ticket", style="italic"))
        await pilot.pause()
        a = Text(LONG, style="bold")
        width = kept.content_region.width
        assert kept.prepare("A", a, width)
        assert not kept.prepare("A", a, width)  # kept already
        strips = counted(monkeypatch, Visual, "to_strips")
        assert kept.show("A", a)
        if kept.height_at(width) != kept.content_region.height:  # as TicketDetail does
            kept.refresh(layout=True)
        fresh.update(a)
        await pilot.pause()
        assert kept.size == fresh.size
        painted = counted(monkeypatch, StylesCache, "render_widget")
        lines = kept.render_lines(kept.size.region)
        assert painted["render_widget"] == 0  # painted ahead
        assert strips["to_strips"] == 1  # the fresh Static's; none for the kept text
        assert [list(s) for s in lines] == [list(s) for s in fresh.render_lines(fresh.size.region)]


def screen_segments(app: ExamApp) -> list[list[Any]]:
    return [list(strip) for strip in app.screen._compositor.render_strips()]


async def walk(rig: Rig, *, ahead: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """F2, Home, then Down three times, a pause after each: the texts rendered in the
    last step's key (until its frame) and the screen after it."""
    if not ahead:
        monkeypatch.setattr(main_screen.MainScreen, "_render_ahead", lambda self: None)
    async with on_the_first_row(rig) as (app, pilot):
        await pilot.press("down", "down")
        await pilot.pause()
        await pilot.pause()
        calls = counted(monkeypatch, ticket_detail, "head_view", "body_blocks")
        await pilot.press("down")
        await pilot.pause()
        queue = app.main.queue
        assert queue.cursor_row == 3
        assert app.main.query_one(TicketDetail).ticket_id == queue.selected_id
        seen = dict(calls), screen_segments(app), queue.selected_id
    monkeypatch.undo()
    return seen


async def test_a_step_onto_the_next_row_renders_no_text_and_shows_a_fresh_rendering(
    mini: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead_calls, ahead_screen, ahead_id = await walk(
        make_rig(mini), ahead=True, monkeypatch=monkeypatch
    )
    fresh_calls, fresh_screen, fresh_id = await walk(
        make_rig(mini), ahead=False, monkeypatch=monkeypatch
    )
    assert fresh_calls == {"head_view": 1, "body_blocks": 1}  # the cost rendered ahead
    assert ahead_calls == {"head_view": 0, "body_blocks": 0}
    assert ahead_id == fresh_id
    assert ahead_screen == fresh_screen  # byte for byte, styles included


async def test_nothing_is_rendered_ahead_while_a_key_waits(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        monkeypatch.setattr(ExamApp, "input_waiting", lambda self: True)
        calls = counted(monkeypatch, ticket_detail, "head_view", "body_blocks")
        await pilot.press("down")  # onto row 1 (rendered ahead after Home, or not)
        await pilot.pause()
        await pilot.pause()
        before = dict(calls)
        await pilot.press("down")  # onto row 2: not rendered ahead, a key waited
        await pilot.pause()
        await pilot.pause()
        assert calls["head_view"] == before["head_view"] + 1
        assert calls["body_blocks"] == before["body_blocks"] + 1
        monkeypatch.setattr(ExamApp, "input_waiting", lambda self: False)
        await pilot.press("down")  # onto row 3: in its key again, then row 4 ahead
        await pilot.pause()
        await pilot.pause()
        assert calls["head_view"] == before["head_view"] + 2
        assert app.main.queue.row_count > 4
        await pilot.press("down")  # onto row 4: rendered ahead
        await pilot.pause()
        assert calls["head_view"] == before["head_view"] + 2
        assert calls["body_blocks"] == before["body_blocks"] + 2


async def test_a_change_of_mood_renders_the_head_again_and_not_the_thread(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        detail = app.main.query_one(TicketDetail)
        ticket = rig.controller.ticket(detail.ticket_id)
        assert ticket is not None
        customer = rig.state.customers[ticket.customer_id]
        customer.mood = "angry" if customer.mood != "angry" else "calm"
        calls = counted(monkeypatch, ticket_detail, "head_view", "body_blocks")
        detail.show(rig.controller, ticket.id, rig.controller.now())
        await pilot.pause()
        assert calls == {"head_view": 1, "body_blocks": 0}
        head = app.main.query_one("#ticket-head", KeptText)
        shown = " ".join(strip.text.strip() for strip in head.render_lines(head.size.region))
        assert " ".join(render_head(rig.controller, ticket).plain.split()) in " ".join(
            shown.split()
        )
