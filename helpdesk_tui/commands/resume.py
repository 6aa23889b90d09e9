"""`helpdesk-exam resume LOG [--key KEY]`: continue an interrupted session from its log.

After a kill -9, a power cut, a hang-up or a disk that gave out: the log is
verified, a torn last line moved aside, the session rebuilt from the log
(`runtime.resume`), and the candidate carries on where the log stops. An exam
log needs the exam-centre private key it was started with (and proctor.json
beside it) and runs locked down again; a practice log uses the per-session key
kept beside it (`LOG.session-key`), so no `--key`. A sealed log is refused.

The scenario is found by `--scenario DIR`, else the folder an exam noted beside
its log, else the bundled scenario with the header's id; its folder hash must
match the header. What the exam clock did during the outage is
`--outage-policy` (default `paused`: the outage did not count; see
`runtime/resume.py` and docs/exam-mode.md).
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import Any

from helpdesk_tui import i18n
from helpdesk_tui.commands import exam, practice
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.eventlog.errors import LogReadError
from helpdesk_tui.eventlog.reader import open_log_file
from helpdesk_tui.eventlog.records import parse_json
from helpdesk_tui.i18n import _
from helpdesk_tui.paths import recall_language

POLICIES = ("paused", "elapsed")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "resume",
        help="continue an interrupted exam or practice session from its log",
        description="Continue an interrupted session. An exam log needs --key (the exam-centre "
        "private key); a practice log uses the key saved beside it.",
    )
    parser.add_argument("log", type=Path, metavar="LOG", help="the session's log (*.jsonl)")
    parser.add_argument(
        "--key", type=Path, metavar="PRIVATE_KEY", help="the exam-centre private key (exam logs)"
    )
    parser.add_argument(
        "--scenario", metavar="DIR", help="the scenario folder, if it is not bundled"
    )
    parser.add_argument(
        "--outage-policy",
        choices=POLICIES,
        default="paused",
        help="paused (default): the outage did not count as exam time; elapsed: it did",
    )
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, help="the UI language (default: from the locale, else en)"
    )
    parser.set_defaults(handler=run)


def language_for(
    log: Path,
    requested: str | None,
    logged: str | None = None,
    scenario_language: str | None = None,
) -> str:
    """The language the session comes back in: `--lang`; else what the log says
    (`logged`: `ui_language` of its last `session_started` or `session_resumed`, event
    schema 3); else, for an older exam log, the language noted beside it (`LOG.lang`); else
    the scenario's language when the screens speak it, else English. Not the locale: a
    Dutch exam resumed by hand came back in the locale's English (qa-sitting10), a Dutch
    practice too (bugs14). An old practice log has neither record nor note: the candidate
    who practised a Dutch scenario most likely read Dutch screens, and the log says no more."""
    if requested:
        return requested
    for choice in (logged, recall_language(log), scenario_language):
        if choice in i18n.LANGUAGES:
            return choice
    return i18n.DEFAULT_LANGUAGE


def run(args: argparse.Namespace) -> int:
    log = Path(args.log)
    requested = getattr(args, "lang", None)
    # Until the log is read (its refusals): --lang, else the note beside an exam log, else
    # the locale's; then what the log says (`_resume`).
    noted = recall_language(log) if requested is None else None
    i18n.set_language(
        i18n.choose_language(requested or (noted if noted in i18n.LANGUAGES else None))
    )
    header = read_header(log)
    is_exam = header.get("mode") == "exam"
    key = exam.load_exam_key(args.key) if is_exam else _practice_key(args.key)
    scenario, warned = find_scenario(log, header, getattr(args, "scenario", None))
    if is_exam:
        exam.check_duration(scenario)
        exam.require_terminal()
        from helpdesk_tui.runtime.signals import lock_process_signals

        lock_process_signals()
        exam.wait_for_room()
    else:
        exam.require_screen("resume")
    resumed = _resume(
        log,
        scenario,
        key,
        args.outage_policy,
        lambda state: language_for(
            log,
            requested,
            state.ui_language,
            state.language if state.started else scenario.language,  # a header alone
        ),
    )
    i18n.set_language(resumed.ui_language)
    aside = resumed.recovered.set_aside
    if aside is not None:  # said before anything else: the proctor must know
        exam.say(
            _(
                "Records after the last signature that this session could not have written "
                "were kept aside, unsigned, and the session goes on without them: {evidence}"
            ).format(evidence=aside.evidence())
        )
    if resumed.outcome == "ended":
        return _seal_ended(resumed)
    started = build(resumed, scenario, key.path if is_exam else None)
    if not is_exam:  # an exam's candidate is shown no authoring warnings (stderr has them)
        started.app.start_notice = warned
    code = exam.run_session(started, key.path if is_exam else None)
    if started.app.return_value == "restart":  # practice: the instructor started afresh
        return practice.run(_fresh_practice(log, scenario, resumed, resumed.ui_language))
    return code


# --------------------------------------------------------------------------- the log


def read_header(log: Path) -> dict[str, Any]:
    """The header's data from the first line (resume verifies the whole log later)."""
    if log.is_dir():
        raise UserError(
            _("{path} is a folder; give the log file (*.jsonl) of the session.").format(path=log)
        )
    if log.exists() and not log.is_file():  # a pipe would wait for a writer for ever (qa-sitting8)
        raise UserError(
            _(
                "{path} is not a regular file (a pipe, device or socket); give the log file "
                "(*.jsonl) of the session."
            ).format(path=log)
        )
    try:
        with open_log_file(log) as handle:  # non-blocking, checked again once open
            first = handle.readline(1 << 20)
    except LogReadError as exc:
        raise UserError(str(exc)) from None
    except FileNotFoundError:
        raise UserError(
            _("{path} does not exist; give the log of the session to resume.").format(path=log)
        ) from None
    except OSError as exc:
        raise UserError(
            _("{path} cannot be read ({error}).").format(path=log, error=exc.strerror)
        ) from None
    try:
        record = parse_json(first.rstrip(b"\n"))
        data = record["data"] if record.get("type") == "log.header" else None
    except (ValueError, AttributeError, KeyError, TypeError):
        data = None
    if not isinstance(data, dict):
        raise UserError(
            _(
                "{path} is not a session log: its first line is not a log header. "
                "Run `helpdesk-exam verify {path}` to see what it is."
            ).format(path=log)
        )
    return data


def _practice_key(path: Path | None) -> Any:
    """A practice log resumes with the key beside it; a centre key is used if one is given."""
    if path is None:
        return exam.ExamKey(Path(), None)
    from helpdesk_tui.eventlog.errors import KeyFileError
    from helpdesk_tui.eventlog.keys import load_private_key

    try:
        return exam.ExamKey(Path(path).resolve(), load_private_key(path))
    except KeyFileError as exc:
        raise UserError(str(exc)) from None


def find_scenario(log: Path, header: dict[str, Any], given: str | None) -> tuple[Any, str]:
    """--scenario, else the folder noted beside an exam log, else the bundled id; with its
    warnings as said (`practice.load_warned`)."""
    scenario_id = str(header.get("scenario_id", ""))
    if given:
        return practice.load_warned(practice.find_scenario(given))
    noted = exam.recall_scenario(log)
    if noted is not None and (noted / "scenario.toml").is_file():
        return practice.load_warned(noted)
    for bundled_id, folder, _default in practice.bundled():
        if bundled_id == scenario_id:
            return practice.load_warned(folder)
    raise UserError(
        _(
            "The scenario '{id}' of {path} is not bundled with this program; give its folder "
            "with --scenario DIR (the folder holding scenario.toml, exactly as the session "
            "started with it)."
        ).format(id=scenario_id, path=log)
    )


def _resume(log: Path, scenario: Any, key: Any, policy: str, ui_language: Any = None) -> Any:
    from helpdesk_tui.eventlog.errors import LogError
    from helpdesk_tui.runtime.resume import resume_log

    try:
        return resume_log(log, scenario, signer=key.signer, policy=policy, ui_language=ui_language)
    except LogError as exc:
        raise UserError(str(exc)) from None


def _seal_ended(resumed: Any) -> int:
    """It ended but the seal never made it to disk (a crash in between): seal it now."""
    from helpdesk_tui.sitting.hooks import note_log_quietly
    from helpdesk_tui.ui.format import end_reason_label

    runtime = resumed.runtime
    sealed = runtime.seal()
    problem = runtime.close()
    note_log_quietly(runtime.log_path)
    reason = end_reason_label(runtime.state.end_reason or "")
    if not sealed or problem:
        raise UserError(
            _("The session had ended ({reason}) but its log could not be sealed: {problem}").format(
                reason=reason, problem=problem or (runtime.fault.message if runtime.fault else "")
            )
        )
    exam.say(
        _("The session had already ended ({reason}); its log is now sealed: {path}").format(
            reason=reason, path=runtime.log_path
        )
    )
    return 0


# --------------------------------------------------------------------------- the app


def build(resumed: Any, scenario: Any, key_path: Path | None, **options: Any) -> Any:
    """Controller and app on the rebuilt session: locked for an exam, practice otherwise.

    `options` go to the app (tests: no tick timer)."""
    from helpdesk_tui.kb.search import KbIndex
    from helpdesk_tui.ui.controller import ExamController
    from helpdesk_tui.ui.lockdown import LockdownApp
    from helpdesk_tui.ui.practice_controls import PracticeApp

    runtime = resumed.runtime
    session = runtime.session
    controller = ExamController(session, scenario, KbIndex(scenario.kb))
    if key_path is not None:
        app_class: Any = partial(LockdownApp, proctor_key=key_path)
    else:
        app_class = PracticeApp
    app = app_class(controller, runtime=runtime, **({"handle_signals": True} | options))
    return practice.PracticeRun(app, runtime.writer, session, runtime.log_path, runtime)


def _fresh_practice(log: Path, scenario: Any, resumed: Any, lang: str | None) -> argparse.Namespace:
    return argparse.Namespace(
        scenario=str(scenario.folder),
        lang=lang,
        logs=log.parent,
        candidate=resumed.header.candidate_id,
    )
