"""What branch qa-play9 found playing a locked-down exam in tmux, each reproduced first."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Rig
from .pilot import at, typed_in_chat


@pytest.mark.parametrize(("no", "yes"), [("enter", "y"), ("N", "Y")])
async def test_enter_twice_does_not_send_a_slash_reply(rig: Rig, no: str, yes: str) -> None:
    """A candidate who had just saved a ticket from a chat typed "/", "shared calendar",
    Enter (the KB search, they thought) and Enter again (to open the first result): the
    focus was back in the reply box, the first Enter asked "Send “/shared calendar” to
    Joanne?", and the second pressed the Yes button the question had focused. The
    customer got "/shared calendar". Enter now answers No: only y (j, o) or a click on
    Yes sends. The question takes capitals too (Caps Lock): N is no, Y is yes."""
    from helpdesk_tui.ui.screens.confirm import ConfirmScreen

    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await typed_in_chat(pilot, 70, "/locked out")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(no)
        await pilot.pause()
        assert rig.logged("message_sent") == []
        reply = app.main.conversations.input
        assert reply.value == "/locked out" and reply.has_focus
        await pilot.press("enter", yes)  # the question again; yes sends
        await pilot.pause()
        assert rig.last("message_sent")["text"] == "/locked out"


async def test_enter_on_a_question_naming_another_customer_keeps_the_text(rig: Rig) -> None:
    from helpdesk_tui.ui.screens.confirm import ConfirmScreen

    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await at(pilot, 130)  # Anna chats, Marc is on the phone
        await pilot.press("f4", *"Marc, your CRM is back", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert rig.logged("message_sent") == []
        assert app.main.conversations.input.value == "Marc, your CRM is back"


async def test_the_newest_message_stays_in_view_when_the_reply_box_grows(rig: Rig) -> None:
    """Dutch exam at 100 x 30: a KB passage put into the reply box (Ctrl+O) made it five
    lines high; the transcript above shrank to two lines and stayed where it was, so
    the reply sent and the customer's answer ("Hallo.") were below its edge while it
    showed a message of three minutes before. A transcript at its end stays there when
    its height changes, and so takes what comes next."""
    from textual.containers import VerticalScroll

    from .conftest import screen_text

    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        await pilot.pause()
        scroller = app.main.conversations.query_one("#conv-scroll", VerticalScroll)
        chat = app.main.conversations.current_id
        for n in range(8):
            rig.session.submit(
                "customer_message", {"conversation_id": chat, "kind": "reply", "text": f"m{n}"}
            )
        app.refresh_now()
        await pilot.pause()
        await pilot.pause()
        assert "m7" in screen_text(app)  # the pane follows the conversation at its end
        lines = [f"step {n}: do this and then that, and tell me what you see" for n in range(6)]
        app.main.conversations.insert_text("\n".join(lines))
        await pilot.pause()
        assert scroller.max_scroll_y > 0  # the transcript no longer fits: it must scroll
        assert scroller.scroll_y >= scroller.max_scroll_y - 1
        rig.session.submit(
            "customer_message",
            {"conversation_id": chat, "kind": "reply", "text": "Newest!"},
        )  # fmt: skip
        app.refresh_now()
        await pilot.pause()
        await pilot.pause()
        assert scroller.scroll_y >= scroller.max_scroll_y - 1
        assert "Newest!" in screen_text(app), (
            scroller.scroll_y,
            scroller.max_scroll_y,
            scroller.size,
        )


async def test_hand_in_with_caps_lock_on(tmp_path: Path) -> None:
    """The guide and docs/exam-mode.md say "F10, Y, then H" in capitals; with Caps Lock
    on (or Shift, as written) the terminal sends "Y" and "H", which the hand-in and the
    yes/no questions did not take: the English exam stayed on "Hand in your exam?"."""
    from helpdesk_tui.eventlog import load_public_key, verify_log
    from helpdesk_tui.ui.screens.handin import HandInScreen
    from tests.runtime.kit import exam_run, make_keys

    key_file = make_keys(tmp_path / "keys")
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=(120, 40)) as pilot:
        app.advance(60)
        await pilot.press("f10", "Y")
        assert isinstance(app.screen, HandInScreen) and app.screen.stage == 2
        await pilot.press("H")
        await pilot.pause()
        assert not isinstance(app.screen, HandInScreen)
    result = verify_log(run.log_path, load_public_key(key_file.with_name("exam-centre.pub")))
    assert result.summary.seal_reason == "handed-in"
