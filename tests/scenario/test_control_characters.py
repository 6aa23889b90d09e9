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


@pytest.mark.parametrize(
    ("char", "kind", "name"),
    [
        ("\u202e", "bidi control U+202E", "right-to-left override"),
        ("\u202c", "bidi control U+202C", "pop directional formatting"),
        ("\u2066", "bidi control U+2066", "left-to-right isolate"),
        ("\u200b", "zero-width character U+200B", "zero width space"),
        ("\u200d", "zero-width character U+200D", "zero width joiner"),
        ("\u2060", "zero-width character U+2060", "word joiner"),
        ("\ufeff", "zero-width character U+FEFF", "zero width no-break space"),
    ],
)
def test_a_bidi_control_or_a_zero_width_character_is_refused_with_its_place(
    tmp_path: Path, char: str, kind: str, name: str
) -> None:
    """The lead (2026-12-04): U+202E and U+202C in a title passed `scenario validate`; a
    terminal that honours them shows the text reversed. Refused as a control character is:
    the file, the line and what to do (Unicode's names for them, from the standard)."""
    folder = _copy(tmp_path)
    toml = folder / "scenario.toml"
    lines = toml.read_text().splitlines(keepends=True)
    lines[78] = lines[78].replace("Hi,", "Hi," + char, 1)
    toml.write_text("".join(lines))
    problems = [p for p in validate_scenario(folder, SLA_DIR) if p.is_error]
    assert len(problems) == 1
    assert problems[0].file == toml and problems[0].line == 79
    assert f"{kind} ({name})" in problems[0].message
    assert "delete it" in problems[0].message


def test_an_escaped_bidi_override_is_named_with_its_field(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    toml = folder / "scenario.toml"
    lines = toml.read_text().splitlines(keepends=True)
    lines[78] = lines[78].replace("Hi,", "Hi,\\u202E", 1)
    toml.write_text("".join(lines))
    problems = [p for p in validate_scenario(folder, SLA_DIR) if p.is_error]
    assert len(problems) == 1
    assert problems[0].line == 79 and "bidi control U+202E" in problems[0].message
    assert "remove the escape" in problems[0].message


def test_a_zero_width_space_in_a_kb_article_and_a_leading_bom(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    article = folder / "kb" / "password.md"
    text = article.read_text()
    article.write_text("\ufeff" + text)  # a byte-order mark at the start is allowed
    assert [p for p in validate_scenario(folder, SLA_DIR) if p.is_error] == []
    article.write_text(text + "\nre\u200bset\n")
    problems = [p for p in validate_scenario(folder, SLA_DIR) if p.is_error]
    assert len(problems) == 1 and problems[0].file == article
    assert problems[0].line == text.count("\n") + 2
    assert "zero-width character U+200B" in problems[0].message
