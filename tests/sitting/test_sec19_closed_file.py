"""sec19 (red team): a sitting's `closed` file is read as a short regular file.

`sitting close` writes one line (a UTC time) into `closed`; the register read the file
whole: a link to /dev/zero there made every `sitting status` read until the memory ran
out, a FIFO made it wait for a writer for ever, and invalid UTF-8 ended it with a
UnicodeDecodeError. Whatever is there closes the sitting (as before for a file that
cannot be read); what it says is shown cut to 64 characters.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpdesk_tui.sitting import Sitting
from helpdesk_tui.sitting.register import CLOSED_FILE


@pytest.fixture
def sitting(tmp_path: Path) -> Sitting:
    return Sitting.create(tmp_path / "2026-12-05-pm", "en-northwind-monday", server="exam-1")


def test_a_closed_sitting_says_when(sitting: Sitting) -> None:
    (sitting.folder / CLOSED_FILE).write_text("2026-12-05T17:00:00Z\n")
    assert sitting.closed() == "2026-12-05T17:00:00Z"


def test_a_fifo_or_a_device_in_its_place_closes_without_being_read(sitting: Sitting) -> None:
    closed = sitting.folder / CLOSED_FILE
    os.mkfifo(closed)
    assert sitting.closed() == "yes"
    closed.unlink()
    closed.symlink_to("/dev/zero")
    assert sitting.closed() == "yes"


def test_a_long_or_undecodable_closed_file_is_cut_not_a_traceback(sitting: Sitting) -> None:
    (sitting.folder / CLOSED_FILE).write_bytes(b"\xff\xfe" + b"x" * 5_000_000)
    assert sitting.closed() == "\ufffd\ufffd" + "x" * 62
