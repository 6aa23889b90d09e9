"""The conversation list repaints an entry whose clock moved, and shows what a fresh list shows."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from helpdesk_tui.ui.widgets.conversation_list import ConversationList as ClockList


def prompt(name: str, seconds: int, lines: int = 2) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(name, style="bold")
    if seconds:
        text.append(f" ({seconds})", style="bold yellow")  # like an unread count
    for _ in range(lines - 1):
        text.append(f"\n chat · 0:{seconds:02d} ago", style="dim")
    return text


class Lists(App[None]):
    CSS = "OptionList { width: 30; height: 12; }"

    def compose(self) -> ComposeResult:
        yield ClockList(*(Option(prompt(n, 0), id=n) for n in "ABCDEFG"), id="clock")
        yield OptionList(id="fresh")


def shown(widget: OptionList) -> list[str]:
    """The widget's lines as the screen has them (its render caches included)."""
    return [strip.text for strip in widget.render_lines(widget.size.region)]


async def test_entries_changed_in_place_show_what_a_fresh_list_shows() -> None:
    app = Lists()
    async with app.run_test(size=(80, 14)) as pilot:
        clock = app.query_one("#clock", ClockList)
        fresh = app.query_one("#fresh", OptionList)
        clock.highlighted = 1
        await pilot.pause()
        shown(clock)  # everything rendered and cached once
        prompts = {n: prompt(n, 0) for n in "ABCDEFG"}
        for second, names in ((1, "AB"), (2, "B"), (3, "ACEG")):
            for name in names:
                prompts[name] = prompt(name, second)
                clock.set_prompt(name, prompts[name])
            fresh.clear_options()
            fresh.add_options(Option(p, id=n) for n, p in prompts.items())
            fresh.highlighted = 1
            await pilot.pause()
            assert shown(clock) == shown(fresh)
        assert " chat · 0:03 ago" in shown(clock)[2]  # A, its second line (under the border)
        clock.scroll_to(y=4, animate=False)
        fresh.scroll_to(y=4, animate=False)
        await pilot.pause()
        prompts["D"] = prompt("D", 9)
        clock.set_prompt("D", prompts["D"])
        fresh.replace_option_prompt("D", prompts["D"])
        await pilot.pause()
        assert shown(clock) == shown(fresh)
        assert any("0:09 ago" in line for line in shown(clock))


async def test_an_entry_that_changes_height_lays_the_list_out_again() -> None:
    app = Lists()
    async with app.run_test(size=(80, 14)) as pilot:
        clock = app.query_one("#clock", ClockList)
        fresh = app.query_one("#fresh", OptionList)
        shown(clock)
        clock.set_prompt("B", prompt("B", 5, lines=3))
        fresh.add_options(
            Option(prompt(n, 5, lines=3) if n == "B" else prompt(n, 0), id=n) for n in "ABCDEFG"
        )
        await pilot.pause()
        assert shown(clock) == shown(fresh)
        assert [line.strip("▊ ") for line in shown(clock)[3:7]] == [
            "B (5)", "chat · 0:05 ago", "chat · 0:05 ago", "C",
        ]  # fmt: skip


async def test_an_entry_changed_before_the_list_has_a_width_waits_for_its_layout() -> None:
    """Seen under load: the exam's first redraw reached the list while its width was
    still 0 and Rich's wrapping raised `range() arg 3 must not be zero`."""

    class Unlaid(App[None]):
        def compose(self) -> ComposeResult:
            yield ClockList(Option(prompt("A", 0), id="A"), id="clock")

        def on_mount(self) -> None:  # before the first layout: the list is 0 wide
            clock = self.query_one("#clock", ClockList)
            assert clock.scrollable_content_region.width == 0
            clock.set_prompt("A", prompt("A", 7))

    app = Unlaid()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert any("A (7)" in line for line in shown(app.query_one("#clock", ClockList)))
