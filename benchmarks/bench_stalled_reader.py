"""Benchmark (pty21): an exam whose terminal stops reading its output, while input floods in.

    python benchmarks/bench_stalled_reader.py [--stalls 5,30,90] [--paste 1048576]
        [--winsize 0x0] [--xoff]

`helpdesk-exam exam` runs on a pseudo-terminal of 120 x 40 (as sshd would start it). For each
stall length S: the KB search is opened, the terminal's reader stops reading (the line stays
open: a frozen ssh client, a paused emulator, a starved process), `--paste` random bytes are
pasted (bracketed), and for S seconds a blocked key (Ctrl+C, Ctrl+Z, Ctrl+\\, Ctrl+D in turn)
is typed every 1.1 s. Then the reader comes back. Printed per stall: whether the exam was still
running at the end of the stall (and its exit status if not), the keys logged while nobody read
the terminal out of those typed, the seconds from the stall's start to the last key logged in
it, how long after the reader came back the screen was painted whole (the bytes after that
moment alone show what the terminal shows), a key's latency after, and the log's interruption
records (`session_paused`). `--winsize 0x0` starts the terminal with no size; `--xoff` has the
candidate type Ctrl+S (XOFF) first, which with IXON on would stop the exam's output.

Run it with the interpreter of the tree to measure (the exam is `sys.executable -m
helpdesk_tui.cli`); main's tree: copy the script into it.
"""

from __future__ import annotations

import argparse
import fcntl
import random
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpdesk_tui.eventlog import read_log  # noqa: E402
from tests.runtime.kit import make_keys  # noqa: E402
from tests.ui.test_exam_pty import Backlog, count, exam, started, until  # noqa: E402
from tests.ui.test_input_pty import (  # noqa: E402
    PASTE_END,
    PASTE_START,
    into_kb_search,
    painted_whole,
    send_bytes,
)

KEYS = ("\x03", "\x1a", "\x1c", "\x04")
NAMES = ("ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+d")


def keys_logged(log: Path) -> int:
    """The blocked keys in the log (not the paste's notes: invalid bytes, a sequence)."""
    return sum(
        1
        for e in read_log(log).events
        if e.type == "lockdown_key_blocked" and e.data.get("key") in NAMES
    )


def one_stall(stall_s: float, paste: int, winsize: tuple[int, int] | None, xoff: bool) -> str:
    folder = Path(tempfile.mkdtemp(prefix="bench-stall-"))
    term, logs = exam(folder, make_keys(folder / "centre" / "keys"))
    try:
        if winsize is not None:
            assert term.master is not None
            rows, cols = winsize
            fcntl.ioctl(term.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        log = started(term, logs)
        if xoff:
            term.send("\x13")  # Ctrl+S: a key, or the terminal's XOFF
        into_kb_search(term)
        term.reading.clear()
        until(Backlog(term), "the output to back up", timeout=60)
        began = time.monotonic()
        at_stall = keys_logged(log)
        send_bytes(term, PASTE_START + random.Random(11).randbytes(paste) + PASTE_END)
        typed, last_logged = 0, None
        while time.monotonic() - began < stall_s and term.process.poll() is None:
            before = count(log, "lockdown_key_blocked")
            term.send(KEYS[typed % 4])
            typed += 1
            sent = time.monotonic()
            while time.monotonic() - sent < 1.1:
                if count(log, "lockdown_key_blocked") > before:
                    last_logged = time.monotonic() - began
                time.sleep(0.01)
        logged = keys_logged(log) - at_stall
        state = "running" if term.process.poll() is None else f"ended ({term.process.returncode})"
        since = len(term.output)
        back = time.monotonic()
        term.reading.set()
        whole = None
        if term.process.poll() is None:
            try:
                until(lambda: painted_whole(term, since), "a whole repaint", timeout=30)
                whole = time.monotonic() - back
            except AssertionError:
                whole = None
        after = None
        if term.process.poll() is None:
            before = count(log, "lockdown_key_blocked")
            time.sleep(1.1)  # a blocked key logs at most once a second
            sent = time.monotonic()
            term.send("\x03")
            try:
                until(lambda: count(log, "lockdown_key_blocked") > before, "a key", timeout=30)
                after = time.monotonic() - sent
            except AssertionError:
                after = None
        paused = [e.data.get("reason") for e in read_log(log).events if e.type == "session_paused"]
    finally:
        term.close()
    last = "none" if last_logged is None else f"{last_logged:.1f} s"
    return (
        f"stall {stall_s:.0f} s: at its end {state}; keys logged while stalled {logged} of "
        f"{typed} typed (the last at {last}); painted whole "
        f"{'never' if whole is None else f'{whole:.2f} s'} after the reader came back; "
        f"a key after: {'none' if after is None else f'{after * 1000:.0f} ms'}; "
        f"interruptions {paused}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stalls", default="5,30,90")
    parser.add_argument("--paste", type=int, default=1 << 20)
    parser.add_argument("--winsize", default=None, help="ROWSxCOLS at start, e.g. 0x0")
    parser.add_argument("--xoff", action="store_true")
    args = parser.parse_args()
    winsize = None
    if args.winsize:
        rows, cols = (int(part) for part in args.winsize.split("x"))
        winsize = (rows, cols)
    for stall in (float(s) for s in args.stalls.split(",")):
        print(one_stall(stall, args.paste, winsize, args.xoff), flush=True)


if __name__ == "__main__":
    main()
