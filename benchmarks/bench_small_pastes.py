"""The red team for pastes without markers in small pieces, on a locked exam in tmux (sec18).

    python benchmarks/bench_small_pastes.py [--dir DIR] [--only NAME,...]

A locked exam (`helpdesk-exam exam en-northwind-monday`, the centre's key, a proctor code)
runs in a tmux server of its own (`tmux -L sec18-NNN`, 120 x 40). Each attack writes to the
exam's terminal as a terminal without bracketed paste would (`tmux paste-buffer` without
`-p`: no paste markers) or as a person types (`send-keys`), then reads the log's new records
and the screen. Attacks:

- `pieces-SIZE-EVERY`: five pieces of SIZE characters EVERY seconds apart (100/300/500 x
  0.1/0.2/0.3), each holding F12's bytes, a wrong proctor code and Enter, the right code and
  Enter, "e" and "c" (the proctor menu's end and close), Ctrl+C/Z/\\/D/Q, F10, F11, an OSC 52
  and text;
- `repeat-left`, `repeat-backspace`: a held key for 5 s at 30 a second (`send-keys` one repeat
  at a time) in an internal note (F2, `i`) over 150 typed characters; the note saved
  afterwards (Ctrl+S) says whether a repeat was lost (the X lands after exactly one
  character; Backspace leaves only the X);
- `typist`: a paragraph typed at 12 characters a second into a note, in pieces of 1-3
  characters (`send-keys -l`), then Ctrl+S: the note logged must be the paragraph.

After each: the log's new record types, whether the proctor dialog or menu is on the screen,
and the exam still running. At the end the hand-in (F10, Y, H), the proctor (F12, the code,
C), `verify --pubkey` and the log replayed through the reducer (`reducer.reduce`). Everything
it starts is stopped on exit; no figure here is timed by a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = Path(sys.executable).with_name("helpdesk-exam")
CODE = "sec18-proctor-2468"
F12, F10, F11 = "\x1b[24~", "\x1b[21~", "\x1b[23~"
HOSTILE = (
    f"hello {F12}00000000\r{F12}{CODE}\re c \x03\x1a\x1c\x04\x11 {F10}y h "
    f"{F11}\x1b]52;c;SGVsbG8=\x07 world "
)
PARAGRAPH = (
    "Good morning, I have looked at your VPN ticket. Could you first unplug the cable and "
    "plug it in again after ten seconds? Then restart the laptop; if it still fails, I will "
    "pass the ticket to the second line. Merci pour votre patience."
)


class Exam:
    """One locked exam in a tmux server of its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server = f"sec18-{os.getpid()}"
        keys = folder / "keys"
        subprocess.run(
            [str(PROGRAM), "keys", "init", str(keys), "--proctor-code-stdin"],
            input=CODE + "\n",
            text=True,
            check=True,
            capture_output=True,
        )
        self.logs = folder / "logs"
        self.logs.mkdir()
        command = (
            f"cd {folder} && exec {PROGRAM} exam en-northwind-monday --candidate c0018 "
            f"--key keys/exam-centre.key --logs logs --lang en"
        )
        self.tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "40", command)
        self.wait_for("Queue", 30)
        self.log = next(self.logs.glob("**/*.jsonl"))
        self.seen = 0

    def tmux(self, *args: str, data: str | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.server, *args],
            input=data,
            text=True,
            capture_output=True,
            check=False,
            timeout=10,
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, limit: float) -> bool:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if text in self.screen():
                return True
            time.sleep(0.1)
        return False

    def paste(self, text: str) -> None:
        """`text` written to the exam's terminal at once, without paste markers."""
        self.tmux("load-buffer", "-b", "p", "-", data=text)
        self.tmux("paste-buffer", "-b", "p", "-t", "t")

    def keys(self, *names: str, literal: bool = False) -> None:
        # tmux takes an argument ending in ";" for its command separator: escaped
        names = tuple(n[:-1] + "\\;" if n.endswith(";") else n for n in names)
        self.tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *names)

    def new_records(self) -> list[dict[str, Any]]:
        lines = self.log.read_text(encoding="utf-8").splitlines()
        fresh = [json.loads(line) for line in lines[self.seen :] if line.strip()]
        self.seen = len(lines)
        return fresh

    def alive(self) -> bool:
        return "t" in self.tmux("list-sessions", "-F", "#{session_name}").split()

    def close(self) -> None:
        self.tmux("kill-server")


def kinds(records: list[dict[str, Any]]) -> list[str]:
    """Each record's type, with what a blocked key or notice says."""
    out = []
    for record in records:
        data = record.get("data", {})
        detail = data.get("key") or data.get("msgid") or ""
        if data.get("count"):
            detail += f" x{data['count']}"
        out.append(f"{record['type']}" + (f"({detail})" if detail else ""))
    return out


def settle(exam: Exam) -> None:
    """Escape out of whatever opened, so the next attack starts on the queue."""
    time.sleep(1.2)
    for _ in range(3):
        exam.keys("Escape")
        time.sleep(0.3)


def pieces(exam: Exam, size: int, every: float) -> dict[str, Any]:
    piece = (HOSTILE * (size // len(HOSTILE) + 1))[:size]
    exam.new_records()
    for _ in range(5):
        exam.paste(piece)
        time.sleep(every)
    time.sleep(0.5)
    screen = exam.screen()
    records = exam.new_records()
    result = {
        "records": kinds(records),
        "wrong tries": sum("wrong" in k for k in kinds(records)),
        "proctor menu on screen": "Close the program" in screen or "End the exam" in screen,
        "code dialog on screen": "Proctor code" in screen,
        "exam running": exam.alive(),
        "ended": any(r["type"] in ("session_ended", "log.seal") for r in records),
    }
    settle(exam)
    exam.new_records()
    return result


def note_form(exam: Exam) -> None:
    """The queue (F2), then a note on its ticket (`i`)."""
    exam.keys("F2")
    time.sleep(0.5)
    exam.keys("i")
    exam.wait_for("Internal note", 5)
    time.sleep(0.3)


def sent_text(records: list[dict[str, Any]]) -> list[str]:
    return [r["data"].get("text", "") for r in records if r["type"] == "note_added"]


def held(exam: Exam, key: str) -> dict[str, Any]:
    """150 characters typed, then `key` held for 5 s at 30 a second, then X and Enter."""
    exam.new_records()
    note_form(exam)
    typed = "0123456789" * 15
    exam.keys(typed, literal=True)
    time.sleep(1.0)
    count = 149 if key == "Left" else 150
    start = time.monotonic()
    for n in range(count):
        exam.keys(key)
        time.sleep(max(0.0, start + (n + 1) / 30 - time.monotonic()))
    time.sleep(0.5)
    exam.keys("X", literal=True)
    time.sleep(0.3)
    exam.keys("C-s")
    time.sleep(1.0)
    sent = sent_text(exam.new_records())
    expected = "0X" + typed[1:] if key == "Left" else "X"
    result = {"sent": sent, "expected": expected, "every repeat kept": sent == [expected]}
    settle(exam)
    exam.new_records()
    return result


def typist(exam: Exam) -> dict[str, Any]:
    """The paragraph at 12 characters a second in pieces of 1-3, then Enter."""
    exam.new_records()
    note_form(exam)
    start, at, n = time.monotonic(), 0, 0
    while at < len(PARAGRAPH):
        take = 1 + n % 3
        exam.keys(PARAGRAPH[at : at + take], literal=True)
        at += take
        n += 1
        time.sleep(max(0.0, start + at / 12 - time.monotonic()))
    time.sleep(0.5)
    exam.keys("C-s")
    time.sleep(1.0)
    sent = sent_text(exam.new_records())
    result = {"seconds": round(time.monotonic() - start, 1), "sent as typed": sent == [PARAGRAPH]}
    if sent != [PARAGRAPH]:
        result["sent"] = sent
    settle(exam)
    exam.new_records()
    return result


def finish(exam: Exam) -> dict[str, Any]:
    """Hand in, the proctor closes, verify and replay the log."""
    exam.keys("Escape")
    time.sleep(0.3)
    steps = (("F10", "Hand in your exam?"), ("y", "Are you sure?"), ("h", "call the proctor"))
    for key, expect in steps:
        exam.keys(key)
        exam.wait_for(expect, 10)
    exam.keys("F12")
    exam.wait_for("Proctor code", 10)
    time.sleep(1.5)
    exam.keys(CODE, literal=True)
    exam.keys("Enter")
    exam.wait_for("Close the program", 10)
    exam.keys("c")
    end = time.monotonic() + 15
    while exam.alive() and time.monotonic() < end:
        time.sleep(0.2)
    verify = subprocess.run(
        [
            str(PROGRAM),
            "verify",
            str(exam.log),
            "--pubkey",
            str(exam.folder / "keys/exam-centre.pub"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    from helpdesk_tui.core.reducer import reduce
    from helpdesk_tui.eventlog.reader import read_log

    contents = read_log(exam.log)
    state = reduce(contents.events)
    return {
        "exam closed": not exam.alive(),
        "verify rc": verify.returncode,
        "verify": verify.stdout.strip().splitlines()[:2],
        "replayed events": len(contents.events),
        "replay ended": state.end_reason,
    }


ATTACKS = [f"pieces-{size}-{every}" for size in (100, 300, 500) for every in (0.1, 0.2, 0.3)]
ATTACKS += ["repeat-left", "repeat-backspace", "typist"]


def run(exam: Exam, name: str) -> dict[str, Any]:
    if name.startswith("pieces-"):
        _, size, every = name.split("-")
        return pieces(exam, int(size), float(every))
    if name.startswith("repeat-"):
        return held(exam, "Left" if name.endswith("left") else "BSpace")
    return typist(exam)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="keep the keys and logs here")
    parser.add_argument("--only", default=",".join(ATTACKS))
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("bench: needs tmux")
    folder = Path(args.dir or tempfile.mkdtemp(prefix="sec18-rt-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load: {os.getloadavg()}; folder {folder}")
    exam = Exam(folder)
    try:
        time.sleep(2.0)
        exam.new_records()
        for name in args.only.split(","):
            print(name, json.dumps(run(exam, name), ensure_ascii=False), flush=True)
        print("finish", json.dumps(finish(exam)), flush=True)
    finally:
        exam.close()
    print(f"load: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
