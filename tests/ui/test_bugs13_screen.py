"""What a Dutch sitting of nl-lindeveld-examen showed in tmux (branch bugs13), each
reproduced before its fix.

Expected texts come from the scenario (the ticket's e-mail) and the catalogue, never
from what the new code renders.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from helpdesk_tui.paths import scenarios_dir
from helpdesk_tui.scenario.loader import load_scenario

from .conftest import make_rig
from .review.logs import screen_text


@pytest.fixture(scope="module")
def lindeveld() -> Any:
    return load_scenario(scenarios_dir() / "nl-lindeveld-examen")


def longest_run(screen: str, text: str) -> int:
    """The most characters of `text`'s words that one screen line shows in a row."""
    words = text.split()
    best = 0
    for line in screen.splitlines():
        plain = " ".join(re.sub(r"[│╭╮╰╯─▇▆▅▄▃▂▁ ]+", " ", line).split())
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                run = " ".join(words[i:j])
                if len(run) > best and run in plain:
                    best = len(run)
                    break
    return best


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_the_ticket_area_is_wide_enough_to_read_an_email(lindeveld: Any, size: Any) -> None:
    """At 120 columns the ticket area was 38 wide (the lead, 2026-12-04) and at 100 it is
    34: Bert's e-mail read in lines of 30 characters, several screens of it. With the
    ticket area in focus (F3) a line of his e-mail holds 50 characters or more; back in
    the queue (F2) the queue has its width again."""
    rig = make_rig(lindeveld)
    first = min(rig.state.tickets)
    email = rig.state.tickets[first].description
    app = rig.app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f3", "pagedown")  # the thread is under the ticket's fields
        await pilot.pause()
        assert longest_run(screen_text(app), email) >= 50
        ticket = app.screen.query_one("#ticket-area").region.width
        queue = app.screen.query_one("#queue-area").region.width
        assert ticket > queue
        # the bottom row keeps its split: the conversations stay as wide as they were
        conversations = app.screen.query_one("#conversation-area").region.width
        assert conversations > size[0] // 2
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#queue-area").region.width > size[0] // 2


async def test_a_terminal_made_too_small_is_logged_and_in_the_session_part(
    lindeveld: Any,
) -> None:
    """bugs12: "a terminal made smaller than 80 x 24 during the exam pauses nothing and is
    not logged, so the Session part cannot show it". Made 60 x 20 for 90 s of exam time
    and back: two records, and the Session part's line in Dutch, as the catalogue words
    it, with the size and the exam times."""
    from helpdesk_tui.assess.course import course_lines, session_course
    from helpdesk_tui.assess.texts import clock, duration, tr

    rig = make_rig(lindeveld)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert rig.logged("lockdown_key_blocked") == []  # a large terminal: nothing
        app.advance(30)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.main.query_one("#too-small").display
        app.advance(90)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(110, 35)  # still large enough: nothing more
        await pilot.pause()
    keys = [(e.exam_time, e.data["key"]) for e in rig.logged("lockdown_key_blocked")]
    assert [k for _, k in keys] == [
        "terminal too small: 60 x 20",
        "terminal large enough: 100 x 30",
    ]
    start, end = keys[0][0], keys[1][0]
    assert end - start == 90
    lines = [text for text, _ in course_lines(session_course(rig.state), "nl")]
    expected = tr("nl", "session.too_small", size="60 x 20", at=clock(start), length=duration(90.0))
    assert lines == [expected]
    assert "geblokkeerde" not in " ".join(lines)  # not counted as a blocked key


async def test_an_ended_call_says_ended_not_to_whom_a_reply_goes(lindeveld: Any) -> None:
    """Kevin's call (nl-lindeveld-examen) ended unanswered; its reply box said "De oproep is
    beëindigd." but the line above it still said "Aan Kevin Janssens · nog geen ticket", as
    if the box wrote to him. An ended conversation's line says it ended (the list's word)."""
    from helpdesk_tui import i18n

    rig = make_rig(lindeveld)
    app = rig.app()
    i18n.set_language("nl")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(9):  # a minute at a time: the customers' timetable
                app.advance(60)
                await pilot.pause()
            ended = [c for c in rig.state.conversations.values() if not c.is_live]
            assert ended, "no conversation ended in nine minutes"
            conv = ended[0]
            pane = app.main.conversations
            pane.show(rig.controller, conv.id, rig.controller.now())
            app.main.redraw(force=True)
            await pilot.pause()
            line = str(pane.query_one("#conv-to").render())
            name = rig.controller.customer_name(conv.customer_id)
            assert name in line
            assert not line.startswith(i18n._("To")), line
            assert i18n._("ended") in line
    finally:
        i18n.set_language("en")


async def test_hand_in_names_the_customers_still_waiting(tmp_path: Any) -> None:
    """The Dutch sitting handed in with three chats open and their messages unread; the
    question said only "Nog niet opgeloste tickets: 2". It names the open chats and calls
    and the unread messages too, counted from the state."""
    from helpdesk_tui.i18n import _
    from helpdesk_tui.ui.screens.handin import HandInScreen
    from tests.runtime.kit import exam_run, make_keys

    run = exam_run(tmp_path, make_keys(tmp_path / "keys"))
    app = run.app
    async with app.run_test(size=(100, 30)) as pilot:
        app.advance(120)
        await pilot.pause()
        state = run.session.state
        live = sum(1 for c in state.conversations.values() if c.is_live)
        unread = sum(c.unread() for c in state.conversations.values())
        assert live and unread  # so this test can fail
        await pilot.press("f10")
        assert isinstance(app.screen, HandInScreen)
        text = str(app.screen.query_one("#hand-in-text").render())
        said = _(
            "Chats and calls still open: {open}. Customer messages not yet read: {unread}."
        ).format(open=live, unread=unread)
        assert said in text
        await pilot.press("escape")


async def test_the_review_header_names_the_candidate_at_100_columns(tmp_path: Any) -> None:
    """The French review at 100 columns showed "Évaluation · évaluateur marie · candidat"
    and nothing after: the candidate's id was cut by the clock beside it. The candidate
    comes first: an assessor knows who they are, not always whose log is open."""
    from helpdesk_tui import i18n
    from helpdesk_tui.ui.review.app import ReviewApp
    from helpdesk_tui.ui.review.session import open_review

    from .review.logs import simulated_events, write_log

    log = write_log(tmp_path / "exam.jsonl", simulated_events("idle"))
    i18n.set_language("fr")
    try:
        app = ReviewApp(open_review(log, "Marie-Claire Vandenberghe"))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert i18n._("candidate {id}").format(id="C-0042") in lines[0], lines[0]
            # the Session line's label as French writes a label: "Session\u00a0: " (it was
            # "Session: "); the label form is the catalogue's
            from helpdesk_tui.assess.texts import tr

            label = i18n._("{label}: ").format(label=tr("fr", "section.session"))
            assert lines[1].strip().startswith(label.strip()), lines[1]
    finally:
        i18n.set_language("en")


async def test_after_a_resume_the_conversation_in_view_is_the_one_worked_in(
    lindeveld: Any,
) -> None:
    """Killed while writing to Sarah, the resumed exam showed Hilde's conversation (the
    first of the list): the next message would have gone to another customer. A new app
    on the same session (as `resume` builds one on the replayed state) shows the
    conversation the candidate last wrote in."""
    rig = make_rig(lindeveld)
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(6):
            app.advance(60)
            await pilot.pause()
        live = [c.id for c in rig.state.conversations.values() if c.is_live]
        assert len(live) >= 2, live
        await pilot.press("f4", "f7")
        await pilot.pause()
        worked_in = app.main.conversation_id
        assert worked_in != next(iter(rig.state.conversations))  # not the first of the list
        await pilot.press(*"Dag, ik kijk het na.", "enter")
        await pilot.pause()
        assert rig.state.conversations[worked_in].messages[-1].author == "candidate"
    again = rig.app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.main.conversation_id == worked_in
