"""A mood rule set off by a stock opener (docs/known-issues.md, cust12: Tom's `gebeurt` heard
"Wat is er gebeurd?", Wayne's `happens` "Tell me what's happening ..."): `scenario validate`
warns, with the openers docs/authoring-exams.md lists ("Rules a greeting sets off"), and
the bundled scenarios no longer have such a pattern."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpdesk_tui import paths
from helpdesk_tui.cli import main
from helpdesk_tui.customers import dialogue
from helpdesk_tui.scenario.loader import load_scenario

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring-exams.md"


def documented_openers() -> dict[str, list[str]]:
    """The stock openers as the authors' guide lists them (its table, one row per language)."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("### Rules a greeting sets off", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (nl|fr|en) \| (.+) \|$", section, flags=re.M)
    return {lang: [o.strip() for o in cells.split(" / ")] for lang, cells in rows}


def _validate(capsys, folder: Path) -> str:
    code = main(["scenario", "validate", str(folder)])
    out = capsys.readouterr().out
    assert code == 0 and "Traceback" not in out
    return out


def _with_pattern(tmp_path: Path, scenario_id: str, old: str, new: str) -> Path:
    folder = tmp_path / scenario_id
    shutil.copytree(paths.scenarios_dir() / scenario_id, folder)
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_the_validator_checks_the_openers_the_guide_lists() -> None:
    from helpdesk_tui.scenario.wording import STOCK_OPENERS

    documented = documented_openers()
    assert set(documented) == {"nl", "fr", "en"}
    assert {lang: list(o) for lang, o in STOCK_OPENERS.items()} == documented


@pytest.mark.parametrize(
    ("scenario_id", "old", "new", "opener"),
    [
        # the two the lead saw (cust12), and a third wording of the same trap
        ("nl-lindeveld-examen", '"gebeurt vaak", "gebeurt vaker"', '"gebeurt", "gebeurt vaker"',
         "Wat is er gebeurd?"),
        ("en-calder-valley-exam", '"happens to everyone", "happens to anyone"',
         '"happen", "happens to anyone"', "What happened?"),
        ("nl-lindeveld-examen", '"blijf rustig", "rustig blijven"', '"rustig", "rustig blijven"',
         "Vertelt u maar rustig wat er gebeurd is."),
    ],
)  # fmt: skip
def test_a_mood_rule_a_stock_opener_sets_off_is_flagged(
    tmp_path, capsys, scenario_id: str, old: str, new: str, opener: str
) -> None:
    out = _validate(capsys, _with_pattern(tmp_path, scenario_id, old, new))
    assert "is also said by the stock opener" in out
    assert repr(opener) in out


def test_a_greeting_rule_without_a_mood_is_not_flagged(capsys) -> None:
    # northwind's `greeting` rules answer "good morning" on purpose and move no mood
    out = _validate(capsys, paths.scenarios_dir() / "en-northwind-monday")
    assert "stock opener" not in out


@pytest.mark.parametrize("scenario_id", ["nl-lindeveld-examen", "en-calder-valley-exam"])
def test_no_bundled_mood_rule_hears_a_documented_opener(scenario_id: str) -> None:
    scenario = load_scenario(paths.scenarios_dir() / scenario_id)
    openers = documented_openers()[scenario.language]
    heard = [
        (inc.id, rule.id, opener)
        for inc in scenario.incidents
        for rule in inc.rules
        if rule.mood is not None
        for opener in openers
        if dialogue.matched_rule([rule], opener, scenario.language) is not None
    ]
    assert heard == []


@pytest.mark.parametrize(
    ("scenario_id", "incident", "text"),
    [
        ("nl-lindeveld-examen", "tom-gsm-verloren", "Dat gebeurt vaker, hoor."),
        ("nl-lindeveld-examen", "tom-gsm-verloren", "Dat kan gebeuren met een gsm."),
        ("en-calder-valley-exam", "wayne-lost-phone", "It happens to everyone, honestly."),
        ("en-calder-valley-exam", "wayne-lost-phone", "That can happen with phones."),
    ],
)
def test_the_narrowed_patterns_still_hear_a_reassurance(
    scenario_id: str, incident: str, text: str
) -> None:
    scenario = load_scenario(paths.scenarios_dir() / scenario_id)
    rules = scenario.incident(incident).rules
    rule = dialogue.matched_rule(rules, text, scenario.language)
    assert rule is not None and rule.mood is not None and rule.mood.value == "calmer"
