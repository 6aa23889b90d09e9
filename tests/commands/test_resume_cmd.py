"""`helpdesk-exam resume`: what it refuses (in one paragraph), what it seals, what it continues."""

from __future__ import annotations

import argparse
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.cli import build_parser, main
from helpdesk_tui.commands import practice, resume
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.eventlog import read_log, verify_log
from helpdesk_tui.ui.practice_controls import PracticeApp
from tests.runtime.kit import NORTHWIND, exam_run, make_keys

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py

APP = {"tick_interval": None, "handle_signals": False, "tune_gc": False}


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def practice_log(logs: Path, scenario: str = "en-northwind-monday", end: str | None = None) -> Path:
    """A practice session that ran a minute and was left (or ended without its seal)."""
    args = argparse.Namespace(scenario=scenario, lang="en", logs=logs, candidate="Kim")
    run = practice.prepare(args, clock=ManualClock(), app_options=APP)
    run.session.clock.advance(60)
    run.session.tick()
    if end:
        run.session.end(end)
    run.writer.close()  # no seal
    return run.log_path


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["resume", *args])
    captured = capsys.readouterr()
    assert code == 2, captured
    assert "Traceback" not in captured.out + captured.err
    return captured.err


def test_the_command_is_listed_with_a_one_line_help() -> None:
    assert "continue an interrupted exam or practice session" in build_parser().format_help()


def test_what_is_not_a_log_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "does not exist" in refused(capsys, str(tmp_path / "nope.jsonl"))
    assert "is a folder" in refused(capsys, str(tmp_path))
    junk = tmp_path / "junk.jsonl"
    junk.write_text("hello\n")
    assert "not a session log" in refused(capsys, str(junk))


def test_an_exam_log_needs_the_centre_key(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = exam_run(tmp_path, key_file)
    run.writer.close()
    assert "--key" in refused(capsys, str(run.log_path))


def test_a_sealed_log_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(scenario=None, lang="en", logs=tmp_path, candidate="Kim")
    run = practice.prepare(args, clock=ManualClock(), app_options=APP)
    run.session.end("completed")
    practice.finish(run)
    err = refused(capsys, str(run.log_path))
    assert "sealed (completed)" in err and "cannot be continued" in err


def test_a_log_that_ended_but_was_not_sealed_is_sealed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = practice_log(tmp_path, end="completed")
    assert main(["resume", str(log)]) == 0
    assert "had already ended (completed); its log is now sealed" in capsys.readouterr().out
    result = verify_log(log, None)
    assert result.status == "ok" and result.summary.seal_reason == "completed"
    assert not log.with_name(log.name + ".session-key").exists()


def test_the_end_reason_is_said_in_the_ui_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The proctor read "De sessie is beëindigd (completed)" in a Dutch session (lead, tmux)."""
    log = practice_log(tmp_path, end="completed")
    try:
        assert main(["resume", "--lang", "nl", str(log)]) == 0
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert "(voltooid)" in out and "completed" not in out


def test_a_scenario_that_is_not_bundled_must_be_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "own"
    shutil.copytree(NORTHWIND, own)
    toml = own / "scenario.toml"
    toml.write_text(toml.read_text().replace('id = "en-northwind-monday"', 'id = "centre-own"', 1))
    log = practice_log(tmp_path / "logs", scenario=str(own))
    err = refused(capsys, str(log))
    assert "'centre-own'" in err and "--scenario DIR" in err
    (own / "notes.txt").write_text("changed after the session started\n")
    assert "has changed" in refused(capsys, str(log), "--scenario", str(own))


async def test_a_practice_log_resumes_where_it_stopped_and_carries_on(tmp_path: Path) -> None:
    log = practice_log(tmp_path)
    before = read_log(log)
    scenario = practice.load(NORTHWIND)
    header = resume.read_header(log)
    key = resume._practice_key(None)
    resumed = resume._resume(log, scenario, key, "paused")
    started: Any = resume.build(resumed, scenario, None, **APP)
    app = started.app
    assert isinstance(app, PracticeApp) and resumed.outcome == "resumed"
    assert header["mode"] == "practice"
    async with app.run_test(size=(120, 40)) as pilot:
        state = started.session.state
        assert set(state.tickets) >= {e.event.data.get("ticket_id") for e in before.entries} - {
            None
        }
        ticket = app.main.ticket_id
        # take the ticket (Take waits for the next key; an arrow lets it act at once, on the
        # row it was pressed on): the resumed session takes commands
        await pilot.press("a", "down")
        assert state.tickets[ticket].status == "open"
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    practice.finish(started)
    result = verify_log(log, None, NORTHWIND)
    assert result.status == "ok" and result.summary.seal_reason == "completed"
    types = [e.event.type for e in read_log(log).entries]
    assert types.count("session_resumed") == 1 and "ticket_opened" in types


def test_a_pipe_given_as_the_log_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qa-sitting8: `resume FIFO` waited for a writer for ever (the header was read with open()).
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    codes: list[int] = []
    thread = threading.Thread(target=lambda: codes.append(main(["resume", str(fifo)])), daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
    assert codes == [2]
    assert "not a regular file" in capsys.readouterr().err


def _resume_without_running(
    monkeypatch: pytest.MonkeyPatch, log: Path, *options: str
) -> tuple[str, dict[str, Any]]:
    """`resume LOG` up to the app: the language its screens would speak and the resume
    record it logged (the app itself is not run; the log is closed unsealed)."""
    seen: list[str] = []

    def run_session(started: Any, key_path: Path | None) -> int:
        seen.append(i18n.current_language())
        started.writer.close()
        return 0

    monkeypatch.setattr(resume.exam, "run_session", run_session)
    try:
        assert main(["resume", *options, str(log)]) == 0
    finally:
        i18n.set_language("en")
    record = [e.event for e in read_log(log).entries if e.event.type == "session_resumed"][-1]
    return seen[0], record.data


def test_a_practice_resumed_without_lang_comes_back_in_the_language_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bugs14, played: a practice sat in Dutch and resumed without `--lang` came back in
    English (only `exam` noted the language, beside its log). The language is now in the log
    (`session_started.ui_language`, event schema 3) and every resume logs the one it chose.
    An English scenario in Dutch: the scenario's language is not what decides."""
    monkeypatch.setenv("LANGUAGE", "fr")  # nor the locale's
    args = argparse.Namespace(
        scenario="en-northwind-monday", lang="nl", logs=tmp_path, candidate="Kim"
    )
    run = practice.prepare(args, clock=ManualClock(), app_options=APP)
    i18n.set_language("en")
    run.session.clock.advance(30)
    run.session.tick()
    run.writer.close()
    started = read_log(run.log_path).entries[0].event
    assert started.type == "session_started" and started.data["ui_language"] == "nl"
    assert not run.log_path.with_name(run.log_path.name + ".lang").exists()  # the log alone
    language, data = _resume_without_running(monkeypatch, run.log_path)
    assert (language, data["ui_language"]) == ("nl", "nl")
    # --lang changes it from then on, and the next resume keeps the new choice
    language, data = _resume_without_running(monkeypatch, run.log_path, "--lang", "fr")
    assert (language, data["ui_language"]) == ("fr", "fr")
    language, data = _resume_without_running(monkeypatch, run.log_path)
    assert (language, data["ui_language"]) == ("fr", "fr")
    assert verify_log(run.log_path, None, NORTHWIND).status == "unsealed"  # and intact


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [("nl-lindeveld-oefening-wachtrij", "nl"), ("en-northwind-monday", "en")],
)
def test_a_log_without_the_language_resumes_in_the_scenarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str, expected: str
) -> None:
    """A log written before event schema 3 (or by `simulate`) names no UI language: it
    resumes in the scenario's language (the log's only word on it), not the locale's."""
    from helpdesk_tui.scenario import session_setup

    made = session_setup.session_started_data

    def without_language(*args: Any, **kwargs: Any) -> dict[str, Any]:
        data = made(*args, **kwargs)
        data.pop("ui_language", None)
        return data

    monkeypatch.setattr(session_setup, "session_started_data", without_language)
    monkeypatch.setenv("LANGUAGE", "fr")
    args = argparse.Namespace(scenario=scenario, lang="fr", logs=tmp_path, candidate="Kim")
    run = practice.prepare(args, clock=ManualClock(), app_options=APP)
    i18n.set_language("en")
    run.writer.close()
    assert "ui_language" not in read_log(run.log_path).entries[0].event.data
    language, data = _resume_without_running(monkeypatch, run.log_path)
    assert (language, data["ui_language"]) == (expected, expected)
