"""`helpdesk-exam reconcile A B`: two assessors' verdicts side by side, and the decision."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from helpdesk_tui.assess.reconcile import PASS, Reconciliation, reconcile, write_decision
from helpdesk_tui.assess.texts import T, tr
from helpdesk_tui.assess.verdicts import (
    MAX_VERDICT_BYTES,
    NOT_OBSERVED,
    NOT_PROVEN,
    PROVEN,
    VerdictError,
    Verdicts,
    load_verdicts,
)
from helpdesk_tui.commands.errors import UserError
from helpdesk_tui.commands.report import load_key
from helpdesk_tui.eventlog.errors import LogReadError
from helpdesk_tui.eventlog.reader import MAX_LOG_BYTES, open_log_file, too_large
from helpdesk_tui.i18n import N_, choose_language
from helpdesk_tui.scenario.competencies import short_name
from helpdesk_tui.terminal_safe import SafeConsole

_CHUNK = 1 << 20

_DESCRIPTION = N_(
    """\
Check that two verdict files judge the same log (by its SHA-256) and come from
two different assessors, then show the agreement per competency, Cohen's kappa
over proven / not_proven / not_observed, and the competencies to discuss. The
outcome follows the standard: a pass only when both assessors mark all 22
competencies proven. With --out, the decision is written as JSON.

After discussing, each assessor changes their own verdict file and you run
reconcile again: the software never settles a disagreement.

exit codes:
  0  reconciled: a pass (both assessors marked all 22 proven)
  1  reconciled: not passed (some competency not proven by both, or disagreement)
  2  usage or input error: a missing or invalid file, different logs, one assessor twice,
     undecided competencies, a bad signature"""
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reconcile",
        help="compare two assessors' verdicts: agreement, kappa, outcome",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("a", metavar="A", type=Path, help="the first assessor's verdict file")
    parser.add_argument("b", metavar="B", type=Path, help="the second assessor's verdict file")
    parser.add_argument("--out", metavar="FILE", type=Path, help="write the decision (JSON) here")
    parser.add_argument(
        "--log", metavar="LOG", type=Path, help="check both verdicts are about this log file"
    )
    parser.add_argument(
        "--pubkey-a", metavar="FILE", type=Path, help="A must be signed with this public key"
    )
    parser.add_argument(
        "--pubkey-b", metavar="FILE", type=Path, help="B must be signed with this public key"
    )
    parser.add_argument(
        "--lang",
        choices=("en", "nl", "fr"),
        help="the language of the comparison (default: the locale's, else English)",
    )
    parser.set_defaults(handler=run)


def _load(path: Path, key_path: Path | None) -> Verdicts:
    try:
        return load_verdicts(path, load_key(key_path))
    except VerdictError as exc:
        raise UserError(str(exc), 2) from None


def run(args: argparse.Namespace) -> int:
    lang = choose_language(getattr(args, "lang", None))
    a, b = _load(args.a, args.pubkey_a), _load(args.b, args.pubkey_b)
    names = (str(args.a), str(args.b))
    try:
        rec = reconcile(a, b, names)
    except VerdictError as exc:
        raise UserError(str(exc), 2) from None
    if args.log is not None:
        _check_log(args.log, a, lang)
    show(rec, names, lang, SafeConsole())
    if args.out is not None:
        hashes = tuple(_sha256(p, MAX_VERDICT_BYTES, lang) for p in (args.a, args.b))
        try:
            write_decision(args.out, rec, names, (hashes[0], hashes[1]))
        except OSError as exc:
            why = tr(lang, "reconcile.unwritable", path=args.out, why=exc.strerror)
            raise UserError(why, 2) from None
        SafeConsole().print(tr(lang, "reconcile.written", path=args.out))
    note_register(args.a, args.b, args.out)
    return 0 if rec.outcome == PASS else 1


def note_register(*files: Path | None) -> None:
    """The sitting's register (if these files sit in one) shows the verdicts and outcome.

    A register that cannot be updated is a warning: the decision stands."""
    from helpdesk_tui.sitting.hooks import note_log, sitting_of

    done: set[tuple[str, str]] = set()
    for path in files:
        found = sitting_of(path) if path is not None else None
        if found is None or (str(found[0].folder), found[1]) in done:
            continue
        done.add((str(found[0].folder), found[1]))
        warning = note_log(path)
        if warning is not None:
            print(f"helpdesk-exam: warning: {warning}", file=sys.stderr)


def _sha256(path: Path, limit: int, lang: str) -> str:
    """SHA-256 (hex) of a file read in pieces: a regular file of at most `limit` bytes
    (sec12: `--log FIFO` waited for a writer for ever, `--log /dev/zero` read until the
    memory ran out: the whole file was read at once, whatever it was)."""
    digest, size = hashlib.sha256(), 0
    try:
        with open_log_file(path) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise too_large(path)
                digest.update(chunk)
    except LogReadError as exc:
        raise UserError(str(exc), 2) from None
    except OSError as exc:
        raise UserError(tr(lang, "reconcile.unreadable", path=path, why=exc.strerror), 2) from None
    return digest.hexdigest()


def _check_log(log: Path, verdicts: Verdicts, lang: str) -> None:
    digest = _sha256(log, MAX_LOG_BYTES, lang)
    if digest != verdicts.log_sha256:
        raise UserError(
            tr(lang, "reconcile.other_log", path=log, found=digest[:16],
               named=verdicts.log_sha256[:16]),
            2,
        )  # fmt: skip


def show(rec: Reconciliation, names: tuple[str, str], lang: str, console: Console) -> None:
    """Both verdicts per competency, then agreement, kappa, items to discuss and the outcome.

    Plain aligned lines rather than a table: the verdicts and the DISCUSS mark
    must never be the part a narrow terminal cuts off; the long names may be.
    """
    said = {v: _verdict(v, lang) for v in {r.a for r in rec.rows} | {r.b for r in rec.rows}}
    width = max(13, len(rec.a.assessor) + 3, len(rec.b.assessor) + 3, *map(len, said.values()))
    agree, discuss = tr(lang, "reconcile.agree"), tr(lang, "reconcile.discuss")
    mark = max(8, len(agree) + 1, len(discuss) + 1)
    console.print(Text(f"{rec.a.candidate_id} — {rec.a.scenario_id}", style="bold"))
    head = f"{'':<7} {'A: ' + rec.a.assessor:<{width}} {'B: ' + rec.b.assessor:<{width}}"
    console.print(Text(head, style="bold"), no_wrap=True, overflow="ellipsis")
    for row in rec.rows:
        line = Text()
        line.append(f"{row.competency:<7} ")
        line.append(f"{said[row.a]:<{width}} ", style=_style(row.a))
        line.append(f"{said[row.b]:<{width}} ", style=_style(row.b))
        line.append(
            f"{agree:<{mark}}" if row.agree else f"{discuss:<{mark}}",
            "green" if row.agree else "bold red",
        )
        line.append(short_name(row.competency, lang), style="dim")
        console.print(line, no_wrap=True, overflow="ellipsis")
    for text, style in _summary_lines(rec, names, lang):
        console.print(Text(text, style=style), soft_wrap=True)


def _summary_lines(rec: Reconciliation, names: tuple[str, str], lang: str) -> list[tuple[str, str]]:
    kappa = rec.kappa
    agreed = sum(1 for r in rec.rows if r.agree)
    value = (
        f"{kappa.value:.3f}" if kappa.value is not None else tr(lang, "reconcile.kappa_undefined")
    )
    lines = [
        (
            tr(lang, "reconcile.agreement", agreed=agreed, total=len(rec.rows),
               observed=f"{float(kappa.observed):.3f}", expected=f"{float(kappa.expected):.3f}",
               kappa=value),
            "",
        )
    ]  # fmt: skip
    for name, verdicts in zip(names, (rec.a, rec.b), strict=True):
        key = "reconcile.signed_by" if verdicts.signed_by else "reconcile.not_signed"
        said = tr(lang, key, name=name, assessor=verdicts.assessor, signer=verdicts.signed_by)
        lines.append((said, "dim"))
    if rec.to_discuss:
        lines.append((tr(lang, "reconcile.discuss_list", ids=", ".join(rec.to_discuss)), "bold"))
        lines += [
            (
                tr(lang, "reconcile.discuss_row", id=r.competency, a=_verdict(r.a, lang),
                   comment_a=r.comment_a or "-", b=_verdict(r.b, lang),
                   comment_b=r.comment_b or "-"),
                "",
            )
            for r in rec.rows
            if not r.agree
        ]  # fmt: skip
    if rec.outcome == PASS:
        lines.append((tr(lang, "reconcile.pass"), "bold green"))
    else:
        lines.append((_not_passed_reason(rec, lang), "bold red"))
    return lines


def _verdict(verdict: str, lang: str) -> str:
    """A verdict as the file has it in English ("not_proven"), in words in the others."""
    key = f"verdict.{verdict}"
    return tr(lang, key) if key in T else verdict


def _style(verdict: str) -> str:
    return "green" if verdict == PROVEN else "red"


def _not_passed_reason(rec: Reconciliation, lang: str) -> str:
    """Why not passed: what both judged not proven, what neither observed (both chose
    "not observed": no evidence either way, not a judgement against), what is to discuss."""
    agreed = {r.competency: r.a for r in rec.rows if r.agree}
    not_proven = [c for c in rec.not_proven_by_both if agreed[c] == NOT_PROVEN]
    not_observed = [c for c in rec.not_proven_by_both if agreed[c] == NOT_OBSERVED]
    parts = []
    if not_proven:
        parts.append(tr(lang, "reconcile.not_proven_both", ids=", ".join(not_proven)))
    if not_observed:
        parts.append(tr(lang, "reconcile.not_observed_both", ids=", ".join(not_observed)))
    if rec.to_discuss:
        parts.append(tr(lang, "reconcile.to_discuss", n=len(rec.to_discuss)))
    return tr(lang, "reconcile.not_passed", reasons=tr(lang, "join.semicolon").join(parts))
