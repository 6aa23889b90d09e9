"""The sitting register: made from the files, kept up to date, rebuilt equal, never losing an update."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpdesk_tui.core.events import Event
from helpdesk_tui.sitting import RegisterBusy, RegisterError, Sitting
from helpdesk_tui.sitting.hooks import note_log
from helpdesk_tui.sitting.store import REGISTER_FILE

from .kit import assessed, sealed_log_bytes, unsealed_log

ROOT = Path(__file__).resolve().parents[2]


def by_candidate(sitting: Sitting) -> dict[str, dict]:
    return {row["candidate"]: row for row in sitting.rows()}


@pytest.fixture
def sitting(tmp_path: Path) -> Sitting:
    made = Sitting.create(tmp_path / "2026-12-03-am", "en-northwind-monday", server="exam-1")
    made.add(["c0001", "c0002", "c0003", "c0004"])
    return made


def fill(sitting: Sitting, events: list[Event]) -> None:
    """c0001 handed in a sealed log, assessed by two and decided; c0002 crashed after a
    resume; c0003 ended but the seal never came; c0004 never came."""
    folder = sitting.folder
    log1 = folder / "c0001" / "exam.jsonl"
    log1.write_bytes(sealed_log_bytes("c0001"))
    assessed(folder / "c0001", log1)
    unsealed_log(folder / "c0002" / "exam.jsonl", "c0002", events)
    unsealed_log(folder / "c0003" / "exam.jsonl", "c0003", events[:10], ended="handed-in")


def test_a_new_sitting_lists_its_candidates_as_waiting(sitting: Sitting) -> None:
    rows = by_candidate(sitting)
    assert sorted(rows) == ["c0001", "c0002", "c0003", "c0004"]
    assert {row["state"] for row in rows.values()} == {"waiting"}
    assert sitting.document()["scenario"] == "en-northwind-monday"
    assert sitting.document()["server"] == "exam-1"
    assert all((sitting.folder / c).is_dir() for c in rows)


def test_rows_follow_the_logs_verdicts_and_decision(
    sitting: Sitting, some_events: list[Event]
) -> None:
    fill(sitting, some_events)
    sitting.refresh()
    rows = by_candidate(sitting)
    done = rows["c0001"]
    # the simulated session runs to its end: the runner seals it `time-up` (END_REASON)
    assert done["state"] == "time-up" and done["log"] == "c0001/exam.jsonl"
    assert done["verified"] == "OK"  # a practice log carries its own key
    assert [a["name"] for a in done["assessors"]] == ["Ann", "Bob"]
    assert all(a["complete"] for a in done["assessors"])
    assert done["outcome"] == "pass" and done["decision"] == "c0001/decision.json"
    crashed = rows["c0002"]
    assert crashed["state"] == "interrupted"  # no process holds the log: nobody is sitting
    assert crashed["resumes"] == 1 and crashed["verified"] == ""
    lines = (sitting.folder / "c0002" / "exam.jsonl").read_bytes().count(b"\n")
    assert crashed["records"] == lines  # header, events and checkpoints
    assert rows["c0003"]["state"] == "handed-in"
    assert rows["c0004"]["state"] == "waiting" and rows["c0004"]["log"] == ""


def test_a_log_being_written_is_running(sitting: Sitting, some_events: list[Event]) -> None:
    import fcntl

    log = unsealed_log(sitting.folder / "c0002" / "exam.jsonl", "c0002", some_events)
    with open(log, "ab") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the exam's writer holds it
        (row,) = sitting.refresh(["c0002"])
    assert row["state"] == "resumed"
    (row,) = sitting.refresh(["c0002"])
    assert row["state"] == "interrupted"


def test_rebuilt_from_the_files_the_register_is_the_same(
    sitting: Sitting, some_events: list[Event]
) -> None:
    """Build it the way the programs do, delete it, rebuild it, compare."""
    fill(sitting, some_events)
    for candidate in ("c0001", "c0002", "c0003"):  # as exam, resume and reconcile would
        assert note_log(sitting.folder / candidate / "exam.jsonl") is None
    sitting.close()
    kept = by_candidate(sitting)
    document = sitting.document()
    assert kept["c0004"]["state"] == "absent"
    (sitting.folder / REGISTER_FILE).unlink()
    sitting.rebuild()
    assert by_candidate(sitting) == kept
    assert sitting.document() == document


def test_twenty_processes_at_once_lose_no_update(tmp_path: Path) -> None:
    """Each process adds its own candidate and counts on a shared document 10 times."""
    sitting = Sitting.create(tmp_path / "busy", "en-northwind-monday")
    script = """
import sys
from pathlib import Path
from tinydb import Query
from helpdesk_tui.sitting import Sitting

sitting = Sitting(Path(sys.argv[1]), timeout=60)
me = sys.argv[2]
sitting.add([me])
for _ in range(10):
    with sitting.file.transaction() as db:
        table = db.table("counter")
        doc = table.get(doc_id=1)
        if doc is None:
            table.insert({"n": 1, "by": [me]})
        else:
            table.update({"n": doc["n"] + 1, "by": doc["by"] + [me]}, doc_ids=[1])
    sitting.refresh([me])
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(sitting.folder), f"c{n:04d}"], env=env)
        for n in range(20)
    ]
    assert [p.wait(timeout=240) for p in procs] == [0] * 20
    rows = by_candidate(sitting)
    assert sorted(rows) == [f"c{n:04d}" for n in range(20)]
    counter = json.loads(sitting.file.path.read_text())["counter"]["1"]
    assert counter["n"] == 200
    assert sorted(set(counter["by"])) == sorted(rows)
    assert not list(sitting.folder.glob(".sitting.json.*"))  # no temporary file left behind


def test_a_writer_waits_for_the_lock_and_gives_up_with_a_clear_error(tmp_path: Path) -> None:
    Sitting.create(tmp_path / "s", "x")
    holder, waiter = Sitting(tmp_path / "s"), Sitting(tmp_path / "s", timeout=0.2)
    with holder.file.locked(), pytest.raises(RegisterBusy, match="stayed locked for 0.2 s"):
        waiter.add(["c0001"])


def test_the_exam_hook_never_fails_on_a_locked_or_damaged_register(
    sitting: Sitting, some_events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    log = unsealed_log(sitting.folder / "c0002" / "exam.jsonl", "c0002", some_events)
    monkeypatch.setattr("helpdesk_tui.sitting.hooks.HOOK_TIMEOUT_S", 0.1)
    with Sitting(sitting.folder).file.locked():
        warning = note_log(log)
    assert warning is not None and "not updated" in warning and "locked" in warning
    sitting.file.path.write_text("{not json")
    warning = note_log(log)
    assert warning is not None and "not valid JSON" in warning
    assert note_log(Path("/nonexistent/c0009/log.jsonl")) is None  # no register: nothing to do


def test_a_damaged_register_is_named_and_rebuild_repairs_it(
    sitting: Sitting, some_events: list[Event]
) -> None:
    fill(sitting, some_events)
    sitting.file.path.write_text('{"candidates": [1, 2]}')
    with pytest.raises(RegisterError, match="not a register") as caught:
        sitting.rows()
    assert str(sitting.file.path) in str(caught.value)
    sitting.rebuild()
    assert by_candidate(sitting)["c0001"]["outcome"] == "pass"


def test_names_and_candidates_are_checked(tmp_path: Path) -> None:
    from helpdesk_tui.sitting import sitting_folder

    assert sitting_folder("am", tmp_path) == tmp_path / "am"
    assert sitting_folder("./logs/am") == Path("logs/am")  # a slash: a path
    with pytest.raises(RegisterError, match="not a sitting name"):
        sitting_folder(".hidden")
    made = Sitting.create(tmp_path / "s", "x")
    with pytest.raises(RegisterError, match="not a candidate id"):
        made.add(["../../etc"])
    made.close()
    with pytest.raises(RegisterError, match="closed"):
        made.add(["c0001"])
    with pytest.raises(RegisterError, match="already holds a sitting"):
        Sitting.create(tmp_path / "s", "x")


def test_merge_brings_in_other_servers_and_their_witness_files(
    tmp_path: Path, some_events: list[Event]
) -> None:
    one = Sitting.create(tmp_path / "one" / "am", "s", server="exam-1")
    two = Sitting.create(tmp_path / "two" / "am", "s", server="exam-2")
    one.add(["c0001"])
    two.add(["c0002"])
    (one.folder / "c0001" / "exam.jsonl").write_bytes(sealed_log_bytes("c0001"))
    unsealed_log(two.folder / "c0002" / "exam.jsonl", "c0002", some_events)
    (two.folder / "witness.jsonl").write_text('{"n": 0}\n')
    centre = Sitting.create(tmp_path / "centre" / "am", "s", server="collector")
    report = centre.merge([one.folder, two.folder])
    assert not report.conflicts and sorted(report.candidates) == ["c0001", "c0002"]
    rows = by_candidate(centre)
    assert rows["c0001"]["server"] == "exam-1" and rows["c0001"]["state"] == "time-up"
    assert rows["c0002"]["server"] == "exam-2" and rows["c0002"]["state"] == "interrupted"
    assert (centre.folder / "witness" / "exam-2" / "witness.jsonl").read_text() == '{"n": 0}\n'
    # merged again: nothing new, nothing conflicting; a changed file is a conflict, not copied
    assert not centre.merge([one.folder]).conflicts
    (one.folder / "c0001" / "exam.jsonl").write_bytes(b"changed\n")
    report = centre.merge([one.folder])
    assert len(report.conflicts) == 1 and "c0001/exam.jsonl" in report.conflicts[0]
    assert (centre.folder / "c0001" / "exam.jsonl").read_bytes() == sealed_log_bytes("c0001")
    # the merged register is a view too
    kept = by_candidate(centre)
    centre.file.path.unlink()
    centre.rebuild()
    assert by_candidate(centre) == kept


def test_the_hook_knows_the_register_by_the_same_names() -> None:
    from helpdesk_tui.sitting import hooks, register, store

    assert hooks.REGISTER_FILE == store.REGISTER_FILE
    assert hooks.CANDIDATE.pattern == register.CANDIDATE.pattern


def test_a_row_derived_before_the_lock_is_derived_again_if_the_files_changed_meanwhile(
    sitting: Sitting, some_events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slow derivation runs unlocked; what it read may be stale by the time it writes."""
    derive = Sitting.derive
    calls: list[str] = []

    def derive_then_the_exam_writes(self, candidate, *args, **kwargs):  # type: ignore[no-untyped-def]
        row = derive(self, candidate, *args, **kwargs)
        if not calls:  # right after the first derivation, before the lock: the log appears
            unsealed_log(sitting.folder / candidate / "exam.jsonl", candidate, some_events)
        calls.append(candidate)
        return row

    monkeypatch.setattr(Sitting, "derive", derive_then_the_exam_writes)
    (row,) = sitting.refresh(["c0002"])
    assert calls == ["c0002", "c0002"]  # derived again under the lock
    assert row["state"] == "interrupted" and row["log"] == "c0002/exam.jsonl"
    assert by_candidate(sitting)["c0002"]["state"] == "interrupted"


def test_merge_takes_a_handovers_witness_folder(tmp_path: Path) -> None:
    """collect-logs.sh puts the sitting in DEST/logs and the witness files in DEST/witness."""
    handover = tmp_path / "exam-3"
    server = Sitting.create(handover / "logs", "s", server="exam-3")
    server.add(["c0009"])
    (handover / "MANIFEST.sha256").write_text("")
    (handover / "witness").mkdir()
    (handover / "witness" / "witness.jsonl").write_text("cosigned\n")
    (handover / "witness" / "witness.pub").write_text("PUB\n")
    centre = Sitting.create(tmp_path / "centre", "s")
    report = centre.merge([handover / "logs"])
    assert not report.conflicts and report.candidates == ["c0009"]
    kept = centre.folder / "witness" / "exam-3"
    assert (kept / "witness.jsonl").read_text() == "cosigned\n"
    assert (kept / "witness.pub").read_text() == "PUB\n"
    assert by_candidate(centre)["c0009"]["server"] == "exam-3"


def test_a_hostile_json_file_beside_a_log_is_passed_over_not_a_traceback(
    sitting: Sitting, some_events: list[Event]
) -> None:
    # qa-sitting8: a verdict-named file of 100,000 brackets in a candidate's folder.
    fill(sitting, some_events)
    (sitting.folder / "c0001" / "deep.json").write_text("[" * 100_000)
    sitting.refresh()
    done = by_candidate(sitting)["c0001"]
    assert [a["name"] for a in done["assessors"]] == ["Ann", "Bob"]


def test_a_pause_and_resume_by_the_proctor_is_no_resume_of_the_log(
    sitting: Sitting, some_events: list[Event]
) -> None:
    # qa-sitting8: c04, paused and resumed by the proctor and never restarted, read
    # "res 1" in `sitting status` while the room (rightly) showed no resume.
    from helpdesk_tui.core.events import make_event

    last = some_events[-1]
    paused = [
        make_event("session_paused", {"reason": "proctor"}, last.exam_time, last.wall_time),
        make_event(
            "session_resumed", {"reason": "resumed by the proctor"}, last.exam_time, last.wall_time
        ),
    ]
    unsealed_log(sitting.folder / "c0001" / "exam.jsonl", "c0001", [*some_events[:-1], *paused])
    unsealed_log(sitting.folder / "c0002" / "exam.jsonl", "c0002", [*some_events, *paused])
    sitting.refresh()
    rows = by_candidate(sitting)
    assert (rows["c0001"]["resumes"], rows["c0002"]["resumes"]) == (0, 1)
