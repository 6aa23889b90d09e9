"""The programs that change a sitting's files update its register: never at the exam's expense.

`exam` and `resume` (when their log starts and when it ends), `reconcile`
and `class-report` call `note_log` with a log (or a verdict file) they just
changed. The register is found by convention: a file at
`SITTING/CANDIDATE/...` belongs to the sitting whose `sitting.json` is in
`SITTING/`. Where there is none, nothing happens. A register that is locked
too long, unreadable or damaged gives a warning (returned, for the caller
to log), never an exception: a candidate's exam must not fail because the
proctor's view of it could not be written.
"""

from __future__ import annotations

import re
import syslog
from pathlib import Path
from typing import Any

REGISTER_FILE = (
    "sitting.json"  # store.REGISTER_FILE, named here so a sitting without one costs no import
)
CANDIDATE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")  # register.CANDIDATE

HOOK_TIMEOUT_S = 3.0
"""How long an exam waits for the register's lock before it gives up on the update."""


def sitting_of(path: Path) -> tuple[Any, str] | None:
    """The sitting and candidate a log (or a file beside it) belongs to, if it has a register."""
    path = Path(path).absolute()
    for folder in (path.parent, path.parent.parent):
        sitting = folder.parent
        if CANDIDATE.fullmatch(folder.name) and (sitting / REGISTER_FILE).is_file():
            from helpdesk_tui.sitting.register import Sitting

            return Sitting(sitting, timeout=HOOK_TIMEOUT_S), folder.name
    return None


def note_log(path: Path) -> str | None:
    """Update the row of the candidate `path` belongs to; a warning if that failed."""
    try:
        found = sitting_of(path)
        if found is None:
            return None
        sitting, candidate = found
        sitting.refresh([candidate])
    except Exception as exc:  # noqa: BLE001 - the register must never stop what called it
        return _not_updated(path, exc)
    return None


def _not_updated(path: Path, exc: Exception) -> str:
    """The warning in one language, the UI's (bugs18: an English frame held the register's
    error in the UI's language). An OS error is named by its errno code, which every reader
    can look up, not by the C library's English sentence."""
    import errno

    from helpdesk_tui.i18n import _, current_language, fill, say_in
    from helpdesk_tui.sitting.store import RegisterError

    if isinstance(exc, RegisterError):
        why = say_in(current_language(), exc.args[0] if exc.args else str(exc))  # a Phrase too
    elif isinstance(exc, OSError) and exc.errno in errno.errorcode:
        why = " ".join(
            filter(None, (errno.errorcode[exc.errno], exc.filename and str(exc.filename)))
        )
    else:
        why = f"{type(exc).__name__}: {exc}"
    return fill(_("the sitting register was not updated for {path}: {why}"), path=path, why=why)


def note_log_quietly(path: Path) -> None:
    """`note_log` for the exam itself: a warning goes to the system log, not the candidate's screen."""
    warning = note_log(path)
    if warning is not None:
        try:
            syslog.openlog("helpdesk-exam", syslog.LOG_PID, syslog.LOG_USER)
            syslog.syslog(syslog.LOG_WARNING, warning)
        except OSError:
            pass
