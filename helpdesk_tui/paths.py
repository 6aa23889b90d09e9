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
