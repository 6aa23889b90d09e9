"""`review`, `observe`, `room`, `practice` and `resume` without a terminal (qa-sitting8).

With standard input and output a pipe, `review` started its screen anyway: escape
codes into the pipe, and exit status 0. Each command that draws a screen now
refuses, as `exam` does, with one paragraph and exit status 2, and writes no log.
Run as a program with pipes for its standard streams, as a script would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import simulated_log
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.commands.exam import WEB_DRIVER, require_screen


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("no-terminal")
    (folder / "room").mkdir()
    simulated_log(folder / "room" / "c0042.jsonl", "idle", candidate_id="c0042")
    return folder


def without_terminal(folder: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    return subprocess.run(
        [sys.executable, "-m", "helpdesk_tui.cli", *argv],
        stdin=subprocess.PIPE,
        capture_output=True,
        cwd=folder,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", ["review", "observe", "room", "practice", "resume"])
def test_a_screen_without_a_terminal_is_refused_in_one_paragraph(
    folder: Path, command: str, tmp_path: Path
) -> None:
    log = str(folder / "room" / "c0042.jsonl")
    argv = {
        "review": ["review", log, "--assessor", "An", "--out", str(tmp_path / "v.json")],
        "observe": ["observe", log],
        "room": ["room", str(folder / "room")],
        "practice": ["practice", "--logs", str(tmp_path / "logs"), "--lang", "en"],
        "resume": ["resume", log],
    }[command]
    done = without_terminal(folder, *argv)
    err = done.stderr.decode()
    assert done.returncode == 2, err  # resume: the terminal is asked before the log is opened
    assert f"`helpdesk-exam {command}` runs only on a terminal" in err
    assert b"\x1b" not in done.stdout  # no screen drawn into the pipe
    assert "Traceback" not in err
    assert not (tmp_path / "logs").exists() or not list((tmp_path / "logs").iterdir())
    assert not (tmp_path / "v.json").exists()


def test_a_browser_tab_of_textual_serve_is_a_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """textual-serve runs practice with pipes for its streams and its web driver."""
    monkeypatch.setattr("helpdesk_tui.commands.exam.on_a_terminal", lambda: False)
    with pytest.raises(UserError):
        require_screen("practice")
    monkeypatch.setenv("TEXTUAL_DRIVER", WEB_DRIVER)
    require_screen("practice")  # no refusal
