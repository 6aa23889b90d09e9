"""An exam in a sitting's folder shows in its register: running when it starts, how it ended."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.commands import exam
from helpdesk_tui.sitting import Sitting
from tests.runtime.kit import exam_run


def state_of(sitting: Sitting, candidate: str) -> str:
    return {r["candidate"]: r["state"] for r in sitting.rows()}[candidate]


def test_an_exam_is_running_in_the_register_then_handed_in(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sitting = Sitting.create(tmp_path / "am", "en-northwind-monday")
    sitting.add(["c0042"])
    run = exam_run(sitting.folder / "c0042", key_file)
    seen: list[str] = []

    def candidate_hands_in(*args: object, **kwargs: object) -> None:
        seen.append(state_of(sitting, "c0042"))
        run.session.end("handed-in")

    monkeypatch.setattr(run.app, "run", candidate_hands_in)
    assert exam.run_session(run, key_file) == 0
    assert seen == ["running"]  # the exam's writer held its log: a process is on it
    row = {r["candidate"]: r for r in sitting.rows()}["c0042"]
    assert row["state"] == "handed-in" and row["log"].startswith("c0042/")


def test_an_exam_interrupted_leaves_the_register_saying_so(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sitting = Sitting.create(tmp_path / "am", "en-northwind-monday")
    run = exam_run(sitting.folder / "c0042", key_file)
    monkeypatch.setattr(run.app, "run", lambda *a, **k: None)  # the terminal went away
    monkeypatch.setattr(exam, "_leave", lambda code: None)
    assert exam.run_session(run, key_file) == exam.EXIT_INTERRUPTED
    assert state_of(sitting, "c0042") == "interrupted"
