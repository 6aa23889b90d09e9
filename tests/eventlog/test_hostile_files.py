"""Files a log reader may be handed that are not logs (found in the qa-sitting8 trial).

Each is refused with a sentence that names the file and the place, in bounded time and
memory: a 2 GB sparse file is refused before any of it is read, a pipe is never waited
on, and a last line longer than any record is damage, not a write cut short.
"""

from __future__ import annotations

import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from helpdesk_tui.eventlog import LogReadError, Signer, read_log
from helpdesk_tui.eventlog import follow as follow_module
from helpdesk_tui.eventlog import reader as reader_module
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.reader import read_bytes, read_header
from helpdesk_tui.eventlog.records import MAX_LINE_BYTES
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from helpdesk_tui.eventlog.verifier import FaultKind, verify_bytes


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "MAX_LOG_BYTES", 1 << 20)
    path = tmp_path / "padded.jsonl"
    with path.open("wb") as handle:
        handle.truncate(8 << 20)  # sparse: costs the disk nothing
    tracemalloc.start()
    try:
        with pytest.raises(LogReadError, match=r"padded\.jsonl is larger than 1 MiB"):
            read_bytes(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 256 << 10  # before: the limit's worth (here 1 MiB) was read first


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    answers: list[object] = []
    thread = threading.Thread(target=lambda: answers.append(read_header(fifo)), daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():  # let the stuck open go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert answers == [None]
    with pytest.raises(LogReadError, match="not a regular file"):
        read_bytes(fifo)


@pytest.fixture
def padded(tmp_path: Path, signer: Signer) -> Path:
    """A log whose last line (no newline) is longer than any record could be."""
    path = tmp_path / "padded.jsonl"
    data = build_log_bytes(sample_header(), signer, sample_events(6, seed=3), seal=None)
    path.write_bytes(data + b"\0" * (MAX_LINE_BYTES + 1))
    return path


def test_verify_names_an_overlong_last_line_as_malformed_not_torn(
    padded: Path, pubkey: PublicKey
) -> None:
    data = padded.read_bytes()
    result = verify_bytes(data, pubkey, None, name=str(padded))
    assert result.status == "bad"
    assert result.fault is not None and result.fault.kind == FaultKind.MALFORMED
    assert result.fault.line == data.count(b"\n") + 1
    assert "longer than any record" in result.fault.message


def test_the_reader_refuses_an_overlong_last_line(padded: Path) -> None:
    lines = padded.read_bytes().count(b"\n")
    with pytest.raises(LogReadError, match=rf"line {lines + 1} cannot be read: its last"):
        read_log(padded)


def test_the_follower_refuses_a_pipe_and_an_oversized_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # qa-sitting8: `observe FIFO` said "no complete header line yet" and `observe` of a
    # 2 GB sparse file read it whole.
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(LogReadError, match="not a regular file"):
        LogFollower(fifo).poll()
    monkeypatch.setattr(reader_module, "MAX_LOG_BYTES", 1 << 20)
    monkeypatch.setattr(follow_module, "MAX_LOG_BYTES", 1 << 20)
    padded = tmp_path / "padded.jsonl"
    with padded.open("wb") as handle:
        handle.truncate(8 << 20)
    with pytest.raises(LogReadError, match="larger than 1 MiB"):
        LogFollower(padded).poll()


def test_the_follower_names_an_overlong_last_line(padded: Path) -> None:
    update = LogFollower(padded).poll()
    assert update.fault is not None and update.fault.kind == FaultKind.MALFORMED
    assert update.fault.line == padded.read_bytes().count(b"\n") + 1
