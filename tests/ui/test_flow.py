"""The candidate's flow (issue 14): each finding of the 15-minute playthrough,
reproduced through the keyboard first, then held by these tests."""

from __future__ import annotations

import pytest
from textual import events

from helpdesk_tui.core.state import TicketStatus
from helpdesk_tui.ui.screens.form_base import FormScreen
from helpdesk_tui.ui.typing_guard import WAIT_S
from helpdesk_tui.ui.widgets.choice import ChoiceField

from .conftest import SIZE, Rig
from .pilot import at, choose, form

CHAT = "C-anna-lockout"


def crm_ticket(rig: Rig) -> str:
    """T-1002, linked to the CRM article (as if the candidate had used it)."""
    rig.session.submit(
        "ticket_created", {"ticket_id": "T-1002", "title": "CRM", "customer_id": "marc"}
    )
    rig.session.submit("ticket_linked", {"ticket_id": "T-1002", "kb_article": "kb-crm-down"})
    return "T-1002"


async def test_resolve_prefills_the_tickets_own_article_not_the_one_open(rig: Rig) -> None:
    """Finding 1: `s` took the article open in the KB pane, not the ticket's own."""
    ticket = crm_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"locked", "enter", "enter")  # kb-lockout open in the pane
        await pilot.pause()
        app.main.queue.select(ticket)
        await pilot.press("f2", "s")
        resolve = form(app)
        assert resolve.query_one("#article", ChoiceField).value == "kb-crm-down"
        assert (
            resolve.query_one("#solution").text == "[kb-crm-down] CRM unavailable for a whole team"
        )


async def test_choosing_another_article_updates_the_filled_in_solution(rig: Rig) -> None:
    """Finding 1: choosing another article left the first article's link in the text."""
    ticket = crm_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        app.main.queue.select(ticket)
        await pilot.press("f2", "s")
        resolve = form(app)
        await choose(pilot, "article", "kb-lockout")
        assert resolve.query_one("#solution").text == "[kb-lockout] Account locked out"
        resolve.query_one("#solution").text = "Restarted the CRM service."
        await choose(pilot, "article", "kb-crm-down")
        assert resolve.query_one("#solution").text == "Restarted the CRM service."


async def test_home_moves_the_queue_cursor_to_the_first_ticket(rig: Rig) -> None:
    """Finding 3: F2, Down, Home, Enter opened row 2."""
    crm_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "down")
        second = app.main.queue.selected_id
        await pilot.press("home", "enter")
        first = app.main.queue.get_row_at(0)
        assert app.main.ticket_id != second
        assert app.main.ticket_id == app.main.queue.selected_id
        assert first[0].plain.strip() == app.main.ticket_id
        await pilot.press("f2", "end")
        assert app.main.queue.cursor_row == app.main.queue.row_count - 1


async def test_a_closed_ticket_stays_in_view_until_the_candidate_moves_off(rig: Rig) -> None:
    """Finding 3: closing a ticket made the ticket area show another customer's ticket."""
    crm_ticket(rig)
    rig.session.submit("ticket_resolved", {"ticket_id": "T-1001", "solution": "Switched on"})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        app.main.queue.select("T-1001")
        await pilot.press("f2", "c", "y")
        await pilot.pause()
        assert rig.state.tickets["T-1001"].status == TicketStatus.CLOSED
        assert (app.main.ticket_id, app.main.queue.selected_id) == ("T-1001", "T-1001")
        await pilot.press("up")  # a closed ticket sorts last
        assert app.main.ticket_id == "T-1002"
        assert "T-1001" not in app.main.queue._shown  # the filter drops it once left


async def test_ctrl_f_finds_tickets_by_id_title_or_customer(rig: Rig) -> None:
    crm_ticket(rig)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"marc")
        assert app.main.queue.row_count == 1 and app.main.queue.selected_id == "T-1002"
        assert "search “marc”" in app.main.query_one("#queue-area").border_title
        await pilot.press("enter")
        assert app.main.queue.has_focus and app.main.queue.row_count == 1
        await pilot.press("ctrl+f", "escape")
        assert app.main.queue.row_count == 2 and app.main.queue.has_focus
        await pilot.press("ctrl+f", *"PRINTER", "down")
        assert app.main.queue.selected_id == "T-1001" and app.main.queue.has_focus
        assert rig.logged("kb_searched") == []  # not the KB search


async def test_mine_and_updated_filters(rig: Rig) -> None:
    crm_ticket(rig)  # the candidate made T-1002; T-1001 came with the queue
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        app.main.queue.select("T-1001")
        await pilot.press("f2", "m")
        assert list(app.main.queue._shown) == ["T-1002"]
        assert app.main.ticket_id == "T-1002"
        assert "showing mine" in app.main.query_one("#queue-area").border_title
        await pilot.press("m")  # back to the filter before
        assert app.main.queue.row_count == 2
        await at(pilot, WAIT_S)  # "m" then "v" at once is a word typed (typing_guard)
        await pilot.press("v")
        assert "showing updated" in app.main.query_one("#queue-area").border_title
        await at(pilot, 4 * 60 + 1)  # the e-mail arrives
        email = rig.last("email_received")["ticket_id"]
        rows = [
            app.main.queue.get_row_at(i)[0].plain.strip() for i in range(app.main.queue.row_count)
        ]
        assert email in rows


async def test_an_email_and_a_second_line_reply_are_marked_noticed_and_logged(rig: Rig) -> None:
    """Finding 2: a second-line reply and a new e-mail arrived with no sign at all."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 4 * 60 + 1)
        email = rig.last("email_received")["ticket_id"]
        row = app.main.queue.get_row(email)
        title = next(cell for cell in row if "Mailbox full" in cell.plain)
        assert title.plain.strip().startswith("●") and "bold" in str(title.style)
        shown = rig.last("notice_shown")
        assert shown["ticket_id"] == email and shown["msgid"].startswith("New e-mail")
        assert rig.logged()[shown["ref_seq"] - 1].type == "email_received"
        assert any("New e-mail" in str(n.message) for n in app._notifications)
        app.main.queue.select(email)
        await pilot.press("f3")
        await pilot.pause()
        assert rig.state.tickets[email].unseen == 0
        title = next(c for c in app.main.queue.get_row(email) if "Mailbox full" in c.plain)
        assert not title.plain.strip().startswith("●")


async def test_a_second_line_reply_marks_the_transferred_ticket(rig: Rig) -> None:
    rig.session.submit(
        "ticket_transferred", {"ticket_id": "T-1001", "group": "apps", "reason": "Printer driver"}
    )
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        rig.session._record(
            "second_line_reply",
            {"ticket_id": "T-1001", "group": "apps", "text": "Driver fixed"},
            None,
        )
        await pilot.pause()
        app.main.redraw()
        await pilot.pause()
        assert rig.state.tickets["T-1001"].unseen == 1
        shown = rig.last("notice_shown")
        assert (shown["msgid"], shown["values"]) == (
            "{group} replied on {ticket}",
            {"group": "Application support", "ticket": "T-1001"},
        )
        title = next(c for c in app.main.queue.get_row("T-1001") if "Printer" in c.plain)
        assert title.plain.strip().startswith("●")


async def test_below_80_by_24_a_notice_asks_to_enlarge_and_nothing_stops(rig: Rig) -> None:
    """Finding 11: at 50 x 15 there was no 'terminal too small' notice."""
    app = rig.app()
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        notice = app.main.query_one("#too-small")
        assert notice.display and "too small (50 x 15)" in str(notice.render())
        await pilot.press("f4", *"Hi")  # typed under the notice: nothing (bugs24)
        await at(pilot, 70)
        assert not rig.state.paused and rig.logged("chat_opened")  # the exam went on
        assert not rig.logged("focus_moved")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not notice.display
        assert app.main.query_one("#queue").region.height > 5


async def test_the_footer_takes_a_second_line_and_points_to_f1(rig: Rig) -> None:
    """Finding 11: at 100 x 30 the footer stopped after 'e Edit'; finding 14: 'F2 F3 F4
    F5 Areas' read as keys without labels."""
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bar = app.main.query_one("#keys")
        lines = [line.plain for line in bar._lines]
        assert len(lines) == 2 and bar.region.height == 2
        text = "\n".join(lines)
        for label in ("Take", "Reply", "Transfer", "Solve", " F3 Ticket", " F5 KB"):
            assert label in text
        shown = [
            b.binding.description for b in app.screen.active_bindings.values() if b.binding.show
        ]
        missing = [d for d in shown if d not in text]
        assert not missing or lines[-1].rstrip().endswith("F1 more keys")  # all reachable
        assert all(len(line.rstrip()) <= 100 for line in lines)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        lines = [line.plain for line in bar._lines]
        assert len(lines) == 2 and lines[-1].rstrip().endswith("F1 more keys")
        assert all(len(line.rstrip()) <= 80 for line in lines)
        await pilot.click("#keys", offset=(len(lines[-1].rstrip()) - 3, 1))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def fast(pilot, *names: str) -> None:  # type: ignore[no-untyped-def]
    """Keys sent back to back, as a fast typist's terminal delivers them: nothing
    waits for the app between two keys (pilot.press waits until it is idle)."""
    app = pilot.app
    for name in names:
        app._driver.send_message(events.Key(name, name if len(name) == 1 else None))
    await pilot.pause()
    await pilot.pause()


async def test_keys_typed_while_the_ticket_form_opens_go_into_the_form(rig: Rig) -> None:
    """Finding 4: keys typed right after Ctrl+N went to the chat box behind the form."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        await fast(pilot, "ctrl+n", *"Locked out")
        ticket_form = form(app)
        assert ticket_form.query_one("#title").value.endswith("Locked out")
        assert app.main.conversations.input.value == ""


async def test_keys_typed_while_the_exam_starts_wait_for_the_main_screen(rig: Rig) -> None:
    """Issue 11: keys typed before the main screen had its focus were lost (or went into
    the queue's hidden search box): they wait for it, and "/" still leads to the KB."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        for name in ("slash", *"printer"):  # before the app has handled anything
            app._driver.send_message(events.Key(name, "/" if name == "slash" else name))
        await pilot.pause()
        await pilot.pause()
        assert app.main.kb.query_input.value == "printer"
        assert app.focused is app.main.kb.query_input
        assert app.main.query_one("#queue-search").value == ""


async def test_the_first_focus_is_the_queue_not_its_hidden_search_box(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.main.queue


@pytest.mark.parametrize(("key", "area"), [("f5", "kb"), ("4", "kb"), ("f4", "conversation")])
async def test_keys_typed_right_after_a_key_that_moves_the_focus_follow_it(
    rig: Rig, key: str, area: str
) -> None:
    """F5 then "printer" at once lost the "p" (a key to the queue: a macro) or all of it."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await fast(pilot, key, *"printer")
        box = app.main.kb.query_input if area == "kb" else app.main.conversations.input
        assert box.value == "printer"
        assert not isinstance(app.screen, FormScreen)


@pytest.mark.parametrize(
    ("key", "field"),
    [("e", "#title"), ("n", "#title"), ("r", "#text"), ("i", "#text"), ("s", "#solution")],
)
async def test_keys_typed_while_any_form_opens_are_kept_in_order(
    rig: Rig, key: str, field: str
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await fast(pilot, key, *"abc")
        widget = form(app).query_one(field)
        value = widget.value if hasattr(widget, "value") else widget.text
        assert value.endswith("abc"), value


async def test_an_answer_typed_while_the_close_question_opens_answers_it(rig: Rig) -> None:
    """`c` then `n` at once: the `n` must answer the question, not open a new ticket."""
    rig.session.submit("ticket_updated", {"ticket_id": "T-1001", "changes": {"category": "access"}})
    rig.session.submit("ticket_resolved", {"ticket_id": "T-1001", "solution": "Switched on"})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await fast(pilot, "c", "n")
        await pilot.pause()
        assert app.screen is app.main
        assert rig.state.tickets["T-1001"].status == TicketStatus.RESOLVED
        assert rig.last("form_cancelled") == {"form": "close", "target": "T-1001"}


async def test_a_macro_replies_and_sets_the_status_in_one_step(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "p")
        await pilot.press("enter")  # the scenario's one macro
        reply = form(app)
        assert reply.query_one("#text").text.startswith("Since when does it happen?")
        assert "awaiting" in str(reply.query_one("#macro-status").render())
        assert "Anna Peeters" in reply.title_text  # whose ticket the reply goes to
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_reply_added") == {
            "ticket_id": "T-1001",
            "text": "Since when does it happen? Your ticket waits for your answer.",
            "macro_id": "ask-details",
        }
        assert rig.last("ticket_pending") == {"ticket_id": "T-1001", "waiting_on": "customer"}
        ticket = rig.state.tickets["T-1001"]
        assert ticket.status == TicketStatus.PENDING_CUSTOMER and ticket.is_paused_at(rig.state.now)


async def test_a_macro_is_offered_by_mouse_too_and_escape_logs_the_cancel(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        bar = app.main.query_one("#keys")
        line, start, _end, _key = next(h for h in bar._hits if h[3] == "p")
        await pilot.click("#keys", offset=(start + 1, line))
        await pilot.pause()
        assert type(app.screen).__name__ == "CannedPicker"
        await pilot.press("escape")
        await pilot.pause()
        assert rig.last("form_cancelled") == {"form": "macro", "target": "T-1001"}


async def test_notices_wait_while_a_form_is_open_and_never_cover_it(rig: Rig) -> None:
    """Finding 13: practice toasts (15-20 s) covered the form's Save button."""
    app = rig.app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f2", "r")
        await at(pilot, 61)  # a chat opens behind the form
        assert rig.logged("chat_opened") and not rig.logged("notice_shown")
        app.notify("Hint: a long practice hint", timeout=20)
        await pilot.pause()
        save = form(app).query_one("#form-save").region
        shown = [t for t in app.screen.query("Toast") if t.region.area]
        assert not [t for t in shown if t.region.overlaps(save)]
        await pilot.press("escape")
        await pilot.pause()
        assert rig.last("notice_shown")["values"] == {"name": "Anna Peeters"}
        await pilot.pause()
        toasts = app.main.query("Toast")
        assert toasts and all(t.region.x >= SIZE[0] * 2 // 3 - 1 for t in toasts)


async def test_a_form_key_that_opens_nothing_does_not_hold_the_keys_after_it(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys after a form key wait for its form; when the action opens nothing (refused),
    they go on at once, not after the safety net's seconds (no clock is advanced here)."""
    from helpdesk_tui.ui.screens.main import MainScreen

    monkeypatch.setattr(MainScreen, "action_edit_ticket", lambda self: None)
    monkeypatch.setattr("helpdesk_tui.ui.app.HOLD_KEYS_S", 3600.0)  # only the hook can free them
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await fast(pilot, "e", "f5")
        assert app.screen is app.main
        assert app.main.kb.has_focus_within


@pytest.mark.parametrize(
    ("key", "field"),
    [("e", "title"), ("n", "title"), ("r", "text"), ("i", "text"), ("s", "solution")],
)
async def test_a_form_has_no_focus_until_its_own_field_has_it(
    rig: Rig, key: str, field: str
) -> None:
    """Keys that arrive while a form opens wait until the form has its focus, and then go
    to the focused widget. Textual's auto-focus gave the focus to the form's scrolling
    frame first (its first focusable widget), before the form's `on_mount` focused the
    field: keys arriving just then went to the frame and were lost ("r" and then
    "Bonjour Madame" in tmux: an empty reply, about one time in three)."""
    app = rig.app()
    seen: list[object] = []

    def hook(message: object) -> None:
        screen = app.screen_stack[-1] if app.screen_stack else None
        if isinstance(screen, FormScreen) and screen.focused is not None and not seen:
            seen.append(screen.focused)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert [getattr(w, "id", None) for w in seen] == [field]
