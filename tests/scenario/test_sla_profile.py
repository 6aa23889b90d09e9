"""SLA profiles: the loaded targets, and one test per kind of mistake."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.core.sla import SlaProfile
from helpdesk_tui.scenario.errors import ScenarioInvalid
from helpdesk_tui.scenario.sla_profile import check_sla_profile, load_sla_profile
from scenario.kit import SLA_DIR, line_of, toml_dumps

STANDARD = (SLA_DIR / "standard.toml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "standard.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_standard_profile_loads_in_seconds() -> None:
    profile = load_sla_profile(SLA_DIR / "standard.toml")
    assert isinstance(profile, SlaProfile)
    assert profile.id == "standard"
    assert profile.levels == ("high", "medium", "low")
    assert profile.priority_for("high", "medium") == "P2"
    assert profile.priority_for("low", "low") == "P4"
    p1 = profile.priorities["P1"]
    assert (p1.name, p1.first_response_s, p1.update_s, p1.resolution_s) == (
        "Critical",
        120,
        300,
        720,
    )
    assert p1.warning_at == 0.8  # its own override
    assert profile.priorities["P2"].warning_at == 0.75  # the profile's default
    assert profile.pausing_states == frozenset({"pending_customer", "pending_third_party"})
    assert SlaProfile.from_dict(profile.to_dict()) == profile


def test_defaults_for_warning_at_and_pausing_states(tmp_path: Path) -> None:
    text = STANDARD.replace("warning_at = 0.75\n", "").replace(
        'pausing_states = ["pending_customer", "pending_third_party"]\n', ""
    )
    profile = load_sla_profile(write(tmp_path, text))
    assert profile.priorities["P3"].warning_at == 0.75
    assert profile.pausing_states == frozenset({"pending_customer", "pending_third_party"})


def test_an_empty_pausing_list_means_the_clock_never_pauses(tmp_path: Path) -> None:
    text = STANDARD.replace('["pending_customer", "pending_third_party"]', "[]")
    assert load_sla_profile(write(tmp_path, text)).pausing_states == frozenset()


Data = dict[str, Any]


def base() -> Data:
    return tomllib.loads(STANDARD)


def _set(*keys: str, value: Any) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        for key in keys[:-1]:
            d = d[key]
        d[keys[-1]] = value

    return mutate


def _del(*keys: str) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        for key in keys[:-1]:
            d = d[key]
        del d[keys[-1]]

    return mutate


CASES: list[tuple[str, Callable[[Data], None], str, str, str | None]] = [
    # (name, mutation, field path, fragment, needle on the expected line or None)
    ("format missing", _del("format"), "format", "add format = 1", None),
    ("format wrong", _set("format", value=3), "format", "must be 1", "format = 3"),
    (
        "id not an id",
        _set("id", value="Standard SLA"),
        "id",
        'lower-case letters, digits and "-"',
        'id = "Standard SLA"',
    ),
    ("name missing", _del("name"), "name", 'add name = "..."', None),
    (
        "two levels",
        _set("levels", value=["high", "low"]),
        "levels",
        "must have at least 3",
        "levels = ",
    ),
    (
        "level twice",
        _set("levels", value=["high", "high", "low"]),
        "levels",
        "repeats a level",
        "levels = ",
    ),
    (
        "levels as text",
        _set("levels", value="high"),
        "levels",
        'must be a list of texts, e.g. levels = ["high"]',
        "levels = ",
    ),
    (
        "warning_at too big",
        _set("warning_at", value=1.5),
        "warning_at",
        "must be at most 1",
        "warning_at = 1.5",
    ),
    (
        "warning_at zero",
        _set("warning_at", value=0),
        "warning_at",
        "must be greater than 0",
        "warning_at = 0",
    ),
    (
        "pausing unknown state",
        _set("pausing_states", value=["pending_customer", "waiting"]),
        "pausing_states",
        "'waiting' is not a ticket status — must be among: new, open, pending_customer",
        "pausing_states",
    ),
    (
        "matrix cell unknown priority",
        _set("matrix", "low", "medium", value="P9"),
        "matrix.low.medium",
        "unknown priority 'P9' — must be one of the priorities defined under [priorities.*]: P1, P2, P3, P4",
        'medium = "P9"',
    ),
    (
        "matrix cell missing",
        _del("matrix", "low", "low"),
        "matrix.low.low",
        'add low = "..."',
        "[matrix.low]",
    ),
    (
        "matrix row missing",
        _del("matrix", "low"),
        "matrix.low",
        "add a [matrix.low] row with a priority for each urgency: high, medium, low",
        "[matrix]",
    ),
    (
        "matrix extra row",
        _set("matrix", "urgent", value={"high": "P1"}),
        "matrix.urgent",
        "'urgent' is not a level — the matrix has one row per impact level",
        "[matrix.urgent]",
    ),
    (
        "matrix extra column",
        _set("matrix", "low", "lowest", value="P4"),
        "matrix.low.lowest",
        "the urgency columns are: high, medium, low",
        "lowest =",
    ),
    (
        "matrix row as text",
        _set("matrix", "low", value="P4"),
        "matrix.low",
        "is text ('P4') — must be a table",
        'low = "P4"',
    ),
    (
        "matrix as list",
        _set("matrix", value=["P1"]),
        "matrix",
        "is a list — must be a table: a [matrix] section",
        "matrix = ",
    ),
    ("matrix missing", _del("matrix"), "matrix", "add a [matrix] table", None),
    (
        "priority target missing",
        _del("priorities", "P1", "resolution_minutes"),
        "priorities.P1.resolution_minutes",
        "add resolution_minutes = 5",
        "[priorities.P1]",
    ),
    (
        "priority target zero",
        _set("priorities", "P1", "update_minutes", value=0),
        "priorities.P1.update_minutes",
        "must be greater than 0",
        "update_minutes = 0",
    ),
    (
        "priority target as text",
        _set("priorities", "P1", "first_response_minutes", value="2"),
        "priorities.P1.first_response_minutes",
        "must be a number",
        'first_response_minutes = "2"',
    ),
    (
        "priority as text",
        _set("priorities", "P1", value="Critical"),
        "priorities.P1",
        "must be a table",
        "P1 = ",
    ),
    (
        "priorities empty",
        _set("priorities", value={}),
        "priorities",
        "add at least one, e.g. [priorities.P1]",
        "[priorities]",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_mistake(
    tmp_path: Path, case: tuple[str, Callable[[Data], None], str, str, str | None]
) -> None:
    _, mutate, field_path, fragment, needle = case
    data = base()
    mutate(data)
    text = toml_dumps(data)
    profile, problems = check_sla_profile(write(tmp_path, text))
    assert profile is None
    problem = next(
        (p for p in problems if p.field_path == field_path and fragment in p.message), None
    )
    assert problem is not None, "\n".join(map(str, problems))
    assert problem.is_error
    assert problem.line == (None if needle is None else line_of(text, needle))


def _drop_p4(d: Data) -> None:
    for row in d["matrix"].values():
        for urgency, priority in row.items():
            row[urgency] = "P3" if priority == "P4" else priority


def _rename_p4(d: Data) -> None:
    d["priorities"]["P10"] = d["priorities"].pop("P4")
    for row in d["matrix"].values():
        for urgency, priority in row.items():
            row[urgency] = "P10" if priority == "P4" else priority


WARNINGS: list[tuple[str, Callable[[Data], None], str, str]] = [
    ("id differs", _set("id", value="office"), "id", "differs from the file name 'standard.toml'"),
    (
        "first response too long",
        _set("priorities", "P1", "first_response_minutes", value=20),
        "priorities.P1.first_response_minutes",
        "longer than the resolution target (12)",
    ),
    (
        "unused priority",
        _drop_p4,
        "priorities.P4",
        "priority 'P4' is never used in the matrix",
    ),
    ("P10 sorts early", _rename_p4, "priorities", "pad the numbers (P01, P02, ... P10)"),
    ("unknown field", _set("notes", value="x"), "notes", "unknown field 'notes' is ignored"),
]


@pytest.mark.parametrize("case", WARNINGS, ids=[c[0] for c in WARNINGS])
def test_warnings_do_not_stop_loading(
    tmp_path: Path, case: tuple[str, Callable[[Data], None], str, str]
) -> None:
    _, mutate, field_path, fragment = case
    data = base()
    mutate(data)
    profile, problems = check_sla_profile(write(tmp_path, toml_dumps(data)))
    assert profile is not None, "\n".join(map(str, problems))
    assert [(p.severity, p.field_path) for p in problems] == [("warning", field_path)]
    assert fragment in problems[0].message


def test_load_raises_with_the_problems(tmp_path: Path) -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        load_sla_profile(write(tmp_path, STANDARD.replace("format = 1", "format = 2")))
    assert [p.field_path for p in caught.value.problems] == ["format"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "add format = 1"), (b"\xff\xfe", "is not UTF-8"), (b"levels = [", "not valid TOML")],
)
def test_broken_files(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "standard.toml"
    path.write_bytes(content)
    profile, problems = check_sla_profile(path)
    assert profile is None
    assert any(fragment in p.message for p in problems)


def test_a_missing_profile_file(tmp_path: Path) -> None:
    profile, problems = check_sla_profile(tmp_path / "none.toml")
    assert profile is None
    assert problems[0].message == "does not exist — expected the SLA profile (TOML) here"


def test_labels_per_language_and_use_load_and_the_scenario_overrides_them(
    tmp_path: Path,
) -> None:
    """The profile's labels beat the built-in ones; the scenario's beat the profile's."""
    from helpdesk_tui.scenario.loader import load_scenario
    from scenario.kit import valid_data

    labels = (
        '\n[labels.fr.impact]\nlow = "faible"\n'
        '\n[labels.fr.urgency]\nlow = "peu urgente"\n'
        '\n[labels.nl.priority]\nP1 = "Spoed"\n'
    )
    profile = load_sla_profile(write(tmp_path, STANDARD + labels))
    assert profile.label("impact", "low", "fr") == "faible"
    assert profile.label("urgency", "low", "fr") == "peu urgente"
    assert profile.label("urgency", "medium", "fr") == "moyenne"  # built-in
    assert profile.label("priority", "P1", "nl") == "Spoed"
    assert profile.label("priority", "P2", "nl") == "Hoog"  # built-in, by the name "High"
    assert SlaProfile.from_dict(profile.to_dict()).labels == profile.labels  # through the log

    folder = tmp_path / "scn"
    (folder / "kb").mkdir(parents=True)
    for article in (SLA_DIR.parent / "valid" / "kb").glob("*.md"):
        (folder / "kb" / article.name).write_text(article.read_text("utf-8"), "utf-8")
    data = valid_data()
    data["sla_labels"] = {"fr": {"impact": {"low": "bas"}}}
    (folder / "scenario.toml").write_text(toml_dumps(data), "utf-8")
    scenario = load_scenario(folder, tmp_path)
    assert scenario.sla.label("impact", "low", "fr") == "bas"  # the scenario's
    assert scenario.sla.label("urgency", "low", "fr") == "peu urgente"  # the profile's


def test_a_label_in_an_unknown_language_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path, STANDARD + '\n[labels.es.impact]\nlow = "bajo"\n')
    _, problems = check_sla_profile(path)
    [problem] = [p for p in problems if p.is_error]
    assert problem.field_path == "labels.es"
    assert "unknown language 'es' — must be one of en, nl, fr" in problem.message


def test_a_dutch_scenario_is_warned_about_a_priority_that_would_read_in_english(
    tmp_path: Path,
) -> None:
    from helpdesk_tui.scenario.loader import validate_scenario
    from scenario.kit import valid_data

    write(tmp_path, STANDARD.replace('name = "High"', 'name = "Urgent"'))
    folder = tmp_path / "scn"
    (folder / "kb").mkdir(parents=True)
    for article in (SLA_DIR.parent / "valid" / "kb").glob("*.md"):
        (folder / "kb" / article.name).write_text(article.read_text("utf-8"), "utf-8")
    data = valid_data()
    data["language"] = "nl"
    (folder / "scenario.toml").write_text(toml_dumps(data), "utf-8")
    problems = validate_scenario(folder, tmp_path)
    [label] = [p for p in problems if "label" in p.message]
    assert label.severity == "warning" and label.field_path == "sla_profile"
    assert "priority 'P2'" in label.message and "[sla_labels.nl.priority] P2" in label.message
    data["sla_labels"] = {"nl": {"priority": {"P2": "Dringend"}}}
    (folder / "scenario.toml").write_text(toml_dumps(data), "utf-8")
    assert not [p for p in validate_scenario(folder, tmp_path) if "label" in p.message]
