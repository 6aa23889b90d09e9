"""`resume` never signs what it has not checked (issue 11, item 3).

The laundering attack: kill an exam with -9, delete the records after the last
checkpoint, append a hand-written `session_ended {"reason": "handed-in"}` with
the right `prev`. Before the fix `resume` answered "already ended", sealed it,
and `verify` said OK. Now the unsigned tail is checked before anything is
signed: what the session could not have written is kept aside in
`LOG.set-aside`, unsigned, and named in the `session_resumed` record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.eventlog import PublicKey, Signer, read_log, verify_log
from helpdesk_tui.eventlog.errors import LogError, LogStateError
from helpdesk_tui.eventlog.records import CHECKPOINT, canonical_json, sha256_hex
from helpdesk_tui.runtime.resume import resume_log
from helpdesk_tui.scenario.model import Scenario
from tests.runtime.kit import started_exam, to

LATER = "2030-01-01T10:00:00.000Z"


def manual(start_at: float, speed: float) -> ManualClock:
    return ManualClock(start_at=start_at, speed=speed)


def killed_exam(tmp_path: Path, scenario: Scenario, signer: Signer) -> tuple[Path, list[bytes]]:
    """An exam run for 200 s and killed (no checkpoint, no seal); its complete lines."""
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(scenario, log, signer, checkpoint_every=5)
    to(runtime, 200.0)
    runtime.session.tick()
    runtime.session.submit("note_added", {"ticket_id": _a_ticket(runtime), "text": "checked"})
    runtime.writer._close_fd()  # the process died
    return log, log.read_bytes().split(b"\n")[:-1]


def _a_ticket(runtime: object) -> str:
    return next(iter(runtime.state.tickets))  # type: ignore[attr-defined]


def last_checkpoint(lines: list[bytes]) -> int:
    """Index of the last checkpoint line."""
    return max(i for i, line in enumerate(lines) if json.loads(line)["type"] == CHECKPOINT)


def forged(after: bytes, rtype: str, data: dict, t: float | None = None) -> bytes:
    """A record written by hand after `after`: right seq, right prev (no key needed)."""
    prev = json.loads(after)
    record = {
        "seq": prev["seq"] + 1,
        "t": prev["t"] if t is None else t,
        "wall": prev["wall"],
        "type": rtype,
        "data": data,
        "prev": sha256_hex(after),
    }
    return canonical_json(record)


def write(log: Path, lines: list[bytes]) -> None:
    log.write_bytes(b"\n".join(lines) + b"\n")


def test_a_hand_written_hand_in_after_a_kill_is_kept_aside_not_sealed(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log, lines = killed_exam(tmp_path, northwind, signer)
    keep = lines[: last_checkpoint(lines) + 1]  # the attacker deletes the unsigned tail
    fake = forged(keep[-1], "session_ended", {"reason": "handed-in"})
    write(log, [*keep, fake])
    resumed = resume_log(log, northwind, signer=signer, clock=manual, wall_clock=lambda: LATER)
    assert resumed.outcome == "resumed"  # not "ended": nothing was sealed
    aside = log.with_name("exam.jsonl.set-aside")
    assert aside.read_bytes() == fake + b"\n"
    resumed.runtime.close()
    contents = read_log(log)
    assert all(e.type != "session_ended" for e in contents.events)
    evidence = contents.events[-1]
    assert evidence.type == "session_resumed"
    assert "kept aside in exam.jsonl.set-aside" in evidence.data["reason"]
    assert f"line {len(keep) + 1}" in evidence.data["reason"]
    assert "session_ended (handed-in)" in evidence.data["reason"]
    result = verify_log(log, pubkey)
    assert result.status == "unsealed" and result.fault is None


def test_a_tail_that_does_not_replay_is_kept_aside_from_its_first_bad_record(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log, lines = killed_exam(tmp_path, northwind, signer)
    keep = lines[: last_checkpoint(lines) + 1]
    good = forged(keep[-1], "focus_moved", {"area": "queue", "target": ""})
    refused = forged(good, "ticket_closed", {"ticket_id": "T-NOPE"})
    after = forged(refused, "focus_moved", {"area": "queue", "target": ""})
    write(log, [*keep, good, refused, after])
    resumed = resume_log(log, northwind, signer=signer, clock=manual, wall_clock=lambda: LATER)
    aside = resumed.recovered.set_aside
    assert aside is not None and aside.first_line == len(keep) + 2 and aside.records == 2
    assert "does not replay" in aside.reason and "ticket_closed" in aside.reason
    resumed.runtime.close()
    assert verify_log(log, pubkey).fault is None
    assert good in log.read_bytes() and refused not in log.read_bytes()


def test_exam_time_going_back_in_the_tail_is_kept_aside(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log, lines = killed_exam(tmp_path, northwind, signer)
    keep = lines[: last_checkpoint(lines) + 1]
    back = forged(keep[-1], "focus_moved", {"area": "queue", "target": ""}, t=1.0)
    write(log, [*keep, back])
    resumed = resume_log(log, northwind, signer=signer, clock=manual, wall_clock=lambda: LATER)
    aside = resumed.recovered.set_aside
    assert aside is not None and "exam time" in aside.reason and "before" in aside.reason
    resumed.runtime.close()
    assert verify_log(log, pubkey).fault is None


@pytest.mark.parametrize(
    "junk",
    [b"[" * 100_000, b'{"seq": NaN}', b'{"seq": Infinity}', b'{"seq": ' + b"9" * 5000 + b"}"],
    ids=["nesting", "nan", "infinity", "5000-digits"],
)
def test_a_malformed_tail_line_is_kept_aside_without_a_traceback(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey, junk: bytes
) -> None:
    log, lines = killed_exam(tmp_path, northwind, signer)
    keep = lines[: last_checkpoint(lines) + 1]
    write(log, [*keep, junk])
    resumed = resume_log(log, northwind, signer=signer, clock=manual, wall_clock=lambda: LATER)
    assert resumed.recovered.set_aside is not None
    resumed.runtime.close()
    assert verify_log(log, pubkey).fault is None


def test_a_change_in_the_signed_part_refuses_the_resume_and_signs_nothing(
    tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    log, lines = killed_exam(tmp_path, northwind, signer)
    at = last_checkpoint(lines) - 1  # an event the last checkpoint covers
    record = json.loads(lines[at])
    record["wall"] = "2020-01-01T00:00:00.000Z"
    lines[at] = canonical_json(record)
    write(log, lines)
    before = log.read_bytes()
    with pytest.raises(LogError, match=f"line {at + 1}"):
        resume_log(log, northwind, signer=signer, clock=manual)
    assert log.read_bytes() == before


def test_an_honest_crash_resumes_everything_with_its_evidence(
    tmp_path: Path, northwind: Scenario, signer: Signer, pubkey: PublicKey
) -> None:
    log, lines = killed_exam(tmp_path, northwind, signer)
    unsigned = len(lines) - 1 - last_checkpoint(lines)
    resumed = resume_log(log, northwind, signer=signer, clock=manual, wall_clock=lambda: LATER)
    assert resumed.recovered.set_aside is None
    assert not log.with_name("exam.jsonl.set-aside").exists()
    resumed.runtime.close()
    evidence = read_log(log).events[-1]
    assert (
        f"{unsigned} unsigned record(s) after the last signature replayed"
        in (evidence.data["reason"])
    )
    assert verify_log(log, pubkey).fault is None


def test_a_sealed_log_with_a_line_added_after_the_seal_is_still_refused(
    tmp_path: Path, northwind: Scenario, signer: Signer
) -> None:
    log = tmp_path / "exam.jsonl"
    runtime = started_exam(northwind, log, signer)
    runtime.session.end("handed-in")
    assert runtime.seal()
    runtime.close()
    lines = log.read_bytes().split(b"\n")[:-1]
    write(log, [*lines, forged(lines[-1], "focus_moved", {"area": "queue", "target": ""})])
    before = log.read_bytes()
    with pytest.raises(LogStateError, match="sealed"):
        resume_log(log, northwind, signer=signer, clock=manual)
    assert log.read_bytes() == before
