"""`helpdesk-exam verify LOG --pubkey FILE [--scenario DIR]`: may assessors trust this log?"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from helpdesk_tui import i18n
from helpdesk_tui.assess.texts import T as ASSESS_TEXTS
from helpdesk_tui.assess.texts import not_an_exam_banner, tr
from helpdesk_tui.commands.errors import UserError, message_of
from helpdesk_tui.core.phrase import say
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import PublicKey, load_public_key
from helpdesk_tui.eventlog.records import KEY_PER_SESSION
from helpdesk_tui.eventlog.verifier import FaultKind, Summary, VerifyResult, verify_log
from helpdesk_tui.eventlog.walls import ahead_of
from helpdesk_tui.eventlog.witness import (
    WitnessError,
    check_against_witness,
    check_witness_end,
    end_note,
    read_witness_file,
)
from helpdesk_tui.i18n import N_, _, fill, ngettext
from helpdesk_tui.printable import printable

_DESCRIPTION = N_(
    """\
Check that a session log is exactly as it was written: every hash link, seq
number and signature, the header's key, and (with --scenario) the scenario's
files. The first record that cannot be trusted is named by line and seq.

exit codes:
  0  intact and sealed: the log can be assessed
  1  not intact: changed, damaged or signed with another key (the first bad record is named)
  2  usage or input error: missing or unreadable log or key, --pubkey needed
  3  intact but unsealed: the session never ended or its tail was cut (a torn
     last line from a crash is reported here too); on its own a log cannot tell
     a crash from a cut: give --witness to tell them apart. With --witness, also
     a sealed log whose seal the witness never cosigned (NOT WITNESSED)

With --witness FILE --witness-pubkey FILE the log is also checked against what
the witness cosigned: a log shorter than the last cosigned record (a cut, a
rollback, a removed seal), a cosigned head not in the log (re-signed), or two
logs for one session (a fork) fail with exit 1.

Format 1 logs (written before forward security) are still checked, but an
exam log of format 1 cannot count as an exam log and exits 1.

Practice logs without an exam-centre key are signed with their own per-session
key: they verify without --pubkey and say so, and never pass with a centre's key."""
)


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
        help="the scenario folder, or the id of a bundled scenario: check it is the one the log was sat on",
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
    parser.add_argument(
        "--lang",
        choices=("en", "nl", "fr"),
        help="the language of the verdict (default: the locale's, else English)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Verify in the language asked for (else the locale's), then speak as before."""
    previous = i18n.current_language()
    i18n.set_language(i18n.choose_language(getattr(args, "lang", None)))
    try:
        return _run(args)
    finally:
        i18n.set_language(previous)


def scenario_folder(given: Path | None) -> Path | None:
    """--scenario as a folder: a bundled scenario's id is its folder, as for `exam`, `practice`
    and `sitting new` (walk27: `verify --scenario nl-verhaeghe-dinsdag`, the id the exam was
    started with, was refused: "does not exist; give the scenario's folder"); neither a
    path nor an id is refused in the verdict's language, naming the ids there are."""
    if given is None:
        return None
    from helpdesk_tui.commands.practice import find_scenario

    return find_scenario(str(given))


def _run(args: argparse.Namespace) -> int:
    witness = getattr(args, "witness", None)
    witness_pub = getattr(args, "witness_pubkey", None)
    if (witness is None) != (witness_pub is None):
        raise UserError(_("--witness FILE and --witness-pubkey FILE go together."), 2)
    try:
        key = load_public_key(args.pubkey) if args.pubkey is not None else None
        book, state_lines = None, None
        if witness is not None:
            witness_key = load_public_key(witness_pub)
            book = read_witness_file(witness, witness_key)
            state_lines = check_witness_end(witness, book, witness_key)
        result = verify_log(args.log, key, scenario_folder(args.scenario))
    except WitnessError as exc:
        print(fill(_("FAILED ({kind}): {why}"), kind=FaultKind.WITNESS_CHANGED, why=exc))
        return 1
    except LogError as exc:
        raise UserError(message_of(exc), 2) from None
    notes = None
    if book is not None:
        notes = check_against_witness(result, book, witness.name)
        if result.seal_not_witnessed:  # sec14: its signed state tells a cut from an early stop
            notes.append(end_note(book, state_lines, witness.name))
    print(printable(report(args.log, result, key, notes)))  # the header's words are the log's
    return result.exit_code


def report(
    log: Path,
    result: VerifyResult,
    key: PublicKey | None,
    witness_notes: list[str] | None = None,
    now: datetime | None = None,
) -> str:
    """The verdict first, then what the log says about the session, in the current language."""
    lang = i18n.current_language()
    rows: list[tuple[str, str]] = []
    if result.fault is not None and lang != "en" and f"fault.{result.fault.kind}" in ASSESS_TEXTS:
        rows.append((_("in detail"), worded(result.fault.message)))  # the verifier's words
    if result.summary.session_id is not None:
        rows += _summary_rows(result.summary, result)
    rows += _signed_rows(result, log) if result.status != "bad" else _after_fault_rows(result)
    if witness_notes is None:
        if result.status == "unsealed":
            rows.append((_("note"), _(
                "on its own a log cannot tell a crash from a cut: records removed after a "
                "checkpoint, or a removed seal, read exactly like a crash. Give --witness FILE "
                "--witness-pubkey FILE to tell them apart."
            )))  # fmt: skip
    else:
        rows += [(_("witness"), worded(note)) for note in witness_notes]
    rows += [(_("note"), note) for note in wall_notes(result.summary, now)]
    lines = [_verdict(log, result, lang)]
    banner = not_an_exam_banner(result.not_an_exam_reason, lang)
    if banner is not None:
        lines.append(banner)
    width = max([12, *(len(name) for name, _value in rows)])
    lines += [f"  {name:<{width}} {value}" for name, value in rows]
    return "\n".join(lines)


def wall_notes(summary: Summary, now: datetime | None = None) -> list[str]:
    """What the exam server's wall clock did, as notes (sec19: a log whose walls went an
    hour back each record, or stood in year 9999, verified with no word). Not faults: an
    NTP step or `date -s` moves a running exam's wall, and exam time is the log's order."""
    notes, walls = [], summary.walls
    back = walls.first_back
    if back is not None:
        notes.append(fill(ngettext(
            "the wall clock went back {n} time: on line {line} (seq {seq}) from {before} to "
            "{after}. Exam time ran on, so the log's order holds; the exam server's clock was "
            "stepped, or the walls were not written by the exam.",
            "the wall clock went back {n} times, first on line {line} (seq {seq}) from "
            "{before} to {after}. Exam time ran on, so the log's order holds; the exam "
            "server's clock was stepped, or the walls were not written by the exam.",
            walls.steps_back,
        ), n=walls.steps_back, line=back.line, seq=back.seq, before=back.before[:40],
           after=back.after[:40]))  # fmt: skip
    latest, line = walls.latest(summary.ended or "", summary.ended_line)
    if ahead_of(latest, now or datetime.now(UTC)):
        notes.append(fill(_(
            "the wall clock on line {line} says {wall}, later than this computer's clock: "
            "the exam server's clock was wrong, or the walls were not written by the exam."
        ), line=line, wall=latest[:40]))  # fmt: skip
    return notes


def worded(text: str) -> str:
    """The verifier's (or the witness's) sentence in the current language: a `Phrase`
    through the catalogue, its values filled in; any other text as it is."""
    return say(text, _, fill=fill)


def _verdict(log: Path, result: VerifyResult, lang: str) -> str:
    if result.status == "ok" and result.seal_not_witnessed:
        return fill(
            _(
                "NOT WITNESSED: {log} is intact and sealed, but the witness never cosigned "
                "its seal: what it did not cosign rests on the log's own keys."
            ),
            log=log,
        )
    if result.status == "ok":
        return fill(_("OK: {log} is intact and sealed."), log=log)
    if result.status == "unsealed":
        return fill(_("UNSEALED: {log} is intact as far as it goes, but has no seal."), log=log)
    fault = result.fault
    assert fault is not None
    kind_key = f"fault.{fault.kind}"
    if lang == "en" or kind_key not in ASSESS_TEXTS:
        return f"FAILED ({fault.kind}): {log} {fault.message}"
    what = tr(lang, kind_key)  # the kind of fault in words; the verifier's own words follow
    if fault.seq is None:
        where = fill(_("line {line}: {what}."), line=fault.line, what=what)
    else:
        where = fill(
            _("line {line} (seq {seq}): {what}."), line=fault.line, seq=fault.seq, what=what
        )
    return fill(_("FAILED ({kind}): {log}, {where}"), kind=fault.kind, log=log, where=where)


_MODES = {"exam": N_("exam"), "practice": N_("practice")}


def _summary_rows(s: Summary, result: VerifyResult) -> list[tuple[str, str]]:
    scenario_note = (
        _("matches --scenario") if s.scenario_checked else _("not checked (give --scenario DIR)")
    )
    if result.fault is not None and result.fault.kind == "scenario-hash-differs":
        scenario_note = _("DIFFERS from --scenario")
    key = fill(_("exam-centre key {fingerprint}"), fingerprint=s.key_fingerprint)
    if s.key_kind == KEY_PER_SESSION:
        key = fill(
            _(
                "per-session practice key {fingerprint} (not an exam-centre key: this log can "
                "never count as an exam log)"
            ),
            fingerprint=s.key_fingerprint,
        )
    counted = _("as far as it could be checked") if result.status == "bad" else ""
    mode = _(_MODES[s.mode]) if s.mode in _MODES else str(s.mode)
    return [
        (_("candidate"), str(s.candidate_id)),
        (
            _("scenario"),
            fill(
                _("{id} (files sha256 {sha}..., {note})"),
                id=s.scenario_id,
                sha=str(s.scenario_sha256)[:16],
                note=scenario_note,
            ),
        ),  # fmt: skip
        (_("mode"), mode),
        (_("signed by"), key),
        (_("session"), str(s.session_id)),
        (_("software"), f"helpdesk-exam {s.software_version}"),
        (_("started"), f"{s.started} (UTC)"),
        (
            _("duration"),
            fill(  # a practice log's clock is no exam's, as its review and report say (bugs22)
                _("{clock} practice time, last record {ended}")
                if s.mode == "practice"
                else _("{clock} exam time, last record {ended}"),
                clock=_clock(s.duration_s),
                ended=s.ended,
            ),
        ),  # fmt: skip
        (
            _("records"),
            fill(
                _("{records} ({events} events) {counted}"),
                records=s.records,
                events=s.events,
                counted=counted,
            ).rstrip(),
        ),  # fmt: skip
        (_("checkpoints"), str(s.checkpoints)),
        (_("seal"), _seal_words(s.seal_reason) if s.seal_reason else _("none")),
    ]


def _seal_words(reason: str) -> str:
    """The seal's reason in the reader's language, with the logged value beside it for a
    search ("remis (handed-in)"; a French verify printed the bare "handed-in")."""
    lang, key = i18n.current_language(), f"ended.{reason}"
    if key not in ASSESS_TEXTS:
        return reason
    words = tr(lang, key)
    return reason if words == reason else f"{words} ({reason})"


def _signed_rows(result: VerifyResult, log: Path) -> list[tuple[str, str]]:
    rows = []
    if result.status == "unsealed":
        if result.last_checkpoint_line:
            where = fill(_("the last checkpoint (line {line})"), line=result.last_checkpoint_line)
        else:
            where = _("no checkpoint yet; the signed header")
        rows.append((_("signed"), fill(
            _("{where} covers {signed} records; {unsigned} after it are unsigned (hash-chained only)"),
            where=where, signed=result.signed_records, unsigned=result.unsigned_records,
        )))  # fmt: skip
    if result.torn is not None:
        rows.append((_("torn line"), fill(
            _(
                "line {line}: {length} bytes of a record whose write never finished (never "
                "acknowledged); resuming the session moves it to {name}.torn"
            ),
            line=result.torn.line, length=result.torn.length, name=log.name,
        )))  # fmt: skip
    return rows


def _after_fault_rows(result: VerifyResult) -> list[tuple[str, str]]:
    """What follows the first fault: the lines not checked, and whether the log ends in a
    torn line (sec-fuzz9's streamed verify stopped reading at the fault and said neither)."""
    assert result.fault is not None
    rows = []
    if result.lines is None:
        rows.append((_("after it"), _("the rest of the log could not be read")))
    elif (after := result.lines_after_fault) > 0:
        said = ngettext(
            "{n} more complete line, not checked", "{n} more complete lines, not checked", after
        )
        rows.append((_("after it"), fill(said, n=after)))
    tail = result.tail_bytes
    if tail is not None and result.fault.line <= (result.lines or 0):
        rows.append((_("torn line"), fill(
            _(
                "line {line}: the log ends in {length} bytes without a line end (a write that "
                "never finished, or bytes added)"
            ),
            line=(result.lines or 0) + 1, length=tail,
        )))  # fmt: skip
    return rows


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
