"""The proctor code at the keyboard: right, wrong, and slowed down after wrong tries."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpdesk_tui.eventlog.errors import KeyFileError
from helpdesk_tui.runtime.proctor import MAX_WAIT_S, CodeGate
from tests.runtime.kit import PROCTOR_CODE


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_right_code_opens_and_wrong_ones_wait_longer_each_time(key_file: Path) -> None:
    clock = Clock()
    gate = CodeGate(key_file.parent, monotonic=clock)
    assert gate.attempt("0000") is False and gate.wait_s() == 1
    assert gate.attempt(PROCTOR_CODE) is None  # not even checked while waiting
    clock.now += 1
    assert gate.attempt("1111") is False and gate.wait_s() == 2
    clock.now += 2
    assert gate.attempt("2222") is False and gate.wait_s() == 4
    clock.now += 4
    assert gate.attempt(PROCTOR_CODE) is True and gate.failures == 0


def test_the_wait_is_capped(key_file: Path) -> None:
    clock = Clock()
    gate = CodeGate(key_file.parent, monotonic=clock, check=lambda folder, code: False)
    for _ in range(12):
        gate.attempt("x")
        clock.now += gate.wait_s()
    gate.attempt("x")
    assert gate.wait_s() == MAX_WAIT_S


def test_a_missing_proctor_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="proctor"):
        CodeGate(tmp_path).attempt("1234")
