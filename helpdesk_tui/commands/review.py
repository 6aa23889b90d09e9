"""`helpdesk-exam review LOG --assessor NAME [--key K]`: one assessor's review in the terminal.

Verifies the log and finds its answer key exactly as `report` does, then
opens the review TUI: a scrubber over the whole exam, the evidence per
competency with jumps to its records, and a verdict per competency. The
verdicts are saved (Ctrl+S) to this assessor's own file, bound to the log's
SHA-256 and signed with --key when given. Everything that can go wrong
before the screen opens (a missing, damaged or changed log, a missing
scenario, a wrong key, another assessor's file) is a one-paragraph message,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from helpdesk_tui import i18n
from helpdesk_tui.assess.texts import LANGUAGES
from helpdesk_tui.commands.errors import UserError, message_of
from helpdesk_tui.i18n import N_, _

_DESCRIPTION = N_(
    """\
Review one session log as one of its two assessors. The log is verified first
(as `verify` and `report` do) and its scenario's answer key is checked against
the header; a log that fails is refused unless --unverified, which shows a red
banner and saves no verdicts.

On screen: a timeline scrubber showing the exam as it was at any moment (queue
with SLA clocks, conversations, KB look-ups, the records around it), the 22
competencies with their evidence (Enter on a record jumps there) and your
verdict on each: p proven, n not proven, o not observed, c comment, Ctrl+S save.
F1 lists every key.

Your verdicts go to LOG.verdicts.NAME.json (or --out FILE), bound to the log's
SHA-256 and signed with --key; an existing file of yours on the same log is
continued. The other assessor's file is never opened.

exit codes:
  0  the review was opened and closed
  1  refused: the log does not verify, is unsealed, or its scenario is missing or differs
  2  usage or input error: a missing or unreadable file, a bad key, another assessor's file"""
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "review",
        help="review a log as one assessor: scrub the exam, read the evidence, record verdicts",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("log", metavar="LOG", type=Path, help="the session log (logs/*.jsonl)")
    parser.add_argument(
        "--assessor", metavar="NAME", required=True, help="your name, as it goes into the verdicts"
    )
    parser.add_argument(
        "--key", metavar="K", type=Path, help="your private key (PEM, Ed25519) to sign the verdicts"
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="the verdict file (default: LOG.verdicts.NAME.json)",
    )
    parser.add_argument(
        "--pubkey",
        metavar="FILE",
        type=Path,
        help="the exam centre's public key; required for exam logs",
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
        help="the language of the screen and the evidence, one for both (default: the locale's, else English)",
    )
    parser.add_argument(
        "--unverified",
        action="store_true",
        help="open a log that fails its checks anyway, for finding out what went wrong (no verdicts are saved)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from helpdesk_tui.ui.review.session import ReviewError, open_review

    ui_language = i18n.choose_language(args.lang)
    i18n.set_language(ui_language)
    print(
        i18n.fill(_("helpdesk-exam review: verifying and measuring {log} ..."), log=args.log),
        file=sys.stderr,
    )
    try:
        session = open_review(
            args.log,
            args.assessor,
            key=args.key,
            pubkey=args.pubkey,
            scenario_dir=args.scenario,
            out=args.out,
            unverified=args.unverified,
            language=ui_language,  # one language on the screen: the evidence's too (qa-sitting10)
            settle=True,  # what is loaded lives as long as the review: collected once, frozen
        )
    except ReviewError as exc:
        raise UserError(message_of(exc), exc.exit_code) from None
    from helpdesk_tui.commands.exam import require_screen

    require_screen("review")  # after the log's own faults: those are named first
    app = make_app(session, ui_language)
    app.run()
    if not app.review.dirty and session.out.exists():
        # in the review's language, as the rest of its output (walk27: "Verdicts:" after a
        # Dutch review)
        print(i18n.fill(_("Verdicts saved in {path}"), path=session.out))
    return 0


def make_app(session: Any, ui_language: str) -> Any:
    """The app `run` starts (tests replace `run` of the app, not this)."""
    from helpdesk_tui.ui.review.app import ReviewApp

    return ReviewApp(session, ui_language=ui_language, handle_signals=True)
