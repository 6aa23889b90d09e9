"""`helpdesk-exam review`: every way it can be refused is one paragraph, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui.assess.testing import simulated_log
from helpdesk_tui.assess.verdicts import save_verdicts, verdicts_for_log
from helpdesk_tui.cli import build_parser, main
from helpdesk_tui.eventlog import generate_keypair, load_private_key
from helpdesk_tui.ui.review.app import ReviewApp

pytestmark = pytest.mark.usefixtures("a_terminal")  # see tests/conftest.py


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review-cmd")
    keys = folder / "keys"
    generate_keypair(keys)
    return {
        "practice": simulated_log(folder / "practice.jsonl", "idle"),
        "exam": simulated_log(
            folder / "exam.jsonl", "idle", signer=load_private_key(keys / "exam-centre.key")
        ),
        "key": keys / "exam-centre.key",
        "pubkey": keys / "exam-centre.pub",
    }


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ReviewApp]:
    """Record the apps `review` would run, without running them."""
    apps: list[ReviewApp] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def error_of(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def copy_of(log: Path, tmp_path: Path) -> Path:
    copy = tmp_path / log.name
    copy.write_bytes(log.read_bytes())
    return copy


def test_it_is_registered_with_a_one_line_help() -> None:
    parser = build_parser()
    text = parser.format_help()
    assert "review" in text and "observe" in text
    args = parser.parse_args(["review", "x.jsonl", "--assessor", "An"])
    assert args.handler.__module__ == "helpdesk_tui.commands.review"


def test_a_log_opens_the_review(
    logs: dict[str, Path],
    tmp_path: Path,
    opened: list[ReviewApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = copy_of(logs["practice"], tmp_path)
    assert main(["review", str(log), "--assessor", "An Peeters", "--key", str(logs["key"])]) == 0
    (app,) = opened
    session = app.session
    assert session.verified and session.signer is not None
    assert session.out == tmp_path / "practice.jsonl.verdicts.An-Peeters.json"
    assert len(session.replay) > 0 and session.assessed.header.scenario_id == "en-northwind-monday"


def test_an_exam_log_needs_the_centre_key(
    logs: dict[str, Path],
    tmp_path: Path,
    opened: list[ReviewApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = copy_of(logs["exam"], tmp_path)
    assert main(["review", str(log), "--assessor", "An"]) == 2
    assert "--pubkey" in error_of(capsys) and not opened
    assert main(["review", str(log), "--assessor", "An", "--pubkey", str(logs["pubkey"])]) == 0
    assert len(opened) == 1


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (None, 2, "does not exist"),
        (b"garbage\n", 1, "line 1"),
        (b"", 1, "header"),
    ],
)
def test_missing_and_garbage_logs(
    tmp_path: Path,
    opened: list[ReviewApp],
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    code: int,
    words: str,
) -> None:
    log = tmp_path / "log.jsonl"
    if content is not None:
        log.write_bytes(content)
    assert main(["review", str(log), "--assessor", "An"]) == code
    err = error_of(capsys)
    assert str(log) in err and words in err and not opened


def test_a_tampered_log_is_refused_unless_unverified(
    logs: dict[str, Path],
    tmp_path: Path,
    opened: list[ReviewApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = copy_of(logs["practice"], tmp_path)
    lines = log.read_bytes().split(b"\n")
    index = next(i for i, line in enumerate(lines) if b'"customer_message"' in line)
    lines[index] = lines[index].replace(b'"text":"', b'"text":"X', 1)
    log.write_bytes(b"\n".join(lines))
    assert main(["review", str(log), "--assessor", "An"]) == 1
    err = error_of(capsys)
    assert "does not verify" in err and f"line {index + 1}" in err and not opened
    assert main(["review", str(log), "--assessor", "An", "--unverified"]) == 0
    assert not opened[0].session.verified


def test_wrong_keys_are_refused(
    logs: dict[str, Path],
    tmp_path: Path,
    opened: list[ReviewApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = copy_of(logs["practice"], tmp_path)
    public = tmp_path / "mine.pub"
    public.write_bytes(logs["pubkey"].read_bytes())
    os.chmod(public, 0o600)
    assert main(["review", str(log), "--assessor", "An", "--key", str(public)]) == 2
    assert "is a public key" in error_of(capsys)
    loose = tmp_path / "loose.key"
    loose.write_bytes(logs["key"].read_bytes())
    os.chmod(loose, 0o644)
    assert main(["review", str(log), "--assessor", "An", "--key", str(loose)]) == 2
    assert "chmod 600" in error_of(capsys)
    assert main(["review", str(log), "--assessor", "An", "--key", str(tmp_path / "none.key")]) == 2
    assert "none.key" in error_of(capsys)
    other = tmp_path / "other"
    generate_keypair(other)
    exam = copy_of(logs["exam"], tmp_path)
    assert (
        main(["review", str(exam), "--assessor", "An", "--pubkey", str(other / "exam-centre.pub")])
        == 1
    )
    assert "does not verify" in error_of(capsys) and not opened


def test_another_assessors_file_is_refused(
    logs: dict[str, Path],
    tmp_path: Path,
    opened: list[ReviewApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = copy_of(logs["practice"], tmp_path)
    theirs = tmp_path / "bo.json"
    save_verdicts(theirs, verdicts_for_log(log, "Bo Claes"))
    assert main(["review", str(log), "--assessor", "An", "--out", str(theirs)]) == 2
    assert "Bo Claes" in error_of(capsys) and not opened
    assert main(["review", str(log), "--assessor", "An", "--out", str(tmp_path)]) == 2
    assert "folder" in error_of(capsys)


def test_an_empty_assessor_name_is_refused(
    logs: dict[str, Path], tmp_path: Path, opened: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(logs["practice"]), "--assessor", "  "]) == 2
    assert "--assessor" in error_of(capsys)


def test_an_english_review_of_a_dutch_log_is_english_throughout(
    tmp_path: Path, opened: list[ReviewApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """qa-sitting10: "Evidence: - pleit tegen 0 for, 2 against, 0 to judge": the overview's
    mark and the items were the scenario's language, the rest the screen's. Now every
    string is the review's language (the scenario's own text excepted)."""
    from helpdesk_tui.assess.testing import bundled_scenario
    from helpdesk_tui.assess.texts import T
    from helpdesk_tui.scenario.competencies import COMPETENCY_IDS
    from helpdesk_tui.ui.review.assessment import verdict_text

    monkeypatch.setenv("LANGUAGE", "en")  # the screen's language: the locale's, no --lang
    log = simulated_log(
        tmp_path / "nl.jsonl", "naive", scenario=bundled_scenario("nl-verhaeghe-dinsdag")
    )
    assert main(["review", str(log), "--assessor", "An Peeters"]) == 0
    (app,) = opened
    session = app.session
    evidence = session.assessed.evidence
    assert session.language == "en" and evidence.language == "en"
    dutch_marks = {T[k][1] for k in T if k.startswith("status.")}
    english_marks = {T[k][0] for k in T if k.startswith("status.")}
    for cid in COMPETENCY_IDS:
        shown = verdict_text(evidence, app.review.verdicts, cid, session.language, "en").plain
        assert not any(mark in shown for mark in dutch_marks), shown
        assert any(mark in shown for mark in english_marks), shown
    details = {item.detail for items in evidence.items.values() for item in items}
    english = {T[k][0] for k in T if k.startswith("detail.")}
    dutch = {T[k][1] for k in T if k.startswith("detail.")}
    assert details & english and not details & dutch


@pytest.mark.parametrize(
    ("lang", "said", "english"),
    [("nl", "Oordelen bewaard in", "Verdicts"), ("fr", "Verdicts enregistrés dans", "saved in")],
)
def test_the_saved_verdicts_line_is_in_the_reviews_language(
    logs: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    said: str,
    english: str,
) -> None:
    """walk27: a Dutch review ended with "Verdicts: LOG.verdicts.An-Peeters.json", the one
    English line of the whole review. The line that names the saved file is the review's."""
    log = copy_of(logs["practice"], tmp_path)
    out = tmp_path / "an.json"
    save_verdicts(out, verdicts_for_log(log, "An Peeters"))  # saved: the app leaves clean
    monkeypatch.setattr(ReviewApp, "run", lambda self, *a, **k: None)
    args = ["review", str(log), "--assessor", "An Peeters", "--out", str(out), "--lang", lang]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert said in printed and str(out) in printed, printed
    assert english not in printed.replace(str(out), ""), printed
