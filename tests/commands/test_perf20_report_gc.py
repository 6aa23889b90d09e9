"""The report program keeps the collector off from start to exit (perf20), a call that goes on
(a test) has it on again after, and a refused report too: turning it back on after the
assessment only walked every object the assessment made (a young collection of them all)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.assess.testing import simulated_log
from helpdesk_tui.cli import main
from helpdesk_tui.commands import report


@pytest.fixture(scope="module")
def idle_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simulated_log(tmp_path_factory.mktemp("logs") / "idle.jsonl", "idle")


def _watched(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on as each report's assessment returned."""
    seen: list[bool] = []
    real = report.assess

    def assess(*args: Any) -> Any:
        assessed = real(*args)
        seen.append(gc.isenabled())
        return assessed

    monkeypatch.setattr(report, "assess", assess)
    return seen


def test_the_report_program_keeps_the_collector_off_to_its_end(
    idle_log: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = _watched(monkeypatch)
    gc.unfreeze()
    try:
        assert main(["report", str(idle_log), "--json", str(tmp_path / "a.json")]) == 0
        argv = ["helpdesk-exam", "report", str(idle_log), "--json", str(tmp_path / "b.json")]
        monkeypatch.setattr(sys, "argv", argv)
        assert main() == 0
        assert gc.isenabled(), "on again once the command is done"
        monkeypatch.setattr(sys, "argv", ["helpdesk-exam", "report", str(tmp_path / "none")])
        assert main() == 2
        assert gc.isenabled(), "on again after a refusal"
    finally:
        gc.unfreeze()
    assert seen == [True, False], "a call that goes on: on; the program: off"
