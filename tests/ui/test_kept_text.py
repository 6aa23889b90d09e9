"""KeptText: a text shown again by its key is not rendered again, and looks the same."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from helpdesk_tui.ui.widgets.kept_text import KeptText

LONG = "A ticket's thread, long enough to wrap over several lines of a narrow view. " * 3


class Pair(App[None]):
    CSS = "Static { width: 30; height: auto; }"

    def compose(self) -> ComposeResult:
        yield KeptText("", id="kept")
        yield Static("", id="fresh")


def rendered(widget: Static) -> list[str]:
    return [strip.text for strip in widget.render_lines(widget.size.region)]


async def test_the_same_key_again_reuses_the_rendering_and_matches_a_fresh_one() -> None:
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept, fresh = app.query_one("#kept", KeptText), app.query_one("#fresh", Static)
        a, b = Text(LONG, style="bold"), Text("Another ticket", style="italic")
        assert kept.show("A", a)
        fresh.update(a)
        await pilot.pause()
        first = rendered(kept)
        assert first == rendered(fresh)
        rendering = kept._render_cache
        assert kept.show("B", b)
        await pilot.pause()
        assert rendered(kept)[0].startswith("Another ticket")
        assert kept.show("A", a)
        await pilot.pause()
        assert rendered(kept) == first
        assert kept._render_cache is rendering  # kept, not rendered again


async def test_the_same_key_shown_twice_changes_nothing() -> None:
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept = app.query_one("#kept", KeptText)
        assert kept.show("A", "one")
        await pilot.pause()
        assert not kept.show("A", "two")  # the key says it is the same text
        kept.forget()
        assert kept.show("A", "two")
        await pilot.pause()
        assert rendered(kept)[0].startswith("two")


async def test_the_height_is_kept_per_key_and_width() -> None:
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept = app.query_one("#kept", KeptText)
        kept.show("A", LONG)
        await pilot.pause()
        assert kept.height_at(30) == kept.get_content_height(kept.size, kept.size, 30) > 3
        assert kept.height_at(30) == kept._heights[("A", 30)]
