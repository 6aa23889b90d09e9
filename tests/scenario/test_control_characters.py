"""A scenario text or KB article holding a control character is refused, with its place.

The exam shows and logs scenario texts as they are: ESC would drive the candidate's and the
assessor's terminals, and a log holding one no longer verifies (tests/eventlog/
test_control_characters.py). TOML refuses a raw control character by itself; an escape
(\\u001b, \\b, \\f) and a Markdown file's bytes are ours to refuse.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk_tui.scenario.loader import validate_scenario
from scenario.kit import SLA_DIR, VALID


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "s"
    shutil.copytree(VALID, folder)
    return folder


@pytest.mark.parametrize(("escape", "code"), [("\\u001b]0;X\\u0007", "001B"), ("\\b", "0008"),
                                              ("\\u009b", "009B"), ("\\f", "000C")])  # fmt: skip
def test_an_escaped_control_character_in_a_text_is_named_with_its_line(
    tmp_path: Path, escape: str, code: str
) -> None:
    folder = _copy(tmp_path)
    toml = folder / "scenario.toml"
    lines = toml.read_text().splitlines(keepends=True)
    assert lines[78].startswith('text = "Hi, the printer')
    lines[78] = lines[78].replace("Hi,", "Hi," + escape, 1)
    toml.write_text("".join(lines))
    problems = [p for p in validate_scenario(folder, SLA_DIR) if p.is_error]
    assert len(problems) == 1
    assert problems[0].line == 79 and f"control character U+{code}" in problems[0].message


def test_a_control_character_in_a_kb_article_is_named_with_its_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    article = folder / "kb" / "password.md"
    text = article.read_text()
    article.write_text(text + "\nHello \x1b]0;KB\x07 there\n")
    problems = [p for p in validate_scenario(folder, SLA_DIR) if p.is_error]
    assert len(problems) == 1
    assert problems[0].file == article
    assert problems[0].line == text.count("\n") + 2
    assert "control character U+001B" in problems[0].message


def test_line_breaks_tabs_and_returns_are_allowed(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    article = folder / "kb" / "password.md"
    article.write_bytes(article.read_bytes().replace(b"\n", b"\r\n") + b"\tindented\r\n")
    assert [p for p in validate_scenario(folder, SLA_DIR) if p.is_error] == []
