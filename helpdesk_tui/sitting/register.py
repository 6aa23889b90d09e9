"""A sitting: its folder, its plan and its register (a view of the folder, kept up to date).

A sitting is one folder: the `logs_dir` of the exam server's `exam.conf`.
In it, one folder per candidate (`CANDIDATE/`, made by `sitting add` or by
the candidate's first login) with the candidate's logs, verdict files and
reconcile decision, and beside them:

- `plan.json`: the sitting's name, scenario, server and public key, written
  once by `sitting new` (what the sitting was meant to be; no log says it
  before the first candidate starts);
- `closed`: made by `sitting close`;
- `merged.json`: what `sitting merge` brought in from other servers;
- `sitting.json`: the register (TinyDB), and `.sitting.lock`, its lock.

The register is a view: every row is `derive.candidate_row` of the files,
the sitting's document is the plan plus `closed` and `merged.json`. Writers
update rows by deriving them again under the lock; `rebuild` derives them
all and replaces the file; a test proves the two agree.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from helpdesk_tui.eventlog.durable import open_regular
from helpdesk_tui.eventlog.errors import KeyFileError
from helpdesk_tui.eventlog.keys import PublicKey, load_public_key
from helpdesk_tui.i18n import _
from helpdesk_tui.sitting.derive import WAITING, candidate_row, files_state
from helpdesk_tui.sitting.store import (
    LOCK_TIMEOUT_S,
    REGISTER_FILE,
    RegisterError,
    RegisterFile,
    dump,
    owner_of,
    write_atomically,
)

PLAN_FILE = "plan.json"
MAX_PLANNED_PATH = 4096
"""The longest key path a plan may name (Linux's PATH_MAX); a longer one is no path."""
CLOSED_FILE = "closed"
MERGED_FILE = "merged.json"
WITNESS_FOLDER = "witness"
ABSENT = "absent"
DEFAULT_ROOT = Path("/var/lib/helpdesk-exam/logs")
ROOT_ENV = "HELPDESK_EXAM_SITTINGS"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
CANDIDATE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
"""A candidate id is also a folder name and a login name: no slash, no dot first."""
ROWS = "candidates"
SITTING = "sitting"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def sitting_folder(name: str, root: Path | None = None) -> Path:
    """NAME → its folder: ROOT/NAME, or NAME itself when it is a path (has a slash, or is '.')."""
    if "/" in name or name in (".", ".."):
        return Path(name)
    if not NAME.fullmatch(name):
        raise RegisterError(
            _(
                "'{name}' is not a sitting name: use letters, digits, '.', '_' and '-' "
                "(at most 64, starting with a letter or digit), e.g. 2026-12-03-am; "
                "or give the sitting's folder as a path (./logs/am)."
            ).format(name=name)
        )
    base = root or Path(os.environ.get(ROOT_ENV) or DEFAULT_ROOT)
    return base / name


def check_candidate(candidate: str) -> str:
    if not CANDIDATE.fullmatch(candidate):
        raise RegisterError(
            _(
                "'{candidate}' is not a candidate id: it is the candidate's login name and "
                "folder, so letters, digits, '.', '_', '@' and '-' only, at most 64, starting "
                "with a letter or digit (e.g. c0042)."
            ).format(candidate=candidate)
        )
    return candidate


def _read_small_json(path: Path) -> Any:
    try:
        with open_regular(path) as handle:  # bounded, and never a pipe's wait
            return json.loads(handle.read(1 << 20).decode("utf-8"))
    except FileNotFoundError:
        return None
    except RecursionError:
        raise RegisterError(
            _(
                "{path} cannot be read as JSON (it is nested too deeply); it is part of the "
                "sitting (see docs/deployment.md, 'A sitting'): restore it, or remove it if it "
                "is not."
            ).format(path=path)
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RegisterError(
            _(
                "{path} cannot be read as JSON ({why}); it is part of the sitting "
                "(see docs/deployment.md, 'A sitting'): restore it, or remove it if it is not."
            ).format(path=path, why=exc)
        ) from None


@dataclass(slots=True)
class MergeReport:
    """What `merge` did, for the person who ran it."""

    candidates: list[str] = field(default_factory=list)
    copied: int = 0
    conflicts: list[str] = field(default_factory=list)
    witness: list[str] = field(default_factory=list)


class Sitting:
    """One sitting's folder and its register."""

    def __init__(self, folder: Path, *, timeout: float = LOCK_TIMEOUT_S) -> None:
        self.folder = Path(folder)
        self.file = RegisterFile(self.folder, timeout=timeout)

    @property
    def name(self) -> str:
        return str(self.plan().get("name") or self.folder.resolve().name)

    # ------------------------------------------------------------------ the sources

    def plan(self) -> dict[str, Any]:
        plan = _read_small_json(self.folder / PLAN_FILE)
        return plan if isinstance(plan, dict) else {}

    def closed(self) -> str:
        """Who closed the sitting, as `sitting close` wrote it (64 characters at most); a
        `closed` that is no short regular file still closes it. It was read whole: a link to
        /dev/zero there made `sitting status` read until the memory ran out (sec19)."""
        try:
            with open_regular(self.folder / CLOSED_FILE) as handle:
                text = handle.read(256).decode("utf-8", "replace")
        except FileNotFoundError:
            return ""
        except OSError:
            return "yes"
        return text[:64].strip() or "yes"

    def merged(self) -> list[dict[str, Any]]:
        merged = _read_small_json(self.folder / MERGED_FILE)
        return [m for m in merged if isinstance(m, dict)] if isinstance(merged, list) else []

    def public_key(self, given: Path | None = None) -> PublicKey | None:
        """The key exam logs are verified with: the one given, else the plan's (if readable)."""
        planned = self.plan().get("pubkey")
        if not isinstance(planned, str) or not planned or len(planned) > MAX_PLANNED_PATH:
            planned = None  # sec14: a number, a list or a 5,000-character name is no path
        path = given or (Path(planned) if planned else None)
        if path is None:
            return None
        try:
            return load_public_key(path)
        except (KeyFileError, OSError, ValueError) as exc:  # a NUL byte, a name too long
            if given is not None:  # its message kept whole: a Phrase is said in the UI's language
                raise RegisterError(exc.args[0] if exc.args else str(exc)) from None
            return None

    def candidate_folders(self) -> list[str]:
        try:
            entries = sorted(self.folder.iterdir())
        except OSError:
            return []
        return [
            p.name
            for p in entries
            if p.is_dir() and CANDIDATE.fullmatch(p.name) and p.name != WITNESS_FOLDER
        ]

    def servers(self) -> dict[str, str]:
        """Candidate → the server a merge brought them from (the last merge that named them)."""
        found: dict[str, str] = {}
        for merge in self.merged():
            for candidate in merge.get("candidates", []):
                found[str(candidate)] = str(merge.get("server", ""))
        return found

    # ------------------------------------------------------------------ the view

    def sitting_document(self) -> dict[str, Any]:
        plan = self.plan()
        return {
            "name": str(plan.get("name") or self.folder.resolve().name),
            "scenario": str(plan.get("scenario", "")),
            "server": str(plan.get("server", "")),
            "created": str(plan.get("created", "")),
            "pubkey": str(plan.get("pubkey", "")),
            "closed": self.closed(),
            "merged": [
                {k: m.get(k) for k in ("server", "source", "at", "candidates", "witness")}
                for m in self.merged()
            ],
        }

    def derive(
        self,
        candidate: str,
        key: PublicKey | None,
        previous: dict[str, Any] | None = None,
        servers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        server = (servers or self.servers()).get(candidate) or str(self.plan().get("server", ""))
        row = candidate_row(self.folder, candidate, key=key, server=server, previous=previous)
        if row["state"] == WAITING and self.closed():
            row["state"] = ABSENT
        return row

    def view(self, key: PublicKey | None = None) -> dict[str, Any]:
        """The whole register as the files say it is now (what `rebuild` writes)."""
        servers = self.servers()
        rows = [self.derive(c, key, servers=servers) for c in self.candidate_folders()]
        return {
            SITTING: {"1": self.sitting_document()},
            ROWS: {str(n): row for n, row in enumerate(rows, start=1)},
        }

    # ------------------------------------------------------------------ reading

    def exists(self) -> bool:
        return self.file.exists

    def rows(self) -> list[dict[str, Any]]:
        """The register's rows (a snapshot, no lock), by candidate id."""
        table = self.file.read().get(ROWS, {})
        return sorted(table.values(), key=lambda row: str(row.get("candidate", "")))

    def document(self) -> dict[str, Any]:
        table = self.file.read().get(SITTING, {})
        return next(iter(table.values()), {})

    # ------------------------------------------------------------------ writing

    @classmethod
    def create(
        cls, folder: Path, scenario: str, *, pubkey: Path | None = None, server: str = ""
    ) -> Sitting:
        """`sitting new`: the folder, its plan and an empty register; refuses an existing one."""
        sitting = cls(folder)
        if sitting.exists() or (sitting.folder / PLAN_FILE).exists():
            raise RegisterError(
                _(
                    "{folder} already holds a sitting ({register} or {plan}); "
                    "give a new name, or `sitting status` to see it."
                ).format(folder=sitting.folder, register=REGISTER_FILE, plan=PLAN_FILE)
            )
        if pubkey is not None:
            sitting.public_key(pubkey)  # check it now, not at the first verification
        try:
            made = not sitting.folder.exists()
            sitting.folder.mkdir(mode=0o750, parents=True, exist_ok=True)
            owner = owner_of(sitting.folder.parent)
            if made and owner is not None:  # root made it inside the exam user's logs folder
                os.chown(sitting.folder, *owner)
        except OSError as exc:
            raise RegisterError(
                _("{folder} cannot be made ({why}).").format(folder=folder, why=exc.strerror)
            ) from None
        plan = {
            "name": sitting.folder.resolve().name,
            "scenario": scenario,
            "server": server or socket.gethostname(),
            "created": utc_now(),
            "pubkey": str(Path(pubkey).resolve()) if pubkey else "",
        }
        write_atomically(sitting.folder / PLAN_FILE, dump(plan))
        sitting.refresh(all_rows=True, create=True)
        return sitting

    def add(self, candidates: list[str]) -> list[str]:
        """`sitting add`: a folder and a row each; returns the ids that were new."""
        if self.closed():
            raise RegisterError(
                _("the sitting {name} is closed ({time}); no one can be added.").format(
                    name=self.name, time=self.closed()
                )
            )
        for candidate in candidates:
            check_candidate(candidate)
        new = [c for c in dict.fromkeys(candidates) if not (self.folder / c).is_dir()]
        owner = owner_of(self.folder)
        for candidate in new:
            path = self.folder / candidate
            path.mkdir(mode=0o700, exist_ok=True)
            if owner is not None:
                os.chown(path, *owner)
        self.refresh(list(dict.fromkeys(candidates)))
        return new

    def refresh(
        self,
        candidates: list[str] | None = None,
        *,
        key: PublicKey | None = None,
        all_rows: bool = False,
        create: bool = False,
    ) -> list[dict[str, Any]]:
        """Derive the rows of `candidates` (or all) again and write them.

        The slow part (reading and verifying logs) runs before the lock is
        taken, so 40 exams that end at the same second do not queue behind
        each other's verification; under the lock, a row is derived again
        only if its candidate's files changed in between (`files_state`).
        """
        key = key or self.public_key()
        servers = self.servers()
        names = self.candidate_folders() if all_rows or candidates is None else candidates
        for candidate in names:
            check_candidate(candidate)
        known = self._known_rows()
        prepared = {
            c: (files_state(self.folder / c), self.derive(c, key, known.get(c), servers))
            for c in names
        }
        rows: list[dict[str, Any]] = []
        with self.file.transaction(create=create) as db:
            self._write_sitting(db)
            table = db.table(ROWS)
            for candidate in names:
                state, row = prepared[candidate]
                if files_state(self.folder / candidate) != state:  # changed meanwhile: again
                    previous = table.get(Query().candidate == candidate)
                    row = self.derive(candidate, key, previous, servers)  # type: ignore[arg-type]
                table.upsert(row, Query().candidate == candidate)
                rows.append(row)
            if all_rows:
                table.remove(Query().candidate.test(lambda c: c not in set(names)))
        return rows

    def _known_rows(self) -> dict[str, dict[str, Any]]:
        """The rows as the register has them now (no lock: only a cache for verification)."""
        try:
            return {str(r.get("candidate")): r for r in self.rows()}
        except RegisterError:
            return {}

    def _write_sitting(self, db: TinyDB) -> None:
        table = db.table(SITTING)
        document = self.sitting_document()
        if table.get(doc_id=1) != document:
            table.truncate()
            table.insert(document)

    def close(self) -> list[dict[str, Any]]:
        """`sitting close`: no more candidates; those who never came show as absent."""
        if not self.closed():
            write_atomically(self.folder / CLOSED_FILE, utc_now() + "\n", 0o644)
        return self.refresh(all_rows=True)

    def rebuild(self, key: PublicKey | None = None) -> dict[str, Any]:
        """Throw the register away and make it again from the files alone."""
        with self.file.locked():
            view = self.view(key or self.public_key())
            write_atomically(self.file.path, dump(view))
        return view

    # ------------------------------------------------------------------ merging servers

    def merge(self, sources: list[Path]) -> MergeReport:
        """Bring other servers' sittings in: candidate folders, witness files, then the rows."""
        report = MergeReport()
        with self.file.locked():
            merged = self.merged()
            for source in sources:
                merged.append(self._merge_one(Path(source), report))
            write_atomically(
                self.folder / MERGED_FILE, json.dumps(merged, indent=1, sort_keys=True) + "\n"
            )
        self.refresh(all_rows=True)
        return report

    def _merge_one(self, source: Path, report: MergeReport) -> dict[str, Any]:
        other = Sitting(source)
        if not source.is_dir():
            raise RegisterError(
                _("{source} is not a sitting folder (it is not a folder at all).").format(
                    source=source
                )
            )
        server = str(other.plan().get("server") or source.resolve().name)
        candidates = other.candidate_folders()
        for candidate in candidates:
            self._merge_folder(source / candidate, self.folder / candidate, report)
        report.candidates += candidates
        witness = self._merge_witness(source, server, report)
        return {
            "server": server,
            "source": str(source.resolve()),
            "at": utc_now(),
            "candidates": candidates,
            "witness": witness,
        }

    def _merge_folder(self, source: Path, target: Path, report: MergeReport) -> None:
        """Copy what the target lacks; a file both have but with other bytes is a conflict."""
        target.mkdir(mode=0o700, exist_ok=True)
        for path in sorted(source.rglob("*")):
            if not path.is_file() or path.is_symlink() or path.name.startswith(".session"):
                continue
            dest = target / path.relative_to(source)
            if dest.exists():
                if not filecmp.cmp(path, dest, shallow=False):
                    report.conflicts.append(
                        _(
                            "{kept} differs from {other}: kept as it was, the other copy not taken"
                        ).format(kept=dest, other=path)
                    )
                continue
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copy2(path, dest)
            report.copied += 1

    def _merge_witness(self, source: Path, server: str, report: MergeReport) -> list[str]:
        """Witness files beside the source's logs (or in a handover's witness/) go to
        witness/SERVER/ (never overwritten)."""
        places = [source / WITNESS_FOLDER]
        if (source.parent / "MANIFEST.sha256").is_file():  # a collect-logs.sh handover's logs/
            places.append(source.parent / WITNESS_FOLDER)
        found = sorted(source.glob("witness*.jsonl*"))
        for place in places:
            found += sorted(place.rglob("*.jsonl*")) + sorted(place.glob("witness.pub"))
        names: list[str] = []
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", server) or "server"
        for path in found:
            if not path.is_file():
                continue
            dest = self.folder / WITNESS_FOLDER / safe / path.name
            names.append(dest.relative_to(self.folder).as_posix())
            if dest.exists():
                if not filecmp.cmp(path, dest, shallow=False):
                    report.conflicts.append(
                        _("{kept} differs from {other}: kept as it was").format(
                            kept=dest, other=path
                        )
                    )
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
            report.witness.append(str(dest))
        return names
