"""The event log is pure: importing it (and its commands) never imports Textual."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "helpdesk_tui.eventlog",
    "helpdesk_tui.eventlog.testing",
    "helpdesk_tui.commands.keys",
    "helpdesk_tui.commands.verify",
]


def test_eventlog_never_imports_textual() -> None:
    code = (
        f"import sys\nfor m in {MODULES!r}: __import__(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
