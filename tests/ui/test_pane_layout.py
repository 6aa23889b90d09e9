"""The reply box growing a line lays out its column, not the whole screen (`pane_layout`),
and the screen shows what Textual's whole layout would have made of it."""

from __future__ import annotations

from typing import Any

import pyte
import pytest
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from helpdesk_tui.ui.frames import Paced

from .conftest import SIZE, Rig
from .pilot import at

WIDE = "word " * 30
"""More than the reply box's width at 120 columns (its column is 54 wide, less its border)."""


class Terminal:
    """What the terminal shows: every frame the app sends, fed to an emulator."""

    def __init__(self, app: Any) -> None:
        self.screen = pyte.Screen(*SIZE)
        self.stream = pyte.Stream(self.screen)
        self._app = app
        self._display = app._display
        app._display = self.display

    def display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None and hasattr(renderable, "render_segments"):
            self.stream.feed(renderable.render_segments(self._app.console))
        self._display(screen, renderable)

    @staticmethod
    def cells(screen: pyte.Screen) -> list[list[tuple[object, ...]]]:
        return [
            [(c.data, c.fg, c.bg, c.bold, c.italics, c.reverse) for c in screen.buffer[y].values()]
            for y in range(SIZE[1])
        ]

    def shows_what_textual_would(self, app: Any) -> bool:
        """The emulator's cells equal those of a whole frame from a fresh compositor, laid
        out by Textual's own reflow of the whole screen."""
        fresh = Compositor()
        fresh.reflow(app.screen, app.screen.outer_size)
        whole = pyte.Screen(*SIZE)
        pyte.Stream(whole).feed(fresh.render_update(full=True).render_segments(app.console))
        differ = [
            y
            for y, (a, b) in enumerate(zip(self.cells(whole), self.cells(self.screen), strict=True))
            if a != b
        ]
        for y in differ:  # shown by pytest when the test fails
            print("Textual's:", whole.display[y])
            print("shown:    ", self.screen.display[y])
        return not differ


def same_map_as_textuals(app: Any) -> bool:
    """The compositor's map is the one Textual's whole arrangement makes now."""
    compositor = app.screen._compositor
    ours = compositor._visible_map if compositor._visible_map is not None else compositor._full_map
    fresh, _widgets = Compositor()._arrange_root(
        app.screen, app.screen.outer_size, visible_only=False
    )
    return {w: g for w, g in ours.items() if w in fresh} == fresh


@pytest.fixture
def arranged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The roots `_arrange_root` is asked to arrange, by id or class name."""
    roots: list[str] = []
    arrange = Compositor._arrange_root

    def counted(self: Compositor, root: Any, size: Any, visible_only: bool = True) -> Any:
        roots.append(root.id or type(root).__name__)
        return arrange(self, root, size, visible_only)

    monkeypatch.setattr(Compositor, "_arrange_root", counted)
    return roots


async def in_the_reply_box(pilot: Any, arranged: list[str] | None = None) -> Any:
    """The exam at 70 s (a chat open), the keys in its reply box, the arrangements made so
    far forgotten; the box."""
    await at(pilot, 70)
    await pilot.press("f4")
    await pilot.pause()
    if arranged is not None:
        arranged.clear()
    return pilot.app.main.conversations.input


async def test_a_reply_growing_a_line_lays_out_only_its_column(
    rig: Rig, arranged: list[str]
) -> None:
    app = rig.app()
    terminal = Terminal(app)
    async with app.run_test(size=SIZE) as pilot:
        box = await in_the_reply_box(pilot)
        heights = []
        for word in WIDE.split(" ")[:-1]:
            arranged.clear()
            before = box.outer_size.height
            await pilot.press(*word, "space")
            await pilot.pause()
            if box.outer_size.height != before:
                heights.append(box.outer_size.height)
                assert arranged == ["conv-main"], arranged  # not "MainScreen"
                assert same_map_as_textuals(app)
                assert terminal.shows_what_textual_would(app)
        assert len(heights) >= 2 and heights == list(range(4, 4 + len(heights)))  # a row a line


async def test_new_lines_grow_the_box_to_seven_then_it_scrolls_and_all_stays_readable(
    rig: Rig, arranged: list[str]
) -> None:
    """Shift+Enter / Ctrl+J lines: the box grows to its seven rows (five lines inside its
    border), then scrolls, the line being typed in view; the text reads back from the top."""
    app = rig.app()
    terminal = Terminal(app)
    async with app.run_test(size=SIZE) as pilot:
        box = await in_the_reply_box(pilot, arranged)
        for n in range(1, 10):
            await pilot.press(*f"line{n}", "ctrl+j")
        await pilot.press(*"last")
        await pilot.pause()
        assert "MainScreen" not in arranged
        assert box.outer_size.height == 7
        assert box.show_vertical_scrollbar
        assert box.scroll_y == box.max_scroll_y > 0
        rows = "\n".join(line.rstrip() for line in terminal.screen.display)
        assert "last" in rows and "line1" not in rows
        assert same_map_as_textuals(app) and terminal.shows_what_textual_would(app)
        await pilot.press(*["up"] * 9)  # back to the first line, to read it again
        await pilot.pause()
        rows = "\n".join(line.rstrip() for line in terminal.screen.display)
        assert box.scroll_y == 0 and "line1" in rows and "last" not in rows
        assert box.value.startswith("line1\nline2") and box.value.endswith("line9\nlast")


async def test_growing_a_line_shows_no_scroll_bar_in_between(rig: Rig) -> None:
    """Textual judged the scroll bar against the box's height before the layout: the
    bar came and went again, a second layout. While the text fits seven rows, none."""
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        box = await in_the_reply_box(pilot)
        seen: list[bool] = []
        refresh = type(box)._refresh_scrollbars

        def watched() -> None:
            refresh(box)
            seen.append(box.show_vertical_scrollbar)

        box._refresh_scrollbars = watched  # type: ignore[method-assign]
        await pilot.press(*WIDE[:120], "ctrl+j", "x", "ctrl+j", "y")
        await pilot.pause()
        assert box.outer_size.height == 7 and seen and not any(seen)
        await pilot.press("ctrl+j", "z")
        await pilot.pause()
        assert seen[-1] and box.show_vertical_scrollbar  # six lines: past the seven rows


async def test_a_following_transcript_stays_at_its_end_when_the_box_grows(rig: Rig) -> None:
    app = rig.app()
    async with app.run_test(size=(120, 30)) as pilot:
        await at(pilot, 70)
        await pilot.press("f4")
        pane = app.main.conversations
        for n in range(12):  # a transcript longer than its window
            await pilot.press(*f"message {n}", "enter")
        await pilot.pause()
        scroller = pane.query_one("#conv-scroll")
        assert scroller.max_scroll_y > 0 and scroller.scroll_y == scroller.max_scroll_y
        before = scroller.max_scroll_y
        await pilot.press("ctrl+j", "a", "ctrl+j", "b")
        await pilot.pause()
        await pilot.pause()
        assert scroller.max_scroll_y == before + 2
        assert scroller.scroll_y == scroller.max_scroll_y
        assert same_map_as_textuals(app)


async def test_what_the_screen_asks_for_is_still_a_whole_layout(
    rig: Rig, arranged: list[str]
) -> None:
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await in_the_reply_box(pilot, arranged)
        app.screen.refresh(layout=True)  # the screen's own request, with the reply box's
        app.main.conversations.input.insert("a\nb")
        await pilot.pause()
        assert arranged[:1] == ["MainScreen"], arranged
        arranged.clear()
        await pilot.resize_terminal(110, 36)
        await pilot.pause()
        assert "MainScreen" in arranged and same_map_as_textuals(app)
        arranged.clear()  # two panes at once: the reply box and the ticket area
        app.main.conversations.input.insert("c\nd")
        app.main.query_one("#ticket").refresh(layout=True)
        await pilot.pause()
        assert "MainScreen" in arranged and same_map_as_textuals(app)


class Clipped(Paced, Screen[None]):
    """A pane half scrolled out of its window, with a line that grows in it, and one
    beside it: the pane's entries must take the window's clip."""

    CSS = """
    #window { height: 10; }
    #pane { height: 16; }
    #grows { height: auto; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="window"):
            yield Static("above\n" * 6, id="above")
            with Vertical(id="pane"):
                yield Static("one", id="grows")
                yield Static("below", id="below")
        yield Static("beside", id="beside")


async def test_a_pane_partly_out_of_its_window_is_clipped_as_textual_clips_it(
    arranged: list[str],
) -> None:
    app = App[None]()
    async with app.run_test(size=(40, 14)) as pilot:
        await app.push_screen(Clipped())
        await pilot.pause()
        window = app.screen.query_one("#window")
        window.scroll_to(y=3, animate=False)
        await pilot.pause()
        arranged.clear()
        app.screen.query_one("#grows", Static).update("one\ntwo\nthree")
        await pilot.pause()
        assert arranged == ["pane"]
        assert same_map_as_textuals(app)
        below = app.screen._compositor._full_map[app.screen.query_one("#below")]
        assert below.clip.bottom == window.content_region.bottom < below.region.bottom + 6
