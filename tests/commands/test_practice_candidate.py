"""`practice --candidate NAME`: the name goes into the log, so it may not hold a control character."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


@pytest.mark.parametrize("name", ["Tom\x1b]0;X\x07", "Ann\x1b[2J", "Bo\x9b1m"])
def test_a_name_with_a_control_character_is_refused_before_any_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code = main(["practice", "en-northwind-monday", "--candidate", name, "--logs", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in captured.out + captured.err
    assert "holds a control character" in captured.err and "\x1b" not in captured.err
    assert list(tmp_path.iterdir()) == []  # no log was opened
