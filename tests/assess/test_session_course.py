"""The report's "Session" part: how the exam went, read from the log's own records.

The log is played through the real `ExamSession` (pauses, resumes, the proctor's
wrong codes and stop, blocked keys and dropped terminal input, as the exam logs
them); the expected lines are the catalogue's sentences (`texts_session`) filled
with the records' own times, so an assessor reads in each language what the log says.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from helpdesk_tui.assess.evidence import gather_evidence
from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.report_html import render_html
from helpdesk_tui.assess.report_json import evidence_to_dict
from helpdesk_tui.assess.report_terminal import terminal_text
from helpdesk_tui.assess.texts_session import T as SESSION
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.session import ExamSession, MemorySink
from helpdesk_tui.scenario.model import Scenario
from helpdesk_tui.scenario.session_setup import session_started_data

from .kit import ScriptedStimuli

LANG = {"en": 0, "nl": 1, "fr": 2}


class Wall:
    """The wall clock, set by hand (UTC)."""

    def __init__(self) -> None:
        self.now = "2026-03-02T09:00:00.000Z"

    def __call__(self) -> str:
        return self.now


def interrupted_exam(scenario: Scenario) -> list[tuple[int, Event]]:
    """Two wrong codes, the proctor's pause (3m30s of wall time), blocked keys and a dropped
    sequence, a crash and `resume` (754 s down), then the proctor's end."""
    clock, sink, wall = ManualClock(), MemorySink(), Wall()
    session = ExamSession(clock, sink, ScriptedStimuli(), wall_clock=wall)
    session.start(session_started_data(scenario, "exam", "cand-1", session_id="s-test"))

    def blocked(at: float, key: str) -> None:
        clock.advance(at - clock.now())
        session.submit("lockdown_key_blocked", {"key": key})

    blocked(30, "quit")
    blocked(40, "proctor code: wrong")
    blocked(45, "proctor code: wrong")
    clock.advance(75)  # 0:02:00
    wall.now = "2026-03-02T09:02:00.000Z"
    session.pause("proctor")
    wall.now = "2026-03-02T09:05:30.000Z"
    session.resume(reason="resumed by the proctor")
    for at, key in ((130, "command palette"), (131, "ctrl+z"), (132, "terminal sequence")):
        blocked(at, key)
    for k in range(5):
        blocked(140 + k, "escape")
    clock.advance(300 - clock.now())
    wall.now = "2026-03-02T09:21:00.000Z"
    session.resume(downtime_s=754.2, reason="resumed after interruption; 0 unsigned record(s)")
    clock.advance(100)
    wall.now = "2026-03-02T09:22:40.000Z"
    session.end("proctor-stopped")
    return list(enumerate(sink.events, 1))


@pytest.fixture(scope="module")
def events(scenario: Scenario) -> list[tuple[int, Event]]:
    return interrupted_exam(scenario)


def said(key: str, lang: str, **values: Any) -> str:
    """The catalogue's sentence, filled in (a count as "{n:one|other}" takes its form)."""
    from helpdesk_tui.assess.texts import tr

    assert key in SESSION
    return tr(lang, key, **values)


def seq_of(events: list[tuple[int, Event]], event_type: str, **data: Any) -> list[int]:
    return [
        s
        for s, e in events
        if e.type == event_type and all(e.data.get(k) == v for k, v in data.items())
    ]


PROVENANCE = Provenance("x.jsonl", "0" * 64, "ok", True)


def flat(evidence: Evidence, lang: str) -> str:
    """The terminal report on one line, its spaces as one (a wide console: no wrapping)."""
    return " ".join(terminal_text(evidence, PROVENANCE, lang, width=400).split())


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_report_says_how_the_session_went(
    scenario: Scenario, events: list[tuple[int, Event]], lang: str
) -> None:
    evidence = gather_evidence(events, scenario, language=lang)
    text = flat(evidence, lang)
    i = LANG[lang]
    assert SESSION["section.session"][i] in text
    pause, resume = seq_of(events, "session_paused")[0], seq_of(events, "session_resumed")[0]
    expected = [
        said(
            "session.resumed",
            lang,
            at="0:02:24",  # a resume goes on from the last record's exam time
            wall="2026-03-02 09:21:00 UTC",
            down="12\u00a0min\u00a034\u00a0s" if lang == "fr" else "12m34s",  # bugs15
        ),
        said(
            "session.pause",
            lang,
            who=SESSION["session.by_proctor"][i],
            at="0:02:00",
            start="2026-03-02 09:02:00 UTC",
            end="2026-03-02 09:05:30 UTC",
            length="3\u00a0min\u00a030\u00a0s" if lang == "fr" else "3m30s",
        )
        + f" [{pause}, {resume}]",
        said("session.wrong_codes", lang, n=2, times="0:00:40, 0:00:45"),
        said("session.proctor_stop", lang, at="0:06:40", wall="2026-03-02 09:22:40 UTC"),
        said(
            "session.blocked",
            lang,
            n=8,
            first=f"0:00:30 {SESSION['session.what.quit'][i]}, "
            f"0:02:10 {SESSION['session.what.command palette'][i]}, 0:02:11 ctrl+z, "
            f"0:02:20 escape, 0:02:21 escape, " + SESSION["session.more"][i].format(n=3),
        ),
        said(
            "session.dropped",
            lang,
            n=1,
            first=f"0:02:12 {SESSION['session.what.terminal sequence'][i]}",
        ),
    ]
    for line in expected:
        assert " ".join(line.split()) in text, line
    assert SESSION["session.smooth"][i] not in text
    page = render_html(evidence, PROVENANCE, lang)
    assert f"<h2>{SESSION['section.session'][i]}" in page or SESSION["section.session"][i] in page
    from html import escape

    for line in expected:
        assert escape(line.split(" [")[0]) in page


def test_the_json_report_keeps_the_records(
    scenario: Scenario, events: list[tuple[int, Event]]
) -> None:
    data = json.loads(json.dumps(evidence_to_dict(gather_evidence(events, scenario), PROVENANCE)))
    course = data["course"]
    assert course["smooth"] is False
    assert [r["downtime_s"] for r in course["resumes"]] == [754.2]
    assert course["resumes"][0]["seq"] == seq_of(events, "session_resumed")[1]
    (pause,) = course["pauses"]
    assert pause["reason"] == "proctor" and pause["length_s"] == 210.0
    assert [m["seq"] for m in course["wrong_proctor_codes"]] == seq_of(
        events, "lockdown_key_blocked", key="proctor code: wrong"
    )
    assert course["proctor_stop"]["seq"] == seq_of(events, "session_ended")[0]
    assert course["blocked_keys"]["count"] == 8
    assert [m["what"] for m in course["dropped_input"]["records"]] == ["terminal sequence"]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_smooth_session_says_so(
    scenario: Scenario, ideal_events: list[tuple[int, Event]], lang: str
) -> None:
    evidence = gather_evidence(ideal_events, scenario, language=lang)
    text = flat(evidence, lang)
    assert SESSION["section.session"][LANG[lang]] in text
    assert " ".join(SESSION["session.smooth"][LANG[lang]].split()) in text
    data = evidence_to_dict(evidence, PROVENANCE)
    assert data["course"]["smooth"] is True


def test_a_pause_never_resumed_and_an_interruption(scenario: Scenario) -> None:
    clock, sink, wall = ManualClock(), MemorySink(), Wall()
    session = ExamSession(clock, sink, ScriptedStimuli(), wall_clock=wall)
    session.start(session_started_data(scenario, "exam", "cand-1", session_id="s-test"))
    clock.advance(61)
    session.pause("interrupted: stopped by the proctor")
    wall.now = "2026-03-02T09:30:00.000Z"
    session.resume(downtime_s=1800.0, reason="resumed after interruption")
    clock.advance(60)
    session.pause("interrupted: the terminal hung up")
    evidence = gather_evidence(list(enumerate(sink.events, 1)), scenario, language="nl")
    text = flat(evidence, "nl")
    suspend = SESSION["session.proctor_suspend"][1]
    assert f"Gepauzeerd {suspend} op 0:01:01" in text
    assert "van 2026-03-02 09:00:00 UTC tot 2026-03-02 09:30:00 UTC (30m00s)" in text
    hung = SESSION["session.interrupted"][1].format(why="the terminal hung up")
    assert (
        f"Gepauzeerd {hung} op 0:02:01 (examentijd), vanaf 2026-03-02 09:30:00 UTC, nooit hervat"
        in text
    )


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_codes_typed_during_the_wait_are_said_apart_from_blocked_keys(
    scenario: Scenario, lang: str
) -> None:
    """sec22: a code typed while the wait after a wrong one runs is not checked, but logged
    ("proctor code: during the wait", never the code) and said on its own line."""
    clock, sink = ManualClock(), MemorySink()
    session = ExamSession(clock, sink, ScriptedStimuli(), wall_clock=Wall())
    session.start(session_started_data(scenario, "exam", "cand-1", session_id="s-test"))
    for at, key in ((40, "proctor code: wrong"), (40.5, "proctor code: during the wait")):
        clock.advance(at - clock.now())
        session.submit("lockdown_key_blocked", {"key": key})
    clock.advance(2)
    session.submit("lockdown_key_blocked", {"key": "proctor code: during the wait", "count": 3})
    session.end("handed-in")
    events = list(enumerate(sink.events, 1))
    text = flat(gather_evidence(events, scenario, language=lang), lang)
    assert said("session.early_codes", lang, n=4, times="0:00:40, 0:00:42 ×3") in text
    assert said("session.wrong_codes", lang, n=1, times="0:00:40") in text
    assert "proctor code: during the wait" not in text  # not listed among the blocked keys
