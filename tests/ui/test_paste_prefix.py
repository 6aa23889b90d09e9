"""A paste into a text box is filtered only as far as the box has room (suite-time18).

`bounded._printable_prefix` must keep exactly what filtering the whole paste and cutting
it to the room kept. The expected text here is worked out by `whole_then_cut`, written
out from the rule the box's docstring states (a CR LF or a lone CR is a line break, other
control characters are dropped, tabs kept), not by calling the code under test.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpdesk_tui.ui.widgets import bounded
from helpdesk_tui.ui.widgets.bounded import FIRST_READ, _printable_prefix


def whole_then_cut(text: str, room: int) -> str:
    """The whole text filtered character by character, then cut to `room`."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\r":
            out.append("\n")
            i += 2 if text[i + 1 : i + 2] == "\n" else 1
            continue
        if ch.isprintable() or ch in "\t\n":
            out.append(ch)
        i += 1
    return "".join(out)[: max(room, 0)]


CASES = {
    "CR LF across the first read": "a" * (FIRST_READ - 1) + "\r\n" + "b" * 5000,
    "lone CRs then CR LF": "x\r\r\ny\r" * 900,
    "dropped characters fill the first read": "\x00\x1b\x07" * FIRST_READ + "kept" * 2000,
    "all dropped": "\x00" * 10_000,
    "shorter than the room": "kort\r\nstuk",
    "random bytes": random.Random(5).randbytes(1 << 16).decode("utf-8", errors="replace"),
}


@pytest.mark.parametrize("text", list(CASES.values()), ids=list(CASES))
@pytest.mark.parametrize("room", [0, 1, 5, FIRST_READ - 1, FIRST_READ, 4000, 100_000])
def test_the_kept_text_is_the_whole_paste_filtered_then_cut(text: str, room: int) -> None:
    assert _printable_prefix(text, room, lines=True) == whole_then_cut(text, room)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab \t\r\n\x00\x1b\x85é"), max_size=3 * FIRST_READ),
    room=st.integers(min_value=-2, max_value=3 * FIRST_READ),
)
def test_any_text_and_room(text: str, room: int) -> None:
    assert _printable_prefix(text, room, lines=True) == whole_then_cut(text, room)


def test_a_huge_paste_is_read_only_as_far_as_the_room(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of it: a 1 MB paste into 4,000 characters of room filters some 8,000."""
    filtered: list[int] = []
    own = bounded._printable

    def counted(text: str, *, lines: bool) -> str:
        filtered.append(len(text))
        return own(text, lines=lines)

    monkeypatch.setattr(bounded, "_printable", counted)
    text = "ab\x00" * (1 << 19)
    assert _printable_prefix(text, 4000, lines=True) == "ab" * 2000
    assert 0 < sum(filtered) < 16_000, filtered
