"""Records fsynced on the writer's own thread (`SYNC_SOON`: a customer's message, their
typing, the notice that showed it): written at once, fsynced off the caller's thread;
a failed fsync there is made again on the caller's thread, which reports it."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog import (
    PublicKey,
    Signer,
    read_log,
    verify_log,
)
from helpdesk_tui.eventlog import writer as writer_module
from helpdesk_tui.eventlog.errors import LogWriteError
from tests.eventlog.test_sync_later import WALL, new_writer, note


def message(t: float) -> Event:
    return make_event("customer_message", {"conversation_id": "C-1", "text": "hello?"}, t, WALL)


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread each fsync of a log record was made on (and it is still made)."""
    made: list[str] = []
    real = writer_module._sync

    def counted(fd: int) -> None:
        made.append(threading.current_thread().name)
        real(fd)

    monkeypatch.setattr(writer_module, "_sync", counted)
    return made


def test_a_customer_message_is_written_at_once_and_fsynced_on_the_writers_thread(
    tmp_path: Path, signer: Signer, fsyncs: list[str]
) -> None:
    log = tmp_path / "s.jsonl"
    with new_writer(log, signer) as writer:
        fsyncs.clear()
        seq = writer.append(message(1.0))
        assert read_log(log).records[-1]["seq"] == seq  # in the file when append returns
        writer.wait_synced()
        assert fsyncs == ["log-fsync"]  # main: one, on the caller's thread
        assert not writer.unsynced
        writer.append(note(2.0))  # a command: fsynced on the caller's thread, as before
        assert fsyncs == ["log-fsync", threading.current_thread().name]


def test_a_failed_fsync_on_the_thread_is_made_again_by_the_caller_which_reports_it(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "s.jsonl"
    real = writer_module._sync
    failing = [True]

    def sync(fd: int) -> None:
        if failing[0]:
            raise OSError(errno.EIO, "I/O error")
        real(fd)

    writer = new_writer(log, signer)
    monkeypatch.setattr(writer_module, "_sync", sync)
    writer.append(message(1.0))
    writer.wait_synced()
    assert writer.unsynced  # the thread's fsync failed: still waiting
    with pytest.raises(LogWriteError):
        writer.sync_pending()  # on the caller's thread, which reports the disk fault
    failing[0] = False
    assert writer.sync_pending() is True
    assert not writer.unsynced
    writer.close()
    assert verify_log(log, pubkey).fault is None


def test_close_waits_for_the_thread_and_stops_it(
    tmp_path: Path, signer: Signer, pubkey: PublicKey
) -> None:
    log = tmp_path / "s.jsonl"
    writer = new_writer(log, signer)
    for n in range(5):
        writer.append(message(float(n)))
    syncer = writer._syncer
    assert syncer is not None
    writer.close()
    assert not writer.unsynced
    assert not syncer._thread.is_alive()
    assert [r["type"] for r in read_log(log).records][1:6] == ["customer_message"] * 5
    assert verify_log(log, pubkey).fault is None
