"""Every ticket action through the keyboard, asserting on state and on the log."""

from __future__ import annotations

from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.i18n import _
from helpdesk_tui.ui.screens.confirm import ConfirmScreen
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.screens.ticket_form import TicketForm
from helpdesk_tui.ui.widgets.choice import ChoiceField

from .conftest import SIZE, Rig, screen_text
from .pilot import at, choose, error_text, fill, form, new_ticket_from_chat, press_alone, type_into

QUEUED = "T-1001"


async def test_create_a_ticket_from_a_conversation(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        ticket_form = await new_ticket_from_chat(pilot)
        assert isinstance(ticket_form, TicketForm)
        assert ticket_form.query_one("#customer", ChoiceField).value == "anna"
        assert "locked out" in ticket_form.query_one("#description").text
        await type_into(pilot, "title", "Account locked")
        await choose(pilot, "category", "access")
        await choose(pilot, "impact", "low")
        await choose(pilot, "urgency", "high")
        assert "P3" in str(ticket_form.query_one("#priority").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        created = rig.last("ticket_created")
        assert created["customer_id"] == "anna"
        assert created["conversation_id"] == "C-anna-lockout"
        assert (created["category"], created["impact"], created["urgency"]) == (
            "access",
            "low",
            "high",
        )
        ticket = rig.state.tickets[created["ticket_id"]]
        assert ticket.priority == "P3" and ticket.conversation_ids == ["C-anna-lockout"]
        assert ticket.first_response_at is not None  # the chat answer counts
        assert app.main.ticket_id == ticket.id  # the queue selects the new ticket


async def test_a_select_works_from_the_keyboard(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        impact = form(app).query_one("#impact", ChoiceField)
        impact.focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert not impact.is_blank()


async def test_new_ticket_checks_its_fields(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        before = len(rig.sink.events)
        await pilot.press("n")
        await pilot.press("ctrl+s")
        assert error_text(app) == "Fill in before saving: Title, Customer, Impact, Urgency."
        await type_into(pilot, "title", "Printer jams")
        await pilot.press("ctrl+s")
        assert error_text(app) == "Fill in before saving: Customer, Impact, Urgency."
        assert rig.commands_since(before) == []
        await choose(pilot, "customer", "marc")
        await choose(pilot, "impact", "low")
        await choose(pilot, "urgency", "low")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_created")["title"] == "Printer jams"
        assert "conversation_id" not in rig.last("ticket_created")


async def test_edit_fields_shows_the_matrix_priority(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await choose(pilot, "impact", "high")
        await choose(pilot, "urgency", "high")
        assert "P1" in str(form(app).query_one("#priority").render())
        await choose(pilot, "category", "apps")
        await pilot.press("ctrl+s")
        await pilot.pause()
        changes = rig.last("ticket_updated")["changes"]
        assert changes == {"impact": "high", "urgency": "high", "category": "apps"}
        assert rig.state.tickets[QUEUED].priority == "P1"
        assert rig.state.tickets[QUEUED].status == TicketStatus.OPEN


async def test_overriding_the_priority_needs_a_reason(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        before = len(rig.sink.events)
        await pilot.press("e")
        await choose(pilot, "override", "P2")
        await pilot.press("ctrl+s")
        assert "reason" in error_text(app)
        assert rig.commands_since(before) == []
        await type_into(pilot, "override-reason", "VIP")
        await pilot.press("ctrl+s")
        await pilot.pause()
        data = rig.last("ticket_updated")
        assert (data["priority_override"], data["override_reason"]) == ("P2", "VIP")
        assert rig.state.tickets[QUEUED].priority == "P2"


async def test_public_reply_and_internal_note(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await type_into(pilot, "text", "We are on it.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("i")
        await type_into(pilot, "text", "Asked facilities.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        ticket = rig.state.tickets[QUEUED]
        assert rig.last("ticket_reply_added") == {"ticket_id": QUEUED, "text": "We are on it."}
        assert rig.last("note_added") == {"ticket_id": QUEUED, "text": "Asked facilities."}
        assert ticket.first_response_at is not None
        assert [text for _at, text in ticket.notes] == ["Asked facilities."]


async def test_a_public_reply_naming_another_open_case_asks_first(rig: Rig) -> None:
    """T-1001 is Anna's; at 130 s Marc is on the phone: a reply that names him asks,
    with the question the chat's reply box asks (issue 11)."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.press("r")
        await type_into(pilot, "text", "Marc, the printer is fixed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown = screen_text(app)
        assert "Send this to Anna Peeters?" in shown
        assert "Marc Dubois" in shown and "(T-1001)" in shown
        await pilot.press("n")
        await pilot.pause()
        assert rig.logged("ticket_reply_added") == []
        assert rig.last("form_cancelled") == {"form": "reply_confirm", "target": QUEUED}
        text = form(app).query_one("#text")
        assert text.has_focus and text.text == "Marc, the printer is fixed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert rig.last("ticket_reply_added") == {
            "ticket_id": QUEUED,
            "text": "Marc, the printer is fixed",
        }
        assert not isinstance(app.screen, (ConfirmScreen, FormScreen))


async def test_a_public_reply_to_its_own_customer_asks_nothing(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.press("r")
        await type_into(pilot, "text", "Anna, the printer is fixed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_reply_added")["text"] == "Anna, the printer is fixed"


async def test_an_internal_note_naming_another_customer_asks_nothing(rig: Rig) -> None:
    """Only what the customer reads goes to a recipient; a note may name anyone."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.press("i")
        await type_into(pilot, "text", "Marc has the same printer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("note_added")["text"] == "Marc has the same printer"


async def test_transfer_lists_the_groups_and_needs_a_reason(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        before = len(rig.sink.events)
        await pilot.press("t")
        group = form(app).query_one("#group", ChoiceField)
        assert [value for _label, value in group.options] == [
            "network",
            "apps",
        ]
        await choose(pilot, "category", "apps")  # bugs14: a transfer needs one (test below)
        await pilot.press("ctrl+s")
        assert "group" in error_text(app)
        await choose(pilot, "group", "network")
        await pilot.press("ctrl+s")
        assert "reason" in error_text(app)
        assert rig.commands_since(before) == []
        await type_into(pilot, "reason", "Printer VLAN down")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_transferred") == {
            "ticket_id": QUEUED,
            "group": "network",
            "reason": "Printer VLAN down",
        }
        assert rig.state.tickets[QUEUED].status == TicketStatus.TRANSFERRED


async def test_a_transfer_asks_for_the_category_a_ticket_lacks(rig: Rig) -> None:
    """bugs14: T-1001 (no category) was transferred as it was: the group got a ticket that
    did not say what kind of problem it is, and DATA-3 credited it. The form asks for the
    category, says why (the catalogue's words), and saves it on the ticket first."""
    assert rig.state.tickets[QUEUED].category is None  # the scenario's queue ticket has none
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        before = len(rig.sink.events)
        await pilot.press("t")
        await choose(pilot, "group", "network")
        await type_into(pilot, "reason", "Printer VLAN down")
        await pilot.press("ctrl+s")
        await pilot.pause()
        why = _(
            "A transfer needs the ticket's category: the group has to know what kind "
            "of problem it gets."
        )
        assert why in error_text(app)
        assert rig.commands_since(before) == []
        await choose(pilot, "category", "access")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.commands_since(before) == ["ticket_updated", "ticket_transferred"]
        assert rig.last("ticket_updated") == {
            "ticket_id": QUEUED,
            "changes": {"category": "access"},
        }
        ticket = rig.state.tickets[QUEUED]
        assert ticket.category == "access" and ticket.status == TicketStatus.TRANSFERRED
        assert ticket.uncategorised_transfers == []


async def test_a_transfer_of_a_ticket_with_its_category_adds_no_update(rig: Rig) -> None:
    rig.session.submit("ticket_updated", {"ticket_id": QUEUED, "changes": {"category": "apps"}})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        before = len(rig.sink.events)
        await pilot.press("t")
        assert form(app).query_one("#category", ChoiceField).value == "apps"
        await choose(pilot, "group", "apps")
        await type_into(pilot, "reason", "Driver")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.commands_since(before) == ["ticket_transferred"]


async def test_set_pending_on_a_third_party(rig: Rig) -> None:
    rig.session.submit("ticket_reply_added", {"ticket_id": QUEUED, "text": "We are on it."})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.press("down", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_pending")["waiting_on"] == "third_party"
        ticket = rig.state.tickets[QUEUED]
        assert ticket.status == TicketStatus.PENDING_THIRD_PARTY and ticket.is_paused_at(
            rig.state.now
        )


def categorised(rig: Rig, ticket_id: str = QUEUED) -> None:
    """A ticket is resolved only once it has a category."""
    rig.session.submit(
        "ticket_updated", {"ticket_id": ticket_id, "changes": {"category": "access"}}
    )


async def test_resolve_with_a_kb_article_then_close(rig: Rig) -> None:
    categorised(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await choose(pilot, "article", "kb-lockout")
        assert "[kb-lockout] Account locked out" in form(app).query_one("#solution").text
        await pilot.press("ctrl+s")
        await pilot.pause()
        resolved = rig.last("ticket_resolved")
        assert resolved["kb_article"] == "kb-lockout"
        assert resolved["solution"] == "[kb-lockout] Account locked out"
        assert "s" not in app.screen.active_bindings  # resolved: no second resolve
        await pilot.press("c")
        assert "Close T-1001 (Anna Peeters: Printer on floor 2 offline)?" in str(
            app.screen.query_one("#confirm-question").render()
        )
        await pilot.press("y")
        await pilot.pause()
        assert rig.last("ticket_closed") == {"ticket_id": QUEUED}
        assert rig.state.tickets[QUEUED].status == TicketStatus.CLOSED
        bindings = app.screen.active_bindings
        assert not {"s", "c", "u", "t", "e"} & set(bindings)


async def test_resolve_needs_a_category(rig: Rig) -> None:
    """Finding 8: a ticket could be resolved with no category."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        before = len(rig.sink.events)
        await pilot.press("s")
        await fill(pilot, "solution", "Switched it off and on.")
        await pilot.press("ctrl+s")
        assert "category first" in error_text(app)
        assert rig.commands_since(before) == []


async def test_closing_asks_first_and_no_keeps_the_ticket(rig: Rig) -> None:
    """Finding 8: `c` closed at once, with no way back."""
    categorised(rig)
    rig.session.submit("ticket_resolved", {"ticket_id": QUEUED, "solution": "Switched on"})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.press("n")
        await pilot.pause()
        assert rig.state.tickets[QUEUED].status == TicketStatus.RESOLVED
        assert rig.last("form_cancelled") == {"form": "close", "target": QUEUED}
        await pilot.press("c")
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert rig.state.tickets[QUEUED].status == TicketStatus.CLOSED


async def test_resolve_with_a_written_solution_and_reopen(rig: Rig) -> None:
    categorised(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.press("ctrl+s")
        assert "solution" in error_text(app).lower()
        await type_into(pilot, "solution", "Switched it off and on.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_resolved") == {
            "ticket_id": QUEUED,
            "solution": "Switched it off and on.",
        }
        await pilot.press("u")
        await type_into(pilot, "text", "Still offline")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_reopened") == {"ticket_id": QUEUED, "reason": "Still offline"}
        assert rig.state.tickets[QUEUED].status == TicketStatus.OPEN


async def test_take_a_ticket_in_hand(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await press_alone(pilot, "a")
        assert rig.last("ticket_opened") == {"ticket_id": QUEUED}
        assert "a" not in app.screen.active_bindings  # open already


async def test_escape_cancels_every_form_and_logs_only_that(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        expected = []
        for key, name in (("e", "ticket_edit"), ("n", "ticket_create"), ("r", "reply"), ("i", "note"),
                          ("t", "transfer"), ("w", "pending"), ("s", "resolve")):  # fmt: skip
            before = len(rig.sink.events)
            await pilot.press(key)
            assert isinstance(app.screen, FormScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, FormScreen)
            assert rig.commands_since(before) == ["form_cancelled"]
            expected.append(name)
        cancelled = rig.logged("form_cancelled")
        assert [e.data["form"] for e in cancelled] == expected
        assert cancelled[0].data["target"] == QUEUED
        assert rig.state.tickets[QUEUED].status == TicketStatus.NEW


async def test_no_ticket_no_ticket_actions(mini) -> None:
    from .conftest import make_rig

    rig = make_rig(mini)
    rig.session.submit("ticket_resolved", {"ticket_id": QUEUED, "solution": "x"})
    rig.session.submit("ticket_closed", {"ticket_id": QUEUED})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.main.ticket_id is None
        keys = set(app.screen.active_bindings)
        assert not {"e", "r", "i", "t", "w", "s", "c", "a", "u"} & keys
        assert {"n", "f1", "f2"} <= keys
