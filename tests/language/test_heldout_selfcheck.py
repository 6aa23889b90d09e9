"""The shared self-check of the held-out sets judges a table the way each set promised.

tests/language/heldout_selfcheck.py replaced two near-copies of the fourth and fifth
sets' check_set.py; these tests hold what those copies checked: the fourth set's table
need only end at the last line and it promised no size, the fifth's must cover every
line in order with at least 350 messages. The expected verdicts below are worked out
by hand from those rules, not taken from the code.
"""

from __future__ import annotations

import pytest

from tests.language.heldout4.check_set import TABLE as FOURTH
from tests.language.heldout5.check_set import TABLE as FIFTH
from tests.language.heldout6.check_set import TABLE as SIXTH
from tests.language.heldout_selfcheck import SetTable, covers, format_errors, problems, report


@pytest.mark.parametrize(
    ("sections", "total", "contiguous", "expected"),
    [
        ({"a": (1, 3), "b": (4, 6)}, 6, True, True),
        ({"a": (1, 3), "b": (5, 6)}, 6, True, False),  # line 4 belongs to no persona
        ({"a": (1, 3), "b": (4, 5)}, 6, True, False),  # the last line is left out
        ({"a": (2, 3), "b": (4, 6)}, 6, True, False),  # line 1 is left out
        ({"a": (1, 3), "b": (5, 6)}, 6, False, True),  # the fourth set's weaker promise
        ({"a": (1, 3), "b": (4, 5)}, 6, False, False),
    ],
)
def test_covers(sections, total, contiguous, expected) -> None:
    assert covers(sections, total, contiguous) is expected


def test_minimums_are_the_tables() -> None:
    table = SetTable(
        folder=SIXTH.folder,
        personas={"nl": {"one": (1, 2)}},
        min_messages=3,
        min_positives=1,
        min_negated=1,
        min_no_act=2,
    )
    lines = [
        {"text": "Hoi", "acts": ["greeting"], "negated": False},
        {"text": "Niet herstarten", "acts": [], "negated": True},
    ]
    missing = report(table, "nl", lines, out=lambda line: None)
    assert "nl: 2 messages < 3" in missing
    assert "nl: no act 1 < 2" in missing
    assert "nl: check 0 < 1" in missing
    assert "nl: greeting 1 < 1" not in missing
    assert not any("negated" in problem for problem in missing)
    assert not any("persona table" in problem for problem in missing)


def test_a_fourth_set_table_promises_no_size() -> None:
    assert FOURTH.min_messages == 0 and not FOURTH.contiguous
    assert FIFTH.min_messages == 350 and FIFTH.contiguous


def test_format_errors_name_the_line() -> None:
    lines = [
        {"text": "Hello", "acts": ["wave"], "negated": False},
        {"text": " ", "acts": [], "negated": False},
        {"text": "Bye", "acts": ["closing", "closing"], "negated": "no"},
        {"text": "Hello", "acts": [], "negated": False, "persona": "x"},
    ]
    errors = format_errors("en", lines)
    assert "en.jsonl:1: acts ['wave']" in errors
    assert "en.jsonl:2: empty text" in errors
    assert "en.jsonl:3: acts ['closing', 'closing']" in errors
    assert "en.jsonl:3: negated is not a boolean" in errors
    assert "en.jsonl:4: keys" in errors
    assert "en.jsonl: listed twice: 'hello'" in errors


@pytest.mark.parametrize("table", [FOURTH, FIFTH], ids=["heldout4", "heldout5"])
def test_the_earlier_sets_still_pass_their_own_check(table: SetTable) -> None:
    assert problems(table, against_others=True, out=lambda line: None) == []
