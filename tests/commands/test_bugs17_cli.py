"""The CLI as its users type it (bugs17): a bundled scenario's id where a folder is asked.

`simulate`, `practice` and `exam` take a bundled id ("en-northwind-monday"); `scenario validate`
and `scenario vary` said "no such folder 'en-northwind-monday'" to the same word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.cli import main


def test_validate_takes_a_bundled_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenario", "validate", "en-northwind-monday"]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["scenario", "validate", "no-such-scenario"]) == 2  # still refused by name
    assert "no such folder 'no-such-scenario'" in capsys.readouterr().out


def test_vary_takes_a_bundled_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form3"
    assert main(["scenario", "vary", "en-northwind-monday", "--seed", "3", "--out", str(out)]) == 0
    assert "form 3 of en-northwind-monday written" in capsys.readouterr().out
    assert (out / "scenario.toml").is_file()
