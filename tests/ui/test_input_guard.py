"""The bytes from the terminal, made safe before Textual's parser (no terminal needed)."""

from __future__ import annotations

import random

import pytest

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


def test_a_key_long_after_a_flood_is_a_key_however_busy_the_input_thread_was() -> None:
    """Under load the input thread is busy when a key arrives, so it waited for it no time at
    all; a second after the flood's last read it is still a key (a loaded CI machine dropped
    every Ctrl key for a minute after a 1 MB paste). Right after the flood it is its rest."""
    guard = InputGuard()
    big = b"y" * (FLOOD_CHARS + 1)
    assert guard.feed(big) == [Pasted("y" * (FLOOD_CHARS + 1))]
    assert guard.feed(b"\x03", waited=0.0, since=1.2) == ["\x03"]
    assert guard.feed(big) == [Pasted("y" * (FLOOD_CHARS + 1))]
    assert guard.feed(b"\r\x03ok", waited=0.0, since=0.01) == [Pasted("ok")]  # its rest
    full = b"z" * READ_SIZE
    assert guard.feed(full) == [Pasted("z" * READ_SIZE)]
    assert guard.feed(b"\r\x03tail", waited=0.0, since=2.0) == [Pasted("tail")]  # was waiting


def test_an_unterminated_paste_is_closed_after_a_silence() -> None:
    guard = InputGuard()
    assert guard.feed(START + b"never ends") == []
    assert guard.holding
    assert guard.idle(0.1) == []
    assert guard.idle(2.0) == [Pasted("never ends")]
    assert guard.feed(b"k") == []  # its end may still come (sec13): held a moment
    assert guard.idle(0.3) == ["k"]
    assert guard.feed(b"j") == ["j"]


def test_mouse_reports_are_not_a_flood() -> None:
    guard = InputGuard()
    reports = b"\x1b[<35;10;5M" * 40
    assert guard.feed(reports) == [reports.decode()]
    assert guard.floods == 0


def keys_of(guard: InputGuard, *chunks: bytes, idle: float = 0.0) -> list[str]:
    """The key names (and pastes) Textual's own parser makes of what the guard lets through."""
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    out: list[str] = []
    pieces: list[str | Pasted] = []
    for chunk in chunks:
        pieces += guard.feed(chunk)
    if idle:
        pieces += guard.idle(idle)
    for piece in pieces:
        if isinstance(piece, Pasted):
            out.append(f"paste:{piece.text}")
            continue
        for event in parser.feed(piece):
            out.append(getattr(event, "key", type(event).__name__))
    for message in parser.tick():
        out.append(getattr(message, "key", type(message).__name__))
    return out


STRAYS = {
    "OSC 52, BEL": b"\x1b]52;c;SGVsbG8=\x07",
    "OSC 52, ST": b"\x1b]52;c;SGVsbG8=\x1b\\",
    "OSC 11 answer": b"\x1b]11;rgb:0000/0000/0000\x1b\\",
    "DCS (DECRQSS answer)": b"\x1bP1$r0m\x1b\\",
    "APC": b"\x1b_Gi=1;OK\x1b\\",
    "PM": b"\x1b^private\x1b\\",
    "8-bit OSC": "\x9d52;c;eA==\x9c".encode(),
    "XTWINOPS resize": b"\x1b[8;999999;999999t",
    "DA answer": b"\x1b[?64;1;2;6;22c",
    "a status report": b"\x1b[0n",
    "a mouse report too long for Textual": b"\x1b[<0;99999999999999;99999999999999M",
}


@pytest.mark.parametrize("name", STRAYS)
def test_a_terminal_sequence_textual_does_not_know_becomes_no_key(name: str) -> None:
    """Textual types the bytes of a sequence it does not know, one key each: a DCS
    answer became ^ P 1 $ r (the reply form) 0 m (the "mine" filter), an XTWINOPS
    request [ 8 ; ... t (the transfer form), an OSC 52 the KB query "]52;c;SGVsbG8="
    (bugs6, in tmux)."""
    guard = InputGuard()
    assert keys_of(guard, b"a" + STRAYS[name] + b"b") == ["a", "b"]
    assert guard.strays == 1


def test_alt_and_a_bracket_then_a_letter_stay_keys() -> None:
    """ESC ] then a letter in one read is no OSC (its command is a number): Alt+], then a."""
    guard = InputGuard()
    assert guard.feed(b"\x1b]a") == ["\x1b]a"]  # Textual's parser makes the keys
    assert guard.strays == 0


def test_a_long_osc_split_across_reads_is_dropped_whole() -> None:
    guard = InputGuard()
    data = b"\x1b]52;c;" + b"QUFB" * 5000 + b"\x07x"
    assert keys_of(guard, *(data[i : i + READ_SIZE] for i in range(0, len(data), READ_SIZE))) == [
        "x"
    ]


def test_an_osc_that_never_ends_is_dropped_after_a_pause_and_typing_goes_on() -> None:
    guard = InputGuard()
    assert keys_of(guard, b"\x1b]52;c;AAAA", idle=2.0) == []
    assert keys_of(guard, b"q") == ["q"]


def test_a_ctrl_key_after_a_string_left_open_is_a_key() -> None:
    """Noise left an OSC open; the candidate's Ctrl+C (blocked and logged by the exam) must
    not be swallowed as its text, however regularly it comes (no pause of PASTE_IDLE_S)."""
    guard = InputGuard()
    assert keys_of(guard, b"\x1b]52;c;AAAA") == []
    assert keys_of(guard, b"\x03") == ["ctrl+c"]
    assert keys_of(guard, b"q") == ["q"]
    assert keys_of(guard, b"\x1b]2;title\x18x") == ["ctrl+x", "x"]  # CAN aborts, ECMA-48


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        (b"\x1b[A", ["up"]),
        (b"\x1b[1;5A", ["ctrl+up"]),
        (b"\x1b[14~", ["f4"]),
        (b"\x1bOP", ["f1"]),
        (b"\x1b[[A", ["f1"]),  # the Linux console's F1: "[" is a final byte, yet a key
        (b"\x1b[97;5u", ["ctrl+a"]),
        (b"\x1b[<0;5;5M", ["MouseDown"]),
        (b"\x1b[I", ["AppFocus"]),
    ],
)
def test_the_sequences_textual_knows_still_reach_it(data: bytes, keys: list[str]) -> None:
    guard = InputGuard()
    assert keys_of(guard, data) == keys
    assert guard.strays == 0


def test_an_unknown_sequence_cut_by_the_read_is_dropped_whole() -> None:
    guard = InputGuard()
    assert keys_of(guard, b"a\x1b[8;99", b"9;99t", b"b") == ["a", "b"]
    assert guard.strays == 1


def test_a_key_sequence_cut_by_the_read_is_still_the_key() -> None:
    guard = InputGuard()
    assert keys_of(guard, b"\x1b[1;", b"5A") == ["ctrl+up"]
    assert keys_of(guard, b"\x1b[1;5", idle=0.1) == []  # held, then let go to Textual


@pytest.mark.parametrize(
    "cut",
    [
        (b"a\x1b]", b"52;c;SGVsbG8=\x07b"),  # OSC 52: ESC ] ends the first read
        (b"a\x1b", b"]52;c;SGVsbG8=\x07b"),  # the ESC alone ends it
        (b"a\x1bP", b"1$r0m\x1b\\b"),  # a DCS answer
        (b"a\x1b_", b"Gi=1;OK\x1b\\b"),  # APC
        ("a\x9d".encode(), "52;c;eA==\x9cb".encode()),  # 8-bit OSC
    ],
)
def test_a_terminal_string_cut_right_after_its_start_is_dropped_whole(
    cut: tuple[bytes, bytes],
) -> None:
    """bugs6 left this: a complete `ESC ]` ending one read passed as Alt+], and the next
    read's "52;c;SGVsbG8=" was typed as keys. Its start is held for the next read."""
    guard = InputGuard()
    assert keys_of(guard, *cut) == ["a", "b"]
    assert guard.strays == 1


def test_a_held_string_start_then_silence_or_a_letter_is_alt_and_the_key() -> None:
    """Held only briefly and only two characters: Alt+] typed alone still arrives."""
    guard = InputGuard()
    assert guard.feed(b"\x1b]") == []
    assert guard.holding
    assert guard.idle(0.1) == ["\x1b]"]
    assert not guard.holding
    assert guard.feed(b"\x1b]") == [] and guard.feed(b"a") == ["\x1b]a"]
    assert guard.strays == 0


@pytest.mark.parametrize("number", ["99999999999999999999", "1114112", "9" * 30])
def test_a_key_report_past_the_last_code_point_is_dropped_not_raised(number: str) -> None:
    # sec-fuzz9: Textual's parser raised OverflowError / ValueError on these, which in the
    # input thread panics the app (the exam ended with a traceback).
    guard = InputGuard()
    assert guard.feed(f"a\x1b[{number}ub".encode()) == ["ab"]
    assert guard.strays == 1
    assert guard.feed(b"\x1b[1114111;5u") == ["\x1b[1114111;5u"]  # the last code point: a key


def test_an_in_band_resize_larger_than_any_terminal_is_dropped() -> None:
    # sec-fuzz9: ESC [ 48 ; 3000 ; 3000 ; 0 ; 0 t made the exam lay out 3000 x 3000 cells
    # (38 s, 300 MB); 99999 x 99999 never came back.
    guard = InputGuard()
    sizes = [(99999, 99999), (3000, 3000), (401, 80), (24, 1001), ("9" * 20, 80)]
    for rows, columns in sizes:
        assert guard.feed(f"\x1b[48;{rows};{columns};0;0t".encode()) == []
    assert guard.strays == len(sizes)
    real = b"\x1b[48;40;120;800;1920t"
    assert guard.feed(real) == [real.decode()]  # a terminal's real size still reaches Textual


def test_terminal_strings_inside_a_paste_are_dropped_with_their_text() -> None:
    # sec-fuzz9: a paste left open, then an OSC 52 or a title (as a terminal sends them):
    # the text box kept their printable part, and "]52;c;aGVsbG8=" reached the log.
    guard = InputGuard()
    data = (
        START
        + b"one\x1b]52;c;aGVsbG8=\x07two\x1b]0;title\x1b\\\x1bP1$r0m\x1b\\three\x1b[Afour"
        + END
    )
    assert guard.feed(data) == [Pasted("onetwothreefour")]
    assert guard.strays == 1
    assert guard.feed(START + b"line one\r\nline\ttwo" + END) == [Pasted("line one\r\nline\ttwo")]


DOWN = b"\x1b[B"


def test_verdict_keys_that_queued_between_arrows_are_keys_in_a_viewer() -> None:
    """qa-sitting8: "n ↓ n ↓ p" typed 0.1 s apart on a loaded machine came in one read and
    was taken as a paste (two letters at once in a one-letter-key app): verdicts lost."""
    guard = InputGuard(1)
    assert guard.feed(b"n" + DOWN + b"n" + DOWN + b"p") == ["n\x1b[Bn\x1b[Bp"]
    assert guard.feed(DOWN + b"o" + DOWN + DOWN + b"u" + b"\x1bOB") == [
        "\x1b[Bo\x1b[B\x1b[Bu\x1bOB"
    ]
    assert guard.dropped == 0 and guard.floods == 0


def test_letters_side_by_side_in_a_viewer_stay_a_paste_even_beside_an_arrow() -> None:
    guard = InputGuard(1)
    assert guard.feed(b"no") == [Pasted("no")]
    assert guard.feed(b"pop" + DOWN + b"n") == [Pasted("popn")]
    assert guard.feed(b"check the comment, then quit: q") == [
        Pasted("check the comment, then quit: q")
    ]


def test_more_queued_keys_than_anyone_types_in_one_read_are_not_keys() -> None:
    guard = InputGuard(1)
    out = guard.feed((b"n" + DOWN) * 70)
    assert out == [Pasted("n" * 70)]


def test_a_burst_of_queued_keys_ends_at_a_key_that_opens_a_dialog_or_leaves() -> None:
    guard = InputGuard(1, stops="qc")
    assert guard.feed(b"n" + DOWN + b"q" + DOWN + b"d") == ["n\x1b[Bq"]  # "d" would discard
    assert guard.feed(b"c" + DOWN + b"p") == ["c"]
    assert guard.feed(b"p" + DOWN + b"n") == ["p\x1b[Bn"]
    assert guard.feed(b"q") == ["q"]  # a key alone is a key


def test_the_exam_is_not_changed_by_the_viewers_bursts() -> None:
    guard = InputGuard()  # the exam: typing is anything up to FLOOD_CHARS
    assert guard.feed(b"no" + DOWN + b"q") == ["no\x1b[Bq"]


def test_the_rest_of_a_paste_cut_by_a_silence_is_pasted_not_typed() -> None:
    """sec12: a paste stalled for over `PASTE_IDLE_S` (a slow link) was closed, and its rest
    typed key by key: "line two" Enter "line three" sent a chat message half-way (seen
    in tmux on main), and in the queue its letters could act as commands. The next read
    up to the end marker is the paste's rest; what follows the marker is typing again."""
    guard = InputGuard()
    assert guard.feed(START + b"line one\r") == []
    assert guard.idle(2.0) == [Pasted("line one\r")]
    assert guard.feed(b"line two\rline three" + END + b"k") == [Pasted("line two\rline three"), "k"]
    assert not guard.holding
    assert guard.feed(b"x") == ["x"]
    # Without its end marker, the rest is held until the marker comes, or a pause (sec13).
    assert guard.feed(START + b"one") == []
    assert guard.idle(2.0) == [Pasted("one")]
    assert guard.feed(b"ab") == []
    assert guard.feed(b"c" + END) == [Pasted("abc")]


def test_the_rest_of_a_stalled_paste_longer_than_one_read_is_pasted() -> None:
    """sec12 saw it, sec13 fixed it: the rest was taken as pasted only when its end marker
    came in the next read; a rest in several reads (a slow link hands it on in pieces)
    was typed, its CR sending "line two" to the customer half-way."""
    guard = InputGuard()
    assert guard.feed(START + b"line one\r") == []
    assert guard.idle(2.0) == [Pasted("line one\r")]
    pieces = guard.feed(b"line two\rline th")
    assert guard.holding and guard.idle(0.03) == []  # more may come: held
    pieces += guard.feed(b"ree\rline four")
    pieces += guard.feed(b" and five" + END + b"k")
    assert pieces == [Pasted("line two\rline three\rline four and five"), "k"]
    assert not guard.holding and guard.feed(b"x") == ["x"]


def test_a_rest_over_flood_chars_keeps_its_line_breaks() -> None:
    """A rest longer than `FLOOD_CHARS` was a flood: one paste, but its line breaks were
    dropped with the other controls ("line two" and "line three" run together)."""
    guard = InputGuard()
    guard.feed(START + b"a\r")
    guard.idle(2.0)
    body = b"\r".join(b"line %d " % i + b"x" * 60 for i in range(12))
    assert len(body) > FLOOD_CHARS
    pieces = guard.feed(body[:600]) + guard.feed(body[600:] + END)  # two reads
    assert pieces == [Pasted(body.decode())]


def test_keys_typed_after_a_stalled_paste_whose_end_never_comes_are_keys() -> None:
    guard = InputGuard()
    guard.feed(START + b"half")
    assert guard.idle(2.0) == [Pasted("half")]
    assert guard.feed(b"\r") == []
    assert guard.idle(0.5) == ["\r"]  # no end marker after a pause: typing, Enter acts
    assert guard.feed(b"y") == ["y"]
