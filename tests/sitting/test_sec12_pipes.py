"""sec12 (red team): the sitting's own files put back as a pipe.

`sitting.json` made a FIFO (by anyone who can write the sitting's folder) made `sitting
status`, `update`, `room` and the login wrapper's register update wait for a writer for
ever: it was opened with a plain `open`. The room's witness file swapped for a FIFO
between its size check and its read did the same to the room. Both must say what is
wrong at once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.sitting.room import WitnessReader
from helpdesk_tui.sitting.store import RegisterError, read_document
from tests.pipes import within


def test_a_register_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    register = tmp_path / "sitting.json"
    os.mkfifo(register)
    [outcome] = within(lambda: read_document(register), register)
    assert isinstance(outcome, RegisterError)
    assert str(register) in str(outcome)


def test_a_witness_file_swapped_for_a_fifo_after_its_stat_is_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    witness, fifo = tmp_path / "witness.jsonl", tmp_path / "swap"
    witness.write_bytes(b'{"type": "witness.start", "n": 0}\n')
    os.mkfifo(fifo)
    real_stat = Path.stat

    def stat(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real_stat(self, *args, **kwargs)
        if self == witness and fifo.exists():
            os.replace(fifo, witness)
        return info

    monkeypatch.setattr(Path, "stat", stat)
    reader = WitnessReader(witness)
    [outcome] = within(reader.poll, witness)
    assert outcome is False and str(witness) in reader.problem
