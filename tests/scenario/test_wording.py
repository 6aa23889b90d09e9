"""`scenario validate` warns about pattern words that hide other words, and options that overlap."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpdesk_tui import paths
from helpdesk_tui.cli import main


def _copy(tmp_path: Path, scenario_id: str) -> Path:
    folder = tmp_path / scenario_id
    shutil.copytree(paths.scenarios_dir() / scenario_id, folder)
    return folder


def _validate(capsys, folder: Path) -> str:
    code = main(["scenario", "validate", str(folder)])
    out = capsys.readouterr().out
    assert code == 0 and "Traceback" not in out
    return out


def test_a_french_pattern_that_starts_other_words_is_flagged(tmp_path, capsys) -> None:
    folder = _copy(tmp_path, "fr-val-de-lesse-garde")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(
        text.replace('solution_keywords = ["technicien"]', 'solution_keywords = ["cache"]', 1),
        encoding="utf-8",
    )
    out = _validate(capsys, folder)
    assert "'cache' in 'cache' also matches the start of other words" in out
    assert "(cachet)" in out


def test_options_sharing_all_their_key_words_are_flagged(tmp_path, capsys) -> None:
    folder = _copy(tmp_path, "en-northwind-monday")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(
        text.replace('solution_keywords = ["wait until"]', 'solution_keywords = ["cache", "wait"]'),
        encoding="utf-8",
    )
    out = _validate(capsys, folder)
    assert "option 'clear-cache' has only key words of option 'wait-for-fix'" in out


def test_the_bundled_scenarios_have_no_such_warning(capsys) -> None:
    for scenario_id in ("en-northwind-monday", "nl-verhaeghe-dinsdag", "fr-val-de-lesse-garde"):
        out = _validate(capsys, paths.scenarios_dir() / scenario_id)
        assert "also matches the start" not in out and "key words of option" not in out


# ---------------------------------------------------------------------- derivations (cust12)
# The lead (2026-12-04): fr-val-de-lesse's bare `message` heard "messagerie" (the start rule),
# so Isabelle answered a question about her phone's mail with her error message. The task:
# list the derivations a one-word pattern also hears, for the author to confirm or narrow;
# no refusal.


def test_a_one_word_pattern_lists_the_derivations_it_hears(tmp_path, capsys) -> None:
    folder = _copy(tmp_path, "fr-val-de-lesse-garde")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('ask = ["le message", ', 'ask = ["message", ', 1), "utf-8")
    out = _validate(capsys, folder)  # a warning, exit 0
    line = next(x for x in out.splitlines() if "'message' also hears longer words" in x)
    assert "messagerie" in line


def test_english_print_and_install_list_printer_and_installation(tmp_path, capsys) -> None:
    folder = _copy(tmp_path, "en-northwind-monday")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace('ask = ["manager", ', 'ask = ["print", "install", "manager", ', 1)
    toml.write_text(text, encoding="utf-8")
    out = _validate(capsys, folder)
    printed = next(x for x in out.splitlines() if "'print' also hears longer words" in x)
    installed = next(x for x in out.splitlines() if "'install' also hears longer words" in x)
    assert "printer" in printed and "installation" in installed
    assert "printed" not in printed  # an inflection is the same word


def test_a_phrase_lists_no_derivations(tmp_path, capsys) -> None:
    """Narrowed to a phrase ("le message", as the bundled scenario has it), no warning."""
    out = _validate(capsys, paths.scenarios_dir() / "fr-val-de-lesse-garde")
    assert "'le message' also hears" not in out and "'message' also hears" not in out
