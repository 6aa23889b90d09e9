"""What bugs24 left around the too-small notice and a scenario's warnings (bugs25).

- `exam` said a scenario's warnings (a typo, `duraton = 3`) only on stderr, which the exam's
  screen covers at once: the proctor starting it saw nothing. They are now its first notice.
- At 60 x 20 practice's start notice stood over half of the too-small notice, its key line
  included: the notices are hidden while the too-small notice is up.
- F12 under the notice opened the proctor dialog, which said nothing of the size (at 1 x 1
  nothing of it showed): its first line now says it, and the code is still typed.
The expected lines are written here from the catalogue's words, not built by the code.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from textual.widgets._toast import Toast

from helpdesk_tui import i18n
from helpdesk_tui.cli import main
from helpdesk_tui.commands import exam, practice
from helpdesk_tui.core.clock import ManualClock
from helpdesk_tui.scenario.starter import write_starter
from helpdesk_tui.ui.screens.proctor import ProctorCodeScreen, ProctorMenu
from tests.runtime.kit import PROCTOR_CODE, exam_run, logged, make_keys

NBSP = "\u00a0"
QUIET = {"tick_interval": None, "handle_signals": False, "tune_gc": False}


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_keys(tmp_path_factory.mktemp("centre") / "keys")


def _typo(tmp_path: Path) -> tuple[Path, int]:
    """The starter scenario with `duraton = 3` above its duration; the folder and its line."""
    folder = tmp_path / "typo"
    write_starter(folder, "typo")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8").replace(
        "duration_minutes = ", "duraton = 3\nduration_minutes = ", 1
    )
    toml.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("duraton"))
    return folder, line


def _event_types(log: Path) -> list[str]:
    from helpdesk_tui.eventlog import read_log

    return [e.event.type for e in read_log(log).entries]


HEAD = {
    "en": ("The scenario in {f} has 1 warning; it runs anyway", "duraton (line {m}): unknown"),
    "nl": (
        "Het scenario in {f} heeft 1 waarschuwing; het draait toch",
        "duraton (regel {m}): onbekend veld 'duraton' wordt genegeerd",
    ),
    "fr": (
        f"Le scénario de {{f}} a 1 avertissement{NBSP}; il tourne quand même",
        f"duraton (ligne {{m}}){NBSP}: le champ inconnu 'duraton' est ignoré",
    ),
}


PROCTOR_ASKED = {
    "en": "Proctor: the scenario above has warnings. Press Enter to start the exam anyway",
    "nl": "Toezichter: het scenario hierboven heeft waarschuwingen. Druk op Enter om het examen "
    "toch te starten",
    "fr": f"Surveillant{NBSP}: le scénario ci-dessus a des avertissements. Appuyez sur Entrée "
    "pour lancer l'examen quand même",
}


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_an_exam_asks_the_proctor_and_shows_the_candidate_no_warnings(
    tmp_path: Path,
    key_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
) -> None:
    """`helpdesk-exam exam` up to its screen (no terminal here: its checks of one are
    passed over, and the app runs in a Pilot). bugs25 made the warnings the exam screen's
    first notice; the candidate sits in front of that screen, and authoring warnings are
    the proctor's (bugs26): they are said on stderr, in the exam's language, and the
    proctor presses Enter before anything starts; the candidate's screen shows none and
    the log holds no record of them."""
    import asyncio
    import builtins

    from helpdesk_tui.runtime import signals

    folder, line = _typo(tmp_path)
    shown: list[str] = []
    logs: list[Path] = []
    asked: list[str] = []

    async def drive(app: Any) -> None:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            shown.extend(str(t.render()) for t in app.screen.query(Toast) if t.display)

    def run_session(started: Any, key_path: Path | None) -> int:
        assert asked, "the exam started before the proctor was asked"
        app = started.app
        app.handle_signals, app.tick_interval, app.tune_gc = False, None, False
        asyncio.run(drive(app))
        practice.finish(started)
        logs.append(started.log_path)
        return 0

    monkeypatch.setattr(exam, "require_terminal", lambda: None)
    monkeypatch.setattr(exam, "wait_for_room", lambda: 0)
    monkeypatch.setattr(signals, "lock_process_signals", lambda: None)
    monkeypatch.setattr(exam, "run_session", run_session)
    monkeypatch.setattr(builtins, "input", lambda prompt="": asked.append(prompt) or "")
    argv = ["exam", str(folder), "--candidate", "c0042", "--key", str(key_file)]
    try:
        assert main([*argv, "--logs", str(tmp_path / "logs"), "--lang", lang]) == 0
    finally:
        i18n.set_language("en")
    head, warning = HEAD[lang]
    err = re.sub(r"[ \n]+", " ", capsys.readouterr().err)
    assert head.format(f=folder) in err and warning.format(m=line) in err, err
    assert len(asked) == 1 and asked[0].startswith(PROCTOR_ASKED[lang]), asked
    text = " ".join(shown)
    assert "duraton" not in text and head.format(f=folder)[:12] not in text, shown
    assert "duraton" not in " ".join(_event_types(logs[0]))
    assert "lockdown_key_blocked" not in _event_types(logs[0])


def test_an_exam_is_not_started_when_the_proctor_stops_at_the_warnings(
    tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C (or no input) at the question: refused, no log written, no session run."""
    import builtins

    from helpdesk_tui.runtime import signals

    folder, _line = _typo(tmp_path)

    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(exam, "require_terminal", lambda: None)
    monkeypatch.setattr(signals, "lock_process_signals", lambda: None)
    monkeypatch.setattr(exam, "run_session", lambda *a: pytest.fail("the exam ran"))
    monkeypatch.setattr(builtins, "input", interrupted)
    logs = tmp_path / "logs"
    argv = ["exam", str(folder), "--candidate", "c0042", "--key", str(key_file)]
    assert main([*argv, "--logs", str(logs)]) == 2
    assert not list(logs.glob("**/*.jsonl"))


def test_a_resumed_exam_shows_the_candidate_no_warnings(
    tmp_path: Path,
    key_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`resume` of an interrupted exam whose scenario has a warning: stderr says it (in the
    language the resume chose first: --lang), the resumed screen does not (the proctor
    was asked when the exam first started)."""
    from helpdesk_tui.commands import resume
    from helpdesk_tui.runtime import signals

    folder, line = _typo(tmp_path)
    run = exam_run(tmp_path / "logs", key_file, scenario=str(folder))
    run.writer.close()  # interrupted: unsealed
    notices: list[str] = []

    def run_session(started: Any, key_path: Path | None) -> int:
        notices.append(started.app.start_notice)
        started.writer.close()
        return 0

    monkeypatch.setattr(exam, "require_terminal", lambda: None)
    monkeypatch.setattr(exam, "wait_for_room", lambda: 0)
    monkeypatch.setattr(signals, "lock_process_signals", lambda: None)
    monkeypatch.setattr(resume.exam, "run_session", run_session)
    argv = ["resume", "--key", str(key_file), "--scenario", str(folder), "--lang", "nl"]
    try:
        assert main([*argv, str(run.log_path)]) == 0
    finally:
        i18n.set_language("en")
    head, warning = HEAD["nl"]
    assert notices == [""]
    err = re.sub(r"[ \n]+", " ", capsys.readouterr().err)
    assert head.format(f=folder) in err and warning.format(m=line) in err, err


def _covered(screen: Any, widget: Any) -> set[tuple[int, int]]:
    """The cells of `widget`'s region where another widget is drawn (over it)."""
    region = widget.region
    return {
        (x, y)
        for y in range(region.y, region.bottom)
        for x in range(region.x, region.right)
        if screen.get_widget_at(x, y)[0] is not widget
    }


async def test_the_too_small_notice_stays_readable_over_the_start_notice(
    tmp_path: Path,
) -> None:
    """bugs24: at 60 x 20 practice's start notice stood over the right half of the
    too-small notice, its key line included. Every cell of the notice is now the notice's;
    the start notice is seen again once the terminal is large enough (not timed out)."""
    from helpdesk_tui.ui.widgets.too_small import TerminalTooSmall

    folder, _line = _typo(tmp_path)
    args = argparse.Namespace(scenario=str(folder), lang="en", logs=tmp_path / "l", candidate="t")
    run = practice.prepare(args, clock=ManualClock(), app_options=QUIET)
    app = run.app
    try:
        async with app.run_test(size=(60, 20), notifications=True) as pilot:
            await pilot.pause()
            notice = app.main.query_one("#too-small", TerminalTooSmall)
            assert notice.display and list(app.screen.query(Toast))  # the start notice is there
            assert _covered(app.screen, notice) == set()
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            assert not notice.display
            toast = app.screen.query(Toast).first()
            assert _covered(app.screen, toast) == set()
    finally:
        practice.finish(run)


PROCTOR_LINE = {
    "en": "Too small ({w} x {h}): enlarge to 80 x 24.",
    "nl": "Te klein ({w} x {h}): maak hem minstens 80 x 24.",
    "fr": f"Trop petit ({{w}} x {{h}}){NBSP}: agrandissez-le à 80 x 24.",
}


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
async def test_the_proctor_dialog_says_the_terminal_is_too_small(
    tmp_path: Path, key_file: Path, lang: str
) -> None:
    """F12 under the notice: the code dialog's first line (the top left cell at 1 x 1)
    says it is too small; the code is still typed and checked there, and the menu says
    it too. Large enough again, the line goes. Back under the notice from the dialog, the
    screen's notices stay under it."""
    folder, _line = _typo(tmp_path)
    run = exam_run(tmp_path / "logs", key_file, lang=lang, scenario=str(folder))
    app = run.app
    try:
        async with app.run_test(size=(1, 1), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("f12")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ProctorCodeScreen)
            line = dialog.query_one("#proctor-too-small")
            assert line.display and dialog.get_widget_at(0, 0)[0] is line
            await pilot.resize_terminal(70, 20)
            await pilot.pause()
            text = str(line.render())
            assert text == PROCTOR_LINE[lang].format(w=70, h=20)
            assert dialog.get_widget_at(0, 0)[0] is line
            await pilot.press("escape")  # back under the notice: the warning's notice (the
            await pilot.pause()  # scenario's typo) shown again stays under it
            notice = app.main.query_one("#too-small")
            assert app.screen is app.main and list(app.main.query(Toast))
            assert notice.display and _covered(app.main, notice) == set()
            await pilot.press("f12")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ProctorCodeScreen)
            dialog.query_one(Input).value = PROCTOR_CODE
            await pilot.press("enter")
            await pilot.pause()
            menu = app.screen
            assert isinstance(menu, ProctorMenu)
            assert str(menu.query_one("#proctor-too-small").render()) == text
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            app.advance(2)  # the size is logged at most once a second of exam time
            await pilot.pause()
            assert not menu.query_one("#proctor-too-small").display
            await pilot.press("escape")
            await pilot.pause()
    finally:
        i18n.set_language("en")
    keys = [d["key"] for d in logged(run, "lockdown_key_blocked")]  # the right code: no record
    assert keys == ["terminal too small: 1 x 1", "terminal large enough: 120 x 40"]
