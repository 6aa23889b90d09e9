"""From a log file to evidence an assessor may trust: verify, find the scenario, measure.

The order matters. The log is verified first, because evidence from a changed
log is worthless; the scenario (the answer key) is found by the id the log's
header names and checked against the folder hash the header binds, because an
answer key edited after the exam would change the evidence. Either failure
refuses the report, unless the caller asks for an unverified one, which then
carries the reason on every page.

The commands (`report`, `class-report`) and later the review TUI use this;
`Refused` carries a message for a person and the exit code to use.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from helpdesk_tui import __version__, paths
from helpdesk_tui.assess import prime
from helpdesk_tui.assess import problems as why
from helpdesk_tui.assess.evidence import EvidenceGatherer, bulk_load
from helpdesk_tui.assess.model import Evidence, Provenance, utc_now
from helpdesk_tui.assess.replay import Snapshots, every_for
from helpdesk_tui.core.events import Event
from helpdesk_tui.core.reducer import Refused as EventRefused
from helpdesk_tui.core.reducer import apply, check
from helpdesk_tui.core.state import ExamState
from helpdesk_tui.eventlog.binding import folder_sha256
from helpdesk_tui.eventlog.errors import LogError, LogReadError
from helpdesk_tui.eventlog.keys import PublicKey
from helpdesk_tui.eventlog.reader import (
    FileStamp,
    LogContents,
    contents_from_bytes,
    read_bytes_stamped,
)
from helpdesk_tui.eventlog.records import LOG_RECORD_TYPES, SessionHeader
from helpdesk_tui.eventlog.verifier import LineHashes, VerifyResult, verify_bytes
from helpdesk_tui.language import LAYER_VERSION, layer_hash
from helpdesk_tui.scenario.errors import ScenarioInvalid
from helpdesk_tui.scenario.loader import SCENARIO_FILE, load_scenario
from helpdesk_tui.scenario.model import Scenario

EXIT_REFUSED = 1
EXIT_INPUT = 2


class Refused(Exception):
    """The log or its scenario cannot be trusted (or read); the message says why and what to do."""

    def __init__(
        self, message: str, exit_code: int = EXIT_REFUSED, parts: tuple[why.Part, ...] = ()
    ) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.parts = parts
        """The reasons as catalogue messages (`assess.problems`), when the log or its answer
        key failed a check: `class-report` words them in its own language."""

    def worded(self, lang: str) -> str:
        """The refusal in `lang` (English, the message, for one without parts)."""
        if not self.parts:
            return str(self)
        return why.refusal(self.parts, lang)


@dataclass(frozen=True, slots=True)
class AssessedLog:
    evidence: Evidence
    provenance: Provenance
    scenario: Scenario | None
    header: SessionHeader
    not_an_exam_log: str | None = None
    """The banner `verify` prints for a practice-key or format 1 log (None for an exam log)."""
    not_an_exam_reason: str | None = None
    """Why it cannot count as an exam log, as a word (`VerifyResult.not_an_exam_reason`)."""
    events: list[tuple[int, Event]] | None = None
    """The verified log's (seq, event) pairs, when asked for (`keep_events`: the review
    replays them rather than parse the log a second time); None otherwise."""
    snapshots: Snapshots | None = None
    """With `events`: the replay's snapshots, taken on the evidence's fold of them (the
    review's `Replay(events, taken=snapshots)` does not fold the log a second time)."""


@dataclass(frozen=True, slots=True)
class ScenarioFound:
    folder: Path
    sha256: str
    matches: bool


def find_scenario(
    scenario_id: str, expected_sha256: str, explicit: Path | None = None, root: Path | None = None
) -> ScenarioFound | None:
    """The scenario folder for a log: `explicit`, else the bundled one with that id."""
    if explicit is not None:
        folder = explicit.parent if explicit.name == SCENARIO_FILE else explicit
        candidates: Iterable[Path] = [folder]
    else:
        candidates = _bundled_candidates(scenario_id, root or paths.scenarios_dir())
    for folder in candidates:
        if (folder / SCENARIO_FILE).is_file():
            sha = folder_sha256(folder)
            return ScenarioFound(folder, sha, sha == expected_sha256)
    return None


def noted_scenario(log: Path, header: SessionHeader) -> ScenarioFound | None:
    """The scenario folder the exam noted beside the log (`LOG.scenario`, which `resume`
    reads too), if it holds a scenario whose files hash to what the header binds; None
    when there is no usable note (the bundled scenario with the header's id is then
    looked for). A note pointing at another scenario is refused: a side file anyone could
    write must not make the report read another answer key."""
    folder = paths.recall_scenario(log)
    if folder is None or not (folder / SCENARIO_FILE).is_file():
        return None
    sha = folder_sha256(folder)
    bound = {header.scenario_sha256}
    if header.form_seed is not None:  # a parallel form: the base it was made from
        bound.add(header.form_base_sha256)
    if sha in bound:
        return ScenarioFound(folder, sha, sha == header.scenario_sha256)
    raise Refused(
        f"{log}: the exam noted the scenario folder {folder} ({paths.scenario_note(log).name}), "
        f"but its files hash to {sha[:16]}... and the log's header binds "
        f"{header.scenario_sha256[:16]}... (scenario '{header.scenario_id}'), so the note "
        "does not point at the scenario the log was sat on and that folder is not read. "
        "Give the right folder with --scenario DIR."
    )


def _bundled_candidates(scenario_id: str, root: Path) -> Iterator[Path]:
    """The folder named after the id first, then any folder whose scenario.toml has that id.

    Lazily: the other folders' scenario.toml are parsed only when the named one is
    not there (parsing all the bundled ones took a tenth of a 150-minute report)."""
    if not root.is_dir():
        return
    named = root / scenario_id
    if _is_dir(named):
        yield named
    for folder in sorted(root.iterdir()):
        if folder != named and _declared_id(folder / SCENARIO_FILE) == scenario_id:
            yield folder


def _is_dir(path: Path) -> bool:
    """`is_dir` for a name taken from a log: a 5,000-character scenario id (the log fuzz
    test) raised "File name too long", a NUL in it ValueError; neither names a folder."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _declared_id(path: Path) -> str | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("id")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None  # nested hundreds deep: tomllib runs out of stack


def assess_log(
    log: Path,
    public_key: PublicKey | None,
    scenario_dir: Path | None = None,
    *,
    unverified: bool = False,
    language: str | None = None,
    scenarios_root: Path | None = None,
    sla_profiles_dir: Path | None = None,
    data: bytes | LogBytes | None = None,
    keep_events: bool = False,
) -> AssessedLog:
    """Verify the log, find and check its scenario, and gather the evidence.

    `data`: the log's bytes, when the caller has read them (`read_for_report`) and goes
    on to use them (`review` replays the same bytes: the log is read once); a `LogBytes`
    the assessment may let go of once it is done with them (perf20).
    `keep_events`: keep a verified log's events in `AssessedLog.events` (the review's
    replay; sec15: parsing the 200,000 records again was a third of its opening)."""
    with bulk_load():
        return _assess(
            log, public_key, scenario_dir, unverified, language, scenarios_root,
            sla_profiles_dir, data, keep_events,
        )  # fmt: skip


def _assess(
    log: Path,
    public_key: PublicKey | None,
    scenario_dir: Path | None,
    unverified: bool,
    language: str | None,
    scenarios_root: Path | None,
    sla_profiles_dir: Path | None,
    data: bytes | LogBytes | None = None,
    keep_events: bool = False,
) -> AssessedLog:
    log = Path(log)
    if isinstance(data, LogBytes):
        held = data
    else:
        held = LogBytes(log, data if data is not None else read_for_report(log)[0])
    del data  # from here only `held` holds them, so they can go before the measurements
    args = (
        public_key, scenario_dir, unverified, language, scenarios_root, sla_profiles_dir,
        keep_events,
    )  # fmt: skip
    primer = prime.start(held.bytes())  # a long log: its messages read on the second core
    if primer is None:
        return _assess_data(log, held, None, *args)
    try:
        try:
            assessed = _assess_data(log, held, primer, *args)
        except Exception:
            if primer.signatures_hold():
                raise
        else:
            if primer.signatures_hold():
                return assessed
    finally:
        primer.close()
    # A signature the verifier deferred does not check: assess again the ordinary way,
    # whose verification names the first fault (and refuses, or stamps UNVERIFIED). The
    # bytes were let go of: `held` reads them again and refuses a file that changed.
    return _assess_data(log, held, None, *args)


class LogBytes:
    """The log's bytes as read once, and their SHA-256, which an assessment lets go of
    as soon as only a late signature failure could need them again.

    A 5-hour log is 20-45 MB held through the whole assessment, and the measurements are
    its peak (perf20: the padded 200,000-record review's 41.5 MB of 363 MB). Once the
    events are made and the worker's analyses taken, only a deferred signature that does
    not check needs the bytes again (the log is then assessed again from them, sec16):
    `bytes()` then reads the file again and refuses it unless it hashes to what was
    assessed, so the report and the verdict sheet still belong to the bytes verified."""

    __slots__ = ("path", "data", "_sha256")

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = Path(path)
        self.data: bytes | None = data
        self._sha256: str | None = None

    @property
    def sha256(self) -> str:
        """The SHA-256 (hex) of the bytes read first, whether or not they are still held."""
        if self._sha256 is None:
            assert self.data is not None  # `release` hashes them before it lets them go
            self._sha256 = hashlib.sha256(self.data).hexdigest()
        return self._sha256

    def release(self) -> None:
        """Let the bytes go (after hashing them): `bytes()` reads them again if asked."""
        if self.data is not None:
            self.sha256  # noqa: B018 (hashed while held)
            self.data = None

    def bytes(self) -> bytes:
        """The bytes read first: held, or read again; `Refused` if the file changed since."""
        if self.data is not None:
            return self.data
        again = read_for_report(self.path)[0]
        if hashlib.sha256(again).hexdigest() != self.sha256:
            raise Refused(
                f"{self.path} changed while it was being assessed (is a session still "
                "writing it?); assess a log only once its session has ended.",
                EXIT_REFUSED,
            )
        return again


def _assess_data(
    log: Path,
    held: LogBytes,
    primer: prime.Primer | None,
    public_key: PublicKey | None,
    scenario_dir: Path | None,
    unverified: bool,
    language: str | None,
    scenarios_root: Path | None,
    sla_profiles_dir: Path | None,
    keep_events: bool = False,
) -> AssessedLog:
    data = held.bytes()
    result = _verify(log, data, public_key, defer_signatures=primer is not None)
    taker: Snapshots | None = None
    if primer is not None:
        primer.deferred = result.deferred_signatures
        primer.check_signatures()  # the worker checks them between two analyses
    problems = [] if result.status == "ok" else [_log_problem(log, result)]
    left_out: why.Part | None = None
    if problems:
        contents = _read(log, data, problems, result.fault.line if result.fault else None)
        header, entries = contents.header, [(e.seq, e.event) for e in contents.entries]
        entries, left_out = _replayable(entries)
    else:
        header, entries = _verified(data, result)
        taker = Snapshots(every_for(len(entries))) if keep_events else None
    del data
    result.line_hashes = LineHashes()  # 32 bytes a record, read by `verify --witness` only
    if primer is None:
        held.release()
    found = (None if scenario_dir else noted_scenario(log, header)) or find_scenario(
        header.scenario_id, header.scenario_sha256, scenario_dir, scenarios_root
    )
    with tempfile.TemporaryDirectory(prefix="helpdesk-form-") as tmp:
        found = _rebuild_form(header, found, Path(tmp))
        scenario_problem = _scenario_problem(header, found, scenario_dir)
        if scenario_problem:
            problems.append(scenario_problem)
        if problems and not unverified:
            raise Refused(
                why.refusal(problems, "en"),
                parts=tuple(problems),
            )
        if left_out is not None:  # said of the report made, so only once there is one
            problems.insert(1, left_out)
        scenario = (
            _load(found, sla_profiles_dir)
            if found is not None and (found.matches or unverified)
            else None
        )
    # The fold and the first measurements need no analysis: made first, they give the
    # worker that much longer to analyse the messages, so fewer are left for this
    # process in `finish`.
    try:
        gatherer = EvidenceGatherer(scenario, language, taker).feed_all(entries)
    except (EventRefused, ValueError, KeyError, TypeError):
        # Verified, yet the exam could not have written it (sec12: a practice log carries
        # its own key, so anyone can sign one; this was a `Refused` traceback).
        entries, refused = _replayable(entries, str(log))
        if refused is None:
            raise
        problems.append(refused)
        if not unverified:
            raise Refused(why.refusal([refused], "en"), parts=(refused,)) from None
        gatherer = EvidenceGatherer(scenario, language).feed_all(entries)
    evidence = gatherer.result(
        second_core=primer is not None,
        analysed=_analysed(primer, held) if primer is not None else None,
    )
    provenance = Provenance(
        log_path=str(log),
        log_sha256=held.sha256,
        verification=result.status,
        verified=not problems,
        problem=why.joined(problems, "en") or None,
        key=f"{header.key_fingerprint} ({header.key_kind})",
        scenario_path=_scenario_shown(header, found),
        generated=utc_now(),
        software_version=__version__,
        language_layer=layer_label(LAYER_VERSION, layer_hash()),
        exam_language_layer=layer_label(header.language_layer, header.language_layer_sha256),
        problem_parts=tuple(problems),
    )
    return AssessedLog(
        evidence,
        provenance,
        scenario,
        header,
        result.not_an_exam_log,
        result.not_an_exam_reason,
        entries if keep_events and not problems else None,
        taker if keep_events and not problems else None,
    )


def _analysed(primer: prime.Primer, held: LogBytes) -> Callable[[], None]:
    """The log's bytes let go of, then the worker's analyses taken (`Primer.finish`, which
    lets go of its own reference before it unpickles them): what follows is the
    assessment's peak, and it reads no byte of the log."""

    def analysed() -> None:
        held.release()
        primer.finish()

    return analysed


def layer_label(version: str, sha256: str) -> str:
    """ "1.0 (sha256 0123456789abcdef…)", or "" when the log did not record one."""
    if not version:
        return ""
    return f"{version} (sha256 {sha256[:16]}…)" if sha256 else version


REPORT_MAX_BYTES = 128 << 20
"""The largest log `report` (and `review`, `class-report`) reads: it holds the log and
every record in memory (a 100,000-record log, a busy 5-hour exam, is about 21 MiB and
takes about 240 MB to report: benchmarks/bench_report_rss.py). `verify` streams and takes
any log up to 512 MiB."""


def too_large_to_report(log: Path) -> LogReadError:
    return LogReadError(
        f"{log} is larger than {REPORT_MAX_BYTES >> 20} MiB, too large to report: a report "
        "holds the whole log and every record in memory, and no exam writes that much (a "
        "busy 5-hour exam writes about 21 MiB). Run `helpdesk-exam verify` on it first: "
        "it reads a log of any size a line at a time and names the first record that is "
        "not what the exam wrote."
    )


def _message(exc: Exception) -> str:
    """The error's own message: a `Phrase` (a missing log, a key) stays one, so the command
    can say it in its language."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, str) else str(exc)


def read_for_report(log: Path) -> tuple[bytes, FileStamp]:
    """The log's bytes, bounded (REPORT_MAX_BYTES; a pipe or device is refused), and the
    file's stamp from before they were read (`eventlog.reader.FileStamp`)."""
    try:
        return read_bytes_stamped(log, REPORT_MAX_BYTES, too_large_to_report)
    except LogError as exc:
        raise Refused(_message(exc), EXIT_INPUT) from None


def _verify(
    log: Path, data: bytes, public_key: PublicKey | None, defer_signatures: bool
) -> VerifyResult:
    try:
        return verify_bytes(
            data, public_key, name=str(log), keep_events=True, defer_signatures=defer_signatures
        )
    except LogError as exc:
        raise Refused(_message(exc), EXIT_INPUT) from None


def _replayable(
    entries: list[tuple[int, Event]], verified_log: str | None = None
) -> tuple[list[tuple[int, Event]], why.Part | None]:
    """The events of an unverified log that the exam could have written, in order.

    A spliced, swapped or time-reversed log holds events the reducer refuses
    (time going back, an action on a ticket that is not there); measuring them
    would fail half-way. They are left out, and the report says how many and
    which came first, so the UNVERIFIED stamp carries the reason. With `verified_log`
    (a log that verified), the reason says the log's own key signed them."""
    state = ExamState()
    kept: list[tuple[int, Event]] = []
    dropped: list[tuple[int, str, str]] = []
    for seq, event in entries:
        reason = check(state, event)
        if reason is None:
            try:
                apply(state, event, seq)
            except (EventRefused, ValueError, KeyError, TypeError) as exc:
                dropped.append((seq, str(exc), ""))
                continue
            kept.append((seq, event))
        else:
            dropped.append((seq, reason, event.type))
    if not dropped:
        return kept, None
    seq, reason, event_type = dropped[0]
    if verified_log is not None:  # the log verified: its signer wrote what no exam does
        return kept, why.refused_records(verified_log, len(dropped), seq, reason, event_type)
    return kept, why.left_out(len(dropped), seq, reason, event_type)


def _verified(data: bytes, result: VerifyResult) -> tuple[SessionHeader, list[tuple[int, Event]]]:
    """The header and events of an intact log, as the verifier kept them (`keep_events`)."""
    if result.events is None or result.header is None:
        return verified_events(data, result.records)
    events, result.events = result.events, None
    return result.header, events


def verified_events(
    data: bytes, records: list[dict[str, Any]] | None = None
) -> tuple[SessionHeader, list[tuple[int, Event]]]:
    """The header and events of a log `verify_bytes` found intact, without checking them again.

    The verifier has already parsed every line and checked every event against
    the closed set, so the events are built without `make_event`'s second check
    and copy. With the verifier's own parsed `records` (`keep_records=True`) the
    log is not even parsed again: that was a seventh of the report of a
    100,000-record log. Any other log goes through the tolerant `read_log`.
    """
    if records is None:
        records = [json.loads(line) for line in data.split(b"\n") if line]
    header = SessionHeader.from_record(records[0])
    events = [
        (record["seq"], Event(kind, record["data"], record["t"], record["wall"]))
        for record in islice(records, 1, None)
        if (kind := record["type"]) not in LOG_RECORD_TYPES
    ]
    return header, events


def _log_problem(log: Path, result: VerifyResult) -> why.Part:
    if result.status == "unsealed":
        # qa-sitting8: "its last 0 records are not signed", of a torn last line
        torn = result.torn.length if result.torn is not None else None
        return why.unsealed(str(log), result.unsigned_records, torn)
    assert result.fault is not None
    fault = result.fault
    return why.bad(str(log), fault.line, fault.seq, str(fault.kind), fault.message)


def _read(
    log: Path, data: bytes, problems: list[why.Part], fault_line: int | None = None
) -> LogContents:
    try:
        return contents_from_bytes(log, data)  # the bytes verified, not the file read again
    except LogError as exc:
        # The verifier checks all the reader does, in the same order, so a fault it named
        # is the one the reader stopped at, or an earlier one: the reader's words would say
        # it again ("has only a torn line ... has no complete record", bugs9).
        line = getattr(exc, "line", None)
        said = fault_line is not None and (line is None or line >= fault_line)
        reason = why.joined(problems, "en") + ("" if said else f" {exc}")
        raise Refused(f"{reason} The log cannot be read, so no report can be made.") from None


def _scenario_shown(header: SessionHeader, found: ScenarioFound | None) -> str | None:
    """The scenario folder, or for a parallel form: which form of the base was rebuilt."""
    if found is None:
        return None
    if header.form_seed is not None and found.matches:
        return f"form {header.form_seed} of the base scenario (sha256 {header.form_base_sha256[:16]}...), rebuilt"
    return str(found.folder)


def _rebuild_form(
    header: SessionHeader, found: ScenarioFound | None, tmp: Path
) -> ScenarioFound | None:
    """A log sat on a parallel form: make that form again from its base (the folder found) and seed.

    The header binds the base's hash and the seed, and a form is a pure function
    of both, so the assessor needs only the base scenario. The rebuilt form must
    hash to the header's `scenario_sha256`, like any scenario folder.
    """
    if found is None or found.matches or header.form_seed is None:
        return found
    if found.sha256 != header.form_base_sha256:
        return found
    from helpdesk_tui.scenario.variation import FormError, check_variation, make_form

    try:
        base = load_scenario(found.folder)
        variation, _ = check_variation(base.folder, base)
        if variation is None:
            return found
        folder = make_form(base, variation, header.form_seed, tmp / "form").folder
    except (ScenarioInvalid, FormError, OSError):
        return found
    sha = folder_sha256(folder)
    return ScenarioFound(folder, sha, sha == header.scenario_sha256)


def _scenario_problem(
    header: SessionHeader, found: ScenarioFound | None, explicit: Path | None
) -> why.Part | None:
    if found is None:
        if explicit:
            return why.no_scenario_file(str(explicit), SCENARIO_FILE)
        return why.no_bundled_scenario(header.scenario_id, str(paths.scenarios_dir()))
    if not found.matches:
        return why.scenario_differs(str(found.folder), found.sha256, header.scenario_sha256)
    return None


LOADED_KEPT = 8
"""Scenarios a process keeps loaded for the next log (`_load`): a class report, a sitting's
logs or the test suite assess many logs of one scenario, and loading and validating it
again was 30-60 ms a log (a bundled exam; 0.1 s of a review's opening)."""
_loaded: dict[tuple[Path, str, Path | None], tuple[bytes, Scenario]] = {}


def _load(found: ScenarioFound, sla_profiles_dir: Path | None) -> Scenario:
    """The scenario of `found`, loaded once per process while every file it was read from
    (`Scenario.source_files`: scenario.toml, the SLA profile, the articles) holds the same
    bytes; `found.sha256` (the folder, hashed for the log's binding) keys it, so a new file
    in the folder is a new key. A Scenario is frozen and no reader changes it."""
    key = (found.folder.resolve(), found.sha256, sla_profiles_dir and sla_profiles_dir.resolve())
    kept = _loaded.get(key)
    if kept is not None and kept[0] == _files_digest(kept[1].source_files):
        return kept[1]
    try:
        scenario = load_scenario(found.folder, sla_profiles_dir)
    except ScenarioInvalid as exc:
        raise Refused(
            f"the scenario {found.folder} does not load: {exc}. Run `helpdesk-exam scenario "
            f"validate {found.folder}` for every problem.",
            EXIT_INPUT,
        ) from None
    if (digest := _files_digest(scenario.source_files)) is not None:
        _loaded.pop(key, None)
        _loaded[key] = (digest, scenario)
        while len(_loaded) > LOADED_KEPT:
            del _loaded[next(iter(_loaded))]
    return scenario


def _files_digest(files: Iterable[Path]) -> bytes | None:
    """The sha256 of the files' names and bytes, or None if one cannot be read."""
    digest = hashlib.sha256()
    try:
        for path in files:
            data = Path(path).read_bytes()
            digest.update(f"{path}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.digest()
