"""Everything one assessor's review needs, loaded and checked before the screen opens.

The order is the report's: the log is verified and its scenario (the answer
key) found and checked by `assess_log`, then the same bytes are read once
more for the replay, and the verdict sheet is bound to the SHA-256 of those
bytes. If the file changed between these steps the review is refused: the
verdicts must belong to exactly the log that was shown.

Each assessor has a sheet of their own (`<log>.verdicts.<assessor>.json`
unless `--out` says otherwise). An existing sheet of the same assessor on the
same log is continued; any other sheet is refused, so one assessor never
sees the other's verdicts, which is what makes the two judgements
independent. Nothing here imports Textual.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from dataclasses import dataclass
from pathlib import Path

from helpdesk_tui import i18n
from helpdesk_tui.assess.evidence import bulk_load
from helpdesk_tui.assess.overview import problem_text
from helpdesk_tui.assess.pipeline import (
    AssessedLog,
    LogBytes,
    Refused,
    assess_log,
    read_for_report,
)
from helpdesk_tui.assess.replay import Replay, Snapshots
from helpdesk_tui.assess.verdicts import VerdictError, Verdicts, load_verdicts, new_verdicts
from helpdesk_tui.commands.errors import message_of
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.phrase import Phrase
from helpdesk_tui.core.reducer import Refused as EventRefused
from helpdesk_tui.eventlog.errors import LogError
from helpdesk_tui.eventlog.keys import PublicKey, Signer, load_private_key, load_public_key
from helpdesk_tui.eventlog.reader import FileStamp, contents_from_bytes, file_stamp

EXIT_REFUSED = 1
EXIT_INPUT = 2
_UNSAFE = re.compile(r"[^\w.-]+")


class ReviewError(Exception):
    """The review cannot start; the message names the file, the place and what would be right."""

    def __init__(self, message: str, exit_code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(slots=True)
class ReviewSession:
    """A verified (or knowingly unverified) log, its evidence and replay, and one sheet."""

    log: Path
    assessed: AssessedLog
    replay: Replay
    verdicts: Verdicts
    out: Path
    signer: Signer | None
    language: str
    """The evidence's language (the scenario's unless --lang)."""
    resumed: bool = False
    """The sheet was read from `out`: the assessor's own earlier work."""

    @property
    def verified(self) -> bool:
        return self.assessed.provenance.verified

    @property
    def problem(self) -> str | None:
        """Why the log is not verified, in the evidence's language."""
        return problem_text(self.assessed.provenance, self.language)


def settle_memory() -> None:
    """Keep the cyclic garbage collector off the loaded log from now on (`gc.freeze`).

    A 5-hour log, its evidence and the replay's snapshots are a few million
    objects that live as long as the review. A full collection scans them
    all, which stalls the scrubber for a few hundred milliseconds now and
    then; frozen, they are never scanned (nothing in them is garbage).
    """
    gc.collect()
    gc.freeze()


def default_out(log: Path, assessor: str) -> Path:
    """`<log>.verdicts.<assessor>.json`, the name made safe for a file name (An Peeters → An-Peeters)."""
    safe = _UNSAFE.sub("-", assessor.strip()).strip("-.") or "assessor"
    return log.with_name(f"{log.name}.verdicts.{safe}.json")


def open_review(
    log: Path,
    assessor: str,
    *,
    key: Path | None = None,
    pubkey: Path | None = None,
    scenario_dir: Path | None = None,
    out: Path | None = None,
    unverified: bool = False,
    language: str | None = None,
    settle: bool = False,
) -> ReviewSession:
    """Verify, measure, replay and bind a sheet; ReviewError says what is wrong.

    `settle` (the review command, which keeps what it loads for the rest of its life):
    the garbage collector stays off until everything is loaded, then `settle_memory`
    collects once and freezes what is left. `assess_log` turning the collector back on
    made it walk the millions of objects of a long log's assessment at once (a young
    collection with all of them in it), and `settle_memory` then walked them again
    (perf20: 0.37 + 0.48 s of the padded 200,000-record review at load 16)."""
    # The reader's language by default, as the review's screen is (docs/assessment.md,
    # "Languages"): a caller leaving it out got the scenario's evidence texts under a
    # Dutch or French screen ("Session: Not interrupted: ...", bugs21).
    language = language or i18n.current_language()
    with bulk_load():
        session = _open_review(log, assessor, key, pubkey, scenario_dir, out, unverified, language)
        if settle:
            settle_memory()
    return session


def _open_review(
    log: Path,
    assessor: str,
    key: Path | None,
    pubkey: Path | None,
    scenario_dir: Path | None,
    out: Path | None,
    unverified: bool,
    language: str | None,
) -> ReviewSession:
    log = Path(log)
    assessor = assessor.strip()
    if not assessor:
        raise ReviewError("--assessor needs a name: whose verdicts these are.")
    signer = _signer(key)
    public = _public(pubkey)
    held, stamp = _read(log)
    assessed = _assess(log, public, scenario_dir, unverified, language, held)
    replay = _replay(log, held, assessed.events, assessed.snapshots)
    assessed = dataclasses.replace(assessed, events=None, snapshots=None)  # the replay holds them
    _unchanged(log, stamp)
    out = Path(out) if out is not None else default_out(log, assessor)
    verdicts, resumed = _sheet(out, assessed, assessor)
    lang = language or assessed.evidence.language
    return ReviewSession(log, assessed, replay, verdicts, out, signer, lang, resumed)


def _signer(key: Path | None) -> Signer | None:
    if key is None:
        return None
    try:
        return load_private_key(key)
    except LogError as exc:
        raise ReviewError(
            Phrase(
                "{why} (--key signs your verdicts: give your own private key.)",
                why=message_of(exc),
            )
        ) from None


def _public(pubkey: Path | None) -> PublicKey | None:
    if pubkey is None:
        return None
    try:
        return load_public_key(pubkey)
    except LogError as exc:
        raise ReviewError(message_of(exc)) from None


def _read(log: Path) -> tuple[LogBytes, FileStamp]:
    """The log, read once: verified, measured and replayed from these bytes (held by
    `LogBytes` alone, which lets them go before the measurements' peak)."""
    try:
        data, stamp = read_for_report(log)
    except Refused as exc:
        raise ReviewError(message_of(exc), exc.exit_code) from None
    return LogBytes(log, data), stamp


def _assess(
    log: Path,
    public: PublicKey | None,
    scenario_dir: Path | None,
    unverified: bool,
    language: str | None,
    data: LogBytes,
) -> AssessedLog:
    try:
        return assess_log(
            log,
            public,
            scenario_dir,
            unverified=unverified,
            language=language,
            data=data,
            keep_events=True,
        )
    except Refused as exc:
        raise ReviewError(str(exc), exc.exit_code) from None
    except LogError as exc:
        raise ReviewError(str(exc)) from None
    except EventRefused as exc:
        raise ReviewError(
            f"{log} holds an event the exam could not have logged ({exc}); it was not "
            "written by this program. Run `helpdesk-exam verify` on it.",
            EXIT_REFUSED,
        ) from None


def _unchanged(log: Path, stamp: FileStamp) -> None:
    """Refuse if the file is no longer the one read: what is reviewed must be what is on
    disk. It used to be read and hashed a second time (`_same_bytes`, sec-fuzz9: a 128 MiB
    log read twice); its stamp, taken before the one read, tells the same without reading:
    any write or rename since changes its size, times or inode (bugs11)."""
    if file_stamp(log) != stamp:
        raise ReviewError(
            f"{log} changed while it was being verified (is the session still writing it?); "
            "review a log only once its session has ended.",
            EXIT_REFUSED,
        )


def _replay(
    log: Path,
    held: LogBytes,
    events: list[tuple[int, Event]] | None = None,
    snapshots: Snapshots | None = None,
) -> Replay:
    """The replay of the events the assessment verified (`events`, on the snapshots its
    evidence's fold took), else of the bytes read (read again if let go of, and refused
    if the file no longer holds them)."""
    if events is not None:
        return Replay(events, taken=snapshots)
    try:
        contents = contents_from_bytes(log, held.bytes())
    except Refused as exc:
        raise ReviewError(str(exc), exc.exit_code) from None
    except LogError as exc:
        raise ReviewError(f"{exc} The log cannot be replayed.", EXIT_REFUSED) from None
    return Replay(contents.entries)


def _sheet(out: Path, assessed: AssessedLog, assessor: str) -> tuple[Verdicts, bool]:
    """The assessor's own sheet at `out` to continue, or a new one bound to the log."""
    header, sha = assessed.header, assessed.provenance.log_sha256
    if out.is_dir():
        raise ReviewError(f"{out} is a folder; --out needs a file name for your verdicts.")
    if not out.exists():
        sheet = new_verdicts(
            sha, header.scenario_id, header.candidate_id, assessor, header.session_id
        )
        return sheet, False
    try:
        sheet = load_verdicts(out)
    except VerdictError as exc:
        raise ReviewError(f"{exc} Choose another file with --out.") from None
    if sheet.assessor != assessor:
        raise ReviewError(
            f"{out} holds the verdicts of assessor '{sheet.assessor}', not yours ('{assessor}'). "
            "The review never opens another assessor's verdicts: the two judgements must stay "
            "independent. Choose your own file with --out."
        )
    if sheet.log_sha256 != sha:
        raise ReviewError(
            f"{out} is bound to another log (SHA-256 {sheet.log_sha256[:16]}...), not to {assessed.provenance.log_path} "
            f"({sha[:16]}...). Choose another file with --out."
        )
    return sheet, True
