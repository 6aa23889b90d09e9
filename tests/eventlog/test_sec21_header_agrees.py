"""sec21: the events may never contradict the signed header (left by sec20).

A log whose signed header said C-0042 and whose `session_started` said another candidate
verified "OK, C-0042" while `report` named the event's candidate. Two ways to write one,
both tried here: a forged log signed with the right keys (the header's own key signs a
practice log; an exam log's chain keys are beside it while it runs), and a splice that
needs no key at all: a signed header with another session's events after it, unsigned
(an exam log is unsigned after its last checkpoint, so `verify` says UNSEALED, not bad).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from helpdesk_tui.assess.testing import bundled_scenario
from helpdesk_tui.cli import main
from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog.follow import LogFollower
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import CheckpointPolicy, SessionHeader
from helpdesk_tui.eventlog.recovery import recover
from helpdesk_tui.eventlog.testing import sample_header, save_resume_key, write_log
from helpdesk_tui.eventlog.verifier import FaultKind, verify_log
from helpdesk_tui.scenario.session_setup import session_started_data

SCENARIO = "en-northwind-monday"
HEADER = sample_header(
    session_id="a" * 32, candidate_id="C-0042", mode="exam", scenario_id=SCENARIO
)
CENTRE = Signer.from_raw(bytes(range(32)))
UNSIGNED = CheckpointPolicy(records=10_000, seconds=1e9)
"""No checkpoint in a short log: every event after the header is unsigned (a splice)."""


def events(**started: str) -> list[Event]:
    """A short session whose `session_started` says what `HEADER` says, but for `started`."""
    data = session_started_data(bundled_scenario(SCENARIO), "exam", "C-0042", "a" * 32)
    data |= started
    wall = "2025-03-03T09:00:00.000Z"
    first = make_event("session_started", data, 0.0, wall)
    focus = make_event("focus_moved", {"area": "kb"}, 5.0, "2025-03-03T09:00:05.000Z")
    return [first, focus]


def forged(path: Path, header: SessionHeader = HEADER, **started: str) -> Path:
    return write_log(path, header, CENTRE, events(**started), bind=False)


OTHERS = {
    "candidate_id": "c0003-OTHER",
    "session_id": "b" * 32,
    "scenario_id": "nl-verhaeghe",
    "mode": "practice",
}


def test_a_log_whose_events_agree_with_its_header_verifies(tmp_path: Path) -> None:
    result = verify_log(forged(tmp_path / "a.jsonl"), CENTRE.public_key)
    assert result.fault is None and result.summary.candidate_id == "C-0042"


@pytest.mark.parametrize("field", sorted(OTHERS))
def test_a_signed_log_whose_first_event_contradicts_its_header_is_refused(
    tmp_path: Path, field: str
) -> None:
    log = forged(tmp_path / "a.jsonl", **{field: OTHERS[field]})
    fault = verify_log(log, CENTRE.public_key).fault
    assert fault is not None
    assert (fault.line, fault.seq, fault.kind) == (2, 1, FaultKind.FOREIGN)
    # both values, the field's name, and which one is the signed one
    said, signed = repr(OTHERS[field]), repr(getattr(HEADER, field))
    assert f"its {field} is {said}, but the signed header's is {signed}" in fault.message


def test_a_splice_of_another_sessions_unsigned_events_under_a_signed_header_is_refused(
    tmp_path: Path,
) -> None:
    """No key needed: the header's signature stays good, the events are unsigned. Before
    sec21 this was UNSEALED (exit 3, "intact as far as it goes") and named C-0042."""
    other = dataclasses.replace(HEADER, candidate_id="c0003", session_id="b" * 32)
    spliced = write_log(
        tmp_path / "s.jsonl",
        HEADER,
        CENTRE,
        events(candidate_id=other.candidate_id, session_id=other.session_id),
        policy=UNSIGNED,
        seal=None,
        bind=False,
    )
    fault = verify_log(spliced, CENTRE.public_key).fault
    assert fault is not None and (fault.line, fault.kind) == (2, FaultKind.FOREIGN)
    assert "'c0003'" in fault.message and "'C-0042'" in fault.message


def test_an_older_log_without_candidate_or_session_in_its_first_event_still_verifies(
    tmp_path: Path,
) -> None:
    """`candidate_id` and `session_id` came into `session_started` later: a log without
    them has nothing to contradict."""
    first, *rest = events()
    data = {k: v for k, v in first.data.items() if k not in ("candidate_id", "session_id")}
    old = [dataclasses.replace(first, data=data), *rest]
    log = write_log(tmp_path / "old.jsonl", HEADER, CENTRE, old, bind=False)
    assert verify_log(log, CENTRE.public_key).fault is None


def test_the_live_follower_stops_where_verify_does(tmp_path: Path) -> None:
    """`observe` and the room read through the follower: it must not show the events of
    another candidate under this header's name."""
    log = forged(tmp_path / "a.jsonl", candidate_id="c0003-OTHER")
    follower = LogFollower(log, CENTRE.public_key)
    update = follower.poll()
    assert follower.fault is not None and follower.fault.kind is FaultKind.FOREIGN
    assert follower.fault.line == 2 and update.entries == []
    assert "'c0003-OTHER'" in follower.fault.message


@pytest.mark.usefixtures("a_terminal")
@pytest.mark.parametrize("verb", ["verify", "report"])
def test_verify_and_report_refuse_it_naming_the_file_the_line_and_both_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], verb: str
) -> None:
    log = forged(tmp_path / "forged.jsonl", candidate_id="c0003-OTHER")
    pub = tmp_path / "centre.pub"
    pub.write_text(CENTRE.public_key.pem())
    code = main([verb, str(log), "--pubkey", str(pub)])
    out, err = capsys.readouterr()
    said = " ".join((out + err).split())
    assert code == 1
    assert "forged.jsonl" in said and "line 2" in said
    assert "'c0003-OTHER'" in said and "'C-0042'" in said
    assert "OK" not in said.split()


@pytest.mark.usefixtures("a_terminal")
@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "ondertekende header"), ("fr", "l'en-tête signé")],
)
def test_verify_says_it_in_dutch_and_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    log = forged(tmp_path / "forged.jsonl", candidate_id="c0003-OTHER")
    pub = tmp_path / "centre.pub"
    pub.write_text(CENTRE.public_key.pem())
    main(["verify", str(log), "--pubkey", str(pub), "--lang", lang])
    said = " ".join("".join(capsys.readouterr()).split())
    assert words in said and "'c0003-OTHER'" in said


def test_resume_keeps_a_spliced_tail_aside_instead_of_signing_it(tmp_path: Path) -> None:
    """`resume` signs what it continues: before sec21 the splice above verified (UNSEALED)
    and its events would have been signed under C-0042's next checkpoint."""
    other = events(candidate_id="c0003", session_id="b" * 32)
    log = write_log(tmp_path / "s.jsonl", HEADER, CENTRE, other, UNSIGNED, seal=None, bind=False)
    save_resume_key(log, HEADER, CENTRE)
    fd = os.open(log, os.O_RDWR)
    try:
        recovered = recover(log, fd, CENTRE)
    finally:
        os.close(fd)
    assert recovered.set_aside is not None and recovered.set_aside.first_line == 2
    assert "'c0003'" in recovered.set_aside.reason
    assert recovered.events == []
