"""Strips that make their caches when first used (tests/suite_speed.py, `lazy_strip_caches`)
give what Textual's own strips give, and cache what they cached.

The expectations come from strips made by Textual's own `Strip.__init__` (kept by the
patch as `own`), not from the patch's code.
"""

from __future__ import annotations

from typing import Any

import pytest
from rich.segment import Segment
from rich.style import Style
from suite_speed import STRIP_CACHES, lazy_strip_caches
from textual.strip import Strip

SEGMENTS = [
    Segment("Hello, ", Style(bold=True)),
    Segment("world", Style(color="red")),
    Segment(" and more", None),
]


@pytest.fixture(autouse=True)
def lazy() -> Any:
    """The patch installed, whether or not the suite runs with it (HELPDESK_SUITE_LAZY_STRIPS=0)."""
    own = Strip.__init__
    had = Strip.__dict__.get("__getattr__")
    lazy_strip_caches()
    try:
        yield
    finally:
        Strip.__init__ = own  # type: ignore[method-assign]
        if had is None and "__getattr__" in Strip.__dict__:
            del Strip.__getattr__  # type: ignore[misc]


def textuals(segments: list[Segment]) -> Strip:
    """A strip made by Textual's own `__init__`, all seven caches made at once."""
    strip = Strip.__new__(Strip)
    Strip.__init__.own(strip, segments)  # type: ignore[attr-defined]
    return strip


def test_a_new_strip_holds_no_cache_until_one_is_used() -> None:
    strip = Strip(SEGMENTS)
    for name in STRIP_CACHES:
        with pytest.raises(AttributeError):
            getattr(Strip, name).__get__(strip, Strip)  # the slot itself, empty
    strip.crop(0, 5)
    assert Strip._crop_cache.__get__(strip, Strip) is strip._crop_cache


def test_each_cache_is_made_as_textual_makes_it() -> None:
    ours, theirs = Strip(SEGMENTS), textuals(SEGMENTS)
    for name in STRIP_CACHES:
        mine, textual = getattr(ours, name), getattr(theirs, name)
        assert type(mine) is type(textual) and mine._maxsize == textual._maxsize, name
        assert getattr(ours, name) is mine  # made once, then kept


def test_every_operation_gives_what_textuals_strip_gives_and_caches_it() -> None:
    style = Style(italic=True)
    calls: list[tuple[str, tuple[Any, ...]]] = [
        ("crop", (2, 9)),
        ("divide", ([3, 8, 21],)),
        ("apply_style", (style,)),
        ("adjust_cell_length", (30,)),
        ("crop_extend", (1, 25, style)),
        ("apply_offsets", (4, 7)),
    ]
    ours, theirs = Strip(SEGMENTS), textuals(SEGMENTS)
    for method, args in calls:
        mine = getattr(ours, method)(*args)
        assert mine == getattr(theirs, method)(*args), method
        assert getattr(ours, method)(*args) is mine, f"{method} not cached"
    assert ours.text == theirs.text and ours.cell_length == theirs.cell_length


def test_any_other_missing_attribute_is_still_an_error() -> None:
    with pytest.raises(AttributeError):
        Strip(SEGMENTS).no_such_attribute  # noqa: B018
