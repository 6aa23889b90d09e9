"""A scenario is loaded once per process for the logs assessed on it (`pipeline._load`).

Loading and validating a bundled exam was 30-60 ms of every assessment (a class report's,
a sitting's, each review opened, and some 400 of the suite's). What is kept must be what a
load gives now: the same files byte for byte, and no assessment changes it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bundled_kit import LazyMap, on_scenario_runs

from helpdesk_tui import paths
from helpdesk_tui.assess import pipeline
from helpdesk_tui.assess.pipeline import ScenarioFound, assess_log
from helpdesk_tui.assess.report_json import evidence_to_dict
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.scenario.loader import load_scenario

NORTHWIND = "en-northwind-monday"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders `pipeline` loads from disk, from an empty store."""
    monkeypatch.setattr(pipeline, "_loaded", {})
    seen: list[Path] = []

    def counted(folder: Path, *args: object) -> object:
        seen.append(Path(folder))
        return load_scenario(folder, *args)

    monkeypatch.setattr(pipeline, "load_scenario", counted)
    return seen


def found_in(folder: Path) -> ScenarioFound:
    return ScenarioFound(folder, folder_sha256(folder), True)


@pytest.fixture
def northwind(tmp_path: Path) -> Path:
    return Path(shutil.copytree(paths.scenarios_dir() / NORTHWIND, tmp_path / NORTHWIND))


@pytest.mark.parametrize(("scenario_id", "policy"), on_scenario_runs([(NORTHWIND, "ideal")]))
def test_two_assessments_of_a_log_load_its_scenario_once_and_read_the_same(
    sim_logs: LazyMap[tuple[str, str], Path], loads: list[Path], scenario_id: str, policy: str
) -> None:
    log = sim_logs[(scenario_id, policy)]
    first, second = assess_log(log, None), assess_log(log, None)
    assert [p.name for p in loads] == [NORTHWIND]
    assert second.scenario is first.scenario
    provenance = first.provenance
    assert evidence_to_dict(second.evidence, provenance) == evidence_to_dict(
        first.evidence, provenance
    )
    # Two assessments read it and left it as a load from disk makes it.
    assert first.scenario == load_scenario(paths.scenarios_dir() / NORTHWIND)


def test_an_article_changed_on_disk_is_read_again(northwind: Path, loads: list[Path]) -> None:
    found = found_in(northwind)  # the folder's hash as it was: the same key both times
    before = pipeline._load(found, None)
    article = northwind / "kb" / "kb-crm-unavailable.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA line added later.\n", "utf-8")
    after = pipeline._load(found, None)
    assert len(loads) == 2
    body = {a.path.name: a.body for a in after.kb}["kb-crm-unavailable.md"]
    assert body.rstrip().endswith("A line added later.")
    assert after != before


def test_a_changed_sla_profile_is_read_again(tmp_path: Path, loads: list[Path]) -> None:
    profiles = Path(shutil.copytree(paths.sla_profiles_dir(), tmp_path / "sla"))
    folder = paths.scenarios_dir() / NORTHWIND
    before = pipeline._load(found_in(folder), profiles)
    [profile] = [p for p in before.source_files if p.parent == profiles]
    text = profile.read_text(encoding="utf-8")
    assert 'name = "' in text
    profile.write_text(text.replace('name = "', 'name = "Changed ', 1), encoding="utf-8")
    after = pipeline._load(found_in(folder), profiles)
    assert len(loads) == 2
    assert after.sla.name.startswith("Changed ") and not before.sla.name.startswith("Changed ")


def test_a_scenario_that_no_longer_loads_is_refused_not_kept(
    northwind: Path, loads: list[Path]
) -> None:
    found = found_in(northwind)
    pipeline._load(found, None)
    (northwind / "scenario.toml").write_text("title = [", encoding="utf-8")
    with pytest.raises(pipeline.Refused, match="does not load"):
        pipeline._load(found, None)


def test_only_the_last_few_scenarios_are_kept(loads: list[Path]) -> None:
    names = sorted(
        p.name for p in paths.scenarios_dir().iterdir() if (p / "scenario.toml").is_file()
    )
    assert len(names) > pipeline.LOADED_KEPT
    for name in names:
        pipeline._load(found_in(paths.scenarios_dir() / name), None)
    assert len(pipeline._loaded) == pipeline.LOADED_KEPT
    pipeline._load(found_in(paths.scenarios_dir() / names[-1]), None)  # kept: not loaded again
    pipeline._load(found_in(paths.scenarios_dir() / names[0]), None)  # the oldest: let go
    assert [p.name for p in loads] == [*names, names[0]]
