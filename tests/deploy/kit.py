"""Helpers for the deployment tests: a sandbox for the login wrapper and a pty runner."""

from __future__ import annotations

import fcntl
import json
import os
import pwd
import select
import shutil
import signal
import subprocess
import sys
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
WRAPPER = DEPLOY / "helpdesk-exam-login"
FAKE = Path(__file__).resolve().parent / "fake_helpdesk_exam.py"
SHELL_SCRIPTS = sorted([*DEPLOY.glob("*.sh"), WRAPPER])


def me() -> str:
    return pwd.getpwuid(os.getuid()).pw_name


def install_fake(folder: Path, name: str = "helpdesk-exam", python: str = sys.executable) -> Path:
    """The fake program in `folder`, runnable, with `python` (default: this one) on its #! line."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(f"#!{python}\n" + FAKE.read_text(encoding="utf-8"), encoding="utf-8")
    target.chmod(0o755)
    return target


def calls_of(fake: Path) -> list[dict[str, Any]]:
    """What a fake program installed with `install_fake` was called with, in order."""
    path = fake.parent / "calls.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


@dataclass
class Sandbox:
    """Everything exam.conf points at, in a temporary folder."""

    root: Path
    conf: Path = field(init=False)
    program: Path = field(init=False)
    key: Path = field(init=False)
    pubkey: Path = field(init=False)
    scenario: Path = field(init=False)
    logs: Path = field(init=False)

    def __post_init__(self) -> None:
        self.program = install_fake(self.root / "bin")
        keys = self.root / "keys"
        keys.mkdir()
        self.key = keys / "exam-centre.key"
        self.key.write_text("-----BEGIN PRIVATE KEY-----\nfake\n-----END PRIVATE KEY-----\n")
        self.key.chmod(0o400)
        self.pubkey = keys / "exam-centre.pub"
        self.pubkey.write_text("-----BEGIN PUBLIC KEY-----\nfake\n-----END PUBLIC KEY-----\n")
        self.scenario = self.root / "scenarios" / "en-test"
        self.scenario.mkdir(parents=True)
        (self.scenario / "scenario.toml").write_text('id = "en-test"\n')
        self.logs = self.root / "logs"
        self.logs.mkdir(mode=0o700)
        self.conf = self.root / "exam.conf"
        self.write_conf()

    def write_conf(self, **overrides: Any) -> None:
        settings: dict[str, Any] = {
            "scenario": self.scenario,
            "logs_dir": self.logs,
            "key": self.key,
            "program": self.program,
            "exam_user": me(),
            "candidate_group": "",
            "lang": "en",
            "wait_s": 1,
            "pause_s": 0,
            "watch_s": 0,  # no watchdog (it keeps the terminal open up to watch_s after the exam)
            "watch_grace_s": 1,
        }
        settings.update(overrides)
        lines = ["# test configuration"]
        lines += [f"{k} = {v}" for k, v in settings.items() if v is not None]
        self.conf.write_text("\n".join(lines) + "\n")
        self.conf.chmod(0o644)

    def calls(self) -> list[dict[str, Any]]:
        return calls_of(self.program)

    def starts(self) -> list[list[str]]:
        """The exam/resume calls (not verify, not the sitting register), as argv lists."""
        return [c["argv"] for c in self.calls() if c["argv"][:1] not in (["verify"], ["sitting"])]

    def candidate_dir(self, candidate: str = "c0042") -> Path:
        return self.logs / candidate

    def add_log(
        self, name: str, content: str, candidate: str = "c0042", mtime: float | None = None
    ) -> Path:
        folder = self.candidate_dir(candidate)
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / name
        path.write_text(content)
        if mtime is not None:
            os.utime(path, (mtime, mtime))
        return path

    def env(self, **extra: str) -> dict[str, str]:
        """The wrapper's environment, as sudo would hand it over for candidate c0042."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root),
            "TERM": "xterm-256color",
            "HELPDESK_EXAM_CONF": str(self.conf),
            # a refusal before the configuration's pause_s = 0 is read would wait 5 s
            "HELPDESK_EXAM_PAUSE_S": "0",
            "SUDO_USER": "c0042",
        }
        env.update(extra)
        return {k: v for k, v in env.items() if v is not None}


@dataclass
class Run:
    returncode: int
    output: str


def run_in_pty(
    argv: list[str],
    env: dict[str, str],
    *,
    tty: bool = True,
    timeout: float = 30,
    hang_up_when: Path | None = None,
) -> Run:
    """Run `argv` on a new pseudo-terminal (its controlling terminal), collecting what it prints.

    With `hang_up_when`, the terminal is hung up (the master closed, as sshd does
    when a connection drops) as soon as that file exists.
    """
    if not tty:
        proc = subprocess.run(
            argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
        )
        return Run(proc.returncode, proc.stdout + proc.stderr)
    master, slave = os.openpty()

    def controlling_tty() -> None:
        """As sshd starts a session: this terminal, and every signal at its default
        (a test run started in the background would otherwise pass on ignored ^C/^\\)."""
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP, signal.SIGHUP, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)

    proc = subprocess.Popen(
        argv,
        env=env,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        preexec_fn=controlling_tty,  # noqa: PLW1509 (a test helper; no threads running yet)
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    open_master: int | None = master
    eof_deadline: float | None = None
    try:
        while True:
            now = time.monotonic()
            if now > deadline:
                proc.kill()
                proc.wait()
                raise TimeoutError(f"{argv[0]} still running after {timeout} s")
            if open_master is not None:
                if hang_up_when is not None and hang_up_when.exists():
                    os.close(open_master)  # no other thread reads it: the hang-up is real
                    open_master = None
                    continue
                ready, _, _ = select.select([open_master], [], [], 0.05)
                if ready:
                    try:
                        data = os.read(open_master, 4096)
                    except OSError:
                        data = b""
                    if data:
                        chunks.append(data)
                        continue
                    os.close(open_master)  # EOF: every writer has closed the terminal
                    open_master = None
            else:
                time.sleep(0.05)
            if proc.poll() is not None:
                # a helper (the watchdog) may keep the terminal open a moment longer
                eof_deadline = eof_deadline or now + 5
                if open_master is None or now > eof_deadline:
                    break
    finally:
        if open_master is not None:
            os.close(open_master)
    return Run(proc.returncode, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"))


def has(tool: str) -> bool:
    return shutil.which(tool) is not None
