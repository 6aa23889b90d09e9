"""`helpdesk-exam keys init DIR`: an exam centre's signing keys and proctor code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import KeyInfo, generate_keypair, generate_witness_keypair
from helpdesk_tui.i18n import N_

_DESCRIPTION = N_(
    """\
Make an Ed25519 key pair for an exam centre in DIR:
  exam-centre.key  the private key (mode 0600): stays on the exam server, signs every exam log
  exam-centre.pub  the public key: give it to assessors for `helpdesk-exam verify --pubkey`
  proctor.json     the proctor code that ends exam mode, stored only as a salted scrypt hash

With --witness it writes a witness key pair instead (witness.key 0600, witness.pub)
for `helpdesk-exam witness`; keep it on the witness's own account, not the exam user's.

Existing keys are never overwritten: logs signed with them could no longer be verified.
Prefer --proctor-code-stdin: a code on the command line shows in the shell history.

exit codes: 0 keys written, 2 refused (keys exist, bad folder, code too short)"""
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "keys",
        help="make an exam centre's signing keys and proctor code (keys init DIR)",
        description="Manage an exam centre's signing keys.",
    )
    actions = parser.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="write a new key pair (and proctor-code hash) into DIR",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument(
        "directory", metavar="DIR", type=Path, help="folder for the keys (made if missing)"
    )
    init.add_argument(
        "--witness",
        action="store_true",
        help="make a witness key pair instead (witness.key, witness.pub) for `helpdesk-exam witness`",
    )
    code = init.add_mutually_exclusive_group()
    code.add_argument(
        "--proctor-code", metavar="CODE", help="the code a proctor types to end exam mode"
    )
    code.add_argument(
        "--proctor-code-stdin",
        action="store_true",
        help="read the proctor code from the first line of stdin",
    )
    init.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "witness", False):
        return _witness(args)
    code = _read_code_from_stdin() if args.proctor_code_stdin else args.proctor_code
    try:
        info = generate_keypair(args.directory, code)
    except LogError as exc:
        raise UserError(str(exc), 2) from None
    print(_report(info))
    return 0


def _read_code_from_stdin() -> str:
    code = sys.stdin.readline().rstrip("\r\n")
    if not code:
        raise UserError(
            "--proctor-code-stdin read an empty line; pipe the proctor code into the command.", 2
        )
    return code


def _report(info: KeyInfo) -> str:
    proctor = (
        f"{info.proctor_path} (salted scrypt hash)"
        if info.proctor_path
        else "not set (--proctor-code)"
    )
    return "\n".join(
        [
            f"Exam-centre keys written to {info.private_key_path.parent}",
            f"  private key   {info.private_key_path}  (mode 0600; keep it on the exam server, for the exam user only)",
            f"  public key    {info.public_key_path}  (for assessors: verify --pubkey)",
            f"  proctor code  {proctor}",
            f"  fingerprint   {info.fingerprint}",
            "",
            info.public_key_pem.rstrip("\n"),
        ]
    )


def _witness(args: argparse.Namespace) -> int:
    if args.proctor_code or args.proctor_code_stdin:
        raise UserError(
            "--witness makes a witness key only; a proctor code goes with centre keys.", 2
        )
    try:
        info = generate_witness_keypair(args.directory)
    except LogError as exc:
        raise UserError(str(exc), 2) from None
    print(
        "\n".join(
            [
                f"Witness keys written to {info.private_key_path.parent}",
                f"  private key   {info.private_key_path}  (mode 0600; for the witness's own user only)",
                f"  public key    {info.public_key_path}  (for assessors: verify --witness-pubkey)",
                f"  fingerprint   {info.fingerprint}",
            ]
        )
    )
    return 0
