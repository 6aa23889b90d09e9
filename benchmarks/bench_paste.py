"""A 1 MB paste of random bytes into the exam's text fields, on the real byte path.

    python benchmarks/bench_paste.py [--size 1048576] [--keys 7]

Runs `helpdesk-exam exam` on a pseudo-terminal (as sshd would), and for each of
the KB search box, the public reply form, the internal note form and the new
ticket form's title: opens it, pastes `--size` random bytes (bracketed paste),
then measures how long a key takes to be answered: Ctrl+C, which the exam logs
as a blocked key, from the byte written to its record in the log file. Then
once more with an end-of-paste sequence planted 100 KB into the paste (the
rest arrives as a flood of "typed" bytes). Prints, per field, the first key's
latency and the median and max of the keys after it, and the exam's peak
resident memory (VmHWM) at the end. Target (issue 11): keys within 200 ms,
under 200 MB.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.runtime.kit import make_keys  # noqa: E402

START, END = b"\x1b[200~", b"\x1b[201~"
ESC = b"\x1b"


class Exam:
    """The exam on a pty, its output drained, its log watched."""

    def __init__(self, folder: Path) -> None:
        keys = make_keys(folder / "keys")
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {"PATH": os.environ["PATH"], "HOME": str(folder), "TERM": "xterm-256color"}
        self.logs = folder / "logs"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "helpdesk_tui.cli", "exam", "en-northwind-monday"]
            + ["--candidate", "bench", "--key", str(keys), "--logs", str(self.logs)]
            + ["--lang", "en"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=folder,
            env=env,
            preexec_fn=self._controlling,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        threading.Thread(target=self._drain, daemon=True).start()
        self.log = self._wait(lambda: next(iter(self.logs.glob("*.jsonl")), None))
        self._wait(lambda: b"Search the knowledge base" in self.output)

    @staticmethod
    def _controlling() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    @staticmethod
    def _wait(condition, timeout: float = 30.0):  # type: ignore[no-untyped-def]
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = condition()
            if value:
                return value
            time.sleep(0.01)
        raise SystemExit("timed out")

    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def blocked(self) -> int:
        return self.log.read_bytes().count(b'"type":"lockdown_key_blocked"')

    def key(self) -> float:
        """Ctrl+C until one is logged (a key read with a flood's tail is part of it)."""
        for _ in range(30):
            before, sent = self.blocked(), time.monotonic()
            self.send(b"\x03")
            while time.monotonic() - sent < 1.0:
                if self.blocked() > before:
                    return time.monotonic() - sent
                time.sleep(0.002)
        raise SystemExit("no key answered")

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        os.close(self.master)


FIELDS = {
    "KB search": b"/",
    "reply form": b"\x1b[12~r",  # F2 (queue), r
    "note form": b"\x1b[12~i",
    "new ticket title": b"\x1b[12~n",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1 << 20)
    parser.add_argument("--keys", type=int, default=7)
    args = parser.parse_args()
    noise = random.Random(7).randbytes(args.size).replace(END, b"").replace(START, b"")
    with tempfile.TemporaryDirectory() as folder:
        exam = Exam(Path(folder))
        try:
            print(f"paste of {args.size:,} random bytes; key = Ctrl+C to its log record")
            print(f"{'field':<34} {'first key':>10} {'median':>8} {'max':>8}")
            for name, opening in FIELDS.items():
                for planted in (False, True):
                    exam.send(ESC + ESC)
                    time.sleep(0.3)
                    exam.send(opening)
                    time.sleep(0.5)
                    body = noise[:100_000] + END + noise[100_000:] if planted else noise
                    exam.send(START + body + (b"" if planted else END))
                    first = exam.key()
                    after = [exam.key() for _ in range(args.keys)]
                    label = name + (" (end-of-paste planted)" if planted else "")
                    print(
                        f"{label:<34} {first * 1000:>8.0f} ms"
                        f" {statistics.median(after) * 1000:>5.0f} ms {max(after) * 1000:>5.0f} ms"
                    )
            print(f"peak resident memory of the exam: {exam.peak_mb():.0f} MB")
        finally:
            exam.stop()


if __name__ == "__main__":
    main()
