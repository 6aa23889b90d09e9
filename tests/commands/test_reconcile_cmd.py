"""`helpdesk-exam reconcile`: agreement, kappa, the items to discuss, the decision."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import simulated_log, verdict_file
from helpdesk_tui.cli import main
from helpdesk_tui.eventlog.keys import Signer

# One xdist group: its module-scoped log (Northwind ideal) is played on one worker, not on
# each of the three that ran a share of its tests (benchmarks/README.md,
# "The suite's time (branch suite-time14)").
pytestmark = pytest.mark.xdist_group("commands-reconcile")


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simulated_log(tmp_path_factory.mktemp("logs") / "ideal.jsonl", "ideal")


def test_both_all_proven_is_a_pass(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verdict_file(tmp_path / "a.json", log, "Ann")
    verdict_file(tmp_path / "b.json", log, "Bo")
    out_file = tmp_path / "decision.json"
    code = main(
        ["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--out", str(out_file)]
    )
    out = capsys.readouterr().out
    assert code == 0 and "outcome: PASS" in out
    # p_e = 1: kappa is undefined, and said so rather than printed as a number.
    assert "kappa: undefined" in out
    decision = json.loads(out_file.read_text())
    assert decision["outcome"] == "pass" and decision["agreement"]["kappa"] is None


def test_a_disagreement_is_shown_with_kappa(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 20 x (proven, proven), COM-4 (not_observed, proven), SOL-8 (proven, not_proven):
    # p_o = 20/22, p_e = 21*21/484 = 441/484, kappa = (440 - 441) / (484 - 441) = -1/43 = -0.023
    verdict_file(tmp_path / "a.json", log, "Ann", {"COM-4": "not_observed"})
    verdict_file(tmp_path / "b.json", log, "Bo", {"SOL-8": "not_proven"})
    code = main(
        ["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--log", str(log)]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "agreement: 20 of 22" in out and "Cohen's kappa: -0.023" in out
    assert "to discuss: COM-4, SOL-8" in out and out.count("DISCUSS") == 2
    assert "outcome: NOT PASSED" in out


def test_verdicts_on_another_log_are_refused(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = simulated_log(tmp_path / "idle.jsonl", "idle")
    verdict_file(tmp_path / "a.json", log, "Ann")
    verdict_file(tmp_path / "b.json", other, "Bo")
    assert main(["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 2
    assert "judge different logs" in capsys.readouterr().err
    assert (
        main(["reconcile", str(tmp_path / "a.json"), str(tmp_path / "a.json"), "--log", str(other)])
        == 2
    )


def test_a_required_signature(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = Signer.ephemeral()
    (tmp_path / "ann.pub").write_text(ann.public_key.pem())
    verdict_file(tmp_path / "a.json", log, "Ann", signer=ann)
    verdict_file(tmp_path / "b.json", log, "Bo")
    a, b = str(tmp_path / "a.json"), str(tmp_path / "b.json")
    assert main(["reconcile", a, b, "--pubkey-a", str(tmp_path / "ann.pub")]) == 0
    assert f"signed by {ann.fingerprint}" in capsys.readouterr().out
    assert main(["reconcile", a, b, "--pubkey-b", str(tmp_path / "ann.pub")]) == 2
    assert "is not signed" in capsys.readouterr().err


def test_an_unfinished_sheet_is_refused(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verdict_file(tmp_path / "a.json", log, "Ann")
    assert (
        main(
            [
                "report",
                str(log),
                "--quiet",
                "--new-verdicts",
                str(tmp_path / "b.json"),
                "--assessor",
                "Bo",
            ]
        )
        == 0
    )
    assert main(["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 2
    assert "has not decided SIM-1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"n": ' + "9" * 100_000 + "}", "thousands of digits"),
        (None, "not a regular file"),
    ],
    ids=["deep", "digits", "pipe"],
)
def test_a_hostile_verdict_file_is_a_paragraph_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, said: str
) -> None:
    # qa-sitting8: RecursionError and ValueError tracebacks; a pipe made reconcile wait.
    path = tmp_path / "a.json"
    if content is None:
        os.mkfifo(path)
    else:
        path.write_text(content)
    codes: list[int] = []
    thread = threading.Thread(
        target=lambda: codes.append(main(["reconcile", str(path), str(path)]))
    )
    thread.start()
    thread.join(10)
    if thread.is_alive():  # waiting on the pipe: let it go, then fail
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
    assert codes == [2]
    err = capsys.readouterr().err
    assert said in err and str(path) in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("lang", "not_proven", "not_observed"),
    [
        ("en", "not proven according to both: DATA-3",
         "not observed by either assessor: COM-6, SOL-8"),
        ("nl", "volgens beide niet bewezen: DATA-3",
         "door geen van beide beoordelaars waargenomen: COM-6, SOL-8"),
        ("fr", "non prouvé selon les deux\u00a0: DATA-3",
         "observé par aucun des deux évaluateurs\u00a0: COM-6, SOL-8"),
    ],
)  # fmt: skip
def test_both_not_observed_is_said_as_not_observed(
    log: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    not_proven: str,
    not_observed: str,
) -> None:
    """bugs10 (qa-play9): the outcome said "not proven according to both: DATA-3, COM-6,
    SOL-8" where both assessors had chosen not observed for COM-6 and SOL-8."""
    marks = {"DATA-3": "not_proven", "COM-6": "not_observed", "SOL-8": "not_observed"}
    verdict_file(tmp_path / "a.json", log, "Ann", marks)
    verdict_file(tmp_path / "b.json", log, "Bo", marks)
    argv = ["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--lang", lang]
    assert main(argv) == 1

    def flat(text: str) -> str:  # the outcome line may wrap; split() takes no-break spaces too
        return " ".join(text.split())

    semicolon = "\u00a0; " if lang == "fr" else "; "  # French: a no-break space before ;
    assert flat(f"{not_proven}{semicolon}{not_observed}") in flat(capsys.readouterr().out)


def test_the_whole_comparison_speaks_the_language_asked_or_the_locales(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """bugs9/bugs11: only the outcome line was in Dutch or French; the agreement, the marks,
    the verdicts, the items to discuss and who signed stayed English."""
    verdict_file(tmp_path / "a.json", log, "Ann", {"COM-4": "not_observed"})
    verdict_file(tmp_path / "b.json", log, "Bo", {"SOL-8": "not_proven"})
    argv = ["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json")]
    assert main([*argv, "--lang", "nl"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "overeenstemming: 20 van 22" in out and "kappa van Cohen: -0.023" in out
    assert "te bespreken: COM-4, SOL-8" in out and out.count("BESPREKEN") == 2
    assert (
        "COM-4: A niet waargenomen (Ann on COM-4); B bewezen" in out and "niet ondertekend" in out
    )
    for english in ("agreement", "DISCUSS", "to discuss", "not signed", "not_proven", "proven "):
        assert english not in out, english
    monkeypatch.setenv("LC_ALL", "fr_BE.UTF-8")  # no --lang: the locale's language
    assert main(argv) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "accord : 20 sur 22" in out and "À DISCUTER" in out and "non prouvé" in out


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_log_that_is_no_file_is_refused_at_once(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    # sec12: `reconcile --log FIFO` waited for a writer for ever, and `--log /dev/zero`
    # read until the memory ran out (its hash was taken over the whole file at once).
    verdict_file(tmp_path / "a.json", log, "Ann")
    verdict_file(tmp_path / "b.json", log, "Bo")
    named = {"fifo": tmp_path / "log.jsonl", "device": Path("/dev/zero"), "folder": tmp_path}[kind]
    if kind == "fifo":
        os.mkfifo(named)
    codes: list[int] = []
    argv = ["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--log", str(named)]
    thread = threading.Thread(target=lambda: codes.append(main(argv)), daemon=True)
    thread.start()
    thread.join(10)
    waited = thread.is_alive()
    if waited and kind == "fifo":  # waiting on the pipe: let it go, then fail
        os.close(os.open(named, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
    assert not waited and codes == [2]
    err = capsys.readouterr().err
    assert str(named) in err and "Traceback" not in err


def test_the_log_is_hashed_without_holding_it(
    log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log's hash is taken in pieces: a log near the 512 MiB bound is not held whole."""
    verdict_file(tmp_path / "a.json", log, "Ann")
    verdict_file(tmp_path / "b.json", log, "Bo")
    reads: list[int] = []
    real_read_bytes = Path.read_bytes

    def counting(path: Path) -> bytes:
        data = real_read_bytes(path)
        reads.append(len(data))
        return data

    monkeypatch.setattr(Path, "read_bytes", counting)
    argv = ["reconcile", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--log", str(log)]
    assert main(argv) == 0
    assert not [n for n in reads if n >= log.stat().st_size]
