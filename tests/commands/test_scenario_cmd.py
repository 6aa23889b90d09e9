"""`helpdesk-exam scenario validate|list|new`, run through the real command line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpdesk_tui import cli, paths
from helpdesk_tui.commands import scenario as command

FIXTURES = Path(__file__).parents[1] / "scenario" / "fixtures"
VALID = FIXTURES / "valid"
SLA_DIR = FIXTURES / "sla_profiles"


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty bundled-scenarios folder, with the fixture SLA profiles bundled."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    monkeypatch.setattr(paths, "scenarios_dir", lambda: folder)
    monkeypatch.setattr(paths, "sla_profiles_dir", lambda: SLA_DIR)
    return folder


def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(VALID, folder)
    toml = folder / "scenario.toml"
    toml.write_text(toml.read_text().replace('customer = "marc"', 'customer = "mark"'))
    (folder / "kb" / "vpn-reset.md").write_text("no header\n")
    return folder


# --- validate ---------------------------------------------------------------------


def test_validate_a_good_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["scenario", "validate", str(VALID), "--sla-profiles", str(SLA_DIR)])
    out = capsys.readouterr().out
    assert code == 0
    assert "OK (test-valid)" in out
    # notes (cust12: the derivations a one-word pattern hears) are counted apart
    assert re.search(r"1 scenario checked: 0 errors, 0 warnings(, \d+ notes?)?\.$", out.strip())


def test_validate_groups_problems_per_file_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(tmp_path)
    code = cli.main(
        ["scenario", "validate", str(folder), str(VALID), "--sla-profiles", str(SLA_DIR)]
    )
    out = capsys.readouterr().out
    assert code == 2
    lines = out.splitlines()
    toml_header = lines.index(str(folder / "scenario.toml"))
    assert lines[toml_header + 1].startswith(
        "  error: incidents[1] (id \"vpn-down\").customer (line 119): unknown customer 'mark'"
    )
    article_header = lines.index(str(folder / "kb" / "vpn-reset.md"))
    assert lines[article_header + 1].startswith(
        "  error: header (line 1): does not start with '---'"
    )
    assert "OK (test-valid)" in out
    # the broken article has no id, so the two answers naming it are told so too
    assert re.search(r"2 scenarios checked: 4 errors, 0 warnings(, \d+ notes?)?\.$", out.strip())
    assert "Traceback" not in out


def test_validate_allows_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "warned"
    shutil.copytree(VALID, folder)
    toml = folder / "scenario.toml"
    toml.write_text(toml.read_text().replace('"SOL-8"]', "]"))
    code = cli.main(["scenario", "validate", str(folder), "--sla-profiles", str(SLA_DIR)])
    out = capsys.readouterr().out
    assert code == 0
    assert "  warning: incidents (line 68): no incident names SOL-8" in out
    assert re.search(r"0 errors, 1 warning(, \d+ notes?)?\.$", out.strip())


def test_validate_shows_paths_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["scenario", "validate", "broken", "--sla-profiles", str(SLA_DIR)]) == 2
    assert "broken/scenario.toml" in capsys.readouterr().out.splitlines()


def test_validate_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scenario", "validate", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().out


def test_validate_reports_duplicate_scenario_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(VALID, twin)
    code = cli.main(["scenario", "validate", str(VALID), str(twin), "--sla-profiles", str(SLA_DIR)])
    out = capsys.readouterr().out
    assert code == 2
    assert "  error: id: duplicate scenario id 'test-valid'" in out


def test_validate_turns_a_checker_bug_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*_: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(command, "check_scenario", explode)
    assert cli.main(["scenario", "validate", str(VALID)]) == 2
    out = capsys.readouterr().out
    assert "internal error while checking (ValueError: boom) — please report this" in out


# --- list -------------------------------------------------------------------------


def test_list_the_bundled_scenarios(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(VALID, bundled / "test-valid")
    broken_copy(bundled.parent)
    shutil.move(str(bundled.parent / "broken"), bundled / "zz-broken")
    (bundled / "not-a-scenario").mkdir()
    drill = bundled / "a-drill"
    shutil.copytree(VALID, drill)
    toml = drill / "scenario.toml"
    toml.write_text(
        toml.read_text()
        .replace('id = "test-valid"', 'id = "a-drill"\nkind = "drill"\naim = "ticket data"', 1)
        .replace("default = true", "default = false")
    )
    assert cli.main(["scenario", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Practice:"
    assert lines[1].split() == ["id", "lang", "minutes", "incidents", "title"]
    assert lines[2].split(maxsplit=5) == [
        "*",
        "test-valid",
        "en",
        "30",
        "3",
        "A small valid scenario",
    ]
    drills = lines.index("Drills (short, one group of competencies each):")
    assert drills > 2
    assert lines[drills + 2].split()[0] == "a-drill"
    assert lines[drills + 2].endswith("A small valid scenario — ticket data")
    invalid = lines.index("Invalid:")
    assert invalid > drills
    assert lines[invalid + 2].split()[:2] == ["zz-broken", "?"]
    assert "(invalid: 4 errors — run `helpdesk-exam scenario validate" in lines[invalid + 2]
    assert len([line for line in lines if "not-a-scenario" in line]) == 0
    assert "Exams" not in "\n".join(lines)  # no exam is bundled here: no empty section
    assert lines[-1] == "* the default: what `helpdesk-exam` starts"


@pytest.mark.parametrize(
    ("argv", "env", "head", "practice", "invalid", "default"),
    [
        (
            ["--lang", "fr"], {},
            ["id", "langue", "minutes", "incidents", "titre"],
            "Entraînement\u00a0:",
            "(non valide\u00a0: 4 erreurs — lancez `helpdesk-exam scenario validate",
            "* par défaut\u00a0: ce que lance `helpdesk-exam`",
        ),
        (
            [], {"LANGUAGE": "nl"},
            ["id", "taal", "minuten", "incidenten", "titel"],
            "Oefenen:",
            "(ongeldig: 4 fouten — voer `helpdesk-exam scenario validate",
            "* de standaard: wat `helpdesk-exam` start",
        ),
    ],
)  # fmt: skip
def test_list_speaks_the_ui_language(
    bundled: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    env: dict[str, str],
    head: list[str],
    practice: str,
    invalid: str,
    default: str,
) -> None:
    """bugs9 (bugs8): `scenario list` was English throughout; it speaks the UI language
    (--lang, else the locale) as the other commands do. The words are written here."""
    from helpdesk_tui import i18n

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    shutil.copytree(VALID, bundled / "test-valid")
    broken_copy(bundled.parent)
    shutil.move(str(bundled.parent / "broken"), bundled / "zz-broken")
    try:
        assert cli.main(["scenario", "list", *argv]) == 0
    finally:
        i18n.set_language("en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == practice
    assert lines[1].split() == head
    assert any(invalid in line for line in lines), lines
    assert lines[-1] == default


def test_list_with_no_scenarios(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scenario", "list"]) == 0
    assert capsys.readouterr().out.strip() == f"no scenarios in {bundled}"


def test_list_without_a_scenarios_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(paths, "scenarios_dir", lambda: tmp_path / "missing")
    assert cli.main(["scenario", "list"]) == 2
    assert "cannot list the bundled scenarios" in capsys.readouterr().err


# --- new --------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_new_writes_a_starter_that_validates(
    bundled: Path, tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.main(["scenario", "new", "my-draft", "--lang", language, "--dir", str(tmp_path)]) == 0
    )
    out = capsys.readouterr().out
    assert f"created {tmp_path / 'my-draft'}:" in out
    assert (tmp_path / "my-draft" / "kb" / "printer-blank-pages.md").is_file()
    assert cli.main(["scenario", "validate", str(tmp_path / "my-draft")]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_new_refuses_a_bad_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scenario", "new", "My Draft!", "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "'My Draft!' is not a valid scenario name" in err and "e.g. my-draft" in err
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_an_existing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file").write_text("x")
    assert cli.main(["scenario", "new", "taken", "--dir", str(tmp_path)]) == 2
    assert "already exists and is not empty" in capsys.readouterr().err


def test_new_reports_an_unwritable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["scenario", "new", "draft", "--dir", str(blocker)]) == 2
    assert "cannot write the starter" in capsys.readouterr().err


def test_scenario_alone_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["scenario"]) == 2
    out = capsys.readouterr().out
    for action in ("validate", "list", "new"):
        assert action in out
