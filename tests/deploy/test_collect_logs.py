"""collect-logs.sh with a fake `helpdesk-exam`: copies, verifies the copies, summary, manifest."""

from __future__ import annotations

import fcntl
import subprocess
from pathlib import Path

import pytest

from tests.deploy.kit import DEPLOY, Sandbox

COLLECT = DEPLOY / "collect-logs.sh"


@pytest.fixture
def box(tmp_path: Path) -> Sandbox:
    box = Sandbox(tmp_path / "server")
    return box


def collect(box: Sandbox, dest: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COLLECT), str(dest), "--conf", str(box.conf), *args], capture_output=True, text=True
    )


def summary(dest: Path) -> list[list[str]]:
    return [line.split("\t") for line in (dest / "verify-summary.tsv").read_text().splitlines()]


def test_everything_sealed_collects_cleanly(box: Sandbox, tmp_path: Path) -> None:
    box.add_log("a.jsonl", "SEALED\n", candidate="c0001")
    box.add_log("b.jsonl", "SEALED\n", candidate="c0002")
    dest = tmp_path / "for-assessors"
    result = collect(box, dest)
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(dest) == [
        ["candidate", "log", "verdict", "exit"],
        ["c0001", "a.jsonl", "OK", "0"],
        ["c0002", "b.jsonl", "OK", "0"],
    ]
    assert (dest / "logs" / "c0001" / "a.jsonl").read_text() == "SEALED\n"
    assert (dest / "exam-centre.pub").read_bytes() == box.pubkey.read_bytes()
    assert (dest / "scenario" / "en-test" / "scenario.toml").is_file()
    assert (dest / "exam.conf").is_file() and (dest / "README.txt").is_file()
    check = subprocess.run(
        ["sha256sum", "-c", "--strict", "MANIFEST.sha256"], cwd=dest, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {
        line.split("  ", 1)[1] for line in (dest / "MANIFEST.sha256").read_text().splitlines()
    }
    on_disk = {str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()}
    assert listed == on_disk - {"MANIFEST.sha256"}


def test_the_copies_are_verified_with_the_copied_key_and_scenario(
    box: Sandbox, tmp_path: Path
) -> None:
    box.add_log("a.jsonl", "SEALED\n", candidate="c0001")
    dest = tmp_path / "out"
    collect(box, dest)
    verify = [c["argv"] for c in box.calls() if c["argv"][:1] == ["verify"]]
    assert verify == [
        [
            "verify",
            str(dest / "logs" / "c0001" / "a.jsonl"),
            "--pubkey",
            str(dest / "exam-centre.pub"),
            "--scenario",
            str(dest / "scenario" / "en-test"),
        ]
    ]
    assert (dest / "verify" / "c0001" / "a.jsonl.txt").is_file()


def test_problems_are_collected_and_named(box: Sandbox, tmp_path: Path) -> None:
    box.add_log("ok.jsonl", "SEALED\n", candidate="c0001")
    box.add_log("open.jsonl", "header\n", candidate="c0002")
    box.add_log("open.jsonl.torn", "half", candidate="c0002")
    box.add_log("bad.jsonl", "TAMPERED\n", candidate="c0003")
    box.candidate_dir("c0004").mkdir()
    dest = tmp_path / "out"
    result = collect(box, dest)
    assert result.returncode == 1
    assert summary(dest)[1:] == [
        ["c0001", "ok.jsonl", "OK", "0"],
        ["c0002", "open.jsonl", "UNSEALED", "3"],
        ["c0003", "bad.jsonl", "FAILED", "1"],
        ["c0004", "-", "NO-LOG", "-"],
    ]
    assert (dest / "logs" / "c0002" / "open.jsonl.torn").read_text() == "half"
    assert "c0002/open.jsonl: UNSEALED" in result.stderr
    assert "c0004: no log" in result.stderr


def test_a_session_still_running_is_flagged(box: Sandbox, tmp_path: Path) -> None:
    box.add_log("open.jsonl", "header\n", candidate="c0001")
    with open(box.candidate_dir("c0001") / ".session.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = collect(box, tmp_path / "out")
    assert result.returncode == 1
    assert "a session is still running" in result.stderr
    assert summary(tmp_path / "out")[1][2] == "UNSEALED (running)"


def test_it_never_writes_into_a_folder_that_has_something_in_it(
    box: Sandbox, tmp_path: Path
) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "earlier.txt").write_text("keep me")
    result = collect(box, dest)
    assert result.returncode == 2
    assert "is not empty" in result.stderr
    assert sorted(p.name for p in dest.iterdir()) == ["earlier.txt"]


def test_scenario_none_verifies_without_it(box: Sandbox, tmp_path: Path) -> None:
    box.add_log("a.jsonl", "SEALED\n", candidate="c0001")
    dest = tmp_path / "out"
    assert collect(box, dest, "--scenario", "none").returncode == 0
    assert not (dest / "scenario").exists()
    assert "--scenario" not in box.calls()[-2]["argv"]  # [-1] is --version


def test_a_missing_public_key_is_an_error(box: Sandbox, tmp_path: Path) -> None:
    result = collect(box, tmp_path / "out", "--pubkey", str(tmp_path / "nope.pub"))
    assert result.returncode == 2
    assert "cannot read the public key" in result.stderr


def test_witness_files_are_collected_and_every_log_verified_against_them(
    box: Sandbox, tmp_path: Path
) -> None:
    box.add_log("a.jsonl", "SEALED\n", candidate="c0001")
    box.add_log("a.jsonl.set-aside", "kept aside\n", candidate="c0001")
    witness = tmp_path / "witness-home"
    witness.mkdir()
    (witness / "witness.jsonl").write_text("cosignatures\n")
    (witness / "witness.jsonl.state").write_text("state\n")
    (witness / "witness.pub").write_text("PUB\n")
    (witness / "witness.key").write_text("PRIVATE\n")  # never collected
    dest = tmp_path / "out"
    result = collect(box, dest, "--witness", str(witness))
    assert result.returncode == 0, result.stdout + result.stderr
    copied = sorted(p.name for p in (dest / "witness").iterdir())
    assert copied == ["witness.jsonl", "witness.jsonl.state", "witness.pub"]
    assert (dest / "logs" / "c0001" / "a.jsonl.set-aside").read_text() == "kept aside\n"
    verify = [c["argv"] for c in box.calls() if c["argv"][:1] == ["verify"]]
    assert verify[0][-4:] == [
        "--witness",
        str(dest / "witness" / "witness.jsonl"),
        "--witness-pubkey",
        str(dest / "witness" / "witness.pub"),
    ]
    assert "witness/witness.jsonl" in (dest / "MANIFEST.sha256").read_text()
    assert "--witness witness/" in (dest / "README.txt").read_text()
