"""Load test of a sitting (issue 15): N candidates log in and work at once on one server.

    python benchmarks/bench_sitting.py [--candidates 30] [--seconds 60] [--mode auto|ssh|pty]
                                       [--json FILE] [--seed N] [--keep] [--nice N]
                                       [--profile DIR] [--sample S]

Every candidate logs in through the real `deploy/helpdesk-exam-login`:

- **ssh** (as root, with sshd and sudo installed): a throwaway sshd on
  127.0.0.1 and a free high port, configured with the deploy drop-in and the
  sudoers rule (as `tests/deploy/test_ssh_live.py` does), a throwaway exam
  user, group and candidate accounts with an SSH key each, all removed
  afterwards. Each candidate is an `ssh -tt` client on a pseudo-terminal of
  120 x 40: sshd, sudo (with its own pty), the wrapper, the exam.
- **pty** (no root, or no sshd/sudo): the wrapper's second step on a
  pseudo-terminal per candidate, as sudo would start it (SUDO_USER set, the
  exam user being whoever runs the bench): the same checks, lock, clean
  environment and exam, without sshd and sudo. The bench says which it used.

Each candidate is driven by a scripted client that reads the terminal output
and types like a candidate: a key every 200-800 ms, in episodes: a chat reply
(F4, a sentence, Enter), an internal note on a ticket (F2, cursor, `i`, a
sentence, Ctrl+S) or a KB search (F5, a query). The scenario is the bundled
`en-northwind-monday` with its timetable compressed 15 times (the chats come
within the first minute). At the end every candidate hands in (F10, Y, H).

Measured:

- **key to screen**, per candidate: from writing a typed letter to the
  terminal until the text typed so far (its last 8 characters) shows in the
  output that follows (escape sequences stripped). The first 3 letters of
  each text are typed but not measured (too short to be told from other
  text). Also, on their own: Enter on a chat reply until the reply shows (it
  includes the log's append and fsync), and `i` until the note form shows.
- **server CPU and RSS per session**, from /proc over the typing window: the
  exam process (found by HELPDESK_EXAM_CANDIDATE in its environment) and, in
  ssh mode, the session's sshd and sudo processes (its ancestors).
- **log append** (write + fsync, `EventLogWriter`) p50/p99 of a probe log in
  the sitting's logs folder, one append every 100 ms, in a process of its
  own, while the sitting runs: what an exam's append costs on that disk
  under that load. (The exam processes cannot be timed from outside.)
- **verify**: `helpdesk-exam verify LOG --pubkey` of every log afterwards.
- with `--sample S`: every exam's RSS and PSS every S seconds of the typing
  window, printed as they come (does the memory level over a long exam?), and
  the highest RSS while everyone hands in.

The clients run on the same machine (one Python process, plus one `ssh`
each in ssh mode): their CPU is reported too. Every loop is bounded in time;
everything is cleaned up on exit, error or Ctrl+C (clients, exams, sshd,
accounts, sudoers file, the temporary folder).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import random
import re
import secrets
import select
import shutil
import signal
import socket
import stat
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
WRAPPER = DEPLOY / "helpdesk-exam-login"
LOGIN_PATH = "/usr/local/sbin/helpdesk-exam-login"
PROCTOR_CODE = "bench-2468"
ROWS, COLS = 40, 120
KEY_GAP_S = (0.2, 0.8)
THINK_S = (0.8, 2.5)
ECHO_TIMEOUT_S = 3.0
TAIL = 8
UNMEASURED = 3
SLOW_MS = 100.0
TOGETHER_S = 0.5
SSH_TOOLS = ("/usr/sbin/sshd", "ssh", "ssh-keygen", "sudo", "visudo", "useradd", "userdel")

F2, F4, F5, F10, F12 = "\x1bOQ", "\x1bOS", "\x1b[15~", "\x1b[21~", "\x1b[24~"
ENTER, ESCAPE, CTRL_S, DOWN = "\r", "\x1b", "\x13", "\x1b[B"
REPLIES = (
    "Hello, how can I help you",
    "Could you give me your full name",
    "I will unlock your account now",
    "Please try to sign in again",
    "I have logged a ticket for this",
    "Is there anything else",
)
NOTES = ("Lockout source is the phone", "Customer informed, waiting", "Known problem, see KB")
QUERIES = ("account locked", "password reset", "mailbox full", "wifi boardroom", "vpn")
CHAT_SIGNS = (b"locked out of my account", b"mailbox", b"Tom Fischer", b"Doris")
NOTE_FORM = b"Internal note on"
EXAM_SCREEN = b"Proctor"
ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1bO."
)


def strip(data: bytes) -> bytes:
    """Terminal output without its escape sequences: the text a candidate reads."""
    return ANSI.sub(b"", data)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# ----------------------------------------------------------------------------- the sitting


def run(
    *argv: str, check: bool = True, input_text: str | None = None
) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, capture_output=True, text=True, input=input_text, timeout=60)
    if check and done.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr[-1500:]}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_scenario_copy(target: Path) -> Path:
    """The default scenario with its timetable compressed 15 times (chats within a minute)."""
    source = REPO / "scenarios" / "en-northwind-monday"
    shutil.copytree(source, target)
    toml = target / "scenario.toml"

    def squeeze(match: re.Match[bytes]) -> bytes:
        return b"at_minute = %s" % str(max(0.0, round(float(match[1]) / 15 - 0.1, 2))).encode()

    toml.write_bytes(re.sub(rb"^at_minute = ([0-9.]+)$", squeeze, toml.read_bytes(), flags=re.M))
    return target


def ssh_unavailable() -> str | None:
    """Why the ssh mode cannot run here, or None."""
    if os.geteuid() != 0:
        return "not root (the ssh mode makes users, a sudoers file and a sshd)"
    missing = [t for t in SSH_TOOLS if not shutil.which(t)]
    if missing:
        return "missing " + ", ".join(missing)
    if not Path("/usr/bin/python3").exists():
        return "no /usr/bin/python3 for the exam user's venv"
    version = run("/usr/bin/python3", "-c", "import sys; print(sys.version_info[:2])").stdout
    if version.strip() != str(sys.version_info[:2]):
        return f"/usr/bin/python3 is {version.strip()}, this Python is {sys.version_info[:2]}"
    ours = [REPO, *(Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())]
    for path in ours:
        closed = closed_to_others(path)
        if closed is not None:
            return (
                f"the exam user cannot reach {path}: {closed} lets no other user through "
                f"(mode {stat.filemode(closed.stat().st_mode)}); run with --mode pty, or open "
                f"it for the run (chmod o+x {closed}) and close it again after"
            )
    return None


def closed_to_others(path: Path) -> Path | None:
    """The first folder on the way to `path` another user may not pass through, or None.

    The exam user's venv imports this Python's packages and the repository in place (ssh mode):
    a home folder of mode 700 on the way makes every login end in an import error, which the
    bench would otherwise only see as "never reached the exam screen"."""
    for folder in reversed([path.resolve(), *path.resolve().parents]):
        if not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


@dataclass
class Sitting:
    """Everything the run makes: folder, keys, config, accounts, sshd. `close` undoes it all."""

    mode: str
    size: int
    root: Path = field(init=False)
    suffix: str = field(default_factory=lambda: secrets.token_hex(2))
    exam_user: str = ""
    group: str = ""
    candidates: list[str] = field(default_factory=list)
    users: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    sudoers: Path | None = None
    sshd: subprocess.Popen | None = None
    port: int = 0
    conf: Path = field(init=False)
    logs: Path = field(init=False)
    pubkey: Path = field(init=False)
    program: Path = field(init=False)

    def open(self) -> None:
        if self.mode == "ssh":
            self.root = Path(f"/run/hxb-{self.suffix}")
            self.root.mkdir(mode=0o755)
            self.root.chmod(0o755)
        else:
            self.root = Path(tempfile.mkdtemp(prefix="hxb-"))
        self.candidates = [f"hxb{self.suffix}c{i:02d}" for i in range(self.size)]
        self.exam_user = f"hxb{self.suffix}e" if self.mode == "ssh" else current_user()
        self.group = f"hxb{self.suffix}g"
        if self.mode == "ssh":
            self._users()
        self._files()
        if self.mode == "ssh":
            self._sudoers()
            self._sshd()

    # -- parts of open()
    def _users(self) -> None:
        run("groupadd", self.group)
        self.groups.append(self.group)
        run("groupadd", "--system", self.exam_user)
        self.groups.append(self.exam_user)
        run("useradd", "--system", "-g", self.exam_user, "-M", "-d", "/nonexistent",
            "-s", "/usr/sbin/nologin", self.exam_user)  # fmt: skip
        self.users.append(self.exam_user)
        for name in self.candidates:
            run("useradd", "-g", self.group, "-M", "-d", str(self.root), "-s",
                str(self.root / "helpdesk-exam-login"), name)  # fmt: skip
            self.users.append(name)
            run("usermod", "-p", "*", name)

    def _files(self) -> None:
        root = self.root
        self.program = self._program()
        keys = root / "keys"
        keys.mkdir(mode=0o750)
        run(str(self.program), "keys", "init", str(keys), "--proctor-code-stdin",
            input_text=PROCTOR_CODE + "\n")  # fmt: skip
        self.pubkey = keys / "exam-centre.pub"
        self.logs = root / "logs"
        self.logs.mkdir(mode=0o700)
        scenario = load_scenario_copy(root / "scenario")
        # as install-exam-server.sh does: the lemma tables built once, read by every exam
        cache = root / "cache"
        run(str(self.program), "language", "cache", str(cache), "--lang", "en")
        if self.mode == "ssh":
            shutil.chown(keys, "root", self.exam_user)
            for name in ("exam-centre.key", "proctor.json"):
                shutil.chown(keys / name, self.exam_user, self.exam_user)
                (keys / name).chmod(0o400)
            self.pubkey.chmod(0o644)
            shutil.chown(self.logs, self.exam_user, self.exam_user)
        self.conf = root / "exam.conf"
        settings = {
            "scenario": scenario,
            "logs_dir": self.logs,
            "key": keys / "exam-centre.key",
            "program": self.program,
            "exam_user": self.exam_user,
            "candidate_group": self.group if self.mode == "ssh" else "",
            "lang": "en",
            "wait_s": 10,
            "pause_s": 0,
            "watch_s": 5,
            "watch_grace_s": 2,
            "cache_dir": cache,
        }
        self.conf.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()))
        self.conf.chmod(0o644)
        wrapper = root / "helpdesk-exam-login"
        text = WRAPPER.read_text().replace(
            "DEFAULT_CONF=/etc/helpdesk-exam/exam.conf", f"DEFAULT_CONF={self.conf}"
        )
        wrapper.write_text(text)
        wrapper.chmod(0o755)

    def _program(self) -> Path:
        """The exam program. In ssh mode the exam user cannot run this venv's Python (it may
        live under /root), so a venv from /usr/bin/python3 that sees this one's packages."""
        if self.mode != "ssh":
            return Path(sys.executable).with_name("helpdesk-exam")
        venv = self.root / "venv"
        run("/usr/bin/python3", "-m", "venv", "--without-pip", str(venv))
        site = next((venv / "lib").glob("python3*/site-packages"))
        ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
        lines = [f"import site; site.addsitedir({p!r})" for p in ours]
        (site / "hxb-bench.pth").write_text("\n".join([str(REPO), *lines]) + "\n")
        program = venv / "bin" / "helpdesk-exam"
        program.write_text(
            f"#!{venv / 'bin' / 'python3'}\n"
            "from helpdesk_tui.cli import main\nraise SystemExit(main())\n"
        )
        program.chmod(0o755)
        return program

    def _sudoers(self) -> None:
        rule = (DEPLOY / "sudoers.d" / "helpdesk-exam").read_text()
        rule = rule.replace(LOGIN_PATH, str(self.root / "helpdesk-exam-login"))
        rule = rule.replace("%helpdesk-candidates", f"%{self.group}")
        rule = rule.replace("(helpdesk-exam)", f"({self.exam_user})")
        staged = self.root / "sudoers"
        staged.write_text(rule)
        run("visudo", "-cf", str(staged))
        self.sudoers = Path(f"/etc/sudoers.d/hxb-{self.suffix}")
        shutil.copyfile(staged, self.sudoers)
        self.sudoers.chmod(0o440)

    def _sshd(self) -> None:
        root = self.root
        auth = root / "authorized_keys"
        auth.mkdir(mode=0o755)
        clients = root / "client"
        clients.mkdir(mode=0o700)
        for name in self.candidates:
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(clients / name))
            (auth / name).write_text("restrict,pty " + (clients / f"{name}.pub").read_text())
            (auth / name).chmod(0o644)
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / "hostkey"))
        snippet = (DEPLOY / "sshd_config.d" / "helpdesk-exam.conf").read_text()
        snippet = snippet.replace("Group helpdesk-candidates", f"Group {self.group}")
        snippet = snippet.replace(LOGIN_PATH, str(root / "helpdesk-exam-login"))
        snippet = snippet.replace("/etc/helpdesk-exam/authorized_keys/%u", f"{auth}/%u")
        (root / "snippet.conf").write_text(snippet)
        self.port = free_port()
        config = root / "sshd_config"
        config.write_text(
            f"Include {root / 'snippet.conf'}\nPort {self.port}\nListenAddress 127.0.0.1\n"
            f"HostKey {root / 'hostkey'}\nPidFile {root / 'sshd.pid'}\nUsePAM yes\n"
            "KbdInteractiveAuthentication no\nPasswordAuthentication no\n"
        )
        Path("/run/sshd").mkdir(exist_ok=True)
        run("/usr/sbin/sshd", "-t", "-f", str(config))
        self.sshd = subprocess.Popen(
            ["/usr/sbin/sshd", "-D", "-e", "-f", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=open(root / "sshd.log", "w"),  # noqa: SIM115 (closed with the process)
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the bench's sshd did not start: see sshd.log") from None
                time.sleep(0.1)

    def login_argv(self, name: str) -> tuple[list[str], dict[str, str]]:
        """How candidate `name` logs in: ssh to the bench's sshd, or the wrapper as sudo runs it."""
        env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
               "HOME": str(self.root)}  # fmt: skip
        if self.mode == "ssh":
            argv = ["ssh", "-tt", "-e", "none", "-p", str(self.port), "-i",
                    str(self.root / "client" / name), "-o", "BatchMode=yes", "-o",
                    "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no", "-o",
                    f"UserKnownHostsFile={self.root / 'client' / 'known_hosts'}",
                    f"{name}@127.0.0.1"]  # fmt: skip
            return argv, env
        env.update(HELPDESK_EXAM_CONF=str(self.conf), SUDO_USER=name)
        return ["/bin/bash", "-p", str(self.root / "helpdesk-exam-login")], env

    def close(self, keep: bool = False) -> None:
        """Undo everything, whatever state `open` reached. Never raises."""
        for pid in exam_pids(set(self.candidates)).values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        if self.sshd is not None:
            self.sshd.terminate()
            try:
                self.sshd.wait(10)
            except subprocess.TimeoutExpired:
                self.sshd.kill()
                self.sshd.wait()
        for user in reversed(self.users):
            deadline = time.monotonic() + 15  # a watchdog may outlive its exam a moment
            while subprocess.run(["userdel", user], capture_output=True).returncode not in (0, 6):
                if time.monotonic() > deadline:
                    print(f"bench: could not remove user {user}", file=sys.stderr)
                    break
                time.sleep(0.5)
        for name in self.groups:
            subprocess.run(["groupdel", name], capture_output=True)
        if self.sudoers is not None:
            self.sudoers.unlink(missing_ok=True)
        if hasattr(self, "root") and not keep:
            shutil.rmtree(self.root, ignore_errors=True)


def current_user() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


# ----------------------------------------------------------------------------- /proc


def exam_pids(names: set[str]) -> dict[str, int]:
    """candidate -> pid of its exam process (HELPDESK_EXAM_CANDIDATE in its environment)."""
    found: dict[str, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
        except OSError:
            continue
        for item in environ.split(b"\0"):
            if item.startswith(b"HELPDESK_EXAM_CANDIDATE="):
                name = item.split(b"=", 1)[1].decode(errors="replace")
                if name in names:
                    found[name] = int(entry)
    return found


def proc_stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds used) of `pid`, or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def pss_mb(pid: int) -> float:
    """Proportional set size: RSS with each shared page divided among the processes that map
    it (Python, Textual's and cryptography's libraries are shared by every exam)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def session_chain(pid: int, stop: int) -> list[int]:
    """The exam's ancestors up to (not including) `stop` or init: its sudo and sshd processes."""
    chain: list[int] = []
    current = pid
    for _ in range(8):
        stat = proc_stat(current)
        if stat is None or stat[0] in (0, 1, stop):
            break
        current = stat[0]
        chain.append(current)
    return chain


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def uptime() -> str:
    return run("uptime", check=False).stdout.strip()


# ----------------------------------------------------------------------------- the candidates


@dataclass
class Candidate:
    """One scripted candidate on its own pseudo-terminal: keys in, the screen's text read back."""

    name: str
    rng: random.Random
    process: subprocess.Popen | None = None
    master: int | None = None
    seen: bytearray = field(default_factory=bytearray)
    fresh: bytearray = field(default_factory=bytearray)
    echo_ms: list[float] = field(default_factory=list)
    send_ms: list[float] = field(default_factory=list)
    form_ms: list[float] = field(default_factory=list)
    missed: int = 0
    keys: int = 0
    episodes: int = 0
    ready: bool = False
    chat: bool = False
    # what the driver waits for: (expected text, sent at, list to record into)
    waiting: tuple[bytes, float, list[float]] | None = None
    next_at: float = 0.0
    plan: list[tuple[str, bytes | None, list[float] | None]] = field(default_factory=list)
    # over the typing window (`recording`): when output arrived, and each measured key's
    # send time with its key-to-screen ms (for `phase_report`)
    recording: bool = False
    outputs: list[float] = field(default_factory=list)
    timed: list[tuple[float, float]] = field(default_factory=list)
    # beside `echo_ms`, one per measured key: (episode kind, position) where position is
    # "first" for the episode's first measured key, "later" for the rest (`key_breakdown`)
    echo_tags: list[tuple[str, str]] = field(default_factory=list)
    slow: list[float] = field(default_factory=list)  # send times of keys over SLOW_MS
    kind: str = "kb"
    measured_sent: int = 0
    tag: tuple[str, str] | None = None

    def start(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

        def controlling_tty() -> None:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
            for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP, signal.SIGHUP):
                signal.signal(sig, signal.SIG_DFL)

        self.process = subprocess.Popen(
            argv, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
            preexec_fn=controlling_tty,  # noqa: PLW1509 (no threads running yet)
        )  # fmt: skip
        os.close(slave)
        os.set_blocking(master, False)
        self.master = master

    def feed(self, data: bytes, now: float) -> None:
        """Output arrived: keep what the screen showed, and check what the driver waits for."""
        text = strip(data)
        if self.recording:
            self.outputs.append(now)
        self.seen = (self.seen + text)[-20000:]
        if not self.ready and EXAM_SCREEN in self.seen:
            self.ready = True
        if not self.chat and any(sign in self.seen for sign in CHAT_SIGNS):
            self.chat = True
        if self.waiting is not None:
            self.fresh += text
            expected, sent, into = self.waiting
            if expected in self.fresh:
                into.append((now - sent) * 1000)
                if into is self.echo_ms:
                    self.echo_tags.append(self.tag or (self.kind, "later"))
                    if self.recording and (now - sent) * 1000 > SLOW_MS:
                        self.slow.append(sent)
                if self.recording and into is self.echo_ms:
                    self.timed.append((sent, (now - sent) * 1000))
                self.waiting = None

    def send(self, keys: str, now: float, expect: bytes | None, into: list[float] | None) -> None:
        assert self.master is not None
        self.fresh = bytearray()
        self.waiting = (expect, now, into) if expect is not None and into is not None else None
        if into is not None and into is self.echo_ms:
            self.tag = (self.kind, "first" if self.measured_sent == 0 else "later")
            self.measured_sent += 1
        with contextlib.suppress(OSError):
            os.write(self.master, keys.encode())
        self.keys += 1

    def next_episode(self) -> None:
        """A plan of keys: a chat reply, a note on a ticket, or a KB search."""
        kind = self.rng.choices(("chat", "note", "kb"), (5, 3, 2))[0] if self.chat else "kb"
        plan: list[tuple[str, bytes | None, list[float] | None]] = []
        if kind == "chat":
            text = self.rng.choice(REPLIES)
            plan.append((F4, None, None))
            plan += self._typing(text)
            plan.append((ENTER, b"You: " + text[:16].encode(), self.send_ms))
        elif kind == "note":
            text = self.rng.choice(NOTES)
            plan += [(F2, None, None), (DOWN, None, None), ("i", NOTE_FORM, self.form_ms)]
            plan += self._typing(text)
            plan.append((CTRL_S, None, None))
        else:
            plan.append((F5, None, None))
            plan += self._typing(self.rng.choice(QUERIES))
            plan.append((F2, None, None))
        self.plan = plan
        self.kind, self.measured_sent = kind, 0
        self.episodes += 1

    def _typing(self, text: str) -> list[tuple[str, bytes | None, list[float] | None]]:
        steps: list[tuple[str, bytes | None, list[float] | None]] = []
        for index, char in enumerate(text):
            shown = text[: index + 1]
            measured = index >= UNMEASURED and char != " "
            tail = shown[-TAIL:].encode() if measured else None
            steps.append((char, tail, self.echo_ms if measured else None))
        return steps

    def step(self, now: float) -> None:
        """Send the next key of the plan if it is time and the last one was seen (or timed out)."""
        if self.waiting is not None:
            if now - self.waiting[1] < ECHO_TIMEOUT_S:
                return
            self.missed += 1
            self.waiting = None
            self.next_at = now + self.rng.uniform(*THINK_S)
            self.plan = [(ESCAPE, None, None), (F2, None, None)]  # back to a known place
            return
        if now < self.next_at:
            return
        if not self.plan:
            self.next_episode()
        keys, expect, into = self.plan.pop(0)
        self.send(keys, now, expect, into)
        gap = self.rng.uniform(*KEY_GAP_S)
        self.next_at = now + (gap if self.plan else gap + self.rng.uniform(*THINK_S))

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
        if self.master is not None:
            with contextlib.suppress(OSError):
                os.close(self.master)
            self.master = None


def pump(candidates: list[Candidate], until: float, step: bool) -> None:
    """Read every terminal (and let each candidate type when `step`) until `until`."""
    by_fd = {c.master: c for c in candidates if c.master is not None}
    while True:
        now = time.monotonic()
        if now >= until:
            return
        ready, _, _ = select.select(list(by_fd), [], [], min(0.005, until - now))
        now = time.monotonic()
        for fd in ready:
            candidate = by_fd[fd]
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                del by_fd[fd]
                continue
            candidate.feed(data, now)
        if step:
            for candidate in by_fd.values():
                if candidate.ready:
                    candidate.step(now)
        if not by_fd:
            return


def log_in_all(
    sitting: Sitting, candidates: list[Candidate], ramp_s: float, limit_s: float
) -> None:
    """Start the logins `ramp_s` apart (sshd's MaxStartups refuses a burst), until all show
    the exam screen; a login that ends before that is tried again (at most 3 times each)."""
    tries = dict.fromkeys((c.name for c in candidates), 0)
    pending = list(candidates)
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        started = [c for c in candidates if c.process is not None]
        for c in started:
            if not c.ready and c.process is not None and c.process.poll() is not None:
                c.close()
                c.process = None
                c.seen = bytearray()
                pending.append(c)
        if pending and tries[pending[0].name] < 3:
            c = pending.pop(0)
            tries[c.name] += 1
            c.start(*sitting.login_argv(c.name))
        if all(c.ready for c in candidates):
            return
        pump([c for c in candidates if c.master is not None], time.monotonic() + ramp_s, False)
    missing = [c.name for c in candidates if not c.ready]
    raise RuntimeError(f"{len(missing)} candidates never reached the exam screen: {missing[:5]}")


HAND_IN = (
    (F10, b"Hand in your exam?"),
    ("y", b"Are you sure?"),
    ("h", b"call the proctor"),  # sealed; only the proctor closes the program
    (F12, b"Proctor code"),
    (PROCTOR_CODE + ENTER, b"Close the program"),
    ("c", None),
)


def hand_in_all(
    candidates: list[Candidate],
    limit_s: float,
    pids: dict[str, int] | None = None,
    peak: dict[str, float] | None = None,
) -> None:
    """Everyone hands in as a candidate would (Escape out of any form, F10, Y, H), then the
    proctor closes the program (F12, the code, C), each key once the screen shows what it
    answers; a step not answered in 5 s is
    started again. Bounded by `limit_s`; whoever is left is stopped by `close`. With `pids`
    (candidate -> exam pid), `peak` gets each one's highest RSS meanwhile."""
    step = dict.fromkeys((c.name for c in candidates), -1)
    seen: list[float] = []
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        now = time.monotonic()
        running = [c for c in candidates if c.process is not None and c.process.poll() is None]
        if not running:
            return
        for c in running:
            stuck = c.waiting is not None and now - c.waiting[1] > 5
            if step[c.name] == len(HAND_IN) and now - c.next_at > 10 or stuck:
                step[c.name] = -1  # no answer, or the exam is still there: from the top
            if c.waiting is not None and not stuck or step[c.name] == len(HAND_IN):
                continue
            if step[c.name] == -1:
                c.send(ESCAPE, now, None, None)
            else:
                keys, expect = HAND_IN[step[c.name]]
                c.send(keys, now, expect, seen if expect else None)
            c.next_at = now
            step[c.name] += 1
        pump(candidates, time.monotonic() + 0.3, False)
        for name, pid in (pids or {}).items():
            if peak is not None:
                peak[name] = max(peak.get(name, 0.0), rss_mb(pid))


# ----------------------------------------------------------------------------- the probe log


def probe_appends(folder: Path, seconds: float, out: Path) -> None:
    """Append an event every 100 ms for `seconds` to a probe log in `folder`; write the timings."""
    from helpdesk_tui.eventlog import CheckpointPolicy, EventLogWriter, Signer
    from helpdesk_tui.eventlog.testing import iter_sample_events, sample_header

    path = folder / "probe.jsonl"
    timings: list[float] = []
    writer = EventLogWriter.create(
        path, sample_header(mode="practice"), Signer.ephemeral(), CheckpointPolicy()
    )
    events = iter_sample_events(seed=3, step=0.1)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        event = next(events)
        start = time.perf_counter()
        writer.append(event)
        timings.append((time.perf_counter() - start) * 1000)
        time.sleep(0.1)
    writer.close()
    path.unlink(missing_ok=True)
    out.write_text(json.dumps(timings))


# ----------------------------------------------------------------------------- the run


@dataclass
class Usage:
    """CPU seconds and RSS of each session's processes over the typing window."""

    cpu: dict[str, float] = field(default_factory=dict)
    overhead: dict[str, float] = field(default_factory=dict)
    rss: dict[str, float] = field(default_factory=dict)
    rss_start: dict[str, float] = field(default_factory=dict)
    pss: dict[str, float] = field(default_factory=dict)
    samples: list[dict[str, Any]] = field(default_factory=list)
    """With `--sample`: (seconds into the window, RSS and PSS MB per candidate), in order."""
    hand_in_rss: dict[str, float] = field(default_factory=dict)


def take_sample(usage: Usage, pids: dict[str, int], at: float) -> None:
    """One `--sample` row: each exam's RSS and PSS now, printed at once (a long run shows
    whether its memory levels while it runs, not only at the end)."""
    row = {"s": round(at, 1)} | {
        name: (round(rss_mb(pid), 1), round(pss_mb(pid), 1)) for name, pid in pids.items()
    }
    usage.samples.append(row)
    cells = "  ".join(f"{n} RSS {v[0]:.1f} PSS {v[1]:.1f}" for n, v in row.items() if n != "s")
    print(f"sample {at:7.1f} s  {cells}  ({uptime()})", flush=True)


def cpu_of(pids: list[int]) -> float:
    return sum(stat[1] for pid in pids if (stat := proc_stat(pid)) is not None)


def start_profilers(pids: dict[str, int], seconds: float, folder: Path) -> list[subprocess.Popen]:
    """py-spy attached to each exam process for the typing window: collapsed stacks of the
    samples where it was on the CPU (idle samples left out), one file per candidate."""
    spy = shutil.which("py-spy")
    if spy is None:
        raise SystemExit("bench: --profile needs py-spy (pip install py-spy) and ptrace rights")
    folder.mkdir(parents=True, exist_ok=True)
    return [
        subprocess.Popen(
            [
                spy,
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(int(seconds)),
                "--rate",
                "250",
                "--format",
                "raw",
                "--nonblocking",
                "-o",
                str(folder / f"{name}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for name, pid in pids.items()
    ]


# Where an exam session's CPU goes: each sampled stack is put in the first of these
# parts (in this order) that one of its frames names; the rest is "other".
PROFILE_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("idle (blocked in select/wait)", ("Selector.select (", "Condition.wait (", "Event.wait (")),
    ("language tables load (one-off)", ("warm_up.<locals>.work",)),
    ("GC (full collection in a pause)", ("_collect_if_quiet",)),
    ("terminal output (writer thread)", ("SafeWriter.run",)),
    ("terminal input (reader thread)", ("run_input_thread", "_watch_hangup")),
    ("log append (JSON, signing, fsync)", ("helpdesk_tui/eventlog/",)),
    ("frames: layout", ("Screen._refresh_layout",)),
    ("frames: paint", ("FrameTimer._run",)),
    ("SLA/clock tick (controller, redraw)", ("_scheduled_tick", "refresh_now")),
    ("keys and other messages", ("_process_messages_loop", "_flush_next_callbacks")),
    ("timers (cursor blink...)", ("Timer._run_timer",)),
)


def profile_split(stacks: Path) -> dict[str, int]:
    """Samples per part of a py-spy `--format raw` file (`frame;frame;... count` lines)."""
    parts: dict[str, int] = {name: 0 for name, _ in PROFILE_PARTS} | {"other": 0}
    for line in stacks.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        part = next(
            (name for name, marks in PROFILE_PARTS
             if any(mark in frame for frame in frames for mark in marks)),
            "other",
        )  # fmt: skip
        parts[part] += int(count)
    return parts


def report_profile(folder: Path) -> None:
    """Print each profiled session's split: share of its busy (non-idle) samples."""
    for stacks in sorted(folder.glob("*.txt")):
        parts = profile_split(stacks)
        idle = parts.pop("idle (blocked in select/wait)")
        busy = sum(parts.values())
        print(f"profile {stacks.name}: {busy} busy samples at 250 Hz, {idle} idle")
        for name, count in sorted(parts.items(), key=lambda item: -item[1]):
            print(f"  {count / max(1, busy) * 100:5.1f}%  {name}")


def measure(
    sitting: Sitting,
    candidates: list[Candidate],
    seconds: float,
    profile: Path | None = None,
    sample: float = 0.0,
) -> dict[str, Any]:
    """The typing window: everyone types for `seconds`; CPU and RSS sampled from /proc."""
    pids = exam_pids({c.name for c in candidates})
    spies = start_profilers(pids, seconds, profile) if profile is not None else []
    stop = sitting.sshd.pid if sitting.sshd is not None else os.getpid()
    chains = {name: session_chain(pid, stop) for name, pid in pids.items()}
    clients = [c.process.pid for c in candidates if c.process is not None and sitting.mode == "ssh"]
    before = {n: cpu_of([p]) for n, p in pids.items()}
    before_chain = {n: cpu_of(chain) for n, chain in chains.items()}
    before_clients = cpu_of(clients) + time.process_time()
    busy0, total0 = machine_busy()
    usage = Usage(rss={n: rss_mb(p) for n, p in pids.items()})
    usage.rss_start = dict(usage.rss)
    probe_out = sitting.root / "probe.json"
    probe = subprocess.Popen(
        [sys.executable, __file__, "_probe", str(sitting.logs), str(seconds), str(probe_out)]
    )
    start = time.monotonic()
    end = start + seconds
    for c in candidates:
        c.recording = True
    next_sample = start if sample > 0 else float("inf")
    while time.monotonic() < end:
        if time.monotonic() >= next_sample:
            take_sample(usage, pids, time.monotonic() - start)
            next_sample += sample
        pump(candidates, min(end, next_sample, time.monotonic() + 2.0), True)
        for name, pid in pids.items():
            usage.rss[name] = max(usage.rss.get(name, 0.0), rss_mb(pid))
    if sample > 0:
        take_sample(usage, pids, time.monotonic() - start)
    for c in candidates:
        c.recording = False
    for name, pid in pids.items():
        usage.pss[name] = pss_mb(pid)
    elapsed = time.monotonic() - start
    for name, pid in pids.items():
        usage.cpu[name] = (cpu_of([pid]) - before[name]) / elapsed
        if sitting.mode == "ssh":  # in pty mode the exam's parent is this process
            usage.overhead[name] = (cpu_of(chains[name]) - before_chain[name]) / elapsed
    client_cpu = (cpu_of(clients) + time.process_time() - before_clients) / elapsed
    busy1, total1 = machine_busy()
    for spy in spies:
        with contextlib.suppress(subprocess.TimeoutExpired):
            spy.wait(30)
    try:
        probe.wait(seconds + 30)
        appends = json.loads(probe_out.read_text())
    except (subprocess.TimeoutExpired, OSError, ValueError):
        probe.kill()
        appends = []
    return {
        "usage": usage,
        "found": len(pids),
        "client_cpu": client_cpu,
        "machine_busy": (busy1 - busy0) / max(1, total1 - total0) * os.cpu_count(),
        "appends": appends,
        "elapsed": elapsed,
        "pids": pids,
    }


PHASE_BINS = 10
"""The second cut in tenths for `phase_report`."""


def tick_phase(outputs: list[float], bins: int = 20) -> tuple[float, float] | None:
    """Where in the second (0-1, on the monotonic clock all processes share) a session's
    screen output comes most often: its once-a-second redraw (keys' echoes fall anywhere);
    and in how many of the window's seconds output came in that 1/`bins` of a second (near 1:
    it is the redraw; near 1/`bins`: no phase stands out)."""
    if len(outputs) < 10:
        return None
    counts = [0] * bins
    seconds: list[set[int]] = [set() for _ in range(bins)]
    for at in outputs:
        slot = int((at % 1.0) * bins) % bins
        counts[slot] += 1
        seconds[slot].add(int(at))
    best = max(range(bins), key=lambda slot: len(seconds[slot]))
    span = max(1, int(max(outputs)) - int(min(outputs)) + 1)
    return (best + 0.5) / bins, len(seconds[best]) / span


def phase_report(candidates: list[Candidate], bins: int = PHASE_BINS) -> dict[str, Any]:
    """Do the sessions redraw at the same moment of the second? The sessions' tick phases
    per tenth of a second, and the keys' latency by the tenth of the second they were sent in
    (if the redraws bunch, keys sent in that tenth wait for them)."""
    found = [p for c in candidates if (p := tick_phase(c.outputs)) is not None]
    phases = [phase for phase, _ in found]
    sessions = [0] * bins
    for phase in phases:
        sessions[int(phase * bins) % bins] += 1
    keys: list[list[float]] = [[] for _ in range(bins)]
    for c in candidates:
        for sent, ms in c.timed:
            keys[int((sent % 1.0) * bins) % bins].append(ms)
    return {
        "sessions_per_bin": sessions,
        "redraw_seconds_share": statistics.fmean(share for _, share in found) if found else 0.0,
        "key_p50_per_bin": [percentile(k, 0.5) for k in keys],
        "key_p95_per_bin": [percentile(k, 0.95) for k in keys],
        "keys_per_bin": [len(k) for k in keys],
    }


def log_phases(logs: Path, bins: int = PHASE_BINS) -> dict[str, Any]:
    """Each session's exam seconds in wall time, from its log: a record of a stimulus at a
    whole exam second was written at (exam start + that second), so wall time minus exam
    time, modulo 1, is where in the second its exam seconds turn. Without `tick_phase` the
    redraws came there; with it, that plus the session's phase. A run too short for any
    stimulus after the first second falls back on the exam's start (`session_started`,
    exam time 0), where its seconds are counted from. Sessions per tenth, and the most
    sessions within any 100 ms, both ways."""
    from datetime import datetime

    from helpdesk_tui.ui.app import tick_phase as phase_of

    plain, spread = [], []
    for log in sorted(logs.glob("*/*.jsonl")):
        session, seen, start = None, [], None
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            for line in log.read_text().splitlines():
                record = json.loads(line)
                if record.get("type") == "log.header":
                    session = record["data"]["session_id"]
                t = record.get("t")
                if not isinstance(t, (int, float)) or "wall" not in record:
                    continue
                wall = datetime.fromisoformat(record["wall"].replace("Z", "+00:00"))
                if t >= 1 and t == int(t):
                    seen.append((wall.timestamp() - t) % 1.0)
                elif record.get("type") == "session_started":
                    start = (wall.timestamp() - t) % 1.0
        if session and (seen or start is not None):
            anchor = sorted(seen)[len(seen) // 2] if seen else start
            plain.append(anchor)
            spread.append((anchor + phase_of(session)) % 1.0)

    def tenths(phases: list[float]) -> list[int]:
        return [sum(1 for p in phases if k / bins <= p < (k + 1) / bins) for k in range(bins)]

    def bunch(phases: list[float]) -> int:
        return max((sum(1 for q in phases if (q - p) % 1.0 < 0.1) for p in phases), default=0)

    return {"whole_seconds": tenths(plain), "with_tick_phase": tenths(spread),
            "bunch_whole_seconds": bunch(plain), "bunch_with_tick_phase": bunch(spread)}  # fmt: skip


def report_phases(phases: dict[str, Any]) -> None:
    def row(values: list[float]) -> str:
        return " ".join(f"{v:>5.0f}" for v in values)

    print(
        f"each session's redraw phase: the 1/20 s with output in {phases['redraw_seconds_share']:.0%} "
        "of the window's seconds (mean over sessions)"
    )
    print("the second in tenths:        " + row(list(range(len(phases["sessions_per_bin"])))))
    print("sessions redrawing then:     " + row(phases["sessions_per_bin"]))
    print("keys sent then:              " + row(phases["keys_per_bin"]))
    print("their key-to-screen p50 ms:  " + row(phases["key_p50_per_bin"]))
    print("their key-to-screen p95 ms:  " + row(phases["key_p95_per_bin"]))
    logged = phases.get("logs")
    if logged:
        print("from the logs, sessions whose exam second turns in each tenth (of the wall clock's")
        print("second; the line above is the monotonic clock's, so the two are turned):")
        print("  at whole exam seconds:     " + row(logged["whole_seconds"]))
        print("  with their tick_phase:     " + row(logged["with_tick_phase"]))
        print(
            f"  most sessions within 100 ms: {logged['bunch_whole_seconds']} at whole seconds, "
            f"{logged['bunch_with_tick_phase']} with tick_phase"
        )


def verify_all(sitting: Sitting) -> dict[str, int]:
    """`helpdesk-exam verify LOG --pubkey` of every candidate's log: log name -> exit code."""
    logs = sorted(sitting.logs.glob("*/*.jsonl"))

    def verify(log: Path) -> int:
        argv = [str(sitting.program), "verify", str(log), "--pubkey", str(sitting.pubkey)]
        return subprocess.run(argv, capture_output=True, timeout=120).returncode

    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = list(pool.map(verify, logs))
    return {str(log.relative_to(sitting.logs)): code for log, code in zip(logs, codes, strict=True)}


def summarise(
    candidates: list[Candidate], figures: dict[str, Any], verified: dict[str, int]
) -> dict[str, Any]:
    usage: Usage = figures["usage"]
    per = []
    for c in candidates:
        per.append({
            "candidate": c.name,
            "keys": c.keys,
            "measured": len(c.echo_ms),
            "missed": c.missed,
            "p50": percentile(c.echo_ms, 0.50),
            "p95": percentile(c.echo_ms, 0.95),
            "p99": percentile(c.echo_ms, 0.99),
            "max": max(c.echo_ms, default=float("nan")),
            "cpu_pct": 100 * usage.cpu.get(c.name, float("nan")),
            "session_overhead_pct": 100 * usage.overhead.get(c.name, float("nan")),
            "rss_mb": usage.rss.get(c.name, float("nan")),
            "rss_start_mb": usage.rss_start.get(c.name, float("nan")),
            "pss_end_mb": usage.pss.get(c.name, float("nan")),
        })  # fmt: skip
    every = [v for c in candidates for v in c.echo_ms]
    sends = [v for c in candidates for v in c.send_ms]
    forms = [v for c in candidates for v in c.form_ms]
    appends = figures["appends"]
    return {
        "by_episode": key_breakdown(candidates),
        "slow_together": slow_together(candidates),
        "candidates": per,
        "all_keys": {"n": len(every), "p50": percentile(every, 0.5),
                     "p95": percentile(every, 0.95), "p99": percentile(every, 0.99)},
        "chat_send": {"n": len(sends), "p50": percentile(sends, 0.5), "p95": percentile(sends, 0.95)},
        "note_form_open": {"n": len(forms), "p50": percentile(forms, 0.5),
                           "p95": percentile(forms, 0.95)},
        "append": {"n": len(appends), "p50": percentile(appends, 0.5),
                   "p99": percentile(appends, 0.99), "max": max(appends, default=float("nan"))},
        "client_cpu_pct": 100 * figures["client_cpu"],
        "machine_busy_cores": figures["machine_busy"],
        "exam_processes_found": figures["found"],
        "window_s": figures["elapsed"],
        "verify": verified,
        "phases": phase_report(candidates),
    }  # fmt: skip


def key_breakdown(candidates: list[Candidate]) -> dict[str, dict[str, float]]:
    """Measured keys by episode kind and by position in the episode.

    A candidate's p99 is its one or two slowest keys; grouping them says where they come
    from: the first measured key after the episode's opening key (F4, `i`, F5), which may
    meet whatever that key started, or the later ones.
    """
    groups: dict[str, list[float]] = {}
    for c in candidates:
        for ms, (kind, position) in zip(c.echo_ms, c.echo_tags, strict=True):
            for name in (kind, f"{kind} {position}", f"all {position}"):
                groups.setdefault(name, []).append(ms)
    return {
        name: {"n": len(v), "p50": percentile(v, 0.5), "p95": percentile(v, 0.95),
               "p99": percentile(v, 0.99), "over_100": sum(1 for x in v if x > 100),
               "max": max(v)}
        for name, v in sorted(groups.items())
    }  # fmt: skip


def slow_together(candidates: list[Candidate]) -> dict[str, int]:
    """Keys over SLOW_MS, and how many of them came within TOGETHER_S of a slow key of
    at least 3 other candidates: a stall of the whole server (every exam busy at the
    same moment) rather than something this candidate's own exam did."""
    slow = [(t, c.name) for c in candidates for t in c.slow]
    together = 0
    for t, name in slow:
        others = {n for u, n in slow if n != name and abs(u - t) <= TOGETHER_S}
        together += len(others) >= 3
    return {"slow": len(slow), "with_3_others": together}


def report_breakdown(groups: dict[str, dict[str, float]]) -> None:
    print(
        f"\n{'measured keys by':<16}{'n':>6}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'>100ms':>8}"
    )
    for name, g in groups.items():
        print(f"{name:<16}{g['n']:>6}{g['p50']:>8.1f}{g['p95']:>8.1f}{g['p99']:>8.1f}"
              f"{g['max']:>8.1f}{g['over_100']:>8}")  # fmt: skip


def candidate_line(row: dict[str, Any]) -> str:
    """One candidate's row of the table. A figure not measured (the session's other
    processes in pty mode, where the exam's parent is this process) shows as "-", not "nan"."""

    def cell(value: float, width: int) -> str:
        return f"{'-' if value != value else f'{value:.1f}':>{width}}"

    return (f"{row['candidate']:<16}{row['keys']:>6}{row['measured']:>6}{row['missed']:>5}"
            f"{cell(row['p50'], 8)}{cell(row['p95'], 8)}{cell(row['p99'], 8)}{cell(row['max'], 8)}"
            f"{cell(row['cpu_pct'], 7)}{cell(row['session_overhead_pct'], 7)}{cell(row['rss_mb'], 8)}")  # fmt: skip


def report(summary: dict[str, Any], mode: str, why_not_ssh: str | None) -> None:
    per = summary["candidates"]
    print(f"mode: {mode}" + (f" (no ssh: {why_not_ssh})" if why_not_ssh else ""))
    print(f"{'candidate':<16}{'keys':>6}{'meas':>6}{'miss':>5}{'p50':>8}{'p95':>8}{'p99':>8}"
          f"{'max':>8}{'cpu%':>7}{'sess%':>7}{'rss MB':>8}")  # fmt: skip
    for row in per:
        print(candidate_line(row))
    keys = summary["all_keys"]
    p95s = [r["p95"] for r in per]
    p99s = [r["p99"] for r in per]
    cpus = [r["cpu_pct"] for r in per]
    rss = [r["rss_mb"] for r in per]
    print(
        f"\nkey to screen, all {keys['n']} measured keys: p50 {keys['p50']:.1f}  "
        f"p95 {keys['p95']:.1f}  p99 {keys['p99']:.1f} ms; missed {sum(r['missed'] for r in per)}"
    )
    print(
        f"worst candidate: p95 {max(p95s):.1f} ms, p99 {max(p99s):.1f} ms "
        f"(targets p95 < 50, p99 < 100 for every candidate: "
        f"{'met' if max(p95s) < 50 and max(p99s) < 100 else 'MISSED'})"
    )
    report_breakdown(summary["by_episode"])
    together = summary["slow_together"]
    print(
        f"keys over {SLOW_MS:.0f} ms in the window: {together['slow']}, of which "
        f"{together['with_3_others']} within {TOGETHER_S} s of a slow key of 3+ other candidates"
    )
    send, form = summary["chat_send"], summary["note_form_open"]
    print(
        f"chat reply sent (Enter to shown, with the log's fsync): n {send['n']}, "
        f"p50 {send['p50']:.1f}, p95 {send['p95']:.1f} ms"
    )
    print(f"note form open: n {form['n']}, p50 {form['p50']:.1f}, p95 {form['p95']:.1f} ms")
    print(
        f"exam process per session: CPU mean {statistics.fmean(cpus):.1f}% of a core "
        f"(max {max(cpus):.1f}%), RSS max {max(rss):.1f} MB (target < 80 MB: "
        f"{'met' if max(rss) < 80 else 'MISSED'})"
    )
    start = [r["rss_start_mb"] for r in per]
    pss = [r["pss_end_mb"] for r in per]
    print(
        f"exam process memory: RSS at the window's start mean {statistics.fmean(start):.1f} MB, "
        f"max over it mean {statistics.fmean(rss):.1f} MB; PSS at its end mean "
        f"{statistics.fmean(pss):.1f} MB (shared pages divided among the sessions: what each "
        f"one costs the server)"
    )
    if summary["candidates"] and not all(
        r["session_overhead_pct"] != r["session_overhead_pct"] for r in per
    ):
        over = [r["session_overhead_pct"] for r in per]
        print(
            f"session's other processes (sshd, sudo, wrapper): CPU mean {statistics.fmean(over):.2f}%"
        )
    app = summary["append"]
    print(
        f"log append + fsync (probe, {app['n']} appends): p50 {app['p50']:.2f}  "
        f"p99 {app['p99']:.2f}  max {app['max']:.2f} ms"
    )
    print(
        f"clients (this process and ssh): {summary['client_cpu_pct']:.0f}% of a core; "
        f"machine busy {summary['machine_busy_cores']:.2f} of {os.cpu_count()} cores over "
        f"{summary['window_s']:.0f} s; exam processes found {summary['exam_processes_found']}"
    )
    report_phases(summary["phases"])
    codes = summary["verify"]
    sealed = sum(1 for code in codes.values() if code == 0)
    open_ = sum(1 for code in codes.values() if code == 3)
    bad = {log: code for log, code in codes.items() if code not in (0, 3)}
    print(
        f"verify: {sealed}/{len(per)} logs sealed and intact; {open_} intact but not sealed "
        f"(the hand-in did not finish); {len(bad)} failed" + (f": {bad}" if bad else "")
    )


def bench(args: argparse.Namespace) -> dict[str, Any]:
    why_not = ssh_unavailable()
    mode = args.mode if args.mode != "auto" else ("pty" if why_not else "ssh")
    if mode == "ssh" and why_not:
        raise SystemExit(f"bench: the ssh mode cannot run here: {why_not}")
    if mode == "pty" and args.mode == "auto":
        print(f"bench: no sshd login here ({why_not}); the same load runs through ptys")
    if args.nice:
        os.nice(args.nice)  # inherited by sshd, the sessions and the probe
        print(f"bench: the sitting runs at nice {os.nice(0)}")
    print(f"before: {uptime()}")
    rng = random.Random(args.seed)
    sitting = Sitting(mode, args.candidates)
    candidates = [
        Candidate(name="", rng=random.Random(rng.random())) for _ in range(args.candidates)
    ]
    try:
        sitting.open()
        for c, name in zip(candidates, sitting.candidates, strict=True):
            c.name = name
        ramp = 0.25 if mode == "ssh" else 0.1
        log_in_all(sitting, candidates, ramp, limit_s=60 + 4 * args.candidates)
        print(f"all {len(candidates)} candidates in; typing for {args.seconds:.0f} s")
        figures = measure(sitting, candidates, args.seconds, args.profile, args.sample)
        usage: Usage = figures["usage"]
        hand_in_all(
            candidates, limit_s=30 + args.candidates, pids=figures["pids"], peak=usage.hand_in_rss
        )
        if args.sample > 0:
            peaks = ", ".join(f"{n} {v:.1f} MB" for n, v in usage.hand_in_rss.items())
            print(f"hand-in: highest RSS {peaks}")
        for c in candidates:
            c.close()
        verified = verify_all(sitting)
        summary = summarise(candidates, figures, verified)
        summary["phases"]["logs"] = log_phases(sitting.logs)
        summary.update(mode=mode, no_ssh_reason=why_not if mode == "pty" else None)
        report(summary, mode, why_not if mode == "pty" else None)
        if args.profile is not None:
            report_profile(args.profile)
        print(f"after: {uptime()}")
        return summary
    finally:
        for c in candidates:
            c.close()
        sitting.close(keep=args.keep)
        if args.keep:
            print(f"kept: {sitting.root}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_probe"]:
        probe_appends(Path(argv[1]), float(argv[2]), Path(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60.0, help="the typing window")
    parser.add_argument("--mode", choices=("auto", "ssh", "pty"), default="auto")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument(
        "--profile",
        type=Path,
        help="attach py-spy to each exam process over the typing window; collapsed on-CPU "
        "stacks into this folder (one file per candidate)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    parser.add_argument(
        "--sample",
        type=float,
        default=0.0,
        help="print each exam's RSS and PSS every this many seconds of the typing window",
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run the whole sitting (sshd, sessions, clients) at this nice value; a negative "
        "one (root) approximates a dedicated server on a machine busy with other work",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.candidates <= 200 or not 1 <= args.seconds <= 3600:
        parser.error("--candidates 1..200 and --seconds 1..3600")

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    # Ctrl+C, kill, a closed terminal: all end in `bench`'s cleanup (SIGINT is set here
    # too, since a shell starts background jobs with it ignored).
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    try:
        summary = bench(args)
    except KeyboardInterrupt:
        print("bench: interrupted; everything it made is removed", file=sys.stderr)
        return 130
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
