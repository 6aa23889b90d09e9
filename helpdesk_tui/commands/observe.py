"""`helpdesk-exam observe LOG`: follow a running exam, read-only, from a second terminal.

The direct observation the standard prescribes: the candidate's queue, the
ticket and conversation they are looking at, their KB look-ups and every
record as it is written, with the SLA clocks running live. The log is
verified as it grows; a broken chain is shown in red and following stops.
Nothing typed here reaches the exam.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from helpdesk_tui import i18n
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.i18n import N_

_DESCRIPTION = N_(
    """\
Follow a session log while the exam writes it (or replay a finished one), read-only:
the queue with live SLA clocks, the candidate's ticket and conversation, KB look-ups
and a running feed of records. Each new record is verified as it arrives (hash chain,
checkpoints and seal; with --pubkey also an exam log's signatures). `f` follows what
the candidate is looking at, F1 lists the keys, q stops observing.

exit codes:
  0  observed until you left
  1  refused: the log is damaged or changed already when observing starts
  2  usage or input error: a missing or unreadable log or key"""
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "observe",
        help="follow a running exam live and read-only from a second terminal",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("log", metavar="LOG", type=Path, help="the session log being written")
    parser.add_argument(
        "--pubkey",
        metavar="FILE",
        type=Path,
        help="the exam centre's public key, to check an exam log's signatures too",
    )
    add_live_options(parser, 0.5, N_("seconds between looks at the log (default: %(default)g)"))
    parser.set_defaults(handler=run)


def add_live_options(parser: argparse.ArgumentParser, interval: float, every: str) -> None:
    """--lang and --interval, shared by the live views (observe, room); `every`: the
    interval's help, a literal (a msgid: the help is shown in the user's language)."""
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, help="the UI language (default: from the locale, else en)"
    )
    parser.add_argument(
        "--interval",
        metavar="S",
        type=float,
        default=interval,
        help=every,
    )


def start_live(args: argparse.Namespace) -> None:
    """The language chosen, the interval checked: before a live view starts."""
    i18n.set_language(i18n.choose_language(args.lang))
    if not args.interval > 0:
        raise UserError(
            f"--interval {args.interval} must be a number of seconds above 0, e.g. 0.5."
        )


def run(args: argparse.Namespace) -> int:
    start_live(args)
    follower, backlog = start_following(args.log, args.pubkey)
    from helpdesk_tui.commands.exam import require_screen

    require_screen("observe")  # after the log's own faults: those are named first
    app = make_app(follower, _scenario(follower), args.interval, backlog)
    app.run()
    return 0


def start_following(log: Path, pubkey: Path | None) -> tuple[Any, Any]:
    """A follower and what it read of the log so far; UserError if it is unusable from the start."""
    from helpdesk_tui.eventlog.errors import LogError
    from helpdesk_tui.eventlog.follow import LogFollower
    from helpdesk_tui.eventlog.keys import load_public_key

    try:
        key = load_public_key(pubkey) if pubkey is not None else None
        follower = LogFollower(log, key)
        backlog = follower.poll()
    except LogError as exc:
        raise UserError(str(exc), 2) from None
    if follower.fault is not None:
        raise UserError(
            f"{log} does not verify: {follower.fault.message} Run `helpdesk-exam verify {log}` "
            "for the details; a changed log is not observed.",
            1,
        )
    if follower.header is None:
        raise UserError(
            f"{log} has no complete header line yet; start observing once the session has started.",
            2,
        )
    return follower, backlog


def _scenario(follower: Any) -> Any:
    return scenario_for(follower.header)


def scenario_for(header: Any) -> Any:
    """The bundled scenario a log's header names, for KB titles and practice feedback; None
    when it is not here or differs."""
    from helpdesk_tui.assess.pipeline import find_scenario
    from helpdesk_tui.scenario.errors import ScenarioInvalid
    from helpdesk_tui.scenario.loader import load_scenario

    found = find_scenario(header.scenario_id, header.scenario_sha256)
    if found is None or not found.matches:
        return None
    try:
        return load_scenario(found.folder)
    except (ScenarioInvalid, OSError):
        return None


def make_app(follower: Any, scenario: Any, interval: float, backlog: Any = None) -> Any:
    from helpdesk_tui.ui.observe.app import ObserveApp

    return ObserveApp(
        follower, scenario, poll_interval=interval, handle_signals=True, backlog=backlog
    )
