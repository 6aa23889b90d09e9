"""sec14 (red team): a sitting's plan.json is read, never trusted.

`class-report --sitting` verifies with the plan's `pubkey` when none is given (bugs13).
A plan whose `pubkey` was a number, a list, a 5,000-character name or held a NUL byte
ended `class-report` with a traceback (TypeError, OSError "File name too long",
ValueError "embedded null byte"). Such a key is no key: the plan's key is used only
"if readable" (`Sitting.public_key`), so the logs are refused as exam-centre logs with
their reason, as without a key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.cli import main
from helpdesk_tui.sitting import Sitting

from .kit import sealed_log_bytes

HOSTILE = [123, ["a"], {"x": 1}, True, "a" * 5000, "\u0000x", "/dev/zero", ""]


def _sitting(tmp_path: Path, pubkey: object) -> Sitting:
    made = Sitting.create(tmp_path / "2026-12-05-am", "en-northwind-monday", server="exam-1")
    made.add(["c01"])
    (made.folder / "c01" / "exam.jsonl").write_bytes(sealed_log_bytes("c01"))
    plan = made.folder / "plan.json"
    data = json.loads(plan.read_text("utf-8"))
    data["pubkey"] = pubkey
    plan.write_text(json.dumps(data), "utf-8")
    return made


@pytest.mark.parametrize("pubkey", HOSTILE, ids=lambda v: type(v).__name__ + str(len(str(v))))
def test_a_hostile_plan_key_is_no_key(tmp_path: Path, pubkey: object) -> None:
    assert _sitting(tmp_path, pubkey).public_key() is None


@pytest.mark.parametrize("pubkey", [123, "a" * 5000, "\u0000x"], ids=["int", "long", "nul"])
def test_class_report_of_a_sitting_with_a_hostile_plan_says_why_not_a_traceback(
    tmp_path: Path, pubkey: object, capsys: pytest.CaptureFixture[str]
) -> None:
    sitting = _sitting(tmp_path, pubkey)
    code = main(["class-report", "--sitting", str(sitting.folder)])
    out = capsys.readouterr()
    assert code in (1, 2) and "Traceback" not in out.out + out.err
