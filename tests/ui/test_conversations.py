"""Chats and calls: unread counts, switching, typing, a streaming call, canned replies."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import OptionList

from helpdesk_tui import i18n
from helpdesk_tui.ui.screens.pickers import CannedPicker
from helpdesk_tui.ui.widgets.conversations import revealed

from .conftest import SIZE, Rig, screen_text
from .pilot import at, press_alone

CHAT, CALL = "C-anna-lockout", "C-marc-crm"


def unread(rig: Rig, conv_id: str) -> int:
    return rig.state.conversations[conv_id].unread()


async def test_unread_counts_and_switching_are_logged(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 125)
        assert unread(rig, CHAT) == 2 and unread(rig, CALL) == 1
        text = screen_text(app)
        assert "Anna Peeters (2)" in text and "Marc Dubois (1)" in text
        assert "2 open · 3 unread" in text
        await pilot.press("f4")
        assert rig.last("focus_moved") == {"area": "conversation", "target": CHAT}
        assert unread(rig, CHAT) == 0 and unread(rig, CALL) == 1
        await pilot.press("f7")
        await pilot.pause()
        assert rig.last("focus_moved") == {"area": "conversation", "target": CALL}
        assert unread(rig, CALL) == 0
        assert app.main.conversation_id == CALL
        await pilot.press("f6")
        await pilot.pause()
        assert app.main.conversation_id == CHAT


async def test_time_since_the_customer_wrote(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 100)
        assert "chat · <1 min ago" in screen_text(app)  # last message at 88 s
        await at(pilot, 161)
        assert "chat · 1 min ago" in screen_text(app)  # 1:13, to the minute (issue 15)
        await at(pilot, 208)
        assert "chat · 2 min ago" in screen_text(app)  # 2:00 exactly


async def test_typing_shows_while_a_message_is_on_its_way(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 62)
        assert rig.state.conversations[CHAT].is_busy_at(62)
        assert "Anna Peeters is typing…" in screen_text(app)
        await at(pilot, 70)
        text = screen_text(app)
        assert "typing" not in text and "I am locked out" in text


async def test_a_call_streams_at_speaking_pace(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 121)
        await pilot.press("f7")
        message = rig.state.conversations[CALL].messages[0]
        await at(pilot, message.at + message.duration_s / 2)
        index, shown = revealed(rig.state.conversations[CALL], rig.session.now())
        assert index == 0 and 0 < shown < len(message.text)
        assert abs(shown - len(message.text) / 2) <= 1
        text = screen_text(app)
        assert "Marc Dubois is speaking…" in text
        assert message.text[:20] in text and message.text[-15:] not in text
        await at(pilot, message.at + message.duration_s + 0.1)
        assert revealed(rig.state.conversations[CALL], rig.session.now()) is None
        assert "speaking" not in screen_text(app)


async def test_talk_on_a_call_and_hang_up(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 130)
        await pilot.press("f7")
        await pilot.press(*"Which error do you see?", "enter")
        await pilot.pause()
        assert rig.last("message_sent") == {
            "conversation_id": CALL,
            "text": "Which error do you see?",
        }
        assert app.main.conversations.input.value == ""
        await pilot.press("escape")
        await press_alone(pilot, "x")
        assert rig.last("conversation_closed") == {"conversation_id": CALL}
        assert rig.state.conversations[CALL].status == "ended"
        assert app.main.conversations.input.disabled


async def test_canned_reply_is_filled_in_and_logged(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", "f8")
        assert isinstance(app.screen, CannedPicker)
        await pilot.press("enter")
        await pilot.pause()
        value = app.main.conversations.input.value
        assert value.startswith("Good morning, service desk, you're speaking with the service desk")
        await pilot.press("enter")
        await pilot.pause()
        assert rig.last("message_sent") == {
            "conversation_id": CHAT,
            "text": value,
            "canned_id": "greeting",
        }


async def test_escape_in_the_canned_picker_is_logged(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", "f8", "escape")
        await pilot.pause()
        assert rig.last("form_cancelled") == {"form": "canned", "target": CHAT}


async def test_new_messages_in_the_chat_in_view_are_read(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        assert unread(rig, CHAT) == 0
        await at(pilot, 95)  # the second message lands while the candidate is in this chat
        assert unread(rig, CHAT) == 0
        assert [e.data.get("target") for e in rig.logged("focus_moved")] == [CHAT, CHAT]
        await pilot.press("f2")
        await at(pilot, 125)
        assert unread(rig, CALL) == 1  # elsewhere: stays unread


async def test_a_message_refused_keeps_the_draft(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4", *"draft")
        rig.session.submit("conversation_closed", {"conversation_id": CHAT})
        await pilot.press("enter")
        await pilot.pause()
        assert "message_sent" not in [e.type for e in rig.sink.events]


async def test_drafts_are_kept_per_conversation(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 125)
        await pilot.press("f4", *"for anna", "f7", *"for marc", "f6")
        assert app.main.conversations.input.value == "for anna"
        await pilot.press("f7")
        assert app.main.conversations.input.value == "for marc"
        options = app.main.conversations.query_one("#conv-list", OptionList)
        assert options.option_count == 2


async def test_typing_a_reply_does_not_lay_out_the_screen(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key in the reply box used to lay out the whole main screen (issue 15)."""
    layouts: list[str] = []
    real = Screen._refresh_layout

    def counted(self: Screen[object], *args: Any, **kwargs: Any) -> None:
        layouts.append(type(self).__name__)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 65)
        await pilot.press("f4")
        await pilot.pause()
        layouts.clear()
        await pilot.press(*"thanks")
        await pilot.pause()
        assert app.main.conversations.input.value == "thanks"
        assert layouts == []


async def test_a_long_reply_wraps_in_the_box_and_its_end_is_in_view(rig: Rig) -> None:
    """The reply box is multi-line (issue 14): a long reply wraps and can be reread."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 65)
        await pilot.press("f4")
        await pilot.pause()
        box = app.main.conversations.input
        box.value = "word " * 30  # 150 characters, wider than the box
        await pilot.press(*"END")
        await pilot.pause()
        assert box.value.endswith("word END")
        assert box.scroll_x == 0  # wrapped, not scrolled sideways
        assert box.size.height >= 2
        assert "word END" in screen_text(app)


@pytest.mark.parametrize(
    ("language", "one", "more"),
    [
        ("en", "1 open · 1 unread", "2 open · 3 unread"),
        ("nl", "1 open · 1 ongelezen", "2 open · 3 ongelezen"),
        ("fr", "1 ouverte · 1 non lue", "2 ouvertes · 3 non lues"),
    ],
)
async def test_the_conversation_count_has_plural_forms(
    rig: Rig, language: str, one: str, more: str
) -> None:
    """ "1 ouvertes" was the French count's only form (the catalogue had no plurals)."""
    i18n.set_language(language)
    try:
        app = rig.app()
        async with app.run_test(size=SIZE) as pilot:
            await at(pilot, 70)
            assert unread(rig, CHAT) == 1
            assert one in screen_text(app)
            await at(pilot, 125)
            assert more in screen_text(app)
    finally:
        i18n.set_language("en")
