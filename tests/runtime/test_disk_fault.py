"""Disk faults: the log refuses writes, the exam clock stops, nothing acknowledged is lost.

The disk is made to fail by the writer's own `os.write` raising ENOSPC (and, in a
subprocess, by a real RLIMIT_FSIZE), so the writer's rollback path is the real one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpdesk_tui.customers.simulation import restore
from helpdesk_tui.eventlog import PublicKey, Signer, read_log, verify_log
from helpdesk_tui.eventlog.errors import LogWriteError
from helpdesk_tui.scenario.model import Scenario
from tests.runtime.kit import FailingDisk, clock_of, started_exam, to


def types(log: Path) -> list[str]:
    return [r["type"] for r in read_log(log).records]


def test_a_full_disk_stops_the_clock_and_keeps_the_stimulus(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey, monkeypatch
) -> None:
    disk = FailingDisk(monkeypatch)
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    session, state = runtime.session, runtime.state
    due = session.stimuli.next_due(state)
    assert due is not None and due > 0
    seen: list[object] = []
    runtime.watch(seen.append)

    disk.fail()
    to(runtime, due + 5)
    with pytest.raises(LogWriteError):
        session.tick()
    fault = runtime.fault
    assert fault is not None and fault.error == "No space left on device"
    assert fault.exam_time == pytest.approx(due + 5)
    assert runtime.stimuli.held == 1 and seen == [fault]
    to(runtime, due + 600)  # time passes; the exam clock does not
    assert session.now() == pytest.approx(due + 5)
    assert session.tick() == []  # a paused clock fires nothing

    assert runtime.retry() is False and fault.attempts == 1
    disk.heal()
    assert runtime.retry() is True
    assert runtime.fault is None and seen[-1] is None
    assert not clock_of(runtime).paused
    records = read_log(log).records
    stimulus = next(r for r in records if r["t"] == due)
    assert stimulus["type"] not in ("disk_fault", "log.checkpoint")
    fault_record = next(r for r in records if r["type"] == "disk_fault")
    assert fault_record["data"]["message"] == "No space left on device"
    assert fault_record["data"]["recovered_after_s"] >= 0
    assert fault_record["t"] == pytest.approx(due + 5)

    session.end("handed-in")
    assert runtime.seal()
    assert runtime.close() is None
    assert verify_log(log, pubkey, northwind.folder).status == "ok"
    entries = read_log(log).entries
    restore(northwind, [(e.seq, e.event) for e in entries])  # the simulation agrees with the log


def test_a_refused_command_is_kept_and_logged_when_the_disk_is_back(
    tmp_path: Path, northwind: Scenario, signer: Signer, monkeypatch
) -> None:
    disk = FailingDisk(monkeypatch)
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    ticket = next(iter(runtime.state.tickets))
    to(runtime, 12.0)
    disk.fail()
    with pytest.raises(LogWriteError):
        runtime.session.submit("ticket_opened", {"ticket_id": ticket})
    assert runtime.state.tickets[ticket].status == "new"  # not applied: not on disk
    with pytest.raises(LogWriteError):
        runtime.session.submit("lockdown_key_blocked", {"key": "ctrl+c"})
    assert [name for name, _args in runtime.fault.pending] == ["submit", "submit"]
    disk.heal()
    assert runtime.retry()
    tail = types(log)[-3:]
    assert tail == ["disk_fault", "ticket_opened", "lockdown_key_blocked"]
    assert runtime.state.tickets[ticket].status == "open"


def test_a_kept_command_the_session_no_longer_accepts_is_reported(
    tmp_path: Path, northwind: Scenario, signer: Signer, monkeypatch
) -> None:
    disk = FailingDisk(monkeypatch)
    runtime = started_exam(northwind, tmp_path / "exam.jsonl", signer)
    ticket = next(iter(runtime.state.tickets))
    disk.fail()
    for _twice in range(2):  # both accepted by the state as it stood (the ticket is new)
        with pytest.raises(LogWriteError):
            runtime.session.submit("ticket_opened", {"ticket_id": ticket})
    disk.heal()
    fault = runtime.fault
    assert runtime.retry()
    assert fault is not None and len(fault.redone) == 1
    assert len(fault.refused) == 1 and fault.refused[0].startswith("ticket_opened: ")


def test_a_seal_the_disk_refuses_is_written_on_retry(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey, monkeypatch
) -> None:
    disk = FailingDisk(monkeypatch)
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    runtime.session.end("handed-in")
    disk.fail()
    assert runtime.seal() is False
    assert runtime.fault is not None and runtime.fault.seal_pending
    assert not runtime.sealed
    disk.heal()
    assert runtime.retry() and runtime.sealed
    assert "disk_fault" not in types(log)  # nothing may follow session_ended but the seal
    runtime.close()
    assert verify_log(log, pubkey).summary.seal_reason == "handed-in"


def test_a_failed_checkpoint_is_a_fault_and_no_checkpoint_is_tried_during_it(
    tmp_path: Path, northwind: Scenario, signer: Signer, monkeypatch
) -> None:
    disk = FailingDisk(monkeypatch)
    runtime = started_exam(northwind, tmp_path / "exam.jsonl", signer)
    sink = runtime.session.sink
    disk.fail()
    with pytest.raises(LogWriteError):
        sink.checkpoint(0.0, "2026-01-01T00:00:00.000Z")  # type: ignore[attr-defined]
    assert runtime.fault is not None
    assert sink.checkpoint_due(10_000.0) is False  # type: ignore[attr-defined]


def test_an_interruption_is_logged_as_a_pause_and_the_log_stays_resumable(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    to(runtime, 30.0)
    assert runtime.interrupt("SIGTERM") is True
    assert runtime.interrupt("SIGTERM") is False  # once
    assert runtime.close() is None
    last = read_log(log).events[-1]
    assert last.type == "session_paused" and last.data == {"reason": "interrupted: SIGTERM"}
    result = verify_log(log, pubkey)
    assert result.status == "unsealed" and result.unsigned_records == 0


FSIZE_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from pathlib import Path
    from helpdesk_tui.eventlog import load_private_key
    from helpdesk_tui.eventlog.errors import LogWriteError
    from helpdesk_tui.scenario.loader import load_scenario
    from tests.runtime.kit import NORTHWIND, started_exam, to

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    log = Path(sys.argv[1])
    runtime = started_exam(load_scenario(NORTHWIND), log, load_private_key(sys.argv[2]))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (log.stat().st_size + 10, hard))
    ticket = next(iter(runtime.state.tickets))
    try:
        runtime.session.submit("ticket_opened", {"ticket_id": ticket})
    except LogWriteError:
        pass
    size_during = log.stat().st_size
    first = runtime.retry()
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    second = runtime.retry()
    runtime.close()
    print(json.dumps({"error": runtime.fault.error if runtime.fault else None,
                      "first": first, "second": second, "size_during": size_during,
                      "status": runtime.state.tickets[ticket].status.value}))
    """
)


def test_a_file_size_limit_is_a_disk_fault_too(
    tmp_path: Path, key_file: Path, pubkey: PublicKey
) -> None:
    log = tmp_path / "exam.jsonl"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", FSIZE_CHILD, str(log), str(key_file)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {
        "error": None,
        "first": False,
        "second": True,
        "size_during": result["size_during"],
        "status": "open",
    }
    assert "disk_fault" in types(log)
    assert verify_log(log, pubkey).status == "unsealed"
