"""sec19 (red team): a disk that is full when a session starts or resumes.

On a 3 MB tmpfs filled to the last block (benchmarks/README.md, "(branch sec19)") the
exam's own disk-fault path held: the clock stopped, "The exam log cannot be written:
call the proctor", every record it had acknowledged on disk. But the two moments
outside a running session ended in a traceback: `exam` starting its log (the chain
key's resume file could not be written) and `resume` of a log whose resume file holds
two keys (a crash mid-checkpoint; the resume drops the old one and that write failed).
Both now say what failed and leave nothing half-made; the expected behaviour is the
writer's own contract for a refused write (`LogWriteError`: nothing of it kept, the
same write can be tried again), not what these functions happen to do.
"""

from __future__ import annotations

import errno
import json
from base64 import b64encode
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.eventlog import EventLogWriter, LogError, PublicKey, Signer, verify_log
from helpdesk_tui.eventlog.errors import LogWriteError
from helpdesk_tui.eventlog.recovery import session_key_path
from helpdesk_tui.eventlog.testing import sample_events, sample_header

NOW = "2025-03-03T10:00:00.000Z"


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new small file (the chain keys' resume file) is refused half-way: ENOSPC."""

    def refuse(path: Path, content: bytes, mode: int = 0o600) -> None:
        path.write_bytes(content[:3])  # what a full disk lets through before it refuses
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("helpdesk_tui.eventlog.recovery.write_new", refuse)


def test_a_log_that_cannot_be_started_says_so_and_leaves_nothing(
    tmp_path: Path, signer: Signer, monkeypatch: pytest.MonkeyPatch
) -> None:
    full_disk(monkeypatch)
    log = tmp_path / "session.jsonl"
    with pytest.raises(LogWriteError, match="No space left on device"):
        EventLogWriter.create(log, sample_header(), signer)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no log, no key, no half key


def two_keys_on_file(tmp_path: Path, signer: Signer) -> tuple[Path, dict[str, Any]]:
    """An unsealed log whose resume file holds an old key beside the current one, as a
    crash between a checkpoint's key file and its `_forget_old_key` leaves it."""
    log = tmp_path / "session.jsonl"
    writer = EventLogWriter.create(log, sample_header(), signer)
    for event in sample_events(5, seed=3):
        writer.append(event)
    writer._close_fd()  # the process died
    key_file = session_key_path(log)
    body = json.loads(key_file.read_text())
    old = Signer.ephemeral().raw_private()
    body["keys"] = [b64encode(old).decode(), *body["keys"]]
    key_file.write_text(json.dumps(body) + "\n")
    return log, body


def test_a_resume_on_a_full_disk_keeps_both_keys_and_goes_on(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    log, body = two_keys_on_file(tmp_path, signer)
    with monkeypatch.context() as patch:
        full_disk(patch)
        writer, recovered = EventLogWriter.reopen(log, signer)
    assert json.loads(session_key_path(log).read_text()) == body  # the resume file untouched
    writer.append(recovered.resume_event(NOW))  # the disk has room again
    writer.seal("completed", recovered.last_exam_time, NOW)
    writer.close()
    assert verify_log(log, pubkey).status == "ok"


def test_a_resume_with_room_drops_the_old_key(tmp_path: Path, signer: Signer) -> None:
    log, body = two_keys_on_file(tmp_path, signer)
    writer, _recovered = EventLogWriter.reopen(log, signer)
    writer._close_fd()
    assert json.loads(session_key_path(log).read_text())["keys"] == body["keys"][1:]


def test_a_resume_file_that_holds_no_key_for_the_log_is_still_refused(
    tmp_path: Path, signer: Signer, monkeypatch: pytest.MonkeyPatch
) -> None:
    log, body = two_keys_on_file(tmp_path, signer)
    body["keys"] = body["keys"][:1]  # the old key alone
    session_key_path(log).write_text(json.dumps(body) + "\n")
    full_disk(monkeypatch)
    with pytest.raises(LogError, match="holds no key"):
        EventLogWriter.reopen(log, signer)
