"""The instructor's practice controls: pause, speed, hint, feedback, restart (never in an exam)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import pytest

from helpdesk_tui import i18n
from helpdesk_tui.commands import practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.eventlog import read_log, verify_log
from helpdesk_tui.ui.practice_controls import RESTART, ConfirmRestart, PausedScreen, PracticeApp
from helpdesk_tui.ui.widgets.keybar import KeyBar
from tests.ui.conftest import SIZE

OPTIONS = {"tick_interval": None, "handle_signals": False, "tune_gc": False}


def practice_run(logs: Path) -> Any:
    args = argparse.Namespace(scenario="en-northwind-monday", lang="en", logs=logs, candidate="Kim")
    return practice.prepare(args, clock=ManualClock(), app_options=OPTIONS)


def events(run: Any, event_type: str) -> list[dict[str, Any]]:
    return [e.event.data for e in read_log(run.log_path).entries if e.event.type == event_type]


class Toasts:
    """Records the app's notifications (what the instructor sees pop up)."""

    def __init__(self, app: PracticeApp) -> None:
        self.seen: list[tuple[str, str]] = []
        original = app.notify

        def notify(message: str, *, title: str = "", **kwargs: Any) -> None:
            self.seen.append((title, message))
            original(message, title=title, **kwargs)

        app.notify = notify  # type: ignore[method-assign]


async def test_pause_stops_every_clock_until_f9_again(tmp_path: Path) -> None:
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(40)
        await pilot.press("f9")
        assert isinstance(app.screen, PausedScreen) and run.session.state.paused
        app.advance(500)
        assert run.session.now() == pytest.approx(40)
        await pilot.press("f9")
        assert app.screen is app.main and not run.session.state.paused
        app.advance(10)
        assert run.session.now() == pytest.approx(50)
    assert events(run, "session_paused") == [{"reason": "instructor"}]
    assert events(run, "session_resumed") == [{"reason": "continued by the instructor"}]


async def test_speed_goes_x1_x2_x4_and_back(tmp_path: Path) -> None:
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.advance(10)
        assert run.session.now() == pytest.approx(20)
        await pilot.press("ctrl+t", "ctrl+t")
        app.advance(10)
        assert run.session.now() == pytest.approx(30)
    assert [d["speed"] for d in events(run, "speed_changed")] == [2.0, 4.0, 1.0]


async def test_a_hint_for_the_selected_ticket_is_shown_and_logged(tmp_path: Path) -> None:
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        await pilot.pause()
        ticket = app.main.ticket_id
        await pilot.press("ctrl+g")
    (hint,) = events(run, "hint_requested")
    assert hint["ticket_id"] == ticket and hint["hint"]
    assert (f"Hint for {ticket}", hint["hint"]) in toasts.seen
    assert "impact" in hint["hint"] and "urgency" in hint["hint"]


async def test_the_hint_is_shown_in_the_students_language_and_logged_in_english(
    tmp_path: Path,
) -> None:
    run = practice_run(tmp_path)
    i18n.set_language("nl")
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        await pilot.pause()
        await pilot.press("ctrl+g")
    (hint,) = events(run, "hint_requested")
    ((title, shown),) = toasts.seen
    assert title.startswith("Hint voor ") and "urgentie" in shown and "prioriteit" in shown
    assert "urgency" in hint["hint"] and "urgentie" not in hint["hint"]
    # The levels too: Dutch words on screen, the answer key's words in the log.
    assert re.search(r"impact (hoog|gemiddeld|laag), urgentie (hoog|gemiddeld|laag)", shown)
    assert re.search(r"impact (high|medium|low), urgency (high|medium|low)", hint["hint"])


async def test_closing_a_ticket_gives_feedback_against_the_answer_key(tmp_path: Path) -> None:
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        await pilot.pause()
        ticket = app.main.ticket_id
        app.advance(30)
        controller = app.controller
        controller.submit("ticket_opened", {"ticket_id": ticket})
        controller.submit("ticket_resolved", {"ticket_id": ticket, "solution": "Done."})
        controller.submit("ticket_closed", {"ticket_id": ticket})
        await pilot.pause()
    title, text = next(t for t in toasts.seen if t[0] == f"Ticket {ticket} closed")
    assert text.startswith("SLA: first response met") and "Priority" in text
    assert "Article" in text


async def test_restart_asks_then_seals_this_log_and_leaves_to_start_afresh(
    tmp_path: Path,
) -> None:
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmRestart)
        await pilot.press("n")
        assert app.screen is app.main
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
    assert app.return_value == RESTART
    assert events(run, "form_cancelled") == [{"form": "restart"}]
    practice.finish(run)
    assert verify_log(run.log_path, None).summary.seal_reason == "completed"


async def test_the_footer_starts_with_pause_and_the_controls_follow(tmp_path: Path) -> None:
    run = practice_run(tmp_path)
    app = run.app
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        bar = str(app.main.query_one(KeyBar).render())
        assert bar.startswith(" F9 Pause")
        assert "Ctrl+T Speed" in bar and "Ctrl+G Hint" in bar and "Ctrl+R Restart" in bar
        assert "Proctor" not in bar and "Hand in" not in bar


def test_the_controls_refuse_an_exam_session(tmp_path: Path) -> None:
    run = practice_run(tmp_path)
    run.session.state.mode = "exam"  # as if an exam log were opened in the practice app
    app = run.app
    for action in ("toggle_pause", "cycle_speed", "hint", "restart"):
        assert app.check_action(action, ()) is False
    practice.finish(run)


@pytest.mark.usefixtures("a_terminal")  # practice.run asks for one (tests/conftest.py)
def test_practice_run_starts_a_fresh_session_after_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    results = iter([RESTART, "completed"])
    logs: list[Path] = []

    class App:
        def run(self) -> str:
            return next(results)

    def prepare(args: Any) -> Any:
        logs.append(tmp_path / f"log-{len(logs)}.jsonl")
        return practice.PracticeRun(App(), None, None, logs[-1])

    monkeypatch.setattr(practice, "prepare", prepare)
    monkeypatch.setattr(practice, "finish", lambda run: None)
    assert practice.run(argparse.Namespace()) == 0
    out = capsys.readouterr().out
    assert len(logs) == 2 and all(str(log) in out for log in logs)
    assert "The session ended (completed)" in out
