"""`helpdesk-exam exam`: it refuses to start, in one paragraph, unless everything is in place.

The running exam is tested through the pilot (tests/ui/test_exam_*.py) and on a
real pseudo-terminal (tests/ui/test_exam_pty.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui.cli import build_parser, main
from helpdesk_tui.commands import exam
from helpdesk_tui.commands.errors import UserError
from tests.runtime.kit import NORTHWIND, make_keys


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["exam", *args])
    captured = capsys.readouterr()
    assert code == 2, captured
    assert "Traceback" not in captured.out + captured.err
    assert captured.err.startswith("helpdesk-exam: ") and captured.err.count("\n") == 1
    return captured.err


def test_the_command_is_listed_with_a_one_line_help() -> None:
    assert "sit an exam, locked down" in build_parser().format_help()


def test_no_key_no_exam(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, "en-northwind-monday", "--candidate", "c1", "--logs", str(tmp_path))
    assert "--key" in err and "exam-centre.key" in err
    assert not list(tmp_path.iterdir())


def test_a_key_others_can_read_is_refused(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = tmp_path / "keys"
    shutil.copytree(key_file.parent, loose)
    (loose / "exam-centre.key").chmod(0o644)
    err = refused(
        capsys, "en-northwind-monday", "--candidate", "c1", "--key", str(loose / "exam-centre.key")
    )
    assert "chmod 600" in err


def test_a_key_without_a_proctor_code_is_refused(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = tmp_path / "keys"
    bare.mkdir()
    shutil.copy2(key_file, bare / "exam-centre.key")
    err = refused(
        capsys, "en-northwind-monday", "--candidate", "c1", "--key", str(bare / "exam-centre.key")
    )
    assert "proctor.json" in err and "--proctor-code-stdin" in err


@pytest.mark.parametrize(
    ("candidate", "words"), [(None, "--candidate ID"), ("a b", "cannot be used")]
)
def test_a_candidate_id_is_required_and_must_be_plain(
    key_file: Path, capsys: pytest.CaptureFixture[str], candidate: str | None, words: str
) -> None:
    args = ["en-northwind-monday", "--key", str(key_file)]
    if candidate is not None:
        args += ["--candidate", candidate]
    assert words in refused(capsys, *args)


def test_a_scenario_over_five_hours_is_refused(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = tmp_path / "long"
    shutil.copytree(NORTHWIND, long)
    toml = long / "scenario.toml"
    toml.write_text(toml.read_text().replace("duration_minutes = 30", "duration_minutes = 301"))
    err = refused(capsys, str(long), "--candidate", "c1", "--key", str(key_file))
    assert "duration_minutes" in err and "at most 300" in err  # the loader's own limit


def test_the_exam_checks_the_five_hours_itself_too() -> None:
    class Long:
        duration_s = 301 * 60.0
        folder = NORTHWIND

    with pytest.raises(UserError, match="at most 300 minutes"):
        exam.check_duration(Long())


def test_a_log_folder_that_cannot_be_made_is_refused(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    err = refused(
        capsys,
        "en-northwind-monday",
        "--candidate",
        "c1",
        "--key",
        str(key_file),
        "--logs",
        str(blocker / "logs"),
    )
    assert "logs folder" in err and "--logs DIR" in err


def test_no_terminal_no_exam(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logs = tmp_path / "logs"
    err = refused(
        capsys,
        "en-northwind-monday",
        "--candidate",
        "c1",
        "--key",
        str(key_file),
        "--logs",
        str(logs),
    )
    assert "only on a terminal" in err
    assert not list(logs.glob("*.jsonl"))


def test_the_scenario_folder_is_noted_beside_the_log(tmp_path: Path) -> None:
    log = tmp_path / "x.jsonl"
    exam.remember_scenario(log, NORTHWIND)
    assert exam.recall_scenario(log) == NORTHWIND.resolve()
    assert (tmp_path / "x.jsonl.scenario").stat().st_mode & 0o077 == 0
    assert exam.recall_scenario(tmp_path / "other.jsonl") is None


def test_a_form_seed_makes_the_form_once_and_the_exam_sits_it(tmp_path: Path) -> None:
    base = exam.practice.load(NORTHWIND)
    form = exam.form_of(base, 4, tmp_path / "logs")
    assert form.folder == tmp_path / "logs" / "forms" / "en-northwind-monday-form-4"
    assert form.id == base.id
    assert {c.name for c in form.customers} != {c.name for c in base.customers}
    again = exam.form_of(base, 4, tmp_path / "logs")
    assert again.folder == form.folder
    assert exam.form_of(base, None, tmp_path / "logs") is base


def test_a_form_seed_on_a_scenario_without_forms_is_refused(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(
        capsys,
        "nl-verhaeghe-dinsdag",
        "--candidate",
        "c1",
        "--key",
        str(key_file),
        "--logs",
        str(tmp_path / "logs"),
        "--form-seed",
        "2",
    )
    assert "variation.toml: no such file" in err
    assert not (tmp_path / "logs" / "forms" / "nl-verhaeghe-dinsdag-form-2").exists()


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "(time up)"), ("nl", "(tijd om)"), ("fr", "(temps écoulé)")]
)
def test_the_proctor_reads_how_it_ended_in_the_ui_language(
    lang: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end reason is a word of the UI, not the log's "time-up" (lead, tmux, 2026-12-04)."""
    from types import SimpleNamespace

    from helpdesk_tui import i18n

    heard: list[str] = []
    monkeypatch.setattr(exam, "say", lambda text: heard.append(text) or True)
    started = SimpleNamespace(
        log_path=Path("exam.jsonl"),
        writer=SimpleNamespace(sealed=True),
        session=SimpleNamespace(state=SimpleNamespace(end_reason="time-up")),
    )
    i18n.set_language(lang)
    try:
        assert exam.report(started, None, None, None)
    finally:
        i18n.set_language("en")
    assert said in heard[0] and "time-up" not in heard[0]
