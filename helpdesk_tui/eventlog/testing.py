"""Build signed logs in memory, for tests and benchmarks (no fsync, same bytes).

Uses the writer's own `ChainEncoder`, so a log built here is byte for byte the
log `EventLogWriter` writes for the same header and events; only the waiting
for the disk is skipped. Other packages' tests (assess, review) can use it to
make realistic logs quickly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from helpdesk_tui.core.events import Event, make_event
from helpdesk_tui.eventlog.agreement import BOUND_FIELDS
from helpdesk_tui.eventlog.chain import ChainEncoder, KeySource
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import CheckpointPolicy, SessionHeader, b64encode
from helpdesk_tui.eventlog.recovery import save_chain_keys

WALL_START = "2025-03-03T09:00:00.000Z"


def sample_header(
    session_id: str = "0" * 31 + "1",
    candidate_id: str = "C-0001",
    mode: str = "exam",
    scenario_id: str = "en-demo",
    scenario_sha256: str = "5c" * 32,
    sla_profile_sha256: str = "a1" * 32,
    created: str = WALL_START,
) -> SessionHeader:
    """A header with fixed values, so logs built from it are reproducible."""
    return SessionHeader(
        session_id=session_id,
        candidate_id=candidate_id,
        mode=mode,
        scenario_id=scenario_id,
        scenario_sha256=scenario_sha256,
        sla_profile_sha256=sla_profile_sha256,
        created=created,
    )


def _wall(seconds: float) -> str:
    whole = int(seconds)
    millis = int(round((seconds - whole) * 1000)) % 1000
    return f"2025-03-03T{9 + whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}.{millis:03d}Z"


def sample_events(count: int, seed: int = 0, start: float = 1.0, step: float = 2.5) -> list[Event]:
    """`count` varied, valid events a few seconds apart (seeded: same seed, same events)."""
    return list(itertools.islice(iter_sample_events(seed, start, step), count))


def iter_sample_events(seed: int = 0, start: float = 1.0, step: float = 2.5) -> Iterator[Event]:
    """The endless stream `sample_events` takes its events from."""
    rng = random.Random(seed)
    for index in itertools.count():
        t = round(start + index * step, 3)
        kind, data = _sample_data(rng, index)
        yield make_event(kind, data, t, _wall(t))


def _sample_data(rng: random.Random, index: int) -> tuple[str, dict[str, object]]:
    ticket, conv = f"T-{100 + index % 7}", f"chat-{index % 3}"
    choices: list[tuple[str, dict[str, object]]] = [
        (
            "message_sent",
            {
                "conversation_id": conv,
                "text": f"Could you restart the printer? ({index}) Merci, ça marche.",
            },
        ),
        (
            "customer_message",
            {"conversation_id": conv, "text": f"It still shows error E{rng.randint(10, 99)}."},
        ),
        (
            "note_added",
            {"ticket_id": ticket, "text": f"Checked the VPN client log, entry {index}."},
        ),
        ("kb_searched", {"query": "vpn reconnect", "results": ["KB-12", "KB-40"]}),
        ("ticket_opened", {"ticket_id": ticket}),
        ("focus_moved", {"area": "queue", "target": ticket}),
    ]
    return choices[rng.randrange(len(choices))]


def build_log_bytes(
    header: SessionHeader,
    signer: Signer,
    events: Iterable[Event],
    policy: CheckpointPolicy | None = None,
    seal: str | None = "completed",
    bind: bool = True,
) -> bytes:
    """The complete log for these events; sealed with `seal` as reason unless None.

    With `bind` (the default) the events' `session_started` says what the header says
    (`bound_to`), as the exam writes it: a simulated run names its own candidate and a
    random session, which `verify` refuses under another header since sec21. A test of
    that refusal passes `bind=False`."""
    policy = policy or CheckpointPolicy()
    header = dataclasses.replace(header, created=header.created or WALL_START)
    keys = seeded_keys(chain_seed(header, signer))
    encoder, first = ChainEncoder.start(header, signer, policy, keys)
    parts = [first]
    last: Event | None = None
    for event in bound_to(header, events) if bind else events:
        batch = encoder.event(event)
        parts.append(batch.data)
        encoder.commit(batch)
        last = event
    if seal is not None:
        t, wall = (last.exam_time, last.wall_time) if last else (0.0, header.created)
        batch = encoder.seal(seal, t, wall)
        parts.append(batch.data)
    return b"".join(parts)


def bound_to(header: SessionHeader, events: Iterable[Event]) -> Iterator[Event]:
    """The events with their `session_started` saying the header's candidate, session,
    scenario and mode (`eventlog.agreement.BOUND_FIELDS`), every other event as it is."""
    for event in events:
        if event.type != "session_started":
            yield event
            continue
        data = dict(event.data)
        for name in BOUND_FIELDS:
            data[name] = getattr(header, name)
        yield dataclasses.replace(event, data=data)


def chain_seed(header: SessionHeader, signer: Signer) -> bytes:
    """The seed `build_log_bytes` derives a log's chain keys from."""
    return signer.public_key.raw + header.session_id.encode()


def chain_signers(header: SessionHeader, signer: Signer, count: int = 200) -> dict[str, Signer]:
    """The first `count` chain keys of a built log by fingerprint: a "leaked" key for forgery tests."""
    keys = seeded_keys(chain_seed(header, signer))
    found = [keys() for _ in range(count)]
    return {k.fingerprint: k for k in found}


def save_resume_key(path: Path, header: SessionHeader, signer: Signer) -> None:
    """Put the resume file beside a built, unsealed log at `path` (as the writer would have)."""
    expected = None
    for line in Path(path).read_bytes().split(b"\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("type") == "log.header":
            expected = record["data"]["chain_key"]
        elif record.get("type") == "log.checkpoint":
            expected = record["data"]["next_key"]
    by_public = {b64encode(k.public_key.raw): k for k in chain_signers(header, signer).values()}
    save_chain_keys(Path(path), [by_public[expected]])


def seeded_keys(seed: bytes) -> KeySource:
    """Chain keys derived from `seed`: the same log bytes on every run (tests only)."""
    counter = itertools.count()
    return lambda: Signer.from_raw(hashlib.sha256(seed + next(counter).to_bytes(8, "big")).digest())


def write_log(
    path: Path,
    header: SessionHeader,
    signer: Signer,
    events: Iterable[Event],
    policy: CheckpointPolicy | None = None,
    seal: str | None = "completed",
    bind: bool = True,
) -> Path:
    """`build_log_bytes` written to `path` (not fsynced: for tests only)."""
    path = Path(path)
    path.write_bytes(build_log_bytes(header, signer, events, policy, seal, bind))
    return path


def other_session(header: SessionHeader, session_id: str) -> SessionHeader:
    """The same header for another session: for splicing tests."""
    return dataclasses.replace(header, session_id=session_id)
