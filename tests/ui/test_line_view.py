"""The transcript and the ticket's thread as line views (branch mem24): only the lines on
screen are rendered, and what the candidate sees is what a `Static` showed."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from helpdesk_tui.ui.widgets.line_view import (
    BLOCKS_KEPT,
    PAINTED_KEPT,
    PAINTED_LINES_KEPT,
    Blocks,
    LineView,
)
from helpdesk_tui.ui.widgets.ticket_detail import TicketDetail, render_body

from .conftest import Rig, screen_text
from .pilot import at

MARKUP = "[b]bold?[/] [red]x[/] \\[y]"
NO_SPACES = "x" * 150 + "END"


def sample_blocks() -> list[Text]:
    """Texts as the transcript builds them: styled parts, a line too long for the width
    with no space in it, markup characters, a line break inside a block, wide characters,
    an empty block."""
    first = Text()
    first.append("00:01:06 ", style="dim")
    first.append("Anna: ", style="bold cyan")
    first.append("Hi, I am locked out of my account and I cannot read my mail at all.")
    wide = Text("日本語のテキスト " * 8, style="bold green")
    return [first, Text(NO_SPACES), Text(MARKUP), Text("two\nlines", style="dim"), wide, Text()]


class Beside(App[None]):
    """A Static (Textual's own rendering: the reference) and a LineView of the same text."""

    CSS = "Static, LineView { width: 1fr; }"

    def __init__(self, texts: list[Text]) -> None:
        super().__init__()
        self.texts = texts

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(Text("\n").join(self.texts))
            yield LineView(Blocks("k", len(self.texts), self.texts.__getitem__, len(self.texts)))


def segments(widget: Any) -> list[list[Any]]:
    return [list(strip) for strip in widget.render_lines(widget.size.region)]


async def test_a_line_view_paints_what_a_static_paints() -> None:
    for size in ((80, 40), (62, 40), (30, 60)):
        app = Beside(sample_blocks())
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            static, view = app.query_one(Static), app.query_one(LineView)
            assert static.size == view.size and view.size.height > len(app.texts)
            assert segments(view) == segments(static)  # characters, styles, rows (offsets)


async def test_markup_is_shown_as_typed_and_a_long_word_wraps() -> None:
    app = Beside(sample_blocks())
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(LineView)
        lines = [strip.text.rstrip() for strip in view.render_lines(view.size.region)]
        assert MARKUP in lines  # never parsed: "[b]" and "[/]" are on the screen
        width = view.size.width
        cut = [line for line in lines if line and set(line) <= set("xEND")]
        assert "".join(cut) == NO_SPACES and len(cut) == -(-len(NO_SPACES) // width)
        assert all(len(line) == width for line in cut[:-1])


async def chat_of(rig: Rig, pilot: Any, count: int) -> tuple[Any, Any, str]:
    """Anna's chat in view with `count` more messages from her: the pane's scroller, its
    line view and the chat's id."""
    await at(pilot, 70)
    await pilot.press("f4")
    await pilot.pause()
    pane = pilot.app.main.conversations
    chat = pane.current_id
    for n in range(count):
        say(rig, chat, f"message {n} of the customer")
    pilot.app.refresh_now()
    await pilot.pause()
    await pilot.pause()
    return pane.query_one("#conv-scroll"), pane.query_one("#conv-transcript", LineView), chat


def say(rig: Rig, chat: str, text: str) -> None:
    rig.session.submit("customer_message", {"conversation_id": chat, "kind": "reply", "text": text})


async def test_500_messages_show_their_end_scroll_with_keys_and_wheel_and_follow_at_the_end(
    rig: Rig,
) -> None:
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        scroller, view, chat = await chat_of(rig, pilot, 500)
        assert view.blocks.count == 501  # Anna's first message and the 500
        assert "message 499 of the customer" in screen_text(app)
        assert "message 480 of the customer" not in screen_text(app)
        assert scroller.scroll_y == scroller.max_scroll_y > 400
        # the lines of a few blocks are kept, and Textual's painted lines of the view's
        # neighbourhood, not the conversation's 500 lines
        assert len(view._lines) <= BLOCKS_KEPT
        assert len(view._styles_cache._cache) <= (2 * PAINTED_KEPT + 1) * scroller.size.height
        shown = (view.key, view._changed.get(view.key, 0))  # the text as it is now
        painted = [look[:2] for look, _y in view._painted.keys()]  # noqa: SIM118 (an LRUCache)
        mine = [look for look in painted if look[0] == view.key]  # (other texts may stay)
        assert mine and all(look == shown for look in mine)  # none from before a message
        assert len(painted) <= PAINTED_LINES_KEPT
        assert view.render().plain.count("of the customer") == 500
        bottom = scroller.max_scroll_y
        scroller.focus()
        await pilot.press("pageup", "up")
        await pilot.pause()
        assert bottom - scroller.scroll_y > 5 and not scroller.following
        assert "message 499 of the customer" not in screen_text(app)
        shown = screen_text(app)
        await pilot._post_mouse_events([events.MouseScrollUp], widget=scroller, offset=(2, 2))
        await pilot.pause()
        up = scroller.scroll_y
        assert up < bottom - 6 and screen_text(app) != shown
        say(rig, chat, "a new message while scrolled up")
        app.refresh_now()
        await pilot.pause()
        await pilot.pause()
        assert scroller.scroll_y == up  # it stays where the candidate read
        assert "a new message while scrolled up" not in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y and scroller.following
        say(rig, chat, "and one at the end")
        app.refresh_now()
        await pilot.pause()
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y
        assert "and one at the end" in screen_text(app)


async def test_a_long_message_wraps_and_markup_stays_text_in_the_transcript(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(100, 30)) as pilot:
        _scroller, view, chat = await chat_of(rig, pilot, 0)
        say(rig, chat, NO_SPACES)
        say(rig, chat, MARKUP)
        app.refresh_now()
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "[b]bold?[/]" in text and "[red]x[/]" in text  # (wrapped between the two)
        width = view.size.width
        lines = [strip.text for strip in view.render_lines(view.size.region)]
        cut = [line.rstrip() for line in lines if line.startswith("x")]
        assert len(cut) >= 2  # the word goes on on the next line, cut at the width
        assert "".join(cut).endswith("x" * 20 + "END") and all(len(c) <= width for c in cut)


async def test_the_ticket_thread_renders_its_lines_on_screen_only(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await at(pilot, 70)
        await pilot.press("f2")
        await pilot.pause()
        detail = app.main.query_one(TicketDetail)
        ticket_id = detail.ticket_id
        for n in range(120):
            app.main.submit("note_added", {"ticket_id": ticket_id, "text": f"note {n}."})
        await pilot.pause()
        await pilot.pause()
        view = detail.query_one("#ticket-body", LineView)
        ticket = rig.controller.ticket(ticket_id)
        assert ticket is not None and len(ticket.notes) == 120
        assert view.render() == render_body(rig.controller, ticket)
        assert view.size.height > 120  # the whole thread is laid out ...
        assert len(view._lines) <= BLOCKS_KEPT  # ... and only a few blocks were kept
        assert len(view._heights) <= 4  # the heights of two versions, at two widths at most
        assert detail.scroll_y == 0
        detail.scroll_end(animate=False)
        await pilot.pause()
        await pilot.pause()
        assert "note 119." in screen_text(app)  # (35 columns: one line a note)
        assert "note 5." not in screen_text(app)
        assert len(view._lines) <= BLOCKS_KEPT
