"""The apps' shared CSS parse (tests/suite_speed.py, `SharedCss`) gives every stylesheet
what parsing it itself would have.

The expectations come from Textual's own parse of a fresh stylesheet (with the
sharing taken away), not from the sharing's code.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from suite_speed import SharedCss
from textual.color import Color
from textual.css.stylesheet import Stylesheet, StylesheetParseError


@pytest.fixture(autouse=True)
def shared() -> Iterator[None]:
    """The sharing installed for these tests, whether or not the suite runs with it
    (HELPDESK_SUITE_SHARED_CSS=0 turns it off for the others)."""
    own = Stylesheet._parse_rules
    SharedCss().install()
    try:
        yield
    finally:
        Stylesheet._parse_rules = own  # type: ignore[method-assign]


CSS = "Label { color: $accent; width: 7; }"


def sheet(accent: str, css: str = CSS) -> Stylesheet:
    stylesheet = Stylesheet(variables={"accent": accent})
    stylesheet.add_source(css, read_from=("probe.tcss", ""))
    stylesheet.parse()
    return stylesheet


def own_parse(accent: str, css: str = CSS) -> Stylesheet:
    """The stylesheet as Textual alone parses it."""
    shared = Stylesheet._parse_rules
    Stylesheet._parse_rules = shared.own  # type: ignore[attr-defined,method-assign]
    try:
        return sheet(accent, css)
    finally:
        Stylesheet._parse_rules = shared  # type: ignore[method-assign]


def test_the_suite_shares_the_parse() -> None:
    assert isinstance(getattr(Stylesheet._parse_rules, "shared_by", None), SharedCss)
    first, second = sheet("#ff0000"), sheet("#ff0000")
    assert first.rules == second.rules and first.rules[0] is second.rules[0]


@pytest.mark.parametrize("accent", ["#ff0000", "#00ff00"])
def test_each_theme_gets_its_own_colours(accent: str) -> None:
    sheet("#0000ff")  # another theme's parse, kept first
    styles = sheet(accent).rules[0].styles
    assert styles.color == Color.parse(accent) == own_parse(accent).rules[0].styles.color
    assert styles.css_lines == own_parse(accent).rules[0].styles.css_lines


def test_a_bad_source_is_refused_in_every_stylesheet() -> None:
    bad = "Label { colour: red; }"
    for _ in range(2):
        with pytest.raises(StylesheetParseError):
            sheet("#ff0000", bad)
    with pytest.raises(StylesheetParseError):
        own_parse("#ff0000", bad)
