"""What `exam` tells the proctor at the end, in the exam's language (branch qa-sitting10)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.commands import exam

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


@pytest.mark.parametrize(
    ("lang", "said", "english"),
    [
        ("nl", "gestopt door de toezichter", "stopped by"),
        ("fr", "arrêtée par le surveillant", "stopped by"),
    ],
)
def test_the_proctors_stop_is_said_in_the_exams_language(
    lang: str, said: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen in a Dutch exam stopped with the proctor code's S: "De sessie werd onderbroken
    (stopped by the proctor); ..." (the reason was put in as the log has it)."""
    started = SimpleNamespace(
        log_path=Path("/logs/c06/x.jsonl"), writer=SimpleNamespace(sealed=False)
    )
    i18n.set_language(lang)
    try:
        assert exam.report(started, Path("/keys/exam-centre.key"), None, "stopped by the proctor")
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert said in out and english not in out
    assert "resume /logs/c06/x.jsonl --key /keys/exam-centre.key" in out


def test_status_names_a_candidate_who_sat_other_material_than_the_sitting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Played: a sitting made for nl-verhaeghe-dinsdag whose candidates sat other scenarios
    (an exam.conf left from another sitting gives that) read "4 handed-in ... exit 0"; the
    room and the register showed only the plan's scenario in their title."""
    from helpdesk_tui.cli import main
    from helpdesk_tui.paths import scenarios_dir
    from tests.sitting.kit import sealed_log_bytes

    monkeypatch.setenv("HELPDESK_EXAM_SITTINGS", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "120")
    log_bytes = sealed_log_bytes("c0001")  # the bundled en-northwind-monday, played
    for name, plan, code in (
        ("am", "nl-verhaeghe-dinsdag", 1),
        ("pm", "en-northwind-monday", 0),
        ("eve", str(scenarios_dir() / "en-northwind-monday"), 0),
    ):
        assert main(["sitting", "new", name, "--scenario", plan]) == 0
        assert main(["sitting", "add", name, "c0001"]) == 0
        (tmp_path / name / "c0001" / "exam.jsonl").write_bytes(log_bytes)
        main(["sitting", "update", name])
        capsys.readouterr()
        assert main(["sitting", "status", name]) == code, name
        out = capsys.readouterr().out
        said = "c0001: sat en-northwind-monday, not the sitting's nl-verhaeghe-dinsdag"
        assert (said in " ".join(out.split())) == (code == 1), out


def test_an_exam_waits_for_a_terminal_large_enough_before_it_starts() -> None:
    """Played: `exam` started in a 40 x 10 terminal began the exam at once: the log was
    written, the clock and the customers ran, and the candidate saw only "the terminal is
    too small ... the exam goes on meanwhile". It now holds, before anything is written,
    until the terminal is 80 x 24 (the size the screen needs), and says so once a size."""
    sizes = iter([(40, 10), (40, 10), (79, 30), (100, 30)])
    current: list[tuple[int, int] | None] = [next(sizes)]
    said: list[str] = []

    def wait(_seconds: float) -> None:  # the terminal is resized while the exam waits
        current[0] = next(sizes)

    waited = exam.wait_for_room(size=lambda: current[0], wait=wait, say_=said.append)
    assert waited == 3 and current[0] == (100, 30)
    assert len(said) == 2 and "40 x 10" in said[0] and "79 x 30" in said[1]
    assert "80 x 24" in said[0]
    # a size the terminal does not tell (a pty nobody sized, a test) does not hold anything
    assert exam.wait_for_room(size=lambda: None, wait=wait, say_=said.append) == 0


def test_keys_init_says_the_private_key_stays_on_the_exam_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`keys init` said "keep it on the exam terminals": the candidates' kiosks, where
    deployment.md says the key must never be (whoever reads it can forge a log)."""
    from helpdesk_tui.cli import main

    assert main(["keys", "init", str(tmp_path / "k"), "--proctor-code", "4711-x"]) == 0
    out = capsys.readouterr().out
    assert "exam server" in out and "terminals" not in out
    assert (
        main(
            [
                "verify",
                str(tmp_path / "k" / "exam-centre.key"),
                "--pubkey",
                str(tmp_path / "k" / "exam-centre.key"),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "terminals" not in err


def test_status_says_not_passed_in_words() -> None:
    """Played: after reconcile, `sitting status` showed the outcome as "NOT_PASSED"."""
    from rich.console import Console

    from helpdesk_tui.commands.sitting import show

    console = Console(width=160, record=True)
    row = {"candidate": "c05", "state": "handed-in", "outcome": "not_passed", "log": "c05/x.jsonl"}
    show({"name": "am", "scenario": "s"}, [row], console)
    text = console.export_text()
    assert "NOT PASSED" in text and "NOT_PASSED" not in text


def test_resume_comes_back_in_the_language_the_exam_was_sat_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Played: c01 sat nl-verhaeghe-dinsdag in Dutch, was `kill -9`'d and resumed by hand
    (`resume LOG --key KEY`, as exam-mode.md shows it): the exam came back in English, the
    locale's language. `exam` notes the UI language beside the log; `resume` takes it
    unless told `--lang`."""
    from helpdesk_tui.commands import resume

    monkeypatch.setenv("LANGUAGE", "en")
    log = tmp_path / "x.jsonl"
    assert resume.language_for(log, None) == "en"  # no note: English, not the locale (bugs15)
    exam.remember_language(log, "nl")
    assert (tmp_path / "x.jsonl.lang").stat().st_mode & 0o077 == 0
    assert resume.language_for(log, None) == "nl"
    assert resume.language_for(log, "fr") == "fr"  # --lang still decides
    (tmp_path / "x.jsonl.lang").write_text("de\n")  # not a language of ours: not used
    assert resume.language_for(log, None) == "en"
