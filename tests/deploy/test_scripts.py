"""The deployment scripts and config snippets: syntax, lint, and that they agree with each other."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.kit import DEPLOY, SHELL_SCRIPTS, WRAPPER

SNIPPET = DEPLOY / "sshd_config.d" / "helpdesk-exam.conf"
SUDOERS = DEPLOY / "sudoers.d" / "helpdesk-exam"
EXAM_CONF = DEPLOY / "exam.conf"
INSTALL = DEPLOY / "install-exam-server.sh"
LOGIN_PATH = "/usr/local/sbin/helpdesk-exam-login"


def test_every_script_is_there_and_executable() -> None:
    names = {p.name for p in SHELL_SCRIPTS}
    assert {
        "install-exam-server.sh",
        "add-candidate.sh",
        "remove-candidate.sh",
        "collect-logs.sh",
        "uninstall-exam-server.sh",
        "helpdesk-exam-login",
    } <= names
    for script in SHELL_SCRIPTS:
        assert os.access(script, os.X_OK), f"{script.name} is not executable"


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_bash_can_parse_it(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_strict_mode(script: Path) -> None:
    text = script.read_text()
    assert text.startswith("#!/usr/bin/env bash\n") or text.startswith("#!/bin/bash -p\n")
    assert "\nset -euo pipefail\n" in text


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_shellcheck_is_clean(script: Path) -> None:
    result = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "script", [p for p in SHELL_SCRIPTS if p.suffix == ".sh"], ids=lambda p: p.name
)
def test_help_and_unknown_options(script: Path) -> None:
    shown = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert shown.returncode == 0
    assert script.name in shown.stdout
    assert "set -euo" not in shown.stdout
    wrong = subprocess.run([str(script), "--no-such-option"], capture_output=True, text=True)
    assert wrong.returncode != 0
    assert "unknown option '--no-such-option'" in wrong.stderr


@pytest.mark.parametrize("bad", ["Bad Name", "9lives", "c0042;id", "x" * 40, "../etc"])
def test_add_candidate_refuses_a_bad_login_name_before_doing_anything(bad: str) -> None:
    result = subprocess.run([str(DEPLOY / "add-candidate.sh"), bad], capture_output=True, text=True)
    assert result.returncode == 1
    assert "cannot be a login name" in result.stderr


# --------------------------------------------------------------------------- the snippets


def directives(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition(" ")
            out.append((key, value.strip()))
    return out


def test_sshd_snippet_locks_the_candidate_group_down() -> None:
    found = directives(SNIPPET)
    assert found[0] == ("Match", "Group helpdesk-candidates")
    settings = dict(found[1:])
    assert settings["ForceCommand"] == LOGIN_PATH
    expected = {
        "PermitTTY": "yes",
        "DisableForwarding": "yes",
        "AllowTcpForwarding": "no",
        "AllowStreamLocalForwarding": "no",
        "AllowAgentForwarding": "no",
        "X11Forwarding": "no",
        "PermitTunnel": "no",
        "GatewayPorts": "no",
        "PermitUserRC": "no",
        "MaxSessions": "1",
        "PermitEmptyPasswords": "no",
    }
    for key, value in expected.items():
        assert settings.get(key) == value, key
    assert int(settings["ClientAliveInterval"]) * int(settings["ClientAliveCountMax"]) <= 120
    assert [k for k, _ in found].count("Match") == 1
    assert (
        "Subsystem" not in settings
    )  # not allowed in Match before OpenSSH 9.5; ForceCommand covers it


def test_sudoers_allows_exactly_one_command_without_arguments() -> None:
    rules = [line for line in SUDOERS.read_text().splitlines() if line and not line.startswith("#")]
    grants = [r for r in rules if not r.startswith("Defaults")]
    assert grants == [f'%helpdesk-candidates ALL = (helpdesk-exam) NOPASSWD: {LOGIN_PATH} ""']
    defaults = [r for r in rules if r.startswith("Defaults")]
    assert defaults == [
        f'Defaults!{LOGIN_PATH} env_reset, env_keep = "TERM COLORTERM", use_pty, !lecture'
    ]


@pytest.mark.skipif(shutil.which("visudo") is None, reason="sudo is not installed")
def test_sudoers_parses() -> None:
    result = subprocess.run(["visudo", "-cf", str(SUDOERS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    not Path("/usr/sbin/sshd").exists() or os.geteuid() != 0, reason="needs sshd and root"
)
def test_sshd_accepts_the_snippet(tmp_path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "hostkey")], check=True
    )
    config = tmp_path / "sshd_config"
    config.write_text(
        f"Include {SNIPPET}\nPort 2299\nListenAddress 127.0.0.1\nHostKey {tmp_path / 'hostkey'}\n"
        "UsePAM yes\nX11Forwarding yes\nSubsystem sftp /usr/lib/openssh/sftp-server\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True)
    result = subprocess.run(
        ["/usr/sbin/sshd", "-t", "-f", str(config)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # the Match block ends with its file: an ordinary user keeps the main file's settings
    shown = subprocess.run(
        ["/usr/sbin/sshd", "-T", "-f", str(config), "-C", "user=root,host=x,addr=127.0.0.1"],
        capture_output=True,
        text=True,
    )
    assert "forcecommand none" in shown.stdout
    assert "x11forwarding yes" in shown.stdout


def test_the_scripts_agree_on_paths_and_names() -> None:
    install = INSTALL.read_text()
    assert f"LOGIN={LOGIN_PATH}" in install
    assert f"LOGIN={LOGIN_PATH}" in (DEPLOY / "add-candidate.sh").read_text()
    for text in (install, (DEPLOY / "add-candidate.sh").read_text()):
        assert "CANDIDATE_GROUP=helpdesk-candidates" in text
    conf = dict(
        (k.strip(), v.strip())
        for k, _, v in (
            line.partition("=") for line in EXAM_CONF.read_text().splitlines() if "=" in line
        )
        if not k.strip().startswith("#")
    )
    wrapper = WRAPPER.read_text()
    for key in conf:
        assert re.search(rf"^\s+{key}\) ", wrapper, re.M), f"the wrapper does not read {key}"
    assert conf["exam_user"] == "helpdesk-exam"
    assert conf["candidate_group"] == "helpdesk-candidates"
    assert "EXAM_USER=helpdesk-exam" in install
    assert "KEYS=$ETC/keys" in install and conf["key"] == "/etc/helpdesk-exam/keys/exam-centre.key"
    assert "LOGS=$STATE/logs" in install and conf["logs_dir"] == "/var/lib/helpdesk-exam/logs"


def test_pyproject_offers_the_web_extra() -> None:
    import tomllib

    project = tomllib.loads((DEPLOY.parent / "pyproject.toml").read_text())["project"]
    assert project["optional-dependencies"]["web"] == ["textual-serve>=1.1"]


# --------------------------------------------------------------------------- serve.py


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DEPLOY / "serve.py"), *args], capture_output=True, text=True
    )


def test_serve_runs_practice_and_never_exam(tmp_path: Path) -> None:
    result = serve("--print-command", "--logs", str(tmp_path), "--scenario", "en-x", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip()
    assert " -m helpdesk_tui.cli practice en-x --logs " in command
    assert " exam " not in command and "--key" not in command


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "example.org"])
def test_serve_refuses_an_open_address_unless_told(host: str) -> None:
    result = serve("--host", host, "--print-command")
    assert result.returncode == 2
    assert "no login" in result.stderr
    assert serve("--host", host, "--print-command", "--i-know-this-is-open").returncode == 0


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_serve_accepts_loopback(host: str) -> None:
    assert serve("--host", host, "--print-command").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ("exam", "en-northwind-monday"),
        ("--key", "/etc/helpdesk-exam/keys/exam-centre.key"),
        ("--candidate=c0042",),
        ("--exam",),
        ("--mode", "exam"),
        ("--port", "8001", "--proctor-code", "1234"),
    ],
)
def test_serve_refuses_to_serve_an_exam(args: tuple[str, ...]) -> None:
    result = serve(*args, "--print-command")
    assert result.returncode == 2
    assert "practice only, never an exam" in result.stderr
    assert result.stdout == ""  # no command was made


def test_a_scenario_or_logs_folder_named_exam_is_still_practice(tmp_path: Path) -> None:
    result = serve("--scenario", "exam", "--logs", str(tmp_path / "exam"), "--print-command")
    assert result.returncode == 0, result.stderr
    assert " practice exam --logs " in result.stdout
