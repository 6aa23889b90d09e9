"""The exam as a real process on a pseudo-terminal: lockdown keys, signals, a dead terminal.

`helpdesk-exam exam` runs with the pty as its controlling terminal
(TERM=xterm-256color, TEXTUAL_ALLOW_SIGNALS=1 in its environment, which the exam
must clear). The test sends the raw control bytes a keyboard sends, and waits for
what it expects by polling the log file with a bounded deadline (never a fixed
sleep). The terminal's output is drained all the time, as a terminal would.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpdesk_tui.eventlog import load_public_key, read_log, verify_log
from helpdesk_tui.language import compiled
from tests.runtime.kit import PROCTOR_CODE, make_keys

DEADLINE_S = 20.0
F10, F12, ENTER = "\x1b[21~", "\x1b[24~", "\r"
CONTROL_BYTES = {
    "ctrl+c": "\x03",
    "ctrl+z": "\x1a",
    "ctrl+q": "\x11",
    "ctrl+backslash": "\x1c",
    "ctrl+d": "\x04",
    "ctrl+p": "\x10",
}

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="pseudo-terminals as on Linux")


def _controlling_tty() -> None:
    """In the child: a session of its own with the pty as its terminal and every
    signal at its default, as sshd sets up."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


class Terminal:
    """A program on a pty: keys in, output drained, the master closable (a dropped line)."""

    def __init__(self, *args: str, cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(cwd),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "TEXTUAL_ALLOW_SIGNALS": "1",  # the exam must clear it
        }
        shared = compiled.cache_dir()
        if shared is not None:
            # The lemma tables from the suite's own cache: with HOME a fresh folder, every
            # exam here built them again at its first message (0.5-1 s of CPU each).
            env[compiled.ENV] = str(shared)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "helpdesk_tui.cli", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            preexec_fn=_controlling_tty,
            close_fds=True,
        )
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self.reading = threading.Event()
        self.reading.set()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        """Read the output as a terminal does, while `reading` is set (a client that
        freezes stops reading but keeps the line open)."""
        while self.master is not None:
            if not self.reading.wait(0.05):
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def unread(self) -> int:
        """Bytes the program wrote that nobody has read yet."""
        assert self.master is not None
        return struct.unpack("i", fcntl.ioctl(self.master, termios.FIONREAD, b"\0" * 4))[0]

    def send(self, text: str) -> None:
        assert self.master is not None
        os.write(self.master, text.encode())

    def hang_up(self) -> None:
        master, self.master = self.master, None
        if master is not None:
            os.close(master)

    def wait_exit(self, timeout: float = DEADLINE_S) -> int:
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.hang_up()


def until(condition: Callable[[], object], what: str, timeout: float = DEADLINE_S) -> object:
    """Poll until `condition()` is truthy, at most `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def log_in(folder: Path) -> Path | None:
    logs = sorted(folder.glob("*.jsonl"))
    return logs[0] if logs else None


def count(log: Path, event_type: str) -> int:
    return log.read_bytes().count(f'"type":"{event_type}"'.encode())


def started(term: Terminal, logs: Path) -> Path:
    """The log, once the exam has started and drawn its first screen."""
    log = until(lambda: log_in(logs), "the log to be created")
    assert isinstance(log, Path)
    until(lambda: count(log, "session_started"), "the session to start")
    until(lambda: b"Proctor" in term.output, "the exam screen")
    return log


def proctor_code(term: Terminal) -> None:
    term.send(F12)
    until(lambda: b"Proctor code" in term.output, "the proctor's code dialog")
    term.send(PROCTOR_CODE + ENTER)
    until(
        lambda: (
            b"Resume the exam clock" in term.output
            or b"Pause the exam clock" in term.output
            or b"Close the program" in term.output
        ),
        "the proctor's menu",
    )


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def exam(tmp_path: Path, key_file: Path) -> tuple[Terminal, Path]:
    logs = tmp_path / "logs"
    term = Terminal(
        "exam",
        "en-northwind-monday",
        "--candidate",
        "c0042",
        "--key",
        str(key_file),
        "--logs",
        str(logs),
        "--lang",
        "en",
        cwd=tmp_path,
    )
    return term, logs


def test_the_lockdown_keys_are_logged_and_only_the_proctor_ends_the_exam(
    tmp_path: Path, key_file: Path
) -> None:
    term, logs = exam(tmp_path, key_file)
    try:
        log = started(term, logs)
        term.send("".join(CONTROL_BYTES.values()))
        until(lambda: count(log, "lockdown_key_blocked") == len(CONTROL_BYTES), "6 blocked keys")
        assert term.process.poll() is None  # still running: nothing quit or suspended it
        keys = [
            e.event.data["key"]
            for e in read_log(log).entries
            if e.event.type == "lockdown_key_blocked"
        ]
        assert keys == list(CONTROL_BYTES)
        proctor_code(term)
        term.send("e")
        assert term.wait_exit() == 0
    finally:
        term.close()
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    assert verify_log(log, pubkey).summary.seal_reason == "proctor-stopped"


def test_sigterm_interrupts_kill_9_loses_nothing_and_resume_carries_on_to_the_hand_in(
    tmp_path: Path, key_file: Path
) -> None:
    term, logs = exam(tmp_path, key_file)
    try:
        log = started(term, logs)
        term.process.send_signal(signal.SIGTERM)
        assert term.wait_exit() == 3  # interrupted, resumable
    finally:
        term.close()
    last = read_log(log).events[-1]
    assert last.type == "session_paused" and last.data["reason"] == "interrupted: SIGTERM"

    resume = ("resume", str(log), "--key", str(key_file), "--lang", "en")
    term = Terminal(*resume, cwd=tmp_path)
    try:
        until(lambda: count(log, "session_resumed") == 1, "the first resume")
        until(lambda: b"Proctor" in term.output, "the exam screen")
        term.send("\x03")
        until(lambda: count(log, "lockdown_key_blocked") == 1, "the blocked key, acknowledged")
        term.process.kill()
        term.wait_exit()
    finally:
        term.close()

    term = Terminal(*resume, cwd=tmp_path)
    try:
        until(lambda: count(log, "session_resumed") == 2, "the second resume")
        until(lambda: b"Hand in" in term.output, "the exam screen")
        term.send(F10)
        until(lambda: b"After handing in" in term.output, "the hand-in question")
        term.send("y")
        until(lambda: b"Are you sure?" in term.output, "the second question")
        term.send("h")
        until(lambda: b"Your exam has ended" in term.output, "the final screen")
        until(lambda: b'"type":"log.seal"' in log.read_bytes(), "the seal")
        term.send("\r q\x03")  # nothing leaves the final screen...
        proctor_code(term)  # ...but the proctor
        term.send("c")
        assert term.wait_exit() == 0
    finally:
        term.close()
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    result = verify_log(log, pubkey)
    assert result.status == "ok" and result.summary.seal_reason == "handed-in"
    assert count(log, "lockdown_key_blocked") >= 1


def test_a_terminal_that_goes_away_ends_the_exam_promptly_and_resumably(
    tmp_path: Path, key_file: Path
) -> None:
    term, logs = exam(tmp_path, key_file)
    try:
        log = started(term, logs)
        began = time.monotonic()
        term.hang_up()  # sshd dropped the connection: the master side is gone
        term.wait_exit(timeout=15)
        assert time.monotonic() - began < 15
    finally:
        term.close()
    last = read_log(log).events[-1]
    assert last.type == "session_paused" and last.data["reason"].startswith("interrupted: ")
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    result = verify_log(log, pubkey)
    assert result.status == "unsealed" and result.unsigned_records == 0


class Backlog:
    """Whether the program's output has filled the line and stopped: its writes block.

    The exam clock repaints every second, so output that is waiting and has not
    grown for `quiet` seconds is output that cannot be written.
    """

    def __init__(self, term: Terminal, quiet: float = 1.5) -> None:
        self.term = term
        self.quiet = quiet
        self.seen = (-1, time.monotonic())

    def __call__(self) -> bool:
        unread, now = self.term.unread(), time.monotonic()
        if unread != self.seen[0]:
            self.seen = (unread, now)
            return False
        return unread > 0 and now - self.seen[1] >= self.quiet


def test_a_terminal_nobody_reads_does_not_keep_the_exam_from_stopping(
    tmp_path: Path, key_file: Path
) -> None:
    """A frozen client (its side of the line stops reading): the exam's output blocks,
    which once blocked its event loop and with it every signal handler."""
    term, logs = exam(tmp_path, key_file)
    try:
        log = started(term, logs)
        term.send("\x03")
        until(lambda: count(log, "lockdown_key_blocked"), "the blocked key")
        term.reading.clear()  # the client freezes
        until(Backlog(term), "the exam's output to back up", timeout=60)
        term.process.send_signal(signal.SIGTERM)
        # Without the fix the process never exits; a generous bound keeps a loaded
        # CI machine from turning a timing figure into a failure.
        assert term.wait_exit(timeout=30) == 3
    finally:
        term.close()
    last = read_log(log).events[-1]
    assert last.type == "session_paused" and last.data["reason"] == "interrupted: SIGTERM"
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    assert verify_log(log, pubkey).unsigned_records == 0
