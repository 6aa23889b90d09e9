"""One test that checks a whole table of cases and names every case that fails.

A parametrized test pays pytest's fixed cost per case (setup, teardown, the report an
xdist worker sends its controller, a line of the terminal's progress): some 3.5 ms of
CPU a case on the 2-core machine (tests/assess/test_texts.py, 1,536 cases of one-line
checks: 9.7 s of `pytest` CPU with them, 4.4 s without; tests/README.md). When each case
is a few microseconds of work, check the table in one test instead, and keep what a
parametrized run reports: every failing case, each with its own message, not just the
first.

    def test_every_text_has_three_languages() -> None:
        assert_every_case(sorted(T), check_three_languages)

A check is a function of one case that raises `AssertionError` (a plain `assert`) when
the case fails; its message and the case's id make the failing line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

C = TypeVar("C")

SHOWN = 200
"""Failing cases written out in full in the message; the rest are counted."""


def failing_cases(
    cases: Iterable[C], check: Callable[[C], object], name: Callable[[C], str] = repr
) -> list[str]:
    """`name(case): message` for every case whose check raised `AssertionError`."""
    failed = []
    for case in cases:
        try:
            check(case)
        except AssertionError as exc:
            failed.append(f"{name(case)}: {exc}" if str(exc) else name(case))
    return failed


def assert_every_case(
    cases: Iterable[C], check: Callable[[C], object], name: Callable[[C], str] = repr
) -> None:
    """Run `check` on every case; fail listing every failing case (not only the first)."""
    listed = list(cases)
    assert listed, "no cases: the table this test checks is empty"
    failed = failing_cases(listed, check, name)
    if failed:
        more = len(failed) - SHOWN
        lines = failed[:SHOWN] + ([f"... and {more} more"] if more > 0 else [])
        raise AssertionError(f"{len(failed)} of {len(listed)} cases fail:\n" + "\n".join(lines))
