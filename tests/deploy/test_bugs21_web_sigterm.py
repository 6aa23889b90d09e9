"""sec19 left: a practice served by textual-serve did not end on SIGTERM while its app was
busy. Textual's web driver turns SIGTERM into an exit message queued behind the app's work
(and, when it is not busy, leaves with no word in the log). What the operator and the
student need: `kill PID` (a server stopped, a tab reaped) ends the practice within seconds,
its log left as on a hang-up: the interruption logged, unsealed, resumable.

The practice runs as textual-serve runs it (TEXTUAL_DRIVER, COLUMNS and ROWS, its packets
on stdin and stdout), without the server: the server is not what is tested."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed (the web extra)")

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
DEADLINE_S = 30.0
ENDED_WITHIN_S = 12.0  # StopSignals: 3 s grace, 7 s more, then the hard exit


def until(condition: Callable[[], Any], what: str, timeout: float = DEADLINE_S) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if found := condition():
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


def records(logs: Path) -> list[dict[str, Any]]:
    found = sorted(logs.glob("*.jsonl"))
    if not found:
        return []
    return [json.loads(line) for line in found[0].read_text().splitlines() if line.endswith("}")]


@pytest.mark.parametrize("busy", [False, True])
def test_sigterm_ends_a_served_practice_as_a_hang_up(tmp_path: Path, busy: bool) -> None:
    logs = tmp_path / "logs"
    env = {**os.environ, "TEXTUAL_DRIVER": WEB_DRIVER, "COLUMNS": "100", "ROWS": "30"}
    command = [sys.executable, "-m", "helpdesk_tui.cli", "practice", "--logs", str(logs)]
    process = subprocess.Popen(
        [*command, "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    assert process.stdin is not None and process.stdout is not None
    out, shown = process.stdout, bytearray()

    def drain() -> None:  # textual-serve reads the tab's output all along
        while data := os.read(out.fileno(), 1 << 16):
            shown.extend(data[:4096] if len(shown) < 1 << 20 else b"")

    threading.Thread(target=drain, daemon=True).start()
    try:
        until(lambda: any(r["type"] == "session_started" for r in records(logs)), "the start")
        until(lambda: b"__GANGLION__" in shown and len(shown) > 4096, "the first frame")
        if busy:  # a tab's burst of resizes (sec19's 20,000) keeps the app at work
            sizes = (json.dumps({"type": "resize", "width": 80 + i % 40, "height": 24 + i % 9})
                     for i in range(20_000))  # fmt: skip
            burst = b"".join(packet(b"M", size.encode()) for size in sizes)
            stdin = process.stdin

            def feed() -> None:
                try:
                    stdin.write(burst)
                    stdin.flush()
                except (BrokenPipeError, ValueError):
                    pass

            threading.Thread(target=feed, daemon=True).start()
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(DEADLINE_S)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert took < ENDED_WITHIN_S
    kinds = [r["type"] for r in records(logs)]
    assert "log.seal" not in kinds  # resumable, as on a hang-up
    paused = [r for r in records(logs) if r["type"] == "session_paused"]
    assert paused and "SIGTERM" in paused[-1]["data"]["reason"], kinds
