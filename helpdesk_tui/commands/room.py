"""`helpdesk-exam room LOGDIR` (or `room --sitting NAME`): a proctor's live view of a whole sitting.

One row per candidate: state, exam time and time left, open tickets, SLA
breaches, customers waiting, blocked keys, proctor events, disk faults,
resumes, last activity, and the witness's status where one runs. Every log
is followed as it grows (only new bytes are read, each record verified as it
comes); Enter observes one candidate. Nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.commands.observe import add_live_options, start_live
from helpdesk_tui.i18n import N_

_DESCRIPTION = N_(
    """\
Watch every candidate of a sitting at once, read-only. LOGDIR is the sitting's
folder (exam.conf's logs_dir: one folder per candidate) or any folder of logs;
--sitting NAME names a sitting as `helpdesk-exam sitting` does. Logs that appear
later get their rows; candidates the sitting's register expects show as waiting
until their log starts. Enter observes the selected candidate (Esc comes back),
s / S / r sort, F1 lists the keys, q leaves (the exams go on).

A witness file (`helpdesk-exam witness`) is read from --witness FILE, or
LOGDIR/witness.jsonl when there is one: the Witness column says up to which
record it has cosigned each log.

exit codes:
  0  watched until you left
  2  usage or input error: a missing folder or key"""
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "room",
        help="a proctor's live view of a whole sitting: one row per candidate",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("logdir", metavar="LOGDIR", type=Path, nargs="?", help="the logs folder")
    parser.add_argument("--sitting", metavar="NAME", help="a sitting's name (or its folder)")
    parser.add_argument("--root", type=Path, metavar="DIR", help="where named sittings live")
    parser.add_argument(
        "--pubkey", metavar="FILE", type=Path, help="the centre's public key: check signatures too"
    )
    parser.add_argument("--witness", metavar="FILE", type=Path, help="the witness's file")
    add_live_options(parser, 1.0, N_("seconds between looks at the logs (default: %(default)g)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    start_live(args)
    room, title = make_room(args)
    from helpdesk_tui.commands.exam import require_screen

    require_screen("room")  # after the sitting's own faults: those are named first
    from helpdesk_tui.ui.room.app import RoomApp

    RoomApp(room, title=title, poll_interval=args.interval, handle_signals=True).run()
    return 0


def make_room(args: argparse.Namespace) -> tuple[Any, str]:
    """The room for LOGDIR or --sitting, with its key, witness and expected candidates."""
    from helpdesk_tui.commands.observe import scenario_for
    from helpdesk_tui.commands.report import load_key
    from helpdesk_tui.sitting import RegisterError, Sitting, sitting_folder
    from helpdesk_tui.sitting.room import Room

    if (args.logdir is None) == (args.sitting is None):
        raise UserError("give the logs folder (room LOGDIR) or a sitting (room --sitting NAME).")
    try:
        folder = args.logdir or sitting_folder(args.sitting, args.root)
    except RegisterError as exc:
        raise UserError(str(exc)) from None
    if not folder.is_dir():
        raise UserError(
            f"{folder} is not a folder; give the sitting's logs folder (exam.conf's logs_dir, "
            "e.g. /var/lib/helpdesk-exam/logs/2026-12-03-am)."
        )
    if args.witness is not None and not args.witness.is_file():
        raise UserError(f"{args.witness} is not a file; give the witness's file (witness.jsonl).")
    sitting = Sitting(folder)
    expected: list[str] = []
    title = str(folder)
    if sitting.exists():
        try:
            expected = [str(row.get("candidate")) for row in sitting.rows()]
            document = sitting.document()
            title = f"{document.get('name', folder.name)} · {document.get('scenario', '')}"
        except RegisterError:
            pass  # the room follows the logs; a damaged register only loses the waiting rows
    key = load_key(args.pubkey)
    room = Room(folder, key, witness=args.witness, scenario_for=scenario_for, expected=expected)
    return room, title
