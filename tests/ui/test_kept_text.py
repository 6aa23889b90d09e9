"""KeptText: a text shown again by its key is not rendered again, and looks the same."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
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
        painted = kept.render_lines(kept.size.region)
        assert kept.show("B", b)
        await pilot.pause()
        assert rendered(kept)[0].startswith("Another ticket")
        assert kept.show("A", a)
        await pilot.pause()
        assert rendered(kept) == first
        again = kept.render_lines(kept.size.region)
        assert all(x is y for x, y in zip(again, painted, strict=True))  # kept, not painted again
        width = kept.size.width
        part = kept.render_lines(Region(2, 1, width - 5, 2))
        assert [s.text for s in part] == [s.text[2 : width - 3] for s in painted[1:3]]


async def test_a_restyle_paints_the_kept_text_again_as_a_fresh_one_looks() -> None:
    """The painted lines depend on the look: after a stylesheet change (here the
    background of an ancestor) the kept lines are not used."""
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept, fresh = app.query_one("#kept", KeptText), app.query_one("#fresh", Static)
        kept.show("A", LONG)
        fresh.update(LONG)
        await pilot.pause()
        before = kept.render_lines(kept.size.region)
        app.screen.styles.background = "darkred"
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        after = kept.render_lines(kept.size.region)
        assert after != before
        assert after == fresh.render_lines(fresh.size.region)


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
        textual = Static.get_content_height(kept, kept.size, kept.size, 30)  # Textual's own
        assert kept.height_at(30) == textual > 3
        assert kept.height_at(30) == kept._heights[("A", 30, kept._styled)]
        assert kept.get_content_height(kept.size, kept.size, 30) == textual


async def test_a_key_shown_again_is_not_turned_into_a_visual_again(monkeypatch: Any) -> None:
    import textual.widgets._static as static_module

    made: list[object] = []
    visualize = static_module.visualize

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args[1])
        return visualize(*args, **kwargs)

    monkeypatch.setattr(static_module, "visualize", counted)
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept = app.query_one("#kept", KeptText)
        a, b = Text(LONG, style="bold"), Text("Another ticket", style="italic")
        made.clear()
        kept.show("A", a)
        first = kept.visual
        kept.show("B", b)
        kept.show("A", a)
        await pilot.pause()
        assert made == [a, b]
        assert kept.visual is first and kept.content is a
        assert rendered(kept)[0].startswith("A ticket's thread")


async def test_a_text_shown_for_the_first_time_is_wrapped_once(monkeypatch: Any) -> None:
    """Its height and its lines come from one wrap (before: one for the height, one for
    the lines), and the lines are what a fresh Static shows."""
    from textual.content import Content

    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept, fresh = app.query_one("#kept", KeptText), app.query_one("#fresh", Static)
        kept.show("short", "x")
        await pilot.pause()
        wraps: list[str] = []
        wrap = Content._wrap_and_format

        def counted(self: Content, *args: Any, **kwargs: Any) -> Any:
            wraps.append(self.plain[:10])
            return wrap(self, *args, **kwargs)

        monkeypatch.setattr(Content, "_wrap_and_format", counted)
        text = Text(LONG, style="bold")
        kept.show("long", text)  # as the ticket area shows a ticket (`TicketDetail._replace`)
        height = kept.height_at(kept.content_region.width)
        kept.refresh(layout=True)
        await pilot.pause()
        assert wraps == [LONG[:10]]
        monkeypatch.undo()
        fresh.update(text)
        await pilot.pause()
        assert kept.size.height == height == fresh.size.height > 1
        assert rendered(kept) == rendered(fresh)


def _sla(*clocks: tuple[str, str]) -> Text:
    """SLA lines as the ticket area has them: dim labels, each clock in its tone."""
    out = Text(no_wrap=True, overflow="ellipsis")
    for index, (clock, tone) in enumerate(clocks):
        out.append(f"{'SLA' if index == 0 else '':<4}", style="dim")
        out.append(f"{['first response', 'update', 'resolution'][index]:<16}", style="dim")
        out.append(clock, style=tone)
        if index < len(clocks) - 1:
            out.append("\n")
    return out


async def test_lines_changed_in_characters_only_are_painted_from_those_before() -> None:
    """Every second the SLA lines change in digits only (p-tick12): their painted lines
    are those before with the digits put in, and equal, segment for segment, a fresh
    Static's painting of the same text. A change of tone or length paints them afresh."""
    app = Pair()
    async with app.run_test(size=(40, 20)) as pilot:
        kept, fresh = app.query_one("#kept", KeptText), app.query_one("#fresh", Static)
        steps = [
            (("✗ -12:51", "red"), ("–", "dim"), ("✗ -2:51", "red")),
            (("✗ -12:52", "red"), ("–", "dim"), ("✗ -2:52", "red")),
            (("✗ -12:59", "red"), ("–", "dim"), ("✗ -2:59", "red")),
            (("✗ -13:00", "red"), ("–", "dim"), ("✗ -3:00", "red")),
            (("✗ -13:01", "red"), ("–", "dim"), ("! 3:01", "yellow")),  # tone: afresh
            (("✗ -13:02", "red"), ("–", "dim"), ("! 3:00", "yellow")),
        ]
        for n, clocks in enumerate(steps):
            text = _sla(*clocks)
            kept.show(("sla", n), text)
            fresh.update(text)
            await pilot.pause()
            ours = [list(s) for s in kept.render_lines(Region(0, 0, *kept.outer_size))]
            theirs = [list(s) for s in fresh.render_lines(Region(0, 0, *fresh.outer_size))]
            assert ours == theirs, n
        assert kept.retexted == 4  # steps 1, 2, 3 and 5; not 4 (a new tone)
