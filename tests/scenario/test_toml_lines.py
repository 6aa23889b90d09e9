"""The line finder: every construct of TOML the scenario format uses, and odd input."""

from __future__ import annotations

import tomllib

import pytest

from helpdesk_tui.scenario._toml_lines import key_lines, line_of

DOC = '''\
format = 1   # a comment
"quoted key" = 'literal'
dotted.key = "x"
description = """
two
lines"""

[glossary]
"DNS" = "the address book"

[[procedures]]
id = "contact"
steps = [
  { id = "greet", patterns = ["hello", "hi"] },   # inline table
  # a comment inside an array
  { id = "ticket", event = "ticket_created" },
]

[[incidents]]
id = "one"

[[incidents]]
id = "two"
text = "with \\" escaped quote"
competencies = [
  "SIM-1",
  "SIM-2",
]

[[incidents.messages]]
after_seconds = 0

[[incidents.messages]]
after_seconds = 20

[incidents.answer]
kb_article = "kb-x"
'''


@pytest.fixture(scope="module")
def lines() -> dict:
    tomllib.loads(DOC)  # the document is valid TOML
    return key_lines(DOC)


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("format",), 1),
        (("quoted key",), 2),
        (("dotted", "key"), 3),
        (("dotted",), 3),
        (("description",), 4),
        (("glossary",), 8),
        (("glossary", "DNS"), 9),
        (("procedures", 0), 11),
        (("procedures", 0, "steps"), 13),
        (("procedures", 0, "steps", 0), 14),
        (("procedures", 0, "steps", 0, "patterns", 1), 14),
        (("procedures", 0, "steps", 1, "event"), 16),
        (("incidents",), 19),
        (("incidents", 0, "id"), 20),
        (("incidents", 1), 22),
        (("incidents", 1, "text"), 24),
        (("incidents", 1, "competencies", 1), 27),
        (("incidents", 1, "messages", 0), 30),
        (("incidents", 1, "messages", 1, "after_seconds"), 34),
        (("incidents", 1, "answer"), 36),
        (("incidents", 1, "answer", "kb_article"), 37),
    ],
)
def test_lines_of_paths(lines: dict, path: tuple, line: int) -> None:
    assert lines[path] == line


def test_a_missing_key_falls_back_to_its_table(lines: dict) -> None:
    assert line_of(lines, ("incidents", 1, "answer", "category")) == 36
    assert line_of(lines, ("incidents", 0, "answer", "category")) == 19
    assert line_of(lines, ("nothing",)) is None
    assert line_of(lines, ()) is None


@pytest.mark.parametrize(
    "text", ["", "= 1", "[unclosed", 'a = "x', "a = [1, ", "a = {b = ", "[[x]]\n[x.y", "'''"]
)
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(key_lines(text), dict)
