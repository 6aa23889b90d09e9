"""sec12 (red team): a log swapped for a pipe between the follower's look and its read.

The room, `observe` and the witness follow logs in folders the exam writes; a log whose
name is taken over by a FIFO (or a device) *after* `os.stat` said "regular file" was
opened with a plain `open`, which waits for a writer for ever: the proctor's room froze
on one candidate's file. The follower must open without blocking and check what it
opened."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.eventlog import Signer
from helpdesk_tui.eventlog import follow as follow_module
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.records import CheckpointPolicy
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_events, sample_header
from tests.pipes import within


def _swapping_os(path: Path, fifo: Path) -> Any:
    """`os` for the follower, whose `stat` of the log swaps a FIFO in right after it looked."""

    def stat(name: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        info = os.stat(name, *args, **kwargs)
        if Path(name) == path and fifo.exists():
            os.replace(fifo, path)
        return info

    return _Proxy(stat)


class _Proxy:
    def __init__(self, stat: Any) -> None:
        self.stat = stat

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def test_a_log_swapped_for_a_fifo_after_its_stat_is_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build_log_bytes(
        sample_header(mode="practice"),
        Signer.ephemeral(),
        sample_events(30),
        CheckpointPolicy(records=7, seconds=60.0),
        None,
    )
    path, fifo = tmp_path / "c01.jsonl", tmp_path / "swap"
    cut = data.find(b"\n", len(data) // 2) + 1
    path.write_bytes(data[:cut])
    follower = LogFollower(path, recheck_every=0)
    assert follower.poll().entries and follower.fault is None
    with open(path, "ab") as handle:  # it grows: the next poll reads
        handle.write(data[cut:])
    os.mkfifo(fifo)
    monkeypatch.setattr(follow_module, "os", _swapping_os(path, fifo))
    [result] = within(follower.poll, path)
    said = str(result) if isinstance(result, Exception) else str(follower.fault)
    assert follower.fault is not None or isinstance(result, Exception)
    assert "regular" in said or "replaced" in said or "removed" in said, said
