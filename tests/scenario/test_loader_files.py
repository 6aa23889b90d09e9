"""Loading from disk: what a scenario is made of, and files that are not what they should be.

None of these may raise: each becomes a Problem naming the file and what would be right.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import paths
from helpdesk_tui.cli import main
from helpdesk_tui.scenario.errors import ScenarioInvalid
from helpdesk_tui.scenario.loader import (
    check_scenario,
    find_sla_profile,
    load_scenario,
    scenario_paths,
    validate_scenario,
)
from scenario.kit import SLA_DIR, VALID


def errors(folder: Path, sla_dir: Path = SLA_DIR) -> list[str]:
    return [str(p) for p in validate_scenario(folder, sla_dir) if p.is_error]


def test_the_valid_fixture_has_no_problems() -> None:
    assert validate_scenario(VALID, SLA_DIR) == []


def test_the_scenario_toml_path_works_like_its_folder() -> None:
    by_file = load_scenario(VALID / "scenario.toml", SLA_DIR)
    by_folder = load_scenario(VALID, SLA_DIR)
    assert by_file == by_folder
    assert by_file.folder == VALID


def test_a_missing_folder_is_a_problem(tmp_path: Path) -> None:
    problems = validate_scenario(tmp_path / "nope", SLA_DIR)
    assert len(problems) == 1
    assert "no such folder" in problems[0].message
    assert "holding scenario.toml and kb/" in problems[0].message


def test_a_folder_without_scenario_toml(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    problems = validate_scenario(tmp_path, SLA_DIR)
    assert [p.message for p in problems] == [
        "does not exist — expected the scenario (scenario.toml) here",
        "has no articles — add the scenario's articles as *.md files",
    ]
    assert problems[0].file == tmp_path / "scenario.toml"


def test_a_directory_named_scenario_toml(tmp_path: Path) -> None:
    (tmp_path / "scenario.toml").mkdir()
    for given in (tmp_path, tmp_path / "scenario.toml"):
        problems = validate_scenario(given, SLA_DIR)
        assert any("is a folder — must be a file" in p.message for p in problems)


@pytest.mark.parametrize(
    ("content", "fragment", "line"),
    [
        (b"", "missing — add format = 1", None),
        (b"\x00\x01\x02binary\xff", "is not UTF-8 text (byte 9)", 1),
        (b'format = 1\ntitle = "caf\xe9"\n', "is not UTF-8 text (byte 23)", 2),
        (b"format = 1\nid = \n", "the TOML reader said: Invalid value", 2),
        (b'format = 1\n\n\ntitle = "unclosed\n', "not valid TOML", 4),
        (b"format = 1\nformat = 2\n", "a key or table is defined twice", 2),
        (b"[[incidents]]\n[incidents]\n", "not valid TOML", 2),
        (b"x = [" * 2000, "not valid TOML", None),
    ],
    ids=[
        "empty",
        "binary",
        "latin-1",
        "no value",
        "unclosed string",
        "twice",
        "table twice",
        "deep",
    ],
)
def test_broken_files_become_problems(
    scenario_dir: Path, content: bytes, fragment: str, line: int | None
) -> None:
    (scenario_dir / "scenario.toml").write_bytes(content)
    problems = validate_scenario(scenario_dir, SLA_DIR)
    problem = next(p for p in problems if fragment in p.message)
    assert problem.is_error
    if line is not None:
        assert problem.line == line


def test_an_unreadable_file_is_a_problem(
    scenario_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open

    def refuse(path: Any, flags: int, *args: Any) -> int:
        if Path(path).name == "scenario.toml":
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    problems = validate_scenario(scenario_dir, SLA_DIR)
    assert [p.message for p in problems] == [
        "cannot be read (Permission denied) — check the file's permissions"
    ]


def test_a_missing_kb_folder_is_an_error(scenario_dir: Path) -> None:
    shutil.rmtree(scenario_dir / "kb")
    problems = validate_scenario(scenario_dir, SLA_DIR)
    kb = [p for p in problems if p.file == scenario_dir / "kb"]
    assert kb and "a scenario needs a kb/ folder" in kb[0].message
    # and the answers that name articles say so too
    assert any("unknown article 'kb-printer-blank-pages'" in p.message for p in problems)


def test_kb_problems_are_reported_with_the_article_file(scenario_dir: Path) -> None:
    article = scenario_dir / "kb" / "vpn-reset.md"
    article.write_text("no header here\n", encoding="utf-8")
    problems = validate_scenario(scenario_dir, SLA_DIR)
    assert any(
        p.file == article and p.line == 1 and "does not start with '---'" in p.message
        for p in problems
    )


def test_an_article_in_another_language_is_a_warning(scenario_dir: Path) -> None:
    article = scenario_dir / "kb" / "vpn-reset.md"
    article.write_text(article.read_text().replace("language: en", "language: nl"))
    problems = validate_scenario(scenario_dir, SLA_DIR)
    assert [(p.severity, p.file, p.line) for p in problems] == [("warning", article, 5)]
    assert "the scenario's language is 'en'" in problems[0].message


def test_duplicate_article_ids_across_files(scenario_dir: Path) -> None:
    copy = scenario_dir / "kb" / "zz-copy.md"
    copy.write_text((scenario_dir / "kb" / "vpn-reset.md").read_text())
    problems = validate_scenario(scenario_dir, SLA_DIR)
    assert [(p.file, p.field_path, p.line) for p in problems] == [(copy, "id", 2)]
    assert "already used by vpn-reset.md" in problems[0].message


def test_the_sla_profile_defaults_to_the_bundled_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "sla_profiles_dir", lambda: SLA_DIR)
    scenario = load_scenario(VALID)
    assert scenario.sla.id == "standard"
    assert SLA_DIR / "standard.toml" in scenario.source_files


def test_an_sla_profile_path_relative_to_the_scenario(scenario_dir: Path, tmp_path: Path) -> None:
    shutil.copy(SLA_DIR / "standard.toml", scenario_dir / "my-sla.toml")
    toml = scenario_dir / "scenario.toml"
    toml.write_text(
        toml.read_text().replace('sla_profile = "standard"', 'sla_profile = "my-sla.toml"')
    )
    empty = tmp_path / "no-profiles"
    empty.mkdir()
    scenario = load_scenario(scenario_dir, empty)
    assert scenario.sla_profile == "my-sla.toml"
    assert scenario.sla.priorities["P1"].first_response_s == 120


def test_find_sla_profile_prefers_the_named_profile(tmp_path: Path) -> None:
    (tmp_path / "standard.toml").write_text("")
    assert find_sla_profile("standard", tmp_path, SLA_DIR) == SLA_DIR / "standard.toml"
    assert find_sla_profile("standard", tmp_path, tmp_path / "none") == tmp_path / "standard.toml"
    assert find_sla_profile("../x.toml", tmp_path, SLA_DIR) is None


def test_an_unknown_sla_profile_lists_the_available_ones(scenario_dir: Path) -> None:
    toml = scenario_dir / "scenario.toml"
    toml.write_text(toml.read_text().replace('"standard"', '"gold"'))
    (problem,) = [p for p in validate_scenario(scenario_dir, SLA_DIR) if p.is_error]
    assert problem.field_path == "sla_profile"
    assert problem.line == 6
    assert f"must be the name of a profile in {SLA_DIR}: standard" in problem.message


def test_problems_in_the_sla_profile_name_the_profile_file(
    scenario_dir: Path, tmp_path: Path
) -> None:
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    text = (SLA_DIR / "standard.toml").read_text().replace('low = "P4"', 'low = "P5"', 1)
    (profiles / "standard.toml").write_text(text)
    problems = validate_scenario(scenario_dir, profiles)
    assert [(p.file.name, p.field_path) for p in problems if p.is_error] == [
        ("standard.toml", "matrix.medium.low")
    ]


def test_load_raises_with_every_problem(scenario_dir: Path) -> None:
    toml = scenario_dir / "scenario.toml"
    toml.write_text(
        toml.read_text()
        .replace('language = "en"', 'language = "xx"')
        .replace("at_minute = 4", "at_minute = 99")
    )
    with pytest.raises(ScenarioInvalid) as caught:
        load_scenario(scenario_dir, SLA_DIR)
    assert [p.field_path for p in caught.value.errors] == [
        "language",
        'incidents[1] (id "vpn-down").at_minute',
    ]
    assert "(and 1 more errors)" in str(caught.value)


def test_check_scenario_gives_no_scenario_when_only_the_kb_is_broken(scenario_dir: Path) -> None:
    (scenario_dir / "kb" / "vpn-reset.md").write_text("---\nid: kb-vpn-reset\n---\n")
    scenario, problems = check_scenario(scenario_dir, SLA_DIR)
    assert scenario is None
    # the article takes the scenario's language, so only its title is missing
    # and an article with errors but an id is not "unknown" to the answers naming it
    assert [(p.file.name, p.field_path, p.severity) for p in problems] == [
        ("vpn-reset.md", "title", "error"),
        ("vpn-reset.md", "body", "warning"),
    ]


def test_scenario_paths() -> None:
    assert scenario_paths(VALID) == (VALID, VALID / "scenario.toml")
    assert scenario_paths(VALID / "scenario.toml") == (VALID, VALID / "scenario.toml")


@pytest.mark.parametrize("opening", ["[", "{a = "], ids=["lists", "inline tables"])
def test_a_value_nested_too_deep_for_the_parser_names_its_line(
    scenario_dir: Path, opening: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """tomllib runs out of stack on a value nested hundreds deep and says no line; the
    problem names the file, the line, and how deep a scenario nests (docs/known-issues.md).
    Brackets in strings and comments before it are not nesting."""
    path = scenario_dir / "scenario.toml"
    lines = path.read_text("utf-8").splitlines()
    closing = "]" if opening == "[" else "}"
    deep = "tags = " + opening * 800 + "1" * (opening != "[") + closing * 800
    lines[2:2] = ['note = "[[[{ not nesting"  # nor [[[ this', deep]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    problems = validate_scenario(scenario_dir, SLA_DIR)
    problem = next(p for p in problems if "not valid TOML" in p.message)
    assert problem.file == path and problem.line == 4
    assert "nested 800 deep" in problem.message and "flatten" in problem.message
    assert main(["scenario", "validate", str(scenario_dir)]) != 0
    out = capsys.readouterr().out
    assert str(path) in out and "line 4" in out


def test_where_only_an_id_is_read_a_deep_value_is_no_traceback(tmp_path: Path) -> None:
    """The form marker and the scenario lookup of `report` read a file with tomllib too."""
    from helpdesk_tui.assess.pipeline import _declared_id
    from helpdesk_tui.scenario.variation import FORM_FILE, read_marker

    deep = "x = " + "[" * 2000 + "]" * 2000 + "\n"  # under the marker's 4096 bytes
    (tmp_path / "scenario.toml").write_text(deep, "utf-8")
    (tmp_path / FORM_FILE).write_text(deep, "utf-8")
    assert _declared_id(tmp_path / "scenario.toml") is None
    assert read_marker(tmp_path) is None
