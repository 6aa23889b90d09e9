"""Pastes without markers in pieces under `FLOOD_CHARS`, told from typing by their rate (sec18).

sec17: 300 characters every 0.2 s, each piece a read of its own, was typed key by key: F12
opened the proctor dialog and the code in the text made a wrong try. The reads are fed here
with their times (`since`: seconds since the read before), as the input thread's `ReadTimes`
gives them; no terminal, no sleep. What people do (the expected side of each test) comes from
outside the guard: a fast typist keeps up 10-12 characters a second with bursts of 25-30 between
two keys; a held key repeats at 10-33 a second (60 where someone set it so); pastes in pieces
come at hundreds of characters a second (benchmarks/README.md, sec18).
"""

from __future__ import annotations

import random

import pytest

from helpdesk_tui.ui.input_guard import InputGuard, Pasted

F12 = "\x1b[24~"
UP, BACKSPACE = "\x1b[A", "\x7f"
HOSTILE = f"hello {F12}{'0' * 8}\r\x03\x1a\x1c\x04\x11 y h c e \x1b[21~ "
PARAGRAPH = (
    "Goedemorgen, ik heb uw melding over de VPN bekeken. Kunt u eerst de kabel uittrekken "
    "en na tien seconden opnieuw insteken? Daarna start u de laptop opnieuw op; als het dan "
    "nog niet werkt, geef ik het ticket door aan de tweede lijn. Good morning, could you "
    "tell me which error code you see? Merci pour votre patience, je reviens vers vous."
)


def piece_text(size: int) -> str:
    """`size` characters of hostile text: F12, a wrong proctor code and Enter, Ctrl keys."""
    return (HOSTILE * (size // len(HOSTILE) + 1))[:size]


def fed(guard: InputGuard, reads: list[tuple[float, str]]) -> list[str | Pasted]:
    """Each (seconds since the read before, text) fed as the input thread reads it."""
    out: list[str | Pasted] = []
    for since, text in reads:
        out += guard.feed(text.encode(), waited=since, since=since)
    out += guard.idle(1.0)
    return out


def typed(out: list[str | Pasted]) -> str:
    """What went to Textual's parser as keys."""
    return "".join(piece for piece in out if isinstance(piece, str))


@pytest.mark.parametrize("size", [100, 300, 500])
@pytest.mark.parametrize("every", [0.1, 0.2, 0.3])
def test_a_paste_in_small_pieces_is_a_paste_after_its_first_piece(size: int, every: float) -> None:
    """On main every piece was typed: F12, the code and Enter acted five times."""
    guard = InputGuard()
    reads = [(5.0, piece_text(size))] + [(every, piece_text(size)) for _ in range(4)]
    out = fed(guard, reads)
    assert typed(out) == piece_text(size)  # the first piece: no rate can judge one read
    pasted = [piece for piece in out if isinstance(piece, Pasted)]
    assert len(pasted) == 4
    for piece in pasted:
        assert "\x1b" not in piece.text and "\r" not in piece.text and "\x03" not in piece.text
        assert "hello" in piece.text
    assert guard.floods >= 1  # the app hears of it (one "input flood" record)


def test_tiny_pieces_fast_are_a_paste_once_the_rate_is_kept_up() -> None:
    """Ten characters every 0.05 s (200 a second): after a few pieces, a paste."""
    guard = InputGuard()
    pieces = [PARAGRAPH[at : at + 10] for at in range(0, 200, 10)]
    out = fed(guard, [(5.0, pieces[0])] + [(0.05, piece) for piece in pieces[1:]])
    assert len(typed(out)) <= 30  # the pieces before the rate is kept up over 24 keys
    pasted = "".join(piece.text for piece in out if isinstance(piece, Pasted))
    assert typed(out) + pasted == PARAGRAPH[:200]


@pytest.mark.parametrize("rate", [10.9, 25.0, 33.0, 60.0])
@pytest.mark.parametrize("key", [UP, BACKSPACE, "a", "\r"])
def test_a_held_key_repeats_for_five_seconds_every_repeat_kept(rate: float, key: str) -> None:
    """A held arrow, Backspace, letter or Enter at the console's, X's, GNOME's and a fast
    setting's repeat rate; some repeats read two at a time (a busy thread)."""
    guard = InputGuard()
    reads = [(5.0, key)]
    rng = random.Random(int(rate))
    while len(reads) < 5 * rate:
        pair = rng.random() < 0.2
        reads.append((2 / rate if pair else 1 / rate, key * (2 if pair else 1)))
    out = fed(guard, reads)
    assert all(isinstance(piece, str) for piece in out)
    assert typed(out) == "".join(text for _since, text in reads)


def typist(rng: random.Random, text: str, per_second: float) -> list[tuple[float, str]]:
    """`text` typed at `per_second` on average: gaps drawn around the mean, one in five a
    burst of 30-40 ms (a fast digraph), one in ten reads holding two keys (sent together)."""
    reads: list[tuple[float, str]] = [(5.0, text[0])]
    at = 1
    while at < len(text):
        gap = rng.uniform(0.03, 0.04) if rng.random() < 0.2 else rng.expovariate(per_second)
        take = 2 if rng.random() < 0.1 else 1
        reads.append((gap, text[at : at + take]))
        at += take
    return reads


@pytest.mark.parametrize("per_second", [12.0, 20.0])
@pytest.mark.parametrize("seed", range(4))
def test_a_fast_typist_is_typing_every_key(per_second: float, seed: int) -> None:
    guard = InputGuard()
    out = fed(guard, typist(random.Random(seed), PARAGRAPH, per_second))
    assert all(isinstance(piece, str) for piece in out)
    assert typed(out) == PARAGRAPH


def test_keys_queued_through_a_stall_are_typing() -> None:
    """The exam busy 0.9 s and then 2 s while a typist goes on at 12 a second: the keys of each
    stall come in one read (11 and 24 keys), with `since` the stall's length."""
    guard = InputGuard()
    text = PARAGRAPH
    reads = [(5.0, text[:1])] + [(1 / 12, char) for char in text[1:20]]
    reads += [(0.9, text[20:31])] + [(1 / 12, char) for char in text[31:40]]
    reads += [(2.0, text[40:64])] + [(1 / 12, char) for char in text[64:90]]
    out = fed(guard, reads)
    assert all(isinstance(piece, str) for piece in out)
    assert typed(out) == text[:90]


def test_a_key_typed_after_a_paste_in_pieces_is_a_key() -> None:
    """Enter 0.3 s after the last piece, Ctrl+C 0.5 s after that: keys again."""
    guard = InputGuard()
    out = fed(guard, [(5.0, piece_text(300))] + [(0.2, piece_text(300)) for _ in range(3)])
    assert isinstance(out[-1], Pasted)
    assert guard.feed(b"\r", waited=0.3, since=0.3) == ["\r"]
    assert guard.feed(b"\x03", waited=0.5, since=0.5) == ["\x03"]
    assert guard.feed(b"ok", waited=0.15, since=0.15) == ["ok"]


def test_keys_of_one_read_given_in_packets_are_typing() -> None:
    """A browser tab's keys queued through a 2 s stall come as one message of 30 packets,
    each fed alone with no time between (`GuardedWebDriver`: `waited` 0 after the first)."""
    guard = InputGuard()
    out: list[str | Pasted] = []
    for n, char in enumerate(PARAGRAPH[:30]):
        since = 2.0 if n == 0 else 0.0
        out += guard.feed(char.encode(), waited=since)
    assert all(isinstance(piece, str) for piece in out)
    assert typed(out) == PARAGRAPH[:30]


def test_lines_with_their_enter_sent_at_once_are_typing() -> None:
    """A terminal that sends each line when Enter is pressed: lines right after one another
    (test_input_pty's "hello there", a 144-character line, "ok") are typed, each sent."""
    guard = InputGuard()
    line = "Could you tell me which device still has the old password on it please?" * 2
    reads = [(5.0, "hello there\r"), (0.001, line + "\r"), (0.001, "ok\r")]
    assert typed(fed(guard, reads)) == "hello there\r" + line + "\rok\r"
    together = [(0.001, "hello there\r" + line + "\rok\r")]  # the three read at once
    assert typed(fed(guard, together)) == together[0][1]
    # a piece that only ends a line is no line: the rest of a paste around it is pasted
    pieces = [(0.1, "second " * 10), (0.1, "F12 \x1b[24~ code\r")]
    assert all(isinstance(piece, Pasted) for piece in fed(guard, pieces))
