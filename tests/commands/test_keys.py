"""`helpdesk-exam keys init DIR`, through the real command line."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.eventlog import check_proctor_code, load_private_key


def test_keys_init_writes_the_pair_and_prints_the_fingerprint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "init", str(tmp_path / "centre"), "--proctor-code", "2468-exam"]) == 0
    out = capsys.readouterr().out
    signer = load_private_key(tmp_path / "centre" / "exam-centre.key")
    assert signer.fingerprint in out and "-----BEGIN PUBLIC KEY-----" in out
    assert stat.S_IMODE((tmp_path / "centre" / "exam-centre.key").stat().st_mode) == 0o600
    assert check_proctor_code(tmp_path / "centre", "2468-exam")
    assert "2468-exam" not in out


def test_the_proctor_code_can_come_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("quiet-code\n"))
    assert main(["keys", "init", str(tmp_path / "k"), "--proctor-code-stdin"]) == 0
    assert check_proctor_code(tmp_path / "k", "quiet-code")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["keys", "init", str(tmp_path / "k2"), "--proctor-code-stdin"]) == 2
    assert "empty line" in capsys.readouterr().err


def test_existing_keys_are_refused_with_one_paragraph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "init", str(tmp_path / "k")]) == 0
    before = (tmp_path / "k" / "exam-centre.key").read_bytes()
    capsys.readouterr()
    assert main(["keys", "init", str(tmp_path / "k")]) == 2
    err = capsys.readouterr().err
    assert "exam-centre.key" in err and "never overwrites" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert (tmp_path / "k" / "exam-centre.key").read_bytes() == before


def test_keys_init_into_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "f").write_text("")
    assert main(["keys", "init", str(tmp_path / "f")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_keys_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["keys"])
    assert caught.value.code == 2
    assert "ACTION" in capsys.readouterr().err
