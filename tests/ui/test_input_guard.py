"""The bytes from the terminal, made safe before Textual's parser (no terminal needed)."""

from __future__ import annotations

import random

from helpdesk_tui.ui.input_guard import FLOOD_CHARS, PASTE_MAX, READ_SIZE, InputGuard, Pasted

START, END = b"\x1b[200~", b"\x1b[201~"


def reads(guard: InputGuard, data: bytes) -> list[str | Pasted]:
    """`data` as the input thread reads a big write: `READ_SIZE` bytes at a time."""
    return [p for i in range(0, len(data), READ_SIZE) for p in guard.feed(data[i : i + READ_SIZE])]


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
    noise = random.Random(3).randbytes(20_001).replace(b"\x1b[200~", b"")
    out = reads(guard, START + b"hello" + END + noise)
    assert out[0] == Pasted("hello")
    assert all(isinstance(piece, Pasted) for piece in out)  # no Enter, no Ctrl key acts
    assert all("\r" not in piece.text and "\x1b" not in piece.text for piece in out)  # type: ignore[union-attr]
    assert guard.floods >= 1
    later = guard.feed(b"\r")  # the flood's last read was not full: a key typed next is a key
    assert isinstance(later[0], str) and later[0].endswith("\r")


def test_a_typed_burst_ending_in_enter_is_keys_whatever_its_speed() -> None:
    """A fast typist, or a terminal that sends a line at once: one read, Enter included.
    A line of 70 characters and its Enter became a paste (the old bound was 64)."""
    guard = InputGuard()
    assert guard.feed(b"hello there\r") == ["hello there\r"]
    line = b"x" * 300 + b"\r"
    assert guard.feed(line) == [line.decode()]
    assert guard.feed("d\u00e9j\u00e0 vu\r".encode()) == ["d\u00e9j\u00e0 vu\r"]
    assert guard.floods == 0


def test_a_bracketed_paste_with_a_return_in_it_is_text_not_an_enter() -> None:
    guard = InputGuard()
    assert guard.feed(START + b"a\rb" + END) == [Pasted("a\rb")]
    assert guard.feed(START + b"pasted" + END + b" typed\r") == [Pasted("pasted"), " typed\r"]


def test_keys_after_a_flood_are_keys_and_its_rest_is_not() -> None:
    guard = InputGuard()
    big = b"y" * (FLOOD_CHARS + 1) + b"\r"
    assert guard.feed(big) == [Pasted("y" * (FLOOD_CHARS + 1))]  # its Enter dropped
    assert guard.feed(b"ok\r") == ["ok\r"]  # after a pause: typed
    assert guard.feed(big) == [Pasted("y" * (FLOOD_CHARS + 1))]
    assert guard.feed(b"\r\x1b[21~ok", waited=0.001) == [Pasted("ok")]  # already waiting: its rest
    full = b"z" * READ_SIZE
    assert guard.feed(full) == [Pasted("z" * READ_SIZE)]
    assert guard.feed(b"\r\x03tail") == [Pasted("tail")]  # more was waiting: the same flood
    assert guard.feed(b"\r") == ["\r"]


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
