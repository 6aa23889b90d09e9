"""sec21: invisible characters in a log's words are shown, in every view (left by sec20).

A reply "pass\u200bword" read "password" in the review and the HTML report while the
language layer read two words: two replies that differ looked alike. Each invisible
character (Unicode's format characters, category Cf: zero-width space and joiners, word
joiner, BOM, soft hyphen, bidi controls, tags...) is now shown as its code point,
⟨U+200B⟩, through one function (`printable`), dim where the view has styles.

The expected texts are written out here from the Unicode names, not taken from the code.
"""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.printable import INVISIBLE, printable, printable_parts
from helpdesk_tui.terminal_safe import SafeConsole
from helpdesk_tui.ui.review.app import ReviewApp
from helpdesk_tui.ui.review.session import open_review

from ..test_viewers_languages import observing
from .logs import SIZE, screen_text, write_log

SHOWN = {
    "\u200b": "⟨U+200B⟩",  # ZERO WIDTH SPACE
    "\u200c": "⟨U+200C⟩",  # ZERO WIDTH NON-JOINER
    "\u200d": "⟨U+200D⟩",  # ZERO WIDTH JOINER
    "\u2060": "⟨U+2060⟩",  # WORD JOINER
    "\ufeff": "⟨U+FEFF⟩",  # ZERO WIDTH NO-BREAK SPACE (BOM)
    "\u00ad": "⟨U+00AD⟩",  # SOFT HYPHEN
    "\u202a": "⟨U+202A⟩",  # LEFT-TO-RIGHT EMBEDDING
    "\u202e": "⟨U+202E⟩",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066": "⟨U+2066⟩",  # LEFT-TO-RIGHT ISOLATE
    "\u2069": "⟨U+2069⟩",  # POP DIRECTIONAL ISOLATE
    "\u2064": "⟨U+2064⟩",  # INVISIBLE PLUS
    "\U000e0041": "⟨U+E0041⟩",  # TAG LATIN CAPITAL LETTER A
    "\u3164": "⟨U+3164⟩",  # HANGUL FILLER (a letter every font draws as nothing)
}


@pytest.mark.parametrize("char", sorted(SHOWN))
def test_each_invisible_character_is_shown_as_its_code_point(char: str) -> None:
    assert printable(f"pass{char}word") == f"pass{SHOWN[char]}word"


def test_every_format_character_of_this_python_is_shown() -> None:
    """The list is written out (no scan at import); this keeps it whole."""
    missing = [
        f"U+{c:04X}"
        for c in range(0x110000)
        if unicodedata.category(chr(c)) == "Cf" and chr(c) not in INVISIBLE
    ]
    assert missing == []


def test_ordinary_words_are_left_alone() -> None:
    for text in ("Bonjour Noël, ça marche ?", "e\u0301", "👍 ok", "ՀՀ", "東京", "עברית"):
        assert printable(text) == text


def test_a_literal_marker_reads_otherwise_than_the_character() -> None:
    """A candidate who types "⟨U+200B⟩" must not look like one whose reply holds U+200B
    wherever the view has styles: the parts say which is a marker."""
    assert printable_parts("a\u200bb") == [("a", False), ("⟨U+200B⟩", True), ("b", False)]
    assert printable_parts("a⟨U+200B⟩b") == [("a⟨U+200B⟩b", False)]


def test_the_terminal_report_shows_them_dim() -> None:
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="standard", width=80)
    console.print("pass\u200bword")
    printed = out.getvalue()
    assert "\u200b" not in printed
    assert "pass\x1b[2;3m⟨U+200B⟩\x1b[0mword" in printed  # dim italic, then the rest plain


def zero_width(events: list[Event]) -> list[Event]:
    """Every message and title with a zero-width space in the middle, as a hand-made log
    may have it (the text boxes never type one)."""

    def bent(event: Event) -> Event:
        data = dict(event.data)
        for key in ("text", "title"):
            value = data.get(key)
            if isinstance(value, str) and len(value) > 4:
                data[key] = value[:4] + "\u200b" + value[4:]
        return dataclasses.replace(event, data=data)

    return [bent(e) for e in events]


async def test_the_review_shows_them(tmp_path: Path, naive_events: list[Event]) -> None:
    log = write_log(tmp_path / "exam.jsonl", zero_width(naive_events))
    app = ReviewApp(open_review(log, "An Peeters"))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "\u200b" not in shown
        assert "⟨U+200B⟩" in shown


async def test_observe_shows_them(tmp_path: Path, naive_events: list[Event]) -> None:
    events = zero_width(naive_events)
    until = next(i for i, e in enumerate(events) if "\u200b" in e.data.get("text", "")) + 1
    app = observing(tmp_path, events, until)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "\u200b" not in shown
        assert "⟨U+200B⟩" in shown
