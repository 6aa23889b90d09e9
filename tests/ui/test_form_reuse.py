"""Forms built once and refilled on every open (issue 14: form open speed).

A reused form must be reset (no text, choice, error or focus of one use in the
next), bound to the ticket of this use (a stale id would send data to the
wrong ticket), take the keys typed while it opens, close once, and log what a
fresh form logged.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.widgets import Input, RadioSet, TextArea

from helpdesk_tui.ui.screens import form_shelf
from helpdesk_tui.ui.screens.confirm import ConfirmScreen
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.widgets.choice import ChoiceField

from .conftest import SIZE, Rig
from .pilot import choose, error_text, fill, form

FIRST = "T-1001"  # the mini scenario's queued ticket ("Printer on floor 2 offline")


def second_ticket(rig: Rig) -> str:
    """A second ticket, with a category, before the app starts."""
    ticket_id = rig.state.next_ticket_id()
    rig.session.submit(
        "ticket_created",
        {"ticket_id": ticket_id, "customer_id": "marc", "title": "CRM down", "category": "apps"},
    )
    return ticket_id


async def fast(pilot: Any, *names: str) -> None:
    """Keys back to back, as a fast typist's terminal sends them (see test_flow)."""
    for name in names:
        pilot.app._driver.send_message(events.Key(name, name if len(name) == 1 else None))
    await pilot.pause()
    await pilot.pause()


async def select(pilot: Any, ticket_id: str) -> None:
    """Move the queue cursor (by keys) until the ticket area shows `ticket_id`."""
    app = pilot.app
    await pilot.press("f2", "home")
    for _ in range(5):
        if app.main.ticket_id == ticket_id:
            return
        await pilot.press("down")
    assert app.main.ticket_id == ticket_id


async def test_a_reused_edit_form_is_empty_of_the_last_use_and_bound_to_the_new_ticket(
    rig: Rig,
) -> None:
    other = second_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        await pilot.press("e")
        first_use = form(app)
        assert first_use.target == FIRST
        await fill(pilot, "title", "")
        await choose(pilot, "impact", "high")
        await pilot.press("ctrl+s")  # refused: no title
        assert error_text(app) == "Fill in before saving: Title."
        await pilot.press("escape")
        assert rig.last("form_cancelled") == {"form": "ticket_edit", "target": FIRST}

        await select(pilot, other)
        await fast(pilot, "e", *"abc")  # typed while the form opens: into its title
        again = form(app)
        assert again is first_use  # kept, not built again
        assert again.target == other and again.ticket is rig.state.tickets[other]
        assert str(again.query_one("#form-title").render()) == f"Edit ticket {other}"
        assert again.query_one("#title", Input).value == "CRM downabc"
        assert error_text(app) == "" and not again.query_one("#form").has_class("-error")
        assert again.query_one("#impact", ChoiceField).value is None
        assert again.query_one("#category", ChoiceField).value == "apps"
        assert "Marc Dubois" in str(again.query_one("#customer-name").render())
        assert again.query_one("#description", TextArea).text == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_updated") == {
            "ticket_id": other,
            "changes": {"title": "CRM downabc"},
        }
        assert rig.state.tickets[FIRST].impact != "high"


async def test_a_reused_reply_form_starts_empty_for_the_next_ticket(rig: Rig) -> None:
    other = second_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        await fast(pilot, "r", *"half a reply")
        first_use = form(app)
        assert first_use.query_one("#text", TextArea).text == "half a reply"
        await pilot.press("escape")
        assert rig.last("form_cancelled") == {"form": "reply", "target": FIRST}
        await select(pilot, other)
        await fast(pilot, "r", *"Hello Marc")
        again = form(app)
        assert again is first_use
        assert again.query_one("#text", TextArea).text == "Hello Marc"
        assert "Marc Dubois" in str(again.query_one("#form-title").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_reply_added") == {"ticket_id": other, "text": "Hello Marc"}
        assert rig.state.tickets[FIRST].replies == []


async def test_a_reused_new_ticket_form_forgets_the_title_and_customer(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        first_use = form(app)
        await fill(pilot, "title", "Left over")
        await choose(pilot, "customer", "marc")
        await choose(pilot, "urgency", "high")
        await pilot.press("escape")
        await pilot.press("ctrl+n")
        again = form(app)
        assert again is first_use
        assert again.query_one("#title", Input).value == ""
        assert again.query_one("#customer", ChoiceField).value is None
        assert again.query_one("#urgency", ChoiceField).value is None
        assert app.focused is again.query_one("#title", Input)
        # No impact and no urgency: no priority yet (not the "high" urgency of the last use).
        assert str(again.query_one("#priority").render()) == "Priority from the matrix: –"


async def test_a_reused_pending_form_is_back_on_the_customer(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        await pilot.press("w", "down", "enter")
        assert form(app).query_one("#waiting", RadioSet).pressed_button.id == "third_party"
        await pilot.press("escape")
        await pilot.press("w")
        radios = form(app).query_one("#waiting", RadioSet)
        assert radios.pressed_button.id == "customer"
        assert [b.value for b in radios.query("RadioButton")] == [True, False]
        await pilot.press("down", "enter", "ctrl+s")  # and choosing still works after a reset
        await pilot.pause()
        assert rig.last("ticket_pending")["waiting_on"] == "third_party"


async def test_the_kept_close_question_asks_about_the_ticket_of_this_use(rig: Rig) -> None:
    other = second_ticket(rig)
    for ticket_id in (FIRST, other):
        rig.session.submit(
            "ticket_updated", {"ticket_id": ticket_id, "changes": {"category": "access"}}
        )
        rig.session.submit("ticket_resolved", {"ticket_id": ticket_id, "solution": "Done."})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        await pilot.press("c")
        question = app.screen
        assert isinstance(question, ConfirmScreen) and FIRST in question.question
        await pilot.press("n")
        await select(pilot, other)
        await fast(pilot, "c", "y")  # the answer typed while the question opens
        assert question.question.startswith(f"Close {other}")
        assert app.screen is app.main
        assert rig.last("ticket_closed") == {"ticket_id": other}
        assert rig.state.tickets[FIRST].status.value == "resolved"


async def test_a_reused_form_still_closes_once(rig: Rig) -> None:
    """DismissOnce: two Escapes at once close the form once; a kept form that is not on
    top (closed, waiting for its next use) cannot be dismissed at all."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        await pilot.press("e")
        kept = form(app)
        await pilot.press("escape")
        await pilot.press("e")
        assert form(app) is kept
        before = len(rig.logged("form_cancelled"))
        await fast(pilot, "escape", "escape")
        assert app.screen is app.main
        assert len(rig.logged("form_cancelled")) == before + 1
        stack = list(app.screen_stack)
        kept.dismiss(None)  # not on the stack: nothing happens
        await pilot.pause()
        assert app.screen is app.main and app.screen_stack == stack
        assert len(rig.logged("form_cancelled")) == before + 1


SCRIPT = (
    ("e", "escape"),
    ("r", *"Thanks", "ctrl+s"),
    ("r", *"again", "escape"),
    ("i", *"note one", "ctrl+s"),
    ("i", *"note two", "ctrl+s"),
    ("e", "ctrl+s", "escape"),
    ("t", "escape"),
    ("ctrl+n", *"New one", "escape"),
    ("w", "down", "enter", "ctrl+s"),
)


async def _play(rig: Rig) -> list[tuple[str, dict[str, Any]]]:
    app = rig.app()
    count = len(rig.sink.events)
    async with app.run_test(size=SIZE) as pilot:
        for step in SCRIPT:
            await pilot.press(*step)
            await pilot.pause()
    return [(e.type, e.data) for e in rig.sink.events[count:]]


async def test_the_log_is_the_same_as_with_a_fresh_form_each_time(
    rig: Rig, mini: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .conftest import make_rig

    kept = await _play(rig)

    def fresh(self: form_shelf.FormShelf, cls: type[FormScreen], *args: Any, **kw: Any) -> Any:
        built = cls(self._controller)
        built.prepare(*args, **kw)
        return built

    monkeypatch.setattr(form_shelf.FormShelf, "take", fresh)
    fresh_rig = make_rig(mini)
    built_each_time = await _play(fresh_rig)
    assert kept == built_each_time
    types = [t for t, _data in kept]
    assert types.count("form_cancelled") == 5 and "ticket_pending" in types
    assert types.count("note_added") == 2 and types.count("ticket_reply_added") == 1


async def test_the_note_form_is_built_while_the_candidate_is_idle_not_on_the_first_i(
    rig: Rig,
) -> None:
    """Issue 15's tail: the first `i` composed the note form (~100 ms of CPU, up to
    0.7 s on a sitting server) while the candidate waited to type into it."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        app.refresh_now()  # a tick while the candidate is still typing: nothing built
        await pilot.pause()
        assert app.main.shelf.forms == []
        app._last_input -= 5  # nobody has typed for 5 s
        app.refresh_now()
        await pilot.pause()
        [ahead] = app.main.shelf.forms
        assert ahead.is_mounted and app.screen is app.main  # built off screen
        await fast(pilot, "i", *"abc")
        assert form(app) is ahead  # the first open refills it
        assert str(ahead.query_one("#form-title").render()).startswith(f"Internal note on {FIRST}")
        assert ahead.query_one("#text", TextArea).text == "abc"
        await pilot.press("ctrl+s")
        assert rig.last("note_added") == {"ticket_id": FIRST, "text": "abc"}


async def test_no_form_is_built_once_the_app_is_leaving(rig: Rig) -> None:
    """bugs9 (suite-time7): a tick that built a form ahead while the app shut down raised
    `NoMatches: '#form-fields' on TextForm()` from `FormScreen.on_mount`. The order is
    made on purpose here: the app is told to exit, then a tick comes before it has gone."""
    from helpdesk_tui.ui.screens.forms import TextForm

    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, FIRST)
        app._last_input -= 5  # nobody has typed for 5 s: a tick would build a form ahead
        app.exit()
        app.refresh_now()  # the tick that comes between the exit and the shutdown
        assert app.main.shelf.forms == []
        ticket = app.controller.state.tickets[FIRST]
        built = app.main.shelf.build_ahead(TextForm, ticket, "note")
        assert not built and app.main.shelf.forms == []
    assert app.return_code == 0  # and no NoMatches from a half-built form's on_mount
