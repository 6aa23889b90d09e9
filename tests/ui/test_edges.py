"""Border titles set by `set_edge_title`: shown, and only their border line repainted."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import Static

from helpdesk_tui.ui.edges import set_edge_title


class Boxed(App[None]):
    CSS = "#box { border: round white; height: 8; padding: 0 1; }"

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static("inside")


def lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_title_is_shown_and_repaints_its_border_line_only() -> None:
    app = Boxed()
    async with app.run_test(size=(30, 10)) as pilot:
        box = app.query_one("#box")
        await pilot.pause()
        set_edge_title(box, "Queue · 3")
        assert box.border_title == "Queue · 3"  # what Textual's own descriptor reads
        assert box._dirty_regions == {Region(0, 0, 30, 1)}  # the top border line, no more
        await pilot.pause()
        assert "Queue · 3" in lines(app)[0]
        assert "inside" in lines(app)[1]


async def test_a_subtitle_repaints_the_bottom_line() -> None:
    app = Boxed()
    async with app.run_test(size=(30, 10)) as pilot:
        box = app.query_one("#box")
        await pilot.pause()
        set_edge_title(box, "tickets: 12", bottom=True)
        assert box.border_subtitle == "tickets: 12"
        assert box._dirty_regions == {Region(0, 7, 30, 1)}
        await pilot.pause()
        assert "tickets: 12" in lines(app)[7]


async def test_markup_in_a_title_is_not_read_as_markup() -> None:
    """As with `border_title`: a ticket title with brackets stays as written."""
    app = Boxed()
    async with app.run_test(size=(30, 10)) as pilot:
        box = app.query_one("#box")
        await pilot.pause()
        set_edge_title(box, "T-1 [kb-1] [b]x[/b]")
        await pilot.pause()
        assert "T-1 [kb-1] [b]x[/b]" in lines(app)[0]
