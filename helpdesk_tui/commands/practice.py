"""`helpdesk-exam practice [SCENARIO]`: a practice exam in the terminal (also `helpdesk-exam`).

Builds the whole stack the candidate works on: the scenario (a folder or a
bundled id; by default the bundled scenario marked `default = true`), the
simulation, a signed log in `logs/` (a practice log is signed with a key made
for this session only) and the session on a monotonic exam clock, then runs
the Textual UI. When the candidate ends the session (Ctrl+Q, then y) or the
time is up, the log is sealed with that reason; when the program is stopped
otherwise (the terminal closed), the log is left unsealed and can be resumed.
The log's path is printed on the way out.
"""

from __future__ import annotations

import argparse
import getpass
import io
import re
import sys
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from helpdesk_tui import i18n, paths
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.i18n import _, ngettext

SEAL_ON_END = ("completed", "time-up", "proctor-stopped", "handed-in")
"""End reasons that seal the log (an exam's too); anything else leaves it resumable."""


@dataclass
class PracticeRun:
    """Everything `practice` starts, so a benchmark or test can run it headless."""

    app: Any
    writer: Any
    session: Any
    log_path: Path
    runtime: Any = None
    """The `runtime.SessionRuntime` (disk faults, interruption, seal) the app runs on."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "practice",
        help="start a practice exam (what `helpdesk-exam` alone does)",
        description="Start a practice exam in the terminal. The log goes to logs/ "
        "(or --logs DIR) and its path is printed when you leave.",
    )
    parser.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO",
        help="a scenario folder, or the id of a bundled scenario (default: the bundled default)",
    )
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, help="the UI language (default: from the locale, else en)"
    )
    parser.add_argument(
        "--logs", type=Path, metavar="DIR", help="where the log is written (default: ./logs)"
    )
    parser.add_argument(
        "--candidate",
        metavar="NAME",
        help="your name or candidate id, recorded in the log and used in canned replies",
    )
    parser.add_argument(
        "--max-restarts",
        type=int,
        metavar="N",
        help="restarts (Ctrl+R) allowed, each a new log; past it the practice says to end "
        "and start anew (default: no bound; serve.py sets it for a browser tab)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from helpdesk_tui.commands.exam import require_screen
    from helpdesk_tui.sitting.hooks import note_log_quietly
    from helpdesk_tui.ui.practice_controls import RESTART

    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    require_screen("practice")  # before a log is made: nothing is left behind
    reason = RESTART
    bound: int | None = getattr(args, "max_restarts", None)
    restarts = -1
    while reason == RESTART:  # the instructor's restart: the old log is sealed, a new one starts
        restarts += 1
        practice = prepare(args)
        if bound is not None:  # each restart a new log: a browser tab's are bounded (sec24)
            practice.app.restarts_left = max(bound - restarts, 0)
        note_log_quietly(practice.log_path)  # a class's sitting register, if there is one
        try:
            reason = practice.app.run()
        finally:
            finish(practice)
            note_log_quietly(practice.log_path)
        print(_("Log: {path}").format(path=practice.log_path))
    if reason in SEAL_ON_END:
        from helpdesk_tui.ui.format import end_reason_label

        print(
            _("The session ended ({reason}); the log is sealed.").format(
                reason=end_reason_label(reason)
            )
        )
    else:
        print(_("The session was left unfinished; the log can be resumed."))
    return 0


def finish(practice: PracticeRun) -> None:
    """Seal the log if the session ended, else leave it resumable; close it."""
    writer, state = practice.writer, practice.session.state
    try:
        if state.ended and state.end_reason in SEAL_ON_END and not writer.sealed:
            writer.seal(state.end_reason, state.now, practice.session.wall_clock())
    finally:
        writer.close()


def prepare(
    args: argparse.Namespace,
    *,
    clock: Any = None,
    app_options: dict[str, Any] | None = None,
    scenario: Any = None,
    mode: str = "practice",
    signer: Any = None,
    app_class: Any = None,
) -> PracticeRun:
    """Scenario, log, session and app, ready to run (nothing shown yet).

    Tests and the benchmark pass a `ManualClock` and app options (e.g. no tick).
    `exam` passes the scenario it has checked, mode "exam", the exam-centre
    signer and its locked-down app class (called as `app_class(controller,
    runtime=..., **options)`); the default is the practice app.
    """
    language = i18n.choose_language(getattr(args, "lang", None))
    i18n.set_language(language)
    # Imported here: `helpdesk-exam --help` should not pay for loading Textual.
    from helpdesk_tui.core.clock import ExamClock
    from helpdesk_tui.customers.simulation import Simulation
    from helpdesk_tui.kb.search import KbIndex
    from helpdesk_tui.runtime.lifecycle import SessionRuntime
    from helpdesk_tui.scenario.session_setup import session_started_data
    from helpdesk_tui.ui.controller import ExamController

    warned = ""
    if scenario is None:
        scenario, warned = load_warned(find_scenario(getattr(args, "scenario", None)))
    candidate = (getattr(args, "candidate", None) or "").strip()
    if not candidate.isprintable():
        raise UserError(
            f"--candidate {candidate!r} holds a control character; give the name in letters, "
            "digits, spaces and punctuation (it is recorded in the log, and no log holds one)."
        )
    logs = getattr(args, "logs", None) or paths.default_logs_dir()
    session_id, writer = open_log(
        scenario, logs, candidate or default_candidate(), mode=mode, signer=signer
    )
    runtime = SessionRuntime(writer, clock or ExamClock(), Simulation(scenario))
    session = runtime.session
    try:
        session.start(
            session_started_data(
                scenario, mode, writer.header.candidate_id, session_id, ui_language=language
            )
        )
    except Exception:
        writer.close()
        raise
    controller = ExamController(
        session, scenario, KbIndex(scenario.kb), agent_name=candidate or None
    )
    options = {"handle_signals": True} | (app_options or {})
    if app_class is None:
        # Only practice's app: an exam never loads the coaching and the answer-key
        # reading behind it (runtime.coaching, assess.*), about 3 MB of code it never runs.
        from helpdesk_tui.ui.practice_controls import PracticeApp

        app_class = PracticeApp
    app = app_class(controller, runtime=runtime, **options)
    app.start_notice = warned  # said on the screen too: stderr is behind it
    return PracticeRun(app, writer, session, writer.path, runtime)


def default_candidate() -> str:
    """Who practises, when not given: the login name (recorded in the log only)."""
    try:
        name = getpass.getuser()
    except Exception:
        name = ""
    return name or "practice"


# --------------------------------------------------------------------------- scenario


def bundled() -> list[tuple[str, Path, bool]]:
    """(id, folder, is default) of every bundled scenario, read cheaply from its TOML."""
    found = []
    root = paths.scenarios_dir()
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        toml = folder / "scenario.toml"
        if not toml.is_file():
            continue
        raw = top_level(toml)
        found.append((str(raw.get("id", folder.name)), folder, raw.get("default") is True))
    return found


_TABLE_HEADER = re.compile(r"^\s*\[", re.MULTILINE)


def top_level(toml: Path) -> dict[str, Any]:
    """The top-level keys of a scenario.toml (id, default...), without parsing the rest.

    TOML puts top-level keys before the first [table], so parsing only that
    part is enough and keeps start-up quick (a scenario's timetable is most of
    the file). A part that does not parse alone (a multi-line string with a
    line starting with "[") falls back to the whole file.
    """
    try:
        text = toml.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    header = _TABLE_HEADER.search(text)
    for part in (text[: header.start()] if header else text, text):
        try:
            return tomllib.loads(part)
        except tomllib.TOMLDecodeError:
            continue
    return {}


def find_scenario(name: str | None) -> Path:
    """A folder (or its scenario.toml), a bundled id, or the bundled default."""
    scenarios = bundled()
    if name is None:
        for _id, folder, is_default in scenarios:
            if is_default:
                return folder
        raise UserError(
            _("No bundled scenario is marked default = true in {folder}; name one: {ids}.").format(
                folder=paths.scenarios_dir(), ids=", ".join(i for i, _f, _d in scenarios) or "–"
            )
        )
    path = Path(name).expanduser()
    if path.exists():
        return path
    for scenario_id, folder, _default in scenarios:
        if name in (scenario_id, folder.name):
            return folder
    raise UserError(
        _(
            "There is no scenario folder '{name}' and no bundled scenario with that id. "
            "Give the path of a scenario folder (the one holding scenario.toml) or one of: {ids}."
        ).format(name=name, ids=", ".join(i for i, _f, _d in scenarios) or "–")
    )


def load(path: Path, warn: TextIO | None = None) -> Any:
    """The scenario in `path`, or a `UserError` naming its first errors in the UI language.

    Its warnings (an unknown field: a typo such as `duraton = 3`, silently ignored) are
    said on `warn` (stderr by default) before anything starts: `practice` and `simulate`
    ran such a scenario without a word (bugs23's walk; bugs24)."""
    from helpdesk_tui.scenario.loader import check_scenario

    scenario, problems = check_scenario(path)
    if scenario is None:
        errors = [p for p in problems if p.is_error] or problems
        shown = "; ".join(p.said() for p in errors[:3])
        more = _(" (and {n} more)").format(n=len(errors) - 3) if len(errors) > 3 else ""
        raise UserError(
            _(
                "The scenario in {path} cannot be used: {problems}{more}. "
                "Run `helpdesk-exam scenario validate {path}` to see every problem."
            ).format(path=path, problems=shown, more=more)
        )
    warnings = [p for p in problems if p.severity == "warning"]
    if warnings:
        say_warnings(path, warnings, warn or sys.stderr)
    return scenario


def load_warned(path: Path) -> tuple[Any, str]:
    """`load`, and the warnings it said (on stderr too), for the session's first notice on
    the screen, which covers stderr at once: practice's (bugs24), the exam's and resume's,
    where the proctor starting it looks (bugs25)."""
    warned = io.StringIO()
    scenario = load(path, warned)
    if warned.getvalue():
        print(warned.getvalue(), end="", file=sys.stderr)
    return scenario, warned.getvalue().strip()


WARNINGS_SHOWN = 5
"""Warnings said in full before a session starts; `scenario validate` lists every one."""


def say_warnings(path: Path, warnings: list[Any], out: TextIO) -> None:
    """One line saying the scenario runs with warnings, then each (at most `WARNINGS_SHOWN`)."""
    count = len(warnings)
    head = ngettext(
        "The scenario in {path} has {n} warning; it runs anyway "
        "(`helpdesk-exam scenario validate {path}` lists it):",
        "The scenario in {path} has {n} warnings; it runs anyway "
        "(`helpdesk-exam scenario validate {path}` lists them):",
        count,
    ).format(path=path, n=count)
    print(head, file=out)
    for problem in warnings[:WARNINGS_SHOWN]:
        print(f"  {problem.said()}", file=out)
    if count > WARNINGS_SHOWN:
        print("  " + _("(and {n} more)").format(n=count - WARNINGS_SHOWN), file=out)


# --------------------------------------------------------------------------- log


def log_name(scenario_id: str, session_id: str, now: datetime | None = None) -> str:
    """`<scenario-id>-<UTC timestamp>-<short session id>.jsonl`."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    safe = re.sub(r"[^A-Za-z0-9-]", "-", scenario_id)
    return f"{safe}-{stamp}-{session_id[:8]}.jsonl"


def open_log(
    scenario: Any, logs: Path, candidate: str, *, mode: str = "practice", signer: Any = None
) -> tuple[str, Any]:
    """A new log whose header binds the scenario folder and SLA profile by hash.

    Practice logs are signed with a key made for the session; `exam` gives the
    exam-centre key and mode "exam"."""
    from helpdesk_tui.eventlog.errors import LogError
    from helpdesk_tui.eventlog.keys import Signer
    from helpdesk_tui.eventlog.writer import EventLogWriter, new_session_id
    from helpdesk_tui.scenario.session_setup import session_header

    check_logs_folder(logs)
    session_id = new_session_id()
    try:
        header = session_header(scenario, session_id, candidate, mode)
        path = logs / log_name(scenario.id, session_id)
        return session_id, EventLogWriter.create(path, header, signer or Signer.ephemeral())
    except LogError as exc:
        raise UserError(str(exc)) from None


def check_logs_folder(logs: Path) -> None:
    """The logs folder exists (or can be made) and we can write in it."""
    try:
        logs.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            _(
                "The logs folder {path} cannot be created ({error}); choose another with --logs DIR."
            ).format(path=logs, error=exc.strerror)
        ) from None
    probe = logs / ".helpdesk-exam-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserError(
            _(
                "The logs folder {path} is not writable ({error}); choose another with --logs DIR."
            ).format(path=logs, error=exc.strerror)
        ) from None
