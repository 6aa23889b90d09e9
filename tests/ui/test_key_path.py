"""A queue cursor step takes the short way through Textual, and ends where the long one did.

The short ways (issue 14, branch p-keys6): a cursor key runs the queue's binding where
it arrives instead of bubbling back up to the app; the app answers "may this key open
a screen or move the focus?" and "is there a priority binding for it?" without building
Textual's binding chain when no binding of the key could say yes; the footer's gates
are kept per state and ticket. Each is checked against Textual's own (long) answer.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.binding import BindingsMap

from helpdesk_tui.ui.app import REDIRECTS, ExamApp, _action_name, _is_text_box
from helpdesk_tui.ui.keymap import KEYS
from helpdesk_tui.ui.lockdown import LOCKDOWN_KEYS, lockdown_bindings
from helpdesk_tui.ui.screens.main import GATED
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail

from .conftest import SIZE, Rig, screen_text
from .pilot import at
from .test_queue_keys import four_tickets, on_the_first_row


def every_key() -> list[str]:
    """Every key the exam binds, and a few it does not."""
    keys = {one for key in KEYS for one in key.keys.split(",")}
    return sorted(keys | {"down", "up", "a", "z", "enter", "tab", "space", "f12", "pagedown"})


def textual_redirects(app: ExamApp, key: str) -> bool:
    """The answer from Textual's whole binding chain (`Screen.active_bindings`)."""
    char = key if len(key) == 1 else None
    if char is not None and _is_text_box(app.focused):
        return False
    active = app.screen.active_bindings.get(key)
    return bool(active and active.enabled and _action_name(active.binding.action) in REDIRECTS)


def textual_priority(app: ExamApp, key: str) -> bool:
    """Whether Textual's binding chain holds a priority binding of `key`."""
    return any(
        binding.priority
        for _node, bindings in app.screen._binding_chain
        for binding in bindings.key_to_bindings.get(key, ())
    )


async def test_the_redirect_and_priority_answers_are_textuals_in_every_area(rig: Rig) -> None:
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        checked = 0
        for area_key in ("f2", "f3", "f4", "f5"):
            await pilot.press(area_key)
            await pilot.pause()
            for key in every_key():
                char = key if len(key) == 1 else None
                event = events.Key(key, char)
                assert app._redirects_keys(event) == textual_redirects(app, key), (area_key, key)
                if textual_priority(app, key):
                    assert app._bound_along(key, lambda b: b.priority), (area_key, key)
                checked += 1
        assert checked > 100


async def test_a_locked_exams_priority_keys_are_still_found(rig: Rig) -> None:
    """The lockdown's keys are priority bindings: the short answer must not skip them."""
    app = rig.app(locked=True)
    app._bindings = BindingsMap.merge(
        [app._bindings, BindingsMap(lockdown_bindings())]
    )  # as LockdownApp
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        priority_keys = [
            key for key in [*every_key(), *LOCKDOWN_KEYS] if textual_priority(app, key)
        ]
        assert set(LOCKDOWN_KEYS) <= set(priority_keys)
        for key in priority_keys:
            assert app._bound_along(key, lambda b: b.priority), key


async def test_a_cursor_step_builds_no_binding_chain_and_does_not_bubble(
    rig: Rig, monkeypatch: Any
) -> None:
    """Main: Textual's binding lookup twice (the priority look and the binding's) and the key
    dispatched up through the queue's area, the grid, the screen and back to the app."""
    async with on_the_first_row(rig) as (app, pilot):
        chains: list[tuple[str, bool]] = []
        check_bindings = App._check_bindings

        async def counted(self: App[Any], key: str, priority: bool = False) -> bool:
            chains.append((key, priority))  # Textual's lookup: it builds the chain
            return await check_bindings(self, key, priority)

        monkeypatch.setattr(App, "_check_bindings", counted)
        came_back: list[str] = []
        on_key = ExamApp._on_key

        def watched(self: ExamApp, event: events.Key) -> None:
            came_back.append(event.key)
            on_key(self, event)

        monkeypatch.setattr(ExamApp, "_on_key", watched)
        queue = app.main.queue
        for expected_row in (1, 2, 1):
            key = "down" if expected_row > queue.cursor_row else "up"
            await pilot.press(key)
            await pilot.pause()
            assert queue.cursor_row == expected_row
            assert app.main.query_one(TicketDetail).ticket_id == queue.selected_id
        assert chains == []
        assert came_back == []
        await pilot.press("f4")  # a key the app watches still comes back to it
        await pilot.pause()
        assert came_back == ["f4"]
        assert app.main.area == "conversation"


async def test_with_a_user_keymap_the_cursor_key_goes_the_long_way(rig: Rig) -> None:
    async with on_the_first_row(rig) as (app, pilot):
        app.set_keymap({"other.binding": "ctrl+y"})
        await pilot.press("down")
        await pilot.pause()
        assert app.main.queue.cursor_row == 1
        assert app.main.query_one(TicketDetail).ticket_id == app.main.queue.selected_id


async def test_after_a_burst_of_cursor_keys_the_ticket_area_shows_the_cursors_ticket(
    rig: Rig,
) -> None:
    """Keys faster than frames (a held Down): the last frame shows the ticket under
    the cursor, its id in the area's title and its head, and so does a single key."""
    async with on_the_first_row(rig) as (app, pilot):
        queue = app.main.queue
        driver = app._driver
        assert driver is not None
        for _ in range(3):
            driver.send_message(events.Key("down", None))  # no wait between them
        await pilot.pause()
        await pilot.pause()
        for presses in ((), ("up",)):
            await pilot.press(*presses)
            await pilot.pause()
            selected = queue.selected_id
            assert selected is not None
            assert queue.cursor_row == (3 if not presses else 2)
            detail = app.main.query_one(TicketDetail)
            assert detail.ticket_id == selected
            title = rig.state.tickets[selected].title
            text = screen_text(app)
            assert f"Ticket {selected}" in text
            assert f"{selected}  {title}" in text


async def test_the_kept_gates_follow_every_event(rig: Rig) -> None:
    """Kept per state, ticket and conversation: taking a ticket (an event) changes what
    can be done with it, and the kept answer must change with it."""
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        main = app.main
        await pilot.press("f2", "home", "down", "down", "up")
        await pilot.pause()

        def fresh() -> tuple[bool | None, ...]:
            return tuple(main.check_action(action, ()) for action in GATED)

        assert main._ticket_gates() == fresh()
        before = main._ticket_gates()
        ticket_id = main.ticket_id
        assert ticket_id is not None
        assert main.submit("ticket_pending", {"ticket_id": ticket_id, "waiting_on": "customer"})
        await pilot.pause()
        assert main._ticket_gates() == fresh()
        assert main._ticket_gates() != before  # taking it changed what applies


async def test_an_area_switch_asks_no_gate_again_and_a_change_after_it_still_does(
    rig: Rig,
) -> None:
    """A focus move (logged: `focus_moved`) changes nothing the gates read, so F4 and F2
    back work out no gates again (no new kept answer); an event after them (a status
    change) still gives fresh answers, equal to asking every gate again."""
    four_tickets(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        main = app.main
        await pilot.press("f2", "down", "f4", "f2")
        await pilot.pause()
        kept = set(main._gates_kept)
        seq = rig.state.last_seq
        await pilot.press("f4", "f2")
        await pilot.pause()
        assert rig.state.last_seq == seq + 2  # both moves were logged
        assert set(main._gates_kept) == kept
        ticket_id = main.ticket_id
        assert ticket_id is not None
        before = main._ticket_gates()
        assert main.submit("ticket_pending", {"ticket_id": ticket_id, "waiting_on": "customer"})
        await pilot.pause()
        fresh = tuple(main.check_action(action, ()) for action in GATED)
        assert main._ticket_gates() == fresh != before


def handles_keys(node: object) -> list[str]:
    """Key handlers a node's classes define outside Textual (on_key, _on_key, key_*)."""
    found = []
    for cls in type(node).__mro__:
        if cls.__module__.startswith("textual"):
            continue
        for name in cls.__dict__:
            if name in ("on_key", "_on_key") or name.startswith("key_"):
                found.append(f"{cls.__name__}.{name}")
    return found


async def test_nothing_above_the_exams_queue_handles_a_key_itself(rig: Rig) -> None:
    """What `TicketQueue.keys_here` relies on: the key that no longer bubbles up from
    the queue would reach no handler but the app's, which only watches for the key
    that opens a screen or moves the focus (and that key still goes up)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 60)
        queue = app.main.queue
        assert queue.keys_here
        above = [handles_keys(node) for node in queue.ancestors if node is not app]
        assert above and not any(above), above
        assert handles_keys(app) == ["ExamApp._on_key"]
