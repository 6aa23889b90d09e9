"""`helpdesk-exam exam SCENARIO --candidate ID --key KEY [--logs DIR]`: an exam, locked down.

Refuses to start, with one paragraph saying what is wrong, unless it has an
exam-centre private key with its proctor code (`proctor.json`) beside it, a
candidate id, a scenario of at most 5 hours (the standard's limit), a log
folder it can write in, and a terminal. Then it builds the session exactly as
`practice` does (`practice.prepare`), but in mode "exam", signed with the
centre's key, in `ui.lockdown.LockdownApp`, with the process's signal keys
off (`runtime.signals.lock_process_signals`).

It ends only by the proctor code, the candidate's hand-in or the end of the
time, each sealing the log (exit status 0). SIGHUP, SIGTERM or a terminal
that went away interrupt it: the log is left unsealed for `helpdesk-exam
resume` (exit status 3). See docs/exam-mode.md.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from helpdesk_tui import i18n, paths
from helpdesk_tui.commands import practice
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.i18n import _
from helpdesk_tui.paths import SCENARIO_NOTE, recall_scenario, scenario_note  # noqa: F401 (exam.* as before)

MAX_EXAM_MINUTES = 300
"""The standard allows an exam of at most 5 hours."""
CANDIDATE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
SAY_WITHIN_S = 1.0
"""How long a closing message may take to reach the terminal."""
EXIT_INTERRUPTED = 3
"""Left unsealed, to be resumed (the status `verify` gives an unsealed log)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "exam",
        help="sit an exam, locked down: it ends by proctor code, hand-in or time",
        description="Start an exam in a locked-down terminal. The log is signed with the "
        "exam-centre key; proctor.json (the proctor code) must be beside the key.",
    )
    parser.add_argument(
        "scenario", metavar="SCENARIO", help="a scenario folder, or the id of a bundled scenario"
    )
    parser.add_argument("--candidate", metavar="ID", help="the candidate id recorded in the log")
    parser.add_argument(
        "--key",
        type=Path,
        metavar="PRIVATE_KEY",
        help="the exam-centre private key (exam-centre.key)",
    )
    parser.add_argument(
        "--logs", type=Path, metavar="DIR", help="where the log is written (default: ./logs)"
    )
    parser.add_argument(
        "--form-seed",
        type=int,
        metavar="N",
        help="sit parallel form N of the scenario (made from its variation.toml into LOGS/forms/)",
    )
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, help="the UI language (default: from the locale, else en)"
    )
    parser.set_defaults(handler=run)


@dataclass
class ExamKey:
    """The exam-centre key, loaded, and the folder whose proctor.json ends the exam."""

    path: Path
    signer: Any


def run(args: argparse.Namespace) -> int:
    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    key = load_exam_key(getattr(args, "key", None))
    candidate = check_candidate(getattr(args, "candidate", None))
    scenario, warned = practice.load_warned(practice.find_scenario(args.scenario))
    logs = getattr(args, "logs", None) or paths.default_logs_dir()
    practice.check_logs_folder(logs)
    scenario = form_of(scenario, getattr(args, "form_seed", None), logs)
    check_duration(scenario)
    require_terminal()
    from helpdesk_tui.runtime.signals import lock_process_signals
    from helpdesk_tui.ui.lockdown import LockdownApp

    if warned:
        confirm_warnings()
    lock_process_signals()
    wait_for_room()
    args.candidate = candidate
    started = practice.prepare(
        args,
        scenario=scenario,
        mode="exam",
        signer=key.signer,
        app_class=partial(LockdownApp, proctor_key=key.path),
    )
    remember_scenario(started.log_path, scenario.folder)
    remember_language(started.log_path, i18n.current_language())
    return run_session(started, key.path)


# --------------------------------------------------------------------------- checks


def confirm_warnings(ask: Any = None) -> None:
    """A scenario with warnings (said on stderr just above): the proctor starts the exam
    only after reading them. They are authoring matters (a typo'd field, a competency no
    incident names), for the proctor and the author, never for the candidate: bugs25 made
    them the exam screen's first notice, which the candidate sat in front of (bugs26).
    Nothing is written yet, so stopping here costs nothing."""
    try:
        (ask or input)(
            _(
                "Proctor: the scenario above has warnings. Press Enter to start the exam "
                "anyway, or Ctrl+C to stop (nothing is written yet): "
            )
        )
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # the refusal on a line of its own, not after the "^C"
        raise UserError(
            _("The exam was not started: fix the scenario's warnings or start it again.")
        ) from None


def form_of(scenario: Any, seed: int | None, logs: Path) -> Any:
    """The scenario itself, or its parallel form `seed` (made once into LOGS/forms/, then reused)."""
    if seed is None:
        return scenario
    from helpdesk_tui.scenario.variation import FormError, ensure_form

    try:
        folder = ensure_form(scenario, seed, Path(logs) / "forms")
    except FormError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(
            _("{folder}: cannot write the form ({why}) — check the folder's permissions.").format(
                folder=Path(logs) / "forms", why=exc.strerror or exc
            )
        ) from None
    return practice.load(folder)


def load_exam_key(path: Path | None) -> ExamKey:
    """The centre's private key, and a readable proctor code beside it, or a UserError."""
    from helpdesk_tui.eventlog.errors import KeyFileError
    from helpdesk_tui.eventlog.keys import (
        PROCTOR_FILE,
        check_proctor_code,
        has_proctor_code,
        load_private_key,
    )

    if path is None:
        raise UserError(
            _(
                "An exam needs the exam-centre private key: give it with --key FILE "
                "(the exam-centre.key made by `helpdesk-exam keys init`)."
            )
        )
    try:
        signer = load_private_key(path)
    except KeyFileError as exc:
        raise UserError(str(exc)) from None
    folder = Path(path).resolve().parent
    if not has_proctor_code(folder):
        raise UserError(
            _(
                "There is no proctor code beside the key ({file} is missing), so nobody could "
                "end the exam early. Make the keys with `helpdesk-exam keys init DIR "
                "--proctor-code-stdin`, or put the proctor.json made with them beside the key."
            ).format(file=folder / PROCTOR_FILE)
        )
    try:
        check_proctor_code(folder, "")  # reads and parses it: a damaged file shows up now
    except KeyFileError as exc:
        raise UserError(str(exc)) from None
    return ExamKey(Path(path).resolve(), signer)


def check_candidate(candidate: str | None) -> str:
    candidate = (candidate or "").strip()
    if not candidate:
        raise UserError(
            _(
                "An exam needs the candidate's id: give it with --candidate ID (it is written "
                "in the log and assessors see it; use a pseudonymous id such as c0042)."
            )
        )
    if not CANDIDATE_ID.fullmatch(candidate):
        raise UserError(
            _(
                "The candidate id '{id}' cannot be used: use 1 to 64 letters, digits, dots, "
                "dashes, underscores or @, starting with a letter or digit (e.g. c0042)."
            ).format(id=candidate)
        )
    return candidate


def check_duration(scenario: Any) -> None:
    minutes = scenario.duration_s / 60
    if minutes > MAX_EXAM_MINUTES:
        raise UserError(
            _(
                "The scenario {folder} lasts {minutes:g} minutes; an exam may last at most "
                "{limit} minutes (5 hours). Shorten duration_minutes in its scenario.toml, or "
                "use it for practice."
            ).format(folder=scenario.folder, minutes=minutes, limit=MAX_EXAM_MINUTES)
        )


def on_a_terminal() -> bool:
    """Standard input and output are a terminal (what every screen of ours needs)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def require_terminal() -> None:
    """The exam draws on a terminal and reads its keys; without one it cannot be sat. And
    it draws as this program sets Textual up, not as the environment says (`textual_settings`)."""
    if not on_a_terminal():
        raise UserError(
            _(
                "An exam runs only on a terminal (standard input and output are not one). "
                "Start it from a terminal, or over `ssh -t`."
            )
        )
    refuse_textual_settings()


TEXTUAL_SETTINGS = (
    "TEXTUAL",
    "TEXTUAL_DEBUG",
    "TEXTUAL_DEVTOOLS_HOST",
    "TEXTUAL_DEVTOOLS_PORT",
    "TEXTUAL_DRIVER",
    "TEXTUAL_FILTERS",
    "TEXTUAL_LOG",
    "TEXTUAL_PRESS",
    "TEXTUAL_SCREENSHOT",
    "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_SCREENSHOT_LOCATION",
    "TEXTUAL_SHOW_RETURN",
    "TEXTUAL_SLOW_THRESHOLD",
    "TEXTUAL_THEME",
)
"""What Textual 8 reads from the environment, but for the settings that only change how
the screen looks (animations, colour system, dim factor, kitty keys, smooth scrolling,
speedups, `TEXTUAL_FPS`: `helpdesk_tui.ui` sets 120 itself, so every exam a test starts
has it) and `TEXTUAL_ALLOW_SIGNALS`, which `runtime.signals.lock_process_signals` clears. Other `TEXTUAL_*` names are not Textual's (pytest-textual-snapshot sets
`TEXTUAL_SNAPSHOT_TEMPDIR`)."""


def textual_settings() -> list[str]:
    """The Textual settings in the environment that an exam must not take (sec21): Textual
    imports the module `TEXTUAL_DRIVER` names (any module: `this:X` printed the Zen of
    Python over the exam's terminal, then a traceback; the headless driver ran the exam
    with nothing on the screen), writes its log where `TEXTUAL_LOG` says, sends the screen
    to devtools (`TEXTUAL=devtools`), saves screenshots (`TEXTUAL_SCREENSHOT*`), presses
    keys (`TEXTUAL_PRESS`). The centre's login wrapper starts the exam with `env -i`; an
    exam started otherwise must not count on it."""
    return [name for name in TEXTUAL_SETTINGS if name in os.environ]


def refuse_textual_settings() -> None:
    """Refuse, before any log is written, an exam whose environment sets Textual up."""
    names = textual_settings()
    if names:
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        raise UserError(
            _(
                "An exam does not start with {names} set in its environment: Textual "
                "would take from it a driver to load, a file to write, keys to press or a "
                "place to send the screen, and an exam takes none of these from outside. "
                "Unset it (the exam centre's login wrapper starts the exam with `env -i`)."
            ).format(names=shown)
        )


MIN_COLUMNS, MIN_ROWS = 80, 24
"""The screen's minimum (ui/widgets/too_small.py): below it nothing of the exam can be read."""


def terminal_size() -> tuple[int, int] | None:
    """The terminal's columns and rows, or None where it does not say (a pty never sized)."""
    try:
        columns, rows = os.get_terminal_size(sys.stdout.fileno())
    except (OSError, ValueError):
        return None
    return (columns, rows) if columns and rows else None


def wait_for_room(size: Any = terminal_size, wait: Any = None, say_: Any = None) -> int:
    """Before an exam starts or resumes: hold while the terminal is below 80 x 24.

    Started in a 40 x 10 terminal, the exam began at once and its clock and customers ran
    while the candidate saw only "the terminal is too small" (qa-sitting10). Nothing is
    written yet, so waiting costs the candidate nothing. Returns how many times it waited."""
    import time

    wait = wait or time.sleep
    say_ = say_ or say
    shown: tuple[int, int] | None = None
    waited = 0
    while (now := size()) is not None and (now[0] < MIN_COLUMNS or now[1] < MIN_ROWS):
        if now != shown:
            shown = now
            say_(
                _(
                    "The terminal is too small ({width} x {height}). Enlarge it to at least "
                    "{min_width} x {min_height}: the exam starts as soon as it is."
                ).format(width=now[0], height=now[1], min_width=MIN_COLUMNS, min_height=MIN_ROWS)
            )
        wait(0.5)
        waited += 1
    return waited


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve sets in TEXTUAL_DRIVER for the app it serves (practice in a browser)."""


def require_screen(command: str) -> None:
    """`review`, `observe`, `room` and `practice` draw a screen and read keys: with standard
    input and output not a terminal they drew escape codes into a pipe and exited 0
    (qa-sitting8). A browser tab of textual-serve is a screen too (its driver talks over
    pipes), so it is let through; an exam never is (`require_terminal`)."""
    if on_a_terminal() or os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return
    raise UserError(
        _(
            "`helpdesk-exam {command}` runs only on a terminal (standard input and output "
            "are not one): it draws a screen and reads keys, and would write its screen into "
            "a pipe or a file. Start it from a terminal, or over `ssh -t`; `report` and "
            "`sitting status` print text without one."
        ).format(command=command)
    )


# --------------------------------------------------------------------------- the scenario note


def remember_scenario(log: Path, folder: Path) -> None:
    """Write the scenario's folder beside the log (0600), for `resume`. Best effort."""
    note = scenario_note(log)
    try:
        fd = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(str(Path(folder).resolve()) + "\n")
    except OSError:
        pass  # resume can still be given --scenario


def remember_language(log: Path, language: str) -> None:
    """Write the UI language beside the log (`LOG.lang`, 0600), for `resume`. Best effort."""
    try:
        fd = os.open(
            log.with_name(log.name + paths.LANGUAGE_NOTE),
            os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
            0o600,
        )
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(language + "\n")
    except OSError:
        pass  # resume can still be given --lang


# --------------------------------------------------------------------------- running


def run_session(started: Any, key_path: Path | None) -> int:
    """Run the app; seal or leave resumable; say how it ended. Shared with `resume`."""
    from helpdesk_tui.sitting.hooks import note_log_quietly

    app = started.app
    problem: str | None = None
    note_log_quietly(started.log_path)  # the sitting's register, if any: running (or resumed)
    try:
        app.run()
    finally:
        try:
            practice.finish(started)
        except Exception as exc:  # a log that cannot be closed must not hide how it ended
            problem = str(exc)
        note_log_quietly(started.log_path)  # handed in, time up, stopped, or interrupted
    code = 0 if started.writer.sealed else EXIT_INTERRUPTED
    heard = not getattr(app, "terminal_gone", False)  # nobody reads it, and a write may block
    if heard:
        heard = report(started, key_path, problem, getattr(app, "stop_reason", None))
    stopper = getattr(app, "stopper", None)
    if stopper is not None:
        stopper.finished()
    if not heard or getattr(app, "stop_reason", None) is not None:
        _leave(code)  # the terminal may be gone: do not let Python's exit flush into it
    return code


def report(started: Any, key_path: Path | None, problem: str | None, stopped: str | None) -> bool:
    """Tell whoever reads the terminal (the proctor, mostly) how the session ended.

    False when the terminal did not take the message."""
    from helpdesk_tui.ui.format import end_reason_label

    path = started.log_path
    heard = True
    if problem:
        heard = say(_("The log could not be closed cleanly: {problem}").format(problem=problem))
    if started.writer.sealed:
        reason = started.session.state.end_reason
        return heard and say(
            _("The session has ended ({reason}); the log is sealed: {path}").format(
                reason=end_reason_label(reason or ""), path=path
            )
        )
    command = f"helpdesk-exam resume {path}" + (f" --key {key_path}" if key_path else "")
    # "stopped by the proctor" is in the catalogue; a signal's name is no word to translate
    why = _(" ({reason})").format(reason=_(stopped)) if stopped else ""
    return heard and say(
        _(
            "The session was interrupted{why}; nothing acknowledged is lost. "
            "Continue it with: {command}"
        ).format(why=why, command=command)
    )


def say(text: str) -> bool:
    """Print, unless the terminal is gone or stuck (then the log says it all).

    The write runs in a helper thread and is given a second: a terminal whose
    reader has stopped (a frozen ssh client) would block a plain print forever.
    False when it did not get through.
    """
    done = threading.Event()

    def write() -> None:
        try:
            print(text, flush=True)
        except (OSError, ValueError):
            pass
        else:
            done.set()

    threading.Thread(target=write, daemon=True, name="say").start()
    return done.wait(SAY_WITHIN_S)


def _leave(code: int) -> None:
    """Exit without Python's final flush of stdout/stderr, which may block or fail on a
    dead terminal; everything that matters (the log) is closed and fsynced already."""
    os._exit(code)
