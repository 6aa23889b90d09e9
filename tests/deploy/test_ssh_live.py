"""The sshd snippet and sudoers rule for real: a second sshd on 127.0.0.1, a throwaway
candidate account, and the attacks a candidate could try.

Opt-in (it creates users, a sudoers file and a sshd): runs only as root, with
sshd, ssh, sftp, scp and sudo installed, and HELPDESK_EXAM_SSH_TESTS=1. Every
name it makes starts with `hxt` and a random suffix, and everything is removed
afterwards (users, group, /etc/sudoers.d/hxt-*, /run/hxt-*, the sshd it started).

The exam program is the fake from fake_helpdesk_exam.py, run by /usr/bin/python3
(every user can run that one), so this tests the deployment, not the exam.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.deploy.kit import DEPLOY, WRAPPER, calls_of, install_fake

TOOLS = (
    "/usr/sbin/sshd",
    "ssh",
    "sftp",
    "scp",
    "sudo",
    "visudo",
    "useradd",
    "runuser",
    "ssh-keygen",
)
pytestmark = pytest.mark.skipif(
    os.environ.get("HELPDESK_EXAM_SSH_TESTS") != "1"
    or os.geteuid() != 0
    or not all(shutil.which(t) for t in TOOLS)
    or not Path("/usr/bin/python3").exists(),
    reason="opt-in: needs root, openssh-server, openssh-client, sudo and HELPDESK_EXAM_SSH_TESTS=1",
)

LOGIN_PATH = "/usr/local/sbin/helpdesk-exam-login"
SHELL_PROOF = "echo SHELL-$((6*7))"  # prints SHELL-42 only if a shell ran it


@dataclass
class Live:
    root: Path
    group: str
    exam_user: str
    candidate: str
    port: int
    client_key: Path
    known_hosts: Path
    program: Path
    key: Path
    logs: Path

    def ssh_base(self) -> list[str]:
        return [
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            f"UserKnownHostsFile={self.known_hosts}",
            "-i",
            str(self.client_key),
        ]

    def ssh(self, *args: str, remote: tuple[str, ...] = (), timeout: float = 30):
        argv = [
            "ssh",
            "-p",
            str(self.port),
            *self.ssh_base(),
            *args,
            f"{self.candidate}@127.0.0.1",
            *remote,
        ]
        return subprocess.run(
            argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
        )

    def as_candidate(self, *argv: str):
        return subprocess.run(
            ["runuser", "-u", self.candidate, "--", *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
        )

    def starts(self) -> list[dict]:
        return [c for c in calls_of(self.program) if c["argv"][:1] != ["verify"]]


def run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live() -> Iterator[Live]:
    suffix = secrets.token_hex(3)
    group, exam_user, candidate = f"hxt{suffix}c", f"hxt{suffix}e", f"hxt{suffix}a"
    root = Path(f"/run/hxt-{suffix}")
    sudoers = Path(f"/etc/sudoers.d/hxt-{suffix}")
    sshd: subprocess.Popen | None = None
    made_users: list[str] = []
    made_groups: list[str] = []
    try:
        root.mkdir(mode=0o755)
        root.chmod(0o755)
        # users
        run("groupadd", group)
        made_groups.append(group)
        run("groupadd", "--system", exam_user)
        made_groups.append(exam_user)
        run(
            "useradd",
            "--system",
            "-g",
            exam_user,
            "-M",
            "-d",
            "/nonexistent",
            "-s",
            "/usr/sbin/nologin",
            exam_user,
        )
        made_users.append(exam_user)
        wrapper = root / "helpdesk-exam-login"
        conf = root / "exam.conf"
        text = WRAPPER.read_text().replace(
            "DEFAULT_CONF=/etc/helpdesk-exam/exam.conf", f"DEFAULT_CONF={conf}"
        )
        wrapper.write_text(text)
        wrapper.chmod(0o755)
        run("useradd", "-g", group, "-M", "-d", str(root), "-s", str(wrapper), candidate)
        made_users.append(candidate)
        run("usermod", "-p", "*", candidate)
        # the exam's files
        bin_dir = root / "bin"
        program = install_fake(bin_dir, python="/usr/bin/python3")
        shutil.chown(bin_dir, exam_user, exam_user)
        keys = root / "keys"
        keys.mkdir(mode=0o750)
        shutil.chown(keys, "root", exam_user)
        key = keys / "exam-centre.key"
        key.write_text("-----BEGIN PRIVATE KEY-----\nfake\n-----END PRIVATE KEY-----\n")
        shutil.chown(key, exam_user, exam_user)
        key.chmod(0o400)
        (keys / "exam-centre.pub").write_text("-----BEGIN PUBLIC KEY-----\nfake\n")
        (keys / "exam-centre.pub").chmod(0o644)
        logs = root / "logs"
        logs.mkdir(mode=0o700)
        shutil.chown(logs, exam_user, exam_user)
        scenario = root / "scenario"
        scenario.mkdir()
        (scenario / "scenario.toml").write_text('id = "en-test"\n')
        conf.write_text(
            "\n".join(
                [
                    f"scenario = {scenario}",
                    f"logs_dir = {logs}",
                    f"key = {key}",
                    f"program = {program}",
                    f"exam_user = {exam_user}",
                    f"candidate_group = {group}",
                    "pause_s = 0",
                    "wait_s = 2",
                    "watch_s = 1",
                    "watch_grace_s = 1",
                ]
            )
            + "\n"
        )
        conf.chmod(0o644)
        # sudoers, from the deploy file
        rule = (DEPLOY / "sudoers.d" / "helpdesk-exam").read_text()
        rule = rule.replace(LOGIN_PATH, str(wrapper))
        rule = rule.replace("%helpdesk-candidates", f"%{group}").replace(
            "(helpdesk-exam)", f"({exam_user})"
        )
        staged = root / "sudoers"
        staged.write_text(rule)
        run("visudo", "-cf", str(staged))
        shutil.copyfile(staged, sudoers)
        sudoers.chmod(0o440)
        run("visudo", "-c")
        # client key, authorized as the deploy scripts do
        client = root / "client"
        client.mkdir(mode=0o700)
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(client / "id"))
        auth = root / "authorized_keys"
        auth.mkdir(mode=0o755)
        (auth / candidate).write_text("restrict,pty " + (client / "id.pub").read_text())
        (auth / candidate).chmod(0o644)
        # sshd, with the deploy snippet
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / "hostkey"))
        snippet = (DEPLOY / "sshd_config.d" / "helpdesk-exam.conf").read_text()
        snippet = snippet.replace("Group helpdesk-candidates", f"Group {group}")
        snippet = snippet.replace(LOGIN_PATH, str(wrapper))
        snippet = snippet.replace("/etc/helpdesk-exam/authorized_keys/%u", f"{auth}/%u")
        (root / "snippet.conf").write_text(snippet)
        port = free_port()
        config = root / "sshd_config"
        config.write_text(
            f"Include {root / 'snippet.conf'}\nPort {port}\nListenAddress 127.0.0.1\n"
            f"HostKey {root / 'hostkey'}\nPidFile {root / 'sshd.pid'}\nUsePAM yes\n"
            "KbdInteractiveAuthentication no\nPasswordAuthentication no\nX11Forwarding yes\n"
            "AcceptEnv LANG LC_*\nSubsystem sftp /usr/lib/openssh/sftp-server\n"
        )
        Path("/run/sshd").mkdir(exist_ok=True)
        run("/usr/sbin/sshd", "-t", "-f", str(config))
        sshd = subprocess.Popen(
            ["/usr/sbin/sshd", "-D", "-e", "-f", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=open(root / "sshd.log", "w"),  # noqa: SIM115 (closed with the process)
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield Live(
            root,
            group,
            exam_user,
            candidate,
            port,
            client / "id",
            client / "known_hosts",
            program,
            key,
            logs,
        )
    finally:
        if sshd is not None:
            sshd.send_signal(signal.SIGTERM)
            try:
                sshd.wait(10)
            except subprocess.TimeoutExpired:
                sshd.kill()
        for user in reversed(made_users):
            # a session's watchdog may outlive it by a second: userdel refuses a busy user
            deadline = time.monotonic() + 15
            while subprocess.run(["userdel", user], capture_output=True).returncode not in (0, 6):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.5)
        for name in made_groups:
            subprocess.run(["groupdel", name], capture_output=True)
        sudoers.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)


def test_a_login_with_a_terminal_runs_the_exam_as_the_exam_user(live: Live) -> None:
    before = len(live.starts())
    result = live.ssh("-tt")
    assert "FAKE-EXAM" in result.stdout, result.stdout + result.stderr
    call = live.starts()[before]
    assert call["argv"][:2] == ["exam", str(live.root / "scenario")]
    assert call["argv"][2:4] == ["--candidate", live.candidate]
    assert call["uid"] == int(subprocess.check_output(["id", "-u", live.exam_user]))
    assert call["key_readable"] is True
    assert call["stdin_tty"] and call["stdout_tty"]
    assert "SSH_ORIGINAL_COMMAND" not in call["env"]
    assert "TEXTUAL_ALLOW_SIGNALS" not in call["env"]


def test_a_command_on_the_ssh_line_is_ignored(live: Live) -> None:
    result = live.ssh("-tt", remote=(SHELL_PROOF,))
    assert "SHELL-42" not in result.stdout
    assert "FAKE-EXAM" in result.stdout


def test_env_sent_by_the_client_does_not_reach_the_exam(live: Live) -> None:
    before = len(live.starts())
    live.ssh("-tt", "-o", "SetEnv=TEXTUAL_ALLOW_SIGNALS=1 BASH_ENV=/tmp/x LC_ALL=C.UTF-8")
    env = live.starts()[before]["env"]
    assert "TEXTUAL_ALLOW_SIGNALS" not in env and "BASH_ENV" not in env


def test_without_a_terminal_nothing_runs(live: Live) -> None:
    before = len(calls_of(live.program))
    result = live.ssh("-T", remote=(SHELL_PROOF,))
    assert result.returncode == 1
    assert "SHELL-42" not in result.stdout
    assert "only runs the exam" in result.stderr
    assert len(calls_of(live.program)) == before


def test_stdio_and_remote_forwarding_are_refused(live: Live) -> None:
    stdio = live.ssh("-W", f"127.0.0.1:{live.port}")
    assert stdio.returncode == 255
    assert "administratively prohibited" in stdio.stderr
    remote = live.ssh(
        "-N",
        "-o",
        "ExitOnForwardFailure=yes",
        "-R",
        f"127.0.0.1:{free_port()}:127.0.0.1:{live.port}",
    )
    assert remote.returncode == 255
    assert "remote port forwarding failed" in remote.stderr


def test_local_forwarding_carries_nothing(live: Live) -> None:
    local = free_port()
    tunnel = subprocess.Popen(
        [
            "ssh",
            "-p",
            str(live.port),
            *live.ssh_base(),
            "-N",
            "-L",
            f"127.0.0.1:{local}:127.0.0.1:{live.port}",
            f"{live.candidate}@127.0.0.1",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                conn = socket.create_connection(("127.0.0.1", local), timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        conn.settimeout(5)
        try:
            banner = conn.recv(64)
        except (TimeoutError, ConnectionResetError):
            banner = b""
        conn.close()
        assert not banner.startswith(b"SSH-")  # the sshd behind the tunnel was never reached
    finally:
        tunnel.terminate()
        _, err = tunnel.communicate(timeout=10)
    assert "administratively prohibited" in err


def test_sftp_and_scp_get_nothing(live: Live, tmp_path: Path) -> None:
    base = ["-P", str(live.port), *live.ssh_base()]
    target = f"{live.candidate}@127.0.0.1"
    sftp = subprocess.run(
        ["sftp", *base, "-b", "-", target],
        input="ls /\n",
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert sftp.returncode != 0
    for protocol in ([], ["-O"]):
        got = tmp_path / f"got{len(protocol)}"
        down = subprocess.run(
            ["scp", *protocol, *base, f"{target}:/etc/hostname", str(got)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert down.returncode != 0 and not got.exists()
    planted = Path(f"/tmp/hxt-planted-{secrets.token_hex(3)}")
    up = subprocess.run(
        ["scp", "-O", *base, "/etc/hostname", f"{target}:{planted}"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert up.returncode != 0 and not planted.exists()


def test_the_candidate_cannot_read_the_key_or_stretch_the_sudo_rule(live: Live) -> None:
    read = live.as_candidate("cat", str(live.key))
    assert read.returncode != 0 and "Permission denied" in read.stderr
    logs = live.as_candidate("ls", str(live.logs))
    assert logs.returncode != 0
    for argv in (
        ["sudo", "-n", "-u", live.exam_user, "/bin/cat", str(live.key)],
        ["sudo", "-n", "-u", live.exam_user, str(live.root / "helpdesk-exam-login"), "--anything"],
        ["sudo", "-n", "/bin/sh", "-c", "id"],
        ["sudo", "-n", "-E", "-u", live.exam_user, str(live.root / "helpdesk-exam-login")],
    ):
        result = live.as_candidate(*argv)
        assert result.returncode != 0, argv


def test_an_unsealed_log_is_resumed_over_ssh(live: Live) -> None:
    folder = live.logs / live.candidate
    folder.mkdir(mode=0o700, exist_ok=True)
    shutil.chown(folder, live.exam_user, live.exam_user)
    log = folder / "en-test-1.jsonl"
    log.write_text("header\n")
    shutil.chown(log, live.exam_user, live.exam_user)
    try:
        before = len(live.starts())
        result = live.ssh("-tt")
        assert "Resuming your exam" in result.stdout
        assert live.starts()[before]["argv"][:2] == ["resume", str(log)]
    finally:
        log.unlink()
