"""Where the bundled scenarios, SLA profiles and logs live.

From a source checkout (the README installs with `pip install -e .`) they are
the folders beside the package; an installed wheel carries them under
`<prefix>/share/helpdesk-exam/`.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    checkout = _PACKAGE.parent
    if (checkout / "scenarios").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "helpdesk-exam"


def scenarios_dir() -> Path:
    return _data_root() / "scenarios"


def sla_profiles_dir() -> Path:
    return _data_root() / "sla_profiles"


def default_logs_dir() -> Path:
    """`logs/` in the current folder: where an instructor starts a practice run."""
    return Path.cwd() / "logs"


SCENARIO_NOTE = ".scenario"
"""Beside an exam log: the scenario folder it started with, so `resume` and `report` find a
centre's own scenario (the header binds its hash, so a wrong folder is refused, not used)."""
MAX_NOTE_BYTES = 4096
"""A note is one path; a longer file is not a note (it is not read further)."""


LANGUAGE_NOTE = ".lang"
"""Beside an exam log: the UI language it was sat in, so a `resume` by hand continues in it
(qa-sitting10: a Dutch exam came back in the locale's English)."""


def recall_language(log: Path) -> str | None:
    """The UI language noted beside `log` (`LOG.lang`), or None (no note, or not a short
    regular file). The caller checks it is one of ours."""
    from helpdesk_tui.eventlog.durable import open_regular

    try:
        with open_regular(log.with_name(log.name + LANGUAGE_NOTE)) as handle:
            data = handle.read(16)
    except OSError:
        return None
    text = data.decode("ascii", "replace").strip()
    return text if text.isalpha() and len(text) <= 8 else None


def scenario_note(log: Path) -> Path:
    """Where the scenario note of `log` is: `LOG.scenario`."""
    return log.with_name(log.name + SCENARIO_NOTE)


def recall_scenario(log: Path) -> Path | None:
    """The folder noted beside `log`, or None (no note, or not a short regular file: a
    pipe or a device there is never waited on). What it points at is not trusted: the
    caller checks the folder's hash against the log's header."""
    from helpdesk_tui.eventlog.durable import open_regular

    try:
        with open_regular(scenario_note(log)) as handle:
            data = handle.read(MAX_NOTE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_NOTE_BYTES:
        return None
    text = data.decode("utf-8", "replace").strip()
    return Path(text) if text and "\n" not in text and "\x00" not in text else None
