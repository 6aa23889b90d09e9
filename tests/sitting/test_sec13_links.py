"""sec13 (red team): a symbolic link named `*.jsonl` in a candidate's folder is no log.

The exam never writes one (its writer opens its own file). A link was followed as a
log by the register (so c01's row could be made from c02's log, or from a file the
link reaches anywhere on the host: `/proc/self/environ`), by the room (a row of its
own) and by the witness (the same log cosigned under two names)."""

from __future__ import annotations

import os
from pathlib import Path

from helpdesk_tui.cli import main
from helpdesk_tui.sitting import Sitting
from helpdesk_tui.sitting.derive import logs_in
from helpdesk_tui.sitting.room import Room

from .kit import sealed_log_bytes


def _sitting(tmp_path: Path) -> Sitting:
    made = Sitting.create(tmp_path / "2026-12-05-am", "en-northwind-monday", server="exam-1")
    made.add(["c01", "c02"])
    (made.folder / "c02" / "exam.jsonl").write_bytes(sealed_log_bytes("c02"))
    return made


def test_a_linked_log_is_no_candidates_log_and_the_row_says_so(tmp_path: Path) -> None:
    sitting = _sitting(tmp_path)
    os.symlink("../c02/exam.jsonl", sitting.folder / "c01" / "exam.jsonl")
    rows = {row["candidate"]: row for row in sitting.refresh(all_rows=True)}
    assert rows["c01"]["log"] == "" and rows["c01"]["records"] == 0
    assert rows["c01"]["state"] == "waiting"
    assert "symbolic link" in rows["c01"]["problem"] and "exam.jsonl" in rows["c01"]["problem"]
    assert rows["c02"]["log"] == "c02/exam.jsonl" and not rows["c02"]["problem"]
    assert logs_in(sitting.folder / "c01") == []


def test_sitting_status_exits_1_on_a_linked_log(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    sitting = _sitting(tmp_path)
    os.symlink("/proc/self/environ", sitting.folder / "c01" / "exam.jsonl")
    code = main(["sitting", "status", str(sitting.folder), "--refresh"])
    out = capsys.readouterr().out
    assert code == 1 and "symbolic link" in out
    assert "PATH=" not in out


def test_the_room_follows_no_link(tmp_path: Path) -> None:
    (tmp_path / "c01").mkdir()
    (tmp_path / "c02").mkdir()
    (tmp_path / "c02" / "exam.jsonl").write_bytes(sealed_log_bytes("c02"))
    os.symlink("../c02/exam.jsonl", tmp_path / "c01" / "exam.jsonl")
    os.symlink("/proc/self/environ", tmp_path / "c01" / "env.jsonl")
    assert Room(tmp_path).discover() == ["c02/exam.jsonl"]
