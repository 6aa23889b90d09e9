"""Benchmark (sec17, red team): a key typed a moment after a flood ends, on a locked exam.

    python benchmarks/bench_flood_keys.py [--size 100000] [--delays 0,0.05,0.1,0.2,0.3,1]
        [--trials 4] [--bracketed] [--pieces N --gap S]

An exam (`en-northwind-monday`, a fresh centre key and proctor code) runs on a pty of 120 x
40. Each trial writes a flood of `--size` bytes (lines of letters with CR, as a paste without
markers sends them; `--bracketed`: inside paste markers), in `--pieces` writes `--gap` s apart
if asked, waits until the exam has read its last byte (the pty's input queue, FIONREAD on the
slave, is empty and the writer is done), waits `delay`, then types Ctrl+C, which the exam
logs as a blocked key. A key typed after the flood ended must be a key: the figure is how many
Ctrl+C of each delay reached the log. A Ctrl+C written in the same write as the flood (delay
"at once") is the flood's, and must not act. The proctor ends the exam (F12, code, E) and the
log is verified at the end.

What the input thread measured before sec17 (`waited`: the seconds of its last `select`, which
starts again every 0.1 s with nothing to read) made a key 0.05-0.25 s after a flood its rest
about one time in five; `ui.input_guard.ReadTimes` measures from the end of the last read.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROWS, COLS = 40, 120
CODE = "4711-proctor"
START, END = b"\x1b[200~", b"\x1b[201~"
CTRL_C = b"\x03"
CLI = [sys.executable, "-m", "helpdesk_tui.cli"]


class Exam:
    """A program of ours on a pty of its own; its output drained (and kept, stripped) by a
    thread."""

    def __init__(self, root: Path, argv: list[str] | None = None) -> None:
        """`argv`, or a locked exam with a fresh centre key in `root`."""
        self.logs = root / "logs"
        if argv is None:
            keys = root / "keys"
            subprocess.run(
                [*CLI, "keys", "init", str(keys), "--proctor-code", CODE],
                check=True, capture_output=True,
            )  # fmt: skip
            argv = [*CLI, "exam", "en-northwind-monday", "--candidate", "c0017", "--key",
                    str(keys / "exam-centre.key"), "--logs", str(self.logs)]  # fmt: skip
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLS), "LINES": str(ROWS)}

        def tty() -> None:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            argv, stdin=self.slave, stdout=self.slave, stderr=self.slave, env=env,
            start_new_session=True, preexec_fn=tty,  # noqa: PLW1509 (no threads yet)
        )  # fmt: skip
        self.screen = bytearray()
        threading.Thread(target=self._drain, daemon=True).start()

    def end_by_proctor(self) -> None:
        """F12, the code, E: the exam sealed `proctor-stopped`, the program gone."""
        self.write(b"\x1b[24~")
        self.wait_for(b"Proctor code", 30)
        self.write(CODE.encode() + b"\r")
        self.wait_for(b"End the exam", 30)
        self.write(b"e")
        self.process.wait(60)

    def stop(self) -> None:
        """Kill it if it still runs (a bench that failed half-way)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            text = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]|\x1b[()][0-9A-Z]", b"", data)
            self.screen = (self.screen + text)[-50000:]

    def wait_for(self, text: bytes, limit_s: float) -> bool:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if text in self.screen:
                return True
            time.sleep(0.05)
        return False

    def unread(self) -> int:
        """Bytes typed into the terminal that the exam has not read yet."""
        buf = fcntl.ioctl(self.slave, termios.FIONREAD, b"\0\0\0\0")
        return int(struct.unpack("i", buf)[0])

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def log(self) -> Path:
        return next(self.logs.glob("*.jsonl"))

    def blocked(self, key: str) -> int:
        count = 0
        for line in self.log().read_bytes().splitlines():
            record = json.loads(line)
            if record.get("type") == "lockdown_key_blocked" and record["data"]["key"] == key:
                count += 1
        return count


def flood(size: int, bracketed: bool) -> bytes:
    body = (b"A" * 79 + b"\r") * (size // 80 + 1)
    return START + body[:size] + END if bracketed else body[:size]


def trial(
    exam: Exam, body: bytes, delay: float | None, pieces: int, gap: float
) -> tuple[bool, float]:
    """One flood, then Ctrl+C `delay` s after its last byte was read (None: in the same
    write). Whether the Ctrl+C reached the log, and the seconds the exam took to read the
    flood (from its first byte written to its last read)."""
    before = exam.blocked("ctrl+c")
    began = time.monotonic()
    step = -(-len(body) // pieces)
    for at in range(0, len(body), step):
        last = at + step >= len(body)
        exam.write(body[at : at + step] + (CTRL_C if last and delay is None else b""))
        if not last:
            time.sleep(gap)
    while exam.unread():
        time.sleep(0.001)
    read_s = time.monotonic() - began
    if delay is not None:
        time.sleep(delay)
        exam.write(CTRL_C)
    deadline = time.monotonic() + (4 if delay is None else 15)
    while time.monotonic() < deadline:
        if exam.blocked("ctrl+c") > before and exam.unread() == 0:
            break
        time.sleep(0.05)
    time.sleep(0.5)
    return exam.blocked("ctrl+c") > before, read_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--delays", default="at-once,0.05,0.1,0.2,0.3,1")
    parser.add_argument("--trials", type=int, default=4)
    parser.add_argument("--bracketed", action="store_true")
    parser.add_argument("--pieces", type=int, default=1)
    parser.add_argument("--gap", type=float, default=0.2)
    args = parser.parse_args()
    delays = [None if d == "at-once" else float(d) for d in args.delays.split(",")]
    print(f"load before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="bench-flood-keys-") as tmp:
        exam = Exam(Path(tmp))
        try:
            if not exam.wait_for(b"Queue", 60):
                print("the exam never showed its queue")
                return 1
            time.sleep(2)
            body = flood(args.size, args.bracketed)
            for delay in delays:
                runs = [trial(exam, body, delay, args.pieces, args.gap) for _ in range(args.trials)]
                name = "at once" if delay is None else f"{delay:.2f} s"
                kept, read = sum(k for k, _ in runs), max(s for _, s in runs)
                print(
                    f"Ctrl+C {name} after the flood: {kept}/{len(runs)} reached the log "
                    f"(the flood read in at most {read:.2f} s)"
                )
            exam.end_by_proctor()
            verify = subprocess.run(
                [*CLI, "verify", str(exam.log()),
                 "--pubkey", str(Path(tmp) / "keys" / "exam-centre.pub")],
                capture_output=True, text=True,
            )  # fmt: skip
            print(f"verify: exit {verify.returncode}: {verify.stdout.strip().splitlines()[:1]}")
        finally:
            exam.stop()
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
