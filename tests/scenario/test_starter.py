"""The starter scenario `scenario new` writes is valid in every language."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
from helpdesk_tui.scenario.loader import load_scenario, validate_scenario
from helpdesk_tui.scenario.starter import LANGUAGES, starter_files, write_starter
from scenario.kit import SLA_DIR


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_starter_passes_validation(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "my-scenario"
    written = write_starter(folder, "my-scenario", language)
    assert sorted(p.relative_to(folder).as_posix() for p in written) == [
        "kb/printer-blank-pages.md",
        "scenario.toml",
    ]
    assert validate_scenario(folder, SLA_DIR) == []
    scenario = load_scenario(folder, SLA_DIR)
    assert (scenario.id, scenario.language) == ("my-scenario", language)
    assert scenario.competencies_covered() == frozenset(COMPETENCY_IDS)
    assert scenario.kb[0].language == language
    assert [(m.id, m.status) for m in scenario.macros] == [("ask-details", "pending_customer")]


def test_the_starter_speaks_its_language() -> None:
    nl = tomllib.loads(starter_files("x", "nl")["scenario.toml"])
    assert nl["incidents"][0]["messages"][0]["text"].startswith("Hallo, de printer")
    fr = tomllib.loads(starter_files("x", "fr")["scenario.toml"])
    assert "imprimante" in fr["incidents"][0]["messages"][0]["text"]


def test_write_starter_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        write_starter(tmp_path / "x", "x")
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_write_starter_accepts_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    assert len(write_starter(tmp_path / "x", "x")) == 2
