"""Words typed into a pane whose letters are commands do nothing (issue 14, qa-play9).

The lead, Northwind practice at 120 x 40: "Dag Hilde, sorry" typed with the queue
focused took the ticket with its "a" (`ticket_opened`, new -> open, the candidate's
action in the log) and opened the internal note with its "i". Keys here come at
pilot speed and the exam clock stands still between them (it is driven by hand), so
every key follows the one before within the wait; `at` moves the clock on.
"""

from __future__ import annotations

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.ui.app import ExamApp
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.typing_guard import GUARD_S, WAIT_S, TypingGuard

from .conftest import Rig
from .pilot import at
from .test_queue_keys import on_the_first_row

START = 60.0
"""Where `on_the_first_row` leaves the exam clock."""


def keys_of(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


def guard_notices(app: ExamApp, start: str) -> list[str]:
    return [n.message for n in app._notifications if n.message.startswith(start)]


def acted(rig: Rig, since: int) -> list[str]:
    """The candidate's commands logged since `since` events, focus moves left out."""
    return [t for t in rig.commands_since(since) if t not in ("focus_moved",)]


@pytest.mark.parametrize("pane", ["f2", "f3"])  # the queue, the ticket area
@pytest.mark.parametrize("text", ["Dag Hilde, sorry", "alles goed?", "Wat is uw naam"])
async def test_a_sentence_typed_into_a_letter_pane_does_nothing(
    rig: Rig, pane: str, text: str
) -> None:
    async with on_the_first_row(rig) as (app, pilot):  # the first ticket: new
        await pilot.press(pane)
        await pilot.pause()
        ticket = app.main.ticket_id
        assert ticket is not None and rig.state.tickets[ticket].status.value == "new"
        since = len(rig.sink.events)
        await pilot.press(*keys_of(text))
        await at(pilot, START + 2 * GUARD_S)  # long after the last key: nothing waits
        assert app.screen is app.main, "a form opened"
        assert acted(rig, since) == []
        assert rig.state.tickets[ticket].status.value == "new"
        assert len(guard_notices(app, "Letters here are commands")) == 1


async def test_a_alone_takes_the_ticket_a_moment_later(rig: Rig) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        ticket = app.main.ticket_id
        since = len(rig.sink.events)
        await pilot.press("a")
        await pilot.pause()
        assert acted(rig, since) == [], "acted before the wait"
        await at(pilot, START + WAIT_S)
        assert acted(rig, since) == ["ticket_opened"]
        assert rig.last("ticket_opened")["ticket_id"] == ticket
        assert rig.logged("ticket_opened")[-1].exam_time == pytest.approx(START + WAIT_S)


async def test_a_then_down_takes_at_once_and_then_moves(rig: Rig) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        ticket = app.main.ticket_id
        since = len(rig.sink.events)
        await pilot.press("a", "down")
        await pilot.pause()
        assert acted(rig, since) == ["ticket_opened"]
        assert rig.last("ticket_opened")["ticket_id"] == ticket  # the row it was on
        assert app.main.ticket_id != ticket
        assert rig.logged("ticket_opened")[-1].exam_time == pytest.approx(START)


async def test_a_word_after_the_guard_is_over_acts_again(rig: Rig) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        since = len(rig.sink.events)
        await pilot.press("D", "a")
        await at(pilot, START + WAIT_S)
        assert acted(rig, since) == [], "an a inside the guard"
        await at(pilot, START + GUARD_S + 0.1)
        await pilot.press("a")
        await at(pilot, START + GUARD_S + 0.1 + WAIT_S)
        assert acted(rig, since) == ["ticket_opened"]


async def test_a_form_key_still_opens_its_form_at_once_with_the_word_in_it(rig: Rig) -> None:
    """r opens the reply form at once (harmless, cancellable); the rest of the word
    is typed into it, not taken as commands on the exam behind."""
    async with on_the_first_row(rig) as (app, pilot):
        await pilot.press("a", "down", "up")  # a ticket taken: r applies
        await pilot.pause()
        since = len(rig.sink.events)
        await pilot.press(*"ready")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "eady" in app.screen.query_one("#text").text
        assert acted(rig, since) == []


async def test_a_view_key_then_another_letter_is_a_word(rig: Rig) -> None:
    """o (sort) acts at once; the f of "of" is no filter but the rest of a word."""
    async with on_the_first_row(rig) as (app, pilot):
        model = app.controller.queue
        sort, filtered = model.sort, model.filter
        await pilot.press("o", "f")
        await pilot.pause()
        assert model.sort != sort and model.filter == filtered
        await at(pilot, START + 2 * GUARD_S)
        await pilot.press("f", "f")  # the same key again: the command again
        await pilot.pause()
        assert model.filter not in (filtered,)


@pytest.mark.parametrize("language", ["en", "nl", "fr"], indirect=True)
async def test_the_notice_names_the_keys_in_the_ui_language(rig: Rig, language: str) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        await pilot.press("D")
        await pilot.pause()
        expected = {
            "en": "Letters here are commands",
            "nl": "Letters zijn hier opdrachten",
            "fr": "Ici, les lettres sont des commandes",
        }[i18n.current_language()]
        notices = guard_notices(app, expected)
        assert len(notices) == 1
        assert " r " in notices[0] and " F4 " in notices[0]
        await pilot.press(*keys_of("ag Hilde"))
        await pilot.pause()
        assert len(guard_notices(app, expected)) == 1, "one notice for the burst"


def test_the_guard_alone() -> None:
    """The decisions, on a clock of its own."""
    guard = TypingGuard()
    assert guard.printable("a", "a", "waits", 0.0, "take") == ("wait", False)
    assert guard.printable("l", "l", "waits", 0.1, "link") == ("typing", True)
    assert guard.waiting is None
    assert guard.printable("e", "e", "opens", 0.2) == ("typing", False)
    assert guard.on(0.1 + GUARD_S + 0.05)
    assert not guard.on(0.2 + GUARD_S)
    assert guard.printable("a", "a", "waits", 5.0, "take") == ("wait", False)
    assert guard.due(5.0 + WAIT_S / 2) is None
    waiting = guard.due(5.0 + WAIT_S)
    assert waiting is not None and waiting.payload == "take"
    assert guard.printable("a", "a", "waits", 9.0, "take") == ("wait", False)
    released = guard.release()
    assert released is not None and released.payload == "take" and guard.waiting is None
    # a practice session at x4: the waits are wall seconds, the clock's are four times as long
    assert guard.printable("a", "a", "waits", 20.0, "take", scale=4.0) == ("wait", False)
    assert guard.due(20.0 + WAIT_S) is None
    assert guard.due(20.0 + 4 * WAIT_S) is not None


async def test_a_key_that_does_not_apply_then_a_deliberate_one_is_not_lost(rig: Rig) -> None:
    """`c` on a new ticket does nothing (only a resolved ticket closes); the candidate
    then presses `e` half a second later: the edit form opens, no guard."""
    async with on_the_first_row(rig) as (app, pilot):
        assert "c" not in app.screen.active_bindings
        await pilot.press("c")
        await at(pilot, START + 0.5)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert guard_notices(app, "Letters here are commands") == []


@pytest.mark.parametrize("leaves", ["search", "updated"])
async def test_a_waiting_take_is_never_handed_to_a_neighbour(rig: Rig, leaves: str) -> None:
    """sec12 saw the risk, sec13 built it: `a` waits 0.3 s and then acted on the ticket
    selected *then*. A ticket that leaves the view in those 0.3 s without a key of the
    candidate's (a key lets the command go first) moved the cursor to its neighbour, and
    a new neighbour was taken: `ticket_opened` in the log for a ticket the candidate never
    chose. Here the search narrows the list (it drops the kept ticket too), or the filter
    "updated" comes on, while the key waits."""
    rig.session._record(  # a second new ticket, as the simulation logs an e-mail
        "email_received",
        {"ticket_id": "M-2", "customer_id": "anna", "title": "Mail M-2", "description": "x"},
        rig.clock.now(),
    )
    async with on_the_first_row(rig) as (app, pilot):
        ticket = app.main.ticket_id
        assert ticket is not None and ticket != "M-2"
        assert rig.state.tickets[ticket].status.value == "new"
        since = len(rig.sink.events)
        await pilot.press("a")
        await pilot.pause()
        if leaves == "search":
            app.controller.queue.search = "M-2"
            app.main.redraw(force=True)
        else:
            app.main.action_toggle_filter("updated")  # the e-mail is unseen; the ticket not
        await pilot.pause()
        assert app.main.ticket_id == "M-2", "the view did not change: no reproduction"
        await at(pilot, START + 2 * WAIT_S)
        taken = [e.data["ticket_id"] for e in rig.sink.events[since:] if e.type == "ticket_opened"]
        assert taken == [], f"{taken} taken, the key was pressed on {ticket}"
        assert rig.state.tickets["M-2"].status.value == "new"
        assert guard_notices(app, "The selection changed before a acted")
