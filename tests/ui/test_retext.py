"""`retext`: characters put into a painted line in place (issue 14, the tick's frame).

The expected lines are Rich's own renderings of the new texts, not `retext`'s."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from helpdesk_tui.ui.retext import alike, changed_runs, retext

CONSOLE = Console(width=40, color_system="truecolor")


def painted(text: Text, width: int = 20) -> Strip:
    """A line as Rich lays it out (cropped and padded to `width`), simplified."""
    lines = CONSOLE.render_lines(text, CONSOLE.options.update_width(width), pad=True)
    return Strip(lines[0], width).simplify()


def clock(plain: str, style: str = "bold red") -> Text:
    text = Text.assemble(("SLA ", "dim"), (plain, style), " left")
    text.no_wrap = True
    return text


def changes(old: Text, new: Text, x: int = 0) -> list[tuple[int, str, str]]:
    return [(x + at, a, b) for at, a, b in changed_runs(old.plain, new.plain)]


def test_the_new_characters_in_place_are_what_rich_paints_for_the_new_text() -> None:
    for before, after in [
        ("✗ -12:51", "✗ -12:52"),
        ("✗ -12:59", "✗ -13:00"),
        ("0:09", "0:10"),
        ("⚠ 4:10", "⚠ 4:09"),
    ]:
        old, new = clock(before), clock(after)
        assert alike(old, new, 20)
        strip = painted(old)
        assert list(retext(strip, changes(old, new)) or []) == list(painted(new)), after


def test_a_line_with_a_border_before_it_takes_the_characters_at_its_offset() -> None:
    old, new = clock("1:00"), clock("0:59")
    edge = Segment("│", Style(color="blue"))
    strip = Strip([edge, *painted(old), edge])
    assert list(retext(strip, changes(old, new, x=1)) or []) == [edge, *painted(new), edge]


def test_texts_that_do_not_render_alike_are_not_changed_in_place() -> None:
    assert not alike(clock("1:00"), clock("10:00"), 20)  # length
    assert not alike(clock("1:00"), clock("1:01", "yellow"), 20)  # style
    assert not alike(clock("1:00"), clock("1 00"), 20)  # a space comes: wrapping may differ
    assert not alike(clock("1:00"), clock("1:0界"), 20)  # two cells
    assert not alike(clock("1:00"), clock("1:\t0"), 20)  # not printable
    assert not alike(clock("1:00"), clock("1:01"), 10)  # does not fit its width
    assert not alike("1:00", "1:01", 20)  # not Texts
    centred, centred_too = clock("1:00"), clock("1:01")
    centred.justify = centred_too.justify = "center"
    assert not alike(centred, centred_too, 20)


def test_a_strip_that_does_not_show_the_old_characters_is_not_changed() -> None:
    old, new = clock("1:00"), clock("0:59")
    assert retext(painted(clock("2:00")), changes(old, new)) is None  # other characters
    assert retext(painted(old), changes(old, new, x=1)) is None  # one cell off
    assert retext(painted(old, 5), changes(old, new)) is None  # cut off by the width
    wide = Strip([Segment("界界界界界界", Style())])  # cells are not characters
    assert retext(wide, [(4, "界", "x")]) is None


def test_changed_runs() -> None:
    assert changed_runs("12:59", "13:00") == [(1, "2", "3"), (3, "59", "00")]
    assert changed_runs("same", "same") == []
