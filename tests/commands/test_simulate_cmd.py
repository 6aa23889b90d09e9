"""`helpdesk-exam simulate`: a summary, a signed log, and errors as one paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui import paths
from helpdesk_tui.cli import build_parser, main
from helpdesk_tui.eventlog import generate_keypair
from helpdesk_tui.eventlog.keys import load_public_key
from helpdesk_tui.eventlog.verifier import verify_log

SCENARIO = "en-northwind-monday"


def simulate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["simulate", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def test_the_command_is_listed_with_a_one_line_help() -> None:
    assert "run a scenario headless with a scripted candidate" in build_parser().format_help()


def test_a_run_prints_a_short_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = simulate(capsys, SCENARIO, "--policy", "idle")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith(f"{SCENARIO} with the idle policy (seed 0): ") and first.endswith(" s")
    assert "Tickets: 4, with an SLA breach: 4" in out
    assert "first response" in out and "Log:" not in out  # the targets in words (bugs14)


def test_the_ideal_run_of_a_folder_breaches_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = simulate(capsys, str(paths.scenarios_dir() / SCENARIO))
    assert code == 0 and "with an SLA breach: 0" in out and "Evidence flags: COM-2" in out


def test_out_writes_a_sealed_practice_log_that_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "run.jsonl"
    code, out, _ = simulate(capsys, SCENARIO, "--policy", "naive", "--out", str(log), "--seed", "7")
    assert code == 0 and f"Log: {log}" in out
    result = verify_log(log, None, paths.scenarios_dir() / SCENARIO)
    assert result.status == "ok" and result.per_session_key
    header = json.loads(log.read_text().splitlines()[0])["data"]
    assert header["mode"] == "practice" and header["candidate_id"] == "simulated-naive"


def test_a_key_signs_as_the_exam_centre(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generate_keypair(tmp_path / "keys")
    log = tmp_path / "run.jsonl"
    code, _, _ = simulate(
        capsys,
        SCENARIO,
        "--policy",
        "idle",
        "--out",
        str(log),
        "--key",
        str(tmp_path / "keys" / "exam-centre.key"),
    )
    assert code == 0
    result = verify_log(log, load_public_key(tmp_path / "keys" / "exam-centre.pub"))
    assert result.status == "ok" and not result.per_session_key


def test_an_existing_log_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "run.jsonl"
    log.write_text("mine")
    code, _, err = simulate(capsys, SCENARIO, "--out", str(log))
    assert code == 2 and "already exists" in err and log.read_text() == "mine"


def test_an_unknown_scenario_names_the_bundled_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = simulate(capsys, "no-such-scenario")
    assert code == 2 and SCENARIO in err and len(err.strip().splitlines()) == 1


def test_a_broken_scenario_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "scenario.toml").write_text("format = 1\nid = 'broken'\n")
    code, _, err = simulate(capsys, str(tmp_path / "broken"))
    assert code == 2 and "cannot be used" in err


def test_a_missing_key_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = simulate(
        capsys, SCENARIO, "--out", str(tmp_path / "x.jsonl"), "--key", str(tmp_path / "nokey")
    )
    assert code == 2 and "does not exist" in err and not (tmp_path / "x.jsonl").exists()


def test_an_unknown_policy_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["simulate", SCENARIO, "--policy", "genius"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_summary_speaks_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """bugs13's sitting: `simulate`'s summary was English whatever `--lang` or the locale.
    The expected words are the catalogue's."""
    from helpdesk_tui import i18n

    code, out, _err = simulate(capsys, SCENARIO, "--policy", "idle", "--lang", lang)
    assert code == 0
    i18n.set_language(lang)
    try:
        tickets = i18n._("Tickets: {count}, with an SLA breach: {breached}")
        first_response = i18n._("first response")
    finally:
        i18n.set_language("en")
    assert tickets.format(count=4, breached=4) in out
    assert first_response in out
    assert "with the idle policy" not in out and "with an SLA breach" not in out
