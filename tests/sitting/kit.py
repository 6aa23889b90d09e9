"""A sitting folder with real logs, verdict files and a decision, for the register's tests."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from helpdesk_tui.assess.reconcile import reconcile, write_decision
from helpdesk_tui.assess.testing import simulated_log, verdict_file
from helpdesk_tui.assess.verdicts import load_verdicts
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.testing import build_log_bytes, sample_header


@cache
def sealed_log_bytes(candidate: str) -> bytes:
    """A real sealed log (the bundled scenario, idle candidate), made once per candidate id."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = simulated_log(Path(tmp) / "log.jsonl", "idle", candidate_id=candidate)
        return path.read_bytes()


def unsealed_log(
    path: Path, candidate: str, events: list[Event], *, ended: str | None = None
) -> Path:
    """A log cut off while running (a crash): header and events, no seal."""
    header = sample_header(mode="practice", candidate_id=candidate)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_log_bytes(header, Signer.ephemeral(), events, seal=ended))
    return path


def assessed(folder: Path, log: Path, *, decide: bool = True) -> None:
    """Two assessors' verdict files beside `log`, and (optionally) the reconcile decision."""
    a, b = folder / "verdicts-ann.json", folder / "verdicts-bob.json"
    verdict_file(a, log, "Ann")
    verdict_file(b, log, "Bob")
    if decide:
        rec = reconcile(load_verdicts(a), load_verdicts(b), (str(a), str(b)))
        hashes = (_sha(a), _sha(b))
        write_decision(
            folder / "decision.json", rec, (str(a), str(b)), hashes, "2026-03-02T13:00:00Z"
        )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def first_events() -> tuple[Event, ...]:
    """The first events of a real session, and a resume after a crash."""
    from helpdesk_tui.core.events import make_event
    from helpdesk_tui.eventlog.reader import contents_from_bytes

    contents = contents_from_bytes(Path("x.jsonl"), sealed_log_bytes("c0001"))
    events = contents.events[:30]
    last = events[-1]
    data = {"reason": "resumed after a crash", "downtime_s": 12.0}
    return (*events, make_event("session_resumed", data, last.exam_time, last.wall_time))
