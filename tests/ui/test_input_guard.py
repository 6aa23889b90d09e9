"""The bytes from the terminal, made safe before Textual's parser (no terminal needed)."""

from __future__ import annotations

import random

from helpdesk_tui.ui.input_guard import PASTE_MAX, InputGuard, Pasted

START, END = b"\x1b[200~", b"\x1b[201~"


def test_invalid_bytes_are_replaced_and_counted() -> None:
    guard = InputGuard()
    out = guard.feed(b"caf\xe9 \x9b[31m \xc3")  # Latin-1 e-acute, 8-bit CSI, cut UTF-8
    out += guard.feed(b"\xa9!")  # the cut sequence completed: valid
    assert "".join(str(o) for o in out) == "caf\ufffd \ufffd[31m \u00e9!"
    assert guard.invalid == 2


def test_a_paste_split_across_reads_is_one_paste_and_keys_around_it_stay_keys() -> None:
    guard = InputGuard()
    out = guard.feed(b"a\x1b[20") + guard.feed(b"0~one\ntwo\x1b[2") + guard.feed(b"01~b")
    assert out == ["a", Pasted("one\ntwo"), "b"]


def test_a_huge_paste_keeps_its_first_part_only() -> None:
    guard = InputGuard()
    data = START + b"x" * (3 * PASTE_MAX) + END
    out = [p for i in range(0, len(data), 4096) for p in guard.feed(data[i : i + 4096])]
    assert out == [Pasted("x" * PASTE_MAX)]
    assert guard.dropped == 2 * PASTE_MAX


def test_bytes_after_a_planted_end_of_paste_are_a_flood_not_keys() -> None:
    guard = InputGuard()
    noise = random.Random(3).randbytes(20_000).replace(b"\x1b[200~", b"")
    out = guard.feed(START + b"hello" + END + noise[:4000], now=1.0)
    out += guard.feed(noise[4000:], now=1.01)
    assert out[0] == Pasted("hello")
    assert all(isinstance(piece, Pasted) for piece in out)  # no Enter, no Ctrl key acts
    assert all("\r" not in piece.text and "\x1b" not in piece.text for piece in out)  # type: ignore[union-attr]
    assert guard.floods >= 1
    later = guard.feed(b"\r", now=2.0)  # a key pressed later is a key again
    assert isinstance(later[0], str) and later[0].endswith("\r")


def test_an_unterminated_paste_is_closed_after_a_silence() -> None:
    guard = InputGuard()
    assert guard.feed(START + b"never ends") == []
    assert guard.holding
    assert guard.idle(0.1) == []
    assert guard.idle(2.0) == [Pasted("never ends")]
    assert guard.feed(b"k") == ["k"]


def test_mouse_reports_are_not_a_flood() -> None:
    guard = InputGuard()
    reports = b"\x1b[<35;10;5M" * 40
    assert guard.feed(reports) == [reports.decode()]
    assert guard.floods == 0
