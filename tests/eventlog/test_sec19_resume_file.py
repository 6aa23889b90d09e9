"""sec19 (red team): the resume file beside a log (`LOG.session-key`) is a file from outside.

`resume` read it whole before cutting it to 4,096 bytes: a symbolic link to /dev/zero in
its place took the process to 14 GB in 12 s (on the exam server every session shares),
and a FIFO would have made it wait for a writer for ever. The file holds at most two
keys (`save_chain_keys`: the current and the next, some 140 bytes), so what is not a
regular file, or longer than `MAX_KEY_FILE`, is refused by name, at once.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk_tui.eventlog import EventLogWriter, LogError, Signer
from helpdesk_tui.eventlog.recovery import MAX_KEY_FILE, session_key_path
from helpdesk_tui.eventlog.testing import sample_events, sample_header


def unsealed(tmp_path: Path) -> Path:
    log = tmp_path / "practice.jsonl"
    writer = EventLogWriter.create(log, sample_header(mode="practice"), Signer.ephemeral())
    for event in sample_events(3, seed=9):
        writer.append(event)
    writer._close_fd()  # the process died
    return log


def test_a_resume_file_longer_than_any_is_refused(tmp_path: Path) -> None:
    log = unsealed(tmp_path)
    key = session_key_path(log)
    key.write_bytes(key.read_bytes().rstrip(b"\n") + b" " * (MAX_KEY_FILE + 1) + b"\n")
    with pytest.raises(LogError, match="longer than"):
        EventLogWriter.reopen(log)


def test_a_fifo_in_its_place_is_refused_without_waiting(tmp_path: Path) -> None:
    log = unsealed(tmp_path)
    key = session_key_path(log)
    key.unlink()
    os.mkfifo(key)
    with pytest.raises(LogError, match="not a regular file"):
        EventLogWriter.reopen(log)


def _one_gigabyte() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_a_link_to_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    """In a child held to 1 GB and 60 s: a regression reads until one of them stops it."""
    log = unsealed(tmp_path)
    key = session_key_path(log)
    key.unlink()
    key.symlink_to("/dev/zero")
    code = (
        "import sys\n"
        "from helpdesk_tui.eventlog import EventLogWriter, LogError\n"
        "try:\n"
        f"    EventLogWriter.reopen({str(log)!r})\n"
        "except LogError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_one_gigabyte,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "not a regular file" in done.stdout
