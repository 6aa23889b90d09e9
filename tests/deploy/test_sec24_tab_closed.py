"""sec23 left: a practice closed by textual-serve (a closed tab, an idle one) wrote no
interruption record. textual-serve ends a tab's process with a `quit` meta packet, and
Textual's web driver turns it into a plain exit: the log read a pause and a checkpoint,
unsealed, with no word of how the session ended. What the student and the teacher need:
the same record a `kill` or a hang-up writes (`session_paused`, "interrupted: ..."), so the
log says the tab was closed, `verify` reads it as unsealed and `resume` continues it.

The practice runs as textual-serve runs it (TEXTUAL_DRIVER, COLUMNS and ROWS, its packets
on stdin and stdout), without the server: the server is not what is tested."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.test_bugs21_web_sigterm import (
    DEADLINE_S,
    WEB_DRIVER,
    packet,
    records,
    until,
)

pytest.importorskip("textual_serve", reason="textual-serve is not installed (the web extra)")

UNSEALED = 3
"""`verify`'s exit status for an intact log whose session never ended (its --help)."""


def served(args: list[str], cwd: Path) -> tuple[subprocess.Popen[bytes], bytearray]:
    """A helpdesk-exam command run as textual-serve runs a tab's, its output drained."""
    env = {**os.environ, "TEXTUAL_DRIVER": WEB_DRIVER, "COLUMNS": "100", "ROWS": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "helpdesk_tui.cli", *args, "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=cwd,
    )
    assert process.stdout is not None
    out, shown = process.stdout, bytearray()

    def drain() -> None:
        while data := os.read(out.fileno(), 1 << 16):
            shown.extend(data[:4096] if len(shown) < 1 << 20 else b"")

    threading.Thread(target=drain, daemon=True).start()
    return process, shown


def close_tab(process: subprocess.Popen[bytes], shown: bytearray) -> None:
    """What textual-serve does when a tab's websocket closes: a `quit` meta, then it waits."""
    assert process.stdin is not None
    try:
        until(lambda: b"__GANGLION__" in shown and len(shown) > 4096, "the first frame")
        process.stdin.write(packet(b"M", json.dumps({"type": "quit"}).encode()))
        process.stdin.flush()
        process.wait(DEADLINE_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def interruptions(logs: Path) -> list[dict[str, Any]]:
    return [
        r
        for r in records(logs)
        if r["type"] == "session_paused" and r["data"]["reason"].startswith("interrupted: ")
    ]


def test_a_closed_tab_logs_its_interruption_and_the_log_resumes(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    process, shown = served(["practice", "--logs", str(logs)], tmp_path)
    until(lambda: any(r["type"] == "session_started" for r in records(logs)), "the start")
    close_tab(process, shown)
    kinds = [r["type"] for r in records(logs)]
    assert "log.seal" not in kinds and "session_ended" not in kinds, kinds
    stops = interruptions(logs)
    assert stops and "browser tab was closed" in stops[-1]["data"]["reason"], kinds
    (log,) = sorted(logs.glob("*.jsonl"))
    verify = subprocess.run(
        [sys.executable, "-m", "helpdesk_tui.cli", "verify", str(log)],
        capture_output=True,
        timeout=DEADLINE_S,
        cwd=tmp_path,
    )
    assert verify.returncode == UNSEALED, verify.stdout + verify.stderr

    before = len(records(logs))
    process, shown = served(["resume", str(log)], tmp_path)
    until(lambda: any(r["type"] == "session_resumed" for r in records(logs)[before:]), "the resume")
    close_tab(process, shown)
    assert len(interruptions(logs)) == 2, [r["type"] for r in records(logs)]
