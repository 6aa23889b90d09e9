"""KB search as you type, the logged query, the article view and one-key inserts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.screen import Screen

from helpdesk_tui.scenario.model import KbArticle
from helpdesk_tui.ui.screens.ticket_actions import TextForm
from helpdesk_tui.ui.widgets import kb as kb_module
from helpdesk_tui.ui.widgets.bounded import LIMITS

from .conftest import SIZE, Rig, screen_text
from .pilot import at, form, until

CHAT = "C-anna-lockout"


async def results_follow(pilot: Any) -> None:
    """Wait for the debounced search worker to show the results of the query typed."""
    await until(pilot, lambda: not pilot.app.main.kb.searching)


async def test_search_as_you_type_ranks_and_highlights(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"crm outa")
        panel = app.main.kb
        await results_follow(pilot)
        assert panel._results[0] == "kb-crm-down"
        prompt = panel.results.get_option_at_index(0).prompt
        marked = {prompt.plain[s.start : s.end] for s in prompt.spans if "reverse" in str(s.style)}
        assert "CRM" in marked
        assert rig.logged("kb_searched") == []  # nothing logged per keystroke


async def test_enter_logs_the_query_once_and_opening_logs_the_article(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"locked", "enter")
        await pilot.pause()
        assert rig.last("kb_searched") == {"query": "locked", "results": ["kb-lockout"]}
        await pilot.press("enter")
        await pilot.pause()
        assert rig.last("kb_article_opened") == {"article_id": "kb-lockout"}
        assert len(rig.logged("kb_searched")) == 1
        assert app.main.kb.article_open
        assert "After five wrong passwords" in screen_text(app)
        assert rig.state.kb_lookups[-1].article_id == "kb-lockout"
        await pilot.press("escape")
        assert not app.main.kb.article_open


async def test_a_pause_in_typing_logs_the_query(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kb_module, "SETTLE_S", 0.3)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"crm")
        for _ in range(40):
            await pilot.pause(0.05)
            if rig.logged("kb_searched"):
                break
        assert [e.data["query"] for e in rig.logged("kb_searched")] == ["crm"]


async def test_passages_move_and_insert_into_the_chat(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f5", *"locked", "enter", "enter")
        await pilot.pause()
        panel = app.main.kb
        assert panel.passage.startswith("After five wrong passwords")
        await pilot.press("right_square_bracket")
        assert panel.passage.startswith("Unlock the account")
        await pilot.press("ctrl+l")
        await pilot.pause()
        reply = app.main.conversations.input
        assert reply.has_focus and reply.value == "[kb-lockout] Account locked out"
        assert rig.logged("ticket_linked") == []  # this chat has no ticket yet
        await pilot.press("ctrl+o")
        assert reply.value.endswith("update the password on their phone's mail app.")


async def test_inserting_links_the_article_to_the_chats_ticket(rig: Rig) -> None:
    rig.clock.advance(70)
    rig.controller.tick()
    rig.session.submit(
        "ticket_created",
        {"ticket_id": "T-1002", "title": "Locked", "customer_id": "anna", "conversation_id": CHAT},
    )
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        app.main.queue.select("T-1001")  # another ticket selected in the queue
        await pilot.press("f5", *"locked", "enter", "enter", "ctrl+l")
        await pilot.pause()
        assert rig.last("ticket_linked") == {"ticket_id": "T-1002", "kb_article": "kb-lockout"}
        await pilot.press("f5", "ctrl+l")
        await pilot.pause()
        assert len(rig.logged("ticket_linked")) == 1  # linked once


async def test_with_no_chat_the_link_goes_into_a_ticket_reply(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"locked", "enter", "enter", "ctrl+l")
        await pilot.pause()
        reply = form(app)
        assert isinstance(reply, TextForm)
        assert reply.query_one("#text").text == "[kb-lockout] Account locked out"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_reply_added")["text"] == "[kb-lockout] Account locked out"
        assert rig.last("ticket_linked") == {"ticket_id": "T-1001", "kb_article": "kb-lockout"}


async def test_resolve_form_offers_the_open_article(rig: Rig) -> None:
    rig.session.submit("ticket_updated", {"ticket_id": "T-1001", "changes": {"category": "access"}})
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"locked", "enter", "enter", "f2", "s")
        resolve = form(app)
        assert resolve.query_one("#solution").text == "[kb-lockout] Account locked out"
        await pilot.press("ctrl+o")
        assert "After five wrong passwords" in resolve.query_one("#solution").text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rig.last("ticket_resolved")["kb_article"] == "kb-lockout"


async def test_search_waits_for_a_pause_and_a_newer_query_overtakes(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing does not rank per key: one ranking for the query typed in a burst."""
    ranked: list[str] = []
    searcher = app_searcher = rig.controller.search

    def counting(query: str, limit: int = 20) -> Any:
        ranked.append(query)
        return searcher(query, limit)

    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        panel = app.main.kb
        panel._searcher = counting
        await pilot.press("f5", *"crm outage")
        await results_follow(pilot)
        assert ranked[-1] == "crm outage"
        assert len(ranked) < len("crm outage")  # not one ranking per key
        assert panel._results[0] == "kb-crm-down"
    assert app_searcher is searcher


async def test_the_query_is_bounded_and_a_huge_paste_is_cut(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        query = app.main.kb.query_input
        query.post_message(events.Paste("crm " * 250_000))  # a 1 MB paste
        await pilot.pause()
        await results_follow(pilot)
        assert len(query.value) == LIMITS["search"]
        assert query.border_subtitle == f"{LIMITS['search']}/{LIMITS['search']}"


async def test_down_from_the_search_box_goes_into_the_results(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"lock")
        await pilot.press("down")
        panel = app.main.kb
        assert panel.results.has_focus
        assert panel.results.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert rig.last("kb_article_opened") == {"article_id": "kb-lockout"}


STEPS = KbArticle(
    id="kb-steps",
    title="Steps",
    tags=("steps",),
    language="en",
    body="# Steps\n\n"
    + "\n\n".join(f"Filler paragraph {n} that only takes room." for n in range(30))
    + "\n\n1. Open **Settings**\n1. Choose [Accounts](https://x.example)\n1. Sign in again\n",
    path=Path("kb-steps.md"),
)


async def test_ctrl_o_inserts_the_passage_in_view_with_its_numbers(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        panel = app.main.kb
        await panel.open_article(STEPS)
        await pilot.pause()
        assert panel.passage_index == 0  # the first paragraph is marked...
        panel.query_one("#kb-article-scroll").scroll_end(animate=False)
        await pilot.pause()
        await pilot.press("ctrl+o")  # ...but the list is what is in view
        await pilot.pause()
        reply = app.main.conversations.input
        assert reply.value.endswith("1. Open Settings\n2. Choose Accounts\n3. Sign in again")
        scroller = panel.query_one("#kb-article-scroll")
        scroller.scroll_to_widget(panel.passages[10], top=True, animate=False)
        await pilot.pause()
        assert panel.passage == "Filler paragraph 10 that only takes room."


async def test_new_results_replace_the_old_without_emptying_the_list_between(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Emptied between two result lists, the list dropped its scrollbar and took it back:
    two screen layouts per key typed (bench_sitting's profile). The new results still show."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", *"crm outa")
        await results_follow(pilot)
        results = app.main.kb.results
        sizes: list[int] = []
        scroll_update = results._scroll_update

        def spy(virtual_size: Any) -> None:
            sizes.append(virtual_size.height)
            scroll_update(virtual_size)

        monkeypatch.setattr(results, "_scroll_update", spy)
        app.main.kb.query_input.value = "locked"  # as a paste over the query would
        await results_follow(pilot)
        assert app.main.kb._results[0] == "kb-lockout"
        assert results.get_option_at_index(0).id == "kb-lockout"
        assert results.highlighted == 0
        assert 0 not in sizes  # never an empty list on the way


async def test_a_result_list_of_another_length_does_not_lay_out_the_screen(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's option list laid out the whole exam screen whenever the number of its
    lines changed: the first results after F5 nearly always did, and that layout met the
    candidate's next letter on a busy sitting server (issue 15, bench_sitting's slow first
    keys of KB searches). The list's height is the area's; only its scrollbar showing or
    hiding needs a layout."""
    layouts: list[str] = []
    real = Screen._refresh_layout

    def counted(self: Screen[object], *args: Any, **kwargs: Any) -> None:
        layouts.append(type(self).__name__)
        return real(self, *args, **kwargs)

    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        results = app.main.kb.results
        assert results.option_count == 2  # the empty query lists the mini KB's two articles
        assert not results.show_vertical_scrollbar
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press(*"lockout")
        await results_follow(pilot)
        await pilot.pause()
        assert [results.get_option_at_index(i).id for i in range(results.option_count)] == [
            "kb-lockout"
        ]
        assert results.virtual_size.height == 2  # one result of two lines, not four
        assert layouts == []
        screen = screen_text(app)
        assert "Lockout" in screen or "lockout" in screen  # and it shows


async def test_the_keys_check_reads_the_article_view_without_walking_the_panel(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check_action` runs each time the shown keys are worked out; with an article of
    many blocks open, a query through the panel walked every block (suite-time16).
    What it answers is the view's: hidden before any article, shown, hidden by Escape."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        panel = app.main.kb
        walks: list[str] = []
        own_query = type(panel).query

        def query(self: Any, selector: Any = None) -> Any:
            walks.append(str(selector))
            return own_query(self, selector)

        monkeypatch.setattr(type(panel), "query", query)
        answers = [panel.check_action("back", ()), panel.article_open]
        await pilot.press("f4")
        await panel.open_article(STEPS)
        await pilot.pause()
        walks.clear()
        answers += [panel.check_action("back", ()), panel.check_action("passage", ())]
        answers.append(panel.check_action("results", ()))
        assert walks == []
        await pilot.press("escape")
        await pilot.pause()
        answers += [panel.check_action("back", ()), panel.article_open]
        assert answers == [False, False, True, True, False, False, False]
        await panel.open_article(STEPS)  # made once: the same view shown again
        assert panel.article_open and len(panel.query("#kb-article")) == 1
