"""Following a growing log: only new complete lines, torn tails, incremental verification."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from helpdesk_tui.eventlog import (
    EventLogWriter,
    FaultKind,
    LogReadError,
    PublicKey,
    Signer,
    read_log,
)
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.records import CheckpointPolicy, SessionHeader
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header

from .kit import fake_event, flip_in_value, join, rec, resign, split

POLICY = CheckpointPolicy(records=7, seconds=60.0)


def practice_log(count: int = 120, seal: str | None = "completed") -> bytes:
    header = sample_header(mode="practice")
    return build_log_bytes(header, Signer.ephemeral(), sample_events(count), POLICY, seal)


def grow(path: Path, data: bytes) -> None:
    with open(path, "ab") as handle:
        handle.write(data)


def test_follows_a_log_written_in_random_pieces(tmp_path: Path) -> None:
    """Pieces end anywhere, also inside a line: each line is taken once, whole, in order."""
    data = practice_log(300)
    path = tmp_path / "log.jsonl"
    path.write_bytes(b"")
    follower = LogFollower(path)
    rng = random.Random(7)
    taken, position = [], 0
    while position < len(data):
        size = rng.randint(1, 700)
        grow(path, data[position : position + size])
        position += size
        taken += follower.poll().entries
        assert follower.fault is None
        assert follower.offset == data.rfind(b"\n", 0, position) + 1
    expected = read_log(path)
    assert [(e.seq, e.line, e.event) for e in taken] == [
        (e.seq, e.line, e.event) for e in expected.entries
    ]
    assert follower.sealed and follower.torn == 0 and follower.signatures_checked
    assert follower.checkpoints == len(expected.checkpoints)
    assert follower.records == len(expected.records)


def test_a_torn_line_is_taken_once_it_completes(tmp_path: Path) -> None:
    lines = split(practice_log(20, seal=None))
    path = tmp_path / "log.jsonl"
    path.write_bytes(join(lines[:5]) + lines[5][:30])
    follower = LogFollower(path)
    first = follower.poll()
    assert len(first.entries) == 4 and follower.torn == 30 and first.torn_changed
    assert not follower.poll().changed  # nothing new: the file was not even read
    grow(path, lines[5][30:] + b"\n")
    second = follower.poll()
    assert [e.seq for e in second.entries] == [5] and follower.torn == 0


def test_a_resume_after_a_crash_is_followed_seamlessly(tmp_path: Path) -> None:
    """The writer moves a torn tail aside (truncating the log) and goes on: no fault."""
    path = tmp_path / "log.jsonl"
    signer = Signer.ephemeral()
    events = sample_events(40)
    writer = EventLogWriter.create(path, sample_header(mode="practice"), signer)
    for event in events[:20]:
        writer.append(event)
    writer.close()
    grow(path, b'{"data":{"ticket_id":"T-1')  # a write the crash cut short
    follower = LogFollower(path)
    assert len(follower.poll().entries) == 20 and follower.torn > 0
    writer, _recovered = EventLogWriter.reopen(path)
    for event in events[20:]:
        writer.append(event)
    writer.seal("completed", events[-1].exam_time, events[-1].wall_time)
    writer.close()
    update = follower.poll()
    assert follower.fault is None, follower.fault
    assert len(update.entries) == 20 and follower.sealed and follower.torn == 0


def test_a_changed_new_line_stops_following_and_is_named(tmp_path: Path) -> None:
    lines = split(practice_log(40))
    path = tmp_path / "log.jsonl"
    path.write_bytes(join(lines[:10]))
    follower = LogFollower(path)
    follower.poll()
    lines[12] = flip_in_value(lines[12], "text", 3)
    grow(path, join(lines[10:]))
    update = follower.poll()
    assert update.fault is not None and follower.fault is update.fault
    assert update.fault.kind == FaultKind.BROKEN_LINK
    assert update.fault.line == 13, update.fault  # named as `verify` names it
    assert [e.line for e in update.entries] == [11, 12]
    assert not follower.poll().changed  # following has stopped


def test_an_edit_to_lines_already_read_is_found_by_the_recheck(tmp_path: Path) -> None:
    lines = split(practice_log(40, seal=None))
    path = tmp_path / "log.jsonl"
    path.write_bytes(join(lines[:20]))
    follower = LogFollower(path, recheck_every=3)
    follower.poll()
    assert follower.recheck() is None
    lines[4] = flip_in_value(lines[4], "text", 2)  # same length: size and inode unchanged
    path.write_bytes(join(lines[:20]))
    assert follower.poll().fault is None
    fault = follower.poll().fault  # the third poll rechecks
    assert fault is not None and fault.line == 5, fault
    assert follower.fault is fault and not follower.poll().changed


def test_an_inserted_line_and_records_after_the_seal(tmp_path: Path) -> None:
    data = practice_log(10)
    lines = split(data)
    path = tmp_path / "log.jsonl"
    path.write_bytes(join(lines[:6]))
    follower = LogFollower(path)
    follower.poll()
    forged = fake_event(6, rec(lines[5])["prev"])
    grow(path, join([forged]))
    assert follower.poll().fault is not None
    sealed = tmp_path / "sealed.jsonl"
    sealed.write_bytes(data)
    after = LogFollower(sealed)
    after.poll()
    grow(sealed, join([fake_event(len(lines), "0" * 64)]))
    fault = after.poll().fault
    assert fault is not None and fault.kind == FaultKind.AFTER_SEAL


def test_exam_logs_check_signatures_only_with_the_centre_key(
    tmp_path: Path, signer: Signer, pubkey: PublicKey, other_signer: Signer, header: SessionHeader
) -> None:
    data = build_log_bytes(header, signer, sample_events(30), POLICY)
    path = tmp_path / "exam.jsonl"
    path.write_bytes(data)
    blind = LogFollower(path)
    blind.poll()
    assert blind.fault is None and not blind.signatures_checked and blind.sealed
    checked = LogFollower(path, pubkey)
    checked.poll()
    assert checked.fault is None and checked.signatures_checked
    lines = split(data)
    first_checkpoint = next(
        i for i, line in enumerate(lines) if rec(line)["type"] == "log.checkpoint"
    )
    lines[first_checkpoint] = resign(lines[first_checkpoint], other_signer, change_key=False)
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(join(lines))
    caught = LogFollower(forged, pubkey)
    fault = caught.poll().fault
    assert fault is not None and fault.kind == FaultKind.BAD_SIGNATURE
    assert fault.line == first_checkpoint + 1
    wrong = LogFollower(path, other_signer.public_key)
    fault = wrong.poll().fault
    assert fault is not None and fault.kind == FaultKind.WRONG_KEY and fault.line == 1


def test_a_log_that_is_replaced_or_cut_is_a_fault(tmp_path: Path) -> None:
    data = practice_log(20)
    path = tmp_path / "log.jsonl"
    path.write_bytes(data)
    follower = LogFollower(path)
    follower.poll()
    replacement = tmp_path / "new.jsonl"
    replacement.write_bytes(data + b"x")
    os.replace(replacement, path)
    assert follower.poll().fault is not None
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(data)
    shorter = LogFollower(cut)
    shorter.poll()
    with open(cut, "r+b") as handle:
        handle.truncate(len(data) // 2)
    assert shorter.poll().fault is not None
    gone = tmp_path / "gone.jsonl"
    gone.write_bytes(data)
    removed = LogFollower(gone)
    removed.poll()
    gone.unlink()
    assert removed.poll().fault is not None


def test_a_log_not_there_yet_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(LogReadError, match="does not exist"):
        LogFollower(tmp_path / "none.jsonl").poll()
    with pytest.raises(LogReadError, match="folder"):
        LogFollower(tmp_path).poll()
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    follower = LogFollower(empty)
    assert not follower.poll().changed and follower.header is None
    grow(empty, split(practice_log(3))[0] + b"\n")
    follower.poll()
    assert follower.header is not None and follower.fault is None


def test_garbage_is_a_fault_on_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "junk.jsonl"
    path.write_bytes(b"this is not a log\n")
    fault = LogFollower(path).poll().fault
    assert fault is not None and fault.kind == FaultKind.HEADER_MISSING and fault.line == 1
