"""`helpdesk-exam practice`: finding the scenario, the log, errors as one paragraph."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import cli, paths
from helpdesk_tui.commands import practice
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.eventlog.verifier import verify_log
from helpdesk_tui.ui.app import ExamApp

from .conftest import MINI

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


def test_the_default_scenario_is_the_bundled_one_marked_default() -> None:
    folder = practice.find_scenario(None)
    assert folder.parent == paths.scenarios_dir()
    assert practice.top_level(folder / "scenario.toml").get("default") is True


def test_a_scenario_by_bundled_id_or_by_path() -> None:
    assert practice.find_scenario("en-northwind-monday").name == "en-northwind-monday"
    assert practice.find_scenario(str(MINI)) == MINI
    assert practice.find_scenario(str(MINI / "scenario.toml")) == MINI / "scenario.toml"
    with pytest.raises(UserError, match="no bundled scenario with that id"):
        practice.find_scenario("no-such-scenario")


def test_top_level_reads_only_the_head_but_survives_a_tricky_one(tmp_path: Path) -> None:
    toml = tmp_path / "scenario.toml"
    toml.write_text(
        'id = "x"\ndefault = true\ndescription = """\n[not a table]\n"""\n[[groups]]\nid = "g"\n'
    )
    head = practice.top_level(toml)  # the head alone does not parse: the whole file is read
    assert (head["id"], head["default"], head["description"]) == ("x", True, "[not a table]\n")


def test_log_file_name() -> None:
    name = practice.log_name(
        "en-northwind-monday", "0123456789abcdef", datetime(2026, 3, 2, 9, 5, tzinfo=UTC)
    )
    assert name == "en-northwind-monday-20260302T090500Z-01234567.jsonl"


def test_a_bad_scenario_is_one_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scenario.toml").write_text('format = 1\nid = "bad"\ntitle = 3\n')
    code = cli.main(["practice", str(bad), "--logs", str(tmp_path / "logs"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("helpdesk-exam: The scenario in ") and "scenario validate" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "logs").exists() or not any((tmp_path / "logs").iterdir())


def test_an_unusable_logs_folder_is_one_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code = cli.main(["practice", str(MINI), "--logs", str(blocker / "logs"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be created" in err and "--logs DIR" in err
    assert "Traceback" not in err


def _quit_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the real `practice` command headless; the candidate quits straight away."""

    async def quit_now(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("ctrl+q", "y")

    original = ExamApp.run

    def run(self: ExamApp, *args: Any, **kwargs: Any) -> Any:
        return original(self, headless=True, size=(120, 40), auto_pilot=quit_now)

    monkeypatch.setattr(ExamApp, "run", run)


def test_practice_runs_seals_and_prints_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _quit_at_once(monkeypatch)
    code = cli.main(
        ["practice", str(MINI), "--logs", str(tmp_path), "--candidate", "Robin", "--lang", "en"]
    )
    out = capsys.readouterr().out
    assert code == 0
    logs = list(tmp_path.glob("*.jsonl"))
    assert len(logs) == 1
    assert re.fullmatch(r"mini-desk-\d{8}T\d{6}Z-[0-9a-f]{8}\.jsonl", logs[0].name)
    assert f"Log: {logs[0]}" in out and "sealed" in out
    result = verify_log(logs[0], None, MINI)
    assert result.status == "ok" and result.summary.seal_reason == "completed"
    assert result.summary.candidate_id == "Robin" and result.summary.mode == "practice"


def test_no_subcommand_starts_practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _quit_at_once(monkeypatch)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--lang", "en"]) == 0
    assert len(list((tmp_path / "logs").glob("en-northwind-monday-*.jsonl"))) == 1


def test_prepare_builds_a_session_on_the_scenario(tmp_path: Path) -> None:
    args = argparse.Namespace(scenario=str(MINI), lang="en", logs=tmp_path, candidate=None)
    run = practice.prepare(
        args, clock=ManualClock(), app_options={"tick_interval": None, "handle_signals": False}
    )
    try:
        state = run.session.state
        assert state.started and state.scenario_id == "mini-desk" and state.mode == "practice"
        assert run.writer.header.scenario_id == "mini-desk"
        assert state.candidate_id == run.writer.header.candidate_id != ""
    finally:
        practice.finish(run)
    assert verify_log(run.log_path, None, MINI).status == "unsealed"  # left resumable
