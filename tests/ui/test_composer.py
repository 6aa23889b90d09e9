"""The reply box of chats and calls: one Enter sends what is there, once; new lines;
whom it goes to; a confirmation for a reply that names another customer; limits."""

from __future__ import annotations

from textual import events

from helpdesk_tui.ui.screens.confirm import ConfirmScreen
from helpdesk_tui.ui.widgets.bounded import LIMITS

from .conftest import SIZE, Rig, screen_text
from .pilot import at, press_alone

CHAT = "C-anna-lockout"
CALL = "C-marc-crm"


def burst(app: object, text: str) -> None:
    """Keys as a fast typist's terminal delivers them: all queued before any is handled."""
    for char in text:
        key = "enter" if char == "\r" else char
        app.post_message(events.Key(key, None if char == "\r" else char))  # type: ignore[attr-defined]


async def test_two_lines_typed_fast_are_two_messages_each_with_its_own_text(rig: Rig) -> None:
    """The send race: with Enter as a key binding, both messages held both lines."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        burst(app, "first line\rsecond line\r")
        await pilot.pause()
        await pilot.pause()
        sent = [e.data["text"] for e in rig.logged("message_sent")]
        assert sent == ["first line", "second line"]
        assert app.main.conversations.input.value == ""


async def test_enter_on_an_empty_box_sends_nothing(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", "enter", "space", "enter")
        await pilot.pause()
        assert rig.logged("message_sent") == []


async def test_shift_enter_and_ctrl_j_start_new_lines(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", "a", "shift+enter", "b", "ctrl+j", "c")
        assert app.main.conversations.input.value == "a\nb\nc"
        assert rig.logged("message_sent") == []
        await pilot.press("enter")
        await pilot.pause()
        assert rig.last("message_sent")["text"] == "a\nb\nc"


async def test_the_box_says_whom_it_writes_to_and_the_ticket(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        assert "To Anna Peeters · no ticket yet" in screen_text(app)
        rig.session.submit(
            "ticket_created",
            {
                "ticket_id": "T-1002",
                "title": "Locked",
                "customer_id": "anna",
                "conversation_id": CHAT,
            },
        )
        app.refresh_now()
        await pilot.pause()
        assert "To Anna Peeters · ticket T-1002" in screen_text(app)


async def test_a_reply_naming_another_open_case_asks_first(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)  # Anna chats, Marc is on the phone
        await pilot.press("f4", *"Marc, your CRM is back", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Send this to Anna Peeters?" in screen_text(app)
        assert "Marc Dubois" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert rig.logged("message_sent") == []
        assert rig.last("form_cancelled") == {"form": "send_confirm", "target": CHAT}
        reply = app.main.conversations.input
        assert reply.value == "Marc, your CRM is back" and reply.has_focus
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert rig.last("message_sent") == {
            "conversation_id": CHAT,
            "text": "Marc, your CRM is back",
        }


async def test_the_customers_own_name_asks_nothing(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.press("f4", *"Hello Anna", "enter")
        await pilot.pause()
        assert rig.last("message_sent")["text"] == "Hello Anna"


async def test_after_the_call_the_box_no_longer_offers_to_speak(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.press("f7")
        reply = app.main.conversations.input
        assert reply.placeholder == "Speak to Marc Dubois"
        await pilot.press("escape")
        await press_alone(pilot, "x")
        assert reply.disabled
        assert reply.placeholder == "The call has ended."
        assert "Speak to" not in screen_text(app)


async def test_a_long_paste_is_cut_at_the_limit_with_the_counter_shown(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        reply = app.main.conversations.input
        reply.post_message(events.Paste("x" * 1_000_000))
        await pilot.pause()
        limit = LIMITS["chat"]
        assert len(reply.value) == limit
        assert reply.border_subtitle == f"{limit:,}/{limit:,}"
        await pilot.press("y")  # full: typing adds nothing
        assert len(reply.value) == limit
        await pilot.press("enter")
        await pilot.pause()
        assert len(rig.last("message_sent")["text"]) == limit
        assert reply.border_subtitle == ""


async def test_a_send_the_log_refuses_goes_back_into_the_box(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        rig.session.submit("conversation_closed", {"conversation_id": CHAT})
        app.main.conversations.input.value = "too late"
        await pilot.press("enter")
        await pilot.pause()
        assert rig.logged("message_sent") == []
        assert app.main.conversations.input.value == "too late"
