"""Verdict files: round trip, signature, and refusals that name the file and the fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.assess.verdicts import (
    VerdictError,
    load_verdicts,
    new_verdicts,
    save_verdicts,
)
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.scenario.competencies import COMPETENCY_IDS

LOG_SHA = "ab" * 32


def sheet(assessor: str = "Ann") -> object:
    verdicts = new_verdicts(
        LOG_SHA, "en-demo", "cand-1", assessor, "s-1", now="2026-03-02T10:00:00Z"
    )
    for cid in COMPETENCY_IDS:
        verdicts.set(cid, "proven", f"seen at {cid}", at="2026-03-02T11:00:00Z")
    verdicts.set("COM-4", "not_observed", "no paraphrase", at="2026-03-02T11:05:00Z")
    return verdicts


def test_a_new_sheet_is_undecided_everywhere() -> None:
    verdicts = new_verdicts(LOG_SHA, "en-demo", "cand-1", "Ann")
    assert verdicts.undecided == list(COMPETENCY_IDS) and not verdicts.complete
    with pytest.raises(ValueError, match="one of proven, not_proven, not_observed"):
        verdicts.set("SIM-1", "maybe")
    with pytest.raises(ValueError, match="unknown competency"):
        verdicts.set("SIM-9", "proven")


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    verdicts = sheet()
    save_verdicts(tmp_path / "a.json", verdicts)
    loaded = load_verdicts(tmp_path / "a.json")
    assert loaded.to_dict() == verdicts.to_dict()
    assert loaded.verdict("COM-4") == "not_observed" and loaded.complete
    assert loaded.signed_by is None


def test_a_signed_file_verifies_and_names_its_key(tmp_path: Path) -> None:
    signer = Signer.ephemeral()
    save_verdicts(tmp_path / "a.json", sheet(), signer)
    loaded = load_verdicts(tmp_path / "a.json", signer.public_key)
    assert loaded.signed_by == signer.fingerprint


def test_a_changed_signed_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    save_verdicts(path, sheet(), Signer.ephemeral())
    raw = json.loads(path.read_text())
    raw["verdicts"]["COM-4"]["verdict"] = "proven"
    path.write_text(json.dumps(raw))
    with pytest.raises(VerdictError, match=r"a.json: the signature does not match the content"):
        load_verdicts(path)


def test_a_file_signed_by_someone_else_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    save_verdicts(path, sheet(), Signer.ephemeral())
    with pytest.raises(VerdictError, match="not with the key you gave"):
        load_verdicts(path, Signer.ephemeral().public_key)


def test_an_unsigned_file_is_refused_when_a_key_is_required(tmp_path: Path) -> None:
    save_verdicts(tmp_path / "a.json", sheet())
    with pytest.raises(VerdictError, match="is not signed"):
        load_verdicts(tmp_path / "a.json", Signer.ephemeral().public_key)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["verdicts"]["SOL-2"].update(verdict="yes"),
            r"verdicts.SOL-2.verdict is 'yes'",
        ),
        (lambda d: d["verdicts"].pop("SIM-3"), "no entry for SIM-3"),
        (lambda d: d.update(log_sha256="xyz"), "64 lower-case hex digits"),
        (lambda d: d.update(kind="something"), "is not a verdict file"),
        (lambda d: d.update(assessor=""), '"assessor" must be a non-empty text'),
    ],
)
def test_a_malformed_file_is_refused_with_the_place(tmp_path: Path, change, message: str) -> None:
    path = tmp_path / "a.json"
    save_verdicts(path, sheet())
    raw = json.loads(path.read_text())
    change(raw)
    path.write_text(json.dumps(raw))
    with pytest.raises(VerdictError, match=message) as caught:
        load_verdicts(path)
    assert str(path) in str(caught.value)


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{\n  "format": 1,\n  oops\n}')
    with pytest.raises(VerdictError, match="line 3"):
        load_verdicts(path)
