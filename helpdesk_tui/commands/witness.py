"""`helpdesk-exam witness LOGDIR --key WITNESS_KEY --out FILE`: countersign logs as they grow.

Runs beside the exams as another user (or on the proctor's machine with the
logs' folder mounted read-only): follows every log under LOGDIR, checks each
header, checkpoint and seal, and countersigns it into the witness file. See
`eventlog/witness.py` and docs/eventlog-format.md ("The witness").
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import load_private_key, load_public_key
from helpdesk_tui.eventlog.witness import Witness, WitnessFile
from helpdesk_tui.i18n import N_
from helpdesk_tui.printable import printable_name

_DESCRIPTION = N_(
    """\
Follow every session log (*.jsonl) under LOGDIR as it grows, check each signed
record (header, checkpoint, seal: seq, hash chain, key chain, signature) and
countersign it into the append-only witness file FILE. A record that does not
extend what the witness cosigned before for that session (another head at the
same seq: a fork or a rewritten log; a log cut below what was cosigned) is
refused, and the refusal is written to FILE too.

Run it as a user that can read the logs but not write them, and keep its key
(`keys init DIR --witness`) away from the exam user. Assessors then run
`verify LOG --witness FILE --witness-pubkey witness.pub`.

exit codes: 0 stopped normally (--once: one pass done), 2 usage or input error"""
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "witness",
        help="follow logs as they grow and countersign their checkpoints",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("logdir", metavar="LOGDIR", type=Path, help="the folder of session logs")
    parser.add_argument(
        "--key",
        metavar="WITNESS_KEY",
        type=Path,
        required=True,
        help="witness.key (keys init --witness)",
    )
    parser.add_argument(
        "--out", metavar="FILE", type=Path, required=True, help="the witness file (appended to)"
    )
    parser.add_argument(
        "--pubkey",
        metavar="FILE",
        type=Path,
        help="exam-centre.pub: also check the headers' signatures",
    )
    parser.add_argument(
        "--once", action="store_true", help="witness what is there now, then exit (tests, scripts)"
    )
    parser.add_argument(
        "--interval",
        metavar="S",
        type=float,
        default=1.0,
        help="seconds between passes (default 1)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.logdir.is_dir():
        raise UserError(f"{args.logdir} is not a folder; give the folder the session logs go to.")
    if not 0.05 <= args.interval <= 3600:
        raise UserError("--interval must be between 0.05 and 3600 seconds.")
    try:
        signer = load_private_key(args.key)
        centre = load_public_key(args.pubkey) if args.pubkey is not None else None
        file = WitnessFile(args.out, signer)
    except LogError as exc:
        raise UserError(str(exc)) from None
    witness = Witness(args.logdir, file, centre, say=_say)
    stop: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.append(signum)

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        while True:
            witness.scan()
            if args.once or stop:
                break
            time.sleep(args.interval)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        file.close()
    _say(
        f"witnessed {len(witness.followed)} log(s): {witness.cosigned} cosignature(s), "
        f"{witness.refusals} refusal(s) written to {args.out}"
    )
    return 0


def _say(text: str) -> None:
    """One line on the operator's terminal. It names logs by their files and quotes their
    headers, which the exam user (whom the witness does not trust) writes: a log named
    "c ESC ] 0 ; ... BEL ESC [ 2 J x.jsonl" retitled and cleared the terminal on a refusal
    (sec23). Every control character (line breaks too) is shown as its picture."""
    print(f"witness: {printable_name(text)}", file=sys.stderr, flush=True)
