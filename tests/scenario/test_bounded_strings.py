"""Overlong texts in a scenario: one short error naming the file, the place and the bound.

Found by the lead with hostile scenario folders (2026-12-04): a pattern of one
200,000-letter word validated without a word (2 s, 90 MB) and every text field
took what the file's size allowed. The bounds come from the bundled scenarios
(longest pattern 64 characters, longest pattern word 23 letters, longest id 38,
longest text 717), with room to spare.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.scenario.loader import validate_scenario
from scenario.kit import line_of

Data = dict[str, Any]
KEYWORDS = 'incidents[0] (id "printer-blank").answer.solution_keywords[1]'


def errors(folder: Path, sla_dir: Path) -> list[Any]:
    return [p for p in validate_scenario(folder, sla_dir) if p.is_error]


def one_paragraph(problem: Any) -> str:
    text = str(problem)
    assert "\n" not in text and len(text) < 400, text
    assert " — " in problem.message
    return text


@pytest.mark.parametrize(
    ("keyword", "says"),
    [
        ("a" * 200_000, "(200,000 characters) — a pattern is at most 300 characters"),
        (
            "toner " + "b" * 41,
            "has a word of 41 letters ('bbbbbbbbbbbbbbbbbbbb'… (41 characters)) "
            "— a pattern word is at most 40 letters",
        ),  # fmt: skip
        ("replace the toner " * 20, "— a pattern is at most 300 characters"),
    ],
    ids=["one 200,000-letter word", "a 41-letter word", "360 characters"],
)
def test_an_overlong_pattern_is_one_short_error_at_its_place(
    keyword: str, says: str, data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    data["incidents"][0]["answer"]["solution_keywords"] = ["tape", keyword]
    folder = write_scenario(data)
    found = errors(folder, sla_dir)
    assert [p.field_path for p in found] == [KEYWORDS]
    problem = found[0]
    assert says in one_paragraph(problem)
    assert problem.file == folder / "scenario.toml"
    assert problem.line == line_of(problem.file.read_text("utf-8"), "solution_keywords = [")


def test_a_pattern_word_of_forty_letters_is_still_a_word(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    data["incidents"][0]["answer"]["solution_keywords"] = ["tape", "c" * 40]
    assert errors(write_scenario(data), sla_dir) == []


def test_an_overlong_glossary_term_is_named_short(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    data["glossary"] = {"d" * 5000: "plain words"}
    found = errors(write_scenario(data), sla_dir)
    assert len(found) == 1
    assert "a pattern is at most 300 characters" in one_paragraph(found[0])
    assert found[0].field_path.startswith("glossary['dddd")


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("title", "t" * 10_001, "(10,001 characters) — must be at most 10,000 characters"),
        ("id", "i" * 65, "(65 characters) — must be at most 64 characters"),
    ],
    ids=["title", "id"],
)
def test_an_overlong_text_or_id_is_one_short_error(
    field: str,
    value: str,
    says: str,
    data: Data,
    write_scenario: Callable[[Data], Path],
    sla_dir: Path,
) -> None:
    data[field] = value
    found = errors(write_scenario(data), sla_dir)
    assert [p.field_path for p in found] == [field]
    assert says in one_paragraph(found[0])


def test_a_list_of_too_many_patterns_is_one_error_and_not_read(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    """sec13: each pattern is read by the language layer (about a millisecond each), and
    nothing bounded how many: one list of 100,000 two-word patterns (1.7 MB, under the
    2 MiB file limit) kept `scenario validate` busy for over 120 s. The bundled scenarios'
    longest list holds 19, and all their lists together under 2,000 texts."""
    import time

    data["incidents"][0]["answer"]["solution_keywords"] = [f"word{i} toner" for i in range(20_000)]
    folder = write_scenario(data)
    started = time.monotonic()
    found = errors(folder, sla_dir)
    took = time.monotonic() - started
    assert [p.field_path for p in found] == [KEYWORDS.rsplit("[", 1)[0]]
    assert "holds 20,000 patterns — a list holds at most 200" in one_paragraph(found[0])
    assert took < 10, f"{took:.1f} s"


def test_patterns_in_all_lists_are_bounded_too(
    data: Data, write_scenario: Callable[[Data], Path], sla_dir: Path
) -> None:
    incident = data["incidents"][0]
    copies = []
    for n in range(30):  # 30 incidents of 200 patterns each: 6,000, over the 5,000 in all
        copy = json.loads(json.dumps(incident))
        copy["id"] = f"copy-{n}"
        copy["answer"]["solution_keywords"] = [f"word{n}x{i} toner" for i in range(200)]
        copies.append(copy)
    data["incidents"] = copies
    found = [str(p) for p in errors(write_scenario(data), sla_dir)]
    assert any("more than 5,000 patterns in all" in text for text in found), found[:3]


def test_a_file_of_a_million_values_is_one_error_not_half_a_minute(
    scenario_dir: Path, sla_dir: Path
) -> None:
    """sec13: an array of 1,000,000 numbers (2 MB, just under the 2 MiB file limit) took
    `scenario validate` 31 s and 269 MB at load 20, and passed with a warning (an unknown
    key). The bundled scenarios hold under 3,000 values each."""
    import time

    toml = scenario_dir / "scenario.toml"
    toml.write_text(toml.read_text("utf-8") + "\nhuge = [" + ",".join("1" * 300_000) + "]\n")
    started = time.monotonic()
    found = errors(scenario_dir, sla_dir)
    took = time.monotonic() - started
    assert len(found) == 1 and "more than 100,000 values" in one_paragraph(found[0])
    assert took < 10, f"{took:.1f} s"


def test_a_file_of_a_million_values_is_refused_before_tomllib_reads_it(
    scenario_dir: Path, sla_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sec14: the file above was refused only after tomllib had read it all (2 MB of
    "1,1,...": 7.5 s, 190 MB at load 8). The marks that start a value (`,` `=` `[` `{`)
    bound the values from above, so the file is refused before it is parsed."""
    import helpdesk_tui.scenario._check as check

    parsed: list[int] = []
    real = check.tomllib.loads

    def loads(text: str) -> Any:
        parsed.append(len(text))
        return real(text)

    def key_lines(text: str) -> Any:
        parsed.append(-len(text))  # the checker's own scan of every key took 5 s of it
        return real_lines(text)

    real_lines = check.key_lines
    monkeypatch.setattr(check.tomllib, "loads", loads)
    monkeypatch.setattr(check, "key_lines", key_lines)
    toml = scenario_dir / "scenario.toml"
    before = toml.read_text("utf-8")
    toml.write_text(before + "\nhuge = [" + ",".join("1" * 300_000) + "]\n")
    found = errors(scenario_dir, sla_dir)
    assert len(found) == 1 and "more than 100,000 values" in one_paragraph(found[0])
    assert not any(abs(size) > 500_000 for size in parsed), parsed
    assert found[0].line == before.count("\n") + 2  # the line of `huge`


def test_the_bundled_files_are_far_under_the_value_marks_bound() -> None:
    """The bound read before parsing must not refuse a real file: the bundled scenarios,
    SLA profiles and lexicons hold at most some 5,700 marks (counted here, not by the
    checker)."""
    from helpdesk_tui.scenario._check import MAX_VALUES

    root = Path(__file__).resolve().parents[2]
    files = [*root.glob("scenarios/*/scenario.toml"), *root.glob("sla_profiles/*.toml")]
    files += [*root.glob("helpdesk_tui/language/lexicons/*.toml")]
    assert len(files) > 5
    for file in files:
        text = file.read_text("utf-8")
        marks = sum(text.count(c) for c in ",=[{")
        assert marks < MAX_VALUES / 10, (file, marks)
