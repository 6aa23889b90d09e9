"""sec12 (red team): a log that verifies but holds records the exam could not have written.

A practice log carries its own key, so anyone can write one that verifies: the
same events as a simulated sitting with one more that the reducer refuses (an
action on a ticket that does not exist, a second start, a message after the end).
`report` ended in a `core.reducer.Refused` traceback, and `review --unverified`
refused to open what `report --unverified` is there for. Each must refuse in one
paragraph naming the record, or, with --unverified, leave it out and say so."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import DEFAULT_SCENARIO
from helpdesk_tui.cli import main
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.reader import read_log
from helpdesk_tui.eventlog.records import CheckpointPolicy
from helpdesk_tui.eventlog.testing import build_log_bytes
from helpdesk_tui.ui.review.session import ReviewError, open_review


def _forged(source: Path, path: Path, where: str) -> Path:
    """The source's events re-signed with a new practice key, one refused event added."""
    contents = read_log(source)
    events = [e.event for e in contents.entries]
    header = dataclasses.replace(
        contents.header, key_fingerprint="", session_public_key=None, chain_key=""
    )
    if where == "unknown ticket":
        at = events[5]
        extra = Event("ticket_opened", {"ticket_id": "T-9999"}, at.exam_time, at.wall_time)
        events.insert(5, extra)
    else:  # a second session start: its tickets are loaded again
        events.insert(3, events[0])
    path.write_bytes(
        build_log_bytes(header, Signer.ephemeral(), events, CheckpointPolicy(), "completed")
    )
    return path


@pytest.fixture(scope="module", params=["unknown ticket", "second start"])
def forged(request: pytest.FixtureRequest, sim_logs, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("forged")
    return _forged(sim_logs[(DEFAULT_SCENARIO, "naive")], folder / "forged.jsonl", request.param)


def test_it_verifies(forged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The premise: the forgery is intact as far as the chain and signatures go."""
    assert main(["verify", str(forged)]) == 0
    capsys.readouterr()


def test_report_refuses_it_in_a_paragraph(forged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(forged), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert str(forged) in err and "could not have written" in err and "seq " in err
    assert "--unverified" in err and "Traceback" not in err


def test_report_unverified_leaves_it_out_and_says_so(
    forged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    assert main(["report", str(forged), "--quiet", "--unverified", "--json", str(out)]) == 0
    capsys.readouterr()
    log = json.loads(out.read_text())["log"]
    assert log["verified"] is False
    assert "could not have written" in log["problem"]


def test_review_refuses_it_and_opens_it_unverified(forged: Path) -> None:
    with pytest.raises(ReviewError, match="could not have written"):
        open_review(forged, "An Peeters", language="en")
    session = open_review(forged, "An Peeters", unverified=True, language="en")
    assert session is not None


def test_class_report_words_it(forged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["class-report", str(forged), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1 and "could not have written" in " ".join(out.split())
