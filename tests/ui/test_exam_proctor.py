"""The ways out of an exam through the pilot: the proctor code, hand-in, the end of the time.

Each ends with a sealed log that verifies; after the seal the candidate sees a
final screen that no key leaves except the proctor code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from helpdesk_tui.eventlog import load_public_key, verify_log
from helpdesk_tui.ui.screens.handin import HandInScreen
from helpdesk_tui.ui.screens.proctor import (
    ExamEndedScreen,
    ProctorCodeScreen,
    ProctorMenu,
    ProctorPausedScreen,
)
from tests.runtime.kit import PROCTOR_CODE, exam_run, logged, make_keys
from tests.ui.conftest import SIZE, screen_text


class Clock:
    """The code gate's monotonic clock, moved by hand (no sleeping through the wait)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def verified(run, key_file: Path) -> str | None:  # type: ignore[no-untyped-def]
    result = verify_log(run.log_path, load_public_key(key_file.with_name("exam-centre.pub")))
    assert result.status == "ok", result.fault
    return result.summary.seal_reason


async def enter_code(pilot, code: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f12")
    assert isinstance(pilot.app.screen, ProctorCodeScreen)
    pilot.app.screen.query_one(Input).value = code
    await pilot.press("enter")


async def test_a_wrong_code_is_logged_without_the_code_and_slows_the_next_try(
    tmp_path: Path, key_file: Path
) -> None:
    clock = Clock()
    run = exam_run(tmp_path, key_file, monotonic=clock)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, "9999")
        assert isinstance(app.screen, ProctorCodeScreen)
        assert "Wrong code" in screen_text(app)
        app.screen.query_one(Input).value = PROCTOR_CODE
        await pilot.press("enter")  # too soon: not even checked
        assert "Wait" in screen_text(app) and isinstance(app.screen, ProctorCodeScreen)
        clock.now += 1
        app.screen.query_one(Input).value = PROCTOR_CODE
        await pilot.press("enter")
        assert isinstance(app.screen, ProctorMenu)
        await pilot.press("escape")
        assert app.screen is app.main and app.is_running
    # The try during the wait is logged too (sec22: before, it left no trace), never the code
    assert logged(run, "lockdown_key_blocked") == [
        {"key": "proctor code: wrong"},
        {"key": "proctor code: during the wait"},
    ]
    # The code typed is in no event's data (the log's random ids and hashes may hold "9999").
    from helpdesk_tui.eventlog import read_log

    data = [json.dumps(e.event.data) for e in read_log(run.log_path).entries]
    assert data and not any("9999" in d for d in data)


async def test_the_proctor_ends_the_exam_and_the_log_is_sealed(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(90)
        await enter_code(pilot, PROCTOR_CODE)
        assert isinstance(app.screen, ProctorMenu)
        await pilot.press("e")
        await pilot.pause()
    assert app.return_value == "proctor-stopped"
    assert run.writer.sealed and verified(run, key_file) == "proctor-stopped"


async def test_the_menu_keys_work_with_shift_or_caps_lock(tmp_path: Path, key_file: Path) -> None:
    """The menu shows its keys as capitals ("E  End the exam now"): a proctor who types
    the capital must get that choice, not a menu that closes and an exam that goes on
    (found by hand in tmux, 2026-12-03)."""
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(30)
        await enter_code(pilot, PROCTOR_CODE)
        assert isinstance(app.screen, ProctorMenu)
        await pilot.press("E")
        await pilot.pause()
    assert app.return_value == "proctor-stopped"
    assert run.writer.sealed and verified(run, key_file) == "proctor-stopped"


async def test_the_proctor_pauses_and_resumes_the_exam_clock(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(60)
        await enter_code(pilot, PROCTOR_CODE)
        await pilot.press("p")
        assert isinstance(app.screen, ProctorPausedScreen)
        app.advance(300)
        assert run.session.now() == pytest.approx(60)
        await pilot.press("n", "f10", "ctrl+c")  # nothing but the proctor key does anything
        assert isinstance(app.screen, ProctorPausedScreen)
        await enter_code(pilot, PROCTOR_CODE)
        await pilot.press("r")
        assert app.screen is app.main
        app.advance(10)
        assert run.session.now() == pytest.approx(70)
    assert logged(run, "session_paused") == [{"reason": "proctor"}]
    assert logged(run, "session_resumed") == [{"reason": "resumed by the proctor"}]


async def test_the_proctor_can_stop_the_program_leaving_the_exam_resumable(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, PROCTOR_CODE)
        await pilot.press("s")
        await pilot.pause()
    assert app.return_value is None and not run.writer.sealed
    assert logged(run, "session_paused") == [{"reason": "interrupted: stopped by the proctor"}]


async def test_time_up_seals_and_only_the_proctor_leaves_the_final_screen(
    tmp_path: Path, key_file: Path
) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    duration = run.session.state.duration_s
    async with app.run_test(size=SIZE) as pilot:
        app.advance(duration + 5)
        await pilot.pause()
        assert isinstance(app.screen, ExamEndedScreen)
        assert run.writer.sealed
        assert "Your exam has ended; call the proctor." in screen_text(app)
        await pilot.press("escape", "enter", "q", "ctrl+c", "ctrl+q", "ctrl+z", "f10")
        assert isinstance(app.screen, ExamEndedScreen) and app.is_running
        await enter_code(pilot, PROCTOR_CODE)
        assert isinstance(app.screen, ProctorMenu) and app.screen.choices == ["close"]
        await pilot.press("c")
        await pilot.pause()
    assert app.return_value == "time-up"
    assert verified(run, key_file) == "time-up"
    assert run.session.state.now == duration


async def test_hand_in_asks_twice_with_two_keys(tmp_path: Path, key_file: Path) -> None:
    run = exam_run(tmp_path, key_file)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(120)
        await pilot.press("f10")
        assert isinstance(app.screen, HandInScreen)
        await pilot.press("h")  # the second step's key first: nothing
        assert isinstance(app.screen, HandInScreen) and app.screen.stage == 1
        await pilot.press("y", "escape")
        assert app.screen is app.main
        await pilot.press("f10", "y", "y")  # y twice does not hand in
        assert isinstance(app.screen, HandInScreen) and app.screen.stage == 2
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, ExamEndedScreen)
    assert logged(run, "form_cancelled") == [{"form": "hand_in"}]
    assert verified(run, key_file) == "handed-in"


async def test_the_report_and_the_review_say_how_a_proctored_session_went(
    tmp_path: Path, key_file: Path
) -> None:
    """A wrong code, the proctor's pause and resume, a blocked key, a dropped terminal
    sequence and the proctor's end, as the exam logs them: the report's and the review's
    "Session" part name each, with the log's own times (bugs12)."""
    from helpdesk_tui.assess.pipeline import assess_log
    from helpdesk_tui.assess.report_terminal import terminal_text
    from helpdesk_tui.assess.texts_session import T as SESSION
    from helpdesk_tui.ui.review.app import ReviewApp
    from helpdesk_tui.ui.review.session import open_review

    clock = Clock()
    run = exam_run(tmp_path, key_file, monotonic=clock)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        app.advance(60)
        await enter_code(pilot, "9999")
        await pilot.press("escape")
        clock.now += 5
        await enter_code(pilot, PROCTOR_CODE)
        await pilot.press("p")
        await enter_code(pilot, PROCTOR_CODE)
        await pilot.press("r")
        app.advance(30)
        app.input_refused("terminal sequence")
        await enter_code(pilot, PROCTOR_CODE)
        await pilot.press("e")
        await pilot.pause()
    public = key_file.with_name("exam-centre.pub")
    assessed = assess_log(run.log_path, load_public_key(public), language="fr")
    text = " ".join(terminal_text(assessed.evidence, assessed.provenance, "fr", 400).split())
    fr = {key: " ".join(value[2].split()) for key, value in SESSION.items()}
    assert fr["section.session"] in text
    assert (
        fr["session.wrong_codes"]
        .replace(
            "{n:code surveillant erroné|codes surveillant erronés}", "1 code surveillant erroné"
        )
        .format(times="0:01:00")
        in text
    )
    assert f"En pause {fr['session.by_proctor']} à 0:01:00" in text
    assert "Terminé par le surveillant à 0:01:30" in text
    assert f"0:01:30 {fr['session.what.terminal sequence']}" in text
    session = open_review(run.log_path, "An Peeters", pubkey=public, language="fr")
    review = ReviewApp(session, ui_language="fr")
    async with review.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = " ".join(str(review.screen.query_one("#rv-session").render()).split())
    assert shown.startswith(fr["section.session"])
    assert f"En pause {fr['session.by_proctor']} à 0:01:00" in shown


@pytest.mark.parametrize("lang", ["nl", "fr"])
async def test_the_proctor_menu_names_the_seal_in_words(
    tmp_path: Path, key_file: Path, lang: str
) -> None:
    """qa-sitting10: "(le journal est scellé : proctor-stopped)": the seal reason's id in a
    French menu. Now its words, as the catalogue has them."""
    from helpdesk_tui.i18n import gettext_in

    run = exam_run(tmp_path, key_file, lang=lang)
    app = run.app
    async with app.run_test(size=SIZE) as pilot:
        await enter_code(pilot, PROCTOR_CODE)
        assert isinstance(app.screen, ProctorMenu)
        choices = [str(w.render()) for w in app.screen.query(".proctor-choice")]
        shown = " ".join(" ".join(choices).split())
        await pilot.press("escape")
    assert "proctor-stopped" not in shown
    expected = gettext_in(lang, "End the exam now (the log is sealed: stopped by the proctor)")
    assert " ".join(expected.split()) in shown
