"""A folder, FIFO or link where a scenario file is expected: refused by name, never passed over.

What an author needs (written from the author's side, not read off the loader): `scenario
validate` names the entry and says it must be a file, exits non-zero, and `simulate` (like the
exam) refuses the scenario with that one paragraph instead of running without the entry or
crashing. Before bugs17 a folder named `notes.md` in kb/ was passed over (exit 0), and a folder
named like the SLA profile was "no SLA profile".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.scenario.loader import validate_scenario
from scenario.kit import SLA_DIR


def _errors_at(folder: Path, entry: Path) -> list[str]:
    return [p.message for p in validate_scenario(folder, SLA_DIR) if p.is_error and p.file == entry]


def test_a_folder_named_like_an_article_is_an_error_naming_it(scenario_dir: Path) -> None:
    entry = scenario_dir / "kb" / "more-articles.md"
    entry.mkdir()
    (entry / "inside.md").write_text("---\nid: kb-inside\n---\n", encoding="utf-8")
    (message,) = _errors_at(scenario_dir, entry)
    assert message.startswith("is a folder")
    assert "must be a file" in message
    assert "rename" in message  # what is right


def test_validate_and_simulate_refuse_it_in_one_paragraph(
    scenario_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = scenario_dir / "kb" / "folder.md"
    entry.mkdir()
    assert main(["scenario", "validate", str(scenario_dir)]) == 2
    out = capsys.readouterr().out
    assert str(entry) in out and "is a folder" in out
    assert main(["simulate", str(scenario_dir)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    (line,) = captured.err.strip().splitlines()
    assert f"{entry}: is a folder" in line
    assert "scenario validate" in line


def test_a_folder_named_like_the_sla_profile_says_it_is_a_folder(scenario_dir: Path) -> None:
    toml = scenario_dir / "scenario.toml"
    toml.write_text(toml.read_text().replace('"standard"', '"my-sla.toml"'))
    entry = scenario_dir / "my-sla.toml"
    entry.mkdir()
    (message,) = _errors_at(scenario_dir, entry)
    assert message.startswith("is a folder — must be a file")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.symlink_to(path.name)  # a link to itself


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("where", "make", "said"),
    [
        ("scenario.toml", _folder, "is a folder"),
        ("scenario.toml", _fifo, "is a FIFO"),
        ("scenario.toml", _loop, "is a symbolic link"),
        ("kb/notes.md", _fifo, "is a FIFO"),
        ("kb/notes.md", _loop, "is a symbolic link"),
        ("kb/notes.md", _folder, "is a folder"),
        ("kb", _loop, "is a symbolic link"),
    ],
    ids=["toml-folder", "toml-fifo", "toml-loop", "md-fifo", "md-loop", "md-folder", "kb-loop"],
)
def test_every_wrong_kind_of_entry_is_refused_by_name(
    scenario_dir: Path, where: str, make: Callable[[Path], None], said: str
) -> None:
    entry = scenario_dir / where
    if entry.is_dir():
        for child in entry.iterdir():
            child.unlink()
        entry.rmdir()
    elif entry.exists():
        entry.unlink()
    make(entry)
    messages = _errors_at(scenario_dir, entry)
    assert messages and all(m.startswith(said) for m in messages), messages
