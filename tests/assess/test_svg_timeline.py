"""The timeline's update-SLA deadlines (issue 14, finding 14): where each update was
due and whether it came in time, by the exam's own SLA rule (`core.sla.update_windows`).

The expected deadlines are worked out by hand from the test scenario's SLA profile
(`fixtures/sla_profiles/standard.toml`): P1 owes an update every 5 minutes of running
clock; a pending stretch pushes the deadline out by its length.
"""

from __future__ import annotations

import re

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.svg_timeline import RED, UPD_COLOUR, legend_svg, timeline_svgs
from helpdesk_tui.scenario.model import Scenario

from .kit import play, stimuli

T1 = "T-0001"
UPDATE_S = 5 * 60  # [priorities.P1] update_minutes = 5
REPLY = "Hello Anna, we are still working on your account."


def _steps() -> list:
    return stimuli() + [
        (5, "ticket_opened", {"ticket_id": T1}),
        # impact high x urgency high = P1 ([matrix.high] high = "P1")
        (10, "ticket_updated", {"ticket_id": T1, "changes": {"impact": "high", "urgency": "high"}}),
        (30, "ticket_reply_added", {"ticket_id": T1, "text": REPLY}),
        (200, "ticket_reply_added", {"ticket_id": T1, "text": REPLY + " Nearly there."}),
        (300, "ticket_pending", {"ticket_id": T1, "waiting_on": "customer"}),
        (400, "ticket_opened", {"ticket_id": T1}),
        (650, "ticket_reply_added", {"ticket_id": T1, "text": REPLY + " One more step."}),
        (900, "ticket_resolved", {"ticket_id": T1, "solution": "Unlocked the account."}),
    ]


# By hand: a window runs from each public response; the resolution ends the last one.
#   30 -> due 30 + 300 = 330; the next reply at 200 is in time: met.
#  200 -> due 200 + 300 = 500, plus the pause 300..400 (100 s) = 600; next reply 650: breached.
#  650 -> due 650 + 300 = 950; resolved at 900: met. None after the resolution.
EXPECTED = [(30.0, 330.0, "met"), (200.0, 600.0, "breached"), (650.0, 950.0, "met")]


@pytest.fixture(scope="module")
def row(scenario: Scenario):
    evidence = gather_evidence(play(scenario, _steps(), end_at=1000), scenario)
    return next(r for r in evidence.sla if r.ticket_id == T1)


def test_the_update_windows_are_the_ones_worked_out_by_hand(row) -> None:
    assert row.priority == "P1"
    assert list(row.updates) == EXPECTED
    assert row.update_state == "breached"  # the exam's own verdict agrees with the windows


def test_the_timeline_marks_each_update_deadline_and_its_outcome(row) -> None:
    (svg,) = timeline_svgs([row], duration_s=1800.0, ended_at=1000.0, lang="en")
    ticks = re.findall(
        r'<line class="update-deadline" x1="([\d.]+)"[^>]*stroke="(#[0-9a-f]+)"[^>]*>'
        r"<title>([^<]*)</title>",
        svg,
    )
    assert [(colour, title) for _x, colour, title in ticks] == [
        (UPD_COLOUR, "update due 0:05:30: met"),
        (RED, "update due 0:10:00: breached"),
        (UPD_COLOUR, "update due 0:15:50: met"),
    ]
    # On the scale: the chart starts at -120 s (T-0001 was queued then) and ends at 1800 s.
    xs = [float(x) for x, _colour, _title in ticks]
    span = 720.0 - 100.0 - 12.0  # WIDTH - LABEL_W - PAD_R
    assert xs == pytest.approx(
        [100.0 + (t + 120.0) / 1920.0 * span for _s, t, _ in EXPECTED], abs=0.06
    )


def test_a_window_still_open_at_the_end_is_running_not_missed(scenario: Scenario) -> None:
    steps = _steps()[:-2]  # no reply at 650 and no resolution: the window from 200 runs on
    evidence = gather_evidence(play(scenario, steps, end_at=550), scenario)
    row = next(r for r in evidence.sla if r.ticket_id == T1)
    # At 550 the window from 200 is due at 600 (the pause added 100 s): still running.
    assert list(row.updates) == [(30.0, 330.0, "met"), (200.0, 600.0, "ok")]
    (svg,) = timeline_svgs([row], duration_s=1800.0, ended_at=550.0, lang="nl")
    assert "update nodig om 0:10:00: loopt" in svg


def test_every_legend_entry_is_titled_and_the_update_deadline_is_in_it() -> None:
    for lang, label in (
        ("en", "update deadline"),
        ("nl", "termijn update"),
        ("fr", "échéance mise à jour"),
    ):
        legend = legend_svg(lang)
        entries = re.findall(
            r"<g [^>]*><title>([^<]+)</title>.*?<text[^>]*>([^<]+)</text></g>", legend
        )
        assert len(entries) == 9
        assert all(title == text for title, text in entries)
        assert label in [text for _title, text in entries]
