"""Seeded random terminal bytes into the locked-down exam: no way out, nothing made up.

test_key_fuzz.py sends Textual key events; test_input_pty.py sends chosen hostile
byte strings through a real pseudo-terminal. This one sends a seeded random
stream of *bytes* down the driver's own path (`InputGuard.feed`, Textual's
`XTermParser`, `Driver.process_message`, as `ui/terminal.py` delivers them) into
the exam as `helpdesk-exam exam` builds it: typed text, C0 controls and DEL,
Ctrl+C/Z/\\/D/Q, invalid UTF-8 and 8-bit C1 bytes, CSI sequences with random
parameters (huge ones too), kitty key reports past U+10FFFF, in-band resize
reports of sizes no terminal has, SGR and X10 mouse reports far off screen, bracketed
pastes opened and never closed, OSC titles, OSC 52 clipboard writes, DCS/APC/PM
strings, and plain random bytes, in reads cut anywhere. F10 (hand in) and F12
(proctor) are never sent on purpose: those are the candidate's and proctor's
ways to end it. Then:

- nothing raised in the app, the exam did not end, its size did not change, and
  no exit, suspend, URL, program or signal was asked for (each is spied on);
- the title is the one it started with;
- the payload of every terminal string (the marker ZQXJK, which no typed chunk
  can hold: those are lowercase) is neither in the log nor on the screen's title;
- the log still verifies, and the exam answers a key afterwards (Ctrl+C is
  logged as a blocked key).

`FUZZ_SEEDS=1,2,3 FUZZ_READS=2000` runs it longer by hand.
"""

from __future__ import annotations

import os
import random
import subprocess
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from textual._xterm_parser import XTermParser
from textual.app import App

from helpdesk_tui.eventlog import load_public_key, read_log, verify_log
from helpdesk_tui.ui.input_guard import InputGuard, Pasted
from tests.runtime.kit import exam_run, make_keys

from .conftest import SIZE

SEEDS = [int(s) for s in os.environ.get("FUZZ_SEEDS", "7").split(",")]
READS = int(os.environ.get("FUZZ_READS", "250"))
MARK = "ZQXJK"
TYPED = "abcdefghijklmnopqrstuvwxyz0123456789 .,-?/"
PARAMS = ["", "0", "1", "2", "5", "9", "15", "24", "99", "1114112", "999999", "9" * 20]


def _csi(rng: random.Random) -> bytes:
    params = ";".join(rng.choice(PARAMS) for _ in range(rng.randint(0, 4)))
    final = rng.choice("ABCDHFPQRSmtnhlJKcqsu~@`Z")
    return f"\x1b[{rng.choice(['', '?', '>', '<', '='])}{params}{final}".encode()


def chunk(rng: random.Random) -> bytes:
    """One piece of hostile input."""
    roll = rng.randrange(14)
    if roll == 0:
        return "".join(rng.choice(TYPED) for _ in range(rng.randint(1, 12))).encode()
    if roll == 1:
        return bytes([rng.choice([*range(0, 32), 127])])  # C0 and DEL: Ctrl+C, Z, \, D, Q...
    if roll == 2:
        return bytes(
            rng.choice([0x80, 0x9B, 0x9D, 0x90, 0x9F, 0xC3, 0xE9, 0xFF, 0xF0]) for _ in "ab"
        )
    if roll == 3:
        return _csi(rng)
    if roll == 4:
        x, y = rng.choice([1, 50, 200, 99999999]), rng.choice([1, 20, 300, 99999999])
        return (
            f"\x1b[<{rng.choice([0, 1, 2, 3, 32, 35, 64, 65])};{x};{y}{rng.choice('Mm')}".encode()
        )
    if roll == 5:
        return b"\x1b[M" + bytes(rng.randrange(32, 256) for _ in range(3))  # X10 mouse
    if roll == 6:
        return f"\x1b]{rng.choice([0, 1, 2])};{MARK} title\x07".encode()  # retitle the terminal
    if roll == 7:
        return f"\x1b]52;c;{MARK}aGVsbG8=\x1b\\".encode()  # write the clipboard
    if roll == 8:
        opener = rng.choice(["\x1bP", "\x1b_", "\x1b^", "\x1bX"])  # DCS, APC, PM, SOS
        return f"{opener}{MARK}{rng.choice(['', 'q', '$r'])}\x1b\\".encode()
    if roll == 9:
        # a paste's text is the candidate's (it may be logged): no marker in it
        return b"\x1b[200~" + rng.choice([b"", b"pasted text", b"\r\x03\x1a", b"\x1b]0;"])
    if roll == 10:
        return b"\x1b[201~"
    if roll == 11:
        return rng.randbytes(rng.randint(1, 40))
    if roll == 12 and rng.random() < 0.3:  # an in-band resize to a size no terminal has
        # (99999 x 99999 is left to test_input_guard: unguarded, it took 20 GB here)
        rows, columns = rng.choice([(3000, 3000), (401, 80), (24, 1001)])
        return f"\x1b[48;{rows};{columns};0;0t".encode()
    if roll == 12:
        return rng.choice(
            [b"\x1b", b"\x1b\x1b", b"\x1bO", b"\x1b[", b"\x1b]", b"\r", b"\t", b"\x1b[Z"]
        )
    return rng.choice(
        [b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1bOP", b"\x1b[15~", b"\x1b[3~"]
    )


Read = tuple[bytes, float, bool]
"""The bytes of one read, the seconds waited before it, and whether a pause follows it."""


def stream(rng: random.Random) -> list[Read]:
    """READS chunks as a terminal writes them: one to four chunks a write, each write cut
    into reads anywhere, its reads back to back (waited 0); pauses come between writes
    only. A sequence cut by a pause of a second is typed by a person, not sent by a
    terminal (the guard then rightly reads its rest as keys)."""
    reads: list[Read] = []
    made = 0
    while made < READS:
        count = rng.randint(1, 4)
        data = b"".join(chunk(rng) for _ in range(count))
        made += count
        while b"\x1b[21~" in data or b"\x1b[24~" in data:  # F10 and F12: left out
            data = data.replace(b"\x1b[21~", b"").replace(b"\x1b[24~", b"")
        at, waited = 0, rng.choice([0.0, 0.05, 1.0])
        while at < len(data):
            size = rng.choice([1, 3, 16, 64, 300])
            reads.append((data[at : at + size], waited, False))
            at, waited = at + size, 0.0
        if reads and rng.random() < 0.3:
            reads[-1] = (reads[-1][0], reads[-1][1], True)
    return reads


class Spy:
    """Records every way out that was asked for."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        for owner, name in [
            (App, "exit"),
            (App, "open_url"),
            (App, "suspend"),
            (App, "action_suspend_process"),
            (os, "kill"),
            (os, "killpg"),
            (os, "system"),
            (os, "execv"),
            (os, "execvp"),
            (os, "posix_spawn"),
            (subprocess, "Popen"),
            (webbrowser, "open"),
        ]:
            monkeypatch.setattr(
                owner, name, self._record(f"{getattr(owner, '__name__', owner)}.{name}")
            )

    def _record(self, what: str) -> Any:
        def called(*args: Any, **kwargs: Any) -> None:
            self.calls.append(what)

        return called


def deliver(app: Any, parser: XTermParser, pieces: list[str | Pasted]) -> None:
    """What `ui.terminal` does with the guard's output."""
    from textual import events

    for piece in pieces:
        if isinstance(piece, Pasted):
            app._driver.process_message(events.Paste(piece.text))
        else:
            for message in parser.feed(piece):
                app._driver.process_message(message)


def blocked(log: Path) -> int:
    return sum(1 for e in read_log(log).entries if e.event.type == "lockdown_key_blocked")


async def hammer(app: Any, pilot: Any, rng: random.Random, seed: int) -> None:
    """The stream, read by read, with pauses in the input now and then."""
    guard, parser = InputGuard(), XTermParser()
    for number, (data, waited, pause) in enumerate(stream(rng)):
        deliver(app, parser, guard.feed(data, waited=waited))
        if pause:
            deliver(app, parser, guard.idle(1.0))  # a pause in the input
        if pause or number % 16 == 0:
            for message in parser.tick():
                app._driver.process_message(message)
            await pilot.pause()
            assert app._exception is None, f"seed {seed}, read {number}: {app._exception!r}"
            assert app.return_code is None, f"seed {seed}, read {number}: the exam ended"
            assert app.size == SIZE, f"seed {seed}, read {number}: resized to {app.size}"
    deliver(app, parser, guard.idle(1.0))
    await pilot.pause()
    assert app._exception is None, f"seed {seed}: {app._exception!r}"


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


@pytest.mark.timeout(300)
@pytest.mark.parametrize("seed", SEEDS)
async def test_random_terminal_bytes_open_no_way_out_and_make_nothing_up(
    seed: int, tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    run = exam_run(tmp_path / "logs", key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title, sub_title = app.title, app.sub_title
        spy = Spy(monkeypatch)
        try:
            await hammer(app, pilot, rng, seed)
            assert spy.calls == [], spy.calls
        finally:
            monkeypatch.undo()  # the pilot's own exit must work
        assert (app.title, app.sub_title) == (title, sub_title)
        assert not app.controller.state.ended
        guard, parser = InputGuard(), XTermParser()
        # sec15: a key within a second of its key's last record is counted, not logged: the
        # tick logs the hammer's counted Ctrl+C, then a second passes before the probe's
        app.advance(2)
        app.advance(1)
        before = blocked(run.log_path)
        await pilot.press(*["escape"] * 4)  # close whatever dialog the bytes opened
        await pilot.pause()
        deliver(app, parser, guard.feed(b"\x03", waited=1.0))
        await pilot.pause()
        assert blocked(run.log_path) > before, "the exam no longer answers a key"
        assert app._exception is None
    assert MARK not in run.log_path.read_text(encoding="ascii")
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    assert verify_log(run.log_path, pubkey).status in ("ok", "unsealed")


# --- what the fuzzer found, kept as regular tests ------------------------------------


async def test_an_at_sign_typed_in_the_queue_does_not_crash_the_exam(
    tmp_path: Path, key_file: Path
) -> None:
    # Found by the byte fuzzer: "@" is Textual's key "at", whose handler Textual looks
    # up as `_key_at` on the app; the app kept a float there (the time of the last
    # key), so "@" with the queue focused raised TypeError and ended the exam.
    run = exam_run(tmp_path / "logs", key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "queue"
        await pilot.press("@", "at", "down")
        await pilot.pause()
        assert app._exception is None, repr(app._exception)
        assert app.return_code is None


async def test_no_attribute_of_ours_is_taken_for_a_key_handler(
    tmp_path: Path, key_file: Path
) -> None:
    """Textual calls `key_<name>` or `_key_<name>` of every node a key reaches: any
    such attribute that is not a method is a crash waiting for its key."""
    run = exam_run(tmp_path / "logs", key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        nodes = [app, *app.screen_stack, *app.screen.query("*")]
        wrong = [
            f"{type(node).__name__}.{name}"
            for node in nodes
            for name in dir(node)
            if name.startswith(("key_", "_key_")) and not callable(getattr(node, name, None))
        ]
        assert wrong == []


@pytest.mark.parametrize(
    "data",
    [
        b"\x1b[99999999999999999999u",  # a kitty key report past U+10FFFF: OverflowError
        b"\x1b[1114112u",  # one past U+10FFFF: ValueError
        b"\x1b[48;3000;3000;0;0t",  # in-band resize: 38 s and 300 MB to lay out 3000 x 3000
    ],
)
async def test_bytes_the_fuzzer_found_leave_the_exam_as_it_was(
    tmp_path: Path, key_file: Path, data: bytes
) -> None:
    run = exam_run(tmp_path / "logs", key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        guard, parser = InputGuard(), XTermParser()
        deliver(app, parser, guard.feed(b"x" + data + b"\x03", waited=1.0))
        await pilot.pause()
        assert app._exception is None, repr(app._exception)
        assert app.size == SIZE
        assert guard.strays == 1
        assert blocked(run.log_path) == 1  # the Ctrl+C after it was still a key
