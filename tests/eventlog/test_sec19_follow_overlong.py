"""sec19 (red team): one line longer than any record, followed by `observe` and the room.

The follower read every new byte of the file at once and then cut it into lines: a log of
one 400 MB line (under `MAX_LOG_BYTES`, so not refused by its size) took `observe` to 850
MB and the room to 884 MB before the line was refused as longer than `MAX_LINE_BYTES`
(benchmarks/README.md, "(branch sec19)"). Expected from the format's own bound, not from
the follower: no record is longer than `MAX_LINE_BYTES`, so nothing past the first
over-long line needs reading to refuse it, and an ordinary log is followed as before.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from helpdesk_tui.eventlog import FaultKind, Signer, read_log
from helpdesk_tui.eventlog.follow import POLL_PIECE, FollowUpdate, LogFollower
from helpdesk_tui.eventlog.records import MAX_LINE_BYTES
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header

LONG = 16 * MAX_LINE_BYTES  # 32 MiB: eight times what reading it needs now


def practice_log(count: int) -> bytes:
    header = sample_header(mode="practice")
    return build_log_bytes(header, Signer.ephemeral(), sample_events(count), seal=None)


def poll_measured(follower: LogFollower) -> tuple[FollowUpdate, int]:
    """One poll, and the most memory Python held during it."""
    tracemalloc.start()
    try:
        update = follower.poll()
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return update, peak


def test_an_overlong_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    data = practice_log(6)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.write(b'{"data":{"text":"' + b"A" * LONG + b'"}}\n')
    follower = LogFollower(path)
    update, peak = poll_measured(follower)
    assert update.fault is not None
    assert update.fault.kind == FaultKind.MALFORMED
    assert update.fault.line == data.count(b"\n") + 1  # the long line, named
    before = tmp_path / "before.jsonl"
    before.write_bytes(data)
    assert len(update.entries) == len(read_log(before).entries)  # the records before it: all
    assert peak < 4 * MAX_LINE_BYTES, f"{peak / 2**20:.1f} MiB held to refuse it"


def test_a_file_of_short_lines_is_refused_at_its_first_bad_line_without_reading_it_all(
    tmp_path: Path,
) -> None:
    """500 MB of short lines that do not follow on from the header took `observe` to 1 GB,
    read whole before its second line was refused; now a poll reads a piece at a time."""
    path = tmp_path / "log.jsonl"
    data = practice_log(3)
    header = data[: data.index(b"\n") + 1]
    row = b'{"data":{},"prev":"x","seq":1,"t":1.0,"type":"note_added","wall":"w"}\n'
    with open(path, "wb") as handle:
        handle.write(header)
        for _ in range(48):
            handle.write(row * ((1 << 20) // len(row)))  # 48 MiB of them
    follower = LogFollower(path)
    update, peak = poll_measured(follower)
    assert update.fault is not None and update.fault.line == 2
    assert peak < 3 * POLL_PIECE, f"{peak / 2**20:.1f} MiB held to refuse it"


def test_a_piece_always_holds_a_line_end_or_an_overlong_line() -> None:
    """Else a piece cut inside a line under the bound would be read again for ever."""
    assert POLL_PIECE > MAX_LINE_BYTES


def test_a_log_is_followed_across_pieces_and_a_torn_tail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces cut lines anywhere: each line is still taken once, whole, in one poll (the
    piece made small here so that a short log spans many)."""
    monkeypatch.setattr("helpdesk_tui.eventlog.follow.POLL_PIECE", 4096)
    path = tmp_path / "log.jsonl"
    data = practice_log(400)
    assert len(data) > 20 * 4096
    torn = b'{"data":{"conversation_id":"chat-1","te'
    path.write_bytes(data + torn)
    follower = LogFollower(path)
    update = follower.poll()
    assert update.fault is None
    assert update.records == data.count(b"\n")
    before = tmp_path / "before.jsonl"
    before.write_bytes(data)
    assert [e.event for e in update.entries] == [e.event for e in read_log(before).entries]
    assert follower.offset == len(data) and follower.torn == len(torn)
    assert update.torn_changed
    assert follower.poll().records == 0  # nothing new: nothing taken twice
