"""`helpdesk-exam class-report LOG...`: one table for a group of students, for instructors."""

from __future__ import annotations

import argparse
from pathlib import Path

from helpdesk_tui.assess.class_report import (
    ClassRow,
    class_row,
    refused_row,
    render_class_html,
    render_class_terminal,
)
from helpdesk_tui.assess.pipeline import Refused, assess_log
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.commands.reconcile import note_register
from helpdesk_tui.commands.report import add_common_arguments, load_key
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.reader import read_header
from helpdesk_tui.i18n import N_, choose_language
from helpdesk_tui.printable import printable
from helpdesk_tui.terminal_safe import SafeConsole

_DESCRIPTION = N_(
    """\
Verify and measure each log, then show one table: per student (one row per
log), the evidence status of each of the 22 competencies (+ speaks for,
- against, ± mixed, ? to judge, · not observed), the share of tickets that met
every SLA target, and the median reply latency. A log that does not verify is
listed with the reason instead of its figures, unless --unverified.

exit codes:
  0  every log was measured
  1  at least one log was refused (listed with its reason)
  2  usage or input error"""
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "class-report",
        help="per student: competencies, SLA met %%, median reply",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "logs", metavar="LOG", type=Path, nargs="*", help="the students' session logs"
    )
    parser.add_argument(
        "--sitting",
        metavar="NAME",
        help="also every log in this sitting's register (a name, or the sitting's folder)",
    )
    add_common_arguments(parser)
    parser.add_argument("--html", metavar="FILE", type=Path, help="also write the table as HTML")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """The table in the reader's language (`--lang`, else the locale's, else English: as
    `report` and every verb), whatever the logs' scenarios speak."""
    args.lang = choose_language(args.lang)
    key = load_key(args.pubkey)
    if key is None and args.sitting:
        key = sitting_key(args.sitting)  # the sitting's own, from `sitting new --pubkey`
    rows: list[ClassRow] = []
    refusals: dict[int, Refused] = {}
    lang = args.lang
    registered = sitting_logs(args.sitting)
    logs = [*args.logs, *registered]
    if not logs:
        raise UserError("give the students' logs (LOG...) or --sitting NAME.", 2)
    for log in logs:
        try:
            assessed = assess_log(
                log, key, args.scenario, unverified=args.unverified, language=lang
            )
        except Refused as exc:
            refusals[len(rows)] = exc  # worded once the overview's language is known
            rows.append(refused_row(str(log), str(exc), candidate_of(log, registered)))
            continue
        except Exception as exc:  # one hostile log must not abort the whole class's report
            why = f"{log} could not be measured ({exc!r:.300})."
            rows.append(refused_row(str(log), why, candidate_of(log, registered)))
            continue
        rows.append(class_row(assessed))
    for index, refusal in refusals.items():
        row = rows[index]
        rows[index] = refused_row(row.log, refusal.worded(lang), row.student)
    render_class_terminal(rows, lang, SafeConsole())
    if args.html is not None:
        try:
            args.html.write_text(render_class_html(rows, lang), encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.html} cannot be written ({exc.strerror}).", 2) from None
    note_register(*logs)
    return 1 if any(r.refused for r in rows) else 0


def candidate_of(log: Path, registered: dict[Path, str]) -> str:
    """Whose log a refused one is: the header's candidate if its first line reads as a
    header, else the sitting register's, else the file's name."""
    header = read_header(log)
    if header is not None and header.candidate_id:
        return printable(header.candidate_id)[:MAX_SHOWN_ID]
    return registered.get(log) or printable(log.stem)[:MAX_SHOWN_ID]


MAX_SHOWN_ID = 64
"""A hostile header's candidate id is cut here (a register's ids are at most this long)."""


def sitting_key(name: str) -> PublicKey | None:
    """The public key the sitting was made with (its plan): an instructor who gave it to
    `sitting new` should not have to give it again (bugs13: every exam log of the sitting
    was refused as "an exam-centre log ... give that centre's public key")."""
    from helpdesk_tui.sitting import RegisterError, Sitting, sitting_folder

    try:
        return Sitting(sitting_folder(name)).public_key()
    except RegisterError as exc:
        raise UserError(str(exc), 2) from None


def sitting_logs(name: str | None) -> dict[Path, str]:
    """The logs the sitting's register lists, in candidate order, with their candidates."""
    if name is None:
        return {}
    from helpdesk_tui.sitting import RegisterError, Sitting, sitting_folder

    try:
        sitting = Sitting(sitting_folder(name))
        return {
            sitting.folder / row["log"]: str(row.get("candidate") or "")
            for row in sitting.rows()
            if row.get("log")
        }
    except RegisterError as exc:
        raise UserError(str(exc), 2) from None
