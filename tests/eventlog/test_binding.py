"""Scenario and profile hashes: stable, and sensitive to every change that matters."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpdesk_tui.eventlog import BindingError, file_sha256, folder_sha256


def make_scenario(
    root: Path, order: tuple[str, ...] = ("scenario.toml", "kb/a.md", "kb/b.md")
) -> Path:
    contents = {"scenario.toml": "id = 'x'\n", "kb/a.md": "# A\n", "kb/b.md": "# B\n"}
    for name in order:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(contents[name])
    return root


def test_file_sha256_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_bytes(b"x" * 100_000)
    assert file_sha256(tmp_path / "p.toml") == hashlib.sha256(b"x" * 100_000).hexdigest()


def test_the_folder_hash_does_not_depend_on_the_order_files_were_made(tmp_path: Path) -> None:
    one = make_scenario(tmp_path / "one")
    two = make_scenario(tmp_path / "two", ("kb/b.md", "scenario.toml", "kb/a.md"))
    assert folder_sha256(one) == folder_sha256(two)


def test_dotfiles_and_caches_do_not_count(tmp_path: Path) -> None:
    folder = make_scenario(tmp_path / "s")
    before = folder_sha256(folder)
    (folder / ".DS_Store").write_text("junk")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.pyc").write_bytes(b"\x00")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref")
    assert folder_sha256(folder) == before


@pytest.mark.parametrize("change", ["content", "rename", "add", "remove"])
def test_every_change_that_matters_changes_the_hash(tmp_path: Path, change: str) -> None:
    folder = make_scenario(tmp_path / "s")
    before = folder_sha256(folder)
    if change == "content":
        (folder / "kb/a.md").write_text("# A!\n")
    elif change == "rename":
        (folder / "kb/a.md").rename(folder / "kb/c.md")
    elif change == "add":
        (folder / "kb/new.md").write_text("")
    else:
        (folder / "kb/b.md").unlink()
    assert folder_sha256(folder) != before


def test_a_missing_folder_or_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BindingError, match="does not exist"):
        folder_sha256(tmp_path / "nope")
    with pytest.raises(BindingError, match="cannot be read"):
        file_sha256(tmp_path / "nope.toml")
    with pytest.raises(BindingError, match="is a folder"):
        file_sha256(tmp_path)
