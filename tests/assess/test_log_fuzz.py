"""Fuzz: `report` and `review --unverified` of a damaged log answer, never raise.

The practice log is a simulated naive sitting of the bundled default scenario
(its own per-session key, as `practice` writes). The mutations are the
verifier's fuzzer's (tests/eventlog/mutate.py). `report` runs as the command
line runs it (`cli.main`: a refusal is a message and an exit code, anything
else escapes as a traceback and fails the test); the review is opened as
`helpdesk-exam review` opens it (`open_review`: ReviewError or a session).
Few examples, each a whole report: the verifier's fuzzer does the volume.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from eventlog.mutate import mutated
from hypothesis import given
from hypothesis import strategies as st

from helpdesk_tui.assess import pipeline
from helpdesk_tui.assess.testing import DEFAULT_SCENARIO
from helpdesk_tui.cli import main
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.ui.review.session import ReviewError, open_review
from tests.fuzzing import Practice, fuzz_settings

FUZZ = fuzz_settings(12)
BOUND_S = 20.0
"""Per report or review of a naive sitting (about 0.3 s quiet): a hang, not a slow run."""


@pytest.fixture(scope="module")
def practice(sim_logs) -> Practice:  # type: ignore[no-untyped-def]
    return Practice(sim_logs[(DEFAULT_SCENARIO, "naive")].read_bytes())


@FUZZ
@given(data=st.data())
def test_report_and_review_of_a_mutated_log_never_raise(
    practice: Practice,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    log = tmp_path / "mutated.jsonl"
    log.write_bytes(mutated(data, bytes(practice), Signer.ephemeral()))
    for verdicts in tmp_path.glob("*.verdicts.*"):
        verdicts.unlink()
    started = time.perf_counter()
    code = main(["report", str(log), "--unverified", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert (out if code == 0 else err).strip()
    try:
        open_review(log, "An Peeters", unverified=True, language="en")
    except ReviewError as exc:
        assert str(exc).strip()
    assert time.perf_counter() - started < BOUND_S


def test_report_refuses_a_log_over_its_cap_with_a_paragraph(
    practice: Practice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A report holds the whole log in memory; verify streams. A log over the report's
    # cap is refused before it is read, naming the log and the way to check it.
    monkeypatch.setattr(pipeline, "REPORT_MAX_BYTES", len(practice) - 1)
    log = tmp_path / "big.jsonl"
    log.write_bytes(bytes(practice))
    assert main(["report", str(log), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"{log} is larger than" in err and "too large to report" in err
    assert "helpdesk-exam verify" in err and "Traceback" not in err
    assert main(["verify", str(log)]) == 0
