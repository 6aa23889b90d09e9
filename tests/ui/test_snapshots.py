"""Snapshots of the layout: the main screen (120 x 40 and 100 x 30; also with the ticket
area in focus, widened), a ticket form,
the KB article view and a call streaming. Behaviour is tested elsewhere; these
catch layout regressions. Update with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at the SVGs before committing them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from .conftest import Rig
from .pilot import at, choose


def driven(
    *steps: Callable[[Pilot[Any]], Awaitable[None]],
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        for step in steps:
            await step(pilot)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


async def busy_desk(pilot: Pilot[Any]) -> None:
    """Two chats' worth of work: a ticket, an answer, a call coming in."""
    await at(pilot, 70)
    await pilot.press("f4", *"Good morning Anna, which account is it?", "enter")
    await at(pilot, 130)
    await pilot.press("f2")


def test_main_screen(rig: Rig, snap_compare: Any) -> None:
    assert snap_compare(rig.app(), terminal_size=(120, 40), run_before=driven(busy_desk))


def test_main_screen_small_terminal(rig: Rig, snap_compare: Any) -> None:
    assert snap_compare(rig.app(), terminal_size=(100, 30), run_before=driven(busy_desk))


def test_ticket_form(rig: Rig, snap_compare: Any) -> None:
    async def edit(pilot: Pilot[Any]) -> None:
        await pilot.press("e")
        await choose(pilot, "impact", "high")
        await choose(pilot, "urgency", "medium")
        await choose(pilot, "category", "access")

    assert snap_compare(rig.app(), terminal_size=(120, 40), run_before=driven(edit))


def test_kb_article(rig: Rig, snap_compare: Any) -> None:
    async def read(pilot: Pilot[Any]) -> None:
        await pilot.press("f5", *"locked", "enter", "enter", "right_square_bracket")

    assert snap_compare(rig.app(), terminal_size=(120, 40), run_before=driven(read))


def test_call_streaming(rig: Rig, snap_compare: Any) -> None:
    async def call(pilot: Pilot[Any]) -> None:
        await at(pilot, 121)
        await pilot.press("f7")
        await at(pilot, 122.5)

    assert snap_compare(rig.app(), terminal_size=(120, 40), run_before=driven(call))


async def reading_the_ticket(pilot: Pilot[Any]) -> None:
    """The busy desk with the ticket area in focus: it takes 7 of 12 columns (bugs13)."""
    await busy_desk(pilot)
    await pilot.press("f3")


def test_ticket_area_in_focus(rig: Rig, snap_compare: Any) -> None:
    assert snap_compare(rig.app(), terminal_size=(120, 40), run_before=driven(reading_the_ticket))


def test_ticket_area_in_focus_small_terminal(rig: Rig, snap_compare: Any) -> None:
    assert snap_compare(rig.app(), terminal_size=(100, 30), run_before=driven(reading_the_ticket))
