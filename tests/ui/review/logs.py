"""Logs for the review and observe tests: bundled scenarios played headless, signed, sealed.

The events come from the headless runner (`simulate`) on a fixed virtual wall
clock, and the log is built with the writer's own encoder under a fixed
header bound to the bundled scenario, so the same test always sees the same
log (only the per-session key differs, and no screen shows it).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from helpdesk_tui.assess.testing import bundled_scenario
from helpdesk_tui.core.events import Event
from helpdesk_tui.eventlog.binding import file_sha256, folder_sha256
from helpdesk_tui.eventlog.keys import Signer
from helpdesk_tui.eventlog.records import SessionHeader
from helpdesk_tui.eventlog.testing import bound_to, build_log_bytes, sample_header
from helpdesk_tui.eventlog.writer import EventLogWriter
from helpdesk_tui.scenario.session_setup import sla_profile_file
from helpdesk_tui.simulate.runner import run_headless

SIZE = (120, 40)
WALL_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def simulated_events(policy: str, scenario_id: str = "en-northwind-monday") -> list[Event]:
    """The run's events, a new list each call; the events (frozen, read only) are shared."""
    return list(_played(policy, scenario_id))


@cache
def _played(policy: str, scenario_id: str) -> tuple[Event, ...]:
    """One run per process: seven modules (review, observe, room, the viewers' languages, the
    area titles) asked for Northwind's ideal run, 0.6-0.8 s of CPU each. The run is the same
    on a fixed wall start but for the session id in `session_started` (random; no test reads
    it: two runs compared event by event, 2026-12-05, suite-time13)."""
    scenario = bundled_scenario(scenario_id)
    return tuple(run_headless(scenario, policy, wall_start=WALL_START).events)


def bound_header(scenario_id: str = "en-northwind-monday", mode: str = "practice") -> SessionHeader:
    """A fixed header that binds the bundled scenario, as `simulate` would write it."""
    scenario = bundled_scenario(scenario_id)
    header = sample_header(
        mode=mode,
        candidate_id="C-0042",
        scenario_id=scenario.id,
        scenario_sha256=folder_sha256(scenario.folder),
        created="2026-03-02T09:00:00.000Z",
    )
    return dataclasses.replace(header, sla_profile_sha256=file_sha256(sla_profile_file(scenario)))


def write_log(path: Path, events: list[Event], signer: Signer | None = None, **header: str) -> Path:
    data = build_log_bytes(
        bound_header(**header), signer or Signer.ephemeral(), events, seal="time-up"
    )
    path.write_bytes(data)
    return path


def bound(writer: EventLogWriter, event: Event) -> Event:
    """`event` as the writer's session would have logged it: a simulated run's
    `session_started` names its own candidate and a random session, which `verify` and the
    follower refuse under another header since sec21 (`eventlog.testing.bound_to`)."""
    return next(bound_to(writer.header, [event]))


def screen_text(app: object) -> str:
    """What the terminal shows, as plain text (for asserting on words)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # type: ignore[attr-defined]


def feed_words(screen: object) -> str:
    """`observe`'s record feed as one run of words: its lines wrap to the area, so a
    record may take several lines."""
    lines = screen.query_one("#ob-feed").lines  # type: ignore[attr-defined]
    return " ".join(" ".join(line.text.split()) for line in lines)


def feed_records(screen: object) -> int:
    """How many records the feed shows: each starts a line with its time and number."""
    lines = screen.query_one("#ob-feed").lines  # type: ignore[attr-defined]
    return sum(1 for line in lines if re.match(r"\d\d:\d\d:\d\d #\d", line.text))
