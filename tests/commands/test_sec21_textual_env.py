"""sec21: an exam took Textual's settings from its environment.

`TEXTUAL_DRIVER=this:X helpdesk-exam exam ...` printed the Zen of Python over the exam's
terminal (Textual imports whatever module the variable names) and ended in a traceback;
`TEXTUAL_DRIVER=nosuchmodule:X` a traceback; the headless driver ran the exam with nothing
on the screen. The centre's login wrapper starts the exam with `env -i`, so a candidate
cannot set them there; an exam started any other way now refuses them, before any log.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog.keys import generate_keypair

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keys = tmp_path_factory.mktemp("keys")
    generate_keypair(keys, proctor_code="739184")
    return keys / "exam-centre.key"


def exam(key: Path, logs: Path) -> list[str]:
    return [
        "exam",
        "en-northwind-monday",
        "--candidate",
        "c1",
        "--key",
        str(key),
        "--logs",
        str(logs),
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TEXTUAL_DRIVER", "this:X"),
        ("TEXTUAL_DRIVER", "nosuchmodule:X"),
        ("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver"),
        ("TEXTUAL", "devtools,debug"),
        ("TEXTUAL_LOG", "/tmp/x.log"),
        ("TEXTUAL_SCREENSHOT", "1"),
        ("TEXTUAL_PRESS", "ctrl+q"),
    ],
)
def test_an_exam_refuses_a_textual_setting_before_writing_anything(
    tmp_path: Path,
    centre: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: str,
) -> None:
    monkeypatch.setenv(name, value)
    logs = tmp_path / "logs"
    code = main(exam(centre, logs))
    out, err = capsys.readouterr()
    said = " ".join((out + err).split())
    assert code == 2
    assert f"does not start with {name} set in its environment" in said
    assert "Traceback" not in said and "Beautiful is better" not in said
    assert not logs.exists() or not any(logs.iterdir())


def test_settings_that_only_change_the_look_are_let_through(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from helpdesk_tui.commands.exam import textual_settings

    names = ("TEXTUAL_ANIMATIONS", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_ALLOW_SIGNALS", "TEXTUAL_X")
    for name in names:
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("TEXTUAL_FPS", "120")  # `helpdesk_tui.ui` sets it for every exam
    monkeypatch.setenv("TEXTUAL_THEME", "x")
    assert textual_settings() == ["TEXTUAL_THEME"]


def test_resume_of_an_exam_refuses_them_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpdesk_tui.commands import exam as exam_command

    monkeypatch.setenv("TEXTUAL_DRIVER", "this:X")
    with pytest.raises(Exception, match="TEXTUAL_DRIVER"):
        exam_command.require_terminal()  # what `resume` of an exam log calls
