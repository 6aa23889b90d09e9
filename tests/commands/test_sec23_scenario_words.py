"""sec23 (red team): a scenario folder's own words reached the terminal with their escapes.

The scenario check refuses a control character in a scenario's texts, but its problems quote
the file's keys and its KB files' names as they are: a quoted TOML key `"x\\u001b]0;PWNED\\u0007"`
(an unknown field, a warning: the scenario still runs) printed ESC ] 0 ; PWNED BEL, which
retitles a terminal, in `scenario validate`, `simulate` and `practice` (and in the first
notice of the exam's and resume's screen, where the proctor looks); a KB file named with
escapes did the same in a duplicate-id error. Expected, from the rule `verify` and `report`
follow since sec13/sec20 (not from this code): no control character and no bidi control
reaches the terminal, each shown as its picture (U+241B for ESC, U+2407 for BEL) or its code
point.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.commands.practice import load_warned
from helpdesk_tui.paths import scenarios_dir

KEY = "x\x1b]0;PWNED\x07\u202e"
SHOWN = "x\u241b]0;PWNED\u2407\u27e8U+202E\u27e9"
RAW = ("\x1b", "\x07", "\u202e")


def hostile(tmp_path: Path) -> Path:
    """Northwind with a quoted unknown key of escapes on top, and a second copy of one of its
    KB articles under a file name of escapes."""
    folder = tmp_path / "hostile"
    shutil.copytree(scenarios_dir() / "en-northwind-monday", folder)
    toml = folder / "scenario.toml"
    toml.write_text('"x\\u001b]0;PWNED\\u0007\\u202e" = 1\n' + toml.read_text(encoding="utf-8"))
    kb = folder / "kb"
    shutil.copyfile(kb / "kb-phishing-report.md", kb / f"kb-a{KEY}.md")
    return folder


def test_validate_shows_the_keys_and_file_names_escapes_as_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scenario", "validate", str(hostile(tmp_path))]) == 2
    out = capsys.readouterr().out
    assert f"unknown field '{SHOWN}'" in out
    assert f"already used by kb-a{SHOWN}.md" in out
    assert not [c for c in RAW if c in out]


def test_a_session_says_the_warning_with_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = hostile(tmp_path)
    (folder / "kb" / f"kb-a{KEY}.md").unlink()  # only the warning: the scenario runs
    _, warned = load_warned(folder)
    assert f"unknown field '{SHOWN}'" in warned  # the exam's first notice on the screen
    err = capsys.readouterr().err
    assert SHOWN in err and not [c for c in RAW if c in warned + err]
