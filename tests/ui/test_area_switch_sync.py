"""An area switch (F2-F5) logs where the candidate looks without waiting for the disk.

Its `focus_moved` record is in the log file before the switch applies (the log is
the truth), but its fsync (3-40 ms, more on a busy disk) waits for the next
record that must be durable, or for the exam's tick once it is
`SYNC_LATER_S` old (issue 14: it was most of the area switch's tail), which asks
the log writer's thread for it: the event loop does not wait for that fsync either."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog import load_public_key, verify_log
from helpdesk_tui.eventlog import writer as writer_module
from tests.runtime.kit import exam_run, logged, make_keys
from tests.ui.conftest import SIZE


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


async def test_an_area_switch_is_logged_without_an_fsync_and_flushed_by_the_tick(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsyncs: list[int] = []
    real_sync = writer_module._sync
    monkeypatch.setattr(writer_module, "_sync", lambda fd: (fsyncs.append(fd), real_sync(fd)))
    monotonic = [1000.0]
    monkeypatch.setattr(writer_module, "_monotonic", lambda: monotonic[0])
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(30)
        await pilot.pause()
        fsyncs.clear()
        for key, area in (("f5", "kb"), ("f4", "conversation"), ("f2", "queue")):
            await pilot.press(key)
            await pilot.pause()
            assert logged(run, "focus_moved")[-1]["area"] == area  # in the file already
        assert fsyncs == []  # main: one fsync per switch, before it showed
        assert run.writer.unsynced
        app.advance(0.0)  # a tick before SYNC_LATER_S: still waiting
        assert fsyncs == []
        monotonic[0] += writer_module.SYNC_LATER_S
        app.advance(0.0)
        run.writer.wait_synced()
        assert len(fsyncs) == 1 and not run.writer.unsynced
        assert fsyncs[0] != run.writer._fd  # the thread's own descriptor: not the loop's
        await pilot.press("f5")
        await pilot.pause()
        assert fsyncs == [fsyncs[0]]
    run.writer.close()
    assert not run.writer.unsynced
    pubkey = load_public_key(key_file.with_name("exam-centre.pub"))
    assert verify_log(run.log_path, pubkey).fault is None
