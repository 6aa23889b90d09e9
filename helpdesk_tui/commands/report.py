"""`helpdesk-exam report LOG`: the evidence per competency, for the two assessors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from helpdesk_tui.assess import prime
from helpdesk_tui.assess.model import Evidence, Provenance
from helpdesk_tui.assess.pipeline import AssessedLog, Refused, assess_log
from helpdesk_tui.assess.texts import LANGUAGES, not_an_exam_banner
from helpdesk_tui.commands.errors import UserError, message_of
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import PublicKey, load_public_key
from helpdesk_tui.i18n import N_

_DESCRIPTION = N_(
    """\
Verify a session log, then measure the evidence for each of the 22 competencies
from it: SLA per ticket, reply latency, priority inversions, interruptions,
jargon, moods, KB look-ups, answer-key matches and procedure steps, each with the
log records (seq) behind it. The software never decides a verdict: the two
assessors do.

The answer key comes from the scenario the log's header names (--scenario DIR, else
the folder the exam noted beside the log in LOG.scenario, else the bundled one with
that id) and must hash to what the header binds; a noted folder that does not is
refused, never read.

exit codes:
  0  the report was made (from a verified log, or stamped UNVERIFIED with --unverified)
  1  refused: the log does not verify, is unsealed, or its scenario is missing or differs
  2  usage or input error: a missing or unreadable file, --pubkey needed, a bad scenario"""
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="evidence per competency from a verified log; HTML, JSON",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("log", metavar="LOG", type=Path, help="the session log (logs/*.jsonl)")
    add_common_arguments(parser)
    parser.add_argument("--html", metavar="FILE", type=Path, help="also write an A4 HTML report")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the evidence as JSON")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="do not print the report in the terminal (with --html or --json only the files' names are printed)",
    )
    parser.add_argument(
        "--new-verdicts",
        metavar="FILE",
        type=Path,
        help="also write an empty verdict sheet bound to this log (needs --assessor)",
    )
    parser.add_argument("--assessor", metavar="NAME", help="the assessor the verdict sheet is for")
    parser.set_defaults(handler=run)


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """The options `report` and `class-report` share."""
    parser.add_argument(
        "--pubkey",
        metavar="FILE",
        type=Path,
        help="the exam centre's public key (exam-centre.pub); required for exam logs",
    )
    parser.add_argument(
        "--scenario",
        metavar="DIR",
        type=Path,
        help="the scenario folder the log was sat on (default: the one the exam noted in LOG.scenario, if its hash is the header's; else the bundled one with its id)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the report's language (default: the locale's, else English; the scenario's "
        "own text stays in its language)",
    )
    parser.add_argument(
        "--unverified",
        action="store_true",
        help="report even if the log or scenario fails its checks; every page is stamped UNVERIFIED",
    )


def load_key(path: Path | None) -> PublicKey | None:
    if path is None:
        return None
    try:
        return load_public_key(path)
    except LogError as exc:
        raise UserError(message_of(exc), 2) from None


def assess(args: argparse.Namespace, log: Path, key: PublicKey | None) -> AssessedLog:
    """Run the pipeline for one log, turning a refusal into a UserError."""
    try:
        return assess_log(log, key, args.scenario, unverified=args.unverified, language=args.lang)
    except Refused as exc:
        raise UserError(message_of(exc), exc.exit_code) from None


def run(args: argparse.Namespace) -> int:
    """The report in the reader's language, `--lang`, else the locale's, else English, as
    every verb (bugs19: it was the scenario's, while the review of the same log spoke the
    locale's); an input error (a missing log, a key file) is said in it too."""
    from helpdesk_tui import i18n

    previous = i18n.current_language()
    args.lang = i18n.choose_language(args.lang)
    i18n.set_language(args.lang)
    try:
        return _run(args)
    finally:
        i18n.set_language(previous)


def _run(args: argparse.Namespace) -> int:
    if args.new_verdicts is not None and not args.assessor:
        raise UserError("--new-verdicts needs --assessor NAME: whose verdict sheet it is.", 2)
    assessed = assess(args, args.log, load_key(args.pubkey))
    evidence, provenance = assessed.evidence, assessed.provenance
    lang = args.lang or evidence.language
    if assessed.not_an_exam_log is not None:  # `verify`'s words, in the report's language
        banner = not_an_exam_banner(assessed.not_an_exam_reason, lang) or assessed.not_an_exam_log
        print(banner, file=sys.stderr if args.quiet else sys.stdout)
    to_files = args.html is not None or args.json is not None
    # Each output's modules are imported only when it is asked for: rich alone
    # costs a fifth of a 150-minute exam's report (issue 16: < 1 s).
    if not args.quiet and not to_files:
        from helpdesk_tui.assess.report_terminal import render_terminal
        from helpdesk_tui.terminal_safe import SafeConsole

        render_terminal(evidence, provenance, lang, SafeConsole())
    page, data = _rendered_beside(args, evidence, provenance, lang)
    if args.html is not None and page is not None:
        _write(args.html, lambda path: path.write_text(page, encoding="utf-8"))
    elif args.html is not None:
        from helpdesk_tui.assess.report_html import write_html

        _write(args.html, lambda path: write_html(path, evidence, provenance, lang))
    if args.json is not None and data is not None:
        _write(args.json, lambda path: path.write_text(data, encoding="utf-8"))
    elif args.json is not None:
        from helpdesk_tui.assess.report_json import write_json

        _write(args.json, lambda path: write_json(path, evidence, provenance))
    if not args.quiet:
        for path in (args.html, args.json):
            if path is not None:
                print(f"Wrote {path}")
    if args.new_verdicts is not None:
        _new_verdicts(args)
    return 0


BESIDE_EVENTS = 20_000
"""Events from which `report --html --json` renders the HTML page in a forked child while
it renders the JSON (0.1 s each for a 100,000-record log; below, a fork does not pay)."""


def _rendered_beside(
    args: argparse.Namespace, evidence: Evidence, provenance: Provenance, lang: str
) -> tuple[str | None, str | None]:
    """The HTML page and the JSON text of a long log's report, made on two cores (the
    same functions as `write_html` and `write_json`: the same bytes), or (None, None):
    each is then made where it is written. The files are written in the same order."""
    if args.html is None or args.json is None or evidence.events < BESIDE_EVENTS:
        return None, None
    if not prime.may_fork():
        return None, None
    from helpdesk_tui.assess.report_json import render_json

    page = prime.Forked(_html_page, evidence, provenance, lang)
    data = render_json(evidence, provenance)
    return page.get(), data


def _html_page(evidence: Evidence, provenance: Provenance, lang: str) -> str:
    """`render_html`, imported where it runs (the child: this process never needs it)."""
    from helpdesk_tui.assess.report_html import render_html

    return render_html(evidence, provenance, lang)


def _write(path: Path | None, writer: Callable[[Path], None]) -> None:
    if path is None:
        return
    try:
        writer(path)
    except OSError as exc:
        raise UserError(
            f"{path} cannot be written ({exc.strerror}); choose another file.", 2
        ) from None


def _new_verdicts(args: argparse.Namespace) -> None:
    """An empty sheet to fill in by hand (unsigned: the review TUI signs what it saves)."""
    from helpdesk_tui.assess.verdicts import VerdictError, save_verdicts, verdicts_for_log

    if args.new_verdicts.exists():
        raise UserError(
            f"{args.new_verdicts} already exists; a new verdict sheet never overwrites one. "
            "Choose another file name.",
            2,
        )
    try:
        verdicts = verdicts_for_log(args.log, args.assessor)
    except (VerdictError, LogError) as exc:
        raise UserError(message_of(exc), 2) from None
    _write(args.new_verdicts, lambda path: save_verdicts(path, verdicts))
