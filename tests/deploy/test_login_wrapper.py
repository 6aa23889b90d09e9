"""The ForceCommand wrapper's logic, with a fake `helpdesk-exam` that records its calls.

The wrapper is run as its second step (the exam user, after sudo) by naming the
test's own user as exam_user and setting SUDO_USER, and as its first step (the
candidate) with a fake sudo. It runs on a pseudo-terminal, as under sshd.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from tests.deploy.kit import WRAPPER, Sandbox, calls_of, install_fake, me, run_in_pty

pytestmark = pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")


@pytest.fixture
def box(tmp_path: Path) -> Sandbox:
    return Sandbox(tmp_path)


def login(box: Sandbox, *args: str, tty: bool = True, **env: str):
    return run_in_pty([str(WRAPPER), *args], box.env(**env), tty=tty)


# --------------------------------------------------------------------------- new or resume


def test_first_login_starts_a_new_exam_in_the_candidates_own_folder(box: Sandbox) -> None:
    run = login(box)
    assert run.returncode == 0, run.output
    assert "Starting your exam" in run.output
    assert "FAKE-EXAM" in run.output
    folder = box.candidate_dir()
    assert box.starts() == [
        [
            "exam",
            str(box.scenario),
            "--candidate",
            "c0042",
            "--key",
            str(box.key),
            "--logs",
            str(folder),
        ]
    ]
    # group read for the witness (the logs folder's group where it is set up), nothing for others
    assert folder.is_dir() and (folder.stat().st_mode & 0o777) == 0o750
    call = box.calls()[-1]
    assert call["cwd"] == str(folder)
    assert call["stdin_tty"] and call["stdout_tty"]


def test_an_unsealed_log_is_resumed_not_restarted(box: Sandbox) -> None:
    log = box.add_log("en-test-1.jsonl", '{"type":"log.header"}\n')
    run = login(box)
    assert run.returncode == 0, run.output
    assert "Resuming your exam" in run.output
    assert box.starts() == [["resume", str(log), "--key", str(box.key)]]
    verified = [c["argv"] for c in box.calls() if c["argv"][:1] == ["verify"]]
    assert verified == [["verify", str(log), "--pubkey", str(box.pubkey)]]


def test_of_two_unsealed_logs_the_newest_is_resumed(box: Sandbox) -> None:
    now = time.time()
    box.add_log("a.jsonl", "header\n", mtime=now - 600)
    newer = box.add_log("b.jsonl", "header\n", mtime=now - 60)
    box.add_log("c.jsonl", "header\n", mtime=now - 3600)
    login(box)
    assert box.starts() == [["resume", str(newer), "--key", str(box.key)]]


def test_an_unsealed_log_wins_over_a_sealed_one(box: Sandbox) -> None:
    box.add_log("old.jsonl", "SEALED\n")
    open_log = box.add_log("new.jsonl", "header\n")
    login(box)
    assert box.starts() == [["resume", str(open_log), "--key", str(box.key)]]


def test_a_sealed_log_means_the_exam_is_over_and_nothing_starts(box: Sandbox) -> None:
    box.add_log("done.jsonl", "SEALED\n")
    run = login(box)
    assert run.returncode == 0
    assert "has ended" in run.output
    assert box.starts() == []


def test_a_log_that_does_not_verify_is_left_for_the_proctor(box: Sandbox) -> None:
    box.add_log("bad.jsonl", "TAMPERED\n")
    run = login(box)
    assert run.returncode == 1
    assert "call the proctor" in run.output
    assert box.starts() == []


def test_torn_fragments_and_other_files_are_not_logs(box: Sandbox) -> None:
    box.add_log("x.jsonl.torn", "half a line")
    box.add_log("x.jsonl.session-key", "key")
    login(box)
    assert [argv[0] for argv in box.starts()] == ["exam"]


# --------------------------------------------------------------------------- what the candidate cannot choose


@pytest.mark.parametrize(
    "args",
    [(), ("-c", "bash -i"), ("-c", "/usr/lib/openssh/sftp-server"), ("-c", "scp -t /tmp")],
    ids=["plain", "bash", "sftp", "scp"],
)
def test_arguments_and_ssh_original_command_are_ignored(
    box: Sandbox, args: tuple[str, ...]
) -> None:
    run = login(box, *args, SSH_ORIGINAL_COMMAND="bash -i")
    assert run.returncode == 0, run.output
    assert [argv[0] for argv in box.starts()] == ["exam"]
    assert "SSH_ORIGINAL_COMMAND" not in box.calls()[-1]["env"]


def test_the_exam_gets_a_clean_environment(box: Sandbox) -> None:
    run = login(
        box,
        TEXTUAL_ALLOW_SIGNALS="1",
        PYTHONINSPECT="1",
        PYTHONPATH="/tmp/evil",
        LD_PRELOAD="/tmp/evil.so",
        SSH_AUTH_SOCK="/tmp/agent",
        DISPLAY=":0",
    )
    assert run.returncode == 0, run.output
    env = box.calls()[-1]["env"]
    for name in (
        "TEXTUAL_ALLOW_SIGNALS",
        "PYTHONINSPECT",
        "PYTHONPATH",
        "LD_PRELOAD",
        "SSH_AUTH_SOCK",
        "DISPLAY",
        "SUDO_USER",
        "HELPDESK_EXAM_CONF",
    ):
        assert name not in env, name
    assert env["LANGUAGE"] == "en"
    assert env["LANG"] == "C.UTF-8"
    assert env["HELPDESK_EXAM_CANDIDATE"] == "c0042"
    # the lemma tables built once at install, not by each exam in the candidate's folder
    assert env["HELPDESK_EXAM_CACHE_DIR"] == "/var/cache/helpdesk-exam"


def test_the_exam_reads_the_lemma_tables_from_cache_dir(box: Sandbox) -> None:
    box.write_conf(cache_dir="/srv/exam-cache")
    run = login(box)
    assert run.returncode == 0, run.output
    assert box.calls()[-1]["env"]["HELPDESK_EXAM_CACHE_DIR"] == "/srv/exam-cache"


def test_bash_env_from_the_client_never_runs(box: Sandbox, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"touch {marker}\n")
    run = login(box, BASH_ENV=str(hook), ENV=str(hook))
    assert run.returncode == 0, run.output
    assert not marker.exists()


def test_the_exam_starts_with_default_signal_dispositions(box: Sandbox) -> None:
    """The wrapper ignores ^C/^Z/^\\ while it works, and gives them back before the exam."""
    login(box)
    ignored = set(box.calls()[-1]["ignored"])
    assert not ignored & {"SIGINT", "SIGQUIT", "SIGTSTP", "SIGHUP", "SIGTERM"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("xterm-256color", "xterm-256color"),
        ("screen-256color", "screen-256color"),
        ("linux", "linux"),
        ("dumb", "xterm-256color"),
        ("", "xterm-256color"),
        ("xterm;rm -rf /", "xterm-256color"),
        ("../../etc/x", "xterm-256color"),
    ],
)
def test_term_is_made_sane(box: Sandbox, given: str, expected: str) -> None:
    login(box, TERM=given)
    assert box.calls()[-1]["env"]["TERM"] == expected


def test_without_a_terminal_nothing_runs(box: Sandbox) -> None:
    """sftp, scp and `ssh host cmd` arrive without a pty: refused before anything is read."""
    box.add_log("open.jsonl", "header\n")
    run = login(
        box, "-c", "/usr/lib/openssh/sftp-server", tty=False, SSH_ORIGINAL_COMMAND="internal-sftp"
    )
    assert run.returncode == 1
    assert "only runs the exam" in run.output
    assert box.calls() == []


@pytest.mark.parametrize("sudo_user", [None, "", "root", "../../etc", "c 42", "-rf"])
def test_only_a_plausible_candidate_from_sudo_is_accepted(
    box: Sandbox, sudo_user: str | None
) -> None:
    run = login(box, SUDO_USER=sudo_user)
    assert run.returncode != 0
    assert "call the proctor" in run.output
    assert box.calls() == []


def test_the_candidate_group_is_checked_when_configured(box: Sandbox) -> None:
    box.write_conf(candidate_group="no-such-group-hx")
    run = login(box)
    assert run.returncode == 1
    assert "not in the group no-such-group-hx" in run.output
    assert box.calls() == []


# --------------------------------------------------------------------------- one session at a time


def test_a_second_session_waits_then_gives_up(box: Sandbox) -> None:
    folder = box.candidate_dir()
    folder.mkdir(mode=0o700)
    with open(folder / ".session.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        run = login(box)
    assert run.returncode == 75
    assert "please wait" in run.output
    assert "already running in another session" in run.output
    assert box.starts() == []


def test_a_dropped_terminal_ends_a_stuck_exam_so_the_next_login_can_resume(box: Sandbox) -> None:
    box.write_conf(watch_s=1)
    (box.program.parent / "hang").write_text("")
    started = time.monotonic()
    run = run_in_pty(
        [str(WRAPPER)], box.env(), timeout=30, hang_up_when=box.program.parent / "hanging"
    )
    assert time.monotonic() - started < 20
    assert run.returncode != 0  # killed: HUP and TERM were ignored, so KILL
    pid = int((box.program.parent / "hanging").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    # the lock went with it: the next login gets in at once
    (box.program.parent / "hang").unlink()
    box.add_log("open.jsonl", "header\n")
    again = login(box)
    assert again.returncode == 0, again.output
    assert box.starts()[-1][0] == "resume"


# --------------------------------------------------------------------------- configuration


def test_messages_follow_the_configured_language(box: Sandbox) -> None:
    box.write_conf(lang="nl")
    box.add_log("done.jsonl", "SEALED\n")
    assert "Je examen is afgelopen" in login(box).output
    box.write_conf(lang="fr")
    assert "Votre examen est terminé" in login(box).output


def test_a_config_others_can_change_is_refused(box: Sandbox) -> None:
    """Refused after a pause to read the message; its pause_s cannot be trusted, so the
    pause is the wrapper's own (5 s; 1 s here by HELPDESK_EXAM_PAUSE_S)."""
    box.conf.chmod(0o666)
    started = time.monotonic()
    run = login(box, HELPDESK_EXAM_PAUSE_S="1")
    assert time.monotonic() - started >= 1
    assert run.returncode == 1
    assert "writable by its owner only" in run.output
    assert box.calls() == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("colour = blue", "unknown setting 'colour'"),
        ("this is not a setting", "is not 'key = value'"),
        ("lang = de", "lang must be en, nl or fr"),
        ("wait_s = soon", "wait_s must be a number"),
    ],
)
def test_a_bad_config_line_is_named(box: Sandbox, line: str, message: str) -> None:
    with box.conf.open("a") as conf:
        conf.write(line + "\n")
    run = login(box)
    assert run.returncode == 1
    assert message in run.output
    assert "cannot start on this server" in run.output


def test_a_missing_scenario_key_or_program_is_reported(box: Sandbox, tmp_path: Path) -> None:
    box.write_conf(scenario=tmp_path / "nowhere")
    assert "scenario" in login(box).output and box.calls() == []
    box.write_conf(key=tmp_path / "no.key")
    assert "private key" in login(box).output
    box.write_conf(program=tmp_path / "no-program")
    assert "is missing or not executable" in login(box).output


def test_a_bundled_scenario_id_is_passed_on(box: Sandbox) -> None:
    box.write_conf(scenario="en-northwind-monday")
    login(box)
    assert box.starts()[0][:2] == ["exam", "en-northwind-monday"]


# --------------------------------------------------------------------------- step 1: the candidate


def test_as_the_candidate_it_hands_over_to_the_exam_user_through_sudo_only(box: Sandbox) -> None:
    fake_sudo = install_fake(box.root / "sudo-bin", "sudo")
    box.write_conf(exam_user="helpdesk-exam-nobody", sudo=fake_sudo)
    run = login(box, "-c", "bash", SSH_ORIGINAL_COMMAND="bash", SUDO_USER=None, TERM="dumb")
    assert run.returncode == 0, run.output
    calls = calls_of(fake_sudo)
    assert len(calls) == 1
    assert calls[0]["argv"] == ["-n", "-u", "helpdesk-exam-nobody", "--", str(WRAPPER.resolve())]
    assert calls[0]["env"]["TERM"] == "xterm-256color"
    assert "SSH_ORIGINAL_COMMAND" not in calls[0]["env"]


def test_as_the_candidate_without_a_terminal_sudo_is_never_run(box: Sandbox) -> None:
    fake_sudo = install_fake(box.root / "sudo-bin", "sudo")
    box.write_conf(exam_user="helpdesk-exam-nobody", sudo=fake_sudo)
    run = login(box, tty=False, SUDO_USER=None)
    assert run.returncode == 1
    assert calls_of(fake_sudo) == []


def test_the_test_runs_as_the_exam_user_it_names() -> None:
    # (the sandbox relies on it: exam_user = the user running the tests)
    assert me()
