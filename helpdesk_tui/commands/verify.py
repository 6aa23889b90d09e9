"""`helpdesk-exam verify LOG --pubkey FILE [--scenario DIR]`: may assessors trust this log?"""

from __future__ import annotations

import argparse
from pathlib import Path

from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import PublicKey, load_public_key
from helpdesk_tui.eventlog.records import KEY_PER_SESSION
from helpdesk_tui.eventlog.verifier import FaultKind, Summary, VerifyResult, verify_log
from helpdesk_tui.eventlog.witness import WitnessError, check_against_witness, read_witness_file

_DESCRIPTION = """\
Check that a session log is exactly as it was written: every hash link, seq
number and signature, the header's key, and (with --scenario) the scenario's
files. The first record that cannot be trusted is named by line and seq.

exit codes:
  0  intact and sealed: the log can be assessed
  1  not intact: changed, damaged or signed with another key (the first bad record is named)
  2  usage or input error: missing or unreadable log or key, --pubkey needed
  3  intact but unsealed: the session never ended or its tail was cut (a torn
     last line from a crash is reported here too); on its own a log cannot tell
     a crash from a cut: give --witness to tell them apart

With --witness FILE --witness-pubkey FILE the log is also checked against what
the witness cosigned: a log shorter than the last cosigned record (a cut, a
rollback, a removed seal), a cosigned head not in the log (re-signed), or two
logs for one session (a fork) fail with exit 1.

Format 1 logs (written before forward security) are still checked, but an
exam log of format 1 cannot count as an exam log and exits 1.

Practice logs without an exam-centre key are signed with their own per-session
key: they verify without --pubkey and say so, and never pass with a centre's key."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check a session log's hash chain, signatures and seal",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("log", metavar="LOG", type=Path, help="the session log (logs/*.jsonl)")
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
        help="the scenario folder: check it is the one the log was sat on",
    )
    parser.add_argument(
        "--witness",
        metavar="FILE",
        type=Path,
        help="the witness file: tell a cut, a rollback, a fork or a re-signed log from a crash",
    )
    parser.add_argument(
        "--witness-pubkey", metavar="FILE", type=Path, help="the witness's public key (witness.pub)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    witness = getattr(args, "witness", None)
    witness_pub = getattr(args, "witness_pubkey", None)
    if (witness is None) != (witness_pub is None):
        raise UserError("--witness FILE and --witness-pubkey FILE go together.", 2)
    try:
        key = load_public_key(args.pubkey) if args.pubkey is not None else None
        book = None
        if witness is not None:
            book = read_witness_file(witness, load_public_key(witness_pub))
        result = verify_log(args.log, key, args.scenario)
    except WitnessError as exc:
        print(f"FAILED ({FaultKind.WITNESS_CHANGED}): {exc}")
        return 1
    except LogError as exc:
        raise UserError(str(exc), 2) from None
    notes = check_against_witness(result, book, witness.name) if book is not None else None
    print(report(args.log, result, key, notes))
    return result.exit_code


def report(
    log: Path, result: VerifyResult, key: PublicKey | None, witness_notes: list[str] | None = None
) -> str:
    """The verdict first, then what the log says about the session."""
    lines = [_verdict(log, result)]
    if result.not_an_exam_log is not None:
        lines.append(result.not_an_exam_log)
    if result.summary.session_id is not None:
        lines += _summary_lines(result.summary, result)
    lines += _signed_lines(result, log)
    if witness_notes is None:
        if result.status == "unsealed":
            lines.append(
                f"  {'note':<12} on its own a log cannot tell a crash from a cut: records removed "
                "after a checkpoint, or a removed seal, read exactly like a crash. Give "
                "--witness FILE --witness-pubkey FILE to tell them apart."
            )
    else:
        lines += [f"  {'witness':<12} {note}" for note in witness_notes]
    return "\n".join(lines)


def _verdict(log: Path, result: VerifyResult) -> str:
    if result.status == "ok":
        return f"OK: {log} is intact and sealed."
    if result.status == "unsealed":
        return f"UNSEALED: {log} is intact as far as it goes, but has no seal."
    fault = result.fault
    assert fault is not None
    return f"FAILED ({fault.kind}): {log} {fault.message}"


def _summary_lines(s: Summary, result: VerifyResult) -> list[str]:
    scenario_note = (
        "matches --scenario" if s.scenario_checked else "not checked (give --scenario DIR)"
    )
    if result.fault is not None and result.fault.kind == "scenario-hash-differs":
        scenario_note = "DIFFERS from --scenario"
    key = f"exam-centre key {s.key_fingerprint}"
    if s.key_kind == KEY_PER_SESSION:
        key = f"per-session practice key {s.key_fingerprint} (not an exam-centre key: this log can never count as an exam log)"
    counted = "as far as it could be checked" if result.status == "bad" else ""
    rows = [
        ("candidate", s.candidate_id),
        (
            "scenario",
            f"{s.scenario_id} (files sha256 {str(s.scenario_sha256)[:16]}..., {scenario_note})",
        ),
        ("mode", s.mode),
        ("signed by", key),
        ("session", s.session_id),
        ("software", f"helpdesk-exam {s.software_version}"),
        ("started", f"{s.started} (UTC)"),
        ("duration", f"{_clock(s.duration_s)} exam time, last record {s.ended}"),
        ("records", f"{s.records} ({s.events} events) {counted}".rstrip()),
        ("checkpoints", str(s.checkpoints)),
        ("seal", s.seal_reason or "none"),
    ]
    return [f"  {name:<12} {value}" for name, value in rows]


def _signed_lines(result: VerifyResult, log: Path) -> list[str]:
    lines = []
    if result.status == "unsealed":
        where = (
            f"the last checkpoint (line {result.last_checkpoint_line})"
            if result.last_checkpoint_line
            else "no checkpoint yet; the signed header"
        )
        lines.append(
            f"  {'signed':<12} {where} covers {result.signed_records} records; "
            f"{result.unsigned_records} after it are unsigned (hash-chained only)"
        )
    if result.torn is not None:
        lines.append(
            f"  {'torn line':<12} line {result.torn.line}: {result.torn.length} bytes of a record whose "
            f"write never finished (never acknowledged); resuming the session moves it to {log.name}.torn"
        )
    return lines


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
